"""Every number of the exported demo workbook, read back by an independent reader
(python-calamine), equals the plan's analysis to the cent."""

from __future__ import annotations

import datetime as dt

import pytest
from export_support import count, minor, row_starting, sheet_rows

from planner import months as month_math
from planner.analysis import Analysis, Dimension, headline, reforecast, strike_zone
from planner.analysis.reforecast import target_words
from planner.domain import Metric, Role, Tier
from planner.workbook import layout

TITLES = {metric.title: metric for metric in Metric}


def ratio(value):
    """A ratio as written: openpyxl keeps 16 significant digits (Excel shows 15)."""
    return pytest.approx(value, rel=1e-15) if value is not None else ""


def _value(plan, metric: Metric, cell):
    return minor(plan.currency, cell) if metric.is_money else count(cell)


def _month(cell: dt.date) -> int:
    return month_math.month(cell.year, cell.month)


@pytest.fixture(scope="module")
def export_summary_labels(export_demo_workbook):
    return {row[0]: row[1] for row in sheet_rows(export_demo_workbook, "Summary") if row[0]}


def test_summary_headline_money_equals_the_analysis(export_demo_plan, export_summary_labels):
    plan, shown = export_demo_plan, export_summary_labels
    figures = headline(Analysis.in_sql(plan))
    revenue = figures.progress.metrics[Metric.REVENUE_WON]
    year = figures.progress.fiscal_year
    assert minor(plan.currency, shown["Budget"]) == figures.budget
    assert minor(plan.currency, shown["Revenue target"]) == figures.revenue_target
    assert minor(plan.currency, shown["Revenue planned to date"]) == revenue.planned_to_date
    assert minor(plan.currency, shown["Revenue won to date"]) == revenue.actual_to_date
    assert minor(plan.currency, shown[f"Forecast {year}"]) == revenue.forecast_year
    spend = figures.progress.metrics[Metric.SPEND].actual_to_date
    assert minor(plan.currency, shown["Spend to date"]) == spend


def test_summary_headline_ratios_equal_the_analysis(export_demo_plan, export_summary_labels):
    figures = headline(Analysis.in_sql(export_demo_plan))
    revenue = figures.progress.metrics[Metric.REVENUE_WON]
    shown = export_summary_labels
    assert shown["Attainment to date"] == ratio(revenue.attainment_to_date)
    assert shown["Forecast attainment"] == ratio(revenue.forecast_attainment)
    assert shown["Budget used"] == ratio(figures.budget_used)
    assert (
        count(shown["Initiatives (live)"])
        == figures.initiatives - figures.initiatives_by_status["dropped"]
    )


def test_summary_landing_and_its_gaps_equal_the_reforecast(export_demo_plan, export_summary_labels):
    plan, shown = export_demo_plan, export_summary_labels
    landing = reforecast(Analysis.in_sql(plan))
    year = landing.year_name
    assert minor(plan.currency, shown[f"Landing {year}"]) == landing.revenue.landing
    assert minor(plan.currency, shown["Plan standing in"]) == landing.revenue.plan_standing_in
    assert minor(plan.currency, shown["Landing vs target"]) == landing.revenue.gap
    assert minor(plan.currency, shown[f"Spend landing {year}"]) == landing.spend.landing
    assert minor(plan.currency, shown["Spend landing vs budget"]) == landing.spend.gap


def test_summary_says_the_landings_gap_in_words(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    landing = reforecast(Analysis.in_sql(plan))
    notes = {row[0]: row[2] for row in sheet_rows(export_demo_workbook, "Summary") if row[0]}
    assert notes["Landing vs target"] == target_words(landing, plan.currency, compact=False)
    assert notes["Spend landing vs budget"].endswith("budget")


def test_summary_attainment_by_metric_equals_the_progress_of_each(
    export_demo_plan, export_demo_workbook
):
    rows = sheet_rows(export_demo_workbook, "Summary")
    start = row_starting(rows, "Metric", "Planned to date") + 1
    progress = headline(Analysis.in_sql(export_demo_plan)).progress
    for row in rows[start : start + len(Metric)]:
        metric = TITLES[row[0]]
        expected = progress.metrics[metric]
        assert _value(export_demo_plan, metric, row[1]) == expected.planned_to_date
        assert _value(export_demo_plan, metric, row[2]) == expected.actual_to_date
        assert row[3] == ratio(expected.attainment_to_date)
        assert _value(export_demo_plan, metric, row[4]) == expected.planned_year
        assert _value(export_demo_plan, metric, row[5]) == expected.forecast_year


def test_initiatives_money_equals_the_plan_and_the_rollup_to_date(
    export_demo_plan, export_demo_workbook
):
    plan = export_demo_plan
    rows = sheet_rows(export_demo_workbook, "Initiatives")
    header = row_starting(rows, "ID", "Initiative")
    titles = rows[header]
    through = headline(Analysis.in_sql(plan)).progress.actuals_through
    to_date = {
        row.key: row.totals
        for row in Analysis.in_sql(plan).rollup(
            Dimension.INITIATIVE, months=(plan.horizon.first, through)
        )
    }
    by_id = {i.id: i for i in plan.initiatives.list()}
    shown = [dict(zip(titles, row, strict=True)) for row in rows[header + 1 :]]
    assert sorted(count(row["ID"]) for row in shown) == sorted(by_id)
    for row in shown:
        initiative = by_id[count(row["ID"])]
        totals = to_date.get(initiative.id)
        assert row["Initiative"] == initiative.name
        assert minor(plan.currency, row["Budget"]) == initiative.budget
        assert minor(plan.currency, row["Revenue target"]) == initiative.revenue_target
        won = totals.actual[Metric.REVENUE_WON] if totals else None
        planned = totals.planned[Metric.REVENUE_WON] if totals else 0
        assert minor(plan.currency, row["Revenue won to date"]) == won
        assert minor(plan.currency, row["Revenue planned to date"]) == planned
        expected = totals.attainment(Metric.REVENUE_WON) if totals else None
        assert row["Attainment"] == ratio(expected)


def test_monthly_figures_equal_the_monthly_rollup(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    rows = sheet_rows(export_demo_workbook, "Monthly")
    header = row_starting(rows, "Month", "Planned")
    expected = {row.key: row.totals for row in Analysis.in_sql(plan).rollup(Dimension.MONTH)}
    shown = {}
    for row in rows[header + 1 :]:
        if not isinstance(row[0], dt.date):
            break
        shown[_month(row[0])] = row
    assert sorted(shown) == plan.horizon.months()
    for month, row in shown.items():
        totals = expected.get(month)
        for position, metric in enumerate(Metric):
            planned = _value(plan, metric, row[1 + 2 * position])
            actual = _value(plan, metric, row[2 + 2 * position])
            assert planned == (totals.planned[metric] if totals else 0), (month, metric)
            assert actual == (totals.actual[metric] if totals else None), (month, metric)


def test_monthly_totals_equal_the_whole_plan(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    rows = sheet_rows(export_demo_workbook, "Monthly")
    row = rows[row_starting(rows, "Total")]
    totals = Analysis.in_sql(plan).total()
    for position, metric in enumerate(Metric):
        assert _value(plan, metric, row[1 + 2 * position]) == totals.planned[metric]
        assert _value(plan, metric, row[2 + 2 * position]) == totals.actual[metric]


def test_actuals_planned_and_actual_equal_the_plans_values(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    rows = sheet_rows(export_demo_workbook, layout.ACTUALS_SHEET)
    header = row_starting(rows, *layout.ACTUALS_HEADERS)
    grids = {metric: plan.values.grid(metric) for metric in Metric}
    names = {i.id: i.name for i in plan.initiatives.list()}
    seen = set()
    for initiative, name, month, title, planned, actual in rows[header + 1 :]:
        key = (count(initiative), _month(month))
        metric = TITLES[title]
        assert name == names[key[0]]
        expected = grids[metric].get(key, (None, None))
        assert (_value(plan, metric, planned), _value(plan, metric, actual)) == expected
        seen.add((*key, metric))
    stored = {(*key, metric) for metric, grid in grids.items() for key in grid}
    assert stored <= seen  # every stored value has its row


def test_strike_zone_shares_equal_the_analysis(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    zone = strike_zone(Analysis.in_sql(plan))
    rows = sheet_rows(export_demo_workbook, "Strike zone")
    header = row_starting(rows, "Segment", "Tier")
    for item, row in zip(zone.segments, rows[header + 1 :], strict=False):
        assert row[0] == item.segment.name
        assert minor(plan.currency, row[3]) == item.budget
        assert row[4] == ratio(item.budget / zone.total_budget)
        assert minor(plan.currency, row[5]) == item.revenue_target
    core = rows[row_starting(rows, "Core")]
    assert minor(plan.currency, core[3]) == zone.budget_by_tier[Tier.CORE]
    assert core[4] == ratio(zone.budget_share_in_zone)


def test_the_raci_matrix_shows_each_role_under_its_person(export_demo_plan, export_demo_workbook):
    plan = export_demo_plan
    rows = sheet_rows(export_demo_workbook, "Roles")
    header = row_starting(rows, "Initiative")
    people = {p.name: p.id for p in plan.people.list()}
    columns = {n: people[name] for n, name in enumerate(rows[header]) if name in people}
    initiatives = {i.name: i.id for i in plan.initiatives.list()}
    shown = {
        (initiatives[row[0]], person): Role(row[n])
        for row in rows[header + 1 :]
        for n, person in columns.items()
        if row[n]
    }
    assert shown == {(a.initiative_id, a.person_id): a.role for a in plan.roles.all()}


def test_the_strike_zone_sheet_says_the_coverage_as_the_page_does(
    export_demo_plan, export_demo_workbook
):
    statement = strike_zone(Analysis.in_sql(export_demo_plan)).coverage_statement()
    cells = [cell for row in sheet_rows(export_demo_workbook, "Strike zone") for cell in row]
    assert statement in cells
