"""Native Excel charts (openpyxl.chart objects) drawn from cells of the workbook, so leadership
can restyle them and they follow the figures if someone edits them.

Colours are the app's (Okabe & Ito, colour-blind safe): planned in sky blue and dashed,
actual in solid blue, as on the dashboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.axis import DateAxis
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils.units import inch_to_EMU, pixels_to_EMU

if TYPE_CHECKING:
    from openpyxl.chart._chart import ChartBase
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

PLANNED = "56B4E9"
ACTUAL = "0072B2"
SECOND = "E69F00"
ROWS_PER_CHART = 15  # rows of the default height a chart covers on the Summary
GAP_PIXELS = 8  # between a chart and the next one beside or below it
ROW_POINTS = 15.0  # the default row height
TITLE_POINTS = 12  # a chart's title; programs draw it larger, which crowds a half-page chart


def line_by_month(
    ws: WriteOnlyWorksheet,
    *,
    title: str,
    months_column: int,
    first_column: int,
    last_column: int,
    header_row: int,
    last_row: int,
    number_format: str,
    names: tuple[str, ...] = (),
) -> LineChart:
    """A line per column from ``first_column`` to ``last_column`` over the months in
    ``months_column``, each named ``names`` or its title in ``header_row``; the first line
    is the plan."""
    chart = LineChart()
    _frame(chart, title)
    _add_series(chart, ws, first_column, last_column, header_row, last_row, names)
    chart.set_categories(
        Reference(ws, min_col=months_column, min_row=header_row + 1, max_row=last_row)
    )
    for position, series in enumerate(chart.series):
        line = series.graphicalProperties.line
        line.solidFill = PLANNED if position == 0 else ACTUAL
        line.width = 28_575  # 2.25 pt
        if position == 0:
            line.dashStyle = "dash"
        series.smooth = False
    chart.x_axis = DateAxis(crossAx=100)
    chart.x_axis.number_format = "mmm yy"
    chart.x_axis.majorTimeUnit = "months"
    chart.y_axis.crossAx = 500
    chart.y_axis.number_format = number_format
    _show_axes(chart)
    return chart


def columns(
    ws: WriteOnlyWorksheet,
    *,
    title: str,
    labels_column: int,
    first_column: int,
    last_column: int,
    header_row: int,
    last_row: int,
    number_format: str,
    colours: tuple[str, ...] = (PLANNED, ACTUAL),
) -> BarChart:
    """Clustered columns, one series per column (named by its title in ``header_row``),
    over the labels in ``labels_column``."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    _frame(chart, title)
    _add_series(chart, ws, first_column, last_column, header_row, last_row, ())
    chart.set_categories(
        Reference(ws, min_col=labels_column, min_row=header_row + 1, max_row=last_row)
    )
    for series, colour in zip(chart.series, colours, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.y_axis.number_format = number_format
    chart.gapWidth = 60
    _show_axes(chart)
    return chart


def _add_series(
    chart: ChartBase,
    ws: WriteOnlyWorksheet,
    first_column: int,
    last_column: int,
    header_row: int,
    last_row: int,
    names: tuple[str, ...],
) -> None:
    for position, column in enumerate(range(first_column, last_column + 1)):
        if position < len(names):
            values = Reference(ws, min_col=column, min_row=header_row + 1, max_row=last_row)
            chart.series.append(Series(values, title=names[position]))
        else:
            values = Reference(ws, min_col=column, min_row=header_row, max_row=last_row)
            chart.add_data(values, titles_from_data=True)


def place_over(
    ws: WriteOnlyWorksheet,
    chart: ChartBase,
    *,
    columns: tuple[int, int],
    rows: tuple[int, int],
    last_width: float,
) -> None:
    """Put ``chart`` over the cells of ``columns`` and ``rows`` (first and last, 1-based;
    ``last_width`` is the last column's width in units), a little short of the last ones.

    Anchored to cells, the chart takes their size in whichever program opens the file, so
    it stays within the columns of its printed page (a chart sized in centimetres runs past
    them where columns print narrower). The gap is measured in Excel's pixels (7 to a unit),
    which no program prints narrower."""
    anchor = TwoCellAnchor()
    anchor._from = AnchorMarker(col=columns[0] - 1, row=rows[0] - 1)
    anchor.to = AnchorMarker(
        col=columns[1] - 1,
        colOff=pixels_to_EMU(max(0, int(last_width * 7) - GAP_PIXELS)),
        row=rows[1] - 1,
        rowOff=inch_to_EMU(ROW_POINTS / 72) - pixels_to_EMU(GAP_PIXELS),
    )
    ws.add_chart(chart, anchor)


def _frame(chart: ChartBase, title: str) -> None:
    bold = CharacterProperties(sz=TITLE_POINTS * 100, b=True)
    line = Paragraph(pPr=ParagraphProperties(defRPr=bold), r=[RegularTextRun(rPr=bold, t=title)])
    chart.title = Title(tx=Text(rich=RichText(p=[line])), overlay=False)
    chart.legend.position = "b"
    chart.style = 2
    # Room for the axis labels inside the frame (LibreOffice crowds them otherwise).
    chart.plot_area.layout = Layout(manualLayout=ManualLayout(x=0.08, y=0.12, w=0.9, h=0.68))


def _show_axes(chart: ChartBase) -> None:
    # openpyxl 3.1 leaves ``delete`` unset, and recent Excel then hides both axes.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
