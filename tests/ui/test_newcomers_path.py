"""A newcomer's first session, through the window's own controls: open the demo plan, add an
initiative, give it an Accountable marketer and a Responsible seller, aim it at a core
segment, give it a budget and a revenue target, paste two months of actuals; undo and redo
every step; close the plan and open it again: everything is there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from window_support import make_window, open_and_wait

from planner import Kind, Metric, Plan, Role, Team, Tier
from planner import months as month_math
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.people.page import PeoplePage
from ui.pages.strike_zone.page import StrikeZonePage
from ui.pages.targets.grid_data import View
from ui.pages.targets.page import TargetsPage

NAME = "Controller podcast tour"


def plan_state(plan: Plan) -> tuple:
    """Everything the newcomer's steps touch, to compare after each undo and redo."""
    return (
        plan.initiatives.list(),
        plan.roles.all(),
        sorted(plan.values.grid(Metric.MQL).items()),
    )


def open_editor(view) -> QLineEdit:
    # In the view (a name is edited in the Initiatives table's frozen Name column).
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, f"expected one open text editor, found {len(editors)}"
    return editors[0]


def type_into_cell(qtbot, view, index, text: str) -> None:
    view.setCurrentIndex(index)
    view.edit(index)
    editor = open_editor(view)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)


def test_a_newcomers_first_session_survives_undo_redo_and_reopening(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitActive(window)
    open_and_wait(window, demo_path)
    plan = window.document.plan
    stack = window.document.undo_stack
    states = [plan_state(plan)]

    # Add an initiative from the Initiatives page and name it in the editor that opens.
    initiatives = window.view.show_page(InitiativesPage)
    initiatives.add_action.trigger()
    states.append(plan_state(plan))
    editor = open_editor(initiatives.table)
    editor.selectAll()
    qtbot.keyClicks(editor, NAME)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: initiatives.table.state() != initiatives.table.State.EditingState)
    new = next(i for i in plan.initiatives.list() if i.name == NAME)
    states.append(plan_state(plan))

    # Budget and revenue target, typed into their cells.
    for key, typed in (("budget", "18,000"), ("revenue_target", "150000")):
        column = next(n for n, c in enumerate(initiatives.columns) if c.key == key)
        type_into_cell(
            qtbot, initiatives.table, initiatives.table.proxy_index(new.id, column), typed
        )
        states.append(plan_state(plan))

    # A marketer Accountable and a seller Responsible, with the A and R keys on the grid.
    people = window.view.show_page(PeoplePage)
    marketer = next(p for p in plan.people.list() if p.team is Team.MARKETING and p.active)
    seller = next(p for p in plan.people.list() if p.team is Team.SALES and p.active)
    for person, key in ((marketer, Qt.Key.Key_A), (seller, Qt.Key.Key_R)):
        row = people.grid_model.row_of(new.id)
        column = people.grid_model.column_of(person.id)
        people.grid.setCurrentIndex(people.grid_model.index(row, column))
        people.grid.setFocus()
        qtbot.keyClick(people.grid, key)
        states.append(plan_state(plan))

    # Aim it at a core segment: Space on its cell of the coverage grid.
    zone = window.view.show_page(StrikeZonePage)
    core = next(s for s in plan.segments.list() if s.tier is Tier.CORE)
    coverage = zone.coverage_model.coverage
    zone.coverage_view.setCurrentIndex(
        zone.coverage_model.index(coverage.row_of(new.id), coverage.column_of(core.id))
    )
    zone.coverage_view.setFocus()
    qtbot.keyClick(zone.coverage_view, Qt.Key.Key_Space)
    states.append(plan_state(plan))

    # Two months of actual MQLs, pasted as a block copied from a spreadsheet.
    targets = window.view.show_page(TargetsPage)
    targets.set_metric(Metric.MQL)
    targets.set_view(View.ACTUAL)
    jan, feb = plan.horizon.months()[:2]
    model = targets.model
    targets.table.setCurrentIndex(
        model.index(model.row_of(new.id), model.column_of(jan, Kind.ACTUAL))
    )
    targets.table.setFocus()
    QGuiApplication.clipboard().setText("42\t57\n")
    qtbot.keyClick(targets.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    states.append(plan_state(plan))

    expected = plan.initiatives.get(new.id)
    assert expected.budget == 1_800_000 and expected.revenue_target == 15_000_000
    assert expected.owner_id == marketer.id and expected.segment_ids == (core.id,)
    assert plan.values.grid(Metric.MQL)[(new.id, jan)] == (None, 42)
    assert plan.values.grid(Metric.MQL)[(new.id, feb)] == (None, 57)
    steps = len(states) - 1
    assert stack.count() == steps == 8  # add and name count as two
    assert window.undo_action.text() == "&Undo " + stack.undoText()

    # Undo every step back to the demo plan as it was, then redo every step.
    for state in reversed(states[:-1]):
        stack.undo()
        assert plan_state(plan) == state, f"after undoing to step {states.index(state)}"
    for state in states[1:]:
        stack.redo()
        assert plan_state(plan) == state

    # Close and reopen: everything is there.
    window.close_plan()
    open_and_wait(window, demo_path)
    reopened = window.document.plan
    assert reopened.initiatives.get(new.id) == expected
    roles = {(a.person_id, a.role) for a in reopened.roles.for_initiative(new.id)}
    assert roles == {(marketer.id, Role.ACCOUNTABLE), (seller.id, Role.RESPONSIBLE)}
    assert reopened.values.grid(Metric.MQL)[(new.id, feb)] == (None, 57)
    assert month_math.label(jan) == "Jan 2026"
