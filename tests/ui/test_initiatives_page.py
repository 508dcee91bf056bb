"""The Initiatives page as a user meets it: the demo plan's table, its filters, editing in
cells, add, duplicate and delete, undo, and jumping to a finding (the detail pane below the
table: test_initiatives_detail_pane.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from initiatives_support import (
    by_name,
    cell,
    choose_in_cell,
    open_editor,
    page,
    show_page,
    type_as_a_person,
    type_into_cell,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from planner import Plan, Role
from planner.checks import run_checks
from planner.demo import build_demo
from ui.document import PlanDocument
from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives.delegates import NO_OWNER_LABEL
from ui.pages.settings import channel_edits
from ui.plain_text import tooltip_text

# ``page`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["page"]

WEBINAR = "Webinar series: the 5-day close"  # $14,000 budget, Jan to Dec 2026
GUIDE = "Grant-accounting guide for non-profits"  # no owner


def select(page: InitiativesPage, *names: str) -> list[int]:
    ids = [by_name(page.plan, name).id for name in names]
    page.table.select_ids(ids, (ids[0], 0))
    return ids


def budget_of(page: InitiativesPage, name: str) -> int:
    return by_name(page.plan, name).budget


# -- the table ----------------------------------------------------------------------------


def test_the_table_shows_every_initiative_of_the_demo(page):
    assert page.proxy.rowCount() == 22
    assert page.filters.count.text() == "22 initiatives"


def test_money_and_months_show_as_people_read_them(page):
    webinar = by_name(page.plan, WEBINAR).id
    assert cell(page, webinar, "budget").data() == "$14,000"
    assert cell(page, webinar, "revenue_target").data() == "$280,000"
    assert cell(page, webinar, "start_month").data() == "Jan 2026"
    assert cell(page, webinar, "return_ratio").data() == "20.0x"


def test_clicking_a_header_sorts_budgets_as_numbers(page, qtbot):
    column = page.columns.index(next(c for c in page.columns if c.key == "budget"))
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    budgets = [
        page.proxy.index(n, column).data(Qt.ItemDataRole.EditRole)
        for n in range(page.proxy.rowCount())
    ]
    assert budgets == sorted(budgets)


def test_no_column_is_sized_by_walking_every_row(page):
    header = page.table.horizontalHeader()
    assert all(
        header.sectionResizeMode(n) != header.ResizeMode.ResizeToContents
        for n in range(header.count())
    )
    name_width = page.table.columnWidth(0)
    assert page.table.fontMetrics().horizontalAdvance("Webinar series: the 5-day") < name_width


# -- filters ------------------------------------------------------------------------------


def test_escape_in_the_search_box_clears_it(page, qtbot):
    page.filters.search.setFocus()
    qtbot.waitUntil(page.filters.search.hasFocus)
    qtbot.keyClicks(page.filters.search, "webinar")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == ""
    assert page.proxy.rowCount() == 22


def test_searching_keeps_initiatives_whose_name_or_story_matches(page, qtbot):
    qtbot.keyClicks(page.filters.search, "webinar")
    shown = {page.proxy.index(n, 0).data() for n in range(page.proxy.rowCount())}
    assert WEBINAR in shown and "Audit-readiness webinar" in shown
    assert page.filters.count.text() == f"Showing {len(shown)} of 22"


def test_ctrl_f_puts_the_cursor_in_the_search_box(page, qtbot):
    page.table.setFocus()
    qtbot.keySequence(page.table, QKeySequence(QKeySequence.StandardKey.Find))
    assert QApplication.focusWidget() is page.filters.search


def test_the_status_filter_offers_any_status_and_filters(page):
    combo = page.filters.status
    assert combo.itemText(0) == "Any status"
    combo.setCurrentIndex(combo.findText("Planned"))
    statuses = {page.proxy.index(n, 2).data() for n in range(page.proxy.rowCount())}
    assert statuses == {"Planned"}
    assert page.filters.count.text().startswith("Showing ")


def test_the_owner_filter_lists_the_plans_people_and_no_owner(page):
    combo = page.filters.owner
    assert combo.itemText(0) == "Any owner"
    assert combo.findText("No owner") == 1
    assert combo.findText("Maya Chen") > 1
    combo.setCurrentIndex(1)
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == GUIDE


def test_the_segment_and_tier_filters_narrow_by_strike_zone(page):
    page.filters.tier.setCurrentIndex(page.filters.tier.findText("Outside segments"))
    assert page.proxy.index(0, 0).data() == "Small-business freemium push"
    assert page.proxy.rowCount() == 1
    page.filters.clear()
    segment = page.filters.segment
    segment.setCurrentIndex(segment.findText("No segment"))
    assert [page.proxy.index(n, 0).data() for n in range(page.proxy.rowCount())] == [
        "Finance podcast sponsorships"
    ]


def test_clear_filters_shows_everything_again(page, qtbot):
    page.filters.channel.setCurrentIndex(page.filters.channel.findText("Paid"))
    qtbot.keyClicks(page.filters.search, "search")
    assert page.filters.clear_button.isEnabled()
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 22
    assert page.filters.count.text() == "22 initiatives"


# -- editing in cells ---------------------------------------------------------------------


def test_typing_a_budget_in_its_cell_is_one_undoable_command(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    type_into_cell(qtbot, page, cell(page, webinar, "budget"), "16,500")
    assert budget_of(page, WEBINAR) == 1_650_000
    assert cell(page, webinar, "budget").data() == "$16,500"
    stack = page.document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == f"change budget of {WEBINAR[:29]}…"
    stack.undo()
    assert cell(page, webinar, "budget").data() == "$14,000"


def test_text_typed_in_a_money_cell_is_refused_and_the_cell_keeps_its_value(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    with qtbot.waitSignal(page.document.refused) as refused:
        type_into_cell(qtbot, page, cell(page, webinar, "budget"), "about ten grand")
    assert "budget" in refused.args[0] and "not an amount" in refused.args[0]
    assert budget_of(page, WEBINAR) == 1_400_000
    assert cell(page, webinar, "budget").data() == "$14,000"
    assert page.document.undo_stack.count() == 0


def test_a_negative_budget_is_refused_and_the_cell_keeps_its_value(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    with qtbot.waitSignal(page.document.refused) as refused:
        type_into_cell(qtbot, page, cell(page, webinar, "budget"), "-2000")
    assert refused.args[0].endswith("Budget: must not be negative")
    assert budget_of(page, WEBINAR) == 1_400_000
    assert cell(page, webinar, "budget").data() == "$14,000"


def test_an_end_month_before_the_start_is_refused_and_the_cell_keeps_its_value(page, qtbot):
    audit = by_name(page.plan, "Close the Loop user conference")  # Oct 2026 to Mar 2027
    with qtbot.waitSignal(page.document.refused) as refused:
        choose_in_cell(qtbot, page, cell(page, audit.id, "end_month"), "Feb 2026")
    assert "End: the end" in refused.args[0] and "before the start (Oct 2026)" in refused.args[0]
    assert by_name(page.plan, audit.name).end_month == 202703
    assert cell(page, audit.id, "end_month").data() == "Mar 2027"


@pytest.mark.parametrize("typed", ["Jun 2026", "2026-06", "june", "JUN", "June 2026"])
def test_a_month_typed_into_a_start_cell_is_that_month(page, qtbot, typed):
    webinar = by_name(page.plan, WEBINAR).id
    type_as_a_person(qtbot, page, cell(page, webinar, "start_month"), typed)
    assert by_name(page.plan, WEBINAR).start_month == 202606
    assert cell(page, webinar, "start_month").data() == "Jun 2026"


def test_enter_in_a_month_cell_ends_the_edit_once(page, qtbot, qtlog):
    webinar = by_name(page.plan, WEBINAR).id
    type_as_a_person(qtbot, page, cell(page, webinar, "start_month"), "Mar 2026")
    assert page.document.undo_stack.count() == 1
    assert not [record for record in qtlog.records if "commitData" in record.message]


def test_a_month_name_typed_alone_is_that_month_of_the_plan(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    type_as_a_person(qtbot, page, cell(page, webinar, "end_month"), "nov")
    assert by_name(page.plan, WEBINAR).end_month == 202611


def test_text_typed_into_a_month_cell_that_is_no_month_is_refused_naming_it(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    with qtbot.waitSignal(page.document.refused) as refused:
        type_as_a_person(qtbot, page, cell(page, webinar, "start_month"), "soon")
    assert "Start" in refused.args[0] and "'soon' is not a month" in refused.args[0]
    assert by_name(page.plan, WEBINAR).start_month == 202601
    assert page.document.undo_stack.count() == 0


def test_month_cells_offer_the_plans_months(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    editor = open_editor(qtbot, page, cell(page, webinar, "start_month"))
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(n) for n in range(editor.count())][:2] == ["Jan 2026", "Feb 2026"]
    assert editor.count() == 12


def test_choosing_a_status_changes_it(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    choose_in_cell(qtbot, page, cell(page, webinar, "status"), "Done")
    assert by_name(page.plan, WEBINAR).status == "done"
    assert page.document.undo_stack.undoText().startswith("change status of")


def test_choosing_a_channel_changes_it_and_undo_puts_it_back(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    choose_in_cell(qtbot, page, cell(page, webinar, "channel_id"), "Field marketing")
    assert (
        page.plan.initiatives.get(webinar).channel_id
        == page.plan.channels.named("Field marketing").id
    )
    assert cell(page, webinar, "channel_id").data() == "Field marketing"
    assert page.document.undo_stack.undoText() == f"change channel of {WEBINAR[:29]}…"
    page.document.undo_stack.undo()
    assert cell(page, webinar, "channel_id").data() == "Webinar"


def test_a_retired_channel_is_not_offered_but_stays_on_its_initiatives(page, qtbot):
    channels = page.plan.channels
    paid = channels.named("Paid").id
    ads = by_name(page.plan, "Paid search for close automation").id
    page.document.run(channel_edits.set_retired(page.plan, channels.get(paid), True))

    assert cell(page, ads, "channel_id").data() == "Paid"
    offered = open_editor(qtbot, page, cell(page, ads, "channel_id"))
    assert isinstance(offered, QComboBox)
    assert offered.currentText() == "Paid"  # what the initiative has, shown as chosen
    qtbot.keyClick(offered, Qt.Key.Key_Escape)
    webinar = by_name(page.plan, WEBINAR).id
    editor = open_editor(qtbot, page, cell(page, webinar, "channel_id"))
    assert isinstance(editor, QComboBox)
    choices = [editor.itemText(n) for n in range(editor.count())]
    assert "Paid" not in choices
    assert choices == [c.name for c in channels.offered()]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert page.filters.channel.findText("Paid (retired)") > 0  # its initiatives: findable


def test_a_channel_the_lead_adds_is_offered_and_filters_the_table(page, qtbot):
    podcasts = page.plan.channels.add(name="Podcasts").id
    webinar = by_name(page.plan, WEBINAR).id

    choose_in_cell(qtbot, page, cell(page, webinar, "channel_id"), "Podcasts")
    page.filters.channel.setCurrentIndex(page.filters.channel.findData(podcasts))

    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == WEBINAR
    assert page.filters.channel.currentText() == "Podcasts"


def test_renaming_in_the_name_cell(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    type_into_cell(qtbot, page, cell(page, webinar, "name"), "Five-day close webinars")
    assert page.plan.initiatives.get(webinar).name == "Five-day close webinars"
    assert page.document.undo_stack.undoText() == f"rename {WEBINAR[:29]}…"


def test_choosing_an_owner_hands_it_over_and_undo_restores_the_roles(page, qtbot):
    webinar = by_name(page.plan, WEBINAR)
    before = page.plan.roles.for_initiative(webinar.id)
    choose_in_cell(qtbot, page, cell(page, webinar.id, "owner"), "Tom Becker (Marketing)")
    assert cell(page, webinar.id, "owner").data() == "Tom Becker"
    roles = {a.person_id: a.role for a in page.plan.roles.for_initiative(webinar.id)}
    assert roles[webinar.owner_id] is Role.RESPONSIBLE
    page.document.undo_stack.undo()
    assert page.plan.roles.for_initiative(webinar.id) == before
    assert cell(page, webinar.id, "owner").data() == "Maya Chen"


def test_the_owner_editor_of_an_unowned_initiative_starts_on_no_choice(page, qtbot):
    guide = by_name(page.plan, GUIDE).id
    editor = open_editor(qtbot, page, cell(page, guide, "owner"))
    assert editor.currentText() == NO_OWNER_LABEL
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # closing it chooses no one
    assert page.plan.initiatives.get(guide).owner_id is None
    assert page.document.undo_stack.count() == 0


def test_money_cells_edit_in_the_plans_currency(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    editor = open_editor(qtbot, page, cell(page, webinar, "revenue_target"))
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "280000"
    assert editor.placeholderText() == "amount in USD"


# -- keyboard -----------------------------------------------------------------------------


def test_enter_edits_the_current_cell(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    page.table.setFocus()
    page.table.clearSelection()
    page.table.setCurrentIndex(cell(page, webinar, "name"))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.table.state() == page.table.State.EditingState


def test_tab_moves_to_the_next_cell_of_the_row(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    page.table.setFocus()
    page.table.clearSelection()
    page.table.setCurrentIndex(cell(page, webinar, "name"))
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert page.table.currentIndex() == cell(page, webinar, "channel_id")
    assert page.table.selected_ids() == [webinar]


def test_selection_is_by_rows_and_can_extend(page, qtbot):
    assert page.table.selectionBehavior() == page.table.SelectionBehavior.SelectRows
    assert page.table.selectionMode() == page.table.SelectionMode.ExtendedSelection


# -- add, duplicate, delete ---------------------------------------------------------------


def test_add_creates_a_new_initiative_selects_it_and_edits_its_name(page, qtbot):
    page.table.setFocus()
    qtbot.keySequence(page.table, QKeySequence("Ctrl+Shift+N"))
    added = by_name(page.plan, "New initiative")
    assert (added.channel_id, added.status) == (page.plan.channels.named("Other").id, "idea")
    assert page.table.selected_ids() == [added.id]
    assert page.table.state() == page.table.State.EditingState
    assert page.filters.count.text() == "23 initiatives"


def test_add_twice_numbers_the_second(page):
    page.add_action.trigger()
    page.table.setFocus()  # closes the name editor
    page.add_action.trigger()
    assert by_name(page.plan, "New initiative 2")


def test_add_clears_a_filter_that_would_hide_the_new_one(page):
    page.filters.status.setCurrentIndex(page.filters.status.findText("Active"))
    page.add_action.trigger()
    assert page.table.selected_ids() == [by_name(page.plan, "New initiative").id]


def test_undoing_an_add_removes_the_row(page):
    page.add_action.trigger()
    page.document.undo_stack.undo()
    assert page.proxy.rowCount() == 22


def test_delete_removes_every_selected_initiative_as_one_step(page, qtbot):
    ids = select(page, WEBINAR, GUIDE, "Pricing page experiment")
    page.table.setFocus()
    qtbot.keySequence(page.table, QKeySequence(QKeySequence.StandardKey.Delete))
    assert page.proxy.rowCount() == 19
    stack = page.document.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "delete 3 initiatives")
    stack.undo()
    assert {i.id for i in page.plan.initiatives.list()} >= set(ids)
    assert page.proxy.rowCount() == 22


def test_after_a_delete_the_next_row_is_selected(page):
    select(page, "Audit-readiness webinar")
    page.delete_action.trigger()
    assert page.table.selected_ids() == [by_name(page.plan, "Brand refresh and new website").id]


def test_delete_and_duplicate_need_a_selection(page):
    page.table.clearSelection()
    assert not page.delete_action.isEnabled() and not page.duplicate_action.isEnabled()
    select(page, WEBINAR)
    assert page.delete_action.isEnabled() and page.duplicate_action.isEnabled()


def test_ctrl_d_duplicates_and_selects_the_copy(page, qtbot):
    select(page, WEBINAR)
    page.table.setFocus()
    qtbot.keySequence(page.table, QKeySequence("Ctrl+D"))
    copy = by_name(page.plan, f"{WEBINAR} (copy)")
    assert page.table.selected_ids() == [copy.id]
    page.document.undo_stack.undo()
    assert page.proxy.rowCount() == 22


# -- refresh, reveal, findings ------------------------------------------------------------


def test_an_edit_keeps_the_selection_and_the_current_cell(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    type_into_cell(qtbot, page, cell(page, webinar, "budget"), "15000")
    assert page.table.selected_ids() == [webinar]
    assert page.table.currentIndex() == cell(page, webinar, "budget")


def test_an_edit_from_elsewhere_shows_at_once(page):
    webinar = by_name(page.plan, WEBINAR).id
    page.plan.initiatives.update(webinar, revenue_target="300,000")
    assert cell(page, webinar, "revenue_target").data() == "$300,000"


def test_a_renamed_owner_shows_everywhere_and_in_the_owner_filter(page):
    maya = next(p for p in page.plan.people.list() if p.name == "Maya Chen")
    page.plan.people.update(maya.id, name="Maya Chen-Ito")
    assert cell(page, by_name(page.plan, WEBINAR).id, "owner").data() == "Maya Chen-Ito"
    assert page.filters.owner.findText("Maya Chen-Ito") > 1


def test_reveal_clears_a_hiding_filter_and_puts_the_cell_on_the_field(page):
    guide = by_name(page.plan, GUIDE).id
    page.filters.status.setCurrentIndex(page.filters.status.findText("Active"))
    assert page.reveal(guide, "revenue_target")
    assert page.proxy.rowCount() == 22
    assert page.table.selected_ids() == [guide]
    assert page.table.currentIndex() == cell(page, guide, "revenue_target")


def test_reveal_of_a_story_field_focuses_its_editor(page):
    guide = by_name(page.plan, GUIDE).id
    assert page.reveal(guide, "problem")
    assert QApplication.focusWidget() is page.detail.story["problem"]


def test_reveal_of_an_unknown_initiative_says_no(page):
    assert page.reveal(999_999, "budget") is False


def test_findings_mark_rows_with_the_worst_icon_and_list_them(page):
    page.set_findings(run_checks(page.analysis))
    guide = cell(page, by_name(page.plan, GUIDE).id, "name")
    assert not guide.data(Qt.ItemDataRole.DecorationRole).isNull()
    tip = tooltip_text(guide.data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("Error: No one is accountable for")


# -- read-only ----------------------------------------------------------------------------


def test_a_read_only_plan_offers_no_editing(demo_path, qtbot):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        shown = show_page(qtbot, InitiativesPage(document))
        select(shown, WEBINAR)
        assert not shown.add_action.isEnabled() and not shown.delete_action.isEnabled()
        index = cell(shown, by_name(shown.plan, WEBINAR).id, "budget")
        assert not index.flags() & Qt.ItemFlag.ItemIsEditable
        assert shown.detail.story["problem"].isReadOnly()
    finally:
        document.close()


# -- the large plan -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_path(tmp_path_factory) -> Path:
    """The large demo plan (2,000 initiatives), built once for this module."""
    return build_demo(tmp_path_factory.mktemp("large") / "large.smplan", size="large")


@pytest.mark.slow
def test_the_large_plan_loads_and_a_cell_edit_rereads_only_its_row(large_path, qtbot):
    document = PlanDocument(Plan.open(large_path))
    try:
        shown = show_page(qtbot, InitiativesPage(document))
        assert shown.proxy.rowCount() == 2000
        first = shown.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
        listed = []
        original = document.plan.initiatives.list
        document.plan.initiatives.list = lambda: listed.append(1) or original()
        started = time.perf_counter()
        type_into_cell(qtbot, shown, cell(shown, first.id, "budget"), "12345")
        elapsed = time.perf_counter() - started
        assert document.plan.initiatives.get(first.id).budget == 1_234_500
        assert listed == []  # the update re-read one initiative, not all 2,000
        print(f"cell edit on the large plan, command and refresh: {elapsed * 1000:.0f} ms")
    finally:
        document.close()


def test_the_name_of_an_added_initiative_is_typed_straight_away(page, qtbot):
    page.add_action.trigger()
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Partner webinars")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)
    assert by_name(page.plan, "Partner webinars")
    assert page.document.undo_stack.count() == 2  # the add, then the rename


def test_typing_on_a_money_cell_replaces_its_value(page, qtbot):
    webinar = by_name(page.plan, WEBINAR).id
    page.table.setFocus()
    page.table.clearSelection()
    page.table.setCurrentIndex(cell(page, webinar, "budget"))
    qtbot.keyClicks(page.table, "5")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)
    assert budget_of(page, WEBINAR) == 500_000


def test_add_delete_and_undo_reread_only_the_rows_they_touch(page, monkeypatch):
    listed = []
    original = page.plan.initiatives.list
    monkeypatch.setattr(page.plan.initiatives, "list", lambda: listed.append(1) or original())
    page.add_action.trigger()
    page.table.setFocus()
    page.delete_action.trigger()
    page.document.undo_stack.undo()
    page.document.undo_stack.undo()
    assert listed == []
    assert page.proxy.rowCount() == 22


def test_reveal_on_a_hidden_page_focuses_the_field_once_it_is_shown(document, qtbot):
    hidden = InitiativesPage(document)
    qtbot.addWidget(hidden)
    guide = by_name(document.plan, GUIDE).id
    assert hidden.reveal(guide, "so_what")  # the window reveals, then shows the page
    show_page(qtbot, hidden)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is hidden.detail.story["so_what"])
    assert hidden.table.selected_ids() == [guide]
