"""Starting the app: the plan given on the command line, else the last plan, else the demo
plan written into the user's data folder (so edits to it last)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ui import app as app_module


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    # The data folder and the error hook are the user's and the process's: keep them apart.
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setattr(app_module, "data_folder", lambda: tmp_path / "data")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield
    QStandardPaths.setTestModeEnabled(False)


def started(qtbot, path, settings):
    window = app_module.start_window(path, settings)
    qtbot.addWidget(window)
    window.opener.wait()
    return window


def test_a_plan_named_on_the_command_line_opens(qtbot, settings, demo_path):
    window = started(qtbot, demo_path, settings)

    assert window.document is not None and window.document.path == demo_path.absolute()


def test_without_a_plan_the_last_one_opens(qtbot, settings, demo_path):
    first = started(qtbot, demo_path, settings)
    first.close()

    window = started(qtbot, None, settings)

    assert window.document is not None and window.document.path == demo_path.absolute()


def test_on_first_start_the_demo_plan_is_written_to_the_data_folder_and_opens(
    qtbot, settings, tmp_path
):
    window = started(qtbot, None, settings)

    demo = tmp_path / "data" / app_module.DEMO_NAME
    assert demo.is_file()
    assert window.document is not None and window.document.path == demo


def test_the_demo_plan_keeps_its_edits_from_one_start_to_the_next(qtbot, settings, tmp_path):
    window = started(qtbot, None, settings)
    plan = window.document.plan
    plan.settings.update(name="My own plan")
    window.close()
    settings.clear()  # as on a first start again: no last plan

    again = started(qtbot, None, settings)

    assert again.document.plan.settings.get().name == "My own plan"


def test_a_plan_the_system_asks_to_open_opens(qtbot, settings, demo_path, tmp_path):
    # macOS sends a plan double-clicked in the Finder as an event to the running app.
    window = started(qtbot, demo_path, settings)
    other = tmp_path / "Opened by the system.smplan"
    other.write_bytes(demo_path.read_bytes())

    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    window.opener.wait()

    assert window.document.path == other.absolute()


def test_a_plan_asked_for_while_another_opens_opens_after_it(qtbot, settings, demo_path, tmp_path):
    other = tmp_path / "Asked for at start.smplan"
    other.write_bytes(demo_path.read_bytes())
    window = app_module.start_window(demo_path, settings)
    qtbot.addWidget(window)

    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    window.opener.wait()
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.path == other.absolute()
    )
    window.opener.wait()
