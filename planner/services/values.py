"""Monthly funnel values: each of the nine metrics, planned and actual, per initiative and month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner import months as month_math
from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Metric, MonthlyValue
from planner.errors import ValidationError
from planner.services.base import Service


def _label(month: object) -> str:
    """``Jan 2027`` for a month, or the value as given if it is not one."""
    try:
        return month_math.label(month_math.parse_month(month))  # type: ignore[arg-type]
    except ValueError:
        return repr(month)


_ALL_COLUMNS = [column for m in Metric for column in (m.planned_column, m.actual_column)]


class Kind(StrEnum):
    PLANNED = "planned"
    ACTUAL = "actual"

    def column(self, metric: Metric) -> str:
        return metric.planned_column if self is Kind.PLANNED else metric.actual_column


class _Unset:
    pass


UNSET = _Unset()


@dataclass(frozen=True, slots=True)
class ValueEntry:
    """One value to write; ``value`` None clears it. ``where`` names its source for messages
    (``"row 12"``, ``"cell C7"``)."""

    initiative_id: int
    month: object
    metric: Metric | str
    kind: Kind | str
    value: object
    where: str | None = None


@dataclass(frozen=True, slots=True)
class MonthRow:
    """One initiative's month: 18 values, planned then actual for each metric in
    :class:`~planner.domain.Metric` order (``None`` where not entered)."""

    initiative_id: int
    month: int
    values: tuple[int | None, ...]

    def __post_init__(self) -> None:
        if len(self.values) != len(_ALL_COLUMNS):
            raise ValueError(f"a month row has {len(_ALL_COLUMNS)} values, not {len(self.values)}")


class ValueService(Service):
    def for_initiative(self, initiative_id: int) -> list[MonthlyValue]:
        """Every value the initiative holds, month by month, in funnel order."""
        rows = self._plan.read(
            f"SELECT month, {', '.join(_ALL_COLUMNS)} FROM monthly_values "
            "WHERE initiative_id = ? ORDER BY month",
            [initiative_id],
        )
        values = []
        for row in rows:
            for position, metric in enumerate(Metric):
                planned, actual = row[1 + 2 * position], row[2 + 2 * position]
                if planned is not None or actual is not None:
                    values.append(MonthlyValue(initiative_id, row[0], metric, planned, actual))
        return values

    def grid(self, metric: Metric | str) -> dict[tuple[int, int], tuple[int | None, int | None]]:
        """``(initiative_id, month) -> (planned, actual)`` of one metric, for the cells that
        have either."""
        chosen = check.choice("metric", metric, Metric)
        rows = self._plan.read(
            f"SELECT initiative_id, month, {chosen.planned_column}, {chosen.actual_column} "
            f"FROM monthly_values WHERE {chosen.planned_column} IS NOT NULL "
            f"OR {chosen.actual_column} IS NOT NULL"
        )
        return {(r[0], r[1]): (r[2], r[3]) for r in rows}

    def held(self, entries: Iterable[ValueEntry]) -> list[ValueEntry]:
        """The same cells as ``entries``, each with the value the plan holds now (``None``
        where nothing is entered): what writing ``entries`` overwrites, for its undo."""
        given = list(entries)
        wanted = [self._clean(entry) for entry in given]
        cells = sorted({(initiative, month) for initiative, month, _column, _value in wanted})
        rows: dict[tuple[int, int], tuple[int | None, ...]] = {}
        for start in range(0, len(cells), 400):  # two parameters a cell, under SQLite's limit
            chunk = cells[start : start + 400]
            marks = ", ".join("(?, ?)" for _ in chunk)
            found = self._plan.read(
                f"SELECT initiative_id, month, {', '.join(_ALL_COLUMNS)} FROM monthly_values "
                f"WHERE (initiative_id, month) IN (VALUES {marks})",
                [part for cell in chunk for part in cell],
            )
            rows.update({(row[0], row[1]): row[2:] for row in found})
        held = []
        for entry, (initiative, month, column, _value) in zip(given, wanted, strict=True):
            row = rows.get((initiative, month))
            value = None if row is None else row[_ALL_COLUMNS.index(column)]
            held.append(ValueEntry(initiative, month, entry.metric, entry.kind, value, entry.where))
        return held

    def set(
        self,
        initiative_id: int,
        month: object,
        metric: Metric | str,
        *,
        planned: object = UNSET,
        actual: object = UNSET,
    ) -> Change:
        """Set the planned and/or actual value of one metric in one month (``None`` clears).

        Money metrics (spend, pipeline, revenue won) take minor units, or text in major units;
        the others whole counts.
        """
        entries = []
        if planned is not UNSET:
            entries.append(ValueEntry(initiative_id, month, metric, Kind.PLANNED, planned))
        if actual is not UNSET:
            entries.append(ValueEntry(initiative_id, month, metric, Kind.ACTUAL, actual))
        return self.set_many(entries)

    def set_many(self, entries: Iterable[ValueEntry]) -> Change:
        """Write many values in one transaction: all of them, or (on the first bad one, whose
        message names its ``where``) none."""
        cleaned = []
        where: dict[int, str | None] = {}  # the first entry of each initiative, for messages
        for entry in entries:
            cleaned.append(self._clean(entry))
            where.setdefault(cleaned[-1][0], entry.where)
        initiatives = {initiative for initiative, *_ in cleaned}
        with self._plan.edit(
            Entity.VALUES,
            Action.UPDATED,
            ids=initiatives,
            fields={column for *_, column, _ in cleaned},
            months={month for _, month, *_ in cleaned},
        ) as edit:
            known = {row[0] for row in edit.db.execute("SELECT id FROM initiatives")}
            for initiative_id in where:
                if initiative_id not in known:
                    raise ValidationError(
                        "initiative",
                        "unknown",
                        f"there is no initiative with id {initiative_id}",
                        row=where[initiative_id],
                    )
            for column in {column for *_, column, _ in cleaned}:
                batch = [(i, m, v) for i, m, c, v in cleaned if c == column]
                edit.db.conn.executemany(
                    f"INSERT INTO monthly_values (initiative_id, month, {column}) VALUES (?, ?, ?) "
                    f"ON CONFLICT (initiative_id, month) DO UPDATE SET {column} = excluded.{column}",
                    batch,
                )
            edit.db.conn.executemany(
                "DELETE FROM monthly_values WHERE initiative_id = ? AND month = ? AND "
                f"coalesce({', '.join(_ALL_COLUMNS)}) IS NULL",
                {(i, m) for i, m, _c, v in cleaned if v is None},
            )
            self._refuse_totals_beyond_limit(
                "monthly_values", {column for *_, column, value in cleaned if value is not None}
            )
        return edit.change

    def load_months(self, rows: Iterable[MonthRow]) -> Change:
        """Bulk-load whole (initiative, month) rows of all nine metrics in one transaction,
        replacing what those months held. Fast path for generated plans; values are checked
        by the schema (whole, non-negative numbers) rather than one by one."""
        horizon = self._plan.horizon
        batch = []
        for row in rows:
            if row.month not in horizon:
                raise ValidationError(
                    "month",
                    "outside_horizon",
                    f"{_label(row.month)} is outside the plan ({horizon.describe()})",
                )
            batch.append((row.initiative_id, row.month, *row.values))
        # A month with nothing in it is no row at all, as after clearing its last value.
        empty = [(r[0], r[1]) for r in batch if all(v is None for v in r[2:])]
        batch = [r for r in batch if any(v is not None for v in r[2:])]
        placeholders = ", ".join("?" * (2 + len(_ALL_COLUMNS)))
        with self._plan.edit(
            Entity.VALUES,
            Action.UPDATED,
            ids={r[0] for r in batch} | {i for i, _m in empty},
            months={r[1] for r in batch} | {m for _i, m in empty},
        ) as edit:
            edit.db.conn.executemany(
                "DELETE FROM monthly_values WHERE initiative_id = ? AND month = ?", empty
            )
            edit.db.conn.executemany(
                f"INSERT OR REPLACE INTO monthly_values (initiative_id, month, {', '.join(_ALL_COLUMNS)}) "
                f"VALUES ({placeholders})",
                batch,
            )
            self._refuse_totals_beyond_limit("monthly_values", _ALL_COLUMNS)
        return edit.change

    def _clean(self, entry: ValueEntry) -> tuple[int, int, str, int | None]:
        try:
            if isinstance(entry.initiative_id, bool) or not isinstance(entry.initiative_id, int):
                raise ValidationError("initiative", "type", "must be an initiative id")
            metric = check.choice("metric", entry.metric, Metric)
            kind = check.choice("kind", entry.kind, Kind)
            month = check.month_in("month", entry.month, self._plan.horizon)
            field = f"{kind.value} {metric.title.lower()}"
            value = entry.value
            if value is None or (isinstance(value, str) and not value.strip()):
                number = None
            elif metric.is_money:
                number = check.amount(field, value, self._plan.currency)
            else:
                number = check.count(field, value)
        except ValidationError as error:
            if entry.where is None:
                raise
            raise ValidationError(error.field, error.rule, error.detail, row=entry.where) from None
        return entry.initiative_id, month, kind.column(metric), number
