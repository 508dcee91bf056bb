"""Moving initiatives on the Timeline page with the mouse, on the demo plan: a drag moves a bar,
a drag of an end resizes it, each drop is one undo step named for it, and a move the plan
refuses is said in one line while the bar goes back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from timeline_page_support import (
    BOOTH,
    TODAY,
    WEBINARS,
    bar,
    drag,
    initiative_id,
    months,
    point,
    show_page,
)

from planner import Metric, Plan
from planner.analysis import Analysis
from planner.timeline import ValuesOnMove, describe_move
from ui.document import PlanDocument
from ui.pages.timeline.frame import Preview
from ui.pages.timeline.layout import Zoom
from ui.pages.timeline.values_dialog import ValuesOnMoveDialog


def dates(page, name: str) -> tuple[int, int]:
    initiative = page.plan.initiatives.get(initiative_id(page.plan, name))
    return initiative.start_month, initiative.end_month


def planned_revenue(page, name: str) -> dict[int, int]:
    values = page.plan.values.for_initiative(initiative_id(page.plan, name))
    return {
        v.month: v.planned
        for v in values
        if v.metric is Metric.REVENUE_WON and v.planned is not None
    }


def refusals(page) -> list[str]:
    said: list[str] = []
    page.document.refused.connect(said.append)
    return said


# -- moving and resizing -----------------------------------------------------------------------


def test_dragging_a_bar_a_month_later_moves_the_initiative_a_month(page):
    drag(page, point(page, BOOTH), months(page, 1))
    assert dates(page, BOOTH) == (202606, 202607)
    assert (bar(page, BOOTH).start_month, bar(page, BOOTH).end_month) == (202606, 202607)


def test_a_drag_shows_where_the_bar_would_go_before_it_is_let_go(page):
    drag(page, point(page, BOOTH), months(page, 2), release=False)
    booth = initiative_id(page.plan, BOOTH)
    assert page.canvas.preview == Preview(booth, 202607, 202608)
    assert dates(page, BOOTH) == (202605, 202606)  # nothing moved yet


def test_the_planned_values_move_with_the_bar(page):
    before = planned_revenue(page, BOOTH)
    drag(page, point(page, BOOTH), months(page, 2))
    assert planned_revenue(page, BOOTH) == {202607: before[202605], 202608: before[202606]}


def test_dragging_the_end_changes_only_the_end(page):
    drag(page, point(page, BOOTH, "end"), months(page, 2))
    assert dates(page, BOOTH) == (202605, 202608)


def test_dragging_the_start_changes_only_the_start(page):
    drag(page, point(page, BOOTH, "start"), months(page, -1))
    assert dates(page, BOOTH) == (202604, 202606)


def test_an_end_dragged_past_the_start_leaves_a_one_month_bar(page):
    drag(page, point(page, BOOTH, "end"), months(page, -3))
    assert dates(page, BOOTH) == (202605, 202605)


def test_a_drag_let_go_where_it_began_changes_nothing(page):
    drag(page, point(page, BOOTH), months(page, 0.2))
    assert dates(page, BOOTH) == (202605, 202606)
    assert page.document.undo_stack.count() == 0
    assert page.canvas.preview is None


def test_escape_drops_a_drag_without_moving_anything(page):
    drag(page, point(page, BOOTH), months(page, 2), release=False)
    QTest.keyClick(page.canvas, Qt.Key.Key_Escape)
    assert page.canvas.preview is None
    assert dates(page, BOOTH) == (202605, 202606)


# -- undo --------------------------------------------------------------------------------------


def test_a_move_is_one_undo_step_named_for_it(page):
    drag(page, point(page, BOOTH), months(page, 1))
    stack = page.document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == describe_move(BOOTH, 202606, 202607)
    assert stack.undoText() == "move 'Finance Leaders Summit booth' to Jun-Jul 2026"


def test_undo_puts_back_the_dates_and_every_planned_value(page):
    before = planned_revenue(page, BOOTH)
    drag(page, point(page, BOOTH, "end"), months(page, -1))  # June folds into May
    page.document.undo_stack.undo()
    assert dates(page, BOOTH) == (202605, 202606)
    assert planned_revenue(page, BOOTH) == before
    assert (bar(page, BOOTH).start_month, bar(page, BOOTH).end_month) == (202605, 202606)


def test_redo_moves_it_again(page):
    drag(page, point(page, BOOTH), months(page, 1))
    after = planned_revenue(page, BOOTH)
    page.document.undo_stack.undo()
    page.document.undo_stack.redo()
    assert dates(page, BOOTH) == (202606, 202607)
    assert planned_revenue(page, BOOTH) == after


def test_a_resize_is_undone_on_its_own(page):
    drag(page, point(page, BOOTH), months(page, 1))
    drag(page, point(page, BOOTH, "end"), months(page, 1))
    stack = page.document.undo_stack
    assert stack.undoText() == describe_move(BOOTH, 202606, 202608)
    stack.undo()
    assert dates(page, BOOTH) == (202606, 202607)


# -- refused moves -----------------------------------------------------------------------------


def test_a_move_past_the_plans_last_month_is_refused_and_the_bar_goes_back(page):
    said = refusals(page)
    drag(page, point(page, BOOTH, "end"), months(page, 7))  # to January 2027
    assert len(said) == 1 and "\n" not in said[0]
    assert said[0].startswith(f"Could not {describe_move(BOOTH, 202605, 202701)}: End")
    assert dates(page, BOOTH) == (202605, 202606)
    assert page.canvas.preview is None
    assert page.document.undo_stack.count() == 0


def test_a_move_that_leaves_actuals_outside_the_dates_is_refused(page):
    said = refusals(page)
    drag(page, point(page, WEBINARS, "start"), months(page, 1))
    assert len(said) == 1
    assert "has actuals in Jan 2026, before the new start (Feb 2026)" in said[0]
    assert dates(page, WEBINARS) == (202601, 202612)


def test_a_move_into_months_with_actuals_is_refused(page):
    said = refusals(page)
    drag(page, point(page, BOOTH), months(page, -3))  # to Feb-Mar: closed months
    assert len(said) == 1
    assert "a closed month" in said[0]
    assert dates(page, BOOTH) == (202605, 202606)
    assert page.canvas.preview is None


# -- choosing what a move does to planned values -----------------------------------------------


def asked(page) -> ValuesOnMoveDialog:
    shown = [d for d in page.findChildren(ValuesOnMoveDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_the_first_move_asks_what_happens_to_planned_values(qtbot, timeline_document):
    page = show_page(qtbot, timeline_document)
    drag(page, point(page, BOOTH), months(page, 1))
    dialog = asked(page)
    assert dates(page, BOOTH) == (202605, 202606)  # not before the answer
    assert page.canvas.preview is not None  # the bar waits where it was dropped
    dialog.buttons[ValuesOnMove.RESPREAD].setChecked(True)
    dialog.accept()
    assert page.plan.settings.get().values_on_move is ValuesOnMove.RESPREAD
    assert dates(page, BOOTH) == (202606, 202607)
    assert page.controls.values.currentData() == ValuesOnMove.RESPREAD


def test_the_question_is_asked_once(qtbot, timeline_document):
    page = show_page(qtbot, timeline_document)
    drag(page, point(page, BOOTH), months(page, 1))
    asked(page).accept()
    drag(page, point(page, BOOTH), months(page, 1))
    assert not [d for d in page.findChildren(ValuesOnMoveDialog) if d.isVisible()]
    assert dates(page, BOOTH) == (202607, 202608)


def test_the_question_is_not_asked_again_once_the_plan_is_opened_again(
    qtbot, timeline_document, demo_path
):
    page = show_page(qtbot, timeline_document)
    drag(page, point(page, BOOTH), months(page, 1))
    asked(page).accept()  # "shift", the choice offered first, is kept as chosen
    timeline_document.close()

    plan = Plan.open(demo_path)
    reopened = PlanDocument(plan, analysis=Analysis.in_sql(plan, today=TODAY))
    try:
        page = show_page(qtbot, reopened)
        drag(page, point(page, BOOTH), months(page, 1))
        assert not [d for d in page.findChildren(ValuesOnMoveDialog) if d.isVisible()]
        assert dates(page, BOOTH) == (202607, 202608)
    finally:
        reopened.close()


def test_cancelling_the_question_leaves_the_initiative_where_it_was(qtbot, timeline_document):
    page = show_page(qtbot, timeline_document)
    drag(page, point(page, BOOTH), months(page, 1))
    asked(page).reject()
    assert dates(page, BOOTH) == (202605, 202606)
    assert page.canvas.preview is None
    assert page.document.undo_stack.count() == 0


def test_the_choice_can_be_changed_later_on_the_page_as_one_undo_step(page):
    combo = page.controls.values
    index = combo.findData(ValuesOnMove.RESPREAD)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert page.plan.settings.get().values_on_move is ValuesOnMove.RESPREAD
    page.document.undo_stack.undo()
    assert page.plan.settings.get().values_on_move is ValuesOnMove.SHIFT
    assert combo.currentData() == ValuesOnMove.SHIFT


def test_respread_keeps_the_planned_total_over_the_new_months(page):
    page.choose_values(ValuesOnMove.RESPREAD)
    total = sum(planned_revenue(page, BOOTH).values())
    drag(page, point(page, BOOTH, "end"), months(page, 2))
    spread = planned_revenue(page, BOOTH)
    assert sorted(spread) == [202605, 202606, 202607, 202608]
    assert sum(spread.values()) == total


# -- clicks ------------------------------------------------------------------------------------


def test_a_click_selects_the_bar(page):
    QTest.mouseClick(
        page.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        point(page, BOOTH),
    )
    assert page.canvas.selected == initiative_id(page.plan, BOOTH)
    assert page.selected_bar().name == BOOTH


def test_a_click_on_the_months_header_selects_nothing(page):
    page.canvas.select(initiative_id(page.plan, BOOTH))
    QTest.mouseClick(
        page.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(50, 5),
    )
    assert page.canvas.selected is None


def test_a_double_click_asks_to_open_the_initiative(qtbot, page):
    with qtbot.waitSignal(page.open_requested) as opened:
        QTest.mouseDClick(
            page.canvas.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            point(page, BOOTH),
        )
    assert opened.args == [initiative_id(page.plan, BOOTH)]
    assert page.document.undo_stack.count() == 0


def test_a_bar_dragged_to_the_edge_of_the_view_scrolls_the_months_along(page):
    page.set_zoom(Zoom.QUARTER)
    start = point(page, BOOTH, "end")
    across = page.canvas.horizontalScrollBar()
    before = across.value()
    viewport = page.canvas.viewport()
    edge = QPoint(viewport.width() - 3, start.y())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for _ in range(12):
        QTest.mouseMove(viewport, edge)
    assert across.value() > before
    assert page.canvas.preview is not None and page.canvas.preview.end > 202606


def test_a_screen_reader_is_told_the_chosen_bar(page):
    page.canvas.select(initiative_id(page.plan, BOOTH))
    assert page.canvas.accessibleDescription().startswith(f"{BOOTH}\n")
