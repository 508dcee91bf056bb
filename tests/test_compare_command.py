"""`smarketing compare`: the working plan (or up to two versions) against a baseline, in words,
totals and initiatives, as text within 100 columns or as JSON whose figures are the ones
`smarketing summary --version` gives."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import smarketing
from version_cli_support import ADDED, BASELINE, SCENARIO, refused, run, save_versions

from planner import Plan


@pytest.fixture
def plan(demo_path: Path) -> Path:
    """The demo plan with a locked baseline, changes since, and a scenario of those."""
    save_versions(demo_path)
    return demo_path


def test_compare_tells_what_changed_since_the_locked_baseline(plan):
    result = smarketing("compare", plan)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "The working plan compared with the locked baseline 'Board FY2026'"
    story = [line for line in lines if line.startswith("  - ")]
    assert story[0].startswith("  - Budget $805k → $750k (-$55k)")
    assert f"  - 1 initiative added ($15k): '{ADDED}'" in story
    assert "  - 1 initiative dropped ($60k): 'Analyst relations program'" in story
    assert any("re-budgeted (-$10k net)" in line for line in story)
    assert any("moved from Jan 2026 to Feb 2026" in line for line in story)
    assert story[-1].startswith("  - Landing 2026: landing $")
    assert story[-1].endswith("below the baseline's landing")


def test_compare_puts_the_totals_side_by_side_with_the_change(plan, capsys):
    out = run(capsys, "compare", plan)[1].splitlines()

    header = next(line for line in out if line.strip().startswith(BASELINE))
    assert header.split() == ["Board", "FY2026", "Working", "plan", "Change"]
    rows = {line[:24].strip(): line[24:].split() for line in out[out.index(header) + 2 :][:7]}
    assert rows == {
        "Budget": ["$805,000", "$750,000", "-$55,000"],
        "Revenue target": ["$6,270,000", "$6,320,000", "+$50,000"],
        "Planned revenue": ["$6,096,000", "$6,048,000", "-$48,000"],
        "Planned pipeline": ["$22,776,000", "$22,584,000", "-$192,000"],
        "Strike-zone budget share": ["83%", "84%", "+1", "pt"],
        "Errors": ["5", "6", "+1"],
        "Warnings": ["5", "8", "+3"],
    }


def test_compare_lists_the_initiatives_that_differ_with_their_changes(plan, capsys):
    out = run(capsys, "compare", plan)[1]

    listed = out[out.index("Initiatives that differ in Working plan from Board FY2026 (4):") :]
    rows = [line.split("  ") for line in listed.splitlines()[3:]]
    assert [[cell.strip() for cell in row if cell.strip()] for row in rows] == [
        [ADDED, "added", "+$15,000", "+$90,000"],
        ["Analyst relations program", "dropped", "-$60,000", "-$40,000"],
        ["Accounting-firm referral program", "changed", "-$10,000"],
        ["Audit-readiness webinar", "changed", "+1 mo"],
    ]


def test_every_line_of_a_three_way_comparison_fits_100_columns(plan, capsys):
    code, out, _err = run(
        capsys, "compare", plan, "--against", BASELINE, "--with", SCENARIO, "--with", BASELINE
    )

    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 100


def test_with_compares_up_to_two_versions_instead_of_the_working_plan(plan, capsys):
    out = run(capsys, "compare", plan, "--with", SCENARIO, "--with", BASELINE)[1]

    assert out.splitlines()[:2] == [
        "The scenario 'Cut events' and the locked baseline 'Board FY2026' compared with the locked "
        "baseline",
        "  'Board FY2026'",
    ]
    assert "Cut events:\n  - Budget $805k → $745k (-$60k)" in out
    assert "Board FY2026:\n  - Budget $805k → $805k (+$0)" in out
    assert "Initiatives that differ in Board FY2026 from Board FY2026: none." in out


def test_against_chooses_the_version_compared_with(plan, capsys):
    out = run(capsys, "compare", plan, "--against", "cut events")[1]

    assert out.startswith("The working plan compared with the scenario 'Cut events'\n")
    assert "re-budgeted (+$5k net): 'Accounting-firm referral program'" in out


def test_the_most_recent_locked_baseline_is_the_default(plan, capsys):
    with Plan.open(plan) as opened:
        opened.versions.save("Q2 reforecast")  # locked, saved after the board's
        opened.versions.save("Draft", locked=False)

    out = run(capsys, "compare", plan)[1]

    assert out.startswith("The working plan compared with the locked baseline 'Q2 reforecast'")


def test_without_a_locked_baseline_compare_says_how_to_save_one(demo_path, capsys):
    with Plan.open(demo_path) as opened:
        opened.versions.save("Draft", locked=False)

    message = refused(run(capsys, "compare", demo_path))

    assert "has no locked baseline to compare with" in message
    assert "smarketing version save PLAN NAME" in message and "--against" in message


def test_more_than_two_versions_with_the_baseline_are_refused_naming_with(plan, capsys):
    arguments = ("--with", SCENARIO) * 3

    message = refused(run(capsys, "compare", plan, *arguments))

    assert message.startswith("smarketing: --with: compares at most 2 versions")


@pytest.mark.parametrize("option", ["--against", "--with"])
def test_an_unknown_version_to_compare_is_refused_naming_those_there_are(plan, capsys, option):
    message = refused(run(capsys, "compare", plan, option, "Nope"))

    assert "no version named 'Nope' (its versions are 'Board FY2026', 'Cut events')" in message


def test_compare_leaves_the_plan_file_as_it_was(plan):
    before = plan.read_bytes()

    smarketing("compare", plan, "--with", SCENARIO)

    assert plan.read_bytes() == before


def test_a_version_name_with_control_characters_is_shown_escaped(plan, capsys):
    with sqlite3.connect(plan) as conn:
        conn.execute("UPDATE plan_versions SET name = ? WHERE name = ?", ["B\x1b[2Jx\n", BASELINE])
    conn.close()

    out = run(capsys, "compare", plan)[1]

    assert "\x1b" not in out
    assert out.startswith("The working plan compared with the locked baseline 'B\\x1b[2Jx\\n'\n")


# -- JSON -----------------------------------------------------------------------------------


def test_compare_json_has_every_side_and_every_difference(plan, capsys):
    data = json.loads(run(capsys, "compare", plan, "--json", "--with", SCENARIO)[1])

    assert set(data) == {"plan", "currency", "months", "sides", "changes"}
    assert [side["name"] for side in data["sides"]] == [BASELINE, SCENARIO]
    assert data["sides"][0]["version"]["kind"] == "baseline"
    side = data["sides"][1]
    assert set(side) == {
        "name", "version", "budget", "revenue_target", "planned", "planned_by_month",
        "budget_share_in_zone", "target_share_in_zone", "findings", "initiatives", "landing",
    }  # fmt: skip
    assert set(side["planned_by_month"]["spend"]) == set(data["months"])
    assert set(side["findings"]) == {"error", "warning", "info"}
    (change,) = data["changes"]
    assert change["side"] == SCENARIO and change["against"] == BASELINE
    assert change["story"][0].startswith("Budget $805k → $745k")
    assert "below the baseline's landing" in change["landing"]
    differences = {item["name"]: item for item in change["initiatives"]}
    assert {name: item["difference"] for name, item in differences.items()} == {
        ADDED: "added",
        "Analyst relations program": "dropped",
        "Accounting-firm referral program": "changed",
        "Audit-readiness webinar": "changed",
    }
    rebudgeted = differences["Accounting-firm referral program"]
    assert rebudgeted["deltas"]["budget"] == "-15000.00"
    assert Decimal(rebudgeted["before"]["budget"]) - Decimal(rebudgeted["after"]["budget"]) == (
        Decimal("15000.00")
    )
    assert differences[ADDED]["before"] is None
    assert differences["Audit-readiness webinar"]["moved_by"] == 1


def test_compare_json_figures_are_the_summarys_of_the_same_version(plan):
    compared = json.loads(smarketing("compare", plan, "--json").stdout)
    baseline = json.loads(smarketing("summary", plan, "--version", BASELINE, "--json").stdout)
    working = json.loads(smarketing("summary", plan, "--json").stdout)

    for side, summary in zip(compared["sides"], (baseline, working), strict=True):
        assert side["budget"] == summary["budget"]
        assert side["revenue_target"] == summary["revenue_target"]
        assert side["landing"] == summary["landing"]
        assert {k: v for k, v in side["findings"].items() if v} == summary["findings"]
    assert baseline["version"]["name"] == compared["sides"][0]["version"]["name"] == BASELINE
    assert working["version"] is None and compared["sides"][1]["version"] is None
