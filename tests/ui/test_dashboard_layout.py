"""Charts are drawn by the painter's thread and shown on the UI thread. A chart drawn again
after an edit borrows the layout of the figure it replaces (the same kind, at the same size
and dpi, laid out alike) instead of solving it again, and is laid out exactly once the user
pauses; another chart, size, structure, period or filter is laid out afresh. Nothing is
clipped or misplaced meanwhile: a borrowed layout of the same record draws the very pixels a
fresh one does."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from dashboard_support import bar_position, dashboard, settle
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner import Metric, Plan
from planner.charts import KINDS, chart_module
from planner.charts.options import ChartOptions
from planner.charts.style import ChartStyle
from ui.commands import Edit
from ui.pages.dashboard import layout_reuse, painter
from ui.pages.dashboard.chart_view import ChartView
from ui.pages.dashboard.painter import Request, fit, paint

__all__ = ["dashboard"]  # a fixture (see dashboard_support)

YEAR = ChartOptions(months=(202601, 202612))
Q2 = ChartOptions(months=(202604, 202606))  # no forecast beside the bars: 47 px wider axes
SIZE = (1280, 560)


@pytest.fixture
def plan(document) -> Plan:
    return document.plan


@pytest.fixture
def view(qtbot, qapp) -> ChartView:
    shown = ChartView()
    qtbot.addWidget(shown)
    shown.resize(*SIZE)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def record(plan: Plan, kind: str, options: ChartOptions = YEAR):
    return chart_module(kind).data(plan, options)


def chart(plan: Plan, kind: str, options: ChartOptions = YEAR) -> Figure:
    return chart_module(kind).draw(record(plan, kind, options), ChartStyle.for_plan(plan))


def laid_out_afresh(figure: Figure, width: int, height: int, ratio: float = 1.0) -> Figure:
    """``figure`` sized as a canvas of ``width`` x ``height`` sizes it, drawn (so laid out)
    on a canvas of its own."""
    fit(figure, width, height, ratio)
    FigureCanvasAgg(figure).draw()
    return figure


def request(plan: Plan, kind: str, options: ChartOptions = YEAR, **layout) -> Request:
    style = ChartStyle.for_plan(plan)
    return Request(0, 0, kind, record(plan, kind, options), style, *SIZE, **layout)


def positions(figure: Figure) -> list[tuple[float, ...]]:
    return [tuple(axes.get_position(original=True).bounds) for axes in figure.axes]


def assert_within_a_pixel(figure: Figure, expected: Figure) -> None:
    now, fresh = layout_reuse.capture(figure), layout_reuse.capture(expected)
    moved = layout_reuse.moved(now.pixels(), fresh.pixels())
    assert moved <= 1.0, f"axes {moved:.1f} pixels from where a fresh layout puts them"


def show(view: ChartView, qtbot, plan: Plan, kind: str, options=YEAR, **how) -> None:
    view.show_chart(kind, record(plan, kind, options), ChartStyle.for_plan(plan), **how)
    qtbot.waitUntil(lambda: not view.drawing, timeout=5000)


def pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)


# -- what is copied ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_borrowed_layout_draws_the_same_pixels_as_a_fresh_one(plan, kind):
    """Axes, super titles (which the layout moves) and outside legends (which it leaves
    be) all land where a fresh layout puts them."""
    fresh = paint(request(plan, kind))
    assert fresh.geometry is not None and not fresh.borrowed

    borrowed = paint(request(plan, kind, borrow=fresh.geometry))

    assert borrowed.borrowed and borrowed.figure is not None and fresh.figure is not None
    assert (pixels(borrowed.image) != pixels(fresh.image)).any(axis=2).sum() == 0
    assert [legend.get_window_extent().bounds for legend in borrowed.figure.legends] == [
        legend.get_window_extent().bounds for legend in fresh.figure.legends
    ]
    assert isinstance(borrowed.figure.get_layout_engine(), ConstrainedLayoutEngine)  # put back


def test_a_figure_laid_out_otherwise_does_not_fit_the_geometry(plan):
    geometry = layout_reuse.capture(laid_out_afresh(chart(plan, "revenue"), *SIZE), "revenue")
    empty = chart(Plan.in_memory(first_month="2026-01", months=12), "revenue")  # one panel
    fit(empty, *SIZE, 1.0)
    other_size = chart(plan, "revenue")
    fit(other_size, SIZE[0] - 100, SIZE[1], 1.0)
    same = chart(plan, "revenue", Q2)
    fit(same, *SIZE, 1.0)

    assert not geometry.fits("revenue", empty)
    assert not geometry.fits("revenue", other_size)
    assert not geometry.fits("budget", same)
    assert geometry.fits("revenue", same)


def test_a_polish_that_would_move_nothing_draws_nothing(plan):
    shown = paint(request(plan, "funnel"))

    polished = paint(request(plan, "funnel", polish=shown.geometry))

    assert polished.figure is None and polished.image is None
    assert polished.geometry == shown.geometry


def test_a_polish_lays_the_figure_out_afresh(plan):
    year = paint(request(plan, "revenue"))
    borrowed = paint(request(plan, "revenue", Q2, borrow=year.geometry))
    assert borrowed.borrowed

    polished = paint(request(plan, "revenue", Q2, polish=borrowed.geometry))

    assert polished.figure is not None and not polished.borrowed
    assert_within_a_pixel(polished.figure, laid_out_afresh(chart(plan, "revenue", Q2), *SIZE))


# -- on the canvas ------------------------------------------------------------------------


def test_a_chart_is_drawn_off_the_ui_thread_and_shown_on_it(view, plan, qtbot, monkeypatch):
    threads = []
    drawing = painter.paint

    def paint_and_tell(asked, *more):
        threads.append(("drawn", threading.current_thread()))
        return drawing(asked, *more)

    monkeypatch.setattr(painter, "paint", paint_and_tell)
    view.painted.connect(lambda: threads.append(("shown", threading.current_thread())))

    show(view, qtbot, plan, "revenue")

    main = threading.main_thread()
    assert [what for what, _thread in threads] == ["drawn", "shown"]
    assert threads[0][1] is not main
    assert threads[1][1] is main
    assert view.canvas.image.deviceIndependentSize().toSize() == QSize(*SIZE)


def test_a_newer_chart_supersedes_one_not_shown_yet(view, plan, qtbot):
    style = ChartStyle.for_plan(plan)
    shown = view.paintings

    for options in (YEAR, Q2, YEAR, Q2):
        view.show_chart("revenue", record(plan, "revenue", options), style)
    qtbot.waitUntil(lambda: not view.drawing, timeout=5000)
    qtbot.waitUntil(lambda: not painter.painter().busy, timeout=5000)
    QApplication.processEvents()  # anything the painter handed over

    assert view.paintings == shown + 1
    assert view.figure.axes[0].get_xlim()[1] < 4  # the three months of Q2


def test_a_chart_that_fails_to_draw_fails_on_the_ui_thread(view, plan, qtbot):
    style = ChartStyle.for_plan(plan)

    with qtbot.capture_exceptions() as raised:
        view.show_chart("no-such-chart", record(plan, "revenue"), style)
        qtbot.waitUntil(lambda: not view.drawing, timeout=5000)

    assert [kind for kind, *_ in raised] == [ValueError]
    assert "no chart kind" in str(raised[0][1])


def test_a_redraw_of_the_same_chart_borrows_the_layout_of_the_one_it_replaces(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")
    first = view.figure
    assert not view.layout_borrowed

    show(view, qtbot, plan, "revenue", Q2)

    assert view.layout_borrowed
    assert positions(view.figure) == positions(first)


def test_once_idle_the_borrowed_layout_is_solved_as_a_fresh_one(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")
    show(view, qtbot, plan, "revenue", Q2)
    shown = view.paintings

    qtbot.waitUntil(lambda: not view.layout_borrowed, timeout=5000)

    assert view.polishes == 1
    assert view.paintings == shown + 1  # the axes moved: shown again, once
    assert_within_a_pixel(view.figure, laid_out_afresh(chart(plan, "revenue", Q2), *SIZE))


def test_a_polish_that_moves_nothing_shows_nothing_new(view, plan, qtbot):
    show(view, qtbot, plan, "funnel")
    show(view, qtbot, plan, "funnel")
    assert view.layout_borrowed
    shown = view.paintings

    qtbot.waitUntil(lambda: not view.layout_borrowed, timeout=5000)

    assert view.polishes == 1
    assert view.paintings == shown


def test_further_redraws_put_the_polish_off(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")
    for _ in range(3):
        show(view, qtbot, plan, "revenue", Q2)
        assert view.layout_borrowed

    qtbot.waitUntil(lambda: not view.layout_borrowed, timeout=5000)
    assert view.polishes == 1


def test_another_chart_is_laid_out_afresh(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")

    show(view, qtbot, plan, "funnel")

    assert not view.layout_borrowed
    assert_within_a_pixel(view.figure, laid_out_afresh(chart(plan, "funnel"), *SIZE))


def test_a_layout_is_not_borrowed_when_asked_not_to(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")

    show(view, qtbot, plan, "revenue", Q2, reuse_layout=False)

    assert not view.layout_borrowed
    assert_within_a_pixel(view.figure, laid_out_afresh(chart(plan, "revenue", Q2), *SIZE))


def test_a_new_size_is_drawn_anew_and_laid_out_afresh(view, plan, qtbot):
    show(view, qtbot, plan, "revenue")
    show(view, qtbot, plan, "revenue", Q2)
    assert view.layout_borrowed
    shown = view.paintings

    view.resize(SIZE[0] - 200, SIZE[1] + 40)
    qtbot.waitUntil(lambda: view.paintings > shown and not view.drawing, timeout=5000)

    canvas = view.canvas
    assert not view.layout_borrowed
    assert canvas.image.deviceIndependentSize().toSize() == canvas.size()
    expected = laid_out_afresh(chart(plan, "revenue", Q2), canvas.width(), canvas.height())
    assert_within_a_pixel(view.figure, expected)


# -- on the Dashboard ---------------------------------------------------------------------


def change_revenue(document, initiative_id: int, month: int, planned: int) -> None:
    plan = document.plan
    before = plan.values.grid(Metric.REVENUE_WON)[(initiative_id, month)][0]
    document.run(
        Edit(
            "change revenue",
            do=lambda: plan.values.set(initiative_id, month, Metric.REVENUE_WON, planned=planned),
            undo=lambda: plan.values.set(initiative_id, month, Metric.REVENUE_WON, planned=before),
        )
    )


def click(page, key: str, qtbot) -> list[str]:
    view = page.charts.view()
    with qtbot.waitSignal(view.clicked) as clicked:
        QTest.mouseClick(
            view.canvas, Qt.MouseButton.LeftButton, pos=bar_position(page, key, "Planned")
        )
    return clicked.args


def test_an_edit_redraws_the_chart_in_its_layout_and_its_bars_answer_clicks(
    dashboard, document, qtbot
):
    view = dashboard.charts.view()
    first = positions(view.figure)

    change_revenue(document, 1, 202603, 9_000_000)
    settle(qtbot, dashboard)

    assert view.layout_borrowed
    assert positions(view.figure) == first
    assert click(dashboard, "month:202603", qtbot) == ["month:202603"]
    qtbot.waitUntil(lambda: not view.layout_borrowed, timeout=5000)
    assert click(dashboard, "month:202605", qtbot) == ["month:202605"]


def test_a_new_period_is_laid_out_afresh_on_the_dashboard(dashboard, qtbot):
    dashboard.filters.choose_period("q2")
    settle(qtbot, dashboard)

    view = dashboard.charts.view()
    assert not view.layout_borrowed
    assert dashboard.charts.record().months == (202604, 202605, 202606)
