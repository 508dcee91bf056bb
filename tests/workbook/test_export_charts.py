"""Native Excel charts on the Summary, Monthly and Returns sheets, drawn from the workbook's
own cells; the app's chart pictures only when asked for."""

from __future__ import annotations

import re
import zipfile

import pytest
from export_support import zip_names

from planner.analysis import Analysis
from planner.charts import KINDS
from planner.workbook.export import ExportOptions, export_workbook


def _chart_xml(path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [
            archive.read(name).decode("utf-8")
            for name in sorted(archive.namelist())
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        ]


def test_the_summary_has_three_native_charts(export_demo_openpyxl):
    charts = export_demo_openpyxl["Summary"]._charts
    kinds = sorted(type(chart).__name__ for chart in charts)
    assert kinds == ["BarChart", "BarChart", "LineChart"]


def test_the_monthly_sheet_has_a_native_line_chart(export_demo_openpyxl):
    charts = export_demo_openpyxl["Monthly"]._charts
    assert [type(chart).__name__ for chart in charts] == ["LineChart"]


def test_the_returns_sheet_has_a_native_column_chart(export_demo_openpyxl):
    charts = export_demo_openpyxl["Returns"]._charts
    assert [type(chart).__name__ for chart in charts] == ["BarChart"]


def test_charts_draw_from_cells_of_the_workbook(export_demo_workbook):
    charts = _chart_xml(export_demo_workbook)
    assert len(charts) == 5
    for xml in charts:
        references = re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", xml)
        assert references, "a chart with no cell references"
        assert all(re.match(r"'?(Summary|Monthly|Returns)'?!\$?[A-Z]", ref) for ref in references)


def test_no_chart_pictures_without_the_option(export_demo_workbook):
    assert not [name for name in zip_names(export_demo_workbook) if name.startswith("xl/media/")]


@pytest.mark.slow
def test_chart_pictures_come_on_a_charts_sheet_with_the_option(export_demo_plan, tmp_path):
    path = export_workbook(
        export_demo_plan, tmp_path / "pictures.xlsx", options=ExportOptions(chart_images=True)
    )
    pictures = [name for name in zip_names(path) if name.startswith("xl/media/")]
    assert len(pictures) == len(KINDS)
    assert all(name.endswith(".png") for name in pictures)
    import openpyxl

    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[1] == "Charts"
    assert len(wb["Charts"]._images) == len(KINDS)
    assert len(_chart_xml(path)) == 5  # the native charts are still there


@pytest.mark.slow
def test_pictures_drawn_beforehand_are_embedded_as_given(export_demo_plan, tmp_path):
    from planner.workbook.export.images import draw_pictures

    pictures = draw_pictures(Analysis.in_sql(export_demo_plan))
    path = export_workbook(
        export_demo_plan,
        tmp_path / "given.xlsx",
        options=ExportOptions(chart_images=True, pictures=pictures),
    )

    with zipfile.ZipFile(path) as archive:
        embedded = sorted(
            archive.read(name) for name in archive.namelist() if name.startswith("xl/media/")
        )
    assert embedded == sorted(png for _kind, png in pictures)
