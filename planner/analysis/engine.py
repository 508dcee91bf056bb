"""The one analysis engine: roll-ups of the nine funnel metrics, planned and actual, by
period or by a dimension, over plain sums from a source that the owner of the plan chooses.

    analysis = Analysis.in_sql(plan)        # a command, an export: summed in SQL each time
    analysis = Analysis.in_memory(plan)     # the app's document: arrays kept in step
    analysis.rollup(Dimension.OWNER, months=(202601, 202603), where=Filter(...))

Each source only sums (per initiative, per month; see
:class:`~planner.analysis.sums.SumsSource`); grouping, allocation and ordering are here, once:

- Periods (month, quarter, year) list every period of the requested months in the horizon;
  per-initiative groupings (initiative, owner, team, channel, segment, tier) every group
  holding an initiative the filter keeps. A group with nothing entered reads 0 planned and
  ``None`` actual ("no data").
- An initiative aimed at several segments is allocated to them in equal shares, the
  indivisible remainder going one minor unit at a time to its segments in id order; every
  segment and tier total therefore adds up to the plan total exactly. Initiatives aimed at no
  segment form their own row (key ``None``), as initiatives with no owner do.
- Rows come in time order for periods, in the plan's order for channels (keyed by channel
  id) and segments, core to outside for tiers, by name otherwise; "none" rows last.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from planner.analysis.periods import Period, last_closed_month, period_key, period_label
from planner.analysis.sql_sums import SqlSums
from planner.analysis.sums import (
    NOTHING,
    Dimension,
    RollupRow,
    Sums,
    SumsSource,
    Totals,
    added,
    aims_by_initiative,
    shared,
)
from planner.domain import Metric, Tier

if TYPE_CHECKING:
    from planner.analysis.filters import Filter
    from planner.plan import Plan

Key = int | str | None
_NO_OWNER = "(no owner)"
_NOT_AIMED = "(no segment)"
_PERIODS = (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR, Dimension.TOTAL)
_INITIATIVES = (
    "SELECT i.id, i.name, i.channel_id, r.person_id, o.team FROM initiatives i "
    "LEFT JOIN roles r ON r.initiative_id = i.id AND r.role = 'A' "
    "LEFT JOIN people o ON o.id = r.person_id ORDER BY i.name COLLATE NOCASE, i.id"
)
# The Dashboard's sums after an edit cost about 3 microseconds a monthly row in SQL (220 ms
# on the large demo plan's 72,000 rows), so below this many rows they take under 6 ms: less
# than numpy's import and a copy of the values would cost when the plan opens.
IN_MEMORY_FROM_ROWS = 2_000


def worth_keeping_in_memory(plan: Plan) -> bool:
    """Whether ``plan`` has enough monthly values for :meth:`Analysis.in_memory` to beat
    :meth:`Analysis.in_sql` for a session that asks again after every edit."""
    (rows,) = plan.query(
        f"SELECT count(*) FROM (SELECT 1 FROM monthly_values LIMIT {IN_MEMORY_FROM_ROWS})"
    )[0]
    return rows >= IN_MEMORY_FROM_ROWS


class Analysis:
    """The analysis of one open plan, over the source of sums its owner chose; ``today`` is
    the session's clock (which months are closed)."""

    def __init__(self, plan: Plan, sums: SumsSource, *, today: datetime.date | None = None) -> None:
        self.plan = plan
        self.today = today or datetime.date.today()
        self.sums = sums

    @classmethod
    def in_sql(cls, plan: Plan, *, today: datetime.date | None = None) -> Analysis:
        """Summed in SQL at each question: for one-shot work (a command, an export job)."""
        return cls(plan, SqlSums(plan), today=today)

    @classmethod
    def in_memory(cls, plan: Plan, *, today: datetime.date | None = None) -> Analysis:
        """Every value read into memory now and kept in step with the plan's edits until
        :meth:`close`: for a long-lived session asking again after every edit."""
        from planner.analysis.memory_sums import MemorySums  # numpy: only when asked for

        return cls(plan, MemorySums(plan), today=today)

    def close(self) -> None:
        """Stop following the plan's edits (the in-memory source)."""
        self.sums.close()

    @property
    def holds_values(self) -> bool:
        """Whether the plan's values are held in memory (:meth:`in_memory`: a big plan)."""
        return not isinstance(self.sums, SqlSums)

    @property
    def closed_through(self) -> int:
        """The last closed month: the month before the one ``today`` falls in. Actuals
        dated after it are not counted (see :mod:`planner.analysis.progress`)."""
        return last_closed_month(self.today)

    def actuals_through(self) -> int | None:
        """The latest closed month of the horizon holding any actual value; ``None`` before
        any: what "to date" runs through, everywhere."""
        horizon = self.plan.horizon
        last = min(horizon.last, self.closed_through)
        if last < horizon.first:
            return None
        return self.sums.latest_actual(horizon.first, last)

    def total(
        self, *, months: tuple[int, int] | None = None, where: Filter | None = None
    ) -> Totals:
        """The whole plan's (or the filtered initiatives') totals over ``months``."""
        return self.rollup(Dimension.TOTAL, months=months, where=where)[0].totals

    def plan_without_actual(
        self, *, months: tuple[int, int] | None = None, where: Filter | None = None
    ) -> dict[Metric, int]:
        """Per metric, the plan of the initiative-months (within ``months``, of the
        initiatives ``where`` keeps) that hold no actual of it."""
        kept = where.kept(self.plan) if where is not None else None
        sums = self.sums.plan_without_actual(months, kept)
        return dict(zip(Metric, sums, strict=True))

    def rollup(
        self,
        by: Dimension | str,
        *,
        months: tuple[int, int] | None = None,
        where: Filter | None = None,
        actual_through: int | None = None,
    ) -> list[RollupRow]:
        """Every metric summed by ``by``, over ``months`` (first, last inclusive) and the
        initiatives ``where`` keeps (see the module's docstring for groups and order); with
        ``actual_through``, the actual sums count only the months up to it (planned for the
        period, actual to date, summed in one go)."""
        return self.rollups([by], months=months, where=where, actual_through=actual_through)[0]

    def rollups(
        self,
        by: Iterable[Dimension | str],
        *,
        months: tuple[int, int] | None = None,
        where: Filter | None = None,
        actual_through: int | None = None,
    ) -> list[list[RollupRow]]:
        """:meth:`rollup` by each of ``by``, summing the values once."""
        dimensions = [Dimension(each) for each in by]
        horizon = self.plan.horizon
        if months is not None and months[0] <= horizon.first and months[1] >= horizon.last:
            # Every value lies in the horizon (a plan file holding one outside it does not
            # open), and SQLite sums all of them two to three times faster than the same
            # months named.
            months = None
        kept = where.kept(self.plan) if where is not None else None
        if all(dimension in _PERIODS for dimension in dimensions):
            monthly = self.sums.by_month(months, kept, actual_through)
            return [self._by_period(d, months, monthly) for d in dimensions]
        sums = self.sums.by_initiative(months, kept, actual_through)
        initiatives = [
            row for row in self.plan.query(_INITIATIVES) if kept is None or row[0] in kept
        ]
        return [
            self._by_period(d, months, self.sums.by_month(months, kept, actual_through))
            if d in _PERIODS
            else self._by_initiative(d, initiatives, sums)
            for d in dimensions
        ]

    def rollup_of(
        self,
        by: Dimension | str,
        per_initiative: Mapping[int, Sums],
        *,
        where: Filter | None = None,
    ) -> list[RollupRow]:
        """Sums given per initiative (figures worked out from the plan, such as what each
        initiative's target needs, in :data:`~planner.analysis.sums.COLUMNS` order) grouped
        by ``by`` as :meth:`rollup` groups the plan's values: the same groups, order, labels
        and allocation to segments, over the initiatives ``where`` keeps. An initiative
        missing from ``per_initiative`` adds nothing. Periods have no meaning here; ``by``
        is the total or a per-initiative grouping."""
        dimension = Dimension(by)
        kept = where.kept(self.plan) if where is not None else None
        if dimension is Dimension.TOTAL:
            chosen = [s for i, s in per_initiative.items() if kept is None or i in kept]
            return [RollupRow("total", "Total", Totals.of(added(chosen)))]
        if dimension in _PERIODS:
            raise ValueError(f"sums given per initiative cannot be grouped by {dimension}")
        initiatives = [
            row for row in self.plan.query(_INITIATIVES) if kept is None or row[0] in kept
        ]
        return self._by_initiative(dimension, initiatives, dict(per_initiative))

    def _by_initiative(
        self, dimension: Dimension, initiatives: list[tuple[Any, ...]], sums: dict[int, Sums]
    ) -> list[RollupRow]:
        if dimension in (Dimension.SEGMENT, Dimension.TIER):
            return self._allocated(dimension, initiatives, sums)
        if dimension is Dimension.INITIATIVE:
            nothing = Totals.of(NOTHING)
            return [
                RollupRow(i[0], i[1], Totals.of(sums[i[0]]) if i[0] in sums else nothing)
                for i in initiatives
            ]
        column = {Dimension.OWNER: 3, Dimension.TEAM: 4, Dimension.CHANNEL: 2}[dimension]
        groups = _grouped((i[column], sums.get(i[0])) for i in initiatives)
        if dimension is Dimension.OWNER:
            people = self.plan.query("SELECT id, name FROM people ORDER BY name COLLATE NOCASE")
            return _rows(groups, [row[0] for row in people], dict(people), _NO_OWNER)
        if dimension is Dimension.TEAM:
            return _rows(groups, sorted(k for k in groups if k is not None), {}, _NO_OWNER)
        channels = self.plan.query("SELECT id, name FROM channels ORDER BY position, id")
        return _rows(groups, [row[0] for row in channels], dict(channels), "")

    def _by_period(
        self, dimension: Dimension, months: tuple[int, int] | None, sums: dict[int, Sums]
    ) -> list[RollupRow]:
        horizon = self.plan.horizon.months()
        if months is not None:
            horizon = [m for m in horizon if months[0] <= m <= months[1]]
        listed = set(horizon) | set(sums)  # a month outside the horizon still counts
        start = self.plan.settings.get().fiscal_year_start
        if dimension is Dimension.TOTAL:
            return [RollupRow("total", "Total", Totals.of(added(list(sums.values()))))]
        period = Period(dimension.value)
        groups = _grouped((period_key(period, m, start), sums.get(m)) for m in sorted(listed))
        return [
            RollupRow(key, period_label(period, key, start), Totals.of(values))  # type: ignore[arg-type]
            for key, values in groups.items()
        ]

    def _allocated(
        self, dimension: Dimension, initiatives: list[tuple[Any, ...]], sums: dict[int, Sums]
    ) -> list[RollupRow]:
        aims = aims_by_initiative(self.plan)
        by_segment = dimension is Dimension.SEGMENT

        def shares() -> Iterable[tuple[Key, Sums | None]]:
            for row in initiatives:
                aimed = aims.get(row[0], [])
                values = sums.get(row[0])
                if not aimed:
                    yield None, values
                    continue
                parts = [None] * len(aimed) if values is None else shared(values, len(aimed))
                for (segment, tier), share in zip(aimed, parts, strict=True):
                    yield segment if by_segment else tier, share

        groups = _grouped(shares())
        if by_segment:
            segments = self.plan.segments.list()
            names = {s.id: s.name for s in segments}
            return _rows(groups, list(names), names, _NOT_AIMED)
        tiers = {tier.value: tier.value.capitalize() for tier in Tier}
        return _rows(groups, list(tiers), tiers, _NOT_AIMED)


def _grouped(pairs: Iterable[tuple[Key, Sums | None]]) -> dict[Key, Sums]:
    """The sums added up by key, keys in order of first appearance; a ``None`` sum (an
    initiative holding no value) makes its group listed without adding to it."""
    members: dict[Key, list[Sums]] = {}
    for key, values in pairs:
        group = members.setdefault(key, [])
        if values is not None:
            group.append(values)
    return {key: added(group) for key, group in members.items()}


def _rows(
    groups: dict[Key, Sums], order: list[Any], labels: dict[Any, str], none_label: str
) -> list[RollupRow]:
    """The groups in ``order``, the ``None`` group last, labelled."""
    position = {key: n for n, key in enumerate(order)}
    keys = sorted(groups, key=lambda k: (k is None, position.get(k, len(position)), str(k)))
    return [
        RollupRow(
            key, none_label if key is None else labels.get(key, str(key)), Totals.of(groups[key])
        )
        for key in keys
    ]
