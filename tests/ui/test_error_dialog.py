"""The error dialog: a calm message in front, everything a bug report needs behind Details."""

from __future__ import annotations

import platform
import sys
from types import TracebackType

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.version import APP_NAME, APP_VERSION
from ui.error_dialog import ErrorDialog, details_text
from ui.excepthook import install_excepthook

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _failing_helper() -> None:
    raise ValueError("the forecast for <b>March</b> went missing")


def _caught() -> ExcInfo:
    try:
        _failing_helper()
    except ValueError as error:
        return type(error), error, error.__traceback__
    raise AssertionError("unreachable")


@pytest.fixture
def dialog(qtbot: QtBot) -> ErrorDialog:
    shown = ErrorDialog(*_caught())
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[ErrorDialog]:
    """Records each dialog the hook shows instead of blocking in ``exec``; restores the hook."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[ErrorDialog] = []

    def record(self: ErrorDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", record)
    return shown


def test_details_hold_the_full_traceback() -> None:
    text = details_text(*_caught())
    assert "Traceback (most recent call last)" in text
    assert "_failing_helper" in text
    assert "ValueError: the forecast for <b>March</b> went missing" in text


def test_details_name_the_app_python_qt_and_platform_versions() -> None:
    text = details_text(*_caught())
    assert f"{APP_NAME} {APP_VERSION}" in text
    assert f"Python {platform.python_version()}" in text
    assert f"Qt {qVersion()}" in text
    assert platform.platform() in text


def test_the_main_text_is_a_plain_sentence_with_the_message(dialog: ErrorDialog) -> None:
    assert dialog.heading.text() == "Something went wrong"
    assert "the forecast for <b>March</b> went missing" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert "Traceback" not in dialog.heading.text()


def test_the_message_is_shown_as_plain_text_not_html(dialog: ErrorDialog) -> None:
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText


def test_the_dialog_reassures_that_the_plan_is_saved(dialog: ErrorDialog) -> None:
    assert dialog.reassurance.text() == (
        "Your plan is saved after every edit; nothing you entered before this was lost."
    )


def test_an_error_without_a_message_is_named_by_its_type(qtbot: QtBot) -> None:
    shown = ErrorDialog(RuntimeError, RuntimeError(), None)
    qtbot.addWidget(shown)
    assert "RuntimeError" in shown.message.text()


def test_details_start_hidden_and_open_with_the_details_button(dialog: ErrorDialog) -> None:
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.details_toggle.click()
    assert dialog.details.isVisible()
    assert dialog.details.isReadOnly()
    assert dialog.details.toPlainText() == dialog.details_text()


def test_copy_details_puts_the_details_on_the_clipboard(dialog: ErrorDialog) -> None:
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details_text()


def test_close_is_the_default_button(dialog: ErrorDialog) -> None:
    assert dialog.close_button.isDefault()
    assert not dialog.copy_button.isDefault()


def test_every_control_has_an_accessible_name(dialog: ErrorDialog) -> None:
    controls = [dialog.details_toggle, dialog.details, dialog.copy_button, dialog.close_button]
    assert all(control.accessibleName() for control in controls)


def test_the_hook_shows_the_dialog_over_the_given_parent(
    qtbot: QtBot, shown_dialogs: list[ErrorDialog]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    install_excepthook(lambda: parent)
    sys.excepthook(*_caught())
    assert len(shown_dialogs) == 1
    assert shown_dialogs[0].parent() is parent
    assert "went missing" in shown_dialogs[0].message.text()


def test_the_hook_logs_the_traceback_to_stderr(
    qapp: object, shown_dialogs: list[ErrorDialog], capsys: pytest.CaptureFixture[str]
) -> None:
    install_excepthook(lambda: None)
    sys.excepthook(*_caught())
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_an_error_while_the_dialog_is_up_is_only_printed(
    qapp: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[ErrorDialog] = []

    def exec_raising_again(self: ErrorDialog) -> int:
        shown.append(self)
        try:
            raise KeyError("second fault")
        except KeyError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", exec_raising_again)
    install_excepthook(lambda: None)
    sys.excepthook(*_caught())
    assert len(shown) == 1
    assert "second fault" in capsys.readouterr().err


def test_the_hook_shows_the_next_error_after_the_dialog_closes(
    qapp: object, shown_dialogs: list[ErrorDialog]
) -> None:
    install_excepthook(lambda: None)
    sys.excepthook(*_caught())
    sys.excepthook(*_caught())
    assert len(shown_dialogs) == 2


def test_a_failing_dialog_is_printed_not_raised(
    qapp: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def broken_parent() -> None:
        raise RuntimeError("no main window")

    install_excepthook(broken_parent)
    sys.excepthook(*_caught())
    printed = capsys.readouterr().err
    assert "went missing" in printed
    assert "no main window" in printed


def test_keyboard_interrupt_goes_to_the_default_hook(
    qapp: object, shown_dialogs: list[ErrorDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    defaulted: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, value, tb: defaulted.append(kind))
    install_excepthook(lambda: None)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert defaulted == [KeyboardInterrupt]
    assert shown_dialogs == []
