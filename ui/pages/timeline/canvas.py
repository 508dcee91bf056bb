"""What a hand does on the Timeline's drawing: a click chooses a bar, a double click or Enter
asks to open it, a drag (of the bar or an end) or the arrow keys ask to move it. The keys are
actions of the canvas (so the shortcut sheet lists them), each enabled while it has something
to act on; disabled, an arrow key scrolls the drawing as Qt's scroll area does.

A drag is a preview only: on release the canvas asks for the move
(:attr:`TimelineCanvas.move_requested`) and keeps showing the preview until the page says
the move is settled (done, refused or cancelled): then the bar is drawn where the plan has it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from planner.months import Month
from ui.widgets.key_actions import key_action

from .frame import Preview
from .layout import Grip, dragged
from .view import EDGE, TimelineView


@dataclass
class _Press:
    """A press on a bar, becoming a drag once the mouse has moved far enough."""

    initiative_id: int
    grip: Grip | None  # None: pressed beside the bar (its row), which selects only
    x: float  # in the drawing's content (the view's x plus the sideways scroll)
    start: Month
    end: Month
    dragging: bool = False


class TimelineCanvas(TimelineView):
    """The drawing of a :class:`~planner.timeline.Timeline`, moved by hand."""

    open_requested = Signal(int)
    move_requested = Signal(int, int, int)  # initiative id, start month, end month
    refused = Signal(str)  # a move asked of a plan that cannot change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self._editable = True
        self._read_only_reason = ""
        self._held: _Press | None = None  # see _press
        self._build_key_actions()
        self.selection_changed.connect(self._update_key_actions)
        self._update_key_actions()

    def set_editable(self, editable: bool, reason: str = "") -> None:
        """Whether bars can be moved; ``reason`` says why not, when a move is tried."""
        self._editable = editable
        self._read_only_reason = reason

    # -- the mouse ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.preview is not None:
            super().mousePressEvent(event)
            return
        found = self.hit(event.position())
        if found is None:
            self._select(None)
            return
        bar, grip = found
        self._select(bar.initiative_id)
        x = event.position().x() + self.horizontalScrollBar().value()
        self._press = _Press(bar.initiative_id, grip, x, bar.start_month, bar.end_month)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None:
            self._update_cursor(event.position())
            return
        if press.grip is None:
            return
        if not press.dragging:
            x = event.position().x() + self.horizontalScrollBar().value()
            if abs(x - press.x) < QApplication.startDragDistance():
                return
            if not self._editable:
                self._press = None
                self.refused.emit(self._read_only_reason)
                return
            press.dragging = True
            self.viewport().setCursor(
                Qt.CursorShape.ClosedHandCursor
                if press.grip is Grip.BODY
                else Qt.CursorShape.SizeHorCursor
            )
        self._scroll_near_edge(event.position().x())
        x = event.position().x() + self.horizontalScrollBar().value()
        months = round((x - press.x) / self.month_width())
        start, end = dragged(press.start, press.end, press.grip, months)
        wanted = Preview(press.initiative_id, start, end)
        if wanted != self.preview:
            self.preview = wanted
            self.viewport().update()

    def _scroll_near_edge(self, x: float) -> None:
        """A bar dragged to the view's edge takes the months along (at a quarter's zoom the
        months it goes to are out of sight)."""
        edge, across = EDGE * 4, self.horizontalScrollBar()
        step = round(self.month_width() / 4)
        if x > self.viewport().width() - edge:
            across.setValue(across.value() + step)
        elif x < edge:
            across.setValue(across.value() - step)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._update_cursor(event.position())
        preview = self.preview
        if not press.dragging or preview is None:
            return
        if (preview.start, preview.end) == (press.start, press.end):
            self.settle()
            return
        # The preview stays on screen until the page settles the move.
        self.move_requested.emit(press.initiative_id, preview.start, preview.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self._press = None
            self.open_requested.emit(found[0].initiative_id)
            return
        super().mouseDoubleClickEvent(event)

    def _update_cursor(self, pos: QPointF) -> None:
        found = self.hit(pos) if self._editable else None
        grip = found[1] if found is not None else None
        shape = (
            {
                Grip.START: Qt.CursorShape.SizeHorCursor,
                Grip.END: Qt.CursorShape.SizeHorCursor,
                Grip.BODY: Qt.CursorShape.OpenHandCursor,
            }.get(grip, Qt.CursorShape.ArrowCursor)
            if grip is not None
            else Qt.CursorShape.ArrowCursor
        )
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    # -- the keyboard ------------------------------------------------------------------------

    def _build_key_actions(self) -> None:
        def choose(step: int) -> None:
            if self.layout_ is not None:
                self.select(self.layout_.neighbour(self._selected, step))

        def opens() -> None:
            if self.layout_ is not None and self._selected is not None:
                self.open_requested.emit(self._selected)

        key_action(self, "Choose the bar above", ("Up",), lambda: choose(-1))
        key_action(self, "Choose the bar below", ("Down",), lambda: choose(1))
        self.acting: list[QAction] = [
            key_action(self, "Open the chosen initiative", ("Return", "Enter"), opens)
        ]
        for grip, modifiers, what in (
            (Grip.BODY, "", "Move the bar"),
            (Grip.END, "Shift+", "Move its end"),
            (Grip.START, "Ctrl+Shift+", "Move its start"),
        ):
            for months, key, when in ((-1, "Left", "earlier"), (1, "Right", "later")):
                self.acting.append(
                    key_action(
                        self,
                        f"{what} a month {when}",
                        (modifiers + key,),
                        lambda grip=grip, months=months: self._move_chosen(grip, months),
                    )
                )
        self.cancel_action = key_action(self, "Cancel the drag", ("Esc",), self._cancel_press)

    def _update_key_actions(self, *_args: object) -> None:
        for action in self.acting:
            action.setEnabled(self._selected is not None)
        self.cancel_action.setEnabled(self._held is not None)

    @property
    def _press(self) -> _Press | None:
        return self._held

    @_press.setter
    def _press(self, press: _Press | None) -> None:
        self._held = press
        self.cancel_action.setEnabled(press is not None)  # else Esc goes on to the page

    def _cancel_press(self) -> None:
        self._press = None
        self.settle()

    def _move_chosen(self, grip: Grip, months: int) -> None:
        layout = self.layout_
        if layout is None or self._selected is None:
            return
        if self.preview is not None or self._press is not None:
            return  # one move at a time
        bar = layout.bar(self._selected)
        assert bar is not None
        start, end = dragged(bar.start_month, bar.end_month, grip, months)
        if (start, end) == (bar.start_month, bar.end_month):
            return  # a one-month bar's end pressed past its start
        if not self._editable:
            self.refused.emit(self._read_only_reason)
            return
        self.preview = Preview(bar.initiative_id, start, end)
        self.ensure_visible(bar.initiative_id)
        self.viewport().update()
        self.move_requested.emit(bar.initiative_id, start, end)
