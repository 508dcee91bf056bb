"""Starting the app: the plan given on the command line, else the last plan; on the first
start, the choice of the demo plan (written into the user's data folder, so edits to it last)
or a plan of one's own, made by the newcomer rather than for them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ui import app as app_module
from ui.welcome import FIRST_START_LINE


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


def test_on_first_start_no_plan_opens_by_itself_and_the_demo_or_ones_own_is_offered(
    qtbot, settings, tmp_path
):
    window = started(qtbot, None, settings)

    assert window.document is None
    assert window.welcome.line.text() == FIRST_START_LINE
    assert window.welcome.demo_button.isVisible() and window.welcome.new_button.isVisible()
    assert window.welcome.demo_button.isDefault()
    assert not (tmp_path / "data" / app_module.DEMO_NAME).exists()


def test_on_first_start_the_demo_plan_comes_first(qtbot, settings):
    window = started(qtbot, None, settings)
    QApplication.processEvents()  # lays the page out

    shown = sorted(window.welcome.buttons, key=lambda button: button.y())
    assert [button.text() for button in shown] == [
        "Open the demo plan",
        "Start your own plan…",
        "Open a plan…",
    ]


def test_on_first_start_the_demo_button_writes_the_demo_plan_to_the_data_folder_and_opens_it(
    qtbot, settings, tmp_path
):
    window = started(qtbot, None, settings)

    window.welcome.demo_button.click()
    window.opener.wait()

    demo = tmp_path / "data" / app_module.DEMO_NAME
    assert demo.is_file()
    assert window.document is not None and window.document.path == demo


def test_on_first_start_start_your_own_plan_asks_for_the_new_plan(qtbot, settings, monkeypatch):
    window = started(qtbot, None, settings)
    asked = []
    monkeypatch.setattr(window.files, "new_plan", lambda: asked.append(True))

    window.welcome.new_button.click()

    assert asked == [True]


def test_the_demo_plan_keeps_its_edits_from_one_start_to_the_next(qtbot, settings, tmp_path):
    window = started(qtbot, None, settings)
    window.open_demo()
    window.opener.wait()
    plan = window.document.plan
    plan.settings.update(name="My own plan")
    window.close()
    settings.clear()  # as on a first start again: no last plan

    again = started(qtbot, None, settings)
    again.open_demo()
    again.opener.wait()

    assert again.document.plan.settings.get().name == "My own plan"


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_first_start_is_drawn(qtbot, settings, tmp_path, size):
    window = started(qtbot, None, settings)
    window.resize(*size)
    QApplication.processEvents()
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)

    assert window.grab().save(str(folder / f"help-first-start-{size[0]}.png"))


def test_a_plan_the_system_asks_to_open_opens(qtbot, settings, demo_path, tmp_path):
    # macOS sends a plan double-clicked in the Finder as an event to the running app.
    window = started(qtbot, demo_path, settings)
    window.file_opens.listen()  # as on macOS, the one system that sends them
    other = tmp_path / "Opened by the system.smplan"
    other.write_bytes(demo_path.read_bytes())

    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    window.opener.wait()

    assert window.document.path == other.absolute()


def test_only_macos_has_the_app_listen_for_plans_sent_as_events(qtbot, settings, demo_path):
    # Elsewhere a filter on the whole application would see every event of every widget.
    window = started(qtbot, demo_path, settings)
    other = demo_path.with_name("Sent as an event.smplan")
    other.write_bytes(demo_path.read_bytes())

    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    window.opener.wait()

    expected = other.absolute() if sys.platform == "darwin" else demo_path.absolute()
    assert window.document.path == expected


def test_a_plan_asked_for_while_another_opens_opens_after_it(qtbot, settings, demo_path, tmp_path):
    other = tmp_path / "Asked for at start.smplan"
    other.write_bytes(demo_path.read_bytes())
    window = app_module.start_window(demo_path, settings)
    qtbot.addWidget(window)
    window.file_opens.listen()  # as on macOS, the one system that sends them

    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    window.opener.wait()
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.path == other.absolute()
    )
    window.opener.wait()
