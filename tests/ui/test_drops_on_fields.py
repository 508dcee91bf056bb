"""Files dropped on a field of the main window (issue 20): a plan, a workbook or a CSV dropped
on the search box, a story field, a spin box or a cell being edited does what it does dropped
beside them, and the field keeps its text; a field for a file's path fills in the path. Text
and web links dropped on a text field still go in as text. Anything the window can't use is
said in one line naming it, and nothing hangs.

Each drag is sent as the system sends it: to the window's QWindow at the field's place,
which hands it on to the widget under the pointer (a drag never comes to a widget directly).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox, QWidget
from test_drops import mime_of
from test_notices_in_the_window import initiatives, window
from test_opening_hostile_files import fifo_plan
from test_workbook_real_core import CSV_TEXT
from window_support import problem_box
from workbook_ui_support import settle_task

from ui.main_window import MainWindow
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.settings.page import SettingsPage
from ui.widgets.path_field import PathField
from ui.workbook.mapping_dialog import MappingDialog

# Fixtures (the demo plan's window, its Initiatives page, a named pipe where a plan is
# expected): pytest finds them in this module.
__all__ = ["fifo_plan", "initiatives", "window"]


def drag_over(widget: QWidget, data: QMimeData) -> bool:
    """Drag ``data`` into ``widget``'s window over the middle of ``widget``, as the system
    does (enter, then move); whether the drag may drop there."""
    top = widget.window()
    place = widget.mapTo(top, widget.rect().center())
    under = top.childAt(place)
    assert under is widget or widget.isAncestorOf(under), "the drag would miss the widget"
    enter = QDragEnterEvent(place, *_drag_of(data))
    QApplication.sendEvent(top.windowHandle(), enter)
    move = QDragMoveEvent(place, *_drag_of(data))
    QApplication.sendEvent(top.windowHandle(), move)
    return move.isAccepted()


def drop_over(widget: QWidget, data: QMimeData) -> bool:
    """Drag ``data`` over ``widget`` and drop it there; whether the drop was taken."""
    drag_over(widget, data)
    top = widget.window()
    place = QPointF(widget.mapTo(top, widget.rect().center()))
    drop = QDropEvent(place, *_drag_of(data))
    QApplication.sendEvent(top.windowHandle(), drop)
    return drop.isAccepted()


def _drag_of(data: QMimeData) -> tuple:
    return (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def files(*paths: Path) -> QMimeData:
    """Files dragged from a file manager: their URLs and the same URLs as text, as Qt's own
    drags and many file managers send them (a line edit takes the text; URLs alone it
    ignores)."""
    urls = [QUrl.fromLocalFile(str(path)) for path in paths]
    data = mime_of(*urls)
    data.setText("\n".join(url.toString() for url in urls))
    return data


def text_of(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    return data


def a_plan(tmp_path: Path, demo_path: Path, name: str = "Dropped.smplan") -> Path:
    other = tmp_path / name
    other.write_bytes(demo_path.read_bytes())
    return other


def a_csv(tmp_path: Path) -> Path:
    csv = tmp_path / "deals.csv"
    csv.write_text(CSV_TEXT, encoding="utf-8")
    return csv


@pytest.fixture
def search(initiatives) -> QLineEdit:
    initiatives.filters.search.setText("webinar")
    return initiatives.filters.search


@pytest.fixture
def notes(initiatives):
    notes = initiatives.detail.story["notes"]
    assert notes.isEnabled() and not notes.isReadOnly()  # it would take text dropped on it
    notes.setPlainText("Ask Ana first.")
    return notes


def cell_editor(page: InitiativesPage) -> QLineEdit:
    """The editor of the first initiative's name, open."""
    column = next(n for n, c in enumerate(page.columns) if c.key == "name")
    index = page.table.proxy_index(page.table.selected_ids()[0], column)
    page.table.setCurrentIndex(index)
    assert page.table.edit(index, page.table.EditTrigger.AllEditTriggers, None)
    return next(e for e in page.table.findChildren(QLineEdit) if e.isVisible())


def spin_box(window: MainWindow) -> QSpinBox:
    page = window.view.show_page(SettingsPage)
    assert isinstance(page, SettingsPage)
    return next(f.widget for f in page.fields.values() if isinstance(f.widget, QSpinBox))


def text_in(field: QWidget) -> str:
    return field.toPlainText() if hasattr(field, "toPlainText") else field.text()


# -- files: the window's, wherever they are dropped ----------------------------------------


@pytest.mark.parametrize("which", ["search box", "cell editor", "spin box"])
def test_a_plan_dropped_on_a_field_opens_and_the_field_keeps_its_text(
    window, initiatives, tmp_path, demo_path, which
):
    field = {
        "search box": lambda: initiatives.filters.search,
        "cell editor": lambda: cell_editor(initiatives),
        "spin box": lambda: spin_box(window),
    }[which]()
    before = text_in(field)
    other = a_plan(tmp_path, demo_path)

    assert drop_over(field, files(other))

    assert text_in(field) == before  # read now: the plan's pages go once it has opened
    window.opener.wait()
    assert window.document.path == other.absolute()


def test_a_csv_dropped_on_a_story_field_opens_the_column_mapping(window, notes, tmp_path):
    assert drop_over(notes, files(a_csv(tmp_path)))
    settle_task(window)

    assert isinstance(window.files.workbook.importing.dialog, MappingDialog)
    assert notes.toPlainText() == "Ask Ana first."


def test_a_file_of_another_kind_dropped_on_a_story_field_is_named_in_the_notice(
    window, notes, tmp_path
):
    picture = tmp_path / "logo.png"
    picture.write_bytes(b"\x89PNG")

    drop_over(notes, files(picture))

    assert window.notice.text().startswith("logo.png is neither a plan nor actuals")
    assert notes.toPlainText() == "Ask Ana first."


def test_a_folder_dropped_on_a_story_field_is_named_in_the_notice(window, notes, tmp_path):
    folder = tmp_path / "Plans"
    folder.mkdir()

    drop_over(notes, files(folder))

    assert window.notice.text().startswith("Plans is neither a plan nor actuals")
    assert notes.toPlainText() == "Ask Ana first."


def test_several_files_dropped_on_the_search_box_are_refused_in_one_line(
    window, search, tmp_path, demo_path
):
    drop_over(search, files(a_plan(tmp_path, demo_path), a_csv(tmp_path)))

    assert window.notice.text().startswith("2 files were dropped; nothing was opened.")
    assert search.text() == "webinar"
    assert not window.opener.busy()


def test_a_plan_that_is_a_named_pipe_dropped_on_the_search_box_is_refused_by_name(
    qtbot,
    window,
    search,
    fifo_plan,
):
    drop_over(search, files(fifo_plan))

    qtbot.waitUntil(lambda: problem_box(window) is not None, timeout=20_000)
    assert problem_box(window).text() == f"{fifo_plan}: is a named pipe (FIFO), not a plan file"
    assert search.text() == "webinar"


def test_a_csv_that_is_a_named_pipe_dropped_on_a_story_field_is_refused_by_name(
    qtbot, window, notes, tmp_path
):
    pipe = tmp_path / "deals.csv"
    os.mkfifo(pipe)

    drop_over(notes, files(pipe))

    qtbot.waitUntil(lambda: problem_box(window) is not None, timeout=20_000)
    assert problem_box(window).text() == "deals.csv: is a named pipe (FIFO), not a file to import"
    assert notes.toPlainText() == "Ask Ana first."


def test_a_plan_dropped_while_a_dialog_is_open_waits_for_the_dialog(
    window, search, tmp_path, demo_path
):
    window.show_problem("Something happened", "Read this first.")  # window-modal
    other = a_plan(tmp_path, demo_path)

    assert not drag_over(search, files(other))
    drop_over(search, files(other))

    assert window.notice.text() == (
        "Close the open dialog first, then drop Dropped.smplan again; nothing was opened."
    )
    assert not window.opener.busy()
    assert search.text() == "webinar"


# -- text and web links: the field's -------------------------------------------------------


def test_text_dropped_on_the_search_box_is_typed_into_it(search):
    search.setCursorPosition(len(search.text()))

    assert drop_over(search, text_of("bash"))

    assert "bash" in search.text()


def test_a_web_link_dropped_on_a_story_field_goes_in_as_text(window, notes):
    link = mime_of(QUrl("https://example.com/brief"))
    link.setText("https://example.com/brief")

    assert drop_over(notes, link)

    assert "https://example.com/brief" in notes.toPlainText()
    assert window.notice.text() == ""


def test_a_web_link_dropped_beside_the_fields_is_refused_by_name(window, initiatives):
    drop_over(window.view.sidebar, mime_of(QUrl("https://example.com/plan.smplan")))

    assert window.notice.text().startswith(
        "https://example.com/plan.smplan is not a file on this computer"
    )


# -- a field for a file's path: fills in the path -------------------------------------------


@pytest.fixture
def export_dialog(window):
    dialog = window.files.workbook.exporting.ask()
    assert dialog is not None
    return dialog


def test_a_file_dropped_on_a_path_field_is_named_there_as_if_typed(window, export_dialog, tmp_path):
    target = tmp_path / "Board pack.xlsx"
    target.write_bytes(b"")

    assert drop_over(export_dialog.path_edit, files(target))

    assert export_dialog.path_edit.text() == str(target)
    assert not window.files.workbook.task.busy()  # named, not imported


def test_a_file_dropped_on_a_path_field_is_asked_about_before_it_is_replaced(
    export_dialog, tmp_path
):
    target = tmp_path / "Board pack.xlsx"
    target.write_bytes(b"")
    drop_over(export_dialog.path_edit, files(target))

    export_dialog.export_button.click()

    assert export_dialog.isVisible()
    assert "Board pack.xlsx exists already" in export_dialog.path_field.said()


def test_several_files_dropped_on_a_path_field_are_refused(export_dialog, tmp_path):
    before = export_dialog.path_edit.text()

    assert not drop_over(export_dialog.path_edit, files(tmp_path / "a.xlsx", tmp_path / "b.xlsx"))

    assert export_dialog.path_edit.text() == before


def test_a_path_field_on_the_window_takes_a_dropped_file_itself(window, tmp_path):
    field = PathField(None, base=tmp_path, suffix=".xlsx", kind="workbook", file_filter="")
    window.statusBar().addPermanentWidget(field)
    field.show()
    csv = a_csv(tmp_path)

    assert drop_over(field.edit, files(csv))

    assert field.text() == str(csv)
    assert not window.files.workbook.task.busy()


def test_a_dropped_path_can_be_taken_back_with_undo(qtbot, export_dialog, tmp_path):
    before = export_dialog.path_edit.text()
    drop_over(export_dialog.path_edit, files(tmp_path / "Other.xlsx"))

    export_dialog.path_edit.undo()

    assert export_dialog.path_edit.text() == before
