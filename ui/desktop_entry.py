"""``smarketing --install-desktop-entry``: make a Linux desktop know the app, for the user who
runs it (no root): the app in the menu, the ``.smplan`` type with the app's icon, and plans
opened with the app on a double-click.

It copies the freedesktop files shipped in ``resources/desktop/`` under ``$XDG_DATA_HOME``
(``~/.local/share``): the desktop entry, its ``Exec`` pointing at the program that ran this
(the installed ``smarketing`` or the bundle's), the shared-mime-info type, and the icon at
the names both use; then refreshes the desktop's caches when their tools are there. Qt-free,
so it works where Qt's system libraries are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ui.resource_files import resources_dir

ENTRY = "smarketing-planner.desktop"  # the name the app gives Qt (setDesktopFileName)
MIME_PACKAGE = "smarketing-planner.xml"
APP_ICON = "smarketing-planner"
TYPE_ICON = "application-x-smarketing-plan"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the XDG base directory rule)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def this_program() -> str:
    """The program to start the app with: the bundle's executable, else the ``smarketing``
    script that is running, else the one on the PATH."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name == "smarketing" and started.is_file():
        return str(started.resolve())
    return shutil.which("smarketing") or "smarketing"


def exec_argument(program: str) -> str:
    """``program`` as the desktop entry spec quotes an argument of ``Exec``."""
    if not any(c in program for c in " \t\n\"'\\><~|&;$*?#()`"):
        return program
    escaped = program.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    return '"' + escaped.replace("$", "\\$") + '"'


def install(home: Path, program: str) -> list[Path]:
    """Write the desktop entry, the MIME type and the icons under ``home`` (a data folder),
    the entry starting ``program``; the files written."""
    shipped = resources_dir() / "desktop"
    entry = (shipped / ENTRY).read_text(encoding="utf-8")
    quoted = exec_argument(program)
    entry = entry.replace("Exec=smarketing %f", f"Exec={quoted} %f").replace(
        "TryExec=smarketing", f"TryExec={program}"
    )
    written = [
        _write(home / "applications" / ENTRY, entry.encode("utf-8")),
        _write(home / "mime" / "packages" / MIME_PACKAGE, (shipped / MIME_PACKAGE).read_bytes()),
    ]
    icon = (resources_dir() / "app-icon.png").read_bytes()
    for kind, name in (("apps", APP_ICON), ("mimetypes", TYPE_ICON)):
        written.append(_write(home / "icons" / "hicolor" / "256x256" / kind / f"{name}.png", icon))
    return written


def refresh_caches(home: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; the commands run."""
    commands = [
        ["update-mime-database", str(home / "mime")],
        ["update-desktop-database", str(home / "applications")],
        [
            "gtk-update-icon-cache",
            "--quiet",
            "--ignore-theme-index",
            str(home / "icons" / "hicolor"),
        ],
    ]
    ran = []
    for command in commands:
        if shutil.which(command[0]):
            subprocess.run(command, check=False, capture_output=True)
            ran.append(command[0])
    return ran


def main() -> int:
    """Install for this user and say what was written; the exit code."""
    if not sys.platform.startswith("linux"):
        print(
            "smarketing: --install-desktop-entry is for Linux desktops; on macOS the app bundle declares the "
            "plan type itself, and on Windows an installer makes the association (see the "
            "README's 'Build the desktop app').",
            file=sys.stderr,
        )
        return 2
    home = data_home()
    try:
        written = install(home, this_program())
    except OSError as error:
        print(f"smarketing: cannot install the desktop entry: {error}", file=sys.stderr)
        return 1
    ran = refresh_caches(home)
    for path in written:
        print(f"wrote {path}")
    if "update-mime-database" not in ran:
        print("update-mime-database is not installed: the .smplan type shows once it runs")
    return 0


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
