"""Each "random act of marketing" rule fires on the initiative that breaks it, and a clean,
aligned plan has nothing to say."""

from __future__ import annotations

import pytest

from planner import Plan
from planner.analysis import Analysis
from planner.checks import Severity, run_checks


@pytest.fixture
def plan() -> Plan:
    """A small, fully aligned plan: one clean initiative."""
    plan = Plan.in_memory(first_month="2026-01", months=12, stage="scaling")
    plan.handoff.update(mqls_per_month=5, acceptance_rate="50%", followup_hours=24)
    marketer = plan.people.add(name="Mia", team="Marketing").id
    seller = plan.people.add(name="Sam", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    clean = plan.initiatives.add(
        name="Webinars",
        channel_id=plan.channels.named("Webinar").id,
        budget="10,000",
        revenue_target="100,000",
        segment_ids=[core],
        owner_id=marketer,
        problem="Finance teams close the books by hand.",
        so_what="Two lost days a month.",
        why_us="We automate the close.",
    ).id
    plan.roles.set(clean, seller, "R")
    for number in range(1, 13):
        month = f"2026-{number:02d}"
        plan.values.set(clean, month, "mql", planned=6)
        plan.values.set(clean, month, "spend", planned="800")
    plan.values.set(clean, "2026-12", "revenue_won", planned="100,000")
    return plan


def rules(plan: Plan) -> set[str]:
    return {finding.rule for finding in run_checks(Analysis.in_sql(plan))}


def webinar(plan: Plan) -> int:
    return plan.initiatives.list()[0].id


def test_an_aligned_plan_has_no_findings(plan):
    assert run_checks(Analysis.in_sql(plan)) == []


def test_an_initiative_with_no_owner_is_an_error(plan):
    owner = plan.initiatives.list()[0].owner_id
    plan.roles.set(webinar(plan), owner, None)
    [finding] = [f for f in run_checks(Analysis.in_sql(plan)) if f.rule == "no_owner"]
    assert finding.severity is Severity.ERROR
    assert finding.initiative == "Webinars"
    assert finding.field == "owner"
    assert "Accountable" in finding.message


def test_an_inactive_owner_is_a_warning(plan):
    plan.people.update(plan.initiatives.list()[0].owner_id, active=False)
    assert "inactive_owner" in rules(plan)


def test_an_initiative_with_no_revenue_target_is_an_error(plan):
    plan.initiatives.update(webinar(plan), revenue_target=0)
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert found["no_revenue_target"].severity is Severity.ERROR


def test_a_revenue_target_below_the_budget_is_an_error(plan):
    plan.initiatives.update(webinar(plan), revenue_target="9,000")
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert found["target_below_budget"].severity is Severity.ERROR
    assert "$9,000" in found["target_below_budget"].message


def test_a_return_below_the_plans_minimum_ratio_is_a_warning(plan):
    plan.initiatives.update(webinar(plan), revenue_target="20,000")
    assert "low_return" in rules(plan)
    plan.funnel.update(min_return_ratio=1.5)
    assert "low_return" not in rules(plan)


def test_no_one_from_sales_on_an_initiative_is_a_warning(plan):
    seller = next(p.id for p in plan.people.list() if p.team.value == "Sales")
    plan.roles.set(webinar(plan), seller, None)
    assert "no_sales_person" in rules(plan)


def test_an_initiative_aimed_at_no_segment_is_an_error(plan):
    plan.initiatives.set_segments(webinar(plan), [])
    assert "no_segment" in rules(plan)


def test_an_initiative_aimed_only_outside_the_zone_is_a_warning(plan):
    outside = plan.segments.add(name="Consumers", tier="outside").id
    plan.initiatives.set_segments(webinar(plan), [outside])
    assert {"outside_zone_only", "uncovered_core_segment", "spread_thin"} <= rules(plan)


def test_an_initiative_aimed_only_at_the_edge_is_worth_a_note(plan):
    edge = plan.segments.add(name="Enterprise", tier="edge").id
    plan.initiatives.set_segments(webinar(plan), [edge])
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert found["edge_only"].severity is Severity.INFO


def test_budget_with_no_planned_funnel_is_a_warning(plan):
    plan.initiatives.add(
        name="Trade show",
        channel_id=plan.channels.named("Event").id,
        budget="30,000",
        revenue_target="200,000",
        segment_ids=[plan.segments.list()[0].id],
        owner_id=plan.initiatives.list()[0].owner_id,
    )
    found = [f for f in run_checks(Analysis.in_sql(plan)) if f.rule == "budget_without_funnel"]
    assert [f.initiative for f in found] == ["Trade show"]


def test_dates_outside_the_plan_are_an_error(plan):
    plan.initiatives.update(webinar(plan), end_month="2027-03")
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert found["dates_outside_plan"].field == "end_month"
    assert "Mar 2027" in found["dates_outside_plan"].message


def test_planned_spend_over_budget_is_a_warning(plan):
    plan.initiatives.update(webinar(plan), budget="9,000")
    assert "spend_over_budget" in rules(plan)


def test_too_few_planned_mqls_for_the_target_is_a_warning(plan):
    plan.initiatives.update(webinar(plan), revenue_target="200,000")
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert "thin_funnel" in found
    assert "needs about 134" in found["thin_funnel"].message


def test_a_target_not_phased_into_months_is_worth_a_note(plan):
    plan.values.set(webinar(plan), "2026-12", "revenue_won", planned="60,000")
    assert "target_not_phased" in rules(plan)


def test_a_target_not_phased_says_to_use_phase_targets(plan):
    plan.values.set(webinar(plan), "2026-12", "revenue_won", planned="60,000")
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert "Use Phase Targets" in found["target_not_phased"].message


def test_an_initiative_without_its_story_is_worth_a_note(plan):
    plan.initiatives.update(webinar(plan), so_what="", why_us="")
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert "missing: so what, why us" in found["no_story"].message


def test_a_core_segment_nothing_aims_at_is_a_warning(plan):
    plan.segments.add(name="Healthcare", tier="core")
    found = [f for f in run_checks(Analysis.in_sql(plan)) if f.rule == "uncovered_core_segment"]
    assert len(found) == 1 and found[0].initiative is None and "Healthcare" in found[0].message


def test_too_many_core_segments_for_the_stage_is_worth_a_note(plan):
    plan.settings.update(stage="startup")
    for name in ("A", "B"):
        plan.segments.add(name=name, tier="core")
    assert "too_many_core_segments" in rules(plan)


def test_an_unagreed_handoff_is_worth_a_note(plan):
    plan.handoff.update(mqls_per_month=0)
    assert "handoff_not_agreed" in rules(plan)


def test_planned_mqls_below_the_handoff_commitment_is_a_warning(plan):
    plan.handoff.update(mqls_per_month=7)
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert "Jan 2026" in found["plan_below_handoff"].message


def test_a_missed_handoff_month_is_a_warning(plan):
    plan.values.set(webinar(plan), "2026-01", "mql", actual=3)
    found = {f.rule: f for f in run_checks(Analysis.in_sql(plan))}
    assert "Jan 2026" in found["handoff_missed"].message


def test_dropped_initiatives_are_not_checked(plan):
    plan.initiatives.add(
        name="Old idea", channel_id=plan.channels.named("Other").id, status="dropped"
    )
    assert run_checks(Analysis.in_sql(plan)) == []


def test_findings_come_most_severe_first(plan):
    plan.initiatives.add(
        name="Random act", channel_id=plan.channels.named("Other").id, budget="5,000"
    )
    severities = [f.severity.rank for f in run_checks(Analysis.in_sql(plan))]
    assert severities == sorted(severities)
    assert severities[0] == Severity.ERROR.rank
