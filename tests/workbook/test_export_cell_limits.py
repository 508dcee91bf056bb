"""Text a workbook cannot hold as it is, from a plan written elsewhere, is changed where the
reader sees it, never silently: text over Excel's 32,767 characters a cell is cut to end in a
marker, characters XML cannot carry are shown as "�", and the About sheet lists each change
naming the field. A hostile plan name cannot break the page footer or the file's title."""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest
from export_support import SOFFICE, print_to_pdf

from planner import Plan
from planner.workbook.export import export_workbook

LIMIT = 32_767
NOTES = "".join(f"Sentence {n:05} of the notes. " for n in range(1_400))[:40_000]
CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r")
EMOJI_NOTES = "😀" * 20_000  # 40,000 UTF-16 code units, as Excel counts them
MARKER = re.compile(r"… \[cut: ([\d,]+) more characters did not fit; see About\]$")
CHANGES = "Changed to fit Excel"


def _hostile_plan() -> Plan:
    """A plan as a file made elsewhere could hold it: notes of 40,000 characters, and names
    and notes with every control character XML cannot carry, and U+FFFE."""
    plan = Plan.in_memory(first_month="2026-01", months=3)
    person = plan.people.add(name="Ann", team="Sales").id
    segment = plan.segments.add(name="SMB", tier="core").id
    event = plan.channels.named("Event").id
    webinars = plan.initiatives.add(
        name="Webinar series", channel_id=event, segment_ids=[segment], owner_id=person
    ).id
    emoji = plan.initiatives.add(name="Emoji wall", channel_id=event, segment_ids=[segment]).id
    db = plan.db
    db.execute("UPDATE initiatives SET notes = ? WHERE id = ?", [NOTES, webinars])
    db.execute("UPDATE initiatives SET notes = ? WHERE id = ?", [EMOJI_NOTES, emoji])
    db.execute(
        "UPDATE segments SET name = ?, notes = ? WHERE id = ?",
        ["SMB\x07", f"a{CONTROLS}b\ufffe", segment],
    )
    db.execute("UPDATE people SET name = ? WHERE id = ?", ["Ann\x1b", person])
    return plan


@pytest.fixture(scope="module")
def export_hostile_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = _hostile_plan()
    path = export_workbook(plan, tmp_path_factory.mktemp("limits") / "hostile.xlsx")
    plan.close()
    return path


@pytest.fixture(scope="module")
def export_hostile_openpyxl(export_hostile_workbook: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(export_hostile_workbook)


def _cell_of(wb: openpyxl.Workbook, sheet: str, starts: str) -> str:
    """The text of the one cell of ``sheet`` that starts with ``starts``."""
    found = [
        cell.value
        for row in wb[sheet].iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(starts)
    ]
    assert len(found) == 1, found
    return found[0]


def _changes(wb: openpyxl.Workbook) -> dict[tuple[str, str], str]:
    """The About sheet's list of changes: (where, field) -> what was done."""
    rows = list(wb["About"].iter_rows(values_only=True))
    titles = [number for number, row in enumerate(rows) if row[0] == CHANGES]
    if not titles:
        return {}
    listed = {}
    for row in rows[titles[0] + 2 :]:
        if row[0] is None or row[1] is None:
            break
        listed[(row[0], row[1])] = row[2]
    return listed


def _excel_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_notes_over_a_cells_limit_are_cut_to_the_limit_ending_in_the_marker(
    export_hostile_openpyxl,
):
    shown = _cell_of(export_hostile_openpyxl, "Initiatives", "Sentence 00000")
    assert len(shown) == LIMIT
    marker = MARKER.search(shown)
    assert marker, shown[-80:]
    kept = shown[: marker.start()]
    assert NOTES.startswith(kept)
    assert len(kept) + int(marker.group(1).replace(",", "")) == len(NOTES)


def test_text_is_cut_to_the_limit_as_excel_counts_characters(export_hostile_openpyxl):
    shown = _cell_of(export_hostile_openpyxl, "Initiatives", "😀")
    assert LIMIT - 1 <= _excel_length(shown) <= LIMIT  # an emoji is not split in half
    assert MARKER.search(shown)


def test_characters_xml_cannot_carry_are_shown_as_the_replacement_character(
    export_hostile_openpyxl,
):
    wb = export_hostile_openpyxl
    assert _cell_of(wb, "Strike zone", "a") == "a" + "�" * len(CONTROLS) + "b�"
    assert _cell_of(wb, "Strike zone", "SMB") == "SMB�"
    assert _cell_of(wb, "Roles", "Ann") == "Ann�"


def test_the_about_sheet_lists_each_change_naming_the_field(export_hostile_openpyxl):
    assert _changes(export_hostile_openpyxl) == {
        ("Initiative 1 'Webinar series'", "Notes"): "cut from 40,000 to 32,767 characters",
        ("Initiative 2 'Emoji wall'", "Notes"): "cut from 40,000 to 32,767 characters",
        ("Person 'Ann�'", "Name"): "1 control character (U+001B) shown as �",
        ("Segment 'SMB�'", "Name"): "1 control character (U+0007) shown as �",
        ("Segment 'SMB�'", "Notes"): (
            "30 characters a workbook cannot hold (U+0000, U+0001, U+0002, U+0003, U+0004, "
            "U+0005, 24 more kinds) shown as �"
        ),
    }


def test_two_exports_at_once_each_list_only_their_own_changes(tmp_path):
    plain = Plan.in_memory(first_month="2026-01", months=3)
    plain.initiatives.add(name="Plain", channel_id=plain.channels.named("Event").id)
    hostile = _hostile_plan()
    with ThreadPoolExecutor(max_workers=2) as pool:
        paths = list(
            pool.map(
                lambda plan, name: export_workbook(plan, tmp_path / name),
                (hostile, plain),
                ("hostile.xlsx", "plain.xlsx"),
            )
        )
    hostile_changes, plain_changes = (_changes(openpyxl.load_workbook(p)) for p in paths)
    assert len(hostile_changes) == 5
    assert plain_changes == {}


def test_a_hostile_plan_name_fits_the_footer_the_title_and_its_cells(tmp_path):
    plan = _hostile_plan()
    name = "Plan\x0b&" + "N" * 40_000
    plan.db.execute("UPDATE plan_settings SET name = ?", [name])
    wb = openpyxl.load_workbook(export_workbook(plan, tmp_path / "named.xlsx"))

    assert wb.properties.title.startswith("Plan�&N") and len(wb.properties.title) <= 255
    for ws in wb.worksheets:
        footer = ws.oddFooter
        codes = f"&L{footer.left.text}&C{footer.center.text}&R{footer.right.text}"
        assert footer.left.text.startswith("Plan�&&N") and len(codes) <= 255, ws.title
    assert len(_cell_of(wb, "Summary", "Plan�&N")) == LIMIT
    changes = _changes(wb)
    assert changes[("Plan", "Name")] == (
        "cut from 40,006 to 32,767 characters; 1 control character (U+000B) shown as �"
    )
    # The Initiatives sheet's title is built around the name: its cell is named instead.
    assert changes[("Initiatives sheet", "cell C1")].startswith("cut from 40,021 to 32,767")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")
def test_libreoffice_prints_the_changed_workbook_with_its_list_of_changes(
    export_hostile_workbook, tmp_path
):
    pdf = print_to_pdf(export_hostile_workbook, tmp_path)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler (pdftotext) is not installed")
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert CHANGES in text
    assert "SMB�" in text
