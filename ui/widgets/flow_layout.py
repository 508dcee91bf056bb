"""A layout that puts its widgets in a row and wraps them onto more rows when the row is
too narrow, the way words wrap in a paragraph (Qt's "Flow Layout" example, with rows that
can align right).

Filter bars and page headers use it so a narrow window (a laptop's 1024 pixels) wraps their
controls instead of being held wide by them: its minimum width is its widest control's.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapped onto as many rows as the width
    needs; each row is aligned left or (``align_right``) right, items centred in it."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 6,
        row_spacing: int = 4,
        align_right: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._row_spacing = row_spacing
        self._align_right = align_right
        # Height for each width asked since the items last changed: a window's layout asks
        # the same few widths over and over as it settles.
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    # -- what QLayout asks of a layout -------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._heights.clear()
        return self._items.pop(index)

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        """Qt's call when an item or its size hint changed: heights found so far are stale."""
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Every item on one row."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._spacing * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As wide as the widest item: narrower, the items wrap onto more rows."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- placing -----------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height they take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._shown():
            size = item.sizeHint().expandedTo(item.minimumSize())
            # An item wider than the whole row gets the row, down to its minimum.
            size.setWidth(max(min(size.width(), area.width()), item.minimumSize().width()))
            needed = size.width() if not rows[-1] else used + self._spacing + size.width()
            if rows[-1] and needed > area.width():
                rows.append([])
                needed = size.width()
            rows[-1].append((item, size))
            used = needed
        y = area.top()
        for row in rows:
            if not row:
                continue
            height = max(size.height() for _item, size in row)
            width = sum(size.width() for _item, size in row) + self._spacing * (len(row) - 1)
            x = area.right() + 1 - width if self._align_right else area.left()
            for item, size in row:
                if move:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + self._spacing
            y += height + self._row_spacing
        taken = y - self._row_spacing - area.top() if any(rows) else 0
        return taken + margins.top() + margins.bottom()
