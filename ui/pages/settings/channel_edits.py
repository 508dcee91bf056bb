"""The undoable edits of the plan's channels: add, rename, retire or bring back, move, delete.

Each builder returns one command for the document to run; a field edit reads what it
overwrites from the core as it is done, so undo puts back exactly that. Commands never touch
a widget.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner import Channel, Plan
from ui.commands import AddRecord, DeleteRecords, Edit, PlanCommand, set_field
from ui.pages.initiatives.edits import short, unique_name
from ui.rate_edits import SetRate

NEW_CHANNEL = "New channel"


class AddChannel(AddRecord):
    """Add "New channel" (or the next free number) at the end of the list."""

    def __init__(self, plan: Plan, taken: Iterable[str]) -> None:
        self.name = unique_name(taken, NEW_CHANNEL)
        super().__init__("add channel", plan.channels, lambda: plan.channels.add(name=self.name))

    @property
    def channel_id(self) -> int | None:
        return self.record_id


def rename_channel(plan: Plan, channel: Channel, name: str) -> PlanCommand:
    """Rename ``channel``; undo gives it back the name it had."""
    return set_field(
        f"rename channel {short(channel.name)}", plan.channels, channel.id, "name", name
    )


def set_retired(plan: Plan, channel: Channel, retired: bool) -> PlanCommand:
    """Retire ``channel`` (its initiatives keep it; new ones cannot choose it) or bring it
    back; undo puts back what it was."""
    verb = "retire" if retired else "bring back"
    text = f"{verb} channel {short(channel.name)}"
    return set_field(text, plan.channels, channel.id, "retired", retired)


def move_channel(plan: Plan, channel: Channel, old: int, new: int) -> PlanCommand:
    """Move ``channel`` from place ``old`` to ``new`` in the list; undo moves it back."""
    direction = "up" if new < old else "down"
    return Edit(
        f"move channel {short(channel.name)} {direction}",
        do=lambda: plan.channels.move(channel.id, new),
        undo=lambda: plan.channels.move(channel.id, old),
    )


def delete_channel(plan: Plan, channel: Channel) -> PlanCommand:
    """Delete an unused channel; undo puts it back in its place. The core refuses a channel
    initiatives use (naming them), and the last one offered."""
    return DeleteRecords(
        f"delete channel {short(channel.name)}",
        plan,
        plan.channels,
        [channel.id],
        name=channel.name,
        plural="channels",
    )


def set_channel_rate(plan: Plan, channel: Channel, rate: str, typed: str) -> PlanCommand:
    """Override the channel's ``rate`` with ``typed`` (a percentage; blank: the plan's
    again); undo puts back the channel's rate as it was."""
    return SetRate(
        rate,
        typed,
        f"channel {short(channel.name)}",
        read=lambda: plan.channels.rates(channel.id),
        write=lambda **rates: plan.channels.set_rates(channel.id, **rates),
    )
