"""File > Export Workbook… in the window: the export runs on a read-only plan of its own off
the UI thread, says where the file went, is cancelled quietly leaving no file, and a failure
is told in a dialog that does not block the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait, problem_box
from workbook_ui_support import FakeExport, patch_export, settle_task

from planner import PlanError
from planner.charts import KINDS
from planner.timeline import Grouping
from ui.recent_files import WorkbookFolder
from ui.workbook.export_dialog import CHART_IMAGES_KEY, TIMELINE_LANES_KEY, ExportDialog


def open_window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def test_an_export_writes_the_file_and_says_where_it_went(qtbot, tmp_path, demo_path, monkeypatch):
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    target = tmp_path / "out" / "Plan.xlsx"
    target.parent.mkdir()

    assert window.files.workbook.exporting.export(target)
    settle_task(window)

    assert target.is_file()
    assert str(target) in window.notice.text()
    assert problem_box(window) is None
    assert fake.calls[0]["pictures"] is None


def test_the_export_reads_its_own_read_only_plan_off_the_ui_thread(
    qtbot, tmp_path, demo_path, monkeypatch
):
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)

    window.files.workbook.exporting.export(tmp_path / "Plan.xlsx", chart_images=True)
    settle_task(window)

    call = fake.calls[0]
    assert call["read_only"] is True
    assert call["plan"] is not window.document.plan
    assert call["thread"] is not threading.main_thread()
    assert [kind for kind, _png in call["pictures"]] == list(KINDS)
    assert all(png.startswith(b"\x89PNG") for _kind, png in call["pictures"])


def test_a_cancelled_export_leaves_no_file_and_says_so_quietly(
    qtbot, tmp_path, demo_path, monkeypatch
):
    patch_export(monkeypatch, FakeExport(wait_for_cancel=True))
    window = open_window(qtbot, tmp_path, demo_path)
    target = tmp_path / "Plan.xlsx"

    window.files.workbook.exporting.export(target)
    window.files.workbook.task.cancel()
    settle_task(window)

    assert not target.exists()
    assert "cancelled" in window.notice.text()
    assert problem_box(window) is None


def test_a_failing_export_shows_the_core_message_in_a_dialog(
    qtbot, tmp_path, demo_path, monkeypatch
):
    message = "/tmp/Plan.xlsx: the file is open in another program (Excel?); close it first"
    patch_export(monkeypatch, FakeExport(error=PlanError(message)))
    window = open_window(qtbot, tmp_path, demo_path)

    window.files.workbook.exporting.export(tmp_path / "Plan.xlsx")
    settle_task(window)

    box = problem_box(window)
    assert box is not None and box.isVisible()
    assert box.text() == message
    assert box.windowTitle() == "Can't export Plan.xlsx"


def test_an_unexpected_error_is_a_message_not_a_traceback(qtbot, tmp_path, demo_path, monkeypatch):
    patch_export(monkeypatch, FakeExport(error=KeyError("sheet")))
    window = open_window(qtbot, tmp_path, demo_path)

    window.files.workbook.exporting.export(tmp_path / "Plan.xlsx")
    settle_task(window)

    assert problem_box(window).text() == "unexpected KeyError: 'sheet'"


def test_one_export_runs_at_a_time(qtbot, tmp_path, demo_path, monkeypatch):
    patch_export(monkeypatch, FakeExport(wait_for_cancel=True))
    window = open_window(qtbot, tmp_path, demo_path)
    flow = window.files.workbook.exporting

    assert flow.export(tmp_path / "one.xlsx")
    assert not flow.export(tmp_path / "two.xlsx")

    window.files.workbook.task.cancel()
    settle_task(window)


def test_asking_again_while_an_export_runs_says_to_wait(qtbot, tmp_path, demo_path, monkeypatch):
    patch_export(monkeypatch, FakeExport(wait_for_cancel=True))
    window = open_window(qtbot, tmp_path, demo_path)
    window.files.workbook.exporting.export(tmp_path / "one.xlsx")

    window.files.workbook.export.trigger()

    assert "still finishing" in window.statusBar().currentMessage()
    assert window.findChild(ExportDialog) is None
    window.files.workbook.task.cancel()
    settle_task(window)


def test_the_dialog_starts_the_export_of_the_chosen_file(qtbot, tmp_path, demo_path, monkeypatch):
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    target = tmp_path / "For the board.xlsx"

    dialog.path_edit.setText(str(target))
    dialog.chart_box.setChecked(True)
    dialog.export_button.click()
    settle_task(window)

    assert target.is_file()
    assert len(fake.calls[0]["pictures"]) == len(KINDS)


def test_the_timeline_lanes_chosen_in_the_dialog_go_to_the_export(
    qtbot, tmp_path, demo_path, monkeypatch
):
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    dialog.path_edit.setText(str(tmp_path / "Lanes.xlsx"))

    dialog.lanes_box.setCurrentIndex(dialog.lanes_box.findData(Grouping.OWNER))
    dialog.export_button.click()
    settle_task(window)

    assert fake.calls[0]["timeline_lanes"] is Grouping.OWNER


def test_the_dialog_remembers_the_timeline_lanes_and_reads_a_strange_one_as_channel(
    qtbot, tmp_path, demo_path
):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(first)
    first.lanes_box.setCurrentIndex(first.lanes_box.findData(Grouping.TIER))
    first.accept()
    second = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(second)
    assert second.timeline_lanes() is Grouping.TIER

    settings.setValue(TIMELINE_LANES_KEY, "<b>sideways</b>")
    third = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(third)
    assert third.timeline_lanes() is Grouping.CHANNEL


def test_the_dialog_suggests_the_plan_name_beside_the_plan(qtbot, tmp_path, demo_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    dialog = ExportDialog(settings, demo_path, "FY2026: Demand/Plan")
    qtbot.addWidget(dialog)

    assert dialog.target() == demo_path.parent / "FY2026 Demand Plan.xlsx"
    assert dialog.chart_images() is False


def test_the_dialog_remembers_the_folder_and_the_checkbox(qtbot, tmp_path, demo_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    first = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(first)
    first.path_edit.setText(str(elsewhere / "x.xlsx"))
    first.chart_box.setChecked(True)
    first.accept()

    second = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(second)

    assert settings.value(WorkbookFolder.KEY) == str(elsewhere)
    assert settings.value(CHART_IMAGES_KEY, type=bool) is True
    assert second.target() == elsewhere / "Plan.xlsx"
    assert second.chart_images() is True


def test_the_dialog_adds_the_suffix_and_reads_a_bare_name_as_beside_the_plan(
    qtbot, tmp_path, demo_path
):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(dialog)

    dialog.path_edit.setText("board pack")

    assert dialog.target() == demo_path.parent / "board pack.xlsx"


def type_path(qtbot, dialog: ExportDialog, text: str) -> list[str]:
    """Select what the Save-as field holds, delete it and type ``text`` key by key, as a
    person does; the titles of the windows that came up meanwhile."""
    before = set(visible_windows())
    popped: list[str] = []
    dialog.path_edit.setFocus()
    dialog.path_edit.selectAll()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Delete)
    for character in text:
        qtbot.keyClicks(dialog.path_edit, character)
        popped += [w.windowTitle() for w in visible_windows() if w not in before]
    return popped


def visible_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def commit(qtbot, dialog: ExportDialog) -> None:
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)


def workbooks_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.xlsx"))


def test_a_path_typed_key_by_key_pops_nothing_and_is_written_exactly_there(
    qtbot, tmp_path, demo_path, monkeypatch
):
    patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    (tmp_path / "plans").mkdir()
    target = tmp_path / "plans" / "FY2027 Growth Plan.xlsx"

    popped = type_path(qtbot, dialog, str(target))
    commit(qtbot, dialog)
    settle_task(window)

    assert popped == []
    assert not dialog.isVisible()
    assert workbooks_under(tmp_path) == [target]
    assert str(target) in window.notice.text()


def test_a_missing_folder_is_named_under_the_field_and_the_dialog_stays_open(
    qtbot, tmp_path, demo_path, monkeypatch
):
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    typed = str(tmp_path / "plans" / "FY2027 Growth Plan.xlsx")

    type_path(qtbot, dialog, typed)
    commit(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.path_edit.text() == typed
    assert dialog.path_field.said() == f"The folder {tmp_path / 'plans'} does not exist."
    assert dialog.path_field.create_folder_button.isVisible()
    assert fake.calls == [] and workbooks_under(tmp_path) == []


def test_create_folder_makes_the_missing_folder_and_the_export_goes_into_it(
    qtbot, tmp_path, demo_path, monkeypatch
):
    patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    target = tmp_path / "plans" / "2027" / "FY2027 Growth Plan.xlsx"
    type_path(qtbot, dialog, str(target))
    commit(qtbot, dialog)

    qtbot.mouseClick(dialog.path_field.create_folder_button, Qt.MouseButton.LeftButton)
    assert target.parent.is_dir()
    assert dialog.path_field.said() == f"Created the folder {target.parent}."
    commit(qtbot, dialog)
    settle_task(window)

    assert workbooks_under(tmp_path) == [target]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/", "/ is a folder; add a file name to it."),
        ("", "Type a file name for the workbook."),
        (".xlsx", "Type a name before “.xlsx”."),
    ],
)
def test_a_path_that_names_no_file_is_said_under_the_field_not_an_error(
    qtbot, tmp_path, demo_path, typed, said
):
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()

    type_path(qtbot, dialog, typed)
    commit(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.path_field.said() == said


def test_what_was_said_goes_as_soon_as_the_path_is_edited(qtbot, tmp_path, demo_path):
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()
    type_path(qtbot, dialog, str(tmp_path / "gone" / "Plan.xlsx"))
    commit(qtbot, dialog)

    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Backspace)

    assert dialog.path_field.said() == ""
    assert not dialog.path_field.create_folder_button.isVisible()


def test_an_existing_file_typed_is_replaced_only_when_committed_again(
    qtbot, tmp_path, demo_path, monkeypatch
):
    patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    existing = tmp_path / "Board.xlsx"
    existing.write_bytes(b"old")
    dialog = window.files.workbook.exporting.ask()
    type_path(qtbot, dialog, str(existing))

    commit(qtbot, dialog)

    assert dialog.isVisible() and existing.read_bytes() == b"old"
    assert dialog.path_field.said() == "Board.xlsx exists already; export again to replace it."
    assert dialog.export_button.text() == "Replace"
    commit(qtbot, dialog)
    settle_task(window)
    assert existing.read_bytes() != b"old"


def test_a_suggested_file_that_exists_is_said_to_be_replaced_from_the_start(
    qtbot, tmp_path, demo_path
):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    (demo_path.parent / "Plan.xlsx").write_bytes(b"old")

    dialog = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(dialog)

    assert dialog.path_field.said() == "Plan.xlsx exists already; exporting replaces it."
    assert dialog.export_button.text() == "Replace"


def test_the_save_as_picker_opens_at_the_file_in_the_field(qtbot, tmp_path, demo_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    WorkbookFolder(settings).remember(tmp_path / "exports" / "last.xlsx")
    (tmp_path / "exports").mkdir()
    asked: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda _parent, _title, start, _filter: (asked.append(start), ("", ""))[1],
    )
    dialog = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(dialog)

    dialog.browse_button.click()

    assert asked == [str(tmp_path / "exports" / "Plan.xlsx")]
