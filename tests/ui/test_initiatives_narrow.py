"""The Initiatives table in a laptop's window: the Name column stays in sight when the table
scrolls sideways to Owner and Segments, the month editor shows its month whole, and an
initiative with no target shows no return rather than "0.0x"."""

from __future__ import annotations

from initiatives_support import by_name, cell, open_editor, show_page, type_into_cell
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives.columns import RETURN

BRAND = "Brand refresh and new website"  # a $75,000 budget and no revenue target


def narrow(page: InitiativesPage) -> InitiativesPage:
    page.resize(700, 600)  # the page's share of a 1024-pixel window
    QApplication.processEvents()
    return page


def name_seen_at(page: InitiativesPage, row: int) -> tuple[int, str]:
    """The column and text a user sees at the left edge of the table, on ``row``."""
    table = page.table
    y = table.visualRect(table.proxy.index(row, 0)).center().y()
    point = table.viewport().mapTo(table, QPoint(4, y))
    widget = table.childAt(point)
    view = widget
    while not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    index = view.indexAt(widget.mapFrom(table, point))
    return index.column(), index.data()


def test_the_names_stay_in_sight_when_the_table_scrolls_to_its_last_column(document, qtbot):
    page = narrow(show_page(qtbot, InitiativesPage(document)))
    table = page.table
    last = table.proxy.columnCount() - 1

    table.scrollTo(table.proxy.index(3, last))
    QApplication.processEvents()

    assert table.horizontalScrollBar().value() > 0
    assert name_seen_at(page, 3) == (0, table.proxy.index(3, 0).data())


def test_a_cell_scrolled_back_to_is_not_left_under_the_names(document, qtbot):
    page = narrow(show_page(qtbot, InitiativesPage(document)))
    table = page.table
    table.scrollTo(table.proxy.index(0, table.proxy.columnCount() - 1))

    channel = table.proxy.index(0, 1)
    table.scrollTo(channel)

    assert table.visualRect(channel).left() >= table.columnWidth(0)


def test_a_name_is_edited_in_sight_with_the_table_scrolled_right(document, qtbot):
    page = narrow(show_page(qtbot, InitiativesPage(document)))
    brand = by_name(page.plan, BRAND)
    page.table.scrollTo(page.table.proxy.index(0, page.table.proxy.columnCount() - 1))

    editor = open_editor(qtbot, page, cell(page, brand.id, "name"))

    centre = editor.mapTo(page.table, editor.rect().center())
    on_top = page.table.childAt(centre)
    assert on_top is editor or editor.isAncestorOf(on_top)  # not under the frozen names
    type_into_cell(qtbot, page, cell(page, brand.id, "name"), "Brand refresh")
    assert page.plan.initiatives.get(brand.id).name == "Brand refresh"


def test_the_month_editor_shows_its_month_whole(document, qtbot):
    page = narrow(show_page(qtbot, InitiativesPage(document)))
    brand = by_name(page.plan, BRAND)

    editor = open_editor(qtbot, page, cell(page, brand.id, "start_month"))

    assert isinstance(editor, QComboBox)
    assert editor.currentText() == "Jan 2026"
    assert editor.width() >= editor.sizeHint().width()


def test_an_initiative_without_a_target_shows_no_return(document, qtbot):
    page = show_page(qtbot, InitiativesPage(document))
    brand = by_name(page.plan, BRAND)
    assert brand.revenue_target == 0 and brand.budget > 0

    shown = cell(page, brand.id, RETURN).data(Qt.ItemDataRole.DisplayRole)

    assert shown == "—"
