"""The Initiatives page's "What if…" menu and its two dialogs, as a user meets them: choosing
what to scale or move, reading what it would do (or why not) before doing it, doing it as one
undo step, by mouse or keyboard, on a small laptop's screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from initiatives_support import Small, doc, show_page, small_plan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton

from planner import Plan
from ui.document import PlanDocument
from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives.move_dialog import MoveBudgetDialog
from ui.pages.initiatives.scale_dialog import OWNER, SEGMENT, ScaleBudgetsDialog

# ``doc`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["doc"]


@pytest.fixture
def small() -> Small:
    return small_plan()


@pytest.fixture
def page(doc: PlanDocument, qtbot) -> InitiativesPage:
    return show_page(qtbot, InitiativesPage(doc))


@pytest.fixture
def announced(doc: PlanDocument) -> list[str]:
    heard: list[str] = []
    doc.announced.connect(lambda text, _command: heard.append(text))
    return heard


def scale_dialog(page: InitiativesPage, qtbot) -> ScaleBudgetsDialog:
    dialog = page.what_if.ask_scale()
    assert isinstance(dialog, ScaleBudgetsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def move_dialog(page: InitiativesPage, qtbot) -> MoveBudgetDialog:
    dialog = page.what_if.ask_move()
    assert isinstance(dialog, MoveBudgetDialog)
    qtbot.waitExposed(dialog)
    return dialog


def labels(combo) -> list[str]:
    return [combo.itemText(n) for n in range(combo.count())]


# -- the menu -------------------------------------------------------------------------------


def test_the_header_offers_a_what_if_menu_with_both_dialogs(page):
    menu = page.what_if.action.menu()
    assert [a.text() for a in menu.actions()] == [
        "&Scale budgets…",
        "&Move budget…",
        "",
        "Phase &Targets…",
    ]


def test_the_what_if_actions_are_in_the_tables_context_menu(page):
    actions = page.table.actions()
    assert page.what_if.scale_action in actions and page.what_if.move_action in actions


def test_the_what_if_button_is_reached_with_the_keyboard_and_opens_its_menu(page):
    found = [b for b in page.findChildren(QToolButton) if b.defaultAction() is page.what_if.action]
    assert len(found) == 1
    assert found[0].focusPolicy() & Qt.FocusPolicy.TabFocus
    # Space or Enter on it opens the menu, as a click does.
    assert found[0].popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup


def test_a_plan_open_read_only_offers_no_what_if(small, qtbot, tmp_path, qapp):
    path = small.plan.save_copy(tmp_path / "copy.smplan")
    document = PlanDocument(Plan.open(path, read_only=True))
    try:
        page = show_page(qtbot, InitiativesPage(document))
        assert not page.what_if.action.isEnabled()
        assert page.what_if.ask_scale() is None and page.what_if.ask_move() is None
    finally:
        document.close()


# -- scaling --------------------------------------------------------------------------------


def test_the_scale_dialog_offers_the_plans_channels_people_and_segments(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    assert "Event" in labels(dialog.choice) and "Webinar" in labels(dialog.choice)
    dialog.kind.setCurrentIndex(dialog.kind.findData(OWNER))
    assert labels(dialog.choice) == ["Ann Lee", "bob Ray", "Olga Old", "No owner"]
    dialog.kind.setCurrentIndex(dialog.kind.findData(SEGMENT))
    assert labels(dialog.choice) == ["Mid-market SaaS", "Agencies", "Hobbyists"]


def test_the_scale_dialog_starts_from_the_channel_the_filter_shows(page, qtbot, small):
    bar = page.filters
    bar.channel.setCurrentIndex(bar.channel.findData(page.plan.channels.named("Event").id))
    dialog = scale_dialog(page, qtbot)
    assert dialog.choice.currentText() == "Event"


def test_the_scale_dialog_starts_from_the_owner_the_filter_shows(page, qtbot, small):
    page.filters.owner.setCurrentIndex(page.filters.owner.findData(small.bob))
    dialog = scale_dialog(page, qtbot)
    assert (dialog.kind.currentData(), dialog.choice.currentText()) == (OWNER, "bob Ray")


def test_without_a_filter_the_scale_dialog_starts_from_the_selected_channel(page, qtbot, small):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = scale_dialog(page, qtbot)
    assert dialog.choice.currentText() == "Event"


def test_the_scale_dialog_starts_with_the_keyboard_in_the_percent(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() in (dialog.percent, dialog.percent.lineEdit())
    )


def test_nothing_to_scale_by_is_a_hint_and_no_button(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == "Change by: 0% changes nothing; type a cut or a rise"


def test_the_scale_dialog_says_what_it_would_do(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    dialog.choice.setCurrentIndex(dialog.choice.findText("Event"))
    dialog.percent.setValue(-30)
    assert dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == (
        "1 Event initiative: budgets $110k → $77k, revenue targets $900k → $630k"
    )
    dialog.targets.setChecked(False)
    assert dialog.outcome.text() == "1 Event initiative: budgets $110k → $77k"


def test_a_channel_with_nothing_live_is_refused_in_the_dialog(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    dialog.choice.setCurrentIndex(dialog.choice.findText("PR"))
    dialog.percent.setValue(10)
    assert not dialog.ok_button.isEnabled()
    assert dialog.outcome.text().startswith("Channel: no live initiative is in PR")


def test_the_percent_stays_within_what_the_core_takes(page, qtbot):
    dialog = scale_dialog(page, qtbot)
    dialog.percent.lineEdit().selectAll()
    qtbot.keyClicks(dialog.percent.lineEdit(), "-250")
    assert dialog.percent.value() >= -100


def test_scaling_from_the_dialog_is_one_undo_step_and_is_announced(
    page, qtbot, doc, small, announced
):
    dialog = scale_dialog(page, qtbot)
    dialog.kind.setCurrentIndex(dialog.kind.findData(OWNER))
    dialog.choice.setCurrentIndex(dialog.choice.findText("Ann Lee"))
    dialog.percent.setValue(15)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.what_if.dialog is None)
    assert doc.plan.initiatives.get(small.webinar).budget == 1_035_000
    assert announced == [
        "Scaled 1 initiative owned by Ann Lee by +15% ($9k → $10.4k), revenue targets too"
    ]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.plan.initiatives.get(small.webinar).budget == 900_000


def test_the_table_shows_the_scaled_budgets(page, qtbot, small):
    dialog = scale_dialog(page, qtbot)
    dialog.choice.setCurrentIndex(dialog.choice.findText("Event"))
    dialog.percent.setValue(-50)
    dialog.accept()
    row = page.model.row(page.model.position(small.summit))
    assert row.budget == 5_500_000


def test_enter_scales_and_escape_cancels(page, qtbot, doc):
    dialog = scale_dialog(page, qtbot)
    qtbot.keyClick(dialog.percent.lineEdit(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.what_if.dialog is None)
    assert doc.undo_stack.count() == 0
    dialog = scale_dialog(page, qtbot)
    dialog.choice.setCurrentIndex(dialog.choice.findText("Webinar"))
    dialog.percent.lineEdit().selectAll()
    qtbot.keyClicks(dialog.percent.lineEdit(), "-20")
    qtbot.keyClick(dialog.percent.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.what_if.dialog is None)
    assert doc.undo_stack.count() == 1


# -- moving ---------------------------------------------------------------------------------


def test_the_move_dialog_starts_from_the_selected_initiative(page, qtbot, small):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    assert dialog.source.currentData() == small.summit
    assert dialog.unspent.text() == "Unspent: $110,000.00 (nothing spent to date)"


def test_the_move_dialog_offers_every_live_initiative_but_the_source(page, qtbot, small):
    page.plan.initiatives.add(name="Dropped idea", status="dropped")
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    offered = [dialog.recipients.item(n).text() for n in range(dialog.recipients.count())]
    assert offered == ["Accounting guide  ·  $0", "Webinar series  ·  $9k"]


def test_the_find_box_narrows_the_list_but_keeps_what_is_ticked(page, qtbot, small):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    dialog.tick(small.guide)
    qtbot.keyClicks(dialog.find, "webinar")
    shown = [
        dialog.recipients.item(n).text()
        for n in range(dialog.recipients.count())
        if not dialog.recipients.item(n).isHidden()
    ]
    assert shown == ["Accounting guide  ·  $0", "Webinar series  ·  $9k"]
    qtbot.keyClicks(dialog.find, "zzz")
    assert dialog.recipients.item(1).isHidden()


def test_the_move_dialog_asks_for_recipients_before_offering_the_button(page, qtbot, small):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == "Tick the initiatives to move the budget to."
    dialog.tick(small.webinar)
    assert dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == "Moves $110,000.00 to Webinar series (+$110,000.00)."


def test_space_ticks_the_current_initiative(page, qtbot, small):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    dialog.recipients.setFocus()
    dialog.recipients.setCurrentRow(1)
    qtbot.keyClick(dialog.recipients, Qt.Key.Key_Space)
    assert dialog.chosen_recipients() == (small.webinar,)


def test_an_amount_above_what_is_unspent_is_refused_in_the_dialog(page, qtbot, small):
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = move_dialog(page, qtbot)
    dialog.tick(small.summit)
    qtbot.mouseClick(dialog.some, Qt.MouseButton.LeftButton)
    assert dialog.amount.isEnabled()
    qtbot.keyClicks(dialog.amount, "10,000")
    assert not dialog.ok_button.isEnabled()
    assert dialog.outcome.text() == (
        "Amount: $10,000.00 is more than 'Webinar series' has unspent: $9,000.00 (its "
        "budget of $9,000.00, with nothing spent to date)"
    )


def test_moving_from_the_dialog_is_one_undo_step_and_is_announced(
    page, qtbot, doc, small, announced
):
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = move_dialog(page, qtbot)
    dialog.tick(small.webinar)
    dialog.tick(small.guide)
    dialog.some.setChecked(True)
    qtbot.keyClicks(dialog.amount, "1,000.01")
    dialog.by_budget.setChecked(True)
    dialog.evenly.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.what_if.dialog is None)
    assert announced == [
        "Moved $1,000.01 from summit booth to Accounting guide (+$500.01) and Webinar "
        "series (+$500.00)"
    ]
    assert doc.plan.initiatives.get(small.guide).budget == 50_001
    doc.undo_stack.undo()
    assert doc.plan.initiatives.get(small.guide).budget == 0
    assert doc.plan.initiatives.get(small.summit).budget == 11_000_000
    doc.undo_stack.redo()
    assert doc.plan.initiatives.get(small.summit).budget == 10_899_999


# -- on a small laptop ----------------------------------------------------------------------


@pytest.mark.parametrize("open_dialog", [scale_dialog, move_dialog])
def test_each_dialog_fits_a_small_laptops_screen(page, qtbot, open_dialog):
    dialog = open_dialog(page, qtbot)
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 - 40 and hint.height() <= 768 - 80
    assert dialog.minimumSizeHint().width() <= 700


@pytest.mark.parametrize(("open_dialog", "name"), [(scale_dialog, "scale"), (move_dialog, "move")])
def test_each_dialog_draws_for_a_look(page, qtbot, small, tmp_path, open_dialog, name):
    """Saved to ``$SMARKETING_SCREENSHOTS`` when set (else the test's folder), to look at."""
    page.table.select_ids([small.summit], (small.summit, 0))
    dialog = open_dialog(page, qtbot)
    if isinstance(dialog, MoveBudgetDialog):
        dialog.tick(small.webinar)
    else:
        dialog.percent.setValue(-30)
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    picture = dialog.grab()
    assert picture.save(str(folder / f"what-if-{name}.png"))
    assert picture.width() >= 400
    assert dialog.buttons.standardButtons() & QDialogButtonBox.StandardButton.Cancel
