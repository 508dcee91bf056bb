"""The glossary: one list of terms (planner/glossary.py), shown in Help > Glossary, and F1 on
a field or a column opens the entry of the term it speaks of, in the window and in its
dialogs, where the glossary opens over the dialog rather than behind it, blocked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from window_support import make_window, open_and_wait

from planner import Metric
from planner.glossary import GLOSSARY
from ui.help.browser import HelpWindow
from ui.new_plan_dialog import NewPlanDialog
from ui.pages.catalogue import SETTINGS, STRIKE_ZONE, TARGETS
from ui.workbook.mapping_dialog import MappingDialog


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


class Blocked(QObject):
    """The windows Qt blocks behind a modal dialog (it tells each one) while it listens."""

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowBlocked:
            self.windows.append(watched)
        return False


@pytest.fixture
def blocked(qapp):
    listener = Blocked()
    qapp.installEventFilter(listener)
    yield listener
    qapp.removeEventFilter(listener)


def press_f1_in(qtbot, dialog: QDialog, field: QWidget) -> HelpWindow:
    """F1 on ``field`` of ``dialog`` (shown, in front), and the glossary it shows."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_F1)
    (glossary,) = [g for g in dialog.findChildren(HelpWindow) if g.isVisible()]
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


# -- in dialogs ---------------------------------------------------------------------------


def test_f1_on_a_lag_of_phase_targets_opens_the_stage_it_leads_to(qtbot, window):
    dialog = window.phase_targets()  # Plan > Phase Targets…

    glossary = press_f1_in(qtbot, dialog, dialog.lags[1])  # months from MQL to SAL

    assert glossary.anchor == "sal"


def test_over_a_window_modal_dialog_the_glossary_is_the_dialogs_and_not_blocked(
    qtbot, window, blocked
):
    dialog = window.phase_targets()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal

    glossary = press_f1_in(qtbot, dialog, dialog.lags[4])  # months from Opp. to won

    assert glossary.anchor == "opportunity"
    assert glossary.parentWidget() is dialog and glossary.isVisible()
    assert window in blocked.windows and glossary not in blocked.windows
    assert window.help.glossary is None  # the window's own, behind the dialog, is not used


def test_over_an_application_modal_dialog_the_glossary_is_not_blocked(qtbot, window, blocked):
    dialog = NewPlanDialog(window)  # File > New Plan runs it with exec(): modal to the app
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()

    glossary = press_f1_in(qtbot, dialog, dialog.name_edit)  # a name: no term, the top

    assert glossary.anchor is None and glossary.isVisible()
    assert glossary not in blocked.windows
    dialog.reject()


def test_f1_on_the_import_mappings_metric_opens_the_metric_chosen(qtbot, window):
    dialog = MappingDialog("deals.csv", ["Campaign", "Date", "Count"], [], None, window)
    dialog.metric_combo.setCurrentText(Metric.MQL.title)
    dialog.open()  # as Import Actuals opens it

    glossary = press_f1_in(qtbot, dialog, dialog.metric_combo)

    assert glossary.anchor == "mql"


def test_the_glossary_over_a_dialog_closes_with_it(qtbot, window):
    dialog = window.phase_targets()
    glossary = press_f1_in(qtbot, dialog, dialog.lags[0])

    dialog.reject()

    assert not glossary.isVisible()


def test_f1_on_the_window_after_a_dialog_opens_the_windows_own_glossary(qtbot, window):
    dialog = window.phase_targets()
    press_f1_in(qtbot, dialog, dialog.lags[0])
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.view.show_page(SETTINGS)

    glossary = press_f1_on(qtbot, window, page.fields["mql_to_sal"].widget)

    assert glossary.parentWidget() is window and glossary.anchor == "sal"


def test_the_glossary_over_a_dialog_is_drawn(qtbot, window, tmp_path):
    dialog = window.phase_targets()
    glossary = press_f1_in(qtbot, dialog, dialog.lags[2])
    glossary.resize(640, 520)
    QApplication.processEvents()
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    assert glossary.grab().save(str(folder / "help-glossary-over-a-dialog.png"))
