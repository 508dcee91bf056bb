"""A workbook that comes back holding text no export writes (a cell beyond Excel's 32,767
characters, control characters) gets one clear line naming the cell, quoting only a short,
printable start of the text, and the plan is left as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

from import_support import (
    FIRST_DATA_ROW,
    OUTBOUND,
    WEBINARS,
    actuals_row,
    plan_with_actuals,
    refusal,
    rejected_rows,
    replace_part,
    sheet_part,
    write_actuals,
)

from planner.errors import PlanFileError

ROW = FIRST_DATA_ROW


def _with_raw_text(path: Path, placeholder: str, text: str) -> Path:
    """The workbook with ``placeholder`` in its sheet's XML replaced by ``text`` as it is:
    past openpyxl, which would cut or refuse it."""
    part = sheet_part(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode("utf-8")
    return replace_part(path, part, xml.replace(placeholder, text).encode("utf-8"))


def test_an_actual_beyond_a_cells_limit_is_rejected_naming_its_cell_briefly(tmp_path):
    path = write_actuals(tmp_path / "long.xlsx", [actuals_row(WEBINARS, "2026-03", "MQLs", "HUGE")])
    _with_raw_text(path, "HUGE", "1" + "9" * 40_000)

    (line,) = rejected_rows(plan_with_actuals(), path)

    assert line.startswith(f"Actuals row {ROW}: cell F{ROW} holds text")
    assert len(line) < 300


def test_an_escaped_control_character_in_a_cell_is_shown_and_rejected(tmp_path):
    path = write_actuals(tmp_path / "odd.xlsx", [actuals_row(OUTBOUND, "2026-03", "ODD", 5)])
    _with_raw_text(path, "ODD", "MQLs_x0001_\x7f")

    (line,) = rejected_rows(plan_with_actuals(), path)

    assert line.startswith(f"Actuals row {ROW}: cell D{ROW} holds 'MQLs_x0001_\\x7f', not a metric")


def test_a_raw_control_character_in_the_sheet_refuses_the_file_in_one_line(tmp_path):
    path = write_actuals(tmp_path / "raw.xlsx", [actuals_row(OUTBOUND, "2026-03", "ODD", 5)])
    _with_raw_text(path, "ODD", "MQLs\x01")

    message = refusal(plan_with_actuals(), path, PlanFileError)

    assert message.startswith("raw.xlsx: the workbook cannot be read")
