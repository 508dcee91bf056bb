"""The Waterfall page on the large plan, in the app window: its first paint, a what-if of a rate,
and the switch to one row per initiative, each from the user's action to the frame drawn.

- ``first_show``: from asking the window for the page (Ctrl+8) to the end of the first paint
  of its groups table: the page's modules loaded, the page built, the plan's waterfall worked
  out and drawn. Once a process: ``run.py`` runs several.
- ``what_if``: a what-if rate stepped (as a spin box's arrow does) until the stages table has
  painted the needs worked out again at it; the rate goes up and down in turn. The waterfall
  is worked out on the UI thread (it reads the plan file, whose connection is that thread's),
  so this is also how long the window does not answer.
- ``by_initiative``: the Group by box set to Initiative until the 2,000 rows' table has
  painted.

The findings are checked again once edits pause; its timer is set long enough never to fire
inside a timed step (the edit-refresh step measures that recheck).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/waterfall_run.py PLAN SETTINGS ROUNDS
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from child import report
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from window_steps import Paints, first_show, open_window, settle

from ui.app import make_application
from ui.findings import watcher
from ui.pages.catalogue import DASHBOARD, WATERFALL

if TYPE_CHECKING:  # the page's modules load when it is first shown, as in the app
    from ui.pages.waterfall.page import WaterfallPage

watcher.PAUSE_MS = 600_000  # see above
STEP = 0.01  # a what-if step: one percentage point


def what_ifs(app: QApplication, page: WaterfallPage, rounds: int) -> list[float]:
    plan_rate = page.plan.funnel.get().lead_to_mql
    paints = Paints(page.stages_view.viewport())
    timings = []
    for n in range(rounds):
        before = paints.count
        rate = plan_rate + (STEP if n % 2 == 0 else 2 * STEP)
        started = time.perf_counter()
        page.try_rates(lead_to_mql=rate)
        while paints.count == before:
            app.processEvents()
        timings.append(time.perf_counter() - started)
    page.discard()
    return timings


def by_initiative(app: QApplication, page: WaterfallPage) -> tuple[float, int]:
    paints = Paints(page.groups_view.viewport())
    settle(app, lambda: False)
    before = paints.count
    started = time.perf_counter()
    page.set_group_by("initiative")
    while paints.count == before:
        app.processEvents()
    return time.perf_counter() - started, len(page.rows) - 1


def main() -> None:
    plan_path, settings_path, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = make_application(sys.argv[:1])
    window = open_window(app, plan_path, QSettings(settings_path, QSettings.Format.IniFormat))
    # As a person would find it: the Dashboard shown first with its charts drawn, the plan's
    # findings in.
    dashboard = window.view.page(DASHBOARD)
    settle(app, lambda: getattr(dashboard, "charts", None) is None)
    window.view.watcher.run_now()
    page, shown = first_show(app, window, WATERFALL, lambda shown: shown.groups_view.viewport())
    steps = what_ifs(app, page, rounds)
    grouped, rows = by_initiative(app, page)
    report(
        first_show=shown,
        what_if=statistics.median(steps),
        what_if_max=max(steps),
        by_initiative=grouped,
        steps=len(steps),
        rows=rows,
    )
    window.close()


try:
    main()
except Exception as error:
    # Not the app's error dialog (installed by start_window), which would wait for a click.
    print(f"waterfall_run failed: {error!r}", file=sys.stderr)
    sys.exit(1)
