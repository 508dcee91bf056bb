"""File > Export Plan on a Page… and File > Print… in the window, with the core's real page:
a one-page PDF named in a notice with an Open button, the paper remembered, a refused target
said in one line, and the same page printed (to a PDF file through QPrinter)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from versions_support import save
from window_support import make_window, open_and_wait, problem_box

from planner.versions.service import Kind
from ui.plan_on_a_page import PAPER_KEY, set_paper


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    }


def file_menu_texts(window) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [action.text().replace("&", "") for action in menu.actions()]


def test_the_file_menu_offers_the_page_and_print_with_ctrl_p(window) -> None:
    texts = file_menu_texts(window)
    assert "Export Plan on a Page…" in texts
    assert "Print…" in texts
    brief = window.files.brief
    assert brief.print.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert brief.export.isEnabled() and brief.print.isEnabled()


def test_export_writes_one_page_and_says_where_with_an_open_button(window, tmp_path) -> None:
    target = tmp_path / "Board page.pdf"

    assert window.files.brief.export_to(target, "letter")
    window.files.brief.task.wait()

    info = pdf_info(target)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("612 x 792 pts")
    assert str(target) in window.notice.text()
    assert window.notice.action_button.isVisibleTo(window.notice)
    assert window.notice.action_button.text() == "Open"


def test_the_paper_chosen_is_the_next_one_offered(window, tmp_path) -> None:
    window.files.brief.export_to(tmp_path / "a.pdf", "letter")
    window.files.brief.task.wait()
    assert window.settings.value(PAPER_KEY) == "letter"
    assert window.files.brief.paper == "letter"


def test_a_folder_as_target_is_refused_in_one_line_and_nothing_is_written(window, tmp_path) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()

    assert not window.files.brief.export_to(folder, "a4")

    box = problem_box(window)
    assert box is not None and "is a folder" in box.text() and "\n" not in box.text()
    assert list(folder.iterdir()) == []
    assert not window.files.brief.task.busy()


def test_print_puts_the_same_page_on_the_printers_paper(window, tmp_path) -> None:
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    set_paper(printer, "a4")

    assert window.files.brief.print_to(printer)
    window.files.brief.task.wait()

    info = pdf_info(target)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("595")  # A4 portrait: 595 x 842 pts
    assert problem_box(window) is None
    shots = os.environ.get("SMARKETING_SCREENSHOTS")
    if shots:
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(target), str(Path(shots) / "brief-printed")],
            check=True,
        )


def test_a_scenario_shown_in_the_window_is_the_page_exported(qtbot, window, tmp_path) -> None:
    save(qtbot, window, Kind.SCENARIO, "Cut $ events_30%")
    target = tmp_path / "scenario.pdf"

    assert window.files.brief.export_to(target, "a4")
    window.files.brief.task.wait()

    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Version: the scenario 'Cut $ events_30%'" in " ".join(text.split())
