"""The timeline's grouping as a command-line option: ``smarketing chart --group-by`` and
``smarketing export --timeline-by``."""

from __future__ import annotations

import argparse

from planner.timeline import Grouping


def add_grouping_option(command: argparse.ArgumentParser, flag: str, what: str) -> None:
    """``flag GROUPING``: one of the groupings, by its name; a wrong one is refused naming
    the option and the choices (by argparse, as every usage error)."""
    names = [grouping.value for grouping in Grouping]
    command.add_argument(
        flag,
        dest="grouping",
        choices=names,
        type=str.lower,
        metavar="GROUPING",
        help=f"{what}: {', '.join(names[:-1])} or {names[-1]} (default: {names[0]})",
    )


def chosen_grouping(options: argparse.Namespace) -> Grouping | None:
    """The grouping the options name (``None`` when not given)."""
    return None if options.grouping is None else Grouping(options.grouping)
