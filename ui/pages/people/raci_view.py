"""The RACI grid's table view: keys A, R, C, I set a role on the selected cells, Delete or
Backspace clears them; a click on a selected cell, a double-click, F2 or the context menu key
opens the role menu. The keys are actions of the view (so the shortcut sheet lists them),
enabled while the grid can be edited and has a current cell. The view only asks (signals);
the page makes the edits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from planner import Role
from ui.pages.people.raci_data import TeamGroup
from ui.pages.people.raci_header import GroupedHeader
from ui.pages.people.raci_model import RaciModel
from ui.widgets.key_actions import key_action

ROLE_COLUMN_WIDTH = 44
Trigger = QAbstractItemView.EditTrigger


class RaciView(QTableView):
    """Initiatives down (their names in the vertical header, which stays put while the grid
    scrolls sideways), people across under a :class:`GroupedHeader`."""

    role_requested = Signal(object)  # a Role, or None to clear: for the selected cells
    menu_requested = Signal(QPoint)  # global position of a role menu for the selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = True
        self.empty_text = ""  # said in the middle of the grid when it has no cells
        self._groups: list[TeamGroup] = []
        self.setHorizontalHeader(GroupedHeader(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(Trigger.NoEditTriggers)  # the menu, not an editor (see edit())
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setAccessibleName("RACI grid: initiatives by people")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(ROLE_COLUMN_WIDTH)
        header.setMinimumSectionSize(ROLE_COLUMN_WIDTH)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows.setSectionsClickable(True)  # a click selects the initiative's row
        self._menu_timer = QTimer(self)
        self._menu_timer.setSingleShot(True)
        self._menu_timer.timeout.connect(self._menu_at_current)
        self._last_trigger = Trigger.NoEditTriggers
        self._corner = self.findChild(QAbstractButton)
        if self._corner is not None:
            self._corner.installEventFilter(self)
        self.key_actions = self._build_key_actions()
        self._update_key_actions()

    def set_groups(self, groups: list[TeamGroup]) -> None:
        """The team groups of the columns: rules between them, bands in the header."""
        self._groups = groups
        header = self.horizontalHeader()
        assert isinstance(header, GroupedHeader)
        header.set_groups(groups)
        self.viewport().update()

    def set_row_header_width(self, names: list[str], most: int = 320) -> None:
        """Room for the initiative names (the longest, up to ``most`` px); measured once
        here rather than by the header walking every row."""
        metrics = self.verticalHeader().fontMetrics()
        widest = max((metrics.horizontalAdvance(n) for n in names), default=80)
        self.verticalHeader().setFixedWidth(min(max(widest + 24, 160), most))

    @contextmanager
    def keeping_current(self) -> Iterator[None]:
        """Keep the current cell (by initiative and person) and the scroll position across
        a reset of the model inside the block."""
        model = self.model()
        assert isinstance(model, RaciModel)
        current = self.currentIndex()
        cell = model.cell(current) if current.isValid() else None
        scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        yield
        if cell is not None:
            row, column = model.row_of(cell[0]), model.column_of(cell[1])
            if row is not None and column is not None:
                self.selectionModel().setCurrentIndex(
                    model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        self.horizontalScrollBar().setValue(scroll[0])
        self.verticalScrollBar().setValue(scroll[1])

    # -- keys and clicks -----------------------------------------------------------------

    def _build_key_actions(self) -> list[QAction]:
        def asks(role: Role | None) -> None:
            if self.currentIndex().isValid():
                self.role_requested.emit(role)

        # Each role's letter, with Shift too: a selection extended with Shift and the arrows
        # takes the letter while Shift is still held.
        actions = [
            key_action(
                self,
                f"Make the selected cells {role.title}",
                (role.value, f"Shift+{role.value}"),
                lambda role=role: asks(role),
            )
            for role in Role
        ]
        clear = ("Del", "Backspace")
        actions.append(key_action(self, "Clear the selected cells", clear, lambda: asks(None)))
        actions.append(key_action(self, "Open the role menu", ("F2",), self._menu_at_current))
        return actions

    @property
    def editable(self) -> bool:
        return self._editable

    @editable.setter
    def editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_key_actions()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self._update_key_actions()

    def reset(self) -> None:
        super().reset()
        self._update_key_actions()

    def _update_key_actions(self) -> None:
        # Disabled, a key goes on to the view as any other (a letter searches the grid).
        on = self.editable and self.currentIndex().isValid()
        for action in getattr(self, "key_actions", ()):
            action.setEnabled(on)

    def edit(
        self,
        index: QModelIndex,
        trigger: Trigger = Trigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        """Where Qt would open an editor, open the role menu: on a double-click at once, on a
        click of the already selected cell once the double-click interval has passed (as
        Qt's own "selected clicked" editing does, so a double-click opens one menu)."""
        last, self._last_trigger = self._last_trigger, trigger
        if not self.editable or not index.isValid():
            return super().edit(index, trigger, event)
        if trigger == Trigger.DoubleClicked:
            self._menu_timer.stop()
            super().edit(index, trigger, event)  # lets Qt stop its own timers
            self._menu_at_current()
            return True
        if trigger == Trigger.SelectedClicked and last != Trigger.DoubleClicked:
            self._menu_timer.start(QApplication.doubleClickInterval())
            return True
        return super().edit(index, trigger, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        self.menu_requested.emit(event.globalPos())

    def _menu_at_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            rect = self.visualRect(index)
            self.menu_requested.emit(self.viewport().mapToGlobal(rect.bottomLeft()))

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and not (model.rowCount() and model.columnCount()):
            self._paint_empty_text()
            return
        if len(self._groups) < 2:
            return
        # A firm rule where one team's columns end, matching the header's.
        painter = QPainter(self.viewport())
        pen = QPen(self.palette().color(QPalette.ColorRole.Mid))
        pen.setWidth(2)
        painter.setPen(pen)
        height = self.viewport().height()
        for group in self._groups[:-1]:
            x = self.columnViewportPosition(group.last) + self.columnWidth(group.last) - 1
            if 0 <= x <= self.viewport().width():
                painter.drawLine(x, 0, x, height)
        painter.end()

    def _paint_empty_text(self) -> None:
        if not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_text)
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The corner above the initiative names says what the rows are.
        if watched is self._corner and event.type() == QEvent.Type.Paint:
            painter = QPainter(self._corner)
            option = QStyleOptionHeader()
            option.initFrom(self._corner)
            option.state |= QStyle.StateFlag.State_Enabled  # a caption, not a dead button
            option.palette.setCurrentColorGroup(QPalette.ColorGroup.Active)
            option.rect = QRect(0, 0, self._corner.width(), self._corner.height())
            option.text = "Initiative"
            option.textAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
            option.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
            self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
            painter.end()
            return True
        return super().eventFilter(watched, event)
