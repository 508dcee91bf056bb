"""The Initiatives table's returns columns (cost per MQL, CAC, ROMI, pipeline per dollar,
each planned and actual): hidden until the lead shows them, from the table's or its
header's context menu.

While shown, each row carries its initiative's figures from
:func:`planner.analysis.returns.returns_by` by initiative (the one definition, over the whole
plan). They move with any planned or actual value, which the page itself does not reload
rows for, so while shown such edits read them again, when the page is next shown. Hidden,
they cost nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction

from planner import ChangeSet, Entity
from planner.analysis import Dimension
from planner.analysis.returns import returns_by
from ui.plain_text import plain_tooltip

from . import columns as cols
from .rows import InitiativeRow

if TYPE_CHECKING:
    from .page import InitiativesPage


class ReturnsColumns(QObject):
    """Shows or hides the returns columns of ``page`` (:attr:`action`) and keeps its rows'
    figures current while shown."""

    def __init__(self, page: InitiativesPage) -> None:
        super().__init__(page)
        self._page = page
        self._stale = False  # figures to read again once the page is shown
        self.columns = [
            n for key in cols.RETURNS_COLUMNS if (n := cols.column_index(page.columns, key))
        ]
        self.action = QAction("Show &Returns Columns", page)
        self.action.setCheckable(True)
        self.action.setToolTip(
            plain_tooltip(
                "Show what each dollar returns (cost per MQL, CAC, ROMI, pipeline per "
                "dollar), planned and actual"
            )
        )
        self.action.toggled.connect(self._toggled)
        page.document.changed.connect(self._heard)
        page.installEventFilter(self)
        header = page.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header.addAction(self.action)
        self._show_columns()

    @property
    def shown(self) -> bool:
        return self.action.isChecked()

    def attach(self, rows: Sequence[InitiativeRow]) -> list[InitiativeRow]:
        """``rows`` with their figures while the columns are shown (without, else)."""
        if not self.shown:
            return [dataclasses.replace(r, returns=None) if r.returns else r for r in rows]
        found = {row.key: row for row in returns_by(self._page.analysis, Dimension.INITIATIVE)}
        return [dataclasses.replace(r, returns=found.get(r.id)) for r in rows]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show:
            self._catch_up()
        return False

    def _toggled(self, _shown: bool) -> None:
        self._show_columns()
        self._stale = True
        self._catch_up()

    def _heard(self, changes: ChangeSet) -> None:
        """A value moves the figures of its initiative; the page reloads the rows other
        edits touch, and this reads their figures again then (see :meth:`attach`)."""
        if not self.shown or not changes.touches(Entity.VALUES):
            return
        self._stale = True
        if self._page.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if not self._stale:
            return
        self._stale = False
        self._page.set_rows(self.attach(self._page.model.rows()))

    def _show_columns(self) -> None:
        for column in self.columns:
            self._page.table.setColumnHidden(column, not self.shown)
