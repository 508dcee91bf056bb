"""The ``smarketing`` entry point: the desktop app, or a command of the command line.

``smarketing`` opens the app on the last plan (the demo plan on first start), ``smarketing
PLAN`` opens that plan, ``smarketing --self-test`` checks the app works (offscreen), and
``smarketing demo|summary|check ...`` runs the command line, which stays free of Qt so it
starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

SELF_TEST = "--self-test"
INSTALL_DESKTOP_ENTRY = "--install-desktop-entry"


def wants_app(arguments: Sequence[str]) -> bool:
    """No arguments, or one that names a plan to open; anything else is for the command line,
    which refuses a word that is no command."""
    from planner.cli.main import COMMANDS, names_a_plan

    return not arguments or (
        len(arguments) == 1 and arguments[0] not in COMMANDS and names_a_plan(arguments[0])
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run what the arguments ask for; the process's exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == [INSTALL_DESKTOP_ENTRY]:
        from ui.desktop_entry import main as install_desktop_entry

        return install_desktop_entry()
    if arguments == [SELF_TEST] or wants_app(arguments):
        try:
            return _run_qt(arguments)
        except ImportError as error:
            if not _is_missing_system_library(error):
                raise
            print(
                f"smarketing: Qt cannot start on this machine: {error}. Install the system "
                "libraries the README's Quick start lists; the command line (smarketing "
                "--help) works without them.",
                file=sys.stderr,
            )
            return 2
    from planner.cli import main as command_line

    return command_line(arguments)


def _run_qt(arguments: list[str]) -> int:
    if arguments == [SELF_TEST]:
        from ui.self_test import main as self_test

        return self_test()
    from ui.app import run_app

    return run_app(Path(arguments[0]).expanduser().absolute() if arguments else None)


def _is_missing_system_library(error: ImportError) -> bool:
    """Whether Qt's own libraries loaded but one they link to is not on the machine (on a bare
    Linux, libglib-2.0.so.0 and the like), rather than a module of Python's missing."""
    message = str(error)
    return "cannot open shared object file" in message or "DLL load failed" in message
