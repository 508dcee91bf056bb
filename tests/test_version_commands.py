"""`smarketing version list|save|delete|rename|lock|unlock|promote`: what each prints, the
plan it leaves, and every refusal in one line with the plan unchanged. The commands users
chain in scripts run as real processes; the refusals run in this process, as quickly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_support import smarketing
from version_cli_support import BASELINE, SCENARIO, refused, run, save_versions

from planner import Plan
from planner.versions import Kind


@pytest.fixture
def plan(demo_path: Path) -> Path:
    """The demo plan with a locked baseline and a scenario saved."""
    save_versions(demo_path)
    return demo_path


def _versions(path: Path) -> list[tuple[str, str, bool, str]]:
    with Plan.open(path, read_only=True) as opened:
        return [(v.name, v.kind.value, v.locked, v.saved_from) for v in opened.versions.list()]


# -- list -----------------------------------------------------------------------------------


def test_list_prints_each_version_with_its_kind_lock_and_origin(plan):
    result = smarketing("version", "list", plan)

    assert result.returncode == 0, result.stderr
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["Name", "Kind", "Locked", "Saved", "at", "Saved", "from"]
    assert set(rule) == {"-", " "}
    assert rows[0].startswith(BASELINE) and "baseline  locked" in rows[0]
    assert rows[1].startswith(SCENARIO) and "scenario  -" in rows[1]
    assert all(row.endswith("the working plan") for row in rows)


def test_list_json_gives_every_field_of_every_version(plan):
    result = smarketing("version", "list", plan, "--json")

    listed = json.loads(result.stdout)
    assert [v["name"] for v in listed] == [BASELINE, SCENARIO]
    assert listed[0] == {
        "id": listed[0]["id"],
        "name": BASELINE,
        "kind": "baseline",
        "locked": True,
        "saved_at": listed[0]["saved_at"],
        "saved_from": "the working plan",
    }
    assert len(listed[1]["saved_at"]) == len("2026-01-05 10:00")


def test_list_of_a_plan_without_versions_says_how_to_save_one(demo_path, capsys):
    code, out, _err = run(capsys, "version", "list", demo_path)

    assert code == 0
    assert "no saved versions" in out and "smarketing version save PLAN NAME" in out


def test_a_name_with_control_characters_is_listed_escaped_on_one_line(plan, capsys):
    hostile = "Board\x1b[2J\nrm -rf \u202eevil\r"
    with sqlite3.connect(plan) as conn:
        conn.execute("UPDATE plan_versions SET name = ? WHERE name = ?", [hostile, BASELINE])
    conn.close()

    code, out, _err = run(capsys, "version", "list", plan)

    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[2].startswith("Board\\x1b[2J\\nrm -rf \\u202eevil\\r  ")
    assert not any(ch in out for ch in "\x1b\r\u202e")


# -- save -----------------------------------------------------------------------------------


def test_save_keeps_the_working_plan_as_a_locked_baseline_and_says_so(demo_path):
    result = smarketing("version", "save", demo_path, "Board approved")

    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Saved the locked baseline 'Board approved' from the working plan.\n")
    assert _versions(demo_path) == [("Board approved", "baseline", True, "the working plan")]


@pytest.mark.parametrize(
    ("options", "kind", "locked"),
    [
        (["--scenario"], "scenario", False),
        (["--scenario", "--locked"], "scenario", True),
        (["--unlocked"], "baseline", False),
    ],
)
def test_save_options_choose_the_kind_and_the_lock(demo_path, capsys, options, kind, locked):
    code, out, _err = run(capsys, "version", "save", demo_path, "V", *options)

    assert code == 0 and out.count("\n") == 1
    assert _versions(demo_path) == [("V", kind, locked, "the working plan")]


def test_save_from_a_version_copies_that_version(plan, capsys):
    code, out, _err = run(capsys, "version", "save", plan, "Cut deeper", "--from", "cut EVENTS")

    assert code == 0
    assert out == "Saved the locked baseline 'Cut deeper' from the scenario 'Cut events'.\n"
    assert _versions(plan)[-1] == ("Cut deeper", "baseline", True, SCENARIO)


# -- rename, lock, unlock ------------------------------------------------------------------


def test_rename_gives_the_version_its_new_name(plan, capsys):
    code, out, _err = run(capsys, "version", "rename", plan, SCENARIO, "Fewer events")

    assert code == 0
    assert out == "Renamed the scenario 'Cut events' to 'Fewer events'.\n"
    assert [v[0] for v in _versions(plan)] == [BASELINE, "Fewer events"]


def test_lock_and_unlock_say_what_they_did_and_what_was_so_already(plan, capsys):
    said = [run(capsys, "version", action, plan, SCENARIO)[1] for action in ("lock", "lock")]
    said.append(run(capsys, "version", "unlock", plan, SCENARIO)[1])

    assert said == [
        "Locked the scenario 'Cut events': nothing can change it now.\n",
        "Nothing to do: the scenario 'Cut events' is locked already.\n",
        "Unlocked the scenario 'Cut events': it can be changed now.\n",
    ]
    assert _versions(plan)[1][2] is False


# -- delete and promote --------------------------------------------------------------------


def test_delete_removes_an_unlocked_version(plan):
    result = smarketing("version", "delete", plan, SCENARIO)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Deleted the scenario 'Cut events'.\n"
    assert [v[0] for v in _versions(plan)] == [BASELINE]


def test_promote_makes_the_version_the_working_plan_and_keeps_the_old_one(plan):
    with Plan.open(plan, read_only=True) as before:
        scenario_budget = _total_budget_of(before, SCENARIO)

    result = smarketing("version", "promote", plan, SCENARIO)

    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "Promoted the scenario 'Cut events' to the working plan" in result.stdout
    kept = "Working plan before 'Cut events'"
    assert f'kept as the scenario "{kept}"' in result.stdout
    assert [v[0] for v in _versions(plan)] == [BASELINE, kept]
    with Plan.open(plan, read_only=True) as after:
        assert sum(i.budget for i in after.initiatives.list()) == scenario_budget


def _total_budget_of(plan: Plan, name: str) -> int:
    from planner.versions.opened import open_version

    with open_version(plan, plan.versions.find(name).id) as version:
        return sum(i.budget for i in version.initiatives.list())


def test_promote_keeps_the_working_plan_under_the_name_asked_for(plan, capsys):
    code, out, _err = run(
        capsys, "version", "promote", plan, SCENARIO, "--keep-as", "Before the cuts"
    )

    assert code == 0 and "kept as the scenario 'Before the cuts'" in out
    assert [v[0] for v in _versions(plan)] == [BASELINE, "Before the cuts"]


def test_promote_numbers_the_default_name_when_it_is_taken(plan, capsys):
    with Plan.open(plan) as opened:
        opened.versions.save("Working plan before 'Cut events'", kind=Kind.SCENARIO)

    code, out, _err = run(capsys, "version", "promote", plan, SCENARIO)

    assert code == 0
    assert "Working plan before 'Cut events' (2)" in out


# -- refusals: one line, the plan unchanged ------------------------------------------------

REFUSALS = {
    "an unknown version to delete": (["delete", "{plan}", "Nope"], "no version named 'Nope'"),
    "an unknown version to rename": (["rename", "{plan}", "Nope", "X"], "no version named"),
    "an unknown version to lock": (["lock", "{plan}", "Nope"], "no version named"),
    "an unknown version to unlock": (["unlock", "{plan}", "Nope"], "no version named"),
    "an unknown version to promote": (["promote", "{plan}", "Nope"], "no version named"),
    "an unknown version to copy": (
        ["save", "{plan}", "X", "--from", "Nope"],
        "no version named",
    ),
    "a name taken in another letter case": (
        ["save", "{plan}", "board fy2026"],
        "Version name: there is already a version named 'Board FY2026'",
    ),
    "a rename to a taken name": (
        ["rename", "{plan}", SCENARIO, BASELINE.upper()],
        "Version name: there is already",
    ),
    "an empty name": (["save", "{plan}", "  "], "Version name: must not be empty"),
    "a name over 200 characters": (
        ["save", "{plan}", "x" * 201],
        "Version name: must be at most 200 characters",
    ),
    "a rename to an empty name": (["rename", "{plan}", SCENARIO, ""], "Version name: must not"),
    "a taken name to keep the working plan as": (
        ["promote", "{plan}", SCENARIO, "--keep-as", BASELINE],
        "Version name: there is already",
    ),
    "deleting a locked baseline": (
        ["delete", "{plan}", BASELINE],
        "the locked baseline 'Board FY2026' is locked",
    ),
    "promoting a locked baseline": (
        ["promote", "{plan}", BASELINE],
        "unlock it first (smarketing version unlock) to promote it",
    ),
}


@pytest.mark.parametrize(("arguments", "expected"), REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refusal_is_one_line_and_leaves_the_plan_as_it_was(plan, capsys, arguments, expected):
    before = plan.read_bytes()

    message = refused(run(capsys, "version", *(a.format(plan=plan) for a in arguments)))

    assert expected in message
    assert plan.read_bytes() == before


def test_an_unknown_version_is_refused_naming_the_versions_there_are(plan, capsys):
    message = refused(run(capsys, "version", "delete", plan, "Nope"))

    assert message == (
        "smarketing: Version: the plan has no version named 'Nope' "
        "(its versions are 'Board FY2026', 'Cut events')\n"
    )


def test_a_locked_baseline_is_deleted_only_after_it_is_unlocked(plan, capsys):
    refused(run(capsys, "version", "delete", plan, BASELINE))
    assert run(capsys, "version", "unlock", plan, BASELINE)[0] == 0

    code, out, _err = run(capsys, "version", "delete", plan, BASELINE)

    assert code == 0 and out == "Deleted the baseline 'Board FY2026'.\n"


@pytest.mark.parametrize(
    "arguments",
    [
        ["version"],
        ["version", "list"],
        ["version", "explode", "p.smplan"],
        ["version", "save", "p.smplan", "X", "--locked", "--unlocked"],
    ],
)
def test_a_usage_error_of_version_is_one_line(capsys, arguments):
    with pytest.raises(SystemExit) as exit_:
        run(capsys, *arguments)

    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("smarketing version")


def test_a_version_command_on_a_missing_plan_is_one_line(tmp_path, capsys):
    assert "no such file" in refused(run(capsys, "version", "list", tmp_path / "no.smplan"))


@pytest.mark.parametrize(
    "action", ["list", "save", "delete", "rename", "lock", "unlock", "promote"]
)
def test_every_version_action_has_help(capsys, action):
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "version", action, "--help")

    assert exit_.value.code == 0
    assert "usage: smarketing version " + action in capsys.readouterr().out
