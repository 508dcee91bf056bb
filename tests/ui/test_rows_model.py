"""The table model over plain rows: what it shows, what it hands to the page on an edit, and
how it keeps the user's place when fresh rows come back. No window needed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtTest import QAbstractItemModelTester

from ui.plain_text import tooltip_text
from ui.tables.rows_model import ROW_ROLE, SORT_ROLE, Column, RowsModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    budget: int


COLUMNS = [
    Column("name", "Name", show=lambda r: r.name, edit=lambda r: r.name),
    Column(
        "budget", "Budget", show=lambda r: f"${r.budget:,}", edit=lambda r: r.budget, numeric=True
    ),
    Column("id", "Id", show=lambda r: str(r.id), sort=lambda r: r.id),
]


def model_with(rows: list[Row], edits: list | None = None) -> RowsModel:
    def on_edit(row: Row, key: str, value: object) -> bool:
        if edits is not None:
            edits.append((row.id, key, value))
        return True

    model = RowsModel(COLUMNS, on_edit)
    model.set_rows(rows)
    return model


def test_the_model_passes_qts_own_consistency_checks(qapp):
    model = model_with([Row(1, "Webinar", 100), Row(2, "Ebook", 50)])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([Row(2, "Ebook", 60)])


def test_cells_show_text_and_sort_by_the_edit_value(qapp):
    model = model_with([Row(1, "Webinar", 1200)])
    budget = model.index(0, 1)
    assert budget.data() == "$1,200"
    assert budget.data(SORT_ROLE) == 1200
    assert budget.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 0).data(ROW_ROLE) == Row(1, "Webinar", 1200)


def test_an_edit_goes_to_the_page_with_the_row_and_the_field(qapp):
    edits: list = []
    model = model_with([Row(1, "Webinar", 100)], edits)

    assert model.setData(model.index(0, 0), "Webinars")

    assert edits == [(1, "name", "Webinars")]


def test_an_edit_that_changes_nothing_is_not_passed_on(qapp):
    edits: list = []
    model = model_with([Row(1, "Webinar", 100)], edits)

    assert not model.setData(model.index(0, 1), 100)

    assert edits == []


def test_columns_without_an_edit_value_are_read_only(qapp):
    model = model_with([Row(1, "Webinar", 100)])
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


def test_the_same_records_coming_back_repaint_only_the_changed_rows(qapp):
    model = model_with([Row(1, "Webinar", 100), Row(2, "Ebook", 50)])
    resets: list = []
    changed: list = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))

    model.set_rows([Row(1, "Webinar", 100), Row(2, "Ebook", 75)])

    assert resets == []
    assert changed == [(1, 1)]
    assert model.index(1, 1).data() == "$75"


def test_other_records_reset_the_model(qapp):
    model = model_with([Row(1, "Webinar", 100)])
    resets: list = []
    model.modelReset.connect(lambda: resets.append(True))

    model.set_rows([Row(1, "Webinar", 100), Row(3, "Podcast", 10)])

    assert resets == [True]
    assert model.position(3) == 1


def test_markers_put_an_icon_and_the_reasons_on_the_first_cell(qapp):
    model = model_with([Row(1, "Webinar", 100), Row(2, "Ebook", 50)])
    pixmap = QPixmap(8, 8)
    pixmap.fill(Qt.GlobalColor.red)

    model.set_markers({2: QIcon(pixmap)}, {2: "No owner"})

    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert tooltip_text(model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)) == "No owner"
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
