"""The budget chart draws the month and channel roll-ups of spend, and says how much of the
budget is used."""

from __future__ import annotations

from pathlib import Path

from planner.analysis import Analysis, Dimension, Filter, headline, progress
from planner.charts import ChartOptions, build_chart
from planner.charts import budget as chart
from planner.charts.style import ChartStyle
from planner.domain import Metric, Status

SHOTS = Path("/tmp/shots")
SPEND = Metric.SPEND


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-budget{name}.png")


def bars(axes, size="height"):
    """``{gid: size}`` of the planned (hatched) and of the actual bars."""
    planned, actual = {}, {}
    for patch in axes.patches:
        if patch.get_gid():
            value = patch.get_height() if size == "height" else patch.get_width()
            (planned if patch.get_hatch() else actual)[patch.get_gid()] = value
    return planned, actual


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def test_monthly_bars_are_the_month_rollups_of_spend(demo_plan):
    figure = drawn(demo_plan)
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")
    rows = {r.key: r.totals for r in Analysis.in_sql(demo_plan).rollup(Dimension.MONTH)}
    through = progress(Analysis.in_sql(demo_plan)).actuals_through
    planned, actual = bars(figure.axes[0])

    assert planned == {f"month:{m}": rows[m].planned[SPEND] for m in demo_plan.horizon.months()}
    assert actual == {
        f"month:{m}": rows[m].actual[SPEND] or 0 for m in demo_plan.horizon.months() if m <= through
    }


def test_channel_bars_compare_plan_and_spend_to_date_largest_plan_first(demo_plan):
    axes = drawn(demo_plan).axes[1]
    first = demo_plan.horizon.first
    through = progress(Analysis.in_sql(demo_plan)).actuals_through
    rows = Analysis.in_sql(demo_plan).rollup(Dimension.CHANNEL, months=(first, through))
    rows = [r for r in rows if not r.totals.empty]  # a channel with no spend has no bar
    planned, actual = bars(axes, "width")

    assert planned == {f"channel:{r.key}": r.totals.planned[SPEND] for r in rows}
    assert actual == {f"channel:{r.key}": r.totals.actual[SPEND] or 0 for r in rows}
    # Largest planned at the top: the y axis runs downwards through the plan's order.
    hatched = sorted((p for p in axes.patches if p.get_hatch()), key=lambda p: p.get_y())
    widths = [p.get_width() for p in hatched]
    assert widths == sorted(widths, reverse=True)
    assert (
        axes.get_yticklabels()[0].get_text()
        == max(rows, key=lambda r: r.totals.planned[SPEND]).label
    )
    assert "to Apr 2026" in axes.get_title(loc="left")


def test_title_says_how_much_of_the_budget_is_spent(demo_plan):
    figures = headline(Analysis.in_sql(demo_plan))
    spent = progress(Analysis.in_sql(demo_plan)).metrics[SPEND].actual_to_date
    budget = sum(i.budget for i in demo_plan.initiatives.list() if i.status != Status.DROPPED)
    short = demo_plan.currency.format_short

    title = drawn(demo_plan).get_suptitle().replace("\\$", "$")

    assert budget == figures.budget
    assert (
        title == f"Spent {short(spent)} of {short(budget)} budget ({round(100 * spent / budget)}%)"
    )


def test_a_channel_filter_narrows_bars_and_budget_to_that_channel(demo_plan):
    paid = demo_plan.channels.named("Paid").id
    where = Filter(channel_ids=[paid])
    figure = drawn(demo_plan, ChartOptions(where=where))
    save(figure, "-paid")
    rows = {
        r.key: r.totals for r in Analysis.in_sql(demo_plan).rollup(Dimension.MONTH, where=where)
    }
    planned, _actual = bars(figure.axes[0])
    channel_planned, _ = bars(figure.axes[1], "width")
    budget = sum(
        i.budget
        for i in demo_plan.initiatives.list()
        if i.channel_id == paid and i.status != Status.DROPPED
    )

    assert planned == {
        f"month:{m}": rows[m].planned[SPEND] if m in rows else 0 for m in demo_plan.horizon.months()
    }
    assert list(channel_planned) == [f"channel:{paid}"]
    assert f"of {demo_plan.currency.format_short(budget)} budget" in figure.get_suptitle().replace(
        "\\$", "$"
    )


def test_a_channel_the_lead_added_and_renamed_is_a_bar_under_its_name(no_actuals_plan):
    plan = no_actuals_plan
    podcasts = plan.channels.add(name="Podcasts").id
    webinar = plan.channels.named("Webinar").id
    (moved,) = [i.id for i in plan.initiatives.list() if i.channel_id == webinar]
    plan.initiatives.update(moved, channel_id=podcasts)
    plan.channels.update(podcasts, name="Podcasts & $pods$")

    axes = drawn(plan).axes[1]
    planned, _actual = bars(axes, "width")

    assert set(planned) == {f"channel:{podcasts}", f"channel:{plan.channels.named('Outbound').id}"}
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert "Podcasts & $pods$" in labels  # shown as written, not as maths


def test_a_month_range_limits_the_bars_to_those_months(demo_plan):
    planned, actual = bars(drawn(demo_plan, ChartOptions(months=(202603, 202606))).axes[0])
    assert list(planned) == [f"month:{m}" for m in (202603, 202604, 202605, 202606)]
    assert list(actual) == ["month:202603", "month:202604"]


def test_a_plan_without_actuals_draws_its_plan_and_says_no_actuals_yet(no_actuals_plan):
    figure = drawn(no_actuals_plan)
    save(figure, "-no-actuals")
    rows = Analysis.in_sql(no_actuals_plan).rollup(Dimension.CHANNEL)
    planned, actual = bars(figure.axes[1], "width")

    assert actual == {} and bars(figure.axes[0])[1] == {}
    assert planned == {f"channel:{r.key}": r.totals.planned[SPEND] for r in rows}
    assert "No actuals yet" in texts(figure)
    assert "no actuals yet" in figure.get_suptitle()


def test_a_plan_without_initiatives_says_so_instead_of_blank_axes(empty_plan):
    figure = build_chart(Analysis.in_sql(empty_plan), "budget")
    save(figure, "-empty")

    assert "No initiatives yet" in texts(figure)
    assert not any(axes.patches for axes in figure.axes)
