"""The strike-zone page's undoable actions: segment edits and aiming initiatives at segments.

A field edit reads what it overwrites from the core as it is done, so undo puts back exactly
that (not a view's copy, which may be stale). Commands call the core only; they never touch widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner import Initiative, Plan, Segment, Tier
from ui.commands import AddRecord, DeleteRecords, Overwrite, set_field
from ui.pages.strike_zone.coverage import toggled

NEW_SEGMENT = "New segment"


def short(name: str, limit: int = 40) -> str:
    """A name short enough for the Edit menu ("Undo rename Webinar series: the…")."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def unique_segment_name(taken: Iterable[str], base: str = NEW_SEGMENT) -> str:
    """``base``, or ``base 2``, ``base 3``... : the first not taken (names ignore case)."""
    names = {name.casefold() for name in taken}
    if base.casefold() not in names:
        return base
    number = 2
    while f"{base} {number}".casefold() in names:
        number += 1
    return f"{base} {number}"


def rename_segment(plan: Plan, segment: Segment, name: str) -> Overwrite:
    return set_field("rename segment", plan.segments, segment.id, "name", name)


def move_segment(plan: Plan, segment: Segment, tier: Tier | str) -> Overwrite:
    """Move a segment to another tier: "move Agencies to core". An unknown tier is passed on
    for the core to refuse with the allowed ones."""
    shown = tier.value if isinstance(tier, Tier) else str(tier)
    text = f"move {short(segment.name)} to {shown}"
    return set_field(text, plan.segments, segment.id, "tier", tier)


def edit_segment_notes(plan: Plan, segment: Segment, notes: str) -> Overwrite:
    return set_field("edit segment notes", plan.segments, segment.id, "notes", notes)


class AddSegment(AddRecord):
    """Add a segment; undo deletes it, redo puts the same segment (same id) back."""

    def __init__(self, plan: Plan, name: str, tier: Tier = Tier.EDGE) -> None:
        super().__init__(
            "add segment", plan.segments, lambda: plan.segments.add(name=name, tier=tier)
        )

    @property
    def segment_id(self) -> int | None:
        return self.record_id


class DeleteSegments(DeleteRecords):
    """Delete segments as one step; undo restores them with the initiatives aimed at them."""

    def __init__(self, plan: Plan, segments: Sequence[Segment]) -> None:
        text = (
            f"delete segment {short(segments[0].name)}"
            if len(segments) == 1
            else f"delete {len(segments)} segments"
        )
        super().__init__(
            text,
            plan,
            plan.segments,
            [segment.id for segment in segments],
            name=segments[0].name,
            plural="segments",
        )


def toggle_aim(plan: Plan, initiative: Initiative, segment: Segment) -> Overwrite:
    """Aim the initiative at the segment, or stop aiming it there: one ``set_segments``."""
    new = toggled(tuple(plan.initiatives.get(initiative.id).segment_ids), segment.id)
    verb = "aim" if segment.id in new else "stop aiming"
    return Overwrite(
        f"{verb} {short(initiative.name)} at {short(segment.name)}",
        lambda: plan.initiatives.set_segments(initiative.id, new),
        read=lambda: plan.initiatives.get(initiative.id).segment_ids,
        restore=lambda old: plan.initiatives.set_segments(initiative.id, old),
    )
