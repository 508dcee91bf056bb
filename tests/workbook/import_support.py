"""What the import tests share: a plan with some actuals, its whole state for before/after
comparisons, and workbooks written by hand the way the export lays out its Actuals sheet."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl
import pytest
from plan_builders import no_actuals_plan

from planner import Metric, Plan
from planner.workbook.importing import ImportPreview, ImportRefused, apply_import, preview_import
from planner.workbook.layout import ACTUALS_HEADERS, ACTUALS_SHEET

WEBINARS = 1  # "Webinar series" in no_actuals_plan()
OUTBOUND = 2  # "Outbound push"
NAMES = {WEBINARS: "Webinar series", OUTBOUND: "Outbound push"}
INSTRUCTIONS = (
    "Fill in the Actual column and send the workbook back.",
    "Money is in USD; counts are whole numbers. Leave a cell blank to keep the plan's value.",
)
# The Actuals sheet rows written by actuals_row() start below the instructions, a blank row
# and the header: the first data row is this one.
FIRST_DATA_ROW = len(INSTRUCTIONS) + 3


def plan_with_actuals() -> Plan:
    """no_actuals_plan() with a few actuals entered, so a test can see them kept."""
    plan = no_actuals_plan()
    plan.values.set(WEBINARS, "2026-01", Metric.MQL, actual=100)
    plan.values.set(WEBINARS, "2026-01", Metric.REVENUE_WON, actual="1,000.00")
    plan.values.set(OUTBOUND, "2026-02", Metric.LEADS, actual=300)
    return plan


def plan_state(plan: Plan) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the plan: equal before and after means nothing changed."""
    tables = [
        row[0]
        for row in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {table: sorted(plan.query(f"SELECT * FROM [{table}]"), key=repr) for table in tables}


def actuals_row(
    initiative_id: object,
    month: object,
    metric: object,
    actual: object,
    *,
    name: object = None,
    planned: object = None,
) -> list[object]:
    """One row in the export's column order; ``month`` "2026-03" becomes a real date and a
    Metric its title, the way the export writes them."""
    if isinstance(month, str) and len(month) == 7 and month[4] == "-":
        month = dt.datetime(int(month[:4]), int(month[5:]), 1)
    if isinstance(metric, Metric):
        metric = metric.title
    if name is None and isinstance(initiative_id, int):
        name = NAMES.get(initiative_id, "")
    return [initiative_id, name, month, metric, planned, actual]


def write_actuals(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    headers: Sequence[str] = ACTUALS_HEADERS,
    title: str = ACTUALS_SHEET,
) -> Path:
    """A workbook with an Actuals sheet laid out as planner/workbook/layout.py says."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet.append([])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    for (cell,) in sheet.iter_rows(min_row=FIRST_DATA_ROW, min_col=3, max_col=3):
        cell.number_format = "mmm yyyy"
    book.save(path)
    return path


def replace_part(path: Path, part: str, data: bytes) -> Path:
    """Rewrite the workbook at ``path`` with ``part`` holding ``data`` instead."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def sheet_part(path: Path) -> str:
    """The part name of the workbook's first (only) worksheet."""
    with zipfile.ZipFile(path) as archive:
        return next(name for name in archive.namelist() if name.startswith("xl/worksheets/"))


def refusal(plan: Plan, path: Path, error: type[Exception] = Exception, **options: object) -> str:
    """The one-line message of a file refused as a whole; asserts the plan did not change."""
    before = plan_state(plan)
    with pytest.raises(error) as caught:
        preview_import(plan, path, **options)  # type: ignore[arg-type]
    assert plan_state(plan) == before
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def rejected_rows(plan: Plan, path: Path, **options: object) -> list[str]:
    """The rejected rows of importing ``path`` (as shown: "where: reason"), after asserting
    that applying the preview is refused and leaves the plan exactly as it was."""
    preview = preview_import(plan, path, **options)  # type: ignore[arg-type]
    before = plan_state(plan)
    with pytest.raises(ImportRefused):
        apply_import(plan, preview)
    assert plan_state(plan) == before
    return [str(row) for row in preview.rejected]


def imported(plan: Plan, path: Path, **options: object) -> ImportPreview:
    """Preview and apply ``path`` (which must have no rejected rows); the preview."""
    preview = preview_import(plan, path, **options)  # type: ignore[arg-type]
    assert preview.rejected == (), preview.rejected
    apply_import(plan, preview)
    return preview


def actual(plan: Plan, initiative_id: int, month: int, metric: Metric) -> int | None:
    return plan.values.grid(metric).get((initiative_id, month), (None, None))[1]
