"""Choosing a finding about rates jumps to what fixes it: a thin funnel to its short stage's
planned cell on the Targets page, a channel whose MQLs cost too much to the channel's Lead →
MQL rate in the settings page's channels table."""

from __future__ import annotations

import pytest
from window_support import make_window, open_and_wait

from planner.checks import Finding, Severity
from planner.domain import Metric
from ui.findings.panel import FindingsPanel
from ui.pages.settings.page import SettingsPage
from ui.pages.targets.grid_data import Kind, View
from ui.pages.targets.page import TargetsPage


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    shown = make_window(qtbot, tmp_path)
    open_and_wait(shown, demo_path)
    return shown


def test_a_finding_about_a_channel_asks_to_reveal_the_channels_field(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings(
        [
            Finding(
                Severity.WARNING, "cost_per_mql_over_plan", "…", field="lead_to_mql", channel_id=4
            )
        ]
    )

    with qtbot.waitSignal(panel.channel_reveal_requested) as signal:
        panel.list.activated.emit(panel.model.index(0))

    assert signal.args == [4, "lead_to_mql"]


def test_a_thin_funnel_jumps_to_the_short_stages_planned_cell(window):
    plan = window.view.document.plan
    conference = next(i for i in plan.initiatives.list() if i.name.startswith("Close the Loop"))

    assert window.view.reveal(conference.id, Metric.OPPORTUNITIES.planned_column)

    page = window.view.current_page()
    assert isinstance(page, TargetsPage)
    assert page.metric is Metric.OPPORTUNITIES
    index = page.table.currentIndex()
    assert page.model.row_of(conference.id) == index.row()


def test_a_planned_cell_is_shown_even_when_the_grid_shows_actuals(window):
    plan = window.view.document.plan
    conference = next(i for i in plan.initiatives.list() if i.name.startswith("Close the Loop"))
    targets = window.view.show_page(TargetsPage)
    targets.set_view(View.ACTUAL)

    assert window.view.reveal(conference.id, "sql_plan")
    assert Kind.PLANNED in targets.view.kinds


def test_a_channel_finding_jumps_to_the_channels_rate(window):
    plan = window.view.document.plan
    paid = plan.channels.named("Paid").id

    assert window.view.reveal_channel(paid, "lead_to_mql")

    page = window.view.current_page()
    assert isinstance(page, SettingsPage)
    index = page.channels.table.currentIndex()
    assert page.channels.model.row(index.row()).id == paid
    assert page.channels.model.columns[index.column()].key == "lead_to_mql"
    assert page.channels.table.hasFocus()
