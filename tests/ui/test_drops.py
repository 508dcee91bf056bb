"""Files dropped on the main window: a plan opens through the window's one open path (a plan
open elsewhere is offered read-only, a damaged file is refused and left alone), a workbook or
a CSV goes to the same preview as File > Import Actuals, and anything else, or several files,
is said in one line in the notice bar while nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from test_opening_plans import held_elsewhere
from test_workbook_real_core import CSV_TEXT, export, fill_actuals
from window_support import make_window, open_and_wait, problem_box
from workbook_ui_support import settle_task

from ui.drops import DropKind, what_was_dropped
from ui.workbook.mapping_dialog import MappingDialog
from ui.workbook.preview_dialog import PreviewDialog


def mime_of(*urls: QUrl) -> QMimeData:
    data = QMimeData()
    data.setUrls(list(urls))
    return data


def files(*paths: Path) -> QMimeData:
    return mime_of(*(QUrl.fromLocalFile(str(path)) for path in paths))


def drag_onto(window, data: QMimeData) -> bool:
    """Drag ``data`` over ``window``; whether the window takes it."""
    middle = QPointF(window.rect().center())
    event = QDragEnterEvent(
        middle.toPoint(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def drop_onto(window, data: QMimeData) -> None:
    assert drag_onto(window, data)
    event = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def state(window) -> tuple:
    return window.document.path if window.document else None, window.files.workbook.task.busy()


# -- what a drop means, without a window ----------------------------------------------------


def test_a_plan_file_is_opened_whatever_the_case_of_its_suffix():
    drop = what_was_dropped([QUrl.fromLocalFile("/plans/Next Year.SMPLAN")])

    assert drop.kind is DropKind.PLAN
    assert drop.path == Path("/plans/Next Year.SMPLAN")


@pytest.mark.parametrize("name", ["Board pack.xlsx", "hubspot-deals.csv"])
def test_a_workbook_or_a_csv_is_imported(name):
    assert what_was_dropped([QUrl.fromLocalFile(f"/tmp/{name}")]).kind is DropKind.ACTUALS


def test_a_web_address_is_refused_by_name():
    drop = what_was_dropped([QUrl("https://example.com/plan.smplan")])

    assert drop.kind is DropKind.REFUSED
    assert "https://example.com/plan.smplan is not a file on this computer" in drop.reason


# -- drops on the window --------------------------------------------------------------------


def test_the_window_takes_a_drag_of_files_and_not_of_text(window, tmp_path):
    text = QMimeData()
    text.setText("hello")

    assert drag_onto(window, files(tmp_path / "a.smplan"))
    assert not drag_onto(window, text)


def test_a_dropped_plan_opens_in_the_window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    other = tmp_path / "Dropped.smplan"
    other.write_bytes(demo_path.read_bytes())

    drop_onto(window, files(other))
    window.opener.wait()

    assert window.document is not None and window.document.path == other.absolute()
    assert window.recent.last() == other.resolve()


def test_a_dropped_plan_open_elsewhere_is_offered_read_only(window, tmp_path, demo_path):
    other = tmp_path / "Held.smplan"
    other.write_bytes(demo_path.read_bytes())
    held_elsewhere(other)

    drop_onto(window, files(other))
    window.opener.wait()

    assert window.findChild(QMessageBox, "openReadOnlyBox") is not None
    assert window.document.path == demo_path.absolute()  # still the plan it showed


def test_a_dropped_file_that_is_no_plan_is_refused_and_left_alone(window, tmp_path, demo_path):
    hostile = tmp_path / "hostile.smplan"
    hostile.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = hostile.read_bytes()

    drop_onto(window, files(hostile))
    window.opener.wait()

    box = problem_box(window)
    assert box is not None and "hostile.smplan" in box.windowTitle() + box.text()
    assert window.document.path == demo_path.absolute()
    assert hostile.read_bytes() == before


def test_a_dropped_csv_opens_the_column_mapping_of_the_import(window, tmp_path):
    csv = tmp_path / "deals.csv"
    csv.write_text(CSV_TEXT, encoding="utf-8")

    drop_onto(window, files(csv))
    settle_task(window)

    assert isinstance(window.files.workbook.importing.dialog, MappingDialog)


def test_a_dropped_workbook_opens_the_import_preview(window, tmp_path):
    target = tmp_path / "returned.xlsx"
    export(window, target)
    fill_actuals(target, rows=3)

    drop_onto(window, files(target))
    settle_task(window)

    dialog = window.files.workbook.importing.dialog
    assert isinstance(dialog, PreviewDialog)
    assert dialog.import_button.text() == "Import 3 Values"


def test_several_files_dropped_are_refused_in_one_line(window, tmp_path):
    before = state(window)

    drop_onto(window, files(tmp_path / "a.smplan", tmp_path / "b.csv"))

    assert window.notice.text().startswith("2 files were dropped; nothing was opened.")
    assert "\n" not in window.notice.text()
    assert state(window) == before
    assert not window.opener.busy()


def test_a_dropped_file_of_another_kind_is_named_in_the_notice(window, tmp_path):
    picture = tmp_path / "<b>logo<i>.png"
    picture.write_bytes(b"\x89PNG")
    before = state(window)

    drop_onto(window, files(picture))

    assert window.notice.text().startswith("<b>logo<i>.png is neither a plan nor actuals")
    assert state(window) == before


def test_actuals_dropped_with_no_plan_open_ask_for_a_plan_first(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    csv = tmp_path / "deals.csv"
    csv.write_text(CSV_TEXT, encoding="utf-8")

    drop_onto(window, files(csv))

    assert window.notice.text() == (
        "Open a plan first to import deals.csv into it; nothing was imported."
    )
    assert not window.files.workbook.task.busy()


def test_actuals_dropped_on_a_read_only_plan_are_refused_in_the_notice(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.open_path(demo_path, read_only=True)
    window.opener.wait()
    csv = tmp_path / "deals.csv"
    csv.write_text(CSV_TEXT, encoding="utf-8")

    drop_onto(window, files(csv))

    assert "open read-only, so deals.csv can't be imported" in window.notice.text()
    assert not window.files.workbook.task.busy()
