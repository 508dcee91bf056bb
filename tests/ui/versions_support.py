"""Shared set-up of the plan-versions tests: the window with the demo plan open (today is
7 Dec 2026), and helpers that save and show versions as a user does, through the menu's
dialogs, waiting for a version to open."""

from __future__ import annotations

import datetime

import pytest
from pytestqt.qtbot import QtBot
from window_support import make_window, open_and_wait

from planner import Plan
from planner.versions.service import Kind, VersionInfo
from ui.main_window import MainWindow

TODAY = datetime.date(2026, 12, 7)
EVENTS = "Close the Loop user conference"  # an Event initiative of the demo plan


@pytest.fixture(name="window")
def window_fixture(qtbot: QtBot, tmp_path, demo_path) -> MainWindow:
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.versions.today = lambda: TODAY
    return window


def working_plan(window: MainWindow) -> Plan:
    document = window.versions.working_document
    assert document is not None
    return document.plan


def version(window: MainWindow, name: str) -> VersionInfo:
    return working_plan(window).versions.find(name)


def save(
    qtbot: QtBot, window: MainWindow, kind: Kind, name: str, source: int | None = None
) -> VersionInfo:
    """Save a baseline or make a scenario (shown once made) through the menu's dialog."""
    dialog = window.versions.ask_new(kind)
    assert dialog is not None
    dialog.name.setText(name)
    dialog.source.setCurrentIndex(dialog.source.findData(source))
    assert dialog.try_accept(), dialog.message.text()
    info = version(window, name)
    if kind is Kind.SCENARIO:
        wait_shown(qtbot, window, info.id)
    return info


def show(qtbot: QtBot, window: MainWindow, version_id: int | None) -> None:
    """Show a version (or the working plan) as the Show Version menu does, and wait for it."""
    window.versions.show(version_id)
    wait_shown(qtbot, window, version_id)


def wait_shown(qtbot: QtBot, window: MainWindow, version_id: int | None) -> None:
    def shown() -> bool:
        info = window.versions.switcher.shown
        return (info.id if info else None) == version_id and not window.versions.switcher.busy()

    qtbot.waitUntil(shown, timeout=5000)


def budget_of(plan: Plan, name: str) -> int:
    return next(i.budget for i in plan.initiatives.list() if i.name == name)


def planned_side(plan: Plan) -> list[tuple]:
    """What a version holds of the plan (its initiatives, their months and roles), to
    compare two plans by."""
    return [
        (i, plan.values.for_initiative(i.id), plan.roles.for_initiative(i.id))
        for i in plan.initiatives.list()
    ]
