"""An initiative's return: its revenue target per unit of budget, and none without either."""

from __future__ import annotations

from planner.domain import return_ratio


def test_the_return_is_the_target_over_the_budget():
    assert return_ratio(3_000_000, 1_000_000) == 3.0


def test_there_is_no_return_without_a_target():
    assert return_ratio(0, 7_500_000) is None


def test_there_is_no_return_without_a_budget():
    assert return_ratio(1_000_000, 0) is None
