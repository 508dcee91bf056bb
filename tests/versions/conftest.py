"""The plan the version tests start from: two initiatives planned all year, some actuals."""

from __future__ import annotations

import pytest
from plan_builders import no_actuals_plan

from planner import Plan


@pytest.fixture
def plan() -> Plan:
    """Two initiatives planned every month of 2026; 'Webinar series' has spend actuals for
    January and February."""
    plan = no_actuals_plan()
    webinar = plan.initiatives.list()[1].id
    plan.values.set(webinar, "2026-01", "spend", actual=1_400_000)
    plan.values.set(webinar, "2026-02", "spend", actual=1_600_000)
    return plan
