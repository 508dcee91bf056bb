"""The real attack, in a process of its own: every text field of the plan holds
``<img src="/dev/zero">``. Read as rich text, Qt reads /dev/zero until memory runs out
(``std::bad_alloc``, the process dies). The app opens the plan, shows every page, the
initiative's detail pane and every tooltip it has, paints them all, and quits cleanly.

The child runs with its address space capped, so a regression fails fast instead of taking
the machine's memory."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from markup_support import FILE_NAME, markup, write_markup_plan

ROOT = Path(__file__).resolve().parents[2]
DEV_ZERO = '<img src="/dev/zero">'
MEMORY_CAP = 3 << 30  # bytes of address space: far above what the app needs

CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    from shiboken6 import isValid
    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
    from PySide6.QtCore import QDeadlineTimer, QModelIndex, QPoint, QSettings, Qt
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip, QWidget
    app = QApplication([])
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    def settle(seconds=0.2):
        deadline = QDeadlineTimer(int(seconds * 1000))
        while not deadline.hasExpired():
            app.processEvents()

    def tooltips(top):
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.toolTip():
                yield widget, widget.toolTip()
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(min(model.rowCount(QModelIndex()), 3)):
                    tip = model.index(row, 0, QModelIndex()).data(Qt.ItemDataRole.ToolTipRole)
                    if tip:
                        yield widget, str(tip)

    path = Path(sys.argv[1])
    settings = QSettings(str(path.with_name("settings.ini")), QSettings.Format.IniFormat)
    window = MainWindow(settings, lambda: (path, lambda _p: None))
    window.show()
    window.open_path(path)
    window.opener.wait()
    shown = 0
    for entry in PAGES:
        page = window.view.show_page(entry)
        settle()
        window.grab()  # paints every label of the page
        # Listed first: showing a tip runs events, which may delete a placeholder (a chart
        # page's, once its charts load) that a lazy walk would then touch.
        for widget, tip in list(tooltips(window)):
            if not isValid(widget):
                continue
            QToolTip.showText(widget.mapToGlobal(QPoint(2, 2)), tip, widget)
            app.processEvents()
            shown += 1
    first = window.document.plan.initiatives.list()[0]
    window.view.reveal(first.id, "problem")
    settle()
    window.grab()
    print("shown", shown, "tooltips; title:", window.windowHandle().title(), flush=True)
    window.close()
    """
)


def test_a_plan_full_of_dev_zero_images_opens_and_shows_every_page(tmp_path: Path) -> None:
    plan = tmp_path / FILE_NAME
    write_markup_plan(plan, image=DEV_ZERO)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}

    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(cap=MEMORY_CAP), str(plan)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert "bad_alloc" not in result.stderr
    assert markup("plan", DEV_ZERO) in result.stdout
    shown = int(result.stdout.split("shown ", 1)[1].split()[0])
    assert shown > 20  # the tooltips of the pages and their tables were really shown
