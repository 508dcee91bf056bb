"""What the comparison says of one initiative: its figures on each side, how far it moved,
and what changed in words (the workbook's "What changed" column)."""

from __future__ import annotations

from version_support import named

from planner import Plan
from planner.versions.compare import compare
from planner.versions.opened import open_version


def _diff(plan: Plan, name: str, change) -> object:
    """The comparison of ``name`` between a baseline and the plan after ``change(plan)``."""
    baseline = plan.versions.save("Before").id
    change(plan)
    with open_version(plan, baseline) as before:
        return next(d for d in compare(before, plan).diffs[0] if d.name == name)


def test_a_start_moved_earlier_counts_the_months_back(plan: Plan) -> None:
    webinar = named(plan, "Webinar series")
    plan.initiatives.update(webinar, start_month="2026-05")

    diff = _diff(
        plan, "Webinar series", lambda p: p.initiatives.update(webinar, start_month="2026-02")
    )

    assert diff.moved_by == -3
    assert diff.what_changed() == ["moved from May 2026 to Feb 2026"]


def test_a_dropped_initiative_counts_0_after(plan: Plan) -> None:
    webinar = named(plan, "Webinar series")
    budget = plan.initiatives.get(webinar).budget

    diff = _diff(plan, "Webinar series", lambda p: p.initiatives.update(webinar, status="dropped"))

    assert diff.figures("budget") == (budget, 0)
    assert diff.what_changed() == ["dropped"]


def test_a_change_beside_budget_target_and_start_is_named_after_them(plan: Plan) -> None:
    webinar = named(plan, "Webinar series")

    def change(p: Plan) -> None:
        p.initiatives.update(
            webinar, budget=p.initiatives.get(webinar).budget + 100, name="Webinars"
        )

    diff = _diff(plan, "Webinars", change)

    assert diff.what_changed() == ["re-budgeted", "also changed: name"]
    assert diff.also_changed() == ["name"]


def test_a_change_to_the_monthly_plan_alone_says_so(plan: Plan) -> None:
    webinar = named(plan, "Webinar series")

    diff = _diff(
        plan,
        "Webinar series",
        lambda p: p.values.set(webinar, "2026-03", "spend", planned=123_00),
    )

    assert diff.what_changed() == ["changed: planned spend"]
