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


def add_returns_by_option(command: argparse.ArgumentParser, what: str) -> None:
    """``--by GROUPING``: how "what each dollar returns" groups the initiatives, one of the
    returns chart's groupings by name; a wrong one is refused naming the choices."""
    from planner.returns_figures import GROUPINGS

    names = [dimension.value for dimension in GROUPINGS]
    command.add_argument(
        "--by",
        dest="returns_by",
        choices=names,
        type=str.lower,
        metavar="GROUPING",
        help=f"{what}: {', '.join(names[:-1])} or {names[-1]}",
    )
