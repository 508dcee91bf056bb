"""Phasing in last year's shape: from the baseline a rollover leaves (last year's planned
values laid on this year's months) or from last year's plan file's actuals, falling back to
the plan-wide shape of last year, then to even, and saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import Plan
from planner.domain import Metric
from planner.phasing import Shape
from planner.versions.rollover import roll_over

# Last year's revenue of "Webinars", by month of 2026: a quiet summer, a strong autumn.
LAST_YEAR = {
    1: 100,
    2: 100,
    3: 100,
    4: 100,
    5: 100,
    6: 50,
    7: 0,
    8: 50,
    9: 200,
    10: 200,
    11: 200,
    12: 100,
}


@pytest.fixture
def last_year_file(tmp_path: Path) -> Path:
    path = tmp_path / "FY2026.smplan"
    with Plan.create(path, name="FY2026 plan", first_month="2026-01") as plan:
        webinars = plan.initiatives.add(
            name="Webinars", budget="10,000", revenue_target="13,000"
        ).id
        plan.initiatives.add(name="Quiet", budget="0", revenue_target="1")
        for month, hundreds in LAST_YEAR.items():
            plan.values.set(
                webinars,
                f"2026-{month:02}",
                "revenue_won",
                planned=hundreds * 1_000,
                actual=hundreds * 2_000,  # it did twice as well, in the same shape
            )
    return path


@pytest.fixture
def next_year(last_year_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "FY2027.smplan"
    with Plan.open(last_year_file, read_only=True) as plan:
        roll_over(plan, target)
    return target


def _revenue(plan: Plan, name: str) -> list[int]:
    i = next(x.id for x in plan.initiatives.list() if x.name == name)
    return [
        row[0]
        for row in plan.query(
            "SELECT revenue_won_plan FROM monthly_values WHERE initiative_id = ? ORDER BY month",
            [i],
        )
    ]


def test_last_years_shape_comes_from_the_baseline_a_rollover_leaves(next_year: Path) -> None:
    with Plan.open(next_year) as plan:
        phased = plan.phasing.phase(shape=Shape.LAST_YEAR, parts=["revenue"])
        revenue = _revenue(plan, "Webinars")

    # 13,000 over weights that add up to 1,300: each month its share of last year's.
    assert revenue == [hundreds * 1_000 for hundreds in LAST_YEAR.values()]
    assert phased.last_year == "locked baseline 'FY2026 plan'"


def test_last_years_shape_can_come_from_last_years_file_actuals(
    next_year: Path, last_year_file: Path
) -> None:
    with Plan.open(next_year) as plan:
        phased = plan.phasing.phase(
            shape=Shape.LAST_YEAR, parts=["revenue"], last_year=last_year_file
        )
        revenue = _revenue(plan, "Webinars")

    assert revenue == [hundreds * 1_000 for hundreds in LAST_YEAR.values()]
    assert phased.last_year == "the actuals of FY2026.smplan"


def test_an_initiative_with_no_values_last_year_takes_the_plans_shape_and_says_so(
    next_year: Path,
) -> None:
    with Plan.open(next_year) as plan:
        plan.initiatives.add(name="New", budget="0", revenue_target="1,300")
        phased = plan.phasing.phase(shape=Shape.LAST_YEAR, parts=["revenue"])
        revenue = _revenue(plan, "New")

    assert revenue == [hundreds * 100 for hundreds in LAST_YEAR.values()]
    new = next(p for p in phased.initiatives if p.name == "New")
    assert "the plan's shape of last year" in new.notes[0]


def test_a_plan_with_no_last_year_is_phased_evenly_and_says_so() -> None:
    plan = Plan.in_memory()
    plan.initiatives.add(name="A", budget="0", revenue_target="1,200")

    phased = plan.phasing.phase(shape="last-year", parts=["revenue"])

    assert phased.initiatives[0].after[Metric.REVENUE_WON] == 120_000
    assert phased.initiatives[0].notes == ("no last year in the plan: phased evenly",)
    assert _revenue(plan, "A") == [10_000] * 12


def test_last_years_file_that_is_not_a_plan_is_refused_in_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.smplan"
    bogus.write_text("not a plan")
    plan = Plan.in_memory()
    plan.initiatives.add(name="A", budget="0", revenue_target="1,200")

    with pytest.raises(Exception) as refused:
        plan.phasing.phase(shape="last-year", last_year=bogus)

    assert getattr(refused.value, "field", None) == "last_year"
    assert "notes.smplan" in str(refused.value) and "\n" not in str(refused.value)
