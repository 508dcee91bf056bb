"""A chart drawn again into the Figure that shows it (the dashboard after an edit) is the very
picture a new Figure of the same record gives, pixel for pixel; and a value edit takes that
path, keeping the Figure, while a record of another shape gets a new one."""

from __future__ import annotations

import numpy as np
import pytest
from chart_edits import scale_a_value
from matplotlib.backends.backend_agg import FigureCanvasAgg

from planner.charts import KINDS, ChartOptions, chart_module
from planner.charts.redraw import shape
from planner.charts.style import ChartStyle

# The app's chart at 1280x800: 1240 x 560 pixels at the dots per inch fitting 8 x 4.2 in.
SIZE, DPI = (1240, 560), 1240 / 8


def pixels(figure) -> np.ndarray:
    figure.set_dpi(DPI)
    figure.set_size_inches(SIZE[0] / DPI, SIZE[1] / DPI)
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else None
    canvas = canvas or FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("factor", [1.1, 0.9, 1.25])
def test_a_value_edit_redraws_in_place_the_picture_a_new_figure_gives(
    edited_demo, edited_analysis, kind, factor
):
    module, style, options = chart_module(kind), ChartStyle(edited_demo.currency), ChartOptions()
    before = module.data(edited_analysis, options)
    shown = module.draw(before, style)
    pixels(shown)
    scale_a_value(edited_demo, kind, factor)
    after = module.data(edited_analysis, options)
    assert after != before and shape(after) == shape(before)

    redrawn = module.draw(after, style, into=shown)

    assert redrawn is shown
    assert np.array_equal(pixels(redrawn), pixels(module.draw(after, style)))


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_chart_redrawn_twice_in_place_still_matches_a_new_one(edited_demo, edited_analysis, kind):
    module, style, options = chart_module(kind), ChartStyle(edited_demo.currency), ChartOptions()
    shown = module.draw(module.data(edited_analysis, options), style)
    pixels(shown)
    for factor in (2.0, 0.7):
        scale_a_value(edited_demo, kind, factor)
        shown = module.draw(module.data(edited_analysis, options), style, into=shown)
        pixels(shown)
    after = module.data(edited_analysis, options)
    assert np.array_equal(pixels(shown), pixels(module.draw(after, style)))


@pytest.mark.parametrize("kind", ["revenue", "budget", "handoff"])
def test_a_chart_over_other_months_gets_a_new_figure(edited_demo, edited_analysis, kind):
    module, style = chart_module(kind), ChartStyle(edited_demo.currency)
    months = edited_demo.horizon.months()
    shown = module.draw(module.data(edited_analysis, ChartOptions()), style)
    pixels(shown)
    fewer = module.data(edited_analysis, ChartOptions(months=(months[0], months[2])))

    assert module.draw(fewer, style, into=shown) is not shown


def test_a_value_that_turns_a_month_into_a_miss_gets_a_new_figure(edited_demo, edited_analysis):
    module, style = chart_module("handoff"), ChartStyle(edited_demo.currency)
    before = module.data(edited_analysis, ChartOptions())
    shown = module.draw(before, style)
    scale_a_value(edited_demo, "handoff", 0.4)
    after = module.data(edited_analysis, ChartOptions())
    assert after.mqls_met != before.mqls_met

    assert module.draw(after, style, into=shown) is not shown


def test_a_figure_drawn_in_another_style_is_not_drawn_into(edited_demo, edited_analysis):
    module = chart_module("revenue")
    record = module.data(edited_analysis, ChartOptions())
    light = module.draw(record, ChartStyle(edited_demo.currency))

    assert module.draw(record, ChartStyle(edited_demo.currency, dark=True), into=light) is not light
