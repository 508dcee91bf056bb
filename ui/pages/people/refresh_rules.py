"""What the page reloads for a change set, and what its empty grid says: plain functions."""

from __future__ import annotations

from dataclasses import dataclass

from planner import Action, ChangeSet, Entity

# Past this many initiatives in one change, one reload beats a query per initiative.
MOST_ROWS_UPDATED_ONE_BY_ONE = 200


@dataclass(frozen=True, slots=True)
class Reload:
    """``everything``; else the people (table and grid columns) and/or some grid rows."""

    everything: bool = False
    people: bool = False
    role_rows: frozenset[int] = frozenset()


def reload_for(changes: ChangeSet | None) -> Reload:
    """The least the page must reload to show ``changes`` (``None``: everything)."""
    if changes is None:
        return Reload(everything=True)
    role_rows = changes.ids(Entity.ROLES)
    if (
        _initiative_rows_changed(changes)
        or any(c.entity == Entity.ROLES and not c.ids for c in changes.changes)
        or len(role_rows) > MOST_ROWS_UPDATED_ONE_BY_ONE
    ):
        return Reload(everything=True)
    return Reload(people=changes.touches(Entity.PEOPLE), role_rows=role_rows)


def _initiative_rows_changed(changes: ChangeSet) -> bool:
    """Initiatives added, deleted or renamed (the grid's rows); other initiative edits
    (budget, dates...) do not show here."""
    return any(
        change.entity == Entity.INITIATIVES
        and (change.action != Action.UPDATED or not change.fields or "name" in change.fields)
        for change in changes.changes
    )


def empty_text(initiatives: int, shown: int, people: int, wanted: str) -> str:
    """What the grid says when it has no cells, and what to do about it."""
    if not people:
        return "No one to give roles to yet. Add people above (Insert)."
    if not initiatives:
        return "No initiatives yet. Add them on the Initiatives page; their rows appear here."
    if not shown:
        return f"No initiative's name holds “{wanted}”."
    return ""
