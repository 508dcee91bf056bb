"""The findings recheck off the UI thread: findings follow an edit, a check of an older state of
the plan never overwrites a newer one, the plan can close while a check runs, and the UI thread
only reads what an edit moved while the rules run in a worker."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from planner import Metric, checks
from planner.checks import judge
from ui.background import wait_for_abandoned_work
from ui.findings.watcher import FindingsWatcher


class HeldJudge:
    """Stands in for the rules in the worker: records the thread and the findings, and holds
    each run until released."""

    def __init__(self) -> None:
        self.running = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        self.judged: list[set[str]] = []

    def __call__(self, inputs):
        self.threads.append(threading.current_thread())
        self.running.set()
        self.release.wait(10)
        findings = judge(inputs)
        self.judged.append(rules_of(findings))
        return findings


def rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


@pytest.fixture
def held(monkeypatch) -> HeldJudge:
    held = HeldJudge()
    monkeypatch.setattr(checks, "judge", held)
    return held


def grant_guide(document) -> int:
    return next(i.id for i in document.plan.initiatives.list() if i.name.startswith("Grant"))


def give_an_owner(document) -> None:
    someone = document.plan.people.list()[0].id
    document.plan.roles.set_owner(grant_guide(document), someone)


def test_the_findings_follow_an_edit_once_the_edits_pause(qtbot, document):
    watcher = FindingsWatcher(document)
    watcher.run_now()
    assert "no_owner" in rules_of(watcher.findings)

    give_an_owner(document)

    qtbot.waitUntil(lambda: "no_owner" not in rules_of(watcher.findings))
    watcher.stop()


def test_the_rules_run_in_a_worker_not_on_the_ui_thread(qtbot, document, held):
    watcher = FindingsWatcher(document)
    held.release.set()

    watcher.run_now()

    assert held.threads and held.threads[0] is not threading.main_thread()
    watcher.stop()


def test_after_a_typed_value_the_ui_thread_reads_only_what_it_moved(qtbot, document, monkeypatch):
    watcher = FindingsWatcher(document)
    watcher.run_now()
    plan = document.plan
    plan.values.set(grant_guide(document), plan.horizon.first, Metric.MQL, planned=5)
    read: list[str] = []
    query = plan.query
    monkeypatch.setattr(
        plan, "query", lambda sql, params=(): read.append(sql) or query(sql, params)
    )

    watcher.recheck()

    # Its sums and the hand-off; not the facts of any initiative, nor the strike zone.
    assert not any("FROM initiatives i" in sql or "FROM segments" in sql for sql in read)
    qtbot.waitUntil(lambda: not watcher.checking())
    watcher.stop()


def checking(qtbot, document, held: HeldJudge) -> tuple[FindingsWatcher, list[set[str]]]:
    """A watcher whose check has started in the worker (held there), and the findings it
    shows."""
    watcher = FindingsWatcher(document)
    shown: list[set[str]] = []
    watcher.updated.connect(lambda findings: shown.append(rules_of(findings)))
    watcher.recheck()
    qtbot.waitUntil(held.running.is_set)
    return watcher, shown


def test_a_check_of_an_older_state_is_dropped_and_the_newer_one_checked(qtbot, document, held):
    watcher, shown = checking(qtbot, document, held)

    give_an_owner(document)  # while the check of the state before it runs
    held.release.set()

    qtbot.waitUntil(lambda: len(held.judged) == 2 and not watcher.checking())
    assert "no_owner" in held.judged[0]  # judged, then dropped as stale
    assert shown == [held.judged[1]]
    assert "no_owner" not in shown[0]
    watcher.stop()


def test_the_plan_closes_safely_while_a_check_runs(qtbot, document, held):
    watcher, shown = checking(qtbot, document, held)

    watcher.stop()
    document.close()
    held.release.set()
    wait_for_abandoned_work()

    assert len(held.judged) == 1  # the worker finished on what it was given
    QApplication.processEvents()  # what the worker's end posted
    assert shown == []
