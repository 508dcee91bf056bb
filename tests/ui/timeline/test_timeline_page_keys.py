"""The Timeline page from the keyboard alone: Up and Down choose a bar, the arrows move it a
month, Shift and the arrows move its end, Ctrl+Shift and the arrows its start, Enter opens it;
each move one undo step, a refused one said and undone on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from timeline_page_support import BOOTH, WEBINARS, initiative_id, key

from planner.timeline import describe_move
from ui.pages.timeline.layout import Zoom

SHIFT = Qt.KeyboardModifier.ShiftModifier
CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def chosen(page, name: str) -> int:
    """Choose the initiative's bar and give the drawing the keyboard."""
    found = initiative_id(page.plan, name)
    page.canvas.select(found)
    page.focus_canvas()
    return found


def dates(page, initiative: int) -> tuple[int, int]:
    got = page.plan.initiatives.get(initiative)
    return got.start_month, got.end_month


def test_right_moves_the_chosen_bar_a_month_later(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Right)
    assert dates(page, booth) == (202606, 202607)
    assert page.document.undo_stack.undoText() == describe_move(BOOTH, 202606, 202607)


def test_left_moves_it_a_month_earlier(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Left)
    assert dates(page, booth) == (202604, 202605)


def test_each_key_press_is_its_own_undo_step(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Right)
    key(page, Qt.Key.Key_Right)
    page.document.undo_stack.undo()
    assert dates(page, booth) == (202606, 202607)
    page.document.undo_stack.redo()
    assert dates(page, booth) == (202607, 202608)


def test_shift_right_makes_it_end_a_month_later(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Right, SHIFT)
    assert dates(page, booth) == (202605, 202607)


def test_shift_left_makes_it_end_a_month_sooner(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Left, SHIFT)
    assert dates(page, booth) == (202605, 202605)


def test_shift_left_on_a_one_month_bar_does_nothing(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Left, SHIFT)
    key(page, Qt.Key.Key_Left, SHIFT)
    assert dates(page, booth) == (202605, 202605)
    assert page.document.undo_stack.count() == 1


def test_control_shift_left_makes_it_start_a_month_sooner(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Left, CONTROL_SHIFT)
    assert dates(page, booth) == (202604, 202606)


def test_control_shift_right_makes_it_start_a_month_later(page):
    booth = chosen(page, BOOTH)
    key(page, Qt.Key.Key_Right, CONTROL_SHIFT)
    assert dates(page, booth) == (202606, 202606)


def test_a_refused_key_move_is_said_and_the_bar_stays(page):
    said: list[str] = []
    page.document.refused.connect(said.append)
    webinars = chosen(page, WEBINARS)
    key(page, Qt.Key.Key_Right, CONTROL_SHIFT)  # January's actuals would fall before its start
    assert len(said) == 1 and "has actuals in Jan 2026" in said[0]
    assert dates(page, webinars) == (202601, 202612)
    assert page.canvas.preview is None


def test_down_and_up_choose_the_next_and_the_previous_bar_as_drawn(page):
    layout = page.canvas.layout_
    order = [bar.initiative_id for bar in layout.bars()]
    page.canvas.select(order[0])
    page.focus_canvas()
    key(page, Qt.Key.Key_Down)
    key(page, Qt.Key.Key_Down)
    assert page.canvas.selected == order[2]
    key(page, Qt.Key.Key_Up)
    assert page.canvas.selected == order[1]


def test_down_with_nothing_chosen_chooses_the_first_bar(page):
    page.canvas.select(None)
    page.focus_canvas()
    key(page, Qt.Key.Key_Down)
    assert page.canvas.selected == next(iter(page.canvas.layout_.bars())).initiative_id


def test_choosing_a_bar_out_of_sight_scrolls_to_it(page):
    layout = page.canvas.layout_
    last = list(layout.bars())[-1].initiative_id
    page.canvas.select(None)
    page.focus_canvas()
    key(page, Qt.Key.Key_Up)  # from nothing chosen, Up goes to the last bar
    assert page.canvas.selected == last
    rect = page.canvas.bar_rect(last)
    assert 0 <= rect.bottom() <= page.canvas.viewport().height()


def test_enter_asks_to_open_the_chosen_initiative(qtbot, page):
    booth = chosen(page, BOOTH)
    with qtbot.waitSignal(page.open_requested) as opened:
        key(page, Qt.Key.Key_Return)
    assert opened.args == [booth]


def test_with_nothing_chosen_the_arrows_scroll_the_drawing_as_before(page):
    page.canvas.set_zoom(Zoom.QUARTER)  # months to scroll through
    page.canvas.select(None)
    page.focus_canvas()
    across = page.canvas.horizontalScrollBar()
    across.setValue(across.maximum() // 2)
    before = across.value()
    key(page, Qt.Key.Key_Right)
    assert across.value() > before
