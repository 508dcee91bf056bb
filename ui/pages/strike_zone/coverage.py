"""The coverage grid as plain data: which initiative aims at which segment.

Initiatives are rows and segments are columns (grouped core, edge, outside): a plan has a few
segments and many initiatives, so the grid grows downwards and initiative names read across.
Built from the core's records alone, so it is tested without a window.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from planner import Action, ChangeSet, Entity, Initiative, Segment, Status, Tier
from ui.pages.strike_zone.tiers import TIER_ORDER


@dataclass(frozen=True, slots=True)
class CoverageColumn:
    """A segment, as a column of the grid; ``aimed`` counts every initiative aimed at it."""

    segment_id: int
    name: str
    tier: Tier
    aimed: int


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """An initiative, as a row of the grid."""

    initiative_id: int
    name: str
    status: Status
    segment_ids: frozenset[int]

    @property
    def dropped(self) -> bool:
        return self.status is Status.DROPPED


@dataclass(frozen=True, slots=True)
class Coverage:
    columns: tuple[CoverageColumn, ...] = ()
    rows: tuple[CoverageRow, ...] = ()
    _row_of: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    _column_of: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def aims(self, row: int, column: int) -> bool:
        """Whether the initiative of ``row`` aims at the segment of ``column``."""
        return self.columns[column].segment_id in self.rows[row].segment_ids

    def row_of(self, initiative_id: int) -> int | None:
        return self._row_of.get(initiative_id)

    def column_of(self, segment_id: int) -> int | None:
        return self._column_of.get(segment_id)


def build_coverage(initiatives: Sequence[Initiative], segments: Sequence[Segment]) -> Coverage:
    """The grid for these records: initiatives in the order given, segments by tier (core,
    edge, outside) and in the order given within a tier."""
    ordered = sorted(segments, key=lambda s: TIER_ORDER[s.tier])  # stable: keeps name order
    rows = tuple(_row(item) for item in initiatives)
    columns = tuple(CoverageColumn(s.id, s.name, s.tier, 0) for s in ordered)
    return _assemble(columns, rows)


def with_initiatives(coverage: Coverage, changed: Sequence[Initiative]) -> Coverage:
    """The grid with these initiatives' rows replaced in place (after an edit of their aims
    or status); the caller rebuilds the whole grid when initiatives come, go or are renamed."""
    rows = list(coverage.rows)
    for item in changed:
        position = coverage.row_of(item.id)
        if position is not None:
            rows[position] = _row(item)
    return _assemble(coverage.columns, tuple(rows), coverage._row_of)


def _row(item: Initiative) -> CoverageRow:
    return CoverageRow(item.id, item.name, item.status, frozenset(item.segment_ids))


def _assemble(
    columns: tuple[CoverageColumn, ...],
    rows: tuple[CoverageRow, ...],
    row_of: dict[int, int] | None = None,
) -> Coverage:
    aimed = {column.segment_id: 0 for column in columns}
    for row in rows:
        for segment_id in row.segment_ids:
            if segment_id in aimed:
                aimed[segment_id] += 1
    counted = tuple(replace(column, aimed=aimed[column.segment_id]) for column in columns)
    return Coverage(
        columns=counted,
        rows=rows,
        _row_of=row_of if row_of is not None else {r.initiative_id: n for n, r in enumerate(rows)},
        _column_of={column.segment_id: n for n, column in enumerate(counted)},
    )


def toggled(segment_ids: Sequence[int] | frozenset[int], segment_id: int) -> tuple[int, ...]:
    """The segments after toggling ``segment_id``: added if absent, removed if present."""
    chosen = set(segment_ids) ^ {segment_id}
    return tuple(sorted(chosen))


def wrap_name(name: str, width: int = 16, lines: int = 3) -> str:
    """A long segment name on at most ``lines`` lines of about ``width`` characters, with an
    ellipsis when it does not fit (the full name is in the tooltip)."""
    # Break at spaces only: "Mid-market" stays whole rather than "Mid-" / "market".
    wrapped = textwrap.wrap(name, width, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        last = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], last[: width - 1].rstrip() + "…"]
    return "\n".join(wrapped)


# Fields of an initiative the grid shows in place; a change of any other field it shows (the
# name, which also sets the order) or an unknown change rebuilds the grid.
_IN_PLACE_FIELDS = frozenset({"segment_ids", "status"})


def initiatives_to_reload(changes: ChangeSet | None) -> frozenset[int] | None:
    """The initiatives whose rows to read again after ``changes``, or ``None`` when the whole
    grid must be rebuilt (no change set, segments changed, initiatives added, deleted or
    renamed). Edits of fields the grid does not show need no row at all."""
    if changes is None or changes.touches(Entity.SEGMENTS):
        return None
    ids: set[int] = set()
    for change in changes.changes:
        if change.entity is not Entity.INITIATIVES:
            continue
        if change.action is not Action.UPDATED or not change.ids or not change.fields:
            return None
        if "name" in change.fields:
            return None
        if change.fields & _IN_PLACE_FIELDS:
            ids |= change.ids
    return frozenset(ids)
