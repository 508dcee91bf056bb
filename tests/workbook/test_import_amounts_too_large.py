"""An imported amount beyond what a plan can hold is refused as too large, whatever its size:
the money parser's own limit (a 64-bit count of cents) reads the same as the plan's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner import Currency
from planner.domain import Metric
from planner.workbook.importing.numbers import CellProblem, sheet_actual, text_actual

USD = Currency("USD")


@pytest.mark.parametrize("value", [1e20, 1e300, Decimal("1E+40"), 10**25])
def test_a_sheet_amount_beyond_what_a_plan_holds_is_too_large(value):
    with pytest.raises(CellProblem, match=r"too large for an actual$"):
        sheet_actual(value, Metric.SPEND, USD)


def test_a_csv_amount_beyond_what_a_plan_holds_is_too_large():
    with pytest.raises(CellProblem, match=r"too large for an actual$"):
        text_actual("1" + "0" * 30, Metric.REVENUE_WON, USD, european=False)
