"""The attainment chart ranks revenue won actual ÷ planned to date from the initiative, owner
and team roll-ups, marks ahead and behind by colour and by a printed percentage, and leaves
out (and counts) initiatives with nothing planned to date."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.colors import to_hex

from planner.analysis import Analysis, Dimension, Filter, progress
from planner.charts import ChartOptions, build_chart
from planner.charts import attainment as chart
from planner.charts.style import AHEAD, BEHIND, ChartStyle
from planner.domain import Metric

SHOTS = Path("/tmp/shots")
REVENUE = Metric.REVENUE_WON


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-attainment{name}.png")


def panel(figure, title):
    return next(axes for axes in figure.axes if axes.get_title(loc="left").startswith(title))


def bars(axes):
    """``{gid: width}`` of the bars, top to bottom."""
    drawn = sorted((p for p in axes.patches if p.get_gid()), key=lambda p: p.get_y())
    return {p.get_gid(): p.get_width() for p in drawn}


def expected(plan, by, months, where=None):
    """``{key: actual ÷ planned}`` from the roll-up, for rows with revenue planned, best first."""
    found = {}
    for row in Analysis.in_sql(plan).rollup(by, months=months, where=where):
        planned, actual = row.totals.planned[REVENUE], row.totals.actual[REVENUE] or 0
        if planned:
            key = "none" if row.key is None else row.key
            found[f"{by.value}:{key}"] = actual / planned
    return dict(sorted(found.items(), key=lambda item: -item[1]))


def to_date(plan):
    return (plan.horizon.first, progress(Analysis.in_sql(plan)).actuals_through)


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def test_initiative_bars_are_actual_over_planned_revenue_to_date_best_first(demo_plan):
    figure = drawn(demo_plan, ChartOptions(top=20))
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")
    want = expected(demo_plan, Dimension.INITIATIVE, to_date(demo_plan))
    got = bars(panel(figure, "By initiative"))

    assert list(got) == list(want)
    assert got == pytest.approx(want)


@pytest.mark.parametrize(
    ("title", "by"), [("By owner", Dimension.OWNER), ("By team", Dimension.TEAM)]
)
def test_owner_and_team_bars_are_their_rollups_attainment(demo_plan, title, by):
    got = bars(panel(drawn(demo_plan), title))
    want = expected(demo_plan, by, to_date(demo_plan))

    assert got == pytest.approx(want)
    assert list(got) == list(want)


def test_bars_are_coloured_ahead_or_behind_and_print_their_percentage(demo_plan):
    axes = panel(drawn(demo_plan, ChartOptions(top=20)), "By initiative")
    labels = [t.get_text() for t in axes.texts]

    for patch in (p for p in axes.patches if p.get_gid()):
        colour = AHEAD if patch.get_width() >= 1 else BEHIND
        assert to_hex(patch.get_facecolor()) == colour.lower()
        assert f"{round(100 * patch.get_width())}%" in labels
    # The 100% reference line.
    assert any(list(line.get_xdata()) == [1.0, 1.0] for line in axes.get_lines())


def test_only_the_top_and_bottom_n_are_drawn_with_the_count_between(demo_plan):
    want = list(expected(demo_plan, Dimension.INITIATIVE, to_date(demo_plan)))
    figure = drawn(demo_plan, ChartOptions(top=3))
    save(figure, "-top3")
    axes = panel(figure, "By initiative")

    assert list(bars(axes)) == want[:3] + want[-3:]
    assert f"… {len(want) - 6} more …" in [t.get_text() for t in axes.texts]


def test_initiatives_with_nothing_planned_to_date_are_counted_in_a_footnote(demo_plan):
    ranked = expected(demo_plan, Dimension.INITIATIVE, to_date(demo_plan))
    left_out = len(demo_plan.initiatives.list()) - len(ranked)
    figure = drawn(demo_plan)

    assert left_out > 0
    assert figure.get_supxlabel() == (
        f"{left_out} initiatives with no revenue planned to date not shown"
    )


def test_a_month_range_and_a_filter_narrow_what_is_compared(demo_plan):
    where = Filter(teams=["Marketing"])
    options = ChartOptions(months=(202603, 202612), where=where, top=20)
    figure = drawn(demo_plan, options)
    save(figure, "-marketing-from-mar")
    want = expected(demo_plan, Dimension.INITIATIVE, (202603, to_date(demo_plan)[1]), where)

    assert bars(panel(figure, "By initiative")) == pytest.approx(want)
    assert list(bars(panel(figure, "By team"))) == ["team:Marketing"]


def test_long_initiative_names_are_cut_to_24_characters_and_an_ellipsis(demo_plan):
    axes = panel(drawn(demo_plan, ChartOptions(top=20)), "By initiative")
    names = {i.name for i in demo_plan.initiatives.list()}
    labels = [t.get_text() for t in axes.get_yticklabels()]

    assert all(len(label) <= 25 for label in labels)
    cut = [label for label in labels if label.endswith("…")]
    assert cut and all(any(name.startswith(label[:-1]) for name in names) for label in cut)
    assert chart.short_name("x" * 24) == "x" * 24
    assert chart.short_name("x" * 30) == "x" * 24 + "…"


def test_a_plan_without_actuals_says_no_actuals_yet(no_actuals_plan):
    figure = build_chart(Analysis.in_sql(no_actuals_plan), "attainment")
    save(figure, "-no-actuals")

    assert "No actuals yet" in texts(figure)
    assert not any(axes.patches for axes in figure.axes)


def test_a_plan_without_initiatives_says_so_instead_of_blank_axes(empty_plan):
    figure = build_chart(Analysis.in_sql(empty_plan), "attainment")
    save(figure, "-empty")

    assert "No initiatives yet" in texts(figure)
    assert not any(axes.patches for axes in figure.axes)
