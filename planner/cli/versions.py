"""``smarketing version``: list, save, rename, lock, unlock, delete and promote the plan's
named versions (a locked baseline, what-if scenarios); and ``--version NAME``, which points
``summary``, ``check``, ``chart`` and ``export`` at one of them.

Every subcommand is one call of :class:`planner.versions.service.VersionService`: one
transaction, all of it or nothing, so a refusal leaves the plan as it was.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planner.cli.table import plain, render
from planner.errors import ValidationError
from planner.plan import Plan
from planner.validation import MAX_NAME
from planner.versions import Kind, VersionInfo

# The subcommands that only read the plan.
READING = frozenset({"list"})
# A name from the file is shown whole (it is what a command takes), up to what the app allows.
_NAME_WIDTH = MAX_NAME


def add_version_parser(commands: argparse._SubParsersAction) -> None:
    version = commands.add_parser(
        "version", help="list, save, rename, lock, delete or promote the plan's versions"
    )
    version.description = (
        "A plan keeps named versions beside the working plan: a baseline (locked when saved: "
        "nothing changes it) to compare against, and scenarios to try what-ifs in. Every "
        "change is one transaction; a refused one leaves the plan as it was."
    )
    actions = version.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(version)
    )

    def action(name: str, summary: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=summary)
        parser.description = summary[0].upper() + summary[1:] + "."
        parser.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
        return parser

    listing = action("list", "list the versions: name, kind, locked, saved at, saved from")
    listing.add_argument("--json", action="store_true", help="print JSON for other programs")

    save = action("save", "save the working plan (or a version) as a new version")
    save.add_argument("name", metavar="NAME", help="the new version's name")
    save.add_argument(
        "--scenario",
        action="store_true",
        help="a scenario to try what-ifs in (unlocked); default: a baseline (locked)",
    )
    locking = save.add_mutually_exclusive_group()
    locking.add_argument(
        "--locked", dest="locked", action="store_const", const=True, help="save it locked"
    )
    locking.add_argument(
        "--unlocked", dest="locked", action="store_const", const=False, help="save it unlocked"
    )
    save.add_argument(
        "--from", dest="source", metavar="VERSION", help="copy this version, not the working plan"
    )

    delete = action("delete", "delete a version (unlock a locked one first)")
    delete.add_argument("name", metavar="NAME", help="the version")

    rename = action("rename", "give a version another name")
    rename.add_argument("name", metavar="NAME", help="the version")
    rename.add_argument("new_name", metavar="NEW", help="its new name")

    for name, summary in (
        ("lock", "lock a version: nothing can change it"),
        ("unlock", "unlock a version, to change it as a scenario"),
    ):
        action(name, summary).add_argument("name", metavar="NAME", help="the version")

    promote = action(
        "promote",
        "make a version the working plan (unlock a locked one first); the working plan as "
        "it was is kept as a scenario",
    )
    promote.add_argument("name", metavar="NAME", help="the version")
    promote.add_argument(
        "--keep-as",
        metavar="NAME",
        help="the name to keep the working plan under (default: \"Working plan before 'NAME'\")",
    )


def add_version_option(command: argparse.ArgumentParser) -> None:
    """``--version NAME`` on a command that reads a plan: read that version instead."""
    command.add_argument(
        "--version",
        dest="version_name",
        metavar="NAME",
        help="read this saved version of the plan instead of the working plan",
    )


@contextmanager
def chosen_version(working: Plan, name: str | None) -> Iterator[Plan]:
    """The version named ``name`` of ``working``, open as a plan of its own (the working plan
    itself without a name); refused naming the versions there are."""
    if name is None:
        yield working
        return
    from planner.versions.opened import open_version

    with open_version(working, working.versions.find(name).id) as version:
        yield version


def version_line(info: VersionInfo) -> str:
    """``Version: the locked baseline 'Board FY2026', saved 2026-01-05 10:00 from the
    working plan``: the first line of a command's output that read a version."""
    return f"Version: {info.described}, saved {plain(info.saved_at)} from {_from(info.saved_from)}"


def version_data(info: VersionInfo | None) -> dict[str, Any] | None:
    """A version as JSON-ready values; ``None`` for the working plan."""
    if info is None:
        return None
    return {
        "id": info.id,
        "name": info.name,
        "kind": info.kind.value,
        "locked": info.locked,
        "saved_at": info.saved_at,
        "saved_from": info.saved_from,
    }


def run_version(plan: Plan, options: argparse.Namespace) -> str:
    """Do what ``smarketing version ACTION`` asks; what to print (one line, or the list)."""
    versions = plan.versions
    action = options.action
    if action == "list":
        found = versions.list()
        if options.json:
            return json.dumps([version_data(i) for i in found], indent=2, ensure_ascii=False)
        return list_text(plan, found)
    if action == "save":
        source = versions.find(options.source) if options.source else None
        kind = Kind.SCENARIO if options.scenario else Kind.BASELINE
        change = versions.save(
            options.name,
            kind=kind,
            locked=options.locked,
            source=None if source is None else source.id,
        )
        origin = "the working plan" if source is None else source.described
        return f"Saved {versions.get(change.id).described} from {origin}."
    info = versions.find(options.name)
    if action in ("delete", "promote") and info.locked:
        # The app can undo a delete or a promotion; a command cannot, so a locked version
        # is only ever removed from the plan after someone unlocked it on purpose.
        raise ValidationError(
            "version",
            "locked",
            f"{info.described} is locked: nothing removes it from the plan; unlock it first "
            f"(smarketing version unlock) to {action} it",
        )
    if action == "delete":
        versions.delete(info.id)
        return f"Deleted {info.described}."
    if action == "rename":
        versions.rename(info.id, options.new_name)
        return f"Renamed {info.described} to {versions.get(info.id).name!r}."
    if action in ("lock", "unlock"):
        return _set_locked(plan, info, action == "lock")
    return _promote(plan, info, options.keep_as)


def list_text(plan: Plan, found: list[VersionInfo]) -> str:
    if not found:
        return (
            f"{plan.where} has no saved versions; save the working plan as a locked baseline "
            "with: smarketing version save PLAN NAME"
        )
    rows = [
        (
            plain(info.name, _NAME_WIDTH),
            info.kind.value,
            "locked" if info.locked else "-",
            plain(info.saved_at),
            _from(info.saved_from),
        )
        for info in found
    ]
    headers = ("Name", "Kind", "Locked", "Saved at", "Saved from")
    return render(headers, rows, numeric_from=len(headers))


def _from(saved_from: str) -> str:
    """What a version was copied from: the working plan, or another version by its name."""
    from planner.versions.service import WORKING_PLAN

    return saved_from if saved_from == WORKING_PLAN else repr(saved_from)


def _set_locked(plan: Plan, info: VersionInfo, locked: bool) -> str:
    named = f"the {info.kind.value} {info.name!r}"
    if info.locked == locked:
        return f"Nothing to do: {named} is {'locked' if locked else 'unlocked'} already."
    plan.versions.set_locked(info.id, locked)
    if locked:
        return f"Locked {named}: nothing can change it now."
    return f"Unlocked {named}: it can be changed now."


def _promote(plan: Plan, info: VersionInfo, keep_as: str | None) -> str:
    versions = plan.versions
    name = versions.kept_name(info.id) if keep_as is None else keep_as
    promotion = versions.promote(info.id, keep_working_as=name)
    line = (
        f"Promoted {info.described} to the working plan; the working plan as it was is "
        f"kept as {promotion.kept_as.described}"
    )
    dropped = promotion.kept_dropped
    if dropped:
        from planner.services.base import some_names

        noun = "initiative" if len(dropped) == 1 else "initiatives"
        line += (
            f"; kept {len(dropped)} {noun} with actuals the version lacked, marked dropped: "
            f"{some_names([repr(name) for name in dropped])}"
        )
    return line + "."
