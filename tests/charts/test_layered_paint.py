"""A chart painted in layers (planner.charts.redraw.Layers: the still ticks and labels kept,
the rest drawn over them) is the very picture a full draw gives, pixel for pixel, whether the
still layer was kept or drawn again; and an edit that leaves the limits alone keeps it."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from planner.analysis import Analysis
from planner.charts import KINDS, ChartOptions, chart_module
from planner.charts.redraw import Layers
from planner.charts.style import ChartStyle
from planner.domain import Metric
from planner.plan import Plan

SIZE, DPI = (1240, 560), 1240 / 8
EDITED = {
    "revenue": (Metric.REVENUE_WON, "planned"),
    "funnel": (Metric.MQL, "planned"),
    "attainment": (Metric.REVENUE_WON, "actual"),
    "strike-zone": (Metric.REVENUE_WON, "planned"),
    "budget": (Metric.SPEND, "planned"),
    "handoff": (Metric.MQL, "actual"),
}


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


def scale_a_value(plan: Plan, metric: Metric, side: str, factor: float) -> None:
    for (initiative, month), (planned, actual) in sorted(plan.values.grid(metric).items()):
        value = planned if side == "planned" else actual
        if value:
            plan.values.set(initiative, month, metric, **{side: round(value * factor)})
            return
    raise AssertionError(f"the demo plan has no {side} {metric}")


@pytest.fixture
def plan(demo_path):
    plan = Plan.open(demo_path)
    yield plan
    plan.close()


@pytest.fixture
def analysis(plan):
    return Analysis.in_sql(plan)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_chart_painted_in_layers_is_the_picture_of_a_full_draw(plan, analysis, kind):
    module, style = chart_module(kind), ChartStyle(plan.currency)
    record = module.data(analysis, ChartOptions())
    canvas = CountingCanvas(module.draw(record, style))

    assert np.array_equal(canvas.paint(), full_draw(module.draw(record, style)))


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("factor", [1.001, 0.9, 1.5, 3.0])
def test_an_edit_painted_in_layers_is_the_picture_of_a_full_draw(plan, analysis, kind, factor):
    module, style, options = chart_module(kind), ChartStyle(plan.currency), ChartOptions()
    shown = module.draw(module.data(analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(plan, *EDITED[kind], factor)
    after = module.data(analysis, options)
    redrawn = module.draw(after, style, into=shown)
    if redrawn is not shown:  # a record of another shape (a month now missed): a new Figure
        redrawn.set_canvas(canvas)
        canvas.figure = redrawn

    assert np.array_equal(canvas.paint(), full_draw(module.draw(after, style)))


# The attainment and strike-zone axes end at their largest share, which any edit moves.
@pytest.mark.parametrize("kind", ["revenue", "funnel", "budget", "handoff"])
def test_an_edit_that_keeps_the_limits_keeps_the_still_layer(plan, analysis, kind):
    module, style, options = chart_module(kind), ChartStyle(plan.currency), ChartOptions()
    shown = module.draw(module.data(analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(plan, *EDITED[kind], 1.001)  # a tweak: the same ticks and labels
    module.draw(module.data(analysis, options), style, into=shown)

    canvas.paint()

    assert canvas.full_draws == 1


def test_an_edit_that_moves_the_limits_draws_the_still_layer_again(plan, analysis):
    module, style, options = chart_module("revenue"), ChartStyle(plan.currency), ChartOptions()
    shown = module.draw(module.data(analysis, options), style)
    canvas = CountingCanvas(shown)
    canvas.paint()
    scale_a_value(plan, Metric.REVENUE_WON, "planned", 40.0)  # a month far above the rest
    module.draw(module.data(analysis, options), style, into=shown)

    canvas.paint()

    assert canvas.full_draws == 2


def test_a_new_figure_on_the_canvas_draws_its_still_layer(plan, analysis):
    style = ChartStyle(plan.currency)
    canvas = CountingCanvas(
        chart_module("revenue").draw(chart_module("revenue").data(analysis, ChartOptions()), style)
    )
    canvas.paint()
    funnel = chart_module("funnel").draw(
        chart_module("funnel").data(analysis, ChartOptions()), style
    )
    funnel.set_canvas(canvas)
    canvas.figure = funnel

    assert np.array_equal(
        canvas.paint(),
        full_draw(
            chart_module("funnel").draw(
                chart_module("funnel").data(analysis, ChartOptions()), style
            )
        ),
    )
    assert canvas.full_draws == 2
