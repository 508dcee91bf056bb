"""The one runner of long work: it runs work off the UI thread, hands back a result, an error
in words or a cancel, shows progress, and frees a result no one takes."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from planner import PlanError
from ui.background import Outcome, Shown, TaskRunner, problem_text


def run(qtbot, runner: TaskRunner, work, **options) -> list[Outcome]:
    outcomes: list[Outcome] = []
    assert runner.start(work, on_done=outcomes.append, **options)
    qtbot.waitUntil(lambda: outcomes != [])
    return outcomes


def held(release: threading.Event):
    """Work that holds something to free (an open plan, say) once ``release`` is set."""

    def work(on_progress, cancel):
        release.wait(10)
        return "an open plan"

    return work


def test_the_work_runs_off_the_ui_thread_and_its_result_comes_back(qtbot):
    runner = TaskRunner()
    threads = []

    def work(on_progress, cancel):
        threads.append(threading.current_thread())
        return 42

    [outcome] = run(qtbot, runner, work)

    assert outcome == Outcome(result=42)
    assert threads[0] is not threading.main_thread()
    assert not runner.busy()


def test_a_failure_comes_back_as_an_error_worded_in_one_place(qtbot):
    runner = TaskRunner()

    def work(on_progress, cancel):
        raise OSError(errno.EACCES, "Permission denied", "/plans/q3.smplan")

    [outcome] = run(qtbot, runner, work)

    assert problem_text(outcome.error) == "/plans/q3.smplan: Permission denied"


def test_the_words_for_an_error_are_the_cores_or_name_the_file():
    path = Path("/plans/q3.smplan")
    assert problem_text(PlanError("q3.smplan is not a plan")) == "q3.smplan is not a plan"
    assert problem_text(OSError(errno.EIO, "I/O error"), path) == "/plans/q3.smplan: I/O error"
    assert problem_text(KeyError("x"), path) == "/plans/q3.smplan: unexpected KeyError: 'x'"


def test_cancel_stops_work_that_watches_for_it(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def work(on_progress, cancel):
        started.set()
        if cancel.wait(10):
            raise PlanError("cancelled; nothing was written")
        return "finished"

    outcomes: list[Outcome] = []
    runner.start(work, on_done=outcomes.append)
    qtbot.waitUntil(started.is_set)
    runner.cancel()
    qtbot.waitUntil(lambda: outcomes != [])

    assert outcomes == [Outcome(cancelled=True)]


def test_a_result_that_a_cancel_leaves_untaken_is_discarded(qtbot):
    runner, release = TaskRunner(), threading.Event()
    discarded, outcomes = [], []
    runner.start(held(release), on_done=outcomes.append, discard=discarded.append)
    runner.cancel()
    release.set()
    qtbot.waitUntil(lambda: outcomes != [])

    assert outcomes == [Outcome(cancelled=True)]
    assert discarded == ["an open plan"]


def test_work_let_go_of_frees_its_result_when_it_ends_and_reports_nothing(qtbot):
    runner, release = TaskRunner(), threading.Event()
    discarded, outcomes = [], []
    runner.start(held(release), on_done=outcomes.append, discard=discarded.append)
    runner.abandon()
    assert not runner.busy()
    release.set()

    qtbot.waitUntil(lambda: discarded == ["an open plan"])
    assert outcomes == []


def test_progress_reaches_the_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    reported = threading.Event()
    release = threading.Event()

    def work(on_progress, cancel):
        on_progress(3, 4)
        reported.set()
        release.wait(10)

    runner.start(work, on_done=lambda _: None, shown=Shown("Export", "Exporting q3.xlsx…"))
    dialog = parent.findChild(QProgressDialog, "backgroundProgress")
    qtbot.waitUntil(lambda: dialog.value() == 3)

    assert dialog.maximum() == 4
    assert dialog.labelText() == "Exporting q3.xlsx…"
    release.set()
    runner.wait()


def test_a_second_piece_of_work_waits_for_the_first(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    runner.start(lambda on_progress, cancel: release.wait(10), on_done=lambda _: None)

    assert not runner.start(lambda on_progress, cancel: None, on_done=lambda _: None)

    release.set()
    runner.wait()
    assert not runner.busy()
