"""Property: every surface shows the same headline figure (issue 16, item 2). For random plans,
empty, unphased and with actuals typed ahead among them, the core's figure
(:func:`planner.analysis.headline`, :func:`~planner.analysis.reforecast`,
:func:`~planner.analysis.strike_zone`, :func:`~planner.analysis.handoff_by_month`,
:func:`~planner.checks.findings.count_findings`)
equals what the Dashboard's cards and the charts' records (summed in memory, as the app does),
``smarketing summary --json``, the workbook's Summary sheet and the checks (summed in SQL, as
a command does) show. Every surface reads the same clock: the analysis's ``today``.

SMARKETING_FUZZ_EXAMPLES=500 runs 500 random examples instead of the suite's fixed few.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from fuzz_support import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from planner import Metric, Plan
from planner import months as month_math
from planner.analysis import Analysis, Landing, handoff_by_month, headline, reforecast, strike_zone
from planner.analysis.headline import Headline
from planner.charts import ChartOptions, chart_data
from planner.checks import run_checks
from planner.checks.findings import count_findings
from planner.checks.thresholds import MIN_ZONE_SHARE
from planner.cli.summary import summary_data
from planner.services.values import Kind, ValueEntry
from planner.workbook.export import export_workbook
from ui.pages.dashboard.figures import headline_figures

TODAY = dt.date(2026, 9, 10)  # August 2026 is the last closed month
THIS_MONTH = 202609
METRICS = (Metric.REVENUE_WON, Metric.SPEND, Metric.PIPELINE, Metric.MQL, Metric.SAL)
TIERS = ("core", "edge", "outside")
STATUSES = ("idea", "planned", "active", "done", "dropped")


@dataclass(frozen=True)
class Value:
    initiative: int  # index among the plan's initiatives
    month: int  # months after the plan's first
    metric: Metric
    kind: Kind
    amount: int


@dataclass(frozen=True)
class PlanSpec:
    starts_before: int  # the first month is this many months before today's
    months: int
    fiscal_year_start: int
    tiers: tuple[str, ...]
    initiatives: tuple[tuple[str, int, int, tuple[int, ...]], ...]  # status, budget, target, aims
    values: tuple[Value, ...]
    mqls_per_month: int


@st.composite
def plan_specs(draw: st.DrawFn) -> PlanSpec:
    months = draw(st.integers(1, 18))
    tiers = tuple(draw(st.lists(st.sampled_from(TIERS), max_size=3)))
    initiatives = tuple(
        draw(
            st.lists(
                st.tuples(
                    st.sampled_from(STATUSES),
                    st.integers(0, 5_000_000),
                    st.integers(0, 50_000_000),
                    st.lists(st.integers(0, max(len(tiers) - 1, 0)), max_size=len(tiers)).map(
                        lambda aims: tuple(sorted(set(aims)))
                    ),
                ),
                max_size=4,
            )
        )
    )
    values = ()
    if initiatives:
        values = tuple(
            draw(
                st.lists(
                    st.builds(
                        Value,
                        st.integers(0, len(initiatives) - 1),
                        st.integers(0, months - 1),
                        st.sampled_from(METRICS),
                        st.sampled_from(Kind),
                        st.integers(0, 2_000_000),
                    ),
                    max_size=30,
                )
            )
        )
    return PlanSpec(
        starts_before=draw(st.integers(-2, 20)),
        months=months,
        fiscal_year_start=draw(st.sampled_from((1, 4, 10))),
        tiers=tiers,
        initiatives=initiatives,
        values=values,
        mqls_per_month=draw(st.sampled_from((0, 10, 1_000))),
    )


def build(spec: PlanSpec) -> Plan:
    first = month_math.add(THIS_MONTH, -spec.starts_before)
    plan = Plan.in_memory(
        first_month=first, months=spec.months, fiscal_year_start=spec.fiscal_year_start
    )
    segments = [
        plan.segments.add(name=f"Segment {n}", tier=tier).id for n, tier in enumerate(spec.tiers)
    ]
    ids = [
        plan.initiatives.add(
            name=f"Initiative {n}",
            status=status,
            budget=budget,
            revenue_target=target,
            segment_ids=[segments[a] for a in aims if a < len(segments)],
        ).id
        for n, (status, budget, target, aims) in enumerate(spec.initiatives)
    ]
    entries = {
        (ids[v.initiative], month_math.add(first, v.month), v.metric, v.kind): v.amount
        for v in spec.values
    }
    plan.values.set_many(ValueEntry(*key, amount) for key, amount in entries.items())
    if spec.mqls_per_month:
        plan.handoff.update(mqls_per_month=spec.mqls_per_month, acceptance_rate="40%")
    return plan


def major(plan: Plan, minor: int | None) -> Decimal | None:
    return None if minor is None else plan.currency.to_decimal(minor)


def the_cards_show(app: Analysis, core: Headline, landing: Landing, findings) -> None:
    horizon = app.plan.horizon
    whole = (horizon.first, horizon.last)
    cards = {f.key: f for f in headline_figures(app, whole, None, findings)}
    revenue = core.revenue
    assert cards["target"].amount == core.revenue_target
    assert cards["phased"].amount == core.target_phased
    assert cards["won"].amount == revenue.actual_to_date
    assert cards["attainment"].amount == revenue.attainment_to_date
    assert cards["forecast"].amount == revenue.forecast_year
    assert cards["landing"].amount == landing.revenue.landing
    assert cards["pipeline"].amount == core.pipeline.actual_to_date
    assert cards["budget"].amount == core.budget_used
    assert cards["findings"].amount == count_findings(findings).open


def the_charts_show(app: Analysis, core: Headline) -> None:
    revenue = chart_data(app, "revenue", ChartOptions())
    assert (revenue.planned_to_date, revenue.actual_to_date) == (
        core.revenue.planned_to_date,
        core.revenue.actual_to_date,
    )
    assert revenue.forecast_year == core.revenue.forecast_year
    assert revenue.actuals_through == core.progress.actuals_through
    budget = chart_data(app, "budget", ChartOptions())
    assert (budget.budget, budget.spent) == (core.budget, core.spend_to_date)
    attainment = chart_data(app, "attainment", ChartOptions())
    if core.revenue.actual_to_date is not None:
        assert (attainment.planned, attainment.actual) == (
            core.revenue.planned_to_date,
            core.revenue.actual_to_date,
        )
    zone = strike_zone(app)
    strike = chart_data(app, "strike-zone", ChartOptions())
    won = [row.actual for row in strike.segments if row.actual is not None]
    assert (sum(won) if won else None) == core.revenue.actual_to_date
    tiers = strike.tiers
    assert [(t.budget, t.target) for t in tiers] == [
        (zone.budget_by_tier[tier], zone.target_by_tier[tier]) for tier in zone.budget_by_tier
    ]
    handoff = chart_data(app, "handoff", ChartOptions())
    judged = {m.month: m for m in handoff_by_month(app)}
    assert handoff.acceptance_met == tuple(
        judged[m].acceptance_met if m in judged else None for m in handoff.months
    )


def the_summary_shows(command: Analysis, core: Headline, landing: Landing, findings) -> None:
    plan = command.plan
    data = summary_data(command)
    revenue = data["metrics"]["revenue_won"]
    assert Decimal(data["revenue_target"]) == major(plan, core.revenue_target)
    assert Decimal(data["revenue_target_phased"]) == major(plan, core.target_phased)
    assert _decimal(revenue["actual_to_date"]) == major(plan, core.revenue.actual_to_date)
    assert revenue["attainment_to_date"] == _rounded(core.revenue.attainment_to_date)
    assert _decimal(revenue["forecast_year"]) == major(plan, core.revenue.forecast_year)
    assert _decimal(data["metrics"]["pipeline"]["actual_to_date"]) == major(
        plan, core.pipeline.actual_to_date
    )
    assert data["budget_used"] == _rounded(core.budget_used)
    counts = count_findings(findings)
    assert data["findings"].get("error", 0) + data["findings"].get("warning", 0) == counts.open
    assert data["actuals_after_close"] == [month_math.iso(m) for m in core.actuals_after_close]
    landed = data["landing"]["metrics"]
    for metric in (Metric.REVENUE_WON, Metric.SPEND):
        figure = landing.metrics[metric]
        assert Decimal(landed[metric.value]["landing"]) == major(plan, figure.landing)
        assert _decimal(landed[metric.value]["gap"]) == major(plan, figure.gap)


def the_workbook_shows(command: Analysis, core: Headline, landing: Landing, findings) -> None:
    plan = command.plan
    with tempfile.TemporaryDirectory(prefix="figures-") as folder:
        path = export_workbook(plan, Path(folder) / "plan.xlsx", analysis=command)
        sheet = openpyxl.load_workbook(path, read_only=True)["Summary"]
        cells = {row[0]: row[1:3] for row in sheet.iter_rows(max_col=3, values_only=True)}
    year = [
        label
        for label in cells
        if str(label).startswith("Forecast ") and label != "Forecast attainment"
    ]

    def shown(label: str) -> object:
        return cells[label][0]

    assert _money(shown("Revenue target")) == major(plan, core.revenue_target)
    assert _money(shown("Phased into months")) == major(plan, core.target_phased)
    assert _money(shown("Revenue won to date")) == major(plan, core.revenue.actual_to_date)
    assert shown("Attainment to date") == _ratio(core.revenue.attainment_to_date)
    assert _money(shown(year[0])) == major(plan, core.revenue.forecast_year)
    assert _money(shown("Spend to date")) == major(plan, core.spend_to_date)
    assert shown("Budget used") == _ratio(core.budget_used)
    year_name = landing.year_name
    assert _money(shown(f"Landing {year_name}")) == major(plan, landing.revenue.landing)
    assert _money(shown("Plan standing in")) == major(plan, landing.revenue.plan_standing_in)
    assert _money(shown("Landing vs target")) == major(plan, landing.revenue.gap)
    assert _money(shown(f"Spend landing {year_name}")) == major(plan, landing.spend.landing)
    assert _money(shown("Spend landing vs budget")) == major(plan, landing.spend.gap)
    assert f"Findings ({len(findings)})" in cells
    assert ("Not counted" in cells) == bool(core.actuals_after_close)


def the_checks_show(command: Analysis, findings) -> None:
    plan = command.plan
    rules = {f.rule for f in findings}
    zone = strike_zone(command)
    share, floor = zone.budget_share_in_zone, MIN_ZONE_SHARE[plan.settings.get().stage]
    assert ("spread_thin" in rules) == (share is not None and share < floor)
    agreed = plan.handoff.get().mqls_per_month
    missed = any(m.met is False for m in handoff_by_month(command))
    assert ("handoff_missed" in rules) == (bool(agreed) and missed)
    after = headline(command).actuals_after_close
    assert ("actuals_after_close" in rules) == bool(after)


def _ratio(ratio: float | None) -> object:
    """A share as a cell gives it back: Excel's 15 significant digits."""
    return None if ratio is None else pytest.approx(ratio, rel=1e-14)


def _rounded(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio, 4)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _money(cell: object) -> Decimal | None:
    """A money cell (major units, a float) back to an exact amount."""
    return None if cell is None else Decimal(str(cell)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("surface", ["cards", "charts", "summary", "workbook", "checks"], ids=str)
@given(spec=plan_specs())
@fuzz_settings(suite_examples=12)
def test_every_surface_shows_the_cores_figures(surface: str, spec: PlanSpec) -> None:
    plan = build(spec)
    command = Analysis.in_sql(plan, today=TODAY)
    app = Analysis.in_memory(plan, today=TODAY)
    try:
        core = headline(command)
        landing = reforecast(command)
        findings = run_checks(command)
        if surface == "cards":
            the_cards_show(app, core, landing, findings)
        elif surface == "charts":
            the_charts_show(app, core)
        elif surface == "summary":
            the_summary_shows(command, core, landing, findings)
        elif surface == "workbook":
            the_workbook_shows(command, core, landing, findings)
        else:
            the_checks_show(command, findings)
    finally:
        app.close()
        plan.close()
