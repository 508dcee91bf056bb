"""The rows the Initiatives table shows: plain, immutable values built from core records.

No Qt here: the rows, and which of them a change set makes stale, are tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import Action, ChangeSet, Channel, Entity, Initiative, Person, Segment, Tier
from planner.domain import return_ratio

if TYPE_CHECKING:
    from planner.analysis.returns import ReturnsRow
    from planner.versions.compare import InitiativeDiff

# Tiers in strike-zone order: the core first.
TIER_ORDER = {Tier.CORE: 0, Tier.EDGE: 1, Tier.OUTSIDE: 2}


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    """One initiative as the table shows it, with the names its ids stand for."""

    id: int
    name: str
    channel_id: int
    channel_name: str
    status: str  # a Status value
    start_month: int
    end_month: int
    budget: int  # minor units
    revenue_target: int  # minor units
    owner_id: int | None
    owner_name: str  # "" when no one is accountable
    segment_ids: tuple[int, ...]
    segment_names: tuple[str, ...]  # "Mid-market SaaS (core)", core segments first
    tiers: frozenset[str]  # the Tier values of its segments
    problem: str
    so_what: str
    why_us: str
    notes: str
    # How it differs from the baseline compared with (None: no baseline chosen).
    vs_baseline: InitiativeDiff | None = None
    # What each dollar returns, planned and actual (None: the returns columns are hidden).
    returns: ReturnsRow | None = None

    @property
    def return_ratio(self) -> float | None:
        """Revenue target over budget; ``None`` without a target or a budget."""
        return return_ratio(self.revenue_target, self.budget)

    @property
    def search_text(self) -> str:
        """The text a search looks in (name and story), case-folded."""
        return "\n".join(
            (self.name, self.problem, self.so_what, self.why_us, self.notes)
        ).casefold()


def initiative_row(
    initiative: Initiative,
    people: Mapping[int, Person],
    segments: Mapping[int, Segment],
    channels: Mapping[int, Channel],
) -> InitiativeRow:
    """The row of one initiative, given people, segments and channels by id."""
    owner = people.get(initiative.owner_id) if initiative.owner_id is not None else None
    aimed = sorted(
        (segments[s] for s in initiative.segment_ids if s in segments),
        key=lambda s: (TIER_ORDER[s.tier], s.name.casefold()),
    )
    return InitiativeRow(
        id=initiative.id,
        name=initiative.name,
        channel_id=initiative.channel_id,
        channel_name=channels[initiative.channel_id].name,
        status=initiative.status.value,
        start_month=initiative.start_month,
        end_month=initiative.end_month,
        budget=initiative.budget,
        revenue_target=initiative.revenue_target,
        owner_id=initiative.owner_id,
        owner_name=owner.name if owner is not None else "",
        segment_ids=initiative.segment_ids,
        segment_names=tuple(f"{s.name} ({s.tier.value})" for s in aimed),
        tiers=frozenset(s.tier.value for s in aimed),
        problem=initiative.problem,
        so_what=initiative.so_what,
        why_us=initiative.why_us,
        notes=initiative.notes,
    )


def initiative_rows(
    initiatives: Iterable[Initiative],
    people: Iterable[Person],
    segments: Iterable[Segment],
    channels: Iterable[Channel],
) -> list[InitiativeRow]:
    """The table's rows, one per initiative, in the order given."""
    people_by_id = {p.id: p for p in people}
    segments_by_id = {s.id: s for s in segments}
    channels_by_id = {c.id: c for c in channels}
    return [initiative_row(i, people_by_id, segments_by_id, channels_by_id) for i in initiatives]


def keep_order(new: Sequence[InitiativeRow], old: Sequence[InitiativeRow]) -> list[InitiativeRow]:
    """``new`` in the order of ``old``, added rows last.

    The view sorts through its proxy, so the model's own order is free; keeping it stable
    lets the model repaint changed rows instead of resetting (which would drop the
    selection) when a rename changes the core's alphabetical order.
    """
    place = {row.id: n for n, row in enumerate(old)}
    return sorted(new, key=lambda row: place.get(row.id, len(place)))


# Changes that concern single rows; anything else reloads the whole table.
_ROW_CHANGES = {
    Entity.INITIATIVES: (Action.ADDED, Action.UPDATED, Action.DELETED),
    Entity.ROLES: (Action.UPDATED,),
}
_IGNORED_ENTITIES = (Entity.VALUES, Entity.ASSUMPTIONS, Entity.HANDOFF)


def rows_to_reload(changes: ChangeSet | None) -> frozenset[int] | None:
    """The initiatives whose rows a change set makes stale, or ``None`` for a full reload.

    Initiatives added, updated or deleted, and changes of their roles (the owner), name
    their ids: those rows are read again, put in or taken out. Edits of people, segments
    or settings (names, currency, horizon) and of channels reach every row, so they reload
    all.
    """
    if changes is None:
        return None
    ids: set[int] = set()
    for change in changes.changes:
        if change.entity in _IGNORED_ENTITIES:
            continue
        if change.action not in _ROW_CHANGES.get(change.entity, ()) or not change.ids:
            return None
        ids |= change.ids
    return frozenset(ids)
