"""The notice bar on its own: a notice about the last action goes when told, one about the
plan file stays until dismissed and comes back from under the other, and an action button
does its work once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.notice_bar import NoticeBar


@pytest.fixture
def bar(qtbot) -> NoticeBar:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    return bar


def _message_label(bar: NoticeBar) -> QLabel:
    return next(w for w in bar.findChildren(QLabel) if w.accessibleName() == "Notice message")


def test_a_notice_about_an_action_goes_when_the_next_action_comes(bar):
    bar.show_message("Could not change budget: Budget: must not be negative")
    bar.clear_transient()
    assert bar.text() == "" and bar.isHidden()


def test_a_notice_about_the_plan_file_stays_when_the_next_action_comes(bar):
    bar.show_message("Opened read-only: the file is write-protected.", "info", lasting=True)
    bar.clear_transient()
    assert bar.text() == "Opened read-only: the file is write-protected."


def test_a_notice_about_the_plan_file_comes_back_when_a_refusal_over_it_goes(bar):
    bar.show_message("Opened read-only: the file is write-protected.", "info", lasting=True)
    bar.show_message("Could not rename Webinar series: the plan is open read-only")
    assert bar.text().startswith("Could not rename")
    bar.clear_transient()
    assert bar.text() == "Opened read-only: the file is write-protected."


def test_a_dismissed_notice_about_the_plan_file_does_not_come_back(bar):
    bar.show_message("Opened read-only: the file is write-protected.", "info", lasting=True)
    bar.dismiss()
    bar.show_message("Could not rename Webinar series: the plan is open read-only")
    bar.clear_transient()
    assert bar.isHidden()


def test_closing_the_plan_forgets_its_notices(bar):
    bar.show_message("Opened read-only: the file is write-protected.", "info", lasting=True)
    bar.clear()
    bar.show_message("Exported the workbook", "info")
    bar.clear_transient()
    assert bar.isHidden()


def test_a_notice_with_an_action_shows_its_button_and_one_without_does_not(bar):
    bar.show_message("Deleted 'Webinar series'", "info", action=("Undo", lambda: None))
    assert bar.action_button.isVisible() and bar.action_button.text() == "Undo"
    bar.show_message("Exported the workbook", "info")
    assert not bar.action_button.isVisible()


def test_the_action_button_does_its_work_once_and_the_notice_goes(bar, qtbot):
    done = []
    bar.show_message("Deleted 'Webinar series'", "info", action=("Undo", lambda: done.append(1)))
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert done == [1]
    assert bar.isHidden()


def test_text_from_the_plan_file_is_shown_as_plain_text(bar):
    bar.show_message("Deleted '<b>Bold</b> launch'", "info")
    label = _message_label(bar)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Deleted '<b>Bold</b> launch'"
