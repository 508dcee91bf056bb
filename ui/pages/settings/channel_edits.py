"""The undoable edits of the plan's channels: add, rename, retire or bring back, move, delete.

Each builder reads what undo needs from the channel it is given (as the list showed it)
and returns one command for the document to run; commands never touch a widget.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner import Channel, Plan
from ui.commands import AddRecord, DeleteRecords, Edit, PlanCommand
from ui.pages.initiatives.edits import short, unique_name

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
    """Rename ``channel``; undo gives it back its name."""
    return Edit(
        f"rename channel {short(channel.name)}",
        do=lambda: plan.channels.update(channel.id, name=name),
        undo=lambda: plan.channels.update(channel.id, name=channel.name),
    )


def set_retired(plan: Plan, channel: Channel, retired: bool) -> PlanCommand:
    """Retire ``channel`` (its initiatives keep it; new ones cannot choose it) or bring it
    back; undo does the opposite."""
    verb = "retire" if retired else "bring back"
    return Edit(
        f"{verb} channel {short(channel.name)}",
        do=lambda: plan.channels.update(channel.id, retired=retired),
        undo=lambda: plan.channels.update(channel.id, retired=not retired),
    )


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
