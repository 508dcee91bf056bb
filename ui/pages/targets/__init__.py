"""The Targets & actuals page: one funnel metric as an initiatives x months grid of planned
and actual values, with totals, spreadsheet paste and fill right / fill down."""

from ui.pages.targets.page import TargetsPage

__all__ = ["TargetsPage"]
