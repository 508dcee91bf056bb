"""A plan whose every text field holds markup, and what a user would read of each text
surface of the app: a label, a tooltip, a model's tooltip, a window's title.

The markup must show as written. Where Qt would read it as rich text instead, a payload
reaches the rich-text reader whole: that is what :func:`interpreted` finds. In-process tests
use an image that does not exist; ``/dev/zero`` (which makes Qt read until memory runs out)
is only ever used in a separate process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from planner import Plan
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry

IMAGE = '<img src="/nonexistent/x.png">'
BIG = '<span style="font-size:300px">big</span>'
ENTITY = "&lt;tag&gt;"
MATHS = "$x^2$"
# What the rich-text reader acts on; each payload holds every one.
MARKERS = (IMAGE, BIG, ENTITY)
# A legal file name on Linux (no "/"): markup and Qt's title marker.
FILE_NAME = "<b>plan<i> &lt;tag&gt; $x^2$ [*].smplan"


def markup(field: str, image: str = IMAGE) -> str:
    """The payload of one field; ``field`` keeps names unique."""
    return f"{image}<b>{field}</b> {ENTITY} {MATHS} {BIG}"


def write_markup_plan(path: Path, image: str = IMAGE) -> None:
    """A plan at ``path`` whose name, company, people, segments, channels, initiatives,
    stories, notes and hand-off quality bar all hold :func:`markup` (with ``image``)."""

    def payload(field: str) -> str:
        return markup(field, image)

    plan = Plan.create(
        path, name=payload("plan"), company=payload("company"), first_month="2026-01", months=12
    )
    try:
        plan.handoff.update(quality_bar=payload("quality bar"))
        marketer = plan.people.add(
            name=payload("marketer"), team="Marketing", title=payload("title"), email="m@x.io"
        ).id
        seller = plan.people.add(name=payload("seller"), team="Sales", title=payload("title 2")).id
        core = plan.segments.add(name=payload("core"), tier="core", notes=payload("core notes")).id
        edge = plan.segments.add(name=payload("edge"), tier="edge", notes=payload("edge notes")).id
        channel = plan.channels.add(name=payload("channel")).id
        entries = []
        for n, (owner, segment) in enumerate([(marketer, core), (seller, edge)], start=1):
            initiative = plan.initiatives.add(
                name=payload(f"initiative {n}"),
                channel_id=channel,
                status="active",
                budget=1_200_000 * n,
                revenue_target=9_000_000 * n,
                segment_ids=[segment],
                owner_id=owner,
                problem=payload(f"problem {n}"),
                so_what=payload(f"so what {n}"),
                why_us=payload(f"why us {n}"),
                notes=payload(f"notes {n}"),
            ).id
            plan.roles.set(initiative, seller if owner == marketer else marketer, "responsible")
            for month in list(plan.horizon.months())[:4]:
                for metric, value in ((Metric.SPEND, 100_000), (Metric.REVENUE_WON, 700_000)):
                    entries.append(ValueEntry(initiative, month, metric, Kind.PLANNED, value))
                    entries.append(ValueEntry(initiative, month, metric, Kind.ACTUAL, value * n))
        plan.values.set_many(entries)
    finally:
        plan.close()


# -- what a user reads ------------------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    where: str  # for the failure message
    text: str  # what Qt is given
    rich: bool  # whether Qt reads it as rich text

    def shown(self) -> str:
        """The text as the user reads it."""
        if not self.rich:
            return self.text
        document = QTextDocument()
        document.setHtml(self.text)
        return document.toPlainText()


def label_surface(label: QLabel, where: str = "") -> Surface:
    text_format = label.textFormat()
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )
    return Surface(
        where or f"label {label.objectName() or label.text()[:40]!r}", label.text(), rich
    )


def tooltip_surface(tip: str, where: str) -> Surface:
    # QToolTip decides as QLabel's AutoText does.
    return Surface(where, tip, GuiQt.mightBeRichText(tip))


def _model_tooltips(view: QAbstractItemView, name: str) -> Iterator[Surface]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    try:
        columns = min(model.columnCount(root), 30)
    except TypeError:  # a list model's column count is private in PySide6: one column
        columns = 1
    rows = min(model.rowCount(root), 50)
    for row in range(rows):
        for column in range(columns):
            tip = model.index(row, column, QModelIndex()).data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield tooltip_surface(str(tip), f"{name} cell ({row}, {column}) tooltip")
    for orientation, count in (
        (Qt.Orientation.Horizontal, columns),
        (Qt.Orientation.Vertical, rows),
    ):
        for section in range(count):
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield tooltip_surface(str(tip), f"{name} header {section} tooltip")


def surfaces(top: QWidget) -> Iterator[Surface]:
    """Every label, tooltip (of widgets, actions, models) and window title in ``top``."""
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        name = type(widget).__name__ + (f" {widget.objectName()!r}" if widget.objectName() else "")
        if isinstance(widget, QLabel):
            yield label_surface(widget, f"{name} {widget.text()[:40]!r}")
        if widget.toolTip():
            yield tooltip_surface(widget.toolTip(), f"{name} tooltip")
        for action in widget.actions():
            if action.toolTip():
                yield tooltip_surface(action.toolTip(), f"action {action.text()!r} tooltip")
        if isinstance(widget, QAbstractItemView):
            yield from _model_tooltips(widget, name)
        if widget.isWindow() and widget.windowHandle() is not None:
            yield Surface(f"{name} window title", widget.windowHandle().title(), False)


def interpreted(found: list[Surface]) -> list[str]:
    """Surfaces where Qt would act on markup from the plan instead of showing it."""
    return [
        f"{surface.where}: {surface.text[:120]!r}"
        for surface in found
        if surface.rich and any(marker in surface.text for marker in MARKERS)
    ]


def all_top_level_surfaces() -> list[Surface]:
    found: list[Surface] = []
    for top in QApplication.topLevelWidgets():
        found += surfaces(top)
    return found
