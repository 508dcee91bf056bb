"""What the Timeline page's tests share (their fixtures are in this folder's conftest.py): the
demo plan's initiatives they move, the page shown at a laptop's size, and a person's hand on
the mouse and keys: press, drag and let go on the page's drawing, as Qt delivers them."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner import Plan
from planner.timeline import Bar
from ui.document import PlanDocument
from ui.pages.timeline.page import TimelinePage

TODAY = datetime.date(2026, 4, 15)
SIZE = (1100, 720)
# Initiatives of the demo plan.
BOOTH = "Finance Leaders Summit booth"  # planned, May-Jun 2026, no actuals yet
WEBINARS = "Webinar series: the 5-day close"  # active all year, actuals Jan-Mar
CONFERENCE = "Close the Loop user conference"  # runs on past the plan's last month


def show_page(qtbot, document: PlanDocument) -> TimelinePage:
    page = TimelinePage(document)
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    return page


def initiative_id(plan: Plan, name: str) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name == name)


def bar(page: TimelinePage, name: str) -> Bar:
    """The bar of the initiative ``name`` as the page draws it now."""
    layout = page.canvas.layout_
    assert layout is not None
    return next(b for b in layout.bars() if b.name == name)


def point(page: TimelinePage, name: str, where: str = "middle") -> QPoint:
    """A point of the initiative's bar, in the drawing's viewport: its ``middle``, or just
    inside its ``start`` or ``end`` (where a press holds that end)."""
    canvas = page.canvas
    shown = bar(page, name)
    canvas.ensure_visible(shown.initiative_id)
    rect = canvas.bar_rect(shown.initiative_id)
    x = {"middle": rect.center().x(), "start": rect.left() + 1, "end": rect.right() - 1}[where]
    return QPoint(round(x), round(rect.center().y()))


def months(page: TimelinePage, count: float) -> int:
    """How many pixels ``count`` months are across, at the page's zoom."""
    return round(count * page.canvas.month_width())


def drag(page: TimelinePage, start: QPoint, dx: int, *, release: bool = True) -> None:
    """Press at ``start``, move ``dx`` pixels sideways in steps, and let go (unless
    ``release`` is False: the drag is left in progress)."""
    viewport = page.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in (1, 2, 3, 4):
        QTest.mouseMove(viewport, QPoint(start.x() + dx * step // 4, start.y()))
    if release:
        end = QPoint(start.x() + dx, start.y())
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()


def key(page: TimelinePage, which: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(page.canvas, which, modifiers)
