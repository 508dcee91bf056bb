"""Files that are not what they claim, or are built to hurt, are refused as a whole before
anything parses them, with one line naming the file; the plan is left exactly as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from import_support import (
    WEBINARS,
    actuals_row,
    plan_with_actuals,
    refusal,
    replace_part,
    sheet_part,
    write_actuals,
)

from planner import Metric, PlanFileError
from planner.workbook.importing import limits

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _workbook(tmp_path: Path, name: str = "filled.xlsx") -> Path:
    return write_actuals(tmp_path / name, [actuals_row(WEBINARS, "2026-03", Metric.MQL, 5)])


def test_a_file_that_is_not_a_workbook_but_named_xlsx_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "notes.xlsx"
    path.write_text("Initiative ID,Actual\n1,5\n", encoding="utf-8")

    assert refusal(plan, path, PlanFileError) == "notes.xlsx is not an Excel workbook (.xlsx)"


def test_a_zip_of_other_files_named_xlsx_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8 not really a picture")

    message = refusal(plan, path, PlanFileError)

    assert (
        message
        == "photos.xlsx is not an Excel workbook (.xlsx): it is a zip archive of other files"
    )


def test_a_workbook_without_an_actuals_sheet_is_refused_naming_its_sheets(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(tmp_path / "budget.xlsx", [], title="Budget 2026")

    message = refusal(plan, path, PlanFileError)

    assert message == (
        "budget.xlsx has no Actuals sheet; import the workbook the export made, or a CSV "
        "(its sheets: Budget 2026)"
    )


def test_the_actuals_sheet_is_found_whatever_the_case_of_its_name(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [actuals_row(WEBINARS, "2026-03", Metric.MQL, 5)],
        title="ACTUALS",
    )
    from planner.workbook.importing import preview_import

    assert len(preview_import(plan, path).changes) == 1


def test_an_xml_bomb_in_the_sheet_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    bomb = (
        LAUGHS
        + (
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
            "<is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
        ).encode()
    )
    replace_part(path, sheet_part(path), bomb)

    message = refusal(plan, path, PlanFileError)

    assert message.startswith("filled.xlsx, sheet Actuals declares XML entities")
    assert "XML bomb" in message


def test_an_xml_bomb_in_the_shared_strings_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    # openpyxl writes strings inline; Excel keeps them in a shared-strings part, declared so.
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
    declared = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    replace_part(path, "[Content_Types].xml", types.replace("</Types>", declared).encode())
    bomb = LAUGHS + f'<sst xmlns="{MAIN}" count="1"><si><t>&lol9;</t></si></sst>'.encode()
    replace_part(path, "xl/sharedStrings.xml", bomb)

    message = refusal(plan, path, PlanFileError)

    assert message.startswith("filled.xlsx declares XML entities or a DTD")
    assert "XML bomb" in message


def test_openpyxl_without_defusedxml_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl.xml

    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)

    message = refusal(plan, path, PlanFileError)

    assert "defusedxml" in message


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024

    message = refusal(plan, path, PlanFileError)

    assert message.startswith("bomb.xlsx: its part xl/worksheets/sheet1.xml inflates ")
    assert "as a zip bomb does" in message


def test_a_workbook_that_unpacks_beyond_the_cap_is_refused_with_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 4096)

    message = refusal(plan, path, PlanFileError)

    assert message.startswith("filled.xlsx would unpack to ")
    assert "the import reads workbooks of up to 0.0 MB unpacked" in message


@pytest.mark.parametrize("name", ["huge.xlsx", "huge.csv"])
def test_a_100_mb_file_is_refused_with_its_size(tmp_path: Path, name: str) -> None:
    plan = plan_with_actuals()
    path = tmp_path / name
    with path.open("wb") as sparse:
        sparse.truncate(100 * 1024 * 1024)

    message = refusal(plan, path, PlanFileError)

    assert message == f"{name} is 100.0 MB; the import reads files of up to 64.0 MB"


def test_a_sheet_declaring_too_many_rows_is_refused_before_it_is_read(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    part = sheet_part(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode()
    start = xml.index("<dimension")
    end = xml.index(">", start) + 1
    replace_part(path, part, (xml[:start] + '<dimension ref="A1:F2000000"/>' + xml[end:]).encode())

    message = refusal(plan, path, PlanFileError)

    assert message == (
        "filled.xlsx, sheet Actuals declares 2,000,000 rows; the import reads sheets of up to "
        "1,100,000 rows"
    )


def test_a_damaged_workbook_is_refused_in_one_line(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _workbook(tmp_path)
    replace_part(path, sheet_part(path), b"<worksheet><sheetData><row><c>")

    message = refusal(plan, path, PlanFileError)

    assert message.startswith("filled.xlsx: the workbook cannot be read (")


def test_an_old_binary_excel_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an OLE2 file")

    message = refusal(plan, path, PlanFileError)

    assert message == "old.xls is an Excel 97-2003 workbook (.xls); save it as .xlsx in Excel first"


def test_a_file_of_another_kind_is_refused_naming_what_is_read(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "actuals.pdf"
    path.write_bytes(b"%PDF-1.7")

    message = refusal(plan, path, PlanFileError)

    assert message == (
        "actuals.pdf: the import reads Excel workbooks (.xlsx) and CSV files (.csv), not a .pdf file"
    )


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    message = refusal(plan, tmp_path / "gone.xlsx", PlanFileError)

    assert message.startswith("gone.xlsx: there is no such file")
