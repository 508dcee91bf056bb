"""The Targets & actuals grid without a window: its data and totals, the table model over
it, the fill rules, and the single-cell edit command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from targets_support import grid_of, make_plan

from planner import Action, Change, ChangeSet, Currency, Entity, Kind, Metric
from ui.pages.targets import edits
from ui.pages.targets.cells import Area, CellRef, Rect
from ui.pages.targets.fill import clear, fill_down, fill_right
from ui.pages.targets.formatting import plain, shown
from ui.pages.targets.grid_data import GridColumn, GridValues, View, grid_columns
from ui.pages.targets.grid_model import (
    CELL_ROLE,
    GROUP_ROLE,
    PLAIN_ROLE,
    SUBLABEL_ROLE,
    VALUE_ROLE,
    TargetsGridModel,
)
from ui.pages.targets.updates import changed_initiatives, fresh_cells, reshapes, rows_changed

P, A = Kind.PLANNED, Kind.ACTUAL
JAN, FEB, MAR, APR = 202601, 202602, 202603, 202604
USD = Currency("USD")


@pytest.fixture
def plan_and_ids():
    plan, ids = make_plan()
    yield plan, ids
    plan.close()


@pytest.fixture
def model(qapp, plan_and_ids) -> TargetsGridModel:
    plan, _ids = plan_and_ids
    model = TargetsGridModel(on_edit=lambda cell, text: True)
    model.set_grid(grid_of(plan))
    return model


def text(model: TargetsGridModel, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, column).data(role)


# -- columns and values ------------------------------------------------------------------


def test_both_view_has_plan_then_actual_per_month_then_the_totals():
    columns = grid_columns([JAN, FEB], View.BOTH)
    assert columns == [
        GridColumn(JAN, P),
        GridColumn(JAN, A),
        GridColumn(FEB, P),
        GridColumn(FEB, A),
        GridColumn(None, P),
        GridColumn(None, A),
    ]


def test_a_single_view_has_one_column_per_month_and_one_total():
    assert grid_columns([JAN, FEB], View.ACTUAL) == [
        GridColumn(JAN, A),
        GridColumn(FEB, A),
        GridColumn(None, A),
    ]


def test_totals_sum_rows_months_and_everything():
    values = GridValues(
        {(1, JAN): (10, 12), (1, FEB): (20, None), (2, JAN): (5, None)}, [1, 2], [JAN, FEB]
    )
    assert values.row_total(1, P) == 30
    assert values.row_total(1, A) == 12
    assert values.month_total(JAN, P) == 15
    assert values.grand_total(P) == 35
    assert values.grand_total(A) == 12


def test_a_total_of_nothing_entered_is_empty_but_a_total_of_zeros_is_zero():
    values = GridValues({(1, JAN): (0, None)}, [1, 2], [JAN, FEB])
    assert values.row_total(1, P) == 0
    assert values.row_total(2, P) is None
    assert values.month_total(FEB, P) is None
    assert values.grand_total(A) is None


def test_updating_cells_recounts_their_totals_and_reports_what_changed():
    values = GridValues({(1, JAN): (10, None), (2, JAN): (5, None)}, [1, 2], [JAN, FEB])
    changed = values.update({(1, JAN): (10, None), (1, FEB): (7, 3), (2, JAN): (None, None)})
    assert changed == [(1, FEB), (2, JAN)]
    assert values.row_total(1, P) == 17
    assert values.row_total(2, P) is None
    assert values.month_total(JAN, P) == 10
    assert values.grand_total(A) == 3


def test_values_of_months_outside_the_horizon_are_left_out():
    values = GridValues({(1, 202512): (99, None), (1, JAN): (1, None)}, [1], [JAN])
    assert values.row_total(1, P) == 1


# -- formatting --------------------------------------------------------------------------


def test_money_is_shown_in_the_plan_currency_without_cents_and_counts_with_separators():
    assert shown(Metric.SPEND, USD, 340060) == "$3,401"
    assert shown(Metric.MQL, USD, 1200) == "1,200"
    assert shown(Metric.MQL, USD, None) == ""


def test_plain_numbers_have_no_symbol_or_separators():
    assert plain(Metric.SPEND, USD, 340050) == "3400.5"
    assert plain(Metric.REVENUE_WON, USD, 100000000) == "1000000"
    assert plain(Metric.LEADS, USD, 1200) == "1200"
    assert plain(Metric.LEADS, USD, None) == ""


# -- the model ---------------------------------------------------------------------------


def test_rows_are_the_initiatives_then_a_totals_row(model):
    assert model.rowCount() == 4
    assert model.footer_row == 3
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)]
    assert names == ["Analyst program", "Webinar series", "Zine", "Total"]


def test_columns_are_the_months_then_the_total(model):
    assert model.columnCount() == 7
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert heads == [
        "Jan 2026",
        "Feb 2026",
        "Mar 2026",
        "Apr 2026",
        "May 2026",
        "Jun 2026",
        "Total",
    ]


def test_counts_show_with_thousands_separators_and_empty_cells_stay_empty(model):
    assert text(model, 1, 2) == "1,200"
    assert text(model, 1, 0) == ""
    assert text(model, 1, 0, VALUE_ROLE) is None


def test_money_cells_show_the_currency_without_cents(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    model = TargetsGridModel()
    model.set_grid(grid_of(plan, Metric.SPEND))
    assert text(model, 0, 0) == "$1,000"  # cents rounded half to even
    assert text(model, 0, 0, PLAIN_ROLE) == "1000.5"
    assert text(model, 0, 0, Qt.ItemDataRole.EditRole) == "1000.5"


def test_the_totals_row_and_column_sum_the_cells(model):
    assert text(model, 0, 6) == "60"  # Analyst program, Jan-Jun
    assert text(model, 3, 2) == "1,230"  # March, all initiatives
    assert text(model, 3, 6) == "1,260"


def test_numbers_are_right_aligned(model):
    alignment = text(model, 0, 0, Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight


def test_month_cells_are_editable_but_totals_are_not(model):
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 0)) & editable
    assert not model.flags(model.index(0, 6)) & editable  # total column
    assert not model.flags(model.index(3, 0)) & editable  # totals row


def test_a_read_only_grid_edits_nothing(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    model = TargetsGridModel(on_edit=lambda cell, text: True)
    model.set_grid(grid_of(plan), editable=False)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 0), "5") is False


def test_totals_are_bold_and_tinted(model):
    font = text(model, 3, 0, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert isinstance(text(model, 0, 6, Qt.ItemDataRole.FontRole), QFont)
    assert isinstance(text(model, 3, 0, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert text(model, 0, 0, Qt.ItemDataRole.FontRole) is None


def test_months_outside_an_initiatives_run_are_shaded(model):
    assert isinstance(text(model, 1, 0, Qt.ItemDataRole.BackgroundRole), QBrush)  # Webinar, Jan
    assert text(model, 1, 2, Qt.ItemDataRole.BackgroundRole) is None  # Webinar, Mar


def test_a_dropped_initiative_is_dimmed(model):
    assert isinstance(text(model, 2, 0, Qt.ItemDataRole.ForegroundRole), QBrush)
    assert isinstance(
        model.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole), QBrush
    )
    assert text(model, 0, 0, Qt.ItemDataRole.ForegroundRole) is None


def test_the_both_view_groups_plan_and_actual_under_the_month(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    model = TargetsGridModel()
    model.set_grid(grid_of(plan, view=View.BOTH))
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(1, horizontal) == "Jan 2026 Actual"
    assert model.headerData(1, horizontal, GROUP_ROLE) == "Jan 2026"
    assert model.headerData(1, horizontal, SUBLABEL_ROLE) == "Actual"
    assert text(model, 0, 0) == "10"
    assert text(model, 0, 1) == "12"
    assert text(model, 0, 13) == "12"  # total actual


def test_an_actual_cell_tip_compares_it_with_the_plan(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    model = TargetsGridModel()
    model.set_grid(grid_of(plan, view=View.BOTH))
    assert "120% of the 10 planned" in text(model, 0, 1, Qt.ItemDataRole.ToolTipRole)


def test_a_cell_knows_whose_month_it_is(model, plan_and_ids):
    _plan, ids = plan_and_ids
    cell = text(model, 1, 2, CELL_ROLE)
    assert cell == CellRef(ids["webinar"], "Webinar series", MAR, P)
    assert cell.label == "Webinar series, Mar 2026"
    assert text(model, 3, 2, CELL_ROLE) is None


def test_typing_into_a_cell_hands_the_cell_and_text_to_the_page(qapp, plan_and_ids):
    plan, ids = plan_and_ids
    seen = []
    model = TargetsGridModel(on_edit=lambda cell, text: seen.append((cell, text)) or True)
    model.set_grid(grid_of(plan))
    assert model.setData(model.index(1, 2), " 1,500 ")
    assert seen == [(CellRef(ids["webinar"], "Webinar series", MAR, P), "1,500")]


def test_typing_the_value_a_cell_already_holds_is_no_edit(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    seen = []
    model = TargetsGridModel(on_edit=lambda cell, text: seen.append(text) or True)
    model.set_grid(grid_of(plan))
    assert model.setData(model.index(1, 2), "1200") is False
    assert model.setData(model.index(1, 0), "") is False
    assert seen == []


def test_updating_cells_repaints_them_without_a_reset(qtbot, model, plan_and_ids):
    _plan, ids = plan_and_ids
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged):
        changed = model.update_cells({(ids["webinar"], APR): (5, None)})
    assert changed == 1
    assert resets == []
    assert text(model, 1, 3) == "5"
    assert text(model, 1, 6) == "1,205"
    assert text(model, 3, 3) == "5"


def test_the_same_rows_and_columns_again_do_not_reset_the_model(model, plan_and_ids):
    plan, _ids = plan_and_ids
    assert model.set_grid(grid_of(plan)) is False
    assert model.set_grid(grid_of(plan, view=View.BOTH)) is True


def test_sorting_by_a_month_puts_empty_cells_last_and_keeps_the_totals_row(model):
    model.sort(2, Qt.SortOrder.DescendingOrder)  # March planned
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)]
    assert names == ["Webinar series", "Analyst program", "Zine", "Total"]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)]
    assert names == ["Analyst program", "Webinar series", "Zine", "Total"]


def test_sorting_by_no_column_gives_back_the_order_by_name(model):
    model.sort(6, Qt.SortOrder.AscendingOrder)
    model.sort(-1)
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    assert names == ["Analyst program", "Webinar series", "Zine"]


# -- fills -------------------------------------------------------------------------------


def area_of(model: TargetsGridModel) -> Area:
    grid = model.grid
    kinds = [c.kind for c in grid.columns[: model.month_columns]]
    return Area(model.footer_row, kinds, model.cell, model.value)


def test_fill_right_copies_the_first_column_across_the_selection(model):
    writes = fill_right(area_of(model), Rect(0, 0, 0, 3))  # Analyst, Jan-Apr
    assert [(cell.month, value) for cell, value in writes] == [(FEB, 10), (MAR, 10), (APR, 10)]


def test_fill_right_on_one_column_copies_the_column_to_its_left(model):
    writes = fill_right(area_of(model), Rect(0, 3, 0, 3))  # Analyst, Apr
    assert [(cell.month, value) for cell, value in writes] == [(APR, 30)]


def test_fill_right_in_the_first_month_has_nothing_to_copy(model):
    assert fill_right(area_of(model), Rect(0, 0, 1, 0)) is None


def test_fill_right_in_both_view_fills_plan_from_plan_and_actual_from_actual(qapp, plan_and_ids):
    plan, _ids = plan_and_ids
    model = TargetsGridModel()
    model.set_grid(grid_of(plan, view=View.BOTH))
    writes = fill_right(area_of(model), Rect(0, 0, 0, 3))  # Jan plan .. Feb actual
    assert [(cell.month, cell.kind, value) for cell, value in writes] == [
        (FEB, P, 10),
        (FEB, A, 12),
    ]


def test_fill_down_copies_the_first_row_down_and_skips_the_totals_row(model):
    writes = fill_down(area_of(model), Rect(0, 2, 3, 2))  # March, every row and the totals
    assert [(cell.initiative_name, value) for cell, value in writes] == [
        ("Webinar series", 30),
        ("Zine", 30),
    ]


def test_fill_down_on_one_row_copies_the_row_above(model):
    writes = fill_down(area_of(model), Rect(1, 0, 1, 1))  # Webinar, Jan-Feb
    assert [(cell.month, value) for cell, value in writes] == [(JAN, 10), (FEB, 20)]


def test_fill_that_changes_nothing_writes_nothing(model):
    assert fill_down(area_of(model), Rect(2, 4, 2, 5)) == []  # Zine May-Jun from empty above


def test_clear_empties_only_cells_that_hold_a_value_and_never_totals(model):
    writes = clear(area_of(model), [(0, 0), (0, 4), (0, 6), (3, 0), (1, 2)])
    assert [(cell.initiative_name, cell.month, value) for cell, value in writes] == [
        ("Analyst program", JAN, None),
        ("Webinar series", MAR, None),
    ]


# -- the single-cell command -------------------------------------------------------------


def test_a_typed_value_is_one_command_named_for_the_cell(plan_and_ids):
    plan, ids = plan_and_ids
    cell = CellRef(ids["webinar"], "Webinar series", APR, P)
    command = edits.set_value(plan, Metric.MQL, cell, "40")
    assert command.text() == "set planned MQLs for Webinar series, Apr 2026"
    command.do()
    assert plan.values.grid(Metric.MQL)[(ids["webinar"], APR)] == (40, None)
    command.revert()
    assert (ids["webinar"], APR) not in plan.values.grid(Metric.MQL)


def test_an_emptied_cell_is_a_clear_command_whose_undo_gives_the_value_back(plan_and_ids):
    plan, ids = plan_and_ids
    cell = CellRef(ids["webinar"], "Webinar series", MAR, P)
    command = edits.set_value(plan, Metric.MQL, cell, "")
    assert command.text() == "clear planned MQLs for Webinar series, Mar 2026"
    command.do()
    assert (ids["webinar"], MAR) not in plan.values.grid(Metric.MQL)
    command.revert()
    assert plan.values.grid(Metric.MQL)[(ids["webinar"], MAR)] == (1200, None)


def test_undo_of_a_typed_value_restores_what_the_plan_held_not_the_grids_copy(plan_and_ids):
    plan, ids = plan_and_ids
    cell = CellRef(ids["webinar"], "Webinar series", MAR, P)
    command = edits.set_value(plan, Metric.MQL, cell, "40")
    # Changed after the grid last read it (an import, another page): the grid's copy is stale.
    plan.values.set(ids["webinar"], MAR, Metric.MQL, planned=777)
    command.do()
    command.revert()
    assert plan.values.grid(Metric.MQL)[(ids["webinar"], MAR)] == (777, None)


# -- what a change set means -------------------------------------------------------------


def values_change(ids=(), fields=()) -> ChangeSet:
    return ChangeSet.of(
        [Change(Entity.VALUES, Action.UPDATED, frozenset(ids), frozenset(fields), frozenset())]
    )


def test_a_change_to_this_metric_names_its_initiatives():
    changes = values_change({3, 4}, {"mql_plan"})
    assert changed_initiatives(changes, Metric.MQL, 60) == {3, 4}


def test_a_change_to_another_metric_names_none():
    assert changed_initiatives(values_change({3}, {"spend_plan"}), Metric.MQL, 60) == set()


def test_a_change_to_too_many_initiatives_or_to_unnamed_ones_means_a_reload():
    assert changed_initiatives(values_change(range(61), {"mql_actual"}), Metric.MQL, 60) is None
    assert changed_initiatives(values_change((), ()), Metric.MQL, 60) is None


def test_new_or_deleted_initiatives_and_settings_reshape_the_grid():
    added = ChangeSet.of([Change(Entity.INITIATIVES, Action.ADDED, frozenset({9}))])
    renamed = ChangeSet.of([Change(Entity.INITIATIVES, Action.UPDATED, frozenset({9}))])
    settings = ChangeSet.of([Change(Entity.SETTINGS, Action.UPDATED)])
    assert reshapes(added)
    assert reshapes(settings)
    assert not reshapes(renamed)
    assert not reshapes(values_change({1}, {"mql_plan"}))


def test_fresh_cells_cover_every_month_so_cleared_ones_empty(plan_and_ids):
    plan, ids = plan_and_ids
    cells = fresh_cells(plan, [ids["webinar"]], Metric.MQL)
    assert len(cells) == 6
    assert cells[(ids["webinar"], MAR)] == (1200, None)
    assert cells[(ids["webinar"], JAN)] == (None, None)


def test_a_budget_edit_leaves_the_grids_rows_alone():
    budget = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({3}), frozenset({"budget"}))
    assert not rows_changed(ChangeSet((budget,)))


def test_a_rename_or_new_dates_rebuild_the_grids_rows():
    for field in ("name", "start_month", "status"):
        change = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({3}), frozenset({field}))
        assert rows_changed(ChangeSet((change,)))
