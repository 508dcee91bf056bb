"""Fixtures of the Timeline page's tests: the demo plan open on a fixed day (15 Apr 2026:
actuals are in through March) and its Timeline page shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from timeline_page_support import TODAY, show_page

from planner import Plan
from planner.analysis import Analysis
from planner.domain import ValuesOnMove
from ui.document import PlanDocument
from ui.pages.timeline.page import TimelinePage


@pytest.fixture(name="timeline_document")
def timeline_document_fixture(demo_path, qapp) -> Iterator[PlanDocument]:
    """The demo plan as the app opens it, on :data:`TODAY`."""
    plan = Plan.open(demo_path)
    document = PlanDocument(plan, analysis=Analysis.in_sql(plan, today=TODAY))
    yield document
    document.close()


@pytest.fixture(name="page")
def page_fixture(qtbot, timeline_document) -> TimelinePage:
    """The Timeline page of the demo plan, shown; what a move does to planned values was
    chosen before (shift them), so a move asks nothing and the undo stack starts empty."""
    timeline_document.plan.settings.update(values_on_move=ValuesOnMove.SHIFT)
    return show_page(qtbot, timeline_document)
