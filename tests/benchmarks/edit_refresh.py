"""From an edit to the screen showing it, in the app window on the large plan.

Each round changes one planned value (revenue won by an initiative in a month, which the
Dashboard's first chart shows) through the document,
as the Targets page's typing does, and times until the visible page has been refreshed and
painted: on the Dashboard its headline roll-ups and its visible chart (redrawn, not just
marked stale), on Targets & Actuals its grid and totals. Rounds alternate between the pages.

The findings are checked again once edits pause (300 ms after the last one): the UI thread
reads what the edit moved, a worker judges it. Here each round runs that recheck itself once
the refresh is timed, and times its UI-thread part on its own ("findings"), then the wait
until the worker's findings are in ("findings_worker", the UI thread free meanwhile); its timer
is set long enough never to fire inside a timed refresh (a slow render would otherwise let it,
adding the recheck to the refresh's figure).

The instruments are the benchmark's own (``hooks.py``): the parts of each Dashboard refresh
are timed by wrapping what it calls, and a heartbeat on the UI thread gives the longest
block once the edit is answered (its refresh, timed above, has a budget of its own) until
its findings are checked again: the recheck's UI-thread part, the worker's run beside the
UI thread, and the findings shown.

With KIND (a Dashboard chart kind: ``revenue``, the first, unless given) that chart is the
visible one, so the rounds time its redraw (the Returns chart's regroups every initiative).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/edit_refresh.py PLAN SETTINGS ROUNDS [KIND]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from child import report
from hooks import BlockMonitor, RefreshParts
from PySide6.QtCore import QSettings
from window_steps import open_window, settle

from planner import Metric
from ui.app import make_application
from ui.commands import Edit
from ui.findings import watcher
from ui.main_window import MainWindow
from ui.pages.dashboard.page import DashboardPage
from ui.pages.targets.page import TargetsPage

METRIC = Metric.REVENUE_WON
watcher.PAUSE_MS = 600_000  # the rounds run the recheck themselves (see above)


def edit(window: MainWindow, initiative_id: int, month: int, planned: int) -> None:
    plan = window.document.plan
    held = plan.query(
        f"SELECT {METRIC.planned_column} FROM monthly_values WHERE initiative_id = ? AND month = ?",
        [initiative_id, month],
    )
    if held and held[0][0] == planned:  # an earlier run on this file wrote it: change it still
        planned += 1

    def write(value: int | None) -> None:
        plan.values.set(initiative_id, month, METRIC, planned=value)

    # Undo is never run here; the command is what typing in the Targets grid pushes.
    window.document.run(Edit("set planned revenue", lambda: write(planned), lambda: write(None)))


def main() -> None:
    plan_path, settings_path, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    kind = sys.argv[4] if len(sys.argv) > 4 else "revenue"
    app = make_application(sys.argv[:1])
    window = open_window(app, plan_path, QSettings(settings_path, QSettings.Format.IniFormat))
    view = window.view
    dashboard = view.show_page(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    dashboard.ensure_charts().show_kind(kind)
    settle(app, lambda: dashboard.refresh_pending)
    view.watcher.run_now()  # the plan's first check, which follows its first paint
    targets = view.page(TargetsPage)
    assert isinstance(targets, TargetsPage)
    targets.set_metric(METRIC)
    initiatives = window.document.plan.initiatives.list()
    if kind == "returns":
        # Its bars are the groups (channels) spending most: an edit elsewhere shows nowhere.
        shown = {bar.key for bar in dashboard.charts.record(kind).bars}
        initiatives = [i for i in initiatives if f"channel:{i.channel_id}" in shown]
    # A month of the Dashboard's period (this fiscal year), so its chart changes with the edit.
    assert dashboard.selection is not None
    month = dashboard.selection.months[0]

    parts = RefreshParts().install()
    monitor = BlockMonitor()
    timings: dict[str, list[float]] = {
        "dashboard": [],
        "targets": [],
        "findings": [],
        "findings_worker": [],
    }
    blocks: list[float] = []
    breakdown: list[dict[str, float]] = []
    for n in range(rounds):
        for name, page in (("dashboard", dashboard), ("targets", targets)):
            view.show_page(type(page))
            settle(app, lambda: dashboard.refresh_pending)
            initiative = initiatives[(7 * n) % len(initiatives)]
            parts.take()
            started = time.perf_counter()
            edit(window, initiative.id, month, 1_000_000 * (n + 2))
            settle(app, lambda: dashboard.refresh_pending)
            timings[name].append(time.perf_counter() - started)
            refreshed = parts.take()
            monitor.start()  # the edit is answered: from here on nothing should stall
            checked = time.perf_counter()
            view.watcher.recheck()  # what its timer does once the edits pause
            timings["findings"].append(time.perf_counter() - checked)
            settle(app, view.watcher.checking)
            timings["findings_worker"].append(time.perf_counter() - checked)
            app.processEvents()  # a beat after the findings are in ends it
            blocks.append(monitor.stop())
            if name == "dashboard":
                if "render" not in refreshed:
                    raise RuntimeError("the edit did not redraw the Dashboard's visible chart")
                breakdown.append(refreshed)

    keys = ("figures", "data", "draw", "render")
    median_parts = {key: statistics.median(b.get(key, 0.0) for b in breakdown) for key in keys}
    report(
        dashboard=statistics.median(timings["dashboard"]),
        targets=statistics.median(timings["targets"]),
        dashboard_max=max(timings["dashboard"]),
        targets_max=max(timings["targets"]),
        findings=statistics.median(timings["findings"]),
        findings_max=max(timings["findings"]),
        findings_worker=statistics.median(timings["findings_worker"]),
        dashboard_parts=median_parts,
        block=statistics.median(blocks),
        block_max=max(blocks),
        rounds=rounds,
    )
    window.close()


try:
    main()
except Exception as error:
    # Not the app's error dialog (installed by start_window), which would wait for a click.
    print(f"edit_refresh failed: {error!r}", file=sys.stderr)
    sys.exit(1)
