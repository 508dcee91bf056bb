"""File > Start Next Year's Plan…: the dialog suggests a free file named for next year's plan,
says what it carries over as the core decides it, and asks for what ``roll_over`` takes; the
window writes the plan off the UI thread from a read-only plan of its own and offers to open
it; a refusal or a cancel is told without blocking the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from window_support import make_window, open_and_wait, problem_box

from planner import Plan
from planner.versions import rollover as core
from ui import rollover_flow
from ui.rollover_dialog import RolloverDialog, RolloverRequest


@pytest.fixture
def plan(demo_path: Path) -> Iterator[Plan]:
    with Plan.open(demo_path, read_only=True) as opened:
        yield opened


@pytest.fixture
def dialog(qtbot, plan: Plan) -> RolloverDialog:
    shown = RolloverDialog(plan)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path):
    opened = make_window(qtbot, tmp_path)
    open_and_wait(opened, demo_path)
    return opened


def request(target: Path, **changes: object) -> RolloverRequest:
    asked = {
        "target": target,
        "budget_scale": Decimal(1),
        "target_scale": Decimal(1),
        "include_dropped": False,
        "overwrite": False,
    }
    return RolloverRequest(**{**asked, **changes})  # type: ignore[arg-type]


def finish(window) -> None:
    window.files.task.wait()


# -- the dialog ------------------------------------------------------------------------------


def test_the_dialog_suggests_a_free_file_named_for_next_years_plan_beside_this_one(
    dialog, demo_path
):
    assert dialog.path_field.path() == demo_path.parent / "FY2027 Demand Plan.smplan"


def test_the_suggestion_skips_a_name_that_is_taken(qtbot, plan, demo_path):
    (demo_path.parent / "FY2027 Demand Plan.smplan").write_bytes(b"taken")
    shown = RolloverDialog(plan)
    qtbot.addWidget(shown)
    assert shown.path_field.path() == demo_path.parent / "FY2027 Demand Plan 2.smplan"


def test_the_summary_is_the_cores_account_of_what_is_carried_over(dialog, plan):
    assert dialog.summary_text() == "\n".join(core.describe(core.outline_next_year(plan)))
    assert "Left behind: 2 initiatives done or dropped" in dialog.summary_text()


def test_ticking_done_and_dropped_carries_them_in_the_summary(dialog):
    dialog.dropped_box.setChecked(True)
    assert "Carried over: 22 initiatives" in dialog.summary_text()
    assert "Left behind: every actual." in dialog.summary_text()


def test_accepting_asks_for_the_file_the_scales_and_the_initiatives_chosen(dialog, tmp_path):
    dialog.path_field.set_path(tmp_path / "next")
    dialog.budget_spin.setValue(110)
    dialog.target_spin.setValue(95)
    dialog.dropped_box.setChecked(True)
    dialog.start_button.click()
    assert dialog.result() == RolloverDialog.DialogCode.Accepted
    assert dialog.request == request(
        tmp_path / "next.smplan",
        budget_scale=Decimal("1.1"),
        target_scale=Decimal("0.95"),
        include_dropped=True,
    )


def test_a_file_typed_that_exists_is_not_replaced_and_a_free_name_is_offered(dialog, tmp_path):
    taken = tmp_path / "next.smplan"
    taken.write_bytes(b"kept")
    dialog.path_field.set_path(taken)
    dialog.start_button.click()
    assert dialog.request is None
    assert "next.smplan exists already" in dialog.path_field.said()
    assert "“next 2.smplan” is free" in dialog.path_field.said()


def test_a_file_chosen_to_replace_in_the_save_dialog_is_replaced(dialog, tmp_path, monkeypatch):
    taken = tmp_path / "next.smplan"
    taken.write_bytes(b"old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(taken), ""))
    dialog.path_field.choose_button.click()
    dialog.start_button.click()
    assert dialog.request is not None and dialog.request.overwrite


def test_a_missing_folder_is_said_under_the_field(dialog, tmp_path):
    dialog.path_field.set_path(tmp_path / "missing" / "next.smplan")
    dialog.start_button.click()
    assert dialog.request is None
    assert "does not exist" in dialog.path_field.said()


def test_a_plan_name_with_markup_shows_as_written(qtbot, tmp_path):
    path = tmp_path / "marked.smplan"
    Plan.create(path, name="<b>Bold</b> plan", first_month="2026-01").close()
    with Plan.open(path, read_only=True) as marked:
        shown = RolloverDialog(marked)
        qtbot.addWidget(shown)
        texts = [line for line in shown.summary_text().splitlines() if "<b>" in line]
        assert texts and all(
            label.textFormat() == Qt.TextFormat.PlainText for label in shown.summary
        )


# -- in the window ---------------------------------------------------------------------------


def test_the_file_menu_offers_next_years_plan_once_a_plan_is_open(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    assert not window.files.next_year.isEnabled()
    open_and_wait(window, demo_path)
    assert window.files.next_year.isEnabled()
    window.files.next_year.trigger()
    assert window.findChild(RolloverDialog, "rolloverDialog").isVisible()


def test_the_action_sits_after_save_a_copy(window):
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[texts.index("Save a &Copy As…") + 1] == "Start &Next Year's Plan…"


def test_next_years_plan_is_written_and_offered_to_open(window, tmp_path):
    target = tmp_path / "FY2027.smplan"
    assert window.files.rollover.start(request(target))
    finish(window)
    assert "Next year's plan is ready" in window.notice.text()
    assert window.notice.action_button.text() == "Open It"
    assert target in window.recent.paths()

    window.notice.action_button.click()
    window.opener.wait()
    assert window.document.path == target
    assert window.document.plan.settings.get().name == "FY2027 Demand Plan"


def test_next_years_plan_is_written_off_the_ui_thread_from_a_plan_of_its_own(
    window, tmp_path, monkeypatch
):
    seen = {}

    def spy(plan, target, **options):
        seen.update(thread=threading.current_thread(), plan=plan, read_only=plan.read_only)
        return core.roll_over(plan, target, **options)

    monkeypatch.setattr(rollover_flow, "roll_over", spy)
    window.files.rollover.start(request(tmp_path / "next.smplan"))
    finish(window)
    assert seen["thread"] is not threading.main_thread()
    assert seen["plan"] is not window.document.plan and seen["read_only"]


def test_a_refusal_is_told_in_a_dialog_that_does_not_block(window, demo_path):
    before = demo_path.read_bytes()
    window.files.rollover.start(request(demo_path, overwrite=True))
    finish(window)
    box = problem_box(window)
    assert box is not None and "cannot replace the open plan itself" in box.text()
    assert demo_path.read_bytes() == before


def test_a_cancelled_rollover_writes_nothing_and_says_so_quietly(window, tmp_path, monkeypatch):
    def wait_for_cancel(plan, target, *, cancel, **options):
        cancel.wait(10)
        return core.roll_over(plan, target, cancel=cancel, **options)

    monkeypatch.setattr(rollover_flow, "roll_over", wait_for_cancel)
    target = tmp_path / "next.smplan"
    window.files.rollover.start(request(target))
    window.files.task.cancel()
    finish(window)
    assert not target.exists()
    assert "Cancelled: next.smplan was not written." in window.notice.text()
    assert problem_box(window) is None
