"""The Channels part of the settings page: the plan's own list of channels, in its order,
with how many initiatives each has. Add, rename (in place), retire or bring back, move up or
down, and delete an unused one; every edit is one undoable command.

The rows are plain values (no Qt), tested without a window; the model reads no plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import Channel, FunnelAssumptions
from planner.analysis.rates import read_rates
from planner.domain import NO_OVERRIDES, STAGE_RATES, RateOverrides
from planner.rate_words import BY_SOURCE, BY_SOURCE_RATES, RATE_TITLES, percent_text
from ui.document import PlanDocument
from ui.icons import icon
from ui.pages.settings import channel_edits as edits
from ui.plain_text import plain_tooltip
from ui.tables.rows_model import Column, EditHandler, Index, RowsModel

NAME = "name"
# The rate columns' titles, short to leave the channel's name room (the header's tooltip
# has the whole title).
_SHORT_TITLES = ("Lead → MQL", "MQL → SAL", "SAL → SQL", "SQL → opp.", "Opp. → won")
# The list shows every channel up to this many rows, then scrolls.
_MOST_ROWS_SHOWN = 16


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """A channel as the list shows it."""

    id: int
    name: str
    retired: bool
    initiatives: int  # how many initiatives are in it
    rates: RateOverrides = NO_OVERRIDES  # its own stage rates (None: the plan's)
    plan: FunnelAssumptions | None = None  # the plan's rates, shown where it has none

    def rate(self, name: str) -> float | None:
        """The channel's own ``name`` rate, ``None`` when the plan's applies."""
        return getattr(self.rates, name)

    def rate_in_use(self, name: str) -> float | None:
        own = self.rate(name)
        return own if own is not None or self.plan is None else getattr(self.plan, name)

    @property
    def channel(self) -> Channel:
        return Channel(self.id, self.name, self.retired)


def channel_rows(
    channels: Sequence[Channel],
    usage: Mapping[int, int],
    rates: Mapping[int, RateOverrides] | None = None,
    plan: FunnelAssumptions | None = None,
) -> list[ChannelRow]:
    """The list's rows, in the plan's order, each with its count of initiatives, its own
    rates (``rates`` by channel id: those that have any) and the plan's."""
    own = rates or {}
    return [
        ChannelRow(c.id, c.name, c.retired, usage.get(c.id, 0), own.get(c.id, NO_OVERRIDES), plan)
        for c in channels
    ]


_RATE_HEADER_TIPS = {
    name: f"{title} rate of the channel's initiatives (unless an initiative has its own). "
    "Grey: the plan's, as no rate is typed; type one to override it, clear it to use the "
    "plan's again." + (f"\n{BY_SOURCE} (MQL → SAL × SAL → SQL)." if name in BY_SOURCE_RATES else "")
    for name, title in RATE_TITLES.items()
}


def _rate_tip(name: str) -> Callable[[ChannelRow], str]:
    def tip(row: ChannelRow) -> str:
        title = RATE_TITLES[name]
        plan = "" if row.plan is None else percent_text(getattr(row.plan, name))
        own = row.rate(name)
        if own is None:
            return f"{title} for {row.name}: the plan's {plan}. Type a rate to override it."
        return (
            f"{title} for {row.name}: {percent_text(own)}, its own (the plan's: {plan}). "
            "Clear it to use the plan's."
        )

    return tip


def _rate_column(name: str) -> Column[ChannelRow]:
    return Column(
        name,
        _SHORT_TITLES[STAGE_RATES.index(name)],
        show=lambda r: percent_text(r.rate_in_use(name)),
        edit=lambda r: percent_text(r.rate(name)),
        sort=lambda r: r.rate_in_use(name) or 0.0,
        tip=_rate_tip(name),
        numeric=True,
        header_tip=_RATE_HEADER_TIPS[name],
    )


def _status_tip(row: ChannelRow) -> str:
    if not row.retired:
        return f"{row.name} is offered for new initiatives"
    return f"Retired: {row.name} stays on its initiatives but is not offered for new ones"


def channel_columns() -> list[Column[ChannelRow]]:
    """Name (edited in place), initiatives and whether it is offered."""
    return [
        Column(NAME, "Channel", show=lambda r: r.name, edit=lambda r: r.name),
        Column(
            "initiatives",
            "Initiatives",
            show=lambda r: f"{r.initiatives:,}",
            numeric=True,
            header_tip="How many initiatives are in the channel",
        ),
        Column(
            "status",
            "Status",
            show=lambda r: "Retired" if r.retired else "Offered",
            tip=_status_tip,
            header_tip="A retired channel stays on its initiatives but is not offered for new ones",
        ),
        *(_rate_column(name) for name in STAGE_RATES),
    ]


class ChannelsModel(RowsModel[ChannelRow]):
    """The rows of :func:`channel_rows`; a retired channel's row is drawn muted, and so is
    a rate the channel takes from the plan (a placeholder, not a value of its own)."""

    def __init__(self, on_edit: EditHandler | None = None, parent: Any = None) -> None:
        super().__init__(channel_columns(), on_edit, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            key = self.columns[index.column()].key
            if row.retired or (key in STAGE_RATES and row.rate(key) is None):
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return super().data(index, role)


class ChannelsSection(QWidget):
    """The list of channels with its buttons; it edits through ``document``."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        editable = not document.read_only
        self.model = ChannelsModel(self._edit if editable else None, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Channels")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Renamed in place: a double click, F2, or typing over the name.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        samples = [(1, "Initiatives", 36), (2, "Retired", 36)]
        samples += [(3 + n, title, 16) for n, title in enumerate(_SHORT_TITLES)]
        for column, sample, room in samples:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = header.fontMetrics().horizontalAdvance(sample) + room
            self.table.setColumnWidth(column, width)

        self.add_action = self._action(
            "Add channel", "add", "Add a channel at the end of the list (Insert)", self.add
        )
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.retire_action = self._action(
            "Retire",
            "retire",
            "Stop offering the channel for new initiatives; its initiatives keep it",
            self.toggle_retired,
        )
        self.up_action = self._action(
            "Move up", "move-up", "Move the channel up the list (Alt+Up)", lambda: self.move(-1)
        )
        self.up_action.setShortcut(QKeySequence("Alt+Up"))
        self.down_action = self._action(
            "Move down",
            "move-down",
            "Move the channel down the list (Alt+Down)",
            lambda: self.move(1),
        )
        self.down_action.setShortcut(QKeySequence("Alt+Down"))
        self.delete_action = self._action(
            "Delete",
            "delete",
            "Delete a channel no initiative is in (retire one that has initiatives)",
            self.delete,
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.buttons: dict[QAction, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for action in self.edit_actions():
            self.table.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setAccessibleName(action.text())
            self.buttons[action] = button
            row.addWidget(button)
        # "Retire" becomes "Bring back" for a retired channel: room for both, so the
        # buttons after it do not shift as the selection moves.
        retire = self.buttons[self.retire_action]
        self.retire_action.setText("Bring back")
        retire.setMinimumWidth(retire.sizeHint().width())
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The buttons sit above the list, where a growing list does not push them away.
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def edit_actions(self) -> list[QAction]:
        return [
            self.add_action,
            self.retire_action,
            self.up_action,
            self.down_action,
            self.delete_action,
        ]

    def _action(self, text: str, icon_name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setToolTip(plain_tooltip(tip))
        # Keys act while the list has the focus, not in the form's other fields.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the plan's channels; the selected one stays selected."""
        plan = self.document.plan
        chosen = self.current()
        rates = read_rates(plan)
        self.model.set_rows(
            channel_rows(plan.channels.list(), plan.channels.usage(), rates.channels, rates.plan)
        )
        if chosen is not None:
            self.select(chosen.id)
        shown = min(max(self.model.rowCount(), 3), _MOST_ROWS_SHOWN)
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + shown * self.table.verticalHeader().defaultSectionSize()
            + frame
        )
        self._update_actions()

    def current(self) -> ChannelRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select(self, channel_id: int) -> bool:
        row = self.model.position(channel_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self) -> None:
        editable = not self.document.read_only
        current = self.current()
        chosen = editable and current is not None
        self.add_action.setEnabled(editable)
        for action in (self.retire_action, self.delete_action):
            action.setEnabled(chosen)
        position = -1 if current is None else self.model.position(current.id) or 0
        self.up_action.setEnabled(chosen and position > 0)
        self.down_action.setEnabled(chosen and 0 <= position < self.model.rowCount() - 1)
        retired = current is not None and current.retired
        self.retire_action.setText("Bring back" if retired else "Retire")
        self.retire_action.setToolTip(
            "Offer the channel for new initiatives again"
            if retired
            else "Stop offering the channel for new initiatives; its initiatives keep it"
        )
        self.buttons[self.retire_action].setAccessibleName(self.retire_action.text())

    # -- editing -------------------------------------------------------------------------

    def add(self) -> bool:
        """Add "New channel" at the end, select it and start editing its name."""
        if not self.add_action.isEnabled():
            return False
        taken = [row.name for row in self.model.rows()]
        command = edits.AddChannel(self.document.plan, taken)
        if not self.document.run(command):
            return False
        assert command.channel_id is not None
        if self.model.position(command.channel_id) is None:  # the page was not refreshed
            self.refresh()
        self.select(command.channel_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(self.model.index(self.model.position(command.channel_id) or 0, 0))
        return True

    def toggle_retired(self) -> bool:
        current = self.current()
        if current is None or not self.retire_action.isEnabled():
            return False
        plan = self.document.plan
        return self.document.run(edits.set_retired(plan, current.channel, not current.retired))

    def move(self, step: int) -> bool:
        current = self.current()
        action = self.up_action if step < 0 else self.down_action
        if current is None or not action.isEnabled():
            return False
        old = self.model.position(current.id)
        assert old is not None
        plan = self.document.plan
        moved = self.document.run(edits.move_channel(plan, current.channel, old, old + step))
        if moved:
            self.select(current.id)
        return moved

    def delete(self) -> bool:
        current = self.current()
        if current is None or not self.delete_action.isEnabled():
            return False
        return self.document.run(edits.delete_channel(self.document.plan, current.channel))

    def _edit(self, row: ChannelRow, key: str, value: object) -> bool:
        plan = self.document.plan
        if key == NAME:
            return self.document.run(edits.rename_channel(plan, row.channel, str(value)))
        return self.document.run(edits.set_channel_rate(plan, row.channel, key, str(value)))

    def reveal_rate(self, channel_id: int, rate: str) -> bool:
        """Select the channel's ``rate`` cell (a finding about the channel jumps there)."""
        row = self.model.position(channel_id)
        column = next((n for n, c in enumerate(self.model.columns) if c.key == rate), 0)
        if row is None:
            return False
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
