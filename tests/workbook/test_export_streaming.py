"""The fast row path (openpyxl's row hook, one reusable cell per style) writes exactly what
openpyxl's public ``append`` of fresh styled cells writes; without the hook, the export still
works through the public path."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from planner.money import Currency
from planner.workbook.export import facts, workbook
from planner.workbook.export.cells import Styled, TextFitter
from planner.workbook.export.options import ExportCancelled, ExportOptions
from planner.workbook.export.streaming import SheetWriter
from planner.workbook.export.styles import Styles
from planner.workbook.export.workbook import write_workbook
from planner.workbook.progress import Progress


def _cells(path):
    """Every cell of every sheet: value, type and the parts of its style that show."""
    wb = load_workbook(path)
    return {
        (ws.title, cell.coordinate): (
            cell.value,
            cell.data_type,
            cell.number_format,
            cell.font.b,
            cell.fill.fgColor.rgb,
            cell.protection.locked,
            cell.quotePrefix,
            cell.alignment.wrap_text,
        )
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None or cell.has_style
    }


@pytest.fixture(scope="module")
def export_both_ways(export_demo_plan, tmp_path_factory):
    folder = tmp_path_factory.mktemp("both-ways")
    paths = {}
    moment = dt.datetime(2026, 5, 4, 9, 30)  # both exports are made "at the same time"
    patch = pytest.MonkeyPatch()
    patch.setattr(workbook, "gather", lambda analysis: facts.gather(analysis, now=moment))
    for fast in (True, False):
        path = folder / f"fast-{fast}.xlsx"
        write_workbook(
            export_demo_plan,
            path,
            options=ExportOptions(),
            progress=Progress(cancelled=lambda: ExportCancelled("cancelled")),
            fast_rows=fast,
        )
        paths[fast] = path
    patch.undo()
    return paths


def test_the_fast_path_writes_the_same_cells_as_the_public_one(export_both_ways):
    fast, public = _cells(export_both_ways[True]), _cells(export_both_ways[False])
    assert fast.keys() == public.keys()
    assert {key: fast[key] for key in fast if fast[key] != public[key]} == {}


def test_a_worksheet_without_the_row_hook_gets_the_public_path(tmp_path, monkeypatch):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Plain")
    monkeypatch.delattr(WriteOnlyWorksheet, "_values_to_row")  # as another openpyxl might
    writer = SheetWriter(ws, Styles(Currency("EUR")), TextFitter())
    monkeypatch.undo()  # this openpyxl's own append needs its method back
    writer.append(["=1+1", Styled(12.5, "exact_money"), None, 3])
    wb.save(tmp_path / "plain.xlsx")
    row = next(load_workbook(tmp_path / "plain.xlsx")["Plain"].iter_rows())
    assert writer.fast is False
    assert [(c.value, c.data_type) for c in row] == [
        ("=1+1", "s"),
        (12.5, "n"),
        (None, "n"),
        (3, "n"),
    ]
    assert row[0].quotePrefix is True
    assert row[1].number_format == '"€"#,##0.00'
