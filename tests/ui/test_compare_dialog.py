"""The compare dialog: two or three versions chosen, compared in a worker, shown as the story
of what changed, the totals side by side, the initiatives that differ and a chart."""

from __future__ import annotations

import pytest
from baseline_choice_support import compare_with, versioned, versioned_document
from dashboard_support import show_dashboard
from PySide6.QtCore import Qt, QTextBoundaryFinder
from versioned_plans import BOARD, CUT

from planner.versions.compare import WORKING_PLAN, compare
from planner.versions.opened import open_version
from ui.versions.compare_dialog import WORKING, CompareDialog, show_compare_dialog

WORD_JOINER = "\u2060"
__all__ = ["versioned", "versioned_document"]  # fixtures (see baseline_choice_support)


@pytest.fixture
def dialog(versioned_document, qtbot) -> CompareDialog:
    shown = CompareDialog(versioned_document)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _compared(qtbot, dialog: CompareDialog, *sides: object) -> None:
    dialog.choose(*sides)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=15_000)


def _column(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _header(view) -> list[str]:
    model = view.model()
    return [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]


def _expected(versioned, *ids):
    opened = [open_version(versioned.plan, i) for i in ids if i != WORKING]
    plans = iter(opened)
    try:
        return compare(*(versioned.plan if i == WORKING else next(plans) for i in ids))
    finally:
        for plan in opened:
            plan.close()


def test_two_versions_tell_the_story_of_what_changed(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)

    story = dialog.story.toPlainText().replace(WORD_JOINER, "").splitlines()

    expected = _expected(versioned, versioned.board, WORKING).story(1)
    assert story == [f"{WORKING_PLAN} against {BOARD}:", *(f"• {line}" for line in expected)]


def test_a_negative_amount_in_the_story_never_wraps_after_its_minus(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)
    story = dialog.story.toPlainText()

    breaks = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, story)

    def may_wrap_at(position: int) -> bool:
        breaks.setPosition(position)
        return breaks.isAtBoundary()

    minuses = [n for n in range(1, len(story)) if story[n - 1 : n + 2] in ("-\u2060$", "-$")]
    assert minuses
    assert [n for n in minuses if may_wrap_at(n)] == []


def test_two_versions_have_their_totals_side_by_side(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)

    assert _header(dialog.totals) == ["", BOARD, WORKING_PLAN]
    figures = dict(zip(_column(dialog.totals, 0), _column(dialog.totals, 2), strict=True))
    assert figures["Budget"] == "$395k (-$5k)"
    assert _column(dialog.totals, 1)[0] == "$400k"
    assert list(figures) == [
        "Budget",
        "Revenue target",
        "Planned revenue won",
        "Planned pipeline",
        "Planned spend",
        "Budget in strike zone",
        "Target in strike zone",
        "Live initiatives",
        "Errors / warnings",
    ]


def test_two_versions_list_each_initiative_that_differs(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)

    rows = dict(zip(_column(dialog.changes, 0), _column(dialog.changes, 2), strict=True))

    assert rows == {
        "Outbound push": "—",
        "Partner launch": "new",
        "Trade show": "dropped",
        "Webinar series": "+$5k",
    }
    assert dialog.changes.isColumnHidden(1)  # every row is of the working plan


def test_the_initiatives_that_differ_sort_by_their_budget(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)

    dialog.changes.sortByColumn(2, Qt.SortOrder.AscendingOrder)

    assert _column(dialog.changes, 0) == [
        "Trade show",
        "Outbound push",
        "Webinar series",
        "Partner launch",
    ]


def test_three_versions_compare_each_with_the_first(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING, versioned.cut)

    assert _header(dialog.totals) == ["", BOARD, WORKING_PLAN, CUT]
    story = dialog.story.toPlainText()
    assert f"{WORKING_PLAN} against {BOARD}:" in story
    assert f"{CUT} against {BOARD}:" in story
    webinar = [
        (version, budget)
        for name, version, budget in zip(
            _column(dialog.changes, 0),
            _column(dialog.changes, 1),
            _column(dialog.changes, 2),
            strict=True,
        )
        if name == "Webinar series"
    ]
    assert webinar == [(WORKING_PLAN, "+$5k"), (CUT, "-$10k")]
    assert not dialog.changes.isColumnHidden(1)


def test_the_chart_draws_each_versions_planned_revenue_by_month(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING, versioned.cut)

    lines = dialog.chart.figure.axes[0].get_lines()

    expected = _expected(versioned, versioned.board, WORKING, versioned.cut)
    assert [line.get_label() for line in lines] == [BOARD, WORKING_PLAN, CUT]
    for line, side in zip(lines, expected.sides, strict=True):
        by_month = side.planned_by_month
        assert list(line.get_ydata()) == [by_month["revenue_won"][m] for m in expected.months]


def test_a_version_chosen_twice_is_not_compared(versioned, dialog, qtbot):
    _compared(qtbot, dialog, versioned.board, WORKING)

    _compared(qtbot, dialog, versioned.board, versioned.board)

    assert dialog.status.text() == "Choose different versions: one is chosen twice."


def test_it_starts_from_the_baseline_the_dashboard_compares_with(
    versioned, versioned_document, qtbot
):
    compare_with(qtbot, versioned_document, versioned.cut)
    page = show_dashboard(qtbot, versioned_document)

    page.baseline_box.compare_button.click()

    shown = page.findChild(CompareDialog)
    assert shown is not None
    qtbot.waitUntil(lambda: not shown.busy(), timeout=15_000)
    assert shown.chosen() == [versioned.cut, WORKING]
    assert shown.comparison.reference.name == CUT
    shown.close()


def test_a_plan_without_versions_says_there_is_nothing_to_compare(qapp, qtbot):
    from planner import Plan
    from ui.document import PlanDocument

    document = PlanDocument(Plan.in_memory())
    try:
        shown = show_compare_dialog(None, document)
        qtbot.addWidget(shown)
        assert "no saved version yet" in shown.status.text()
        assert not shown.busy()
    finally:
        document.close()


def test_a_dialog_open_when_the_plan_closes_is_closed_first(versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)
    page.baseline_box.compare_button.click()
    shown = page.findChild(CompareDialog)
    assert shown is not None and shown.isVisible()

    page.shut()

    assert not shown.isVisible()
    assert not shown.busy()
