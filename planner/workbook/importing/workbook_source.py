"""Reading the Actuals sheet of a workbook the export made (and someone filled in).

In order: the zip's sizes are checked, the sheet's part is found and scanned as bytes (entities,
rows, formulas), formula cells with no saved value are located, and only then does openpyxl
read the cells, read-only and as saved values (``data_only``), closing the file after.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanError, PlanFileError
from planner.money import Currency
from planner.months import Horizon
from planner.workbook.importing.formulas import uncached_formula_cells
from planner.workbook.importing.limits import MAX_ROWS, check_workbook_archive
from planner.workbook.importing.parts import PartsMissing, find_sheet, sheet_parts
from planner.workbook.importing.records import RejectedRow
from planner.workbook.importing.sheet_rows import (
    Columns,
    SheetActual,
    SheetRows,
    find_header,
    header_missing,
)
from planner.workbook.importing.sheet_scan import scan_sheet
from planner.workbook.layout import ACTUALS_SHEET, HEADER_SEARCH_ROWS
from planner.workbook.progress import Progress


@dataclass(frozen=True, slots=True)
class SheetRead:
    """The rows left out: rejected (with their reasons) or skipped (a blank Actual)."""

    rejected: tuple[RejectedRow, ...]
    skipped: int


def read_actuals_sheet(
    path: Path,
    *,
    names: dict[int, str],
    horizon: Horizon,
    currency: Currency,
    accept: Callable[[SheetActual], None],
    progress: Progress,
) -> SheetRead:
    """Read the Actuals sheet at ``path``, checking each row against the plan's initiative
    ``names`` (by id), ``horizon`` and ``currency``; each good row's actual goes to ``accept``.
    PlanFileError (one line, naming the file) for a file that is refused as a whole."""
    check_workbook_archive(path)
    try:
        return _read(path, _Plan(names, horizon, currency), accept, progress)
    except PlanError:
        raise
    except PartsMissing as error:
        raise PlanFileError(f"{path.name} is not an Excel workbook (.xlsx): {error}") from None
    except Exception as error:
        if _is_xml_bomb(error):
            raise PlanFileError(
                f'{path.name} declares XML entities or a DTD, as an "XML bomb" does; no '
                "workbook needs them, so it is refused"
            ) from None
        # Untrusted input: whatever a damaged file makes openpyxl, lxml or zipfile raise
        # becomes one line naming the file, never a traceback.
        detail = " ".join(str(error).split())[:200] or type(error).__name__
        raise PlanFileError(
            f"{path.name}: the workbook cannot be read ({detail}); open and save it in Excel, "
            "or export it again"
        ) from None


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the rows are checked against."""

    names: dict[int, str]
    horizon: Horizon
    currency: Currency


def _read(
    path: Path, plan: _Plan, accept: Callable[[SheetActual], None], progress: Progress
) -> SheetRead:
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(archive)
        title = find_sheet(parts, ACTUALS_SHEET)
        if title is None:
            listed = ", ".join(parts) or "none"
            raise PlanFileError(
                f"{path.name} has no {ACTUALS_SHEET} sheet; import the workbook the export "
                f"made, or a CSV (its sheets: {listed})"
            )
        where = f"{path.name}, sheet {title}"
        scan = scan_sheet(archive, parts[title], where=where, progress=progress)
        uncached = (
            uncached_formula_cells(archive, parts[title], progress=progress)
            if scan.has_formulas
            else frozenset()
        )
    openpyxl = _openpyxl_with_defusedxml()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        sheet = book[title]
        # Iterate the rows the part holds, not the size it declares (which may be anything).
        sheet.reset_dimensions()
        rows = sheet.iter_rows(min_row=1, values_only=True)
        columns = _header(rows, where)
        collected = SheetRows(
            title, columns[1], plan.names, plan.horizon, plan.currency, accept, uncached
        )
        progress.start(scan.rows)
        for number, row in enumerate(rows, start=columns[0] + 1):
            if number > MAX_ROWS:
                raise PlanFileError(
                    f"{where} reaches row {number:,}; the import reads sheets of up to "
                    f"{MAX_ROWS:,} rows"
                )
            collected.add(number, row)
            progress.reach(number)
    finally:
        book.close()
    progress.finish()
    return SheetRead(tuple(collected.rejected), collected.skipped)


def _header(rows, where: str) -> tuple[int, Columns]:  # type: ignore[no-untyped-def]
    """The header row's number and columns, read off the first rows of ``rows``."""
    lacking: list[str] | None = None
    for number, row in enumerate(rows, start=1):
        found = find_header(row)
        if isinstance(found, Columns):
            return number, found
        lacking = lacking or found
        if number >= HEADER_SEARCH_ROWS:
            break
    raise header_missing(where, lacking)


def _openpyxl_with_defusedxml():  # type: ignore[no-untyped-def]
    """openpyxl, refusing to read untrusted XML unless it parses through defusedxml."""
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise PlanFileError(
            "workbooks are not imported: openpyxl is not using defusedxml (install defusedxml "
            "and do not set OPENPYXL_DEFUSEDXML=False)"
        )
    # Warnings about parts openpyxl drops (extensions, data validation) say nothing about the
    # actuals and would print under the command line's one-line messages.
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
    return openpyxl


def _is_xml_bomb(error: BaseException | None) -> bool:
    """Whether defusedxml refused the XML (openpyxl wraps that in an error of its own)."""
    from defusedxml import DefusedXmlException

    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False
