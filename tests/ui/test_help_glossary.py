"""The glossary: one list of terms (planner/glossary.py), shown in Help > Glossary, and F1 on
a field or a column opens the entry of the term it speaks of."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait

from planner import Metric
from planner.glossary import GLOSSARY
from ui.pages.catalogue import SETTINGS, STRIKE_ZONE, TARGETS


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press_f1_on(qtbot, window, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    glossary = window.help.glossary
    assert glossary is not None and glossary.isVisible()
    return glossary


def test_the_glossary_holds_every_term_of_the_method(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)

    text = window.help.show_glossary().browser.toPlainText()

    for word in (
        "Lead", "MQL", "SAL", "SQL", "Opportunity", "Pipeline", "Strike zone", "RACI",
        "Hand-off agreement", "Random act of marketing", "ROMI", "CAC",
    ):  # fmt: skip
        assert word in text
    assert all(entry.definition in text for entry in GLOSSARY)


def test_f1_on_a_funnel_rate_of_plan_settings_opens_the_stage_it_converts_into(qtbot, window):
    page = window.view.show_page(SETTINGS)

    glossary = press_f1_on(qtbot, window, page.fields["mql_to_sal"].widget)

    assert glossary.anchor == "sal"


def test_f1_on_a_hand_off_field_opens_the_hand_off_agreement(qtbot, window):
    page = window.view.show_page(SETTINGS)

    glossary = press_f1_on(qtbot, window, page.fields["mqls_per_month"].widget)

    assert glossary.anchor == "handoff"


def test_f1_on_the_targets_metric_chooser_opens_the_metric_chosen(qtbot, window):
    page = window.view.show_page(TARGETS)
    page.set_metric(Metric.SQL)

    glossary = press_f1_on(qtbot, window, page.metric_box)

    assert glossary.anchor == "sql"


def test_f1_anywhere_on_the_strike_zone_page_opens_the_strike_zone(qtbot, window):
    page = window.view.show_page(STRIKE_ZONE)

    glossary = press_f1_on(qtbot, window, page.segments_view)

    assert glossary.anchor == "strike_zone"


def test_the_entry_f1_opens_is_scrolled_into_view(qtbot, window):
    page = window.view.show_page(SETTINGS)
    glossary = press_f1_on(qtbot, window, page.fields["mqls_per_month"].widget)
    QApplication.processEvents()

    bar = glossary.browser.verticalScrollBar()
    assert bar.value() > 0


def test_the_entry_f1_opens_is_shaded(qtbot, window):
    page = window.view.show_page(SETTINGS)

    glossary = press_f1_on(qtbot, window, page.fields["mqls_per_month"].widget)

    (shade,) = [mark for mark in glossary.browser.extraSelections()]
    assert shade.cursor.selectedText().startswith("Hand-off agreement (SLA)")
    assert "24 hours is the common B2B standard" in shade.cursor.selectedText()


def test_f1_on_a_field_with_no_term_opens_the_glossary_at_its_top(qtbot, window):
    page = window.view.show_page(SETTINGS)

    glossary = press_f1_on(qtbot, window, page.fields["company"].widget)

    assert glossary.anchor is None
    assert glossary.browser.verticalScrollBar().value() == 0


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_glossary_is_drawn(qtbot, window, tmp_path, size):
    page = window.view.show_page(SETTINGS)
    window.resize(*size)
    glossary = press_f1_on(qtbot, window, page.fields["mql_to_sal"].widget)
    glossary.resize(640, min(600, size[1] - 120))
    glossary.go_to("sal")
    QApplication.processEvents()
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    assert glossary.grab().save(str(folder / f"help-glossary-{size[0]}.png"))
    assert window.grab().save(str(folder / f"help-f1-window-{size[0]}.png"))
