"""Moving an initiative in time: the Timeline page's drag, resize and arrow keys, as one edit of
its dates and its planned monthly values.

    plan.timeline.move(7, 202604, 202606)                        # values as the plan's setting
    plan.timeline.move(7, "2026-04", "2026-06", ValuesOnMove.RESPREAD)

What happens to the planned values is the lead's once-made choice
(``plan.settings.get().values_on_move``, :class:`~planner.domain.ValuesOnMove`), or the one a
call names:

- **Shift**: the values travel with the bar. A move (both ends moved) shifts every planned
  month by as many months as the start moved; a resize (one end moved) leaves them where they
  are. Then a value in a month outside the new dates is added to the nearest month inside
  them, so no planned total is lost.
- **Respread**: each metric's planned total is kept and spread evenly over the new months,
  the indivisible remainder one unit at a time to the first months, so it adds up exactly.

Either way every planned value ends inside the initiative's dates. **History stays put**: the
months through the plan's actuals-through month are closed (what "to date" runs through, as
every figure counts it; see :meth:`planner.analysis.Analysis.actuals_through`), and a move
that would change a planned value of a closed month (shift one out of it, fold or spread one
into it) is refused; a respread spreads over the open months of the new dates and keeps what
the closed ones plan. Actuals never move: a move that would leave a month holding an actual
of the initiative outside its dates is refused too. A refusal is a
:class:`~planner.errors.ValidationError` naming the field; the plan is left as it was.

A move is one transaction and one change set (the dates, then the values), so a scenario
writes it back and a locked baseline refuses it as any edit. For its undo,
:meth:`TimelineService.placement` reads what the initiative holds before the move and
:meth:`TimelineService.restore` puts it back exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Metric, ValuesOnMove
from planner.errors import ValidationError
from planner.months import Month
from planner.services.base import Service
from planner.services.initiatives import InitiativeService

if TYPE_CHECKING:
    from planner.analysis import Analysis

Planned = tuple[int | None, ...]  # the nine planned values of a month, in Metric order
_PLANNED = tuple(metric.planned_column for metric in Metric)
_ACTUAL = tuple(metric.actual_column for metric in Metric)
_NOTHING: Planned = (None,) * len(Metric)
_DATES = frozenset({"start_month", "end_month"})


@dataclass(frozen=True, slots=True)
class Placement:
    """An initiative's dates and every planned value it holds (``planned``: each month that
    plans anything, in order, with its nine planned values in :class:`Metric` order), to put
    back exactly after a move (:meth:`TimelineService.restore`)."""

    initiative_id: int
    start_month: Month
    end_month: Month
    planned: tuple[tuple[Month, Planned], ...]


class TimelineService(Service):
    def move(
        self,
        initiative_id: int,
        start_month: object,
        end_month: object,
        values: ValuesOnMove | str | None = None,
        *,
        analysis: Analysis | None = None,
    ) -> Change:
        """Give the initiative new dates, its planned values following as ``values`` says
        (``None``: the plan's setting); see the module's docstring for what is refused.
        ``analysis``: the session's, which says which months are closed (by default summed
        in SQL). Returns the change of the initiative's dates; the change set also holds
        that of its values."""
        name = self._require("initiatives", "initiative", initiative_id, "initiative")
        horizon = self._plan.horizon
        start = check.month_in("start_month", start_month, horizon)
        end = check.month_in("end_month", end_month, horizon)
        InitiativeService.check_dates(start, end)
        how = (
            self._plan.settings.get().move_values
            if values is None
            else check.choice("values_on_move", values, ValuesOnMove)
        )
        old_start, old_end = self._dates(initiative_id)
        planned, actual_months = self._held(initiative_id)
        _refuse_actuals_outside(name, actual_months, start, end)
        if analysis is None:
            from planner.analysis import Analysis

            analysis = Analysis.in_sql(self._plan)
        closed = analysis.actuals_through()
        if how is ValuesOnMove.SHIFT:
            # Both ends moved: a move, the values go along; one end moved: a resize, they stay.
            moved_both = start != old_start and end != old_end
            offset = month_math.index(start) - month_math.index(old_start) if moved_both else 0
            moved = shifted(planned, offset, start, end)
        else:
            moved = respread(planned, start, end, closed, name=name)
        _refuse_history_changed(name, planned, moved, closed, start != old_start)
        _refuse_too_large(name, moved)
        return self._put(initiative_id, start, end, planned, moved)

    def placement(self, initiative_id: int) -> Placement:
        """The initiative's dates and planned values now, for :meth:`restore`."""
        self._require("initiatives", "initiative", initiative_id, "initiative")
        start, end = self._dates(initiative_id)
        planned, _actual_months = self._held(initiative_id)
        return Placement(initiative_id, start, end, tuple(sorted(planned.items())))

    def restore(self, placement: Placement) -> Change:
        """Put back exactly the dates and planned values of ``placement`` (actuals are left as
        they are: they may have been entered since)."""
        initiative_id = placement.initiative_id
        self._require("initiatives", "initiative", initiative_id, "initiative")
        horizon = self._plan.horizon
        for month, _values in placement.planned:  # the horizon may have moved since
            check.month_in("month", month, horizon)
        planned, _actual_months = self._held(initiative_id)
        return self._put(
            initiative_id,
            placement.start_month,
            placement.end_month,
            planned,
            dict(placement.planned),
        )

    # -- reading and writing ---------------------------------------------------------------

    def _dates(self, initiative_id: int) -> tuple[Month, Month]:
        return self._plan.read(
            "SELECT start_month, end_month FROM initiatives WHERE id = ?", [initiative_id]
        ).fetchone()

    def _held(self, initiative_id: int) -> tuple[dict[Month, Planned], list[Month]]:
        """The months planning anything with their planned values, and the months holding an
        actual, of the initiative."""
        rows = self._plan.read(
            f"SELECT month, {', '.join(_PLANNED)}, coalesce({', '.join(_ACTUAL)}) IS NOT NULL "
            "FROM monthly_values WHERE initiative_id = ? ORDER BY month",
            [initiative_id],
        ).fetchall()
        planned = {row[0]: tuple(row[1:-1]) for row in rows if row[1:-1] != _NOTHING}
        return planned, [row[0] for row in rows if row[-1]]

    def _put(
        self,
        initiative_id: int,
        start: Month,
        end: Month,
        old: Mapping[Month, Planned],
        new: Mapping[Month, Planned],
    ) -> Change:
        """Write the dates and the planned values ``new`` (which replace ``old``) in one
        transaction and one change set; the change of the dates is returned."""
        changed = sorted(m for m in old.keys() | new.keys() if old.get(m) != new.get(m))
        columns = {
            column
            for month in changed
            for column, before, after in zip(
                _PLANNED, old.get(month, _NOTHING), new.get(month, _NOTHING), strict=True
            )
            if before != after
        }
        with self._plan.batch():
            with self._plan.edit(
                Entity.INITIATIVES, Action.UPDATED, ids={initiative_id}, fields=_DATES
            ) as edit:
                edit.db.conn.execute(
                    "UPDATE initiatives SET start_month = ?, end_month = ? WHERE id = ?",
                    [start, end, initiative_id],
                )
            if changed:
                with self._plan.edit(
                    Entity.VALUES,
                    Action.UPDATED,
                    ids={initiative_id},
                    fields=columns,
                    months=changed,
                ) as values_edit:
                    self._write_planned(values_edit.db.conn, initiative_id, changed, new)
        return edit.change

    @staticmethod
    def _write_planned(
        conn: sqlite3.Connection,
        initiative_id: int,
        months: Iterable[Month],
        new: Mapping[Month, Planned],
    ) -> None:
        chosen = list(months)
        settings = ", ".join(f"{column} = excluded.{column}" for column in _PLANNED)
        # Every planned column of the months changed, set whole; a month left with nothing
        # planned or actual is no row at all, as after clearing its last value.
        conn.executemany(
            f"INSERT INTO monthly_values (initiative_id, month, {', '.join(_PLANNED)}) "
            f"VALUES (?, ?, {', '.join('?' * len(_PLANNED))}) "
            f"ON CONFLICT (initiative_id, month) DO UPDATE SET {settings}",
            [(initiative_id, month, *new.get(month, _NOTHING)) for month in chosen],
        )
        conn.executemany(
            "DELETE FROM monthly_values WHERE initiative_id = ? AND month = ? AND "
            f"coalesce({', '.join(_PLANNED + _ACTUAL)}) IS NULL",
            [(initiative_id, month) for month in chosen],
        )


# -- the values after a move (plain functions of plain values) -------------------------------


def shifted(
    planned: Mapping[Month, Planned], offset: int, start: Month, end: Month
) -> dict[Month, Planned]:
    """``planned`` moved ``offset`` months on, then each month outside ``start``-``end`` added
    to the nearest month inside (``None`` stays "not entered" unless a value joins it)."""
    moved: dict[Month, Planned] = {}
    for month, values in sorted(planned.items()):
        target = min(max(month_math.add(month, offset), start), end)
        moved[target] = _added(moved.get(target, _NOTHING), values)
    return moved


def respread(
    planned: Mapping[Month, Planned],
    start: Month,
    end: Month,
    closed: Month | None,
    *,
    name: str,
) -> dict[Month, Planned]:
    """Each metric's planned total spread evenly over the open months of ``start``-``end``
    (after ``closed``), the remainder one unit at a time to the first of them; what closed
    months inside the new dates plan is kept as it is. A metric nothing was planned for stays
    not entered."""
    span = [month_math.add(start, n) for n in range(month_math.between(start, end))]
    open_months = [m for m in span if closed is None or m > closed]
    kept = {m: v for m, v in planned.items() if closed is not None and m <= closed and m in span}
    spread = [values for month, values in planned.items() if month not in kept]
    totals = [
        None if all(v[n] is None for v in spread) else sum(v[n] or 0 for v in spread)
        for n in range(len(Metric))
    ]
    if any(total is not None for total in totals) and not open_months:
        raise ValidationError(
            "end_month",
            "closed_months",
            f"every month of {_span(start, end)} is closed (actuals are in through "
            f"{month_math.label(closed or end)}), so {name!r}'s planned values have nowhere "
            "to go",
        )
    result = dict(kept)
    count = len(open_months)
    for position, month in enumerate(open_months):
        result[month] = tuple(
            None if total is None else total // count + (1 if position < total % count else 0)
            for total in totals
        )
    return result


def _added(one: Planned, other: Planned) -> Planned:
    return tuple(
        a if b is None else b if a is None else a + b for a, b in zip(one, other, strict=True)
    )


def _span(start: Month, end: Month) -> str:
    return f"{month_math.label(start)} to {month_math.label(end)}"


def _refuse_actuals_outside(
    name: str, actual_months: list[Month], start: Month, end: Month
) -> None:
    before = [m for m in actual_months if m < start]
    after = [m for m in actual_months if m > end]
    if before:
        raise ValidationError(
            "start_month",
            "actuals_outside",
            f"{name!r} has actuals in {month_math.label(before[0])}, before the new start "
            f"({month_math.label(start)}); actuals stay in the months they happened",
        )
    if after:
        raise ValidationError(
            "end_month",
            "actuals_outside",
            f"{name!r} has actuals in {month_math.label(after[-1])}, after the new end "
            f"({month_math.label(end)}); actuals stay in the months they happened",
        )


def _refuse_too_large(name: str, moved: Mapping[Month, Planned]) -> None:
    """Refuse a month's value beyond what a value may be (folding adds months up)."""
    for month, planned in sorted(moved.items()):
        for metric, value in zip(Metric, planned, strict=True):
            if value is not None and value > check.MAX_NUMBER:
                raise ValidationError(
                    f"planned {metric.title.lower()}",
                    "too_large",
                    f"{name!r} would plan more in {month_math.label(month)} than one month "
                    "can hold; keep more months",
                )


def _refuse_history_changed(
    name: str,
    old: Mapping[Month, Planned],
    new: Mapping[Month, Planned],
    closed: Month | None,
    start_moved: bool,
) -> None:
    """Refuse new planned values that differ from the old in a closed month."""
    if closed is None:
        return
    for month in sorted(old.keys() | new.keys()):
        if month > closed:
            break
        before, after = old.get(month, _NOTHING), new.get(month, _NOTHING)
        if before == after:
            continue
        grows = any(
            (b is None and a is not None) or (a or 0) > (b or 0)
            for b, a in zip(before, after, strict=True)
        )
        raise ValidationError(
            "start_month" if start_moved else "end_month",
            "closed_months",
            f"the move would take planned values of {name!r} {'into' if grows else 'out of'} "
            f"{month_math.label(month)}, a closed month (actuals are in through "
            f"{month_math.label(closed)}); what it planned is history",
        )
