"""What the app says about versions: titles, the banner, the names it suggests, notices.

Every name here came from the plan file: the callers show these as plain text."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from planner.months import label as month_label
from planner.versions.service import Kind, Promotion, VersionInfo

WORKING_PLAN = "Working plan"


def version_title(info: VersionInfo) -> str:
    """ "scenario 'Cut events 30%'", "locked baseline 'Board-approved FY2026'"."""
    locked = "locked " if info.locked else ""
    return f"{locked}{info.kind.value} '{info.name}'"


def kind_text(info: VersionInfo) -> str:
    """ "Baseline, locked", "Scenario"."""
    kind = info.kind.value.capitalize()
    return f"{kind}, locked" if info.locked else kind


def menu_entry(info: VersionInfo) -> str:
    """ "Board-approved FY2026 (baseline, locked)"."""
    return f"{info.name} ({kind_text(info).lower()})"


def banner_text(info: VersionInfo, *, read_only: bool) -> str:
    """What the banner above a shown version says."""
    if read_only:
        return f"Viewing the {version_title(info)} (read-only)"
    return (
        f"Editing the {version_title(info)}. Edits are saved in this plan file as the "
        f"{info.kind.value}; actuals are shared with the working plan."
    )


def saved_at_text(info: VersionInfo) -> str:
    """ "7 Dec 2026 15:04" for the core's "2026-12-07 15:04" (as stored when not a date)."""
    try:
        moment = datetime.datetime.strptime(info.saved_at, "%Y-%m-%d %H:%M")
    except ValueError:
        return info.saved_at
    return f"{day_text(moment.date())} {moment:%H:%M}"


def day_text(day: datetime.date) -> str:
    """ "7 Dec 2026"."""
    return f"{day.day} {month_label(day.year * 100 + day.month)}"


def free_name(wanted: str, taken: Callable[[str], bool]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``... the first the plan has no version named."""
    name, n = wanted, 1
    while taken(name):
        n += 1
        name = f"{wanted} ({n})"
    return name


def dated_name(kind: Kind, today: datetime.date, taken: Callable[[str], bool]) -> str:
    """ "Baseline 7 Dec 2026", "Scenario 7 Dec 2026 (2)"."""
    return free_name(f"{kind.value.capitalize()} {day_text(today)}", taken)


def promote_explained(scenario: str) -> str:
    return (
        f"'{scenario}' becomes the working plan, and the working plan as it is now is kept "
        "as a scenario under the name below; Undo takes both back."
    )


def promoted_text(promoted: str, promotion: Promotion) -> str:
    """The notice after a promotion, naming initiatives kept because of their actuals."""
    text = (
        f"Promoted '{promoted}' to the working plan; the old working plan is kept as "
        f"{promotion.kept_as.described}"
    )
    kept = promotion.kept_dropped
    if kept:
        names = ", ".join(f"'{name}'" for name in kept[:3])
        more = f" and {len(kept) - 3} more" if len(kept) > 3 else ""
        text += f". Kept as dropped, for their actuals: {names}{more}"
    return text
