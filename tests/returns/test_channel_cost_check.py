"""The check of a channel whose actual cost per MQL runs far above plan (twice or more, over the
months to date), and the checks' kept inputs following what moves it."""

from __future__ import annotations

import datetime
import json

import pytest

from planner import Plan
from planner.analysis import Analysis
from planner.checks import InputsInStep, gather, judge, run_checks
from planner.checks.findings import Finding, Severity

MARCH = datetime.date(2026, 3, 15)  # February 2026 is the last closed month


def plan_with_paid_search(actual_spend: str) -> Plan:
    """A paid initiative planning $1,000 for 10 MQLs a month, January to March; January's
    actuals: 10 MQLs for ``actual_spend``."""
    plan = Plan.in_memory()
    plan.initiatives.add(
        name="Paid search",
        channel_id=plan.channels.named("Paid").id,
        start_month="2026-01",
        end_month="2026-03",
    )
    paid = plan.initiatives.list()[0].id
    for month in (202601, 202602, 202603):
        plan.values.set(paid, month, "spend", planned="1,000")
        plan.values.set(paid, month, "mql", planned=10)
    plan.values.set(paid, 202601, "spend", actual=actual_spend)
    plan.values.set(paid, 202601, "mql", actual=10)
    return plan


def cost_findings(plan: Plan) -> list[Finding]:
    findings = run_checks(Analysis.in_sql(plan, today=MARCH))
    return [f for f in findings if f.rule == "cost_per_mql_over_plan"]


def test_a_channel_paying_twice_the_planned_cost_per_mql_is_warned_about() -> None:
    plan = plan_with_paid_search("2,000")
    (finding,) = cost_findings(plan)

    assert finding.severity is Severity.WARNING
    assert "'Paid'" in finding.message and "$200.00 each" in finding.message
    assert "2.0x the $100.00 planned" in finding.message
    assert finding.field == "lead_to_mql"  # the rate that turns its leads into MQLs
    assert finding.channel_id == plan.channels.named("Paid").id


def test_the_channel_cost_finding_says_what_to_do() -> None:
    (finding,) = cost_findings(plan_with_paid_search("2,000"))

    assert "set the channel's own Lead → MQL rate" in finding.message
    assert "move budget to channels that bring MQLs for less" in finding.message


def test_a_channel_a_little_over_plan_is_not_warned_about() -> None:
    assert cost_findings(plan_with_paid_search("1,900")) == []


def test_a_channel_with_no_actuals_is_not_judged() -> None:
    plan = plan_with_paid_search("2,000")
    paid = plan.initiatives.list()[0].id
    plan.values.set(paid, 202601, "spend", actual=None)
    plan.values.set(paid, 202601, "mql", actual=None)

    assert cost_findings(plan) == []


def test_the_cost_compares_with_the_plan_of_the_months_to_date_only() -> None:
    plan = plan_with_paid_search("2,000")
    paid = plan.initiatives.list()[0].id
    # March is not closed: a cheap plan there does not hide January's overrun.
    plan.values.set(paid, 202603, "spend", planned="1")

    assert len(cost_findings(plan)) == 1


@pytest.mark.parametrize(
    "edit",
    ["an actual spend", "a planned spend", "a channel renamed"],
)
def test_the_kept_inputs_follow_what_moves_a_channels_cost(edit: str) -> None:
    plan = plan_with_paid_search("1,500")
    paid = plan.initiatives.list()[0].id
    analysis = Analysis.in_sql(plan, today=MARCH)
    kept = InputsInStep(analysis)
    kept.gather()
    plan.subscribe(kept.heard)

    if edit == "an actual spend":
        plan.values.set(paid, 202601, "spend", actual="2,500")
    elif edit == "a planned spend":
        plan.values.set(paid, 202601, "spend", planned="500")
    else:
        plan.values.set(paid, 202601, "spend", actual="2,500")
        kept.gather()
        plan.channels.update(plan.channels.named("Paid").id, name="Search ads")

    renewed = kept.gather()
    assert renewed == gather(analysis)
    assert any(f.rule == "cost_per_mql_over_plan" for f in judge(renewed))


def test_the_check_commands_json_names_the_channel() -> None:
    from planner.cli.check import findings_json

    (finding,) = cost_findings(plan_with_paid_search("2,000"))
    (shown,) = json.loads(findings_json([finding]))
    assert shown["channel_id"] == finding.channel_id
    assert shown["field"] == "lead_to_mql"
