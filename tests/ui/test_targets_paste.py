"""Pasting a block copied from a spreadsheet: parsing the tab-separated text, the room
check, the core's entries, and the paste command through a PlanDocument (one undo step,
all or nothing)."""

from __future__ import annotations

import pytest
from targets_support import Refusals, TargetsPlan, opened

from planner import Kind, Metric, ValueEntry
from ui.pages.targets import edits
from ui.pages.targets.cells import Area, CellRef, Rect
from ui.pages.targets.clipboard import (
    block_size,
    entry,
    fit_problem,
    parse_block,
    plan_paste,
    selection_tsv,
    to_tsv,
)

P, A = Kind.PLANNED, Kind.ACTUAL
JAN, FEB, MAR, APR, NOV = 202601, 202602, 202603, 202604, 202611


def cells(t: TargetsPlan, initiative: str, months: list[int], kind: Kind = P) -> list[CellRef]:
    name = {"analyst": "Analyst program", "webinar": "Webinar series", "zine": "Zine"}[initiative]
    return [CellRef(getattr(t, initiative), name, month, kind) for month in months]


@pytest.fixture
def tp(qapp) -> TargetsPlan:
    with opened() as plan:
        yield plan


# -- parsing -----------------------------------------------------------------------------


def test_rows_split_on_line_ends_and_cells_on_tabs():
    assert parse_block("1\t2\n3\t4") == [["1", "2"], ["3", "4"]]


def test_windows_line_ends_and_one_trailing_line_end_are_ignored():
    assert parse_block("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]


def test_an_empty_cell_is_kept_as_empty_text():
    assert parse_block("1\t\t3\n") == [["1", "", "3"]]


def test_a_blank_line_inside_the_block_is_one_empty_cell():
    assert parse_block("1\n\n") == [["1"], [""]]


def test_formatted_numbers_arrive_as_the_spreadsheet_wrote_them():
    assert parse_block('1,200\t$3,400.50\t"7"') == [["1,200", "$3,400.50", "7"]]


def test_empty_text_is_an_empty_block():
    assert parse_block("") == []


def test_a_ragged_block_is_as_wide_as_its_widest_row():
    assert block_size([["1"], ["2", "3", "4"]]) == (2, 3)


# -- room and entries --------------------------------------------------------------------


def test_a_block_that_fits_has_no_problem():
    anchor = CellRef(1, "Webinar series", MAR, P)
    assert fit_problem((2, 3), (2, 4), anchor, columns_are_months=True) is None


def test_a_block_larger_than_the_grid_is_refused_with_both_sizes_and_the_anchor():
    anchor = CellRef(1, "Webinar series", NOV, P)
    message = fit_problem((5, 4), (3, 2), anchor, columns_are_months=True)
    assert message == (
        "The pasted block is 5 rows × 4 columns but only 3 rows × 2 months fit from "
        "Webinar series, Nov 2026. Nothing was pasted."
    )


def test_in_the_both_view_the_room_is_counted_in_columns():
    anchor = CellRef(1, "Webinar series", NOV, A)
    message = fit_problem((1, 4), (1, 3), anchor, columns_are_months=False)
    assert "1 row × 3 columns fit from Webinar series, Nov 2026 (actual)" in message


def test_an_entry_names_its_cell_for_the_cores_messages_and_empty_text_clears():
    cell = CellRef(7, "Webinar series", MAR, P)
    assert entry(Metric.MQL, cell, "1,200") == ValueEntry(
        7, MAR, Metric.MQL, P, "1,200", where="Webinar series, Mar 2026"
    )
    assert entry(Metric.MQL, cell, " ").value is None


MONTHS = [JAN, FEB, MAR]
NAMES = ["Analyst program", "Webinar series"]


def small_area() -> Area:
    """Two initiatives x three planned months, then a totals row and a total column."""

    def cell(row: int, column: int) -> CellRef | None:
        if row < 2 and column < 3:
            return CellRef(row + 1, NAMES[row], MONTHS[column], P)
        return None

    return Area(2, [P, P, P], cell, lambda row, column: None)


def test_a_block_goes_from_the_top_left_selected_cell():
    writes = plan_paste(
        [["1", "2"], ["3", ""]], small_area(), [Rect(0, 1, 1, 1)], columns_are_months=True
    )
    assert [(c.initiative_name, c.month, v) for c, v in writes] == [
        ("Analyst program", FEB, "1"),
        ("Analyst program", MAR, "2"),
        ("Webinar series", FEB, "3"),
        ("Webinar series", MAR, ""),
    ]


def test_a_short_row_leaves_the_cells_past_its_end_alone():
    writes = plan_paste(
        [["1", "2"], ["3"]], small_area(), [Rect(0, 0, 0, 0)], columns_are_months=True
    )
    assert len(writes) == 3


def test_one_value_fills_every_selected_cell():
    writes = plan_paste([["5"]], small_area(), [Rect(0, 0, 1, 1)], columns_are_months=True)
    assert len(writes) == 4
    assert {value for _cell, value in writes} == {"5"}


def test_a_block_too_large_for_the_room_left_is_refused_by_plan_paste():
    message = plan_paste([["1"] * 3] * 2, small_area(), [Rect(1, 1, 1, 1)], columns_are_months=True)
    assert message == (
        "The pasted block is 2 rows × 3 columns but only 1 row × 2 months fit from "
        "Webinar series, Feb 2026. Nothing was pasted."
    )


def test_pasting_onto_a_total_or_nothing_at_all_says_why():
    assert "totals are worked out" in plan_paste(
        [["1"]], small_area(), [Rect(2, 0, 2, 0)], columns_are_months=True
    )
    assert plan_paste([], small_area(), [Rect(0, 0, 0, 0)], columns_are_months=True) == (
        "Nothing to paste: the clipboard holds no text."
    )


def test_a_selection_copies_as_tab_separated_lines():
    assert to_tsv([["1200", "", "3400.5"], ["7", "8", "9"]]) == "1200\t\t3400.5\n7\t8\t9"


# -- the paste command through a document ------------------------------------------------


def paste(t: TargetsPlan, block_text: str, targets: list[list[CellRef]], metric=Metric.MQL):
    block = parse_block(block_text)
    writes = [(targets[r][c], value) for r, row in enumerate(block) for c, value in enumerate(row)]
    return edits.paste_cells(t.plan, metric, writes)


def test_a_pasted_block_is_written_and_named_in_the_undo_menu(tp):
    rows = [cells(tp, "analyst", [MAR, APR]), cells(tp, "webinar", [MAR, APR])]
    command = paste(tp, "1,200\t5\n7\t\n", rows)
    assert command.text() == "paste MQLs into 4 cells"
    assert tp.document.run(command)
    assert tp.value(tp.analyst, MAR) == (1200, None)
    assert tp.value(tp.analyst, APR) == (5, None)
    assert tp.value(tp.webinar, MAR) == (7, None)
    assert tp.value(tp.webinar, APR) == (None, None)


def test_undoing_a_paste_gives_back_every_old_value_in_one_step(tp):
    rows = [cells(tp, "analyst", [MAR, APR]), cells(tp, "webinar", [MAR, APR])]
    assert tp.document.run(paste(tp, "1\t2\n3\t4", rows))
    assert tp.document.undo_stack.count() == 1
    tp.document.undo_stack.undo()
    assert tp.value(tp.analyst, MAR) == (30, None)
    assert tp.value(tp.analyst, APR) == (None, None)  # was empty: empty again
    assert tp.value(tp.webinar, MAR) == (1200, None)
    tp.document.undo_stack.redo()
    assert tp.value(tp.webinar, APR) == (4, None)


def test_a_paste_is_one_change_set_from_one_core_call(tp):
    seen = []
    tp.document.changed.connect(seen.append)
    rows = [cells(tp, "analyst", [JAN, FEB, MAR])]
    assert tp.document.run(paste(tp, "1\t2\t3", rows))
    assert len(seen) == 1


def test_money_values_paste_with_symbols_and_separators(tp):
    rows = [cells(tp, "analyst", [FEB, MAR])]
    assert tp.document.run(paste(tp, "$3,400.50\t1,200", rows, Metric.SPEND))
    assert tp.value(tp.analyst, FEB, Metric.SPEND) == (340050, None)
    assert tp.value(tp.analyst, MAR, Metric.SPEND) == (120000, None)


def test_a_block_holding_text_is_refused_naming_the_cell_and_nothing_changes(tp):
    refusals = Refusals(tp.document)
    before = tp.plan.values.grid(Metric.MQL)
    rows = [cells(tp, "analyst", [MAR, APR]), cells(tp, "webinar", [MAR, APR])]
    assert not tp.document.run(paste(tp, "1\t2\n3\tten", rows))
    assert refusals.last == (
        "Could not paste MQLs into 4 cells: Webinar series, Apr 2026: Planned MQLs: "
        "'ten' is not a whole number"
    )
    assert tp.plan.values.grid(Metric.MQL) == before
    assert tp.document.undo_stack.count() == 0


def test_negative_and_fractional_counts_are_refused(tp):
    refusals = Refusals(tp.document)
    rows = [cells(tp, "analyst", [APR])]
    assert not tp.document.run(paste(tp, "-5", rows))
    assert "must not be negative" in refusals.last
    assert not tp.document.run(paste(tp, "1.5", rows))
    assert "'1.5' is not a whole number" in refusals.last
    assert tp.value(tp.analyst, APR) == (None, None)


def test_pasting_actuals_beside_plans_writes_each_kind(tp):
    rows = [[*cells(tp, "webinar", [MAR], P), *cells(tp, "webinar", [MAR], A)]]
    assert tp.document.run(paste(tp, "1300\t1100", rows))
    assert tp.value(tp.webinar, MAR) == (1300, 1100)


def test_a_multiple_selection_copies_as_its_bounding_block_with_gaps_empty():
    ranges = [Rect(0, 0, 0, 1), Rect(2, 1, 2, 1)]
    text = selection_tsv(ranges, lambda row, column: f"{row}{column}")
    assert text == "00\t01\n\t\n\t21"
