"""The rows of an Actuals sheet, one by one: an actual to import, a row skipped (its Actual is
blank, so the plan keeps its value), or a row rejected with every reason, each naming its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from planner import months as month_math
from planner.domain import Metric
from planner.errors import PlanFileError
from planner.money import Currency
from planner.months import Horizon
from planner.validation import name_key
from planner.workbook.importing.dates import sheet_month
from planner.workbook.importing.numbers import CellProblem, is_blank, quoted, sheet_actual
from planner.workbook.importing.records import RejectedRow
from planner.workbook.layout import (
    ACTUAL,
    ACTUALS_HEADERS,
    HEADER_SEARCH_ROWS,
    INITIATIVE,
    INITIATIVE_ID,
    METRIC,
    MONTH,
    PLANNED,
    metric_from_title,
)

_NEEDED = tuple(title for title in ACTUALS_HEADERS if title != PLANNED)  # Planned is ignored
_POSITION = {metric: position for position, metric in enumerate(Metric)}
_NO_SAVED_VALUE = "holds a formula with no saved value; open and save the workbook in Excel first"


@dataclass(frozen=True, slots=True)
class Columns:
    """Where the header row put each column the import reads (0-based positions)."""

    initiative_id: int
    initiative: int
    month: int
    metric: int
    actual: int

    @property
    def width(self) -> int:
        return max(self.initiative_id, self.initiative, self.month, self.metric, self.actual) + 1


def find_header(row: Sequence[object]) -> Columns | list[str] | None:
    """The columns, if ``row`` is the header row; the titles it lacks if it is a header row
    with some missing; None if it is not a header row at all."""
    titles = {
        str(cell).strip().casefold(): position
        for position, cell in reversed(list(enumerate(row)))
        if isinstance(cell, str)
    }
    if INITIATIVE_ID.casefold() not in titles:
        return None
    missing = [title for title in _NEEDED if title.casefold() not in titles]
    if missing:
        return missing
    at = {title: titles[title.casefold()] for title in _NEEDED}
    return Columns(at[INITIATIVE_ID], at[INITIATIVE], at[MONTH], at[METRIC], at[ACTUAL])


def header_missing(where: str, lacking: list[str] | None) -> PlanFileError:
    if lacking:
        return PlanFileError(
            f"{where}: the header row lacks the column(s) {', '.join(lacking)}; import the "
            "workbook the export made"
        )
    return PlanFileError(
        f"{where} has no header row ({', '.join(ACTUALS_HEADERS)}) in its first "
        f"{HEADER_SEARCH_ROWS} rows; import the workbook the export made"
    )


@dataclass(frozen=True, slots=True)
class SheetActual:
    """One actual the sheet holds, checked, in the units the plan stores."""

    initiative_id: int
    month: int
    metric: Metric
    value: int
    where: str


@dataclass
class SheetRows:
    """Checks each data row of the sheet: its actual goes to ``accept`` (as it is read, so a
    long sheet is never held in memory), its problems to ``rejected``."""

    sheet: str
    columns: Columns
    names: dict[int, str]  # the plan's initiative names by id
    horizon: Horizon
    currency: Currency
    accept: Callable[[SheetActual], None]
    uncached: frozenset[str] = frozenset()  # cells with a formula and no saved value
    rejected: list[RejectedRow] = field(default_factory=list)
    skipped: int = 0
    _seen: dict[int, int] = field(default_factory=dict)  # the first row of each key
    _letters: dict[int, str] = field(default_factory=dict)
    _metrics: dict[str, Metric | None] = field(default_factory=dict)
    _name_keys: dict[int, str] = field(default_factory=dict)

    def add(self, number: int, row: Sequence[object]) -> None:
        """Take data row ``number`` (1-based, as Excel shows it)."""
        columns = self.columns
        cells = row if len(row) >= columns.width else (*row, *(None,) * columns.width)
        used = (columns.initiative_id, columns.initiative, columns.month, columns.metric)
        where = f"{self.sheet} row {number}"
        if self.uncached and self._reference(columns.actual, number) in self.uncached:
            cell = self._reference(columns.actual, number)
            self.rejected.append(RejectedRow(where, f"cell {cell} {_NO_SAVED_VALUE}"))
            return
        if is_blank(cells[columns.actual]):
            if not all(is_blank(cells[position]) for position in used):
                self.skipped += 1  # nothing to import: the plan keeps its value
            return
        problems = [
            f"cell {self._reference(p, number)} {_NO_SAVED_VALUE}"
            for p in used
            if self.uncached and self._reference(p, number) in self.uncached
        ]
        initiative_id = self._initiative(cells, number, problems)
        month = self._month(cells[columns.month], number, problems)
        metric = self._metric(cells[columns.metric], number, problems)
        if initiative_id is not None and month is not None and metric is not None:
            # One int per key, not a tuple: the sheet of a large plan has 648,000 of them.
            key = (initiative_id * 1_000_000 + month) * 16 + _POSITION[metric]
            earlier = self._seen.setdefault(key, number)
            if earlier != number:
                problems.append(f"same initiative, month and metric as row {earlier}")
        value = None
        if metric is not None:
            try:
                value = sheet_actual(cells[columns.actual], metric, self.currency)
            except CellProblem as problem:
                problems.append(f"cell {self._reference(columns.actual, number)} {problem}")
        if problems or initiative_id is None or month is None or metric is None or value is None:
            self.rejected.append(RejectedRow(where, "; ".join(problems)))
            return
        self.accept(SheetActual(initiative_id, month, metric, value, where))

    def _initiative(self, cells: Sequence[object], number: int, problems: list[str]) -> int | None:
        columns = self.columns
        try:
            initiative_id = _initiative_id(cells[columns.initiative_id])
        except CellProblem as problem:
            problems.append(f"cell {self._reference(columns.initiative_id, number)} {problem}")
            return None
        name = self.names.get(initiative_id)
        if name is None:
            problems.append(
                f"cell {self._reference(columns.initiative_id, number)}: there is no initiative "
                f"with id {initiative_id} in the plan"
            )
            return None
        given = cells[columns.initiative]
        given_text = "" if given is None else str(given).strip()
        if given_text != name and name_key(given_text) != self._name_key(initiative_id, name):
            problems.append(
                f"cell {self._reference(columns.initiative, number)} names {given_text!r}, but "
                f"initiative {initiative_id} is {name!r} in the plan"
            )
            return None
        return initiative_id

    def _month(self, value: object, number: int, problems: list[str]) -> int | None:
        try:
            month = sheet_month(value)
        except CellProblem as problem:
            problems.append(f"cell {self._reference(self.columns.month, number)} {problem}")
            return None
        if month not in self.horizon:
            problems.append(
                f"cell {self._reference(self.columns.month, number)}: {month_math.label(month)} "
                f"is outside the plan ({self.horizon.describe()})"
            )
            return None
        return month

    def _metric(self, value: object, number: int, problems: list[str]) -> Metric | None:
        text = "" if value is None else str(value)
        if text not in self._metrics:  # a few distinct titles, read hundreds of thousands of times
            self._metrics[text] = metric_from_title(text)
        metric = self._metrics[text]
        if metric is None:
            problems.append(
                f"cell {self._reference(self.columns.metric, number)} holds {_shown(value)}, "
                f"not a metric ({', '.join(m.title for m in Metric)})"
            )
        return metric

    def _name_key(self, initiative_id: int, name: str) -> str:
        key = self._name_keys.get(initiative_id)
        if key is None:
            key = self._name_keys[initiative_id] = name_key(name.strip())
        return key

    def _reference(self, position: int, number: int) -> str:
        letter = self._letters.get(position)
        if letter is None:
            from openpyxl.utils import get_column_letter

            letter = self._letters[position] = get_column_letter(position + 1)
        return f"{letter}{number}"


def _initiative_id(value: object) -> int:
    if is_blank(value):
        raise CellProblem("holds no initiative id")
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii():
        number = int(value.strip())
    else:
        raise CellProblem(f"holds {_shown(value)}, not an initiative id")
    if number <= 0:
        raise CellProblem(f"holds {number}, not an initiative id")
    return number


def _shown(value: object) -> str:
    return "nothing" if value is None else quoted(str(value).strip())
