"""The undoable edits of the Initiatives page, each built from the plan and the values it
changes (what an edit overwrites is read from the core as it is done, so undo puts back exactly that).

Commands call the core only; they never touch a widget, so they are tested without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from planner import Plan, Status
from planner.services.initiatives import InitiativeSnapshot
from ui.commands import AddRecord, DeleteRecords, Overwrite, PlanCommand, set_field
from ui.rate_edits import SetRate

NEW_NAME = "New initiative"

# How each field's edit reads in the Edit menu: "Undo change budget of Webinar series".
_FIELD_WORDS = {
    "name": "rename",
    "channel_id": "change channel of",
    "status": "change status of",
    "start_month": "change start of",
    "end_month": "change end of",
    "budget": "change budget of",
    "revenue_target": "change revenue target of",
    "problem": "edit problem of",
    "so_what": "edit so what of",
    "why_us": "edit why us of",
    "notes": "edit notes of",
}
FIELDS = frozenset(_FIELD_WORDS)


def short(name: str, limit: int = 30) -> str:
    """A name short enough for a menu item."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def update_field(plan: Plan, initiative_id: int, field: str, value: Any) -> PlanCommand:
    """Set one field of an initiative (name, channel, status, months, money, story)."""
    if field not in _FIELD_WORDS:
        raise ValueError(f"{field!r} is not a field of an initiative that can be edited")
    text = f"{_FIELD_WORDS[field]} {short(plan.initiatives.get(initiative_id).name)}"
    return set_field(text, plan.initiatives, initiative_id, field, value)


def set_owner(plan: Plan, initiative_id: int, person_id: int) -> PlanCommand:
    """Make a person the Accountable owner; undo gives back the whole roles column."""
    return Overwrite(
        f"change owner of {short(plan.initiatives.get(initiative_id).name)}",
        lambda: plan.roles.set_owner(initiative_id, person_id),
        read=lambda: plan.roles.for_initiative(initiative_id),
        restore=lambda roles: plan.roles.replace(initiative_id, roles),
    )


def set_segments(plan: Plan, initiative_id: int, segment_ids: Iterable[int]) -> PlanCommand:
    """Aim an initiative at exactly these segments; undo restores the previous set."""
    wanted = tuple(segment_ids)
    return Overwrite(
        f"change segments of {short(plan.initiatives.get(initiative_id).name)}",
        lambda: plan.initiatives.set_segments(initiative_id, wanted),
        read=lambda: plan.initiatives.get(initiative_id).segment_ids,
        restore=lambda old: plan.initiatives.set_segments(initiative_id, old),
    )


def set_rate(plan: Plan, initiative_id: int, rate: str, typed: str) -> PlanCommand:
    """Override the initiative's ``rate`` with ``typed`` (a percentage; blank: its
    channel's or the plan's again); undo puts back its own rate as it was."""
    name = plan.initiatives.get(initiative_id).name
    return SetRate(
        rate,
        typed,
        short(name),
        read=lambda: plan.initiatives.rates(initiative_id),
        write=lambda **rates: plan.initiatives.set_rates(initiative_id, **rates),
    )


def cell_edit(plan: Plan, initiative_id: int, key: str, value: Any) -> PlanCommand:
    """The command for a value typed or chosen in a table column (its key)."""
    if key == "owner":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("an owner is chosen from the people of the plan")
        return set_owner(plan, initiative_id, value)
    return update_field(plan, initiative_id, key, value)


def unique_name(taken: Iterable[str], base: str = NEW_NAME) -> str:
    """``base``, or ``"base 2"``, ``"base 3"``... whichever no name in ``taken`` is (in any
    letter case, as the plan compares names)."""
    used = {name.casefold() for name in taken}
    if base.casefold() not in used:
        return base
    number = 2
    while f"{base} {number}".casefold() in used:
        number += 1
    return f"{base} {number}"


def _count(ids: Sequence[int], plan: Plan, verb: str) -> str:
    if len(ids) == 1:
        return f"{verb} {short(plan.initiatives.get(ids[0]).name)}"
    return f"{verb} {len(ids)} initiatives"


class AddInitiative(AddRecord):
    """A new idea named "New initiative" (or the next free number) over the plan's horizon."""

    def __init__(self, plan: Plan, taken: Iterable[str] | None = None) -> None:
        """``taken``: the plan's initiative names, if the caller has them at hand (a page
        showing them all); otherwise they are read from the plan."""
        if taken is None:
            taken = [i.name for i in plan.initiatives.list()]
        self.name = unique_name(taken)
        super().__init__(
            "add initiative",
            plan.initiatives,
            # In the plan's default channel ("Other" unless retired or renamed).
            lambda: plan.initiatives.add(name=self.name, status=Status.IDEA),
        )

    @property
    def initiative_id(self) -> int | None:
        return self.record_id


class DuplicateInitiatives(PlanCommand):
    """Copies of initiatives ("<name> (copy)"), made in one step; undo deletes the copies."""

    def __init__(self, plan: Plan, initiative_ids: Sequence[int]) -> None:
        if not initiative_ids:
            raise ValueError("nothing to duplicate")
        super().__init__(_count(initiative_ids, plan, "duplicate"))
        self._plan = plan
        self._sources = tuple(initiative_ids)
        self.copy_ids: tuple[int, ...] = ()
        self._snapshots: tuple[InitiativeSnapshot, ...] = ()

    def do(self) -> None:
        initiatives = self._plan.initiatives
        with self._plan.batch():
            if self._snapshots:
                for snapshot in self._snapshots:
                    initiatives.restore(snapshot)
            else:
                self.copy_ids = tuple(initiatives.duplicate(i).id for i in self._sources)

    def revert(self) -> None:
        initiatives = self._plan.initiatives
        with self._plan.batch():
            self._snapshots = tuple(initiatives.snapshot(i) for i in self.copy_ids)
            for copy_id in self.copy_ids:
                initiatives.delete(copy_id)


class DeleteInitiatives(DeleteRecords):
    """Delete initiatives, with their roles, segments and values, as one step; undo puts
    every one back exactly (same ids)."""

    def __init__(self, plan: Plan, initiative_ids: Sequence[int]) -> None:
        if not initiative_ids:
            raise ValueError("nothing to delete")
        super().__init__(
            _count(initiative_ids, plan, "delete"),
            plan,
            plan.initiatives,
            initiative_ids,
            name=plan.initiatives.get(initiative_ids[0]).name,
            plural="initiatives",
        )

    @property
    def initiative_ids(self) -> tuple[int, ...]:
        return self.record_ids
