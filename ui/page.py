"""What every page of the plan window shares: its document, and refreshing when the plan
changes (at once when shown, otherwise the next time it is shown)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from planner import ChangeSet, Entity, Plan
from planner.analysis import Analysis
from ui.document import PlanDocument


class Page(QWidget):
    """A page of the sidebar. Subclasses set :attr:`title`, :attr:`icon_name` and
    :attr:`depends_on`, build their widgets, and implement :meth:`refresh`."""

    title = ""
    icon_name = ""
    depends_on: tuple[Entity, ...] = tuple(Entity)  # the records whose changes it shows

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._stale = True
        document.changed.connect(self._on_changed)

    @property
    def plan(self) -> Plan:
        return self.document.plan

    @property
    def analysis(self) -> Analysis:
        return self.document.analysis

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload what the page shows from the core; ``changes`` (when given) says what
        changed, for pages that can refresh just that."""
        raise NotImplementedError

    def shut(self) -> None:
        """Stop work due later (a timer, a thread): the document is about to close."""

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Select the row or control that fixes a finding; ``False`` if this page has none."""
        return False

    def ensure_fresh(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh(None)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_fresh()
        super().showEvent(event)

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes.touches(*self.depends_on):
            return
        if self.isVisible():
            self.refresh(changes)
        else:
            self._stale = True
