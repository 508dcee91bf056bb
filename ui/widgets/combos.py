"""Combo boxes: made with their name and tooltip, and whose choices follow the plan refilled
without losing the user's choice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox

from planner import Channel
from ui.plain_text import plain_tooltip


def choice_combo(
    name: str,
    tip: str,
    choices: Sequence[tuple[str, object]] = (),
    *,
    shortest: int | None = None,
) -> QComboBox:
    """A combo box of ``choices`` (label, value), named ``name`` for screen readers and
    explained by ``tip``. ``shortest``: the letters it always has room for, no more (a
    longer choice widens the list that pops up, not the combo, so a bar of controls never
    holds the window wider than a laptop's screen)."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(plain_tooltip(tip))
    if shortest is not None:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(shortest)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def refill(combo: QComboBox, fixed: int, choices: Sequence[tuple[str, object]]) -> None:
    """Replace the entries after the first ``fixed`` with ``choices`` (label, data), keeping
    the chosen one while it is still offered (the first entry otherwise); no signal."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > fixed:
            combo.removeItem(combo.count() - 1)
        for label, value in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    finally:
        combo.blockSignals(False)


def choose(combo: QComboBox, value: object) -> None:
    """Show ``value`` in ``combo`` without a signal (the first entry when not offered)."""
    combo.blockSignals(True)
    try:
        combo.setCurrentIndex(max(combo.findData(value), 0))
    finally:
        combo.blockSignals(False)


def channel_choices(channels: Iterable[Channel]) -> list[tuple[str, object]]:
    """A filter's channel entries (name, id), in the order given; a retired channel says
    so, as its initiatives can still be filtered on."""
    return [(f"{c.name} (retired)" if c.retired else c.name, c.id) for c in channels]
