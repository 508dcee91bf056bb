"""A CRM export's rows through a column mapping: the sums that become the actuals.

Each row that passes the stage filter and names an initiative adds its value to its
initiative, month and metric (and 1 to ``count_into``); the sums, not the rows, are compared
with the plan, so importing the same export twice changes nothing the second time. An amount
in another currency than the plan's is refused, not converted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from planner import months as month_math
from planner.domain import Metric
from planner.errors import PlanFileError
from planner.money import Currency
from planner.months import Horizon
from planner.validation import name_key
from planner.workbook.importing.csv_source import CsvFile, CsvRecord, CsvTable
from planner.workbook.importing.dates import order_evidence, text_month
from planner.workbook.importing.errors import MappingNeeded
from planner.workbook.importing.mapping import CsvMapping, DateOrder
from planner.workbook.importing.numbers import (
    CellProblem,
    OtherCurrency,
    looks_european,
    text_actual,
)
from planner.workbook.importing.records import RejectedRow
from planner.workbook.importing.suggest import CONVERTED_COLUMNS, find_column
from planner.workbook.layout import metric_from_title
from planner.workbook.progress import Progress

Key = tuple[int, int, Metric]  # initiative id, month, metric


@dataclass
class CrmSums:
    """What the rows add up to, where each sum came from, and the rows left out."""

    sums: dict[Key, int] = field(default_factory=dict)
    lines: dict[Key, list[int]] = field(default_factory=lambda: defaultdict(list))
    rejected: list[RejectedRow] = field(default_factory=list)
    skipped: int = 0  # rows of stages not counted
    no_initiative: int = 0  # counted rows whose initiative column is empty
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CurrencyColumns:
    """Columns that a CRM with several currencies writes beside an amount column: Salesforce
    puts each amount's currency in "Amount Currency" and the amount converted to the
    company's currency in "Amount (converted)"; HubSpot calls the converted one "Amount in
    company currency". Either is None when the file has no such column."""

    code: str | None
    converted: str | None

    @classmethod
    def beside(cls, value: str, headers: Sequence[str]) -> CurrencyColumns:
        others = [header for header in headers if header != value]
        return cls(
            code=find_column(others, (f"{value} Currency",)),
            converted=find_column(others, (f"{value} (converted)", *CONVERTED_COLUMNS)),
        )

    def advice(self) -> str:
        """What to do about an amount in another currency than the plan's."""
        if self.converted is None:
            return "the import does not convert currencies"
        return f"use column {self.converted!r} instead"


def initiative_key(text: str) -> str:
    """How a CSV's initiative name is matched to the plan's: ignoring case and spacing."""
    return name_key(" ".join(text.split()))


def check_mapping(mapping: CsvMapping, table: CsvTable) -> None:
    """Refuse (:class:`MappingNeeded`) a mapping that cannot read this file."""
    name = table.path.name
    listed = ", ".join(repr(header) for header in table.headers if header)
    missing = [column for column in mapping.columns() if column not in table.headers]
    if missing:
        columns = ", ".join(repr(column) for column in missing)
        raise MappingNeeded(
            f"{name} has no column {columns} (the mapping needs it); its columns are {listed}",
            headers=table.headers,
        )
    twice = [column for column in mapping.columns() if table.headers.count(column) > 1]
    if twice:
        raise MappingNeeded(
            f"{name} has two columns named {twice[0]!r}; rename one and choose it again",
            headers=table.headers,
        )
    if mapping.metric is None and mapping.metric_column is None and mapping.count_into is None:
        raise MappingNeeded(
            f"{name}: the mapping adds to no metric; choose a metric, a metric column or a "
            "metric to count rows into",
            headers=table.headers,
        )
    if mapping.stage_column and not mapping.stages:
        raise MappingNeeded(
            f"{name}: choose which stages of column {mapping.stage_column!r} count "
            "(for example Closed Won)",
            headers=table.headers,
        )
    if mapping.date_order not in DateOrder.ALL:
        raise MappingNeeded(
            f"{name}: {mapping.date_order!r} is not a date order (one of "
            f"{', '.join(DateOrder.ALL)})",
            headers=table.headers,
        )


def sum_rows(
    source: CsvFile,
    mapping: CsvMapping,
    *,
    initiatives: dict[str, int],
    horizon: Horizon,
    currency: Currency,
    progress: Progress,
) -> CrmSums:
    """Add up the rows of ``source`` through ``mapping`` (already checked against it).

    ``initiatives`` maps :func:`initiative_key` of each initiative's name to its id.
    """
    table = source.table
    column = {header: index for index, header in reversed(list(enumerate(table.headers)))}

    def cell(record: CsvRecord, name: str) -> str:
        index = column[name]
        return record.cells[index] if index < len(record.cells) else ""

    wanted_stages = {stage.strip().casefold() for stage in mapping.stages}
    in_stage = [
        record
        for record in source.records
        if not mapping.stage_column
        or cell(record, mapping.stage_column).strip().casefold() in wanted_stages
    ]
    # A deal that names no initiative was not brought in by one (an "all deals" export holds
    # every deal sales found itself): the plan has nothing to add it to, and nothing is wrong.
    counted = [record for record in in_stage if cell(record, mapping.initiative).strip()]
    result = CrmSums(
        skipped=len(source.records) - len(in_stage), no_initiative=len(in_stage) - len(counted)
    )
    currencies = CurrencyColumns.beside(mapping.value, table.headers)
    order = _date_order(source, mapping, counted, lambda r: cell(r, mapping.date))
    european = table.delimiter == ";" and looks_european(
        cell(record, mapping.value) for record in counted
    )
    if european:
        result.notes.append("amounts read with a decimal comma (1.234,56)")
    progress.start(len(counted))
    for done, record in enumerate(counted, start=1):
        progress.reach(done)
        adds, problems = _row(
            record, mapping, cell, initiatives, horizon, currency, currencies, order, european
        )
        if problems:
            result.rejected.append(RejectedRow(f"line {record.line}", "; ".join(problems)))
            continue
        for key, amount in adds:
            result.sums[key] = result.sums.get(key, 0) + amount
            result.lines[key].append(record.line)
    progress.finish()
    return result


def _row(
    record: CsvRecord,
    mapping: CsvMapping,
    cell: Callable[[CsvRecord, str], str],
    initiatives: dict[str, int],
    horizon: Horizon,
    currency: Currency,
    currencies: CurrencyColumns,
    order: str,
    european: bool,
) -> tuple[list[tuple[Key, int]], list[str]]:
    """What one row (which names an initiative) adds, or why it is rejected (every problem
    of the row)."""
    problems: list[str] = []
    named = cell(record, mapping.initiative).strip()
    initiative_id = initiatives.get(initiative_key(named))
    if initiative_id is None:
        problems.append(
            f"{named[:80]!r} (column {mapping.initiative!r}) is not an initiative in the plan"
        )
    month = None
    when = cell(record, mapping.date)
    if not when.strip():
        problems.append(f"column {mapping.date!r} is empty (its date picks the month)")
    else:
        try:
            month = text_month(when, order)
        except CellProblem as problem:
            problems.append(f"column {mapping.date!r} {problem}")
        else:
            if month not in horizon:
                problems.append(
                    f"column {mapping.date!r}: {month_math.label(month)} is outside the plan "
                    f"({horizon.describe()})"
                )
    metric = mapping.metric
    if mapping.metric_column:
        named_metric = cell(record, mapping.metric_column).strip()
        metric = metric_from_title(named_metric)
        if metric is None:
            problems.append(
                f"column {mapping.metric_column!r} holds {named_metric[:40]!r}, not a metric "
                f"({', '.join(m.title for m in Metric)})"
            )
    value = 0
    if metric is not None:
        text = cell(record, mapping.value)
        marked = cell(record, currencies.code).strip() if currencies.code else ""
        if not text.strip():
            problems.append(f"column {mapping.value!r} is empty")
        else:
            try:
                value = text_actual(text, metric, currency, european=european)
            except OtherCurrency as problem:
                problems.append(f"column {mapping.value!r} {problem}; {currencies.advice()}")
            except CellProblem as problem:
                problems.append(f"column {mapping.value!r} {problem}")
            else:
                # Salesforce writes a plain number and names its currency in another column.
                if metric.is_money and marked and marked.upper() != currency.code:
                    problems.append(
                        f"column {mapping.value!r} is in {marked[:12]} (column "
                        f"{currencies.code!r}), not {currency.code}, the plan's currency; "
                        f"{currencies.advice()}"
                    )
    if problems or initiative_id is None or month is None:
        return [], problems
    adds: list[tuple[Key, int]] = []
    if metric is not None:
        adds.append(((initiative_id, month, metric), value))
    if mapping.count_into is not None:
        adds.append(((initiative_id, month, mapping.count_into), 1))
    return adds, []


def _date_order(
    source: CsvFile,
    mapping: CsvMapping,
    counted: list[CsvRecord],
    date_of: Callable[[CsvRecord], str],
) -> str:
    """The mapping's date order, or for AUTO the one the file's own dates prove."""
    if mapping.date_order != DateOrder.AUTO:
        return mapping.date_order
    name = source.table.path.name
    evidence = order_evidence((f"line {record.line}", date_of(record)) for record in counted)
    if evidence.day_first and evidence.month_first:
        raise PlanFileError(
            f"{name}: column {mapping.date!r} mixes day-first dates ({evidence.day_first}) and "
            f"month-first dates ({evidence.month_first}); correct the file"
        )
    if evidence.day_first:
        return DateOrder.DMY
    if evidence.month_first:
        return DateOrder.MDY
    if evidence.either:
        raise MappingNeeded(
            f"{name}: dates in column {mapping.date!r} such as {evidence.either} could be "
            "day/month/year or month/day/year; choose the date order (DMY or MDY)",
            headers=source.table.headers,
        )
    # No date tells the orders apart (03/03/2026 reads the same both ways): either will do.
    return DateOrder.DMY
