"""Shared pieces of the settings-page tests: the page shown on a document, and typing into
its fields the way a user does (type, then Return)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

from ui.document import PlanDocument
from ui.pages.settings import SettingsPage
from ui.pages.settings.channels import ChannelsSection


def show_settings_page(qtbot, document: PlanDocument) -> SettingsPage:
    """The settings page of ``document``, shown (so it refreshes as the plan changes)."""
    page = SettingsPage(document)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    qtbot.waitExposed(page)
    return page


def type_and_enter(qtbot, widget: QWidget, text: str) -> None:
    """Replace what a line edit or spin box holds with ``text`` and press Return."""
    if isinstance(widget, QLineEdit):
        widget.clear()
    elif isinstance(widget, QAbstractSpinBox):
        widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def widget_of(page: SettingsPage, field: str) -> QWidget:
    return page.fields[field].widget


@pytest.fixture
def page(document, qtbot) -> SettingsPage:
    return show_settings_page(qtbot, document)


@pytest.fixture
def section(page) -> ChannelsSection:
    """The page's channels, scrolled into view."""
    page.scroll.ensureWidgetVisible(page.channels)
    return page.channels


@pytest.fixture
def refusals(document) -> list[str]:
    """What the document says it refused, as it says it."""
    messages: list[str] = []
    document.refused.connect(messages.append)
    return messages
