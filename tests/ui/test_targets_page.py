"""The Targets & actuals page in use: choosing a metric and a view, typing into cells,
paste, copy, fill right and down, clear, refusals with their reasons, undo, refresh that
keeps the selection, reveal, a read-only plan, and the large demo plan."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication
from targets_support import Refusals, TargetsPlan, opened

from planner import Kind, Metric, Plan
from planner.demo import build_demo
from ui import theme
from ui.document import PlanDocument
from ui.pages.targets import TargetsPage
from ui.pages.targets.grid_data import View

P, A = Kind.PLANNED, Kind.ACTUAL
JAN, FEB, MAR, APR, MAY, JUN = 202601, 202602, 202603, 202604, 202605, 202606
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tp(qapp) -> Iterator[TargetsPlan]:
    with opened() as plan:
        yield plan


def open_page(qtbot, document: PlanDocument, view: View = View.PLANNED) -> TargetsPage:
    page = TargetsPage(document)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_view(view)
    page.table.setFocus()
    return page


@pytest.fixture
def page(qtbot, tp) -> TargetsPage:
    return open_page(qtbot, tp.document)


def at(page: TargetsPage, initiative_id: int, month: int, kind: Kind = P) -> QModelIndex:
    model = page.model
    return model.index(model.row_of(initiative_id), model.column_of(month, kind))


def select(page: TargetsPage, first: QModelIndex, last: QModelIndex | None = None) -> None:
    """Make ``first`` current and select ``first``..``last``, as a shift-click would."""
    selection_model = page.table.selectionModel()
    selection_model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection_model.select(
        QItemSelection(first, last or first), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def type_into(qtbot, page: TargetsPage, text: str) -> None:
    """Type over the current cell and press Enter, as a user would."""
    qtbot.keyClick(page.table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not page.table, "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)  # the delegate commits on the next turn of the event loop


# -- choosing what is shown --------------------------------------------------------------


def test_the_metric_chooser_lists_the_nine_metrics_in_funnel_order(page):
    titles = [page.metric_box.itemText(n) for n in range(page.metric_box.count())]
    assert titles == [metric.title for metric in Metric]
    assert page.metric is Metric.MQL
    assert page.metric_box.accessibleName() == "Metric"


def test_the_view_chooser_offers_planned_actual_and_both_and_starts_on_both(qtbot, tp):
    fresh = TargetsPage(tp.document)
    qtbot.addWidget(fresh)
    views = [fresh.view_box.itemText(n) for n in range(fresh.view_box.count())]
    assert views == ["Planned", "Actual", "Both"]
    assert fresh.view is View.BOTH


def test_choosing_spend_shows_money_in_the_plan_currency(page, tp):
    page.set_metric(Metric.SPEND)
    assert at(page, tp.analyst, JAN).data() == "$1,000"
    assert page.model.index(page.model.footer_row, 6).data() == "$1,000"


def test_the_planned_view_has_a_column_per_month_and_a_total(page):
    assert page.model.columnCount() == 7
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "Total"


def test_the_both_view_shows_plan_and_actual_side_by_side(page, tp):
    page.set_view(View.BOTH)
    assert page.model.columnCount() == 14
    assert at(page, tp.analyst, JAN, P).data() == "10"
    assert at(page, tp.analyst, JAN, A).data() == "12"


def test_switching_the_view_keeps_the_current_month(page, tp):
    select(page, at(page, tp.webinar, APR))
    page.set_view(View.BOTH)
    assert page.table.currentIndex() == at(page, tp.webinar, APR, P)


# -- typing ------------------------------------------------------------------------------


def test_typing_a_number_sets_it_as_one_undoable_command(qtbot, page, tp):
    select(page, at(page, tp.webinar, APR))
    type_into(qtbot, page, "40")
    assert tp.value(tp.webinar, APR) == (40, None)
    stack = tp.document.undo_stack
    assert stack.undoText() == "set planned MQLs for Webinar series, Apr 2026"
    stack.undo()
    assert tp.value(tp.webinar, APR) == (None, None)


def test_enter_commits_and_moves_to_the_cell_below(qtbot, page, tp):
    select(page, at(page, tp.analyst, APR))
    type_into(qtbot, page, "7")
    assert page.table.currentIndex() == at(page, tp.webinar, APR)


def test_typed_words_are_refused_naming_the_cell_and_nothing_changes(qtbot, page, tp):
    refusals = Refusals(tp.document)
    select(page, at(page, tp.webinar, APR))
    type_into(qtbot, page, "ten")
    assert refusals.last == (
        "Could not set planned MQLs for Webinar series, Apr 2026: Planned MQLs: "
        "'ten' is not a whole number"
    )
    assert tp.value(tp.webinar, APR) == (None, None)
    assert tp.document.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("typed", "reason"), [("-5", "must not be negative"), ("1.5", "is not a whole number")]
)
def test_negative_and_fractional_counts_are_refused(page, tp, typed, reason):
    refusals = Refusals(tp.document)
    assert page.model.setData(at(page, tp.analyst, MAR), typed) is False
    assert reason in refusals.last
    assert tp.value(tp.analyst, MAR) == (30, None)


def test_emptying_a_cell_clears_it_and_undo_brings_the_value_back(page, tp):
    assert page.model.setData(at(page, tp.webinar, MAR), "")
    assert tp.value(tp.webinar, MAR) == (None, None)
    assert at(page, tp.webinar, MAR).data() == ""
    tp.document.undo_stack.undo()
    assert at(page, tp.webinar, MAR).data() == "1,200"


def test_a_money_cell_takes_an_amount_with_symbol_and_separators(page, tp):
    page.set_metric(Metric.SPEND)
    assert page.model.setData(at(page, tp.webinar, MAR), "$2,500.75")
    assert tp.value(tp.webinar, MAR, Metric.SPEND) == (250075, None)
    assert at(page, tp.webinar, MAR).data() == "$2,501"


def test_an_actual_is_typed_in_its_own_column(page, tp):
    page.set_view(View.BOTH)
    assert page.model.setData(at(page, tp.webinar, MAR, A), "900")
    assert tp.value(tp.webinar, MAR) == (1200, 900)
    assert tp.document.undo_stack.undoText() == "set actual MQLs for Webinar series, Mar 2026"


# -- refresh -----------------------------------------------------------------------------


def test_an_edit_repaints_the_cell_and_totals_without_resetting_the_grid(page, tp):
    resets = []
    page.model.modelReset.connect(lambda: resets.append(True))
    select(page, at(page, tp.analyst, JAN), at(page, tp.webinar, FEB))
    page.model.setData(at(page, tp.webinar, APR), "5")
    assert resets == []
    assert at(page, tp.webinar, APR).data() == "5"
    assert page.model.index(1, 6).data() == "1,205"  # Webinar's total
    assert page.model.index(page.model.footer_row, 3).data() == "5"  # April's total
    assert len(page.table.selectionModel().selectedIndexes()) == 4


def test_the_current_cell_and_selection_survive_a_new_initiative(page, tp):
    select(page, at(page, tp.webinar, FEB), at(page, tp.zine, MAR))
    tp.plan.initiatives.add(
        name="Aardvark launch", channel_id=tp.plan.channels.named("Event").id
    )  # sorts first
    assert page.model.rowCount() == 5
    assert page.table.currentIndex() == at(page, tp.webinar, FEB)
    selected = {(i.row(), i.column()) for i in page.table.selectionModel().selectedIndexes()}
    assert selected == {
        (page.model.row_of(i), page.model.column_of(m, P))
        for i in (tp.webinar, tp.zine)
        for m in (FEB, MAR)
    }


def test_a_renamed_initiative_shows_its_new_name(page, tp):
    tp.plan.initiatives.update(tp.webinar, name="Webinars")
    row = page.model.row_of(tp.webinar)
    assert page.model.headerData(row, Qt.Orientation.Vertical) == "Webinars"


def test_an_edit_of_another_metric_leaves_the_grid_alone(page, tp):
    changes = []
    page.model.dataChanged.connect(lambda *args: changes.append(args))
    page.model.modelReset.connect(lambda: changes.append("reset"))
    tp.plan.values.set(tp.webinar, MAR, Metric.SPEND, planned=5000)
    assert changes == []


def test_a_longer_horizon_adds_its_months(page, tp):
    tp.plan.settings.update(months=8)
    assert page.model.columnCount() == 9


# -- paste -------------------------------------------------------------------------------


def test_ctrl_v_pastes_the_clipboard_block_at_the_current_cell_as_one_step(qtbot, page, tp):
    QGuiApplication.clipboard().setText("1,200\t5\r\n7\t\r\n")
    select(page, at(page, tp.analyst, MAR))
    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL)
    assert tp.value(tp.analyst, MAR) == (1200, None)
    assert tp.value(tp.analyst, APR) == (5, None)
    assert tp.value(tp.webinar, MAR) == (7, None)
    assert tp.value(tp.webinar, APR) == (None, None)
    stack = tp.document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "paste MQLs into 4 cells"
    stack.undo()
    assert tp.value(tp.analyst, MAR) == (30, None)
    assert tp.value(tp.webinar, MAR) == (1200, None)


def test_the_pasted_block_is_selected_afterwards(page, tp):
    select(page, at(page, tp.analyst, MAR))
    assert page.paste_text("1\t2\n3\t4")
    selected = {(i.row(), i.column()) for i in page.table.selectionModel().selectedIndexes()}
    assert len(selected) == 4


def test_a_block_larger_than_the_grid_is_refused_and_nothing_changes(page, tp):
    refusals = Refusals(tp.document)
    before = tp.plan.values.grid(Metric.MQL)
    select(page, at(page, tp.webinar, MAY))
    assert not page.paste_text("1\t2\t3\n4\t5\t6\n7\t8\t9\n")
    assert refusals.last == (
        "The pasted block is 3 rows × 3 columns but only 2 rows × 2 months fit from "
        "Webinar series, May 2026. Nothing was pasted."
    )
    assert tp.plan.values.grid(Metric.MQL) == before
    assert tp.document.undo_stack.count() == 0


def test_a_block_holding_text_is_refused_naming_the_cell_and_nothing_changes(page, tp):
    refusals = Refusals(tp.document)
    before = tp.plan.values.grid(Metric.MQL)
    select(page, at(page, tp.analyst, APR))
    assert not page.paste_text("4\t5\n6\tlots\n")
    assert refusals.last.endswith(
        "Webinar series, May 2026: Planned MQLs: 'lots' is not a whole number"
    )
    assert tp.plan.values.grid(Metric.MQL) == before


def test_one_value_pasted_on_a_selection_fills_it(page, tp):
    select(page, at(page, tp.webinar, MAR), at(page, tp.zine, APR))
    assert page.paste_text("8\n")
    for initiative in (tp.webinar, tp.zine):
        for month in (MAR, APR):
            assert tp.value(initiative, month) == (8, None)
    assert tp.document.undo_stack.undoText() == "paste MQLs into 4 cells"


def test_in_the_both_view_pasted_columns_land_on_plan_and_actual_as_shown(page, tp):
    page.set_view(View.BOTH)
    select(page, at(page, tp.webinar, MAR, P))
    assert page.paste_text("1300\t1100\t1400")
    assert tp.value(tp.webinar, MAR) == (1300, 1100)
    assert tp.value(tp.webinar, APR) == (1400, None)


def test_pasting_onto_a_total_is_refused(page, tp):
    refusals = Refusals(tp.document)
    select(page, page.model.index(page.model.footer_row, 0))
    assert not page.paste_text("5")
    assert "totals are worked out, not entered" in refusals.last


def test_the_actions_have_their_standard_shortcuts_and_icons(page):
    assert QKeySequence(QKeySequence.StandardKey.Paste) in page.paste_action.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Copy) in page.copy_action.shortcuts()
    assert QKeySequence("Ctrl+R") in page.fill_right_action.shortcuts()
    assert QKeySequence("Ctrl+D") in page.fill_down_action.shortcuts()
    for action in (page.paste_action, page.fill_right_action, page.fill_down_action):
        assert not action.icon().isNull()
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


# -- copy --------------------------------------------------------------------------------


def test_ctrl_c_copies_the_selection_as_plain_tab_separated_numbers(qtbot, page, tp):
    page.set_metric(Metric.SPEND)
    tp.plan.values.set(tp.analyst, FEB, Metric.SPEND, planned=250000)
    select(page, at(page, tp.analyst, JAN), at(page, tp.webinar, MAR))
    qtbot.keyClick(page.table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "1000.5\t2500\t\n\t\t"


def test_copied_counts_have_no_thousands_separators(page, tp):
    select(page, at(page, tp.webinar, MAR))
    assert page.copy() == "1200"


def test_a_copied_block_pastes_back_elsewhere(page, tp):
    select(page, at(page, tp.analyst, JAN), at(page, tp.analyst, MAR))
    page.copy()
    select(page, at(page, tp.zine, JAN))
    assert page.paste()
    assert [tp.value(tp.zine, m)[0] for m in (JAN, FEB, MAR)] == [10, 20, 30]


# -- fill and clear ----------------------------------------------------------------------


def test_ctrl_r_fills_the_first_column_right_as_one_step(qtbot, page, tp):
    select(page, at(page, tp.analyst, JAN), at(page, tp.analyst, JUN))
    qtbot.keyClick(page.table, Qt.Key.Key_R, CTRL)
    assert [tp.value(tp.analyst, m)[0] for m in (JAN, FEB, MAR, APR, MAY, JUN)] == [10] * 6
    stack = tp.document.undo_stack
    assert stack.undoText() == "fill MQLs right into 5 cells"
    stack.undo()
    assert [tp.value(tp.analyst, m)[0] for m in (FEB, MAR, APR)] == [20, 30, None]


def test_ctrl_d_fills_the_first_row_down_as_one_step(qtbot, page, tp):
    select(page, at(page, tp.analyst, FEB), at(page, tp.zine, MAR))
    qtbot.keyClick(page.table, Qt.Key.Key_D, CTRL)
    assert tp.value(tp.webinar, FEB) == (20, None)
    assert tp.value(tp.zine, MAR) == (30, None)
    assert tp.document.undo_stack.undoText() == "fill MQLs down into 4 cells"
    tp.document.undo_stack.undo()
    assert tp.value(tp.webinar, MAR) == (1200, None)


def test_fill_with_nothing_to_copy_from_says_so(page, tp):
    refusals = Refusals(tp.document)
    select(page, at(page, tp.analyst, JAN))
    assert not page.fill_right()
    assert refusals.last.startswith("Nothing to fill right from")


def test_delete_clears_the_selected_cells_as_one_step(qtbot, page, tp):
    select(page, at(page, tp.analyst, JAN), at(page, tp.webinar, MAR))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert tp.value(tp.analyst, JAN) == (None, 12)  # the actual is not shown: kept
    assert tp.value(tp.webinar, MAR) == (None, None)
    stack = tp.document.undo_stack
    assert stack.undoText() == "clear MQLs from 4 cells"
    stack.undo()
    assert tp.value(tp.analyst, FEB) == (20, None)
    assert tp.value(tp.webinar, MAR) == (1200, None)


# -- reveal, read-only, the demo ---------------------------------------------------------


def test_reveal_selects_the_initiatives_first_month(page, tp):
    assert page.reveal(tp.webinar, "values")
    assert page.table.currentIndex() == at(page, tp.webinar, MAR)  # its start month


def test_reveal_of_a_metric_shows_that_metric(page, tp):
    assert page.reveal(tp.analyst, "spend")
    assert page.metric is Metric.SPEND
    assert page.table.currentIndex() == at(page, tp.analyst, JAN)


def test_reveal_of_an_unknown_initiative_or_field_is_false(page, tp):
    assert page.reveal(9999, "values") is False
    assert page.reveal(tp.analyst, "budget") is False


def test_a_read_only_plan_cannot_be_edited(qtbot, demo_path: Path):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        page = open_page(qtbot, document)
        before = document.plan.values.grid(Metric.MQL)
        assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
        assert not page.paste_action.isEnabled()
        select(page, page.model.index(0, 0))
        assert not page.paste_text("5")
        assert not page.clear_selection()
        assert document.plan.values.grid(Metric.MQL) == before
    finally:
        document.close()


def test_the_demo_plan_shows_every_initiative_and_its_totals(qtbot, document):
    page = open_page(qtbot, document, View.BOTH)
    initiatives = document.plan.initiatives.list()
    assert page.model.rowCount() == len(initiatives) + 1
    assert page.model.columnCount() == 2 * 12 + 2
    planned = sum(p or 0 for p, _a in document.plan.values.grid(Metric.MQL).values())
    grand = page.model.index(page.model.footer_row, 24).data()
    assert grand == f"{planned:,}"


# -- the large demo plan -----------------------------------------------------------------


@pytest.fixture(scope="module")
def large_original(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.smplan"
    build_demo(path, size="large")
    return path


@pytest.fixture
def large(large_original: Path, tmp_path: Path, qapp) -> Iterator[PlanDocument]:
    path = tmp_path / "large.smplan"
    shutil.copyfile(large_original, path)
    document = PlanDocument(Plan.open(path))
    yield document
    document.close()


@pytest.mark.slow
def test_the_large_plan_shows_2000_initiatives_by_36_months(qtbot, large):
    page = open_page(qtbot, large, View.BOTH)
    assert page.model.rowCount() == 2001
    assert page.model.columnCount() == 2 * 36 + 2


@pytest.mark.slow
def test_an_edit_on_the_large_plan_updates_in_place(qtbot, large):
    page = open_page(qtbot, large)
    resets = []
    page.model.modelReset.connect(lambda: resets.append(True))
    footer = page.model.index(page.model.footer_row, 0)
    total_before = int(footer.data().replace(",", ""))
    index = page.model.index(5, 0)
    old = int(index.data().replace(",", ""))
    assert page.model.setData(index, str(old + 1000))
    assert resets == []
    assert int(footer.data().replace(",", "")) == total_before + 1000


@pytest.mark.slow
def test_a_10_by_12_paste_on_the_large_plan_is_one_step(qtbot, large):
    page = open_page(qtbot, large)
    select(page, page.model.index(100, 3))
    block = "\n".join("\t".join(str(r * 12 + c) for c in range(12)) for r in range(10))
    assert page.paste_text(block)
    assert large.undo_stack.count() == 1
    assert page.model.index(109, 14).data() == "119"


def test_backspace_while_typing_edits_the_text_not_the_grid(qtbot, page, tp):
    select(page, at(page, tp.webinar, APR))
    qtbot.keyClick(page.table, "4")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "56")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert tp.value(tp.webinar, APR) == (45, None)
    assert tp.document.undo_stack.count() == 1


def test_a_change_to_many_initiatives_reloads_the_whole_grid(page, tp, monkeypatch):
    monkeypatch.setattr("ui.pages.targets.page.TARGETED_LIMIT", 1)
    asked = []
    whole_grid = tp.plan.values.grid
    monkeypatch.setattr(
        tp.plan.values, "grid", lambda metric: asked.append(metric) or whole_grid(metric)
    )
    select(page, at(page, tp.analyst, MAY), at(page, tp.webinar, MAY))
    assert page.paste_text("9")
    assert asked == [Metric.MQL]
    assert at(page, tp.analyst, MAY).data() == "9"
    assert at(page, tp.webinar, MAY).data() == "9"
    assert page.table.currentIndex() == at(page, tp.analyst, MAY)


def test_a_dark_palette_redraws_the_shading(qtbot, page, tp):
    app = QApplication.instance()
    original = app.palette()
    light = at(page, tp.webinar, JAN).data(Qt.ItemDataRole.BackgroundRole).color()
    try:
        app.setPalette(theme.dark_palette())
        qtbot.wait(1)
        dark = at(page, tp.webinar, JAN).data(Qt.ItemDataRole.BackgroundRole).color()
        assert dark.lightness() < light.lightness()
    finally:
        app.setPalette(original)


def test_a_single_edit_asks_the_core_for_that_initiative_only(page, tp, monkeypatch):
    asked = []
    monkeypatch.setattr(tp.plan.values, "grid", lambda metric: asked.append(metric))
    assert page.model.setData(at(page, tp.webinar, APR), "3")
    assert asked == []
    assert at(page, tp.webinar, APR).data() == "3"
