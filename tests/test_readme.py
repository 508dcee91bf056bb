"""The README a new user follows: its links lead to files in the repository, and CI runs its
Quick start as written. SECURITY.md names the code and tests behind each guarantee: they exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    # Continued lines (a trailing backslash) are one command.
    return [
        " ".join(command.split())
        for block in blocks
        for command in block.replace("\\\n", " ").splitlines()
        if command.strip()
    ]


def _apt_packages(command: str) -> list[str]:
    """The packages an ``apt-get install`` command names, in order."""
    return [word for word in command.split()[3:] if not word.startswith("-")]


def test_every_link_and_picture_in_the_readme_is_a_file_in_the_repository() -> None:
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    assert targets
    missing = [t for t in targets if "://" not in t and not (ROOT / t).is_file()]
    assert missing == []


def test_the_readme_names_no_document_that_is_not_in_the_repository() -> None:
    named = set(re.findall(r"\b[\w./-]+\.md\b", README))
    assert [name for name in named if not (ROOT / name).is_file()] == []


def test_every_file_security_md_names_is_in_the_repository() -> None:
    security = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:planner|ui|tests)/[\w./-]+\.py)", security))
    assert len(named) > 10
    assert sorted(name for name in named if not (ROOT / name).is_file()) == []


def test_ci_runs_the_quick_starts_install_and_commands_as_written() -> None:
    commands = _quick_start_commands()
    install, *others = [c for c in commands if not c.startswith(("sudo ", "python3 -m venv"))]
    # The window cannot open on CI: the installed app's self-test stands in for it.
    assert install == "python3 -m pip install . && smarketing"
    assert f"{install} --self-test" in CI
    for command in others:
        assert command in CI, command


def test_ci_installs_the_libraries_the_readme_says_the_self_test_needs() -> None:
    (apt,) = [c for c in _quick_start_commands() if c.startswith("sudo apt-get install")]
    packages = _apt_packages(apt)
    assert packages[0] == "python3-venv"
    offscreen = packages[1:7]  # "the offscreen smarketing --self-test needs the first six"
    installed_by_ci = re.search(r'^needed="([^"]*)"', CI, re.MULTILINE)
    assert installed_by_ci is not None
    assert set(offscreen) <= set(installed_by_ci[1].split())
