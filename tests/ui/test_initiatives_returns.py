"""The Initiatives table's returns columns: hidden until chosen, then each initiative's cost
per MQL, CAC, ROMI and pipeline per dollar, planned and actual, as returns_by gives them;
read-only, sorted by number with "—" last whichever the order, following value edits."""

from __future__ import annotations

import pytest
from initiatives_support import cell, page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.analysis import Dimension
from planner.analysis.returns import returns_by
from planner.domain import Metric
from planner.returns_figures import BY_NAME
from ui.commands import Edit
from ui.pages.initiatives.columns import RETURNS_COLUMNS, column_index
from ui.tables.rows_model import ROW_ROLE

__all__ = ["page"]  # a fixture (see initiatives_support)

SWAG = "Trade-show swag and merchandise"  # the demo's initiative with no spend planned


@pytest.fixture
def shown(page):
    page.returns.action.setChecked(True)
    QApplication.processEvents()
    return page


def column_of(page, key: str) -> int:
    column = column_index(page.columns, key)
    assert column is not None
    return column


def test_the_returns_columns_are_hidden_until_chosen(page):
    assert all(page.table.isColumnHidden(column_of(page, key)) for key in RETURNS_COLUMNS)
    assert all(row.returns is None for row in page.model.rows())


def test_chosen_they_show_each_initiatives_figures_as_returns_by_gives_them(shown):
    currency = shown.plan.currency
    expected = {row.key: row for row in returns_by(shown.analysis, Dimension.INITIATIVE)}

    assert not any(shown.table.isColumnHidden(column_of(shown, key)) for key in RETURNS_COLUMNS)
    for row in shown.model.rows():
        for key in RETURNS_COLUMNS:
            name, _, kind = key.rpartition("_")
            figure = BY_NAME[name]
            returns = expected[row.id].planned if kind == "planned" else expected[row.id].actual
            assert cell(shown, row.id, key).data() == figure.text(figure.of(returns), currency)


def test_an_initiative_without_spend_shows_a_dash(shown):
    swag = next(r for r in shown.model.rows() if r.name == SWAG)

    assert cell(shown, swag.id, "cost_per_mql_planned").data() == "—"
    assert cell(shown, swag.id, "romi_planned").data() == "—"


def test_the_returns_columns_are_read_only(shown):
    row = shown.model.rows()[0]
    flags = cell(shown, row.id, "cac_planned").flags()

    assert not flags & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_returns_column_sorts_by_number_with_dashes_last(shown, order):
    column = column_of(shown, "cost_per_mql_actual")
    figure = BY_NAME["cost_per_mql"]

    shown.table.sortByColumn(column, order)

    proxy = shown.table.proxy
    values = [
        figure.of(proxy.index(n, 0).data(ROW_ROLE).returns.actual) for n in range(proxy.rowCount())
    ]
    numbers = [v for v in values if v is not None]
    assert values == numbers + [None] * (len(values) - len(numbers))
    assert numbers == sorted(numbers, reverse=order == Qt.SortOrder.DescendingOrder)
    assert len(numbers) < len(values)  # some initiatives have no actual MQLs yet


def test_a_planned_value_edit_moves_the_figures(shown, document, qtbot):
    plan = document.plan
    webinar = next(r for r in shown.model.rows() if r.name.startswith("Webinar"))
    month = plan.horizon.first
    before = cell(shown, webinar.id, "cost_per_mql_planned").data()

    def write(value: int | None) -> None:
        plan.values.set(webinar.id, month, Metric.SPEND, planned=value)

    document.run(Edit("set planned spend", lambda: write(9_000_000), lambda: write(None)))

    qtbot.waitUntil(lambda: cell(shown, webinar.id, "cost_per_mql_planned").data() != before)
    expected = {r.key: r for r in returns_by(shown.analysis, Dimension.INITIATIVE)}
    figure = BY_NAME["cost_per_mql"]
    assert cell(shown, webinar.id, "cost_per_mql_planned").data() == figure.text(
        figure.of(expected[webinar.id].planned), plan.currency
    )


def test_hiding_them_again_drops_the_figures(shown):
    shown.returns.action.setChecked(False)

    assert all(shown.table.isColumnHidden(column_of(shown, key)) for key in RETURNS_COLUMNS)
    assert all(row.returns is None for row in shown.model.rows())
