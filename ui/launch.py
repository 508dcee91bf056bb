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
    if arguments == [SELF_TEST]:
        from ui.self_test import main as self_test

        return self_test()
    if wants_app(arguments):
        from ui.app import run_app

        return run_app(Path(arguments[0]).expanduser().absolute() if arguments else None)
    from planner.cli import main as command_line

    return command_line(arguments)
