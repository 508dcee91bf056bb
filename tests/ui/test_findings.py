"""The findings panel: the checks rerun once the edits pause, the panel lists them worst
first, and choosing one asks to reveal what fixes it."""

from __future__ import annotations

from window_support import make_window

from planner.checks import Finding, Severity
from ui.findings.model import FINDING_ROLE
from ui.findings.panel import CHECKING_TEXT, FindingsPanel, summary_text
from ui.findings.watcher import FindingsWatcher


def finding(severity: Severity, initiative_id: int | None = 3, field: str = "owner") -> Finding:
    return Finding(severity, "no_owner", "Give it an owner", initiative_id, "Webinar", field)


def test_the_summary_counts_findings_by_severity():
    findings = [finding(Severity.ERROR), finding(Severity.WARNING), finding(Severity.WARNING)]
    assert summary_text(findings) == "1 error · 2 warnings"


def test_the_summary_praises_a_plan_without_findings():
    assert "every check passes" in summary_text([])


def test_choosing_a_finding_asks_to_reveal_its_initiative_and_field(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings([finding(Severity.ERROR, 7, "revenue_target")])

    with qtbot.waitSignal(panel.reveal_requested) as signal:
        panel.list.activated.emit(panel.model.index(0))

    assert signal.args == [7, "revenue_target"]


def test_the_panel_names_the_initiative_and_says_what_to_do(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)

    panel.show_findings([finding(Severity.WARNING)])

    assert panel.model.index(0).data() == "Webinar\nGive it an owner"


def test_findings_reworded_in_place_keep_the_selection_and_announce_only_those_rows(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings([finding(Severity.WARNING, n) for n in range(5)])
    panel.list.setCurrentIndex(panel.model.index(4))
    reworded = [finding(Severity.WARNING, n) for n in range(5)]
    reworded[2] = Finding(Severity.WARNING, "no_owner", "Now reworded", 2, "Webinar", "owner")

    with qtbot.waitSignal(panel.model.dataChanged) as changed:
        panel.show_findings(reworded)

    assert [index.row() for index in changed.args[:2]] == [2, 2]
    assert panel.model.index(2).data() == "Webinar\nNow reworded"
    assert panel.list.currentIndex().row() == 4


def test_findings_of_a_new_count_are_listed_afresh(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show_findings([finding(Severity.WARNING, n) for n in range(5)])

    with qtbot.waitSignal(panel.model.modelReset):
        panel.show_findings([finding(Severity.ERROR, 9)])

    assert panel.model.rowCount() == 1
    assert panel.model.index(0).data(FINDING_ROLE).severity is Severity.ERROR


def test_the_demo_plans_random_acts_are_found(document):
    watcher = FindingsWatcher(document)

    watcher.run_now()

    rules = {f.rule for f in watcher.findings}
    assert {"no_owner", "no_revenue_target"} <= rules


def test_a_burst_of_edits_reruns_the_checks_once_after_a_pause(qtbot, document):
    watcher = FindingsWatcher(document)
    runs: list[int] = []
    watcher.updated.connect(lambda findings: runs.append(len(findings)))
    plan = document.plan
    webinar = plan.initiatives.list()[0]

    with qtbot.waitSignal(watcher.updated, timeout=3000):
        plan.initiatives.update(webinar.id, budget=1)
        plan.initiatives.update(webinar.id, budget=2)
        plan.initiatives.update(webinar.id, budget=3)
        assert watcher.pending()

    assert len(runs) == 1


def test_fixing_a_finding_makes_it_go_away(qtbot, document):
    watcher = FindingsWatcher(document)
    watcher.run_now()
    ownerless = next(f for f in watcher.findings if f.rule == "no_owner")
    someone = document.plan.people.list()[0]

    document.plan.roles.set_owner(ownerless.initiative_id, someone.id)
    watcher.run_now()

    assert not any(
        f.rule == "no_owner" and f.initiative_id == ownerless.initiative_id
        for f in watcher.findings
    )


def test_a_pending_check_is_dropped_when_the_plan_closes(qtbot, document):
    watcher = FindingsWatcher(document)
    runs: list[int] = []
    watcher.updated.connect(lambda findings: runs.append(len(findings)))
    webinar = document.plan.initiatives.list()[0]
    document.plan.initiatives.update(webinar.id, budget=1)
    assert watcher.pending()

    watcher.stop()
    document.close()
    qtbot.wait(500)

    assert runs == []


def test_a_plan_opened_in_the_window_is_shown_first_and_its_findings_follow(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    summaries: list[str] = []
    window.opener.opened.connect(
        lambda _analysis: summaries.append(window.view.findings_panel.summary.text())
    )
    with qtbot.waitSignal(window.opener.opened):
        window.open_demo()

    assert summaries == [CHECKING_TEXT]
    qtbot.waitUntil(lambda: window.view.findings_panel.findings() != [])
    assert window.view.findings_panel.summary.text() != CHECKING_TEXT
    assert {f.rule for f in window.view.findings_panel.findings()} >= {"no_owner"}
