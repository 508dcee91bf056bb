"""A chart painted in layers (planner.charts.redraw.Layers: the still ticks and labels kept,
the rest drawn over them) is the very picture a full draw gives, pixel for pixel, whether the
still layer was kept or drawn again; and an edit that leaves the limits alone keeps it."""

from __future__ import annotations

import numpy as np
import pytest
from chart_edits import scale_a_value
from matplotlib.backends.backend_agg import FigureCanvasAgg

from planner.charts import KINDS, ChartOptions, chart_module
from planner.charts.redraw import Layers
from planner.charts.style import ChartStyle

SIZE, DPI = (1240, 560), 1240 / 8


class CountingCanvas(FigureCanvasAgg):
    """An Agg canvas painted by Layers, counting the full draws (the still layer drawn)."""

    def __init__(self, figure) -> None:
        super().__init__(figure)
        self.layers = Layers()
        self.full_draws = 0

    def paint(self) -> np.ndarray:
        figure = self.figure
        figure.set_dpi(DPI)
        figure.set_size_inches(SIZE[0] / DPI, SIZE[1] / DPI)
        whole = type(figure).draw

        def counted(renderer) -> None:
            self.full_draws += 1
            whole(figure, renderer)

        figure.draw = counted
        try:
            self.layers.paint(self)
        finally:
            del figure.draw
        return np.asarray(self.buffer_rgba()).copy()


def full_draw(figure) -> np.ndarray:
    """The picture of ``figure`` drawn whole, on a canvas of its own."""
    figure.set_dpi(DPI)
    figure.set_size_inches(SIZE[0] / DPI, SIZE[1] / DPI)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_chart_painted_in_layers_is_the_picture_of_a_full_draw(
    edited_demo, edited_analysis, kind
):
    module, style = chart_module(kind), ChartStyle(edited_demo.currency)
    record = module.data(edited_analysis, ChartOptions())
    canvas = CountingCanvas(module.draw(record, style))

    assert np.array_equal(canvas.paint(), full_draw(module.draw(record, style)))


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("factor", [1.001, 0.9, 1.5, 3.0])
def test_an_edit_painted_in_layers_is_the_picture_of_a_full_draw(
    edited_demo, edited_analysis, kind, factor
):
    module, style, options = chart_module(kind), ChartStyle(edited_demo.currency), ChartOptions()
    shown = module.draw(module.data(edited_analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(edited_demo, kind, factor)
    after = module.data(edited_analysis, options)
    redrawn = module.draw(after, style, into=shown)
    if redrawn is not shown:  # a record of another shape (a month now missed): a new Figure
        redrawn.set_canvas(canvas)
        canvas.figure = redrawn

    assert np.array_equal(canvas.paint(), full_draw(module.draw(after, style)))


# The attainment and strike-zone axes end at their largest share, which any edit moves.
@pytest.mark.parametrize("kind", ["revenue", "funnel", "budget", "handoff"])
def test_an_edit_that_keeps_the_limits_keeps_the_still_layer(edited_demo, edited_analysis, kind):
    module, style, options = chart_module(kind), ChartStyle(edited_demo.currency), ChartOptions()
    shown = module.draw(module.data(edited_analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(edited_demo, kind, 1.001)  # a tweak: the same ticks and labels
    module.draw(module.data(edited_analysis, options), style, into=shown)

    canvas.paint()

    assert canvas.full_draws == 1


def test_an_edit_that_moves_the_limits_draws_the_still_layer_again(edited_demo, edited_analysis):
    module, style, options = (
        chart_module("revenue"),
        ChartStyle(edited_demo.currency),
        ChartOptions(),
    )
    shown = module.draw(module.data(edited_analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(edited_demo, "revenue", 40.0)  # a month far above the rest
    module.draw(module.data(edited_analysis, options), style, into=shown)

    canvas.paint()

    assert canvas.full_draws == 2


def test_a_new_figure_on_the_canvas_draws_its_still_layer(edited_demo, edited_analysis):
    style = ChartStyle(edited_demo.currency)
    canvas = CountingCanvas(
        chart_module("revenue").draw(
            chart_module("revenue").data(edited_analysis, ChartOptions()), style
        )
    )
    canvas.paint()
    funnel = chart_module("funnel").draw(
        chart_module("funnel").data(edited_analysis, ChartOptions()), style
    )
    funnel.set_canvas(canvas)
    canvas.figure = funnel

    assert np.array_equal(
        canvas.paint(),
        full_draw(
            chart_module("funnel").draw(
                chart_module("funnel").data(edited_analysis, ChartOptions()), style
            )
        ),
    )
    assert canvas.full_draws == 2
