"""How the grid writes a value: for reading (currency symbol, thousands separators), for
editing and for copying to a spreadsheet (a plain number)."""

from __future__ import annotations

from planner import Currency, Metric
from ui.widgets.delegates import plain_amount


def shown(metric: Metric, currency: Currency, value: int | None) -> str:
    """``$12,500`` or ``1,200``; empty for a value not entered."""
    if value is None:
        return ""
    if metric.is_money:
        return currency.format(value, cents=False)
    return f"{value:,}"


def plain(metric: Metric, currency: Currency, value: int | None) -> str:
    """``12500.5`` or ``1200``: what an editor starts from and what a copy puts on the
    clipboard, so a spreadsheet reads it as a number."""
    if value is None:
        return ""
    if metric.is_money:
        return plain_amount(currency, value)
    return str(value)
