"""Issue 19's "done when", end to end in the core: a new user types three initiatives with
targets, budgets and dates into a new plan, phases the whole plan in one action, and gets a
phased, funnel-complete plan that the checks and every figure agree on (sums computed here,
straight from the file, not by the code under test)."""

from __future__ import annotations

import math
from pathlib import Path

from planner import Plan
from planner.analysis import Analysis, Dimension
from planner.analysis.rates import read_rates
from planner.checks.run import run_checks
from planner.domain import FUNNEL_STAGES, Metric

TYPED = {
    # name: (start, end, budget, revenue target), as a lead types them
    "Webinar series": ("2026-02", "2026-10", "24,000", "180,000"),
    "Trade show": ("2026-05", "2026-06", "60,000", "400,000"),
    "Partner co-marketing": ("2026-01", "2026-12", "15,500", "250,000"),
}
RULES = {"target_not_phased", "thin_funnel", "spend_over_budget", "budget_without_funnel"}


def _sum(plan: Plan, initiative_id: int, column: str) -> int:
    return plan.query(
        f"SELECT coalesce(sum({column}), 0) FROM monthly_values WHERE initiative_id = ?",
        [initiative_id],
    )[0][0]


def test_three_typed_initiatives_and_one_phase_make_a_phased_funnel_complete_plan(
    tmp_path: Path,
) -> None:
    with Plan.create(tmp_path / "New.smplan", name="FY2026 plan", first_month="2026-01") as plan:
        ids = {
            name: plan.initiatives.add(
                name=name, start_month=start, end_month=end, budget=budget, revenue_target=target
            ).id
            for name, (start, end, budget, target) in TYPED.items()
        }
        # What the new user of the issue had: some revenue typed into a month by hand.
        plan.values.set(ids["Trade show"], "2026-05", "revenue_won", planned="125,000")
        before = {f.rule for f in run_checks(Analysis.in_sql(plan)) if f.initiative_id}
        assert {"target_not_phased", "budget_without_funnel"} <= before

        plan.phasing.phase()

        findings = run_checks(Analysis.in_sql(plan))
        assert not [f for f in findings if f.rule in RULES], findings
        rates = read_rates(plan)
        by_initiative = {
            row.key: row.totals for row in Analysis.in_sql(plan).rollup(Dimension.INITIATIVE)
        }
        for name, i in ids.items():
            record = plan.initiatives.get(i)
            assert _sum(plan, i, "revenue_won_plan") == record.revenue_target, name
            assert _sum(plan, i, "spend_plan") == record.budget, name
            counts = [_sum(plan, i, stage.planned_column) for stage in FUNNEL_STAGES]
            assert counts == sorted(counts, reverse=True) and counts[-1] > 0, name
            own = rates.of_initiative(i)
            deals = math.ceil(record.revenue_target / own.average_deal_size)
            assert counts[-1] == deals, name
            assert _sum(plan, i, "pipeline_plan") == counts[-2] * own.average_deal_size
            # The engine every page and the workbook read agrees with the file.
            assert by_initiative[i].planned[Metric.REVENUE_WON] == record.revenue_target
            assert by_initiative[i].planned[Metric.SPEND] == record.budget
            start, end = TYPED[name][:2]
            months = {
                row[0]
                for row in plan.query(
                    "SELECT month FROM monthly_values WHERE initiative_id = ?", [i]
                )
            }
            assert min(months) == int(start.replace("-", ""))
            assert max(months) == int(end.replace("-", ""))
