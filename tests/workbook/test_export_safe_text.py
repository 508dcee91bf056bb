"""User text that Excel could run as a formula is written as text with Excel's quote prefix,
exactly as the user wrote it, in every sheet where it appears."""

from __future__ import annotations

import re

import openpyxl
import pytest
from export_support import sheet_rows, sheet_xml

from planner import Plan
from planner.workbook.export import export_workbook

# One payload per dangerous leading character. The app trims leading whitespace from names
# and notes, so the tab, CR and LF ones are written straight into the plan's tables, as a
# plan file made elsewhere could hold them.
PAYLOADS = {
    "=": '=HYPERLINK("http://evil.example","click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1,2)",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
    "\n": "\n=1+1",
}
SHEETS_OF = {
    "initiative": ["Initiatives", "Roles", "Actuals"],
    "person": ["Initiatives", "Roles"],
    "segment": ["Initiatives", "Strike zone"],
    "segment notes": ["Strike zone"],
    "initiative notes": ["Initiatives"],
}


def _text(kind: str, lead: str) -> str:
    return f"{PAYLOADS[lead]} {kind} {ord(lead)}"


@pytest.fixture(scope="module")
def export_risky_workbook(tmp_path_factory):
    """A plan whose initiative, person and segment names and notes all start with one of
    the dangerous characters, exported."""
    plan = Plan.in_memory(first_month="2026-01", months=3)
    for number, lead in enumerate(PAYLOADS):
        person = plan.people.add(name=f"Person {number}", team="Sales").id
        segment = plan.segments.add(name=f"Segment {number}", tier="core").id
        initiative = plan.initiatives.add(
            name=f"Initiative {number}",
            channel_id=plan.channels.named("Event").id,
            segment_ids=[segment],
            owner_id=person,
            budget=100,
        ).id
        plan.values.set(initiative, "2026-01", "spend", planned=100)
        db = plan.db
        db.execute(
            "UPDATE initiatives SET name = ?, notes = ? WHERE id = ?",
            [_text("initiative", lead), _text("initiative notes", lead), initiative],
        )
        db.execute("UPDATE people SET name = ? WHERE id = ?", [_text("person", lead), person])
        db.execute(
            "UPDATE segments SET name = ?, notes = ? WHERE id = ?",
            [_text("segment", lead), _text("segment notes", lead), segment],
        )
    path = export_workbook(plan, tmp_path_factory.mktemp("risky") / "risky.xlsx")
    plan.close()
    return path


@pytest.mark.parametrize("lead", list(PAYLOADS), ids=[repr(c) for c in PAYLOADS])
@pytest.mark.parametrize("kind", list(SHEETS_OF))
def test_risky_text_comes_back_exactly_as_written(export_risky_workbook, kind, lead):
    wanted = _text(kind, lead)
    for sheet in SHEETS_OF[kind]:
        cells = {
            value
            for row in sheet_rows(export_risky_workbook, sheet)
            for value in row
            if isinstance(value, str)
        }
        assert wanted in cells, f"{kind} {lead!r} is not shown exactly on {sheet}"


@pytest.mark.parametrize("lead", list(PAYLOADS), ids=[repr(c) for c in PAYLOADS])
def test_risky_text_is_a_quote_prefixed_text_cell(export_risky_workbook, lead):
    wb = openpyxl.load_workbook(export_risky_workbook)
    found = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(PAYLOADS[lead])
    ]
    assert len(found) >= len(SHEETS_OF)
    for cell in found:
        assert cell.data_type == "s", cell
        assert cell.quotePrefix is True, cell


def test_no_cell_of_the_workbook_holds_a_formula(export_risky_workbook):
    for part, xml in sheet_xml(export_risky_workbook).items():
        assert not re.search(r"<f[ >]", xml), part


def test_text_that_looks_like_an_excel_error_stays_text(tmp_path):
    plan = Plan.in_memory()
    plan.initiatives.add(name="#N/A", channel_id=plan.channels.named("Event").id)
    path = export_workbook(plan, tmp_path / "errors.xlsx")
    ws = openpyxl.load_workbook(path)["Initiatives"]
    assert (ws["B5"].value, ws["B5"].data_type) == ("#N/A", "s")
