"""Fixtures of the timeline's tests: the timeline plan written to a file, and open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from timeline_plans import TimelinePlan, timeline_plan

from planner import Plan


@pytest.fixture
def made(tmp_path: Path) -> TimelinePlan:
    return timeline_plan(tmp_path)


@pytest.fixture
def plan(made: TimelinePlan) -> Iterator[Plan]:
    with Plan.open(made.path) as opened:
        yield opened
