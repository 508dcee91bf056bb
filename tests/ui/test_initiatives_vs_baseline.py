"""The Initiatives table's "vs baseline" column: hidden until a baseline is chosen, then each
initiative's budget against the baseline's, what changed in its tooltip, sortable."""

from __future__ import annotations

from baseline_choice_support import compare_with, versioned, versioned_document
from initiatives_support import cell, show_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.domain import Metric
from planner.services.values import Kind, ValueEntry
from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives.columns import VS_BASELINE, column_index
from ui.plain_text import tooltip_text
from ui.tables.rows_model import ROW_ROLE

__all__ = ["versioned", "versioned_document"]  # fixtures (see baseline_choice_support)


def _page(qtbot, document) -> InitiativesPage:
    return show_page(qtbot, InitiativesPage(document))


def _column(page) -> int:
    column = column_index(page.columns, VS_BASELINE)
    assert column is not None
    return column


def _shown(page, initiative_id) -> str:
    return cell(page, initiative_id, VS_BASELINE).data()


def _tip(page, initiative_id) -> str:
    return tooltip_text(cell(page, initiative_id, VS_BASELINE).data(Qt.ItemDataRole.ToolTipRole))


def test_the_column_is_hidden_without_a_baseline(versioned_document, qtbot):
    page = _page(qtbot, versioned_document)

    assert page.table.isColumnHidden(_column(page))


def test_the_column_is_shown_once_a_baseline_is_chosen(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)

    compare_with(qtbot, versioned_document, versioned.board)

    assert not page.table.isColumnHidden(_column(page))
    header = page.model.headerData(_column(page), Qt.Orientation.Horizontal)
    assert header == "vs baseline"


def test_each_initiative_shows_its_budget_against_the_baseline(
    versioned, versioned_document, qtbot
):
    page = _page(qtbot, versioned_document)

    compare_with(qtbot, versioned_document, versioned.board)
    QApplication.processEvents()

    shown = {
        versioned.webinar: _shown(page, versioned.webinar),
        versioned.partner: _shown(page, versioned.partner),
        versioned.trade_show: _shown(page, versioned.trade_show),
        versioned.outbound: _shown(page, versioned.outbound),
    }
    assert shown == {
        versioned.webinar: "+$5k",
        versioned.partner: "new",
        versioned.trade_show: "dropped",
        versioned.outbound: "—",
    }


def test_the_tooltip_says_what_changed(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)

    tip = _tip(page, versioned.outbound)

    assert tip == (
        "Against the baseline:\nre-targeted $2.9M → $2.8M (-$100k)\nmoved from Jan 2026 to Mar 2026"
    )


def test_the_column_sorts_by_the_budget_difference(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)

    page.table.sortByColumn(_column(page), Qt.SortOrder.DescendingOrder)

    order = [page.proxy.index(n, 0).data(ROW_ROLE).id for n in range(page.proxy.rowCount())]
    # New ($30k), +$5k, the same, dropped (-$40k).
    assert order == [versioned.partner, versioned.webinar, versioned.outbound, versioned.trade_show]


def test_an_edit_of_a_budget_is_compared_at_once(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)

    versioned.plan.initiatives.update(versioned.outbound, budget=18_000_000 - 200_000)

    assert _shown(page, versioned.outbound) == "-$2k"


def test_a_planned_value_edited_elsewhere_is_compared_again(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    assert "planned revenue won" not in _tip(page, versioned.outbound)

    entry = ValueEntry(versioned.outbound, 202606, Metric.REVENUE_WON, Kind.PLANNED, 1)
    versioned.plan.values.set_many([entry])

    assert "planned revenue won" in _tip(page, versioned.outbound)


def test_choosing_no_baseline_hides_the_column_and_empties_it(versioned, versioned_document, qtbot):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)

    compare_with(qtbot, versioned_document, None)

    assert page.table.isColumnHidden(_column(page))
    assert _shown(page, versioned.webinar) == ""


def test_a_version_deleted_while_compared_with_hides_the_column(
    versioned, versioned_document, qtbot
):
    page = _page(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)

    versioned.plan.versions.delete(versioned.board)
    qtbot.waitUntil(lambda: page.table.isColumnHidden(_column(page)), timeout=5_000)

    assert _shown(page, versioned.webinar) == ""
