"""Plans the chart tests draw: the small demo, one with plans but no actuals, and an empty one.

``demo_plan`` is built once per test session and opened read-only, so every chart module
can share it; the two in-memory plans are made afresh for each test, as is ``edited_demo``,
a copy of the demo to edit (with ``edited_analysis``, its analysis).
"""

from __future__ import annotations

from collections.abc import Iterator

import plan_builders
import pytest

from planner.analysis import Analysis
from planner.demo import build_demo
from planner.plan import Plan


@pytest.fixture(scope="session")
def demo_plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    """The small demo plan (with actuals for its first months), read-only."""
    path = build_demo(tmp_path_factory.mktemp("charts") / "demo.smplan")
    plan = Plan.open(path, read_only=True)
    yield plan
    plan.close()


@pytest.fixture
def edited_demo(demo_path) -> Iterator[Plan]:
    """A copy of the small demo plan, open for editing."""
    plan = Plan.open(demo_path)
    yield plan
    plan.close()


@pytest.fixture
def edited_analysis(edited_demo: Plan) -> Analysis:
    return Analysis.in_sql(edited_demo)


@pytest.fixture
def no_actuals_plan() -> Iterator[Plan]:
    """Two initiatives, each with an owner and a segment, planned every month, nothing actual."""
    plan = plan_builders.no_actuals_plan()
    yield plan
    plan.close()


@pytest.fixture
def empty_plan() -> Iterator[Plan]:
    """A plan with a horizon and nothing else: no people, segments or initiatives."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    yield plan
    plan.close()
