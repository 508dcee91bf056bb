"""The editors of the Initiatives table's cells: which column gets which, and the owner
column's, a choice of active people that never picks one by accident."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableView, QWidget

from ui.widgets.delegates import ChoiceDelegate, Index, MoneyDelegate, MonthDelegate

from . import columns as cols

if TYPE_CHECKING:
    from planner import Channel, Person, Plan
    from ui.tables.rows_model import Column

    from .rows import InitiativeRow

NO_OWNER_LABEL = "Choose an owner…"


class OwnerDelegate(ChoiceDelegate):
    """A :class:`ChoiceDelegate` of people that, for an initiative with no owner, starts on
    a "Choose an owner…" entry: closing the editor without a choice then changes nothing,
    where starting on the first person would have made them the owner."""

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if index.data(Qt.ItemDataRole.EditRole) is None:
            if editor.itemText(0) != NO_OWNER_LABEL:  # Qt calls this again on refreshes
                editor.insertItem(0, NO_OWNER_LABEL, None)
            editor.setCurrentIndex(0)
            return
        super().setEditorData(editor, index)


def install_editors(
    table: QTableView,
    columns: Sequence[Column[InitiativeRow]],
    *,
    plan: Callable[[], Plan],
    channels: Callable[[], Iterable[Channel]],
    people: Callable[[], Iterable[Person]],
) -> dict[str, QStyledItemDelegate]:
    """Give each editable column of ``table`` its editor (kept by the table as their parent)
    and return them by column key. The lists are read each time an editor opens: retired
    channels are not offered, and a cell that holds one still shows it (a choice editor adds
    the value a cell holds when it is not among its choices)."""
    months = MonthDelegate(lambda: plan().horizon, table)
    money = MoneyDelegate(lambda: plan().currency, table)
    editors: dict[str, QStyledItemDelegate] = {
        cols.CHANNEL: ChoiceDelegate(lambda: [(c.name, c.id) for c in channels()], table),
        cols.STATUS: ChoiceDelegate([(t, v) for v, t in cols.STATUS_TITLES.items()], table),
        cols.START: months,
        cols.END: months,
        cols.BUDGET: money,
        cols.TARGET: money,
        cols.OWNER: OwnerDelegate(
            lambda: [(f"{p.name} ({p.team.value})", p.id) for p in people() if p.active], table
        ),
    }
    for key, editor in editors.items():
        column = cols.column_index(columns, key)
        assert column is not None
        table.setItemDelegateForColumn(column, editor)
    return editors
