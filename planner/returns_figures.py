"""The figures of "what each dollar returns" as every surface names and writes them.

The figures themselves are :class:`planner.analysis.returns.Returns`' (defined once there);
this module only says, for each, its name on a command line, its label, what kind of number
it is and how it is written: money in the plan's currency, a multiple ("2.40x"), a
percentage (ROMI) or months. A figure that is ``None`` (nothing to divide by, or nothing
entered) is written :data:`NONE_SHOWN` on every surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.analysis.sums import Dimension

if TYPE_CHECKING:
    from planner.analysis.returns import Returns
    from planner.money import Currency

NONE_SHOWN = "—"


class Unit(StrEnum):
    MONEY = "money"  # minor units of the plan's currency
    MULTIPLE = "multiple"  # "2.40x": per unit of spend
    PERCENT = "percent"  # ROMI
    MONTHS = "months"


@dataclass(frozen=True, slots=True)
class ReturnsFigure:
    """One figure: ``name`` is the attribute of :class:`Returns` and the command line's
    name (with dashes); ``higher_is_better`` for reading a bar at a glance."""

    name: str
    label: str
    short: str  # a column's heading
    unit: Unit
    higher_is_better: bool

    @property
    def option(self) -> str:
        """Its name on a command line: ``cost-per-mql``."""
        return self.name.replace("_", "-")

    def of(self, returns: Returns) -> int | float | None:
        """The figure of ``returns`` (``None``: shown as "—")."""
        value: int | float | None = getattr(returns, self.name)
        return value

    def text(self, value: int | float | None, currency: Currency) -> str:
        """``value`` as people read it; "—" for ``None``."""
        return shown(value, self.unit, currency)


def shown(value: int | float | None, unit: Unit, currency: Currency) -> str:
    """``value`` written as its ``unit`` is; "—" for ``None``."""
    if value is None:
        return NONE_SHOWN
    if unit is Unit.MONEY:
        return currency.format(int(value), cents=False)
    if unit is Unit.MULTIPLE:
        return f"{value:,.2f}x"
    if unit is Unit.PERCENT:
        return f"{value:.0%}"
    return f"{value:,.1f} mo"


FIGURES: tuple[ReturnsFigure, ...] = (
    ReturnsFigure("cost_per_lead", "Cost per lead", "Cost/lead", Unit.MONEY, False),
    ReturnsFigure("cost_per_mql", "Cost per MQL", "Cost/MQL", Unit.MONEY, False),
    ReturnsFigure("cost_per_sql", "Cost per SQL", "Cost/SQL", Unit.MONEY, False),
    ReturnsFigure("cost_per_opportunity", "Cost per opportunity", "Cost/opp.", Unit.MONEY, False),
    ReturnsFigure("cac", "Marketing CAC", "CAC", Unit.MONEY, False),
    ReturnsFigure("pipeline_per_spend", "Pipeline per $", "Pipeline/$", Unit.MULTIPLE, True),
    ReturnsFigure("revenue_per_spend", "Revenue per $", "Revenue/$", Unit.MULTIPLE, True),
    ReturnsFigure("romi", "ROMI", "ROMI", Unit.PERCENT, True),
    ReturnsFigure("payback_months", "Payback (months)", "Payback", Unit.MONTHS, False),
)
# The groupings the figures are offered by, in the order a chooser lists them.
GROUPINGS: dict[Dimension, str] = {
    Dimension.CHANNEL: "Channel",
    Dimension.INITIATIVE: "Initiative",
    Dimension.OWNER: "Owner",
    Dimension.TEAM: "Team",
    Dimension.SEGMENT: "Segment",
    Dimension.TIER: "Strike-zone tier",
}
BY_NAME: dict[str, ReturnsFigure] = {figure.name: figure for figure in FIGURES}
DEFAULT_FIGURE = "romi"


def figure_named(name: str) -> ReturnsFigure:
    """The figure of ``name`` (``cost_per_mql`` or ``cost-per-mql``); ``ValueError``
    naming the figures for an unknown one."""
    figure = BY_NAME.get(name.replace("-", "_").lower())
    if figure is None:
        names = ", ".join(f.option for f in FIGURES)
        raise ValueError(f"no returns figure {name!r}; choose one of {names}")
    return figure


def per_dollar_label(label: str, currency: Currency) -> str:
    """ "Pipeline per $" in the plan's currency ("Pipeline per €")."""
    return label.replace("$", currency.symbol) if label.endswith("$") else label
