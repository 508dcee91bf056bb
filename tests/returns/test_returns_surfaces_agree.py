"""What each dollar returns has one definition: the Dashboard's returns chart, ``smarketing
summary`` and the workbook's Returns sheet show returns_by's figures for the same grouping;
"—" where nothing divides; a hostile channel name shown as written on each."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from planner import Plan
from planner.analysis import Analysis, Dimension
from planner.analysis.returns import returns_by
from planner.charts import ChartOptions, build_chart, chart_data
from planner.charts.returns import ReturnsChoice
from planner.cli.summary import returns_data, summary_text
from planner.domain import Metric
from planner.returns_figures import FIGURES, NONE_SHOWN, Unit
from planner.services.values import Kind, ValueEntry
from planner.workbook.export import export_workbook
from planner.workbook.export.returns_sheet import sheet_figures

MID_YEAR = datetime.date(2026, 7, 10)  # June 2026 is the last closed month
HOSTILE = "=SUM(A1) <b>$x^2$</b>"


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Plan]:
    with Plan.open(demo_path) as plan:
        plan.settings.update(gross_margin="75%")
        yield plan


@pytest.fixture
def analysis(demo: Plan) -> Analysis:
    return Analysis.in_sql(demo, today=MID_YEAR)


def workbook_rows(plan: Plan, analysis: Analysis, folder: Path) -> dict[str, dict[str, object]]:
    """The Returns sheet's channel rows: per channel's name, each header's cells by
    "<figure label> planned" / "<figure label> actual"."""
    path = export_workbook(plan, folder / "returns.xlsx", analysis=analysis)
    sheet = openpyxl.load_workbook(path)["Returns"]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(n for n, row in enumerate(rows) if row[0] == "By channel")
    titles, kinds = rows[start - 2], rows[start - 1]
    names, title = [], None
    for column, kind in enumerate(kinds):
        title = titles[column] or title
        names.append(f"{title} {str(kind).lower()}" if kind else None)
    found: dict[str, dict[str, object]] = {}
    for row in rows[start + 1 :]:
        if row[0] is None:
            break
        found[str(row[0])] = {name: value for name, value in zip(names, row, strict=False) if name}
    return found


def money_cell(minor: int | None) -> object:
    return NONE_SHOWN if minor is None else minor / 100


def test_the_chart_shows_returns_bys_figures_for_each_grouping_and_figure(analysis):
    for by in (Dimension.CHANNEL, Dimension.OWNER, Dimension.TIER):
        rows = {
            f"{by.value}:{'none' if r.key is None else r.key}": r for r in returns_by(analysis, by)
        }
        for figure in FIGURES:
            options = ChartOptions(returns=ReturnsChoice(figure.name, by))

            record = chart_data(analysis, "returns", options)

            assert record.bars, (by, figure.name)
            for bar in record.bars:
                row = rows[bar.key]
                assert (bar.label, bar.planned, bar.actual) == (
                    row.label,
                    figure.of(row.planned),
                    figure.of(row.actual),
                )


def test_the_summary_shows_returns_bys_figures_by_channel(analysis, demo):
    rows = returns_by(analysis, Dimension.CHANNEL)

    groups = returns_data(analysis, "channel")["groups"]

    assert [g["label"] for g in groups] == [r.label for r in rows]
    for group, row in zip(groups, rows, strict=True):
        for kind, returns in (("planned", row.planned), ("actual", row.actual)):
            for figure in FIGURES:
                value = figure.of(returns)
                shown = group[kind][figure.name]
                if value is None:
                    assert shown is None
                elif figure.unit is Unit.MONEY:
                    assert Decimal(shown) == demo.currency.to_decimal(int(value))
                else:
                    assert shown == round(value, 4)


def test_the_dashboard_chart_the_summary_and_the_workbook_agree_by_channel(
    analysis, demo, tmp_path
):
    currency = demo.currency
    chart = {
        bar.label: bar
        for bar in chart_data(
            analysis, "returns", ChartOptions(returns=ReturnsChoice("cost_per_mql"))
        ).bars
    }
    summary = {g["label"]: g for g in returns_data(analysis, "channel")["groups"]}
    sheet = workbook_rows(demo, analysis, tmp_path)

    assert set(sheet) == {*chart, "Total"}
    for label, cells in sheet.items():
        if label == "Total":
            continue
        planned = chart[label].planned
        assert cells["Cost per MQL planned"] == money_cell(planned)
        assert summary[label]["planned"]["cost_per_mql"] == (
            None if planned is None else str(currency.to_decimal(planned))
        )
        for figure in sheet_figures(0.75):
            for kind in ("planned", "actual"):
                value = summary[label][kind][figure.name]
                cell = cells[f"{figure.label} {kind}"]
                if value is None:
                    assert cell == NONE_SHOWN
                elif figure.unit is Unit.MONEY:
                    assert Decimal(str(cell)) == Decimal(value)
                else:
                    assert cell == pytest.approx(value, abs=5e-5)


# -- nothing to divide by, and names as written -------------------------------------------------


@pytest.fixture
def odd_plan() -> Iterator[Plan]:
    """A channel named to look like a formula, markup and maths, whose one initiative spends
    but has no funnel; and an initiative of another channel that spends nothing."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    hostile = plan.channels.add(name=HOSTILE).id
    spender = plan.initiatives.add(
        name="<i>Spend</i> with no funnel",
        channel_id=hostile,
        start_month="2026-01",
        end_month="2026-12",
    ).id
    plan.initiatives.add(
        name="Free", channel_id=plan.channels.named("Content").id, start_month="2026-01"
    )
    plan.values.set_many(
        [ValueEntry(spender, 202601, Metric.SPEND, Kind.PLANNED, 500_000)]
        + [ValueEntry(spender, 202601, m, Kind.PLANNED, 0) for m in (Metric.MQL, Metric.LEADS)]
    )
    yield plan
    plan.close()


def test_no_mqls_shows_a_dash_on_the_chart_in_the_summary_and_in_the_workbook(odd_plan, tmp_path):
    analysis = Analysis.in_sql(odd_plan, today=MID_YEAR)
    options = ChartOptions(returns=ReturnsChoice("cost_per_mql"))

    record = chart_data(analysis, "returns", options)
    figure = build_chart(analysis, "returns", options)
    text = summary_text(analysis, "channel")
    sheet = workbook_rows(odd_plan, analysis, tmp_path)

    assert [(bar.label, bar.planned, bar.actual) for bar in record.bars] == [(HOSTILE, None, None)]
    assert NONE_SHOWN in [t.get_text() for axes in figure.axes for t in axes.texts]
    assert record.headline == f"Cost per MQL: planned {NONE_SHOWN}; no actuals yet"
    line = next(line for line in text.splitlines() if line.startswith("Cost per MQL"))
    assert line.split()[-2:] == [NONE_SHOWN, NONE_SHOWN]
    assert sheet[HOSTILE]["Cost per MQL planned"] == NONE_SHOWN
    assert sheet[HOSTILE]["Marketing CAC planned"] == NONE_SHOWN  # no deals planned
    assert sheet[HOSTILE]["Spend planned"] == 5_000


def test_a_hostile_channel_name_is_shown_as_written_on_every_surface(odd_plan, tmp_path):
    analysis = Analysis.in_sql(odd_plan, today=MID_YEAR)
    options = ChartOptions(returns=ReturnsChoice("cost_per_lead"))

    figure = build_chart(analysis, "returns", options)
    text = summary_text(analysis, "channel")
    path = export_workbook(odd_plan, tmp_path / "odd.xlsx", analysis=analysis)

    labels = [t.get_text() for axes in figure.axes for t in axes.get_yticklabels()]
    assert HOSTILE in labels
    assert any(line.startswith(HOSTILE) for line in text.splitlines())
    sheet = openpyxl.load_workbook(path)["Returns"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == HOSTILE]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
