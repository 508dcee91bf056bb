"""The Timeline page on the large plan, in the app window: its first paint, a scroll frame, a
drag's preview frame and a dropped move, each from the user's action to the frame drawn.

- ``first_show``: from asking the window for the page (Ctrl+7) to the end of the first
  paint of its timeline: the page's modules loaded, the page built, the timeline built and
  drawn. Once a process: ``run.py`` runs several.
- ``scroll``: a wheel-sized scroll (three rows) down and, at the quarter zoom, a month
  sideways, each then painted (``repaint``: the frame drawn before the call returns).
- ``preview``: a bar's end held and dragged a month at a time, each mouse move then painted
  (most steps change the preview, the dearer case).
- ``drop``: a bar's end dragged a month and let go, until the page has drawn it where the
  plan now has it: the move saved with its planned values (one undo step), the timeline
  built again, the frame painted.

The step works on a copy of the plan with one initiative added that can be moved (see
:func:`prepare`). The findings are checked again once edits pause; its timer is set long
enough never to fire inside a timed drop (the edit-refresh step measures that recheck).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/timeline_run.py PLAN SETTINGS ROUNDS
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from child import report
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_steps import Paints, first_show, open_window, settle

from planner import Metric, Plan
from planner import months as month_math
from planner.analysis import Analysis
from planner.services.values import Kind, ValueEntry
from planner.timeline import ValuesOnMove
from ui.app import make_application
from ui.findings import watcher
from ui.pages.catalogue import DASHBOARD, TIMELINE

if TYPE_CHECKING:  # the page's modules load when it is first shown, as in the app
    from ui.pages.timeline.page import TimelinePage

watcher.PAUSE_MS = 600_000  # see above
WHEEL_ROWS = 3
SWING = (1, 2, 1, 0, -1, -2, -1, 0)  # a drag's months from where it began, back and forth


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def scroll_frames(page: TimelinePage, frames: int) -> list[float]:
    canvas = page.canvas
    down, across = canvas.verticalScrollBar(), canvas.horizontalScrollBar()
    timings = []
    step = WHEEL_ROWS * canvas.row_height
    for n in range(frames):
        started = time.perf_counter()
        down.setValue((n * step) % max(1, down.maximum()))
        canvas.viewport().repaint()
        timings.append(time.perf_counter() - started)
    from ui.pages.timeline.layout import Zoom

    page.set_zoom(Zoom.QUARTER)
    for n in range(frames):
        started = time.perf_counter()
        across.setValue(round((n % 30) * canvas.month_width()))
        canvas.viewport().repaint()
        timings.append(time.perf_counter() - started)
    page.set_zoom(Zoom.YEAR)
    across.setValue(0)
    return timings


def prepare(source: Path, folder: Path) -> tuple[Path, int]:
    """A copy of the plan with one initiative more that can be moved: six months of planned
    values after the closed months, no actuals (in the large plan every initiative runs the
    whole horizon with actuals in every month, so every move of one is refused)."""
    path = folder / "timeline.smplan"
    shutil.copyfile(source, path)
    with Plan.open(path) as plan:
        horizon = plan.horizon
        closed = Analysis.in_sql(plan).actuals_through() or month_math.add(horizon.first, -1)
        start = min(month_math.add(closed, 3), month_math.add(horizon.last, -8))
        end = month_math.add(start, 5)
        owner = plan.people.list()[0].id
        made = plan.initiatives.add(
            name="Timeline benchmark launch",
            start_month=start,
            end_month=end,
            budget=6_000_000,
            revenue_target=30_000_000,
            owner_id=owner,
        )
        plan.values.set_many(
            ValueEntry(made.id, month_math.add(start, n), metric, Kind.PLANNED, 1_000 * (n + 1))
            for n in range(6)
            for metric in Metric
        )
    return path, made.id


def put_in_sight(page: TimelinePage, initiative_id: int) -> None:
    """Select the bar and scroll it wholly into sight, a month of room on its left."""
    canvas = page.canvas
    layout = canvas.layout_
    bar = None if layout is None else layout.bar(initiative_id)
    if layout is None or bar is None:
        raise RuntimeError("the initiative to move is not on the timeline")
    canvas.select(initiative_id)
    left = max(0, layout.column(bar.start_month) - 1)
    canvas.horizontalScrollBar().setValue(round(left * canvas.month_width()))


def bar_centre(page: TimelinePage, initiative_id: int) -> QPoint:
    rect = page.canvas.bar_rect(initiative_id)
    return QPoint(round(rect.center().x()), round(rect.center().y()))


def preview_frames(page: TimelinePage, initiative_id: int, steps: int) -> list[float]:
    canvas = page.canvas
    viewport = canvas.viewport()
    start = bar_centre(page, initiative_id)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    width = canvas.month_width()
    timings = []
    for n in range(steps):
        to = QPoint(start.x() + round(SWING[n % len(SWING)] * width), start.y())
        started = time.perf_counter()
        QTest.mouseMove(viewport, to)
        viewport.repaint()
        timings.append(time.perf_counter() - started)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    canvas.settle()
    return timings


def drops(app: QApplication, page: TimelinePage, initiative_id: int, rounds: int) -> list[float]:
    """Each round drags the bar a month later, or back."""
    canvas = page.canvas
    viewport = canvas.viewport()
    paints = Paints(viewport)
    timings = []
    for n in range(rounds):
        start = bar_centre(page, initiative_id)
        months = 1 if n % 2 == 0 else -1
        to = QPoint(start.x() + round(months * canvas.month_width()), start.y())
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(viewport, QPoint(start.x() + 8 * months, start.y()))
        QTest.mouseMove(viewport, to)
        settle(app, lambda: False)
        before = paints.count
        undo_steps = page.document.undo_stack.count()
        started = time.perf_counter()
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)
        while paints.count == before:
            app.processEvents()
        timings.append(time.perf_counter() - started)
        if page.document.undo_stack.count() != undo_steps + 1:
            raise RuntimeError("a dropped move was not made")
    return timings


def main(folder: Path) -> None:
    source, settings_path, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    plan_path, moved = prepare(source, folder)
    app = make_application(sys.argv[:1])
    window = open_window(app, plan_path, QSettings(settings_path, QSettings.Format.IniFormat))
    # As a person would find it: the Dashboard shown first with its charts drawn (their
    # modules load in a worker once the window is painted), the plan's findings in.
    dashboard = window.view.page(DASHBOARD)
    settle(app, lambda: getattr(dashboard, "charts", None) is None)
    window.view.watcher.run_now()
    page, shown = first_show(app, window, TIMELINE, lambda shown: shown.canvas.viewport())
    page.choose_values(ValuesOnMove.SHIFT)  # asked once: not inside a timed drop
    bars = page.canvas.layout_.bar_count if page.canvas.layout_ is not None else 0
    scrolls = scroll_frames(page, 20 * rounds)
    put_in_sight(page, moved)
    settle(app, lambda: False)
    previews = preview_frames(page, moved, 20 * rounds)
    dropped = drops(app, page, moved, rounds)
    report(
        first_show=shown,
        scroll=statistics.median(scrolls),
        scroll_p95=percentile(scrolls, 0.95),
        scroll_max=max(scrolls),
        preview=statistics.median(previews),
        preview_p95=percentile(previews, 0.95),
        preview_max=max(previews),
        drop=statistics.median(dropped),
        drop_max=max(dropped),
        frames=len(scrolls),
        steps=len(previews),
        drops=len(dropped),
        bars=bars,
    )
    window.close()


try:
    with tempfile.TemporaryDirectory(prefix="smarketing-timeline-") as name:
        main(Path(name))
except Exception as error:
    # Not the app's error dialog (installed by start_window), which would wait for a click.
    print(f"timeline_run failed: {error!r}", file=sys.stderr)
    sys.exit(1)
