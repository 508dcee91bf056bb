"""The wrapping layout of filter bars and page headers: its height for a width follows its
items, and a window settling its layout does not make it arrange them again and again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from ui.widgets.flow_layout import FlowLayout


def _add(layout: FlowLayout, width: int) -> QPushButton:
    button = QPushButton("x")
    button.setFixedSize(width, 20)
    layout.addWidget(button)
    button.show()  # added to a shown window, it would show at the next turn of the event loop
    return button


@pytest.fixture
def flow(qapp: QApplication) -> FlowLayout:
    holder = QWidget()
    layout = FlowLayout(holder, spacing=10, row_spacing=4)
    holder.show()
    _add(layout, 60)
    yield layout
    holder.close()


def test_an_added_item_that_does_not_fit_starts_a_second_row(flow: FlowLayout) -> None:
    assert flow.heightForWidth(100) == 20
    _add(flow, 60)
    assert flow.heightForWidth(100) == 20 + 4 + 20


def test_a_hidden_item_gives_back_its_row(flow: FlowLayout) -> None:
    second = _add(flow, 60)
    assert flow.heightForWidth(100) == 44
    second.hide()
    flow.activate()
    assert flow.heightForWidth(100) == 20


def test_a_removed_item_gives_back_its_row(flow: FlowLayout) -> None:
    _add(flow, 60)
    assert flow.heightForWidth(100) == 44
    flow.takeAt(1)
    assert flow.heightForWidth(100) == 20


def test_the_same_width_asked_again_is_not_arranged_again(
    flow: FlowLayout, monkeypatch: pytest.MonkeyPatch
) -> None:
    arranged: list[int] = []
    original = FlowLayout._arrange

    def counting(self: FlowLayout, rect, *, move: bool) -> int:  # type: ignore[no-untyped-def]
        arranged.append(rect.width())
        return original(self, rect, move=move)

    monkeypatch.setattr(FlowLayout, "_arrange", counting)
    for _ in range(5):
        flow.heightForWidth(100)
    assert arranged == [100]
