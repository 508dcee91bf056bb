"""A regular install (``pip install .``, the README's Quick start) carries everything the app
reads at run time, and the installed app starts: not only the editable checkout the rest of
the suite runs from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from fnmatch import fnmatch
from pathlib import Path

import pytest

from ui import icons
from ui.resource_files import RESOURCE_PACKAGE

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the checkout leaves out: what git ignores or keeps to itself.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache"
)


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _packages_on_disk() -> set[str]:
    found = set()
    for top in ("planner", "ui"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip install .`` builds, from a copy of the checkout."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = work.glob("*.whl")
    return built


def test_every_package_on_disk_is_listed_for_installing() -> None:
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    assert listed - {RESOURCE_PACKAGE} == _packages_on_disk()


def test_the_resources_folder_is_installed_as_the_package_the_app_reads() -> None:
    config = _pyproject()["tool"]["setuptools"]
    assert config["package-dir"] == {RESOURCE_PACKAGE: "resources"}
    assert Path(icons.icons_dir()) == ROOT / "resources" / "icons"


def test_every_help_page_and_picture_is_listed_for_installing() -> None:
    patterns = _pyproject()["tool"]["setuptools"]["package-data"][RESOURCE_PACKAGE]
    help_files = [
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources" / "help").rglob("*")
        if path.is_file()
    ]
    assert help_files, "resources/help holds the guide"
    unlisted = [name for name in help_files if not any(fnmatch(name, p) for p in patterns)]
    assert unlisted == []


@pytest.mark.slow
def test_the_wheel_carries_every_icon_and_the_app_icon(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"{RESOURCE_PACKAGE}/{path.relative_to(ROOT / 'resources').as_posix()}"
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
        and (path.suffix in {".svg", ".png", ".ico"} or "help" in path.parts)
        and "screenshots" not in path.parts
    }
    assert shipped, "resources/ holds the app's icons"
    assert shipped <= names, sorted(shipped - names)
    assert not any("screenshots" in name for name in names), "the README's pictures stay out"


@pytest.mark.slow
def test_the_installed_app_passes_its_self_test_away_from_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    # A fresh environment that sees this one's dependencies (PySide6 and the rest) through a
    # path file, but not the editable install of the checkout, whose finder is only loaded
    # from a site folder's own path files.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "DISPLAY"}}
    env["HOME"] = str(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Forced: pip sees the checkout's editable install of the same version through the path
    # file and would otherwise call the wheel installed already.
    install = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run(
        [*install, "--force-reinstall", str(wheel)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    where = subprocess.run(
        [str(python), "-c", "import ui; print(ui.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(site), f"the app must come from the install: {where}"

    result = subprocess.run(
        [str(venv / "bin" / "smarketing"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
