"""Shared pieces of the Waterfall page's tests: the page shown, and what its tables show."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.document import PlanDocument
from ui.pages.waterfall.models import SHORT_ROLE
from ui.pages.waterfall.page import WaterfallPage

STAGE_COLUMNS = ("stage", "needed", "planned", "planned_gap", "actual", "actual_gap")


def show_waterfall(qtbot, document: PlanDocument) -> WaterfallPage:
    """The Waterfall page of ``document``, shown (so it refreshes as the plan changes)."""
    page = WaterfallPage(document)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def stage_cells(page: WaterfallPage) -> list[dict[str, str]]:
    """The stages table as the lead reads it: a row of texts per stage."""
    model = page.stages_model
    return [
        {key: model.data(model.index(row, column)) for column, key in enumerate(STAGE_COLUMNS)}
        for row in range(model.rowCount())
    ]


def stage_row(page: WaterfallPage, title: str) -> dict[str, str]:
    return next(row for row in stage_cells(page) if row["stage"] == title)


def marked_short(page: WaterfallPage, title: str, column: str) -> bool:
    model = page.stages_model
    row = next(n for n, cells in enumerate(stage_cells(page)) if cells["stage"] == title)
    return bool(model.data(model.index(row, STAGE_COLUMNS.index(column)), SHORT_ROLE))


def foreground(page: WaterfallPage, title: str, column: str):
    model = page.stages_model
    row = next(n for n, cells in enumerate(stage_cells(page)) if cells["stage"] == title)
    return model.data(model.index(row, STAGE_COLUMNS.index(column)), Qt.ItemDataRole.ForegroundRole)


def group_labels(page: WaterfallPage) -> list[str]:
    model = page.groups_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def choose_grouping(page: WaterfallPage, title: str) -> None:
    """Pick ``title`` in the Group by box as the lead would."""
    combo = page.group_combo
    index = combo.findText(title)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
