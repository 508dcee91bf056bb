"""One definition: for every grouping, the timeline chart and the workbook's Timeline sheet of
the demo plan show the lanes ``build_timeline`` built, in its order, with the same bars over
the same months, in its order."""

from __future__ import annotations

import datetime

import pytest
from timeline_surfaces import (
    chart_lanes,
    chart_texts,
    expected_on_chart,
    expected_on_sheet,
    sheet_lanes,
)

from planner.analysis import Analysis
from planner.charts import ChartOptions, build_chart
from planner.timeline import Grouping, build_timeline
from planner.workbook.export import ExportOptions, export_workbook

TODAY = datetime.date(2026, 3, 16)


@pytest.fixture(scope="module", params=list(Grouping), ids=str)
def surfaces(request, demo_plan, tmp_path_factory):
    """The demo plan's timeline by one grouping, its chart and its exported workbook."""
    grouping = request.param
    analysis = Analysis.in_sql(demo_plan, today=TODAY)
    timeline = build_timeline(demo_plan, grouping, analysis=analysis)
    figure = build_chart(analysis, "timeline", ChartOptions(grouping=grouping))
    workbook = export_workbook(
        demo_plan,
        tmp_path_factory.mktemp(f"agree-{grouping}") / "demo.xlsx",
        analysis=analysis,
        options=ExportOptions(timeline_grouping=grouping),
    )
    return timeline, figure, workbook


def test_the_chart_shows_the_timelines_lanes_and_bars(surfaces):
    timeline, figure, _workbook = surfaces

    assert chart_lanes(figure, timeline.months) == expected_on_chart(timeline)


def test_the_chart_titles_each_lane_as_the_timeline_does(surfaces):
    timeline, figure, _workbook = surfaces
    shown = [text.get_text() for text in chart_texts(figure)]

    titles = [f"{lane.title} ({len(lane.bars)})" for lane in timeline.lanes]
    assert [text for text in shown if text in titles] == titles


def test_the_sheet_shows_the_timelines_lanes_and_bars(surfaces):
    timeline, _figure, workbook = surfaces

    assert sheet_lanes(workbook) == expected_on_sheet(timeline)


def test_every_initiative_of_the_plan_is_on_both(surfaces, demo_plan):
    timeline, figure, workbook = surfaces
    ids = {initiative.id for initiative in demo_plan.initiatives.list()}
    names = {initiative.name for initiative in demo_plan.initiatives.list()}

    on_chart = {bar.key for lane in chart_lanes(figure, timeline.months) for bar in lane.bars}
    on_sheet = [bar.key for lane in sheet_lanes(workbook) for bar in lane.bars]
    assert on_chart == {f"initiative:{n}" for n in ids}
    assert sorted(on_sheet) == sorted(names)
