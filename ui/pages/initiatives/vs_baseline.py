"""The Initiatives table's "vs baseline" column: shown while the document compares with a
baseline (:class:`~ui.versions.baseline.BaselineChoice`), hidden otherwise.

Each row carries how its initiative differs from the baseline's
(:func:`planner.versions.compare.initiative_diff`, the comparison's own definition): the
baseline's side is read once when it opens, the plan's side for the rows read again. A
planned value edited elsewhere (the Targets page) changes that side too, so while a baseline
is chosen those edits' initiatives are compared again, when the page is next shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from planner import ChangeSet, Entity

from . import columns as cols
from .rows import InitiativeRow

if TYPE_CHECKING:
    from .page import InitiativesPage

_EVERY_ROW = None  # what _stale holds when every row is to be compared again


class BaselineColumn(QObject):
    """Keeps the rows of ``page`` compared with the document's baseline, and the column
    shown while there is one."""

    def __init__(self, page: InitiativesPage) -> None:
        super().__init__(page)
        self._page = page
        self._choice = page.document.baseline
        self._stale: set[int] | None = set()  # rows to compare again once shown
        self.column = cols.column_index(page.columns, cols.VS_BASELINE)
        self._choice.changed.connect(self._baseline_changed)
        page.document.changed.connect(self._heard)
        page.installEventFilter(self)
        self._show_column()

    def attach(
        self, rows: Sequence[InitiativeRow], ids: Collection[int] | None = None
    ) -> list[InitiativeRow]:
        """``rows`` compared with the baseline (``ids``: theirs, ``None`` when they are every
        initiative of the plan, which reads the plan's side at once)."""
        baseline = self._choice.baseline
        if baseline is None:
            return [dataclasses.replace(r, vs_baseline=None) if r.vs_baseline else r for r in rows]
        from planner.versions.compare import initiative_diff, initiative_facts

        before = baseline.facts()
        now = initiative_facts(self._page.analysis, ids)
        return [
            dataclasses.replace(r, vs_baseline=initiative_diff(before.get(r.id), now.get(r.id)))
            if r.id in now
            else r
            for r in rows
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show:
            self._catch_up()
        return False

    # -- following the plan and the baseline -------------------------------------------------

    def _baseline_changed(self) -> None:
        self._show_column()
        self._stale = _EVERY_ROW
        if self._page.isVisible():
            self._catch_up()

    def _heard(self, changes: ChangeSet) -> None:
        """A planned value moves the plan's side of its initiative; the page itself reloads
        the rows other edits touch."""
        if self._choice.baseline is None or not changes.touches(Entity.VALUES):
            return
        if self._stale is not _EVERY_ROW:
            ids = changes.ids(Entity.VALUES)
            values = [c for c in changes.changes if c.entity is Entity.VALUES]
            self._stale = _EVERY_ROW if any(not c.ids for c in values) else self._stale | ids
        if self._page.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        stale, self._stale = self._stale, set()
        if stale is not _EVERY_ROW and not stale:
            return
        model = self._page.model
        if stale is _EVERY_ROW:
            self._page.set_rows(self.attach(model.rows()))
            return
        kept = [row for row in model.rows() if row.id in stale]
        fresh = {row.id: row for row in self.attach(kept, {row.id for row in kept})}
        self._page.set_rows([fresh.get(row.id, row) for row in model.rows()])

    def _show_column(self) -> None:
        if self.column is not None:
            self._page.table.setColumnHidden(self.column, self._choice.version_id is None)
