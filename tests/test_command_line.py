"""The `smarketing` command line, run as a real process: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from planner import Plan


def smarketing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.smplan"
    result = smarketing("demo", path)
    assert result.returncode == 0, result.stderr
    return path


def test_demo_writes_a_plan_and_says_where(demo):
    assert demo.exists()
    with Plan.open(demo, read_only=True) as plan:
        assert len(plan.initiatives.list()) >= 18


def test_demo_refuses_to_overwrite_without_force(demo):
    before = demo.read_bytes()
    result = smarketing("demo", demo)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "exists" in result.stderr
    assert demo.read_bytes() == before


def test_summary_shows_headline_figures_and_attainment(demo):
    result = smarketing("summary", demo)
    assert result.returncode == 0, result.stderr
    for expected in ("Revenue target", "won to date", "forecast", "Revenue won", "Attain."):
        assert expected in result.stdout


def test_summary_json_carries_exact_money_and_every_metric(demo):
    data = json.loads(smarketing("summary", demo, "--json").stdout)
    with Plan.open(demo, read_only=True) as plan:
        budget = sum(i.budget for i in plan.initiatives.list() if i.status.value != "dropped")
        expected = str(plan.currency.to_decimal(budget))
    assert data["budget"] == expected
    assert set(data["metrics"]) == {
        "spend", "leads", "mql", "sal", "sql", "opportunities", "pipeline", "deals_won", "revenue_won"
    }  # fmt: skip
    assert data["actuals_through"] is not None


def test_summary_says_the_years_landing_against_the_target_and_the_budget(demo):
    lines = smarketing("summary", demo).stdout.splitlines()

    landing = next(n for n, line in enumerate(lines) if line.startswith("Landing 2026"))
    assert "of the $6,270,000 target" in lines[landing]
    assert "under the $805,000 budget" in lines[landing + 1]


def test_summary_json_carries_the_landing_of_every_metric(demo):
    data = json.loads(smarketing("summary", demo, "--json").stdout)
    landing = data["landing"]

    assert set(landing["metrics"]) == set(data["metrics"])
    revenue = landing["metrics"]["revenue_won"]
    assert Decimal(revenue["landing"]) - Decimal(revenue["target"]) == Decimal(revenue["gap"])
    assert landing["said"]["revenue_won"].startswith("landing $")


def test_check_lists_findings_and_exits_1_when_any_is_an_error(demo):
    result = smarketing("check", demo)
    assert result.returncode == 1
    assert "ERROR" in result.stdout and "Alignment checks:" in result.stdout


def test_check_exits_0_for_a_plan_without_errors(tmp_path):
    with Plan.create(tmp_path / "empty.smplan", name="Empty", first_month="2026-01"):
        pass
    result = smarketing("check", tmp_path / "empty.smplan", "--json")
    assert result.returncode == 0
    assert all(f["severity"] != "error" for f in json.loads(result.stdout))


def test_summary_and_check_leave_the_plan_file_untouched(demo):
    before = demo.read_bytes()
    smarketing("summary", demo)
    smarketing("check", demo)
    assert demo.read_bytes() == before
    assert not Path(str(demo) + ".lock").exists()


def one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("smarketing: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("command", ["summary", "check"])
def test_random_bytes_are_refused_in_one_line(tmp_path, command):
    path = tmp_path / "noise.smplan"
    path.write_bytes(bytes(range(256)) * 8)
    assert "not a Smarketing Planner plan" in one_line_refusal(smarketing(command, path))


def test_an_empty_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "empty.smplan"
    path.touch()
    assert "empty" in one_line_refusal(smarketing("summary", path))


def test_another_apps_database_is_refused_in_one_line(tmp_path):
    path = tmp_path / "other.smplan"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    assert "another application" in one_line_refusal(smarketing("summary", path))


def test_a_missing_file_is_refused_in_one_line(tmp_path):
    assert "no such file" in one_line_refusal(smarketing("check", tmp_path / "nope.smplan"))


def test_a_newer_plan_is_refused_in_one_line(tmp_path):
    path = tmp_path / "future.smplan"
    with Plan.create(path, name="Future", first_month="2026-01"):
        pass
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert "newer version" in one_line_refusal(smarketing("summary", path))


def test_a_usage_error_is_one_line(tmp_path):
    result = smarketing("demo", tmp_path / "x.smplan", "--size", "huge")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "huge" in result.stderr


def test_every_command_has_help():
    for command in ("demo", "summary", "check", "version", "compare", "phase"):
        result = smarketing(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_the_core_command_line_without_a_command_points_to_the_app_in_one_line():
    result = smarketing()
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1 and "python -m ui" in result.stdout


def test_the_installed_command_runs_commands_without_loading_qt(demo):
    script = (
        "import sys; from ui.launch import main; code = main(['summary', sys.argv[1]]); "
        "assert 'PySide6' not in sys.modules, 'Qt loaded for a command'; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Tidewater Software" in result.stdout


def test_an_unknown_command_is_an_error_naming_it_and_the_commands(tmp_path):
    result = smarketing("baseline", "save", tmp_path / "p.smplan", "X")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "smarketing: unknown command 'baseline'; the commands are demo, summary, check, chart, "
        "export, brief, import, rollover, version, compare, phase (see smarketing --help)\n"
    )


def test_a_mistyped_command_alone_is_an_unknown_command_not_a_plan():
    result = smarketing("sumary")
    assert result.returncode == 2
    assert "unknown command 'sumary'" in result.stderr


def test_the_core_command_line_given_a_plan_says_to_open_it_in_the_app(tmp_path):
    result = smarketing(tmp_path / "q3.smplan")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "python -m ui" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "opens_app"),
    [
        ([], True),
        (["q3.smplan"], True),
        (["plans/q3"], True),
        (["summary", "q3.smplan"], False),
        (["--help"], False),
        (["sumary"], False),
        (["version", "save", "p.smplan", "X"], False),
        (["version"], False),
    ],
)
def test_the_installed_command_opens_the_app_without_a_command_or_with_a_plan(arguments, opens_app):
    from ui.launch import wants_app

    assert wants_app(arguments) is opens_app


def test_a_lone_word_that_is_an_existing_file_opens_in_the_app(tmp_path, monkeypatch):
    from ui.launch import wants_app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "budget").write_bytes(b"")
    assert wants_app(["budget"]) is True


def test_a_system_library_qt_needs_missing_is_one_line_pointing_to_the_readme(tmp_path):
    # As on a bare Debian without libglib2.0-0: Qt's own extension modules fail to load.
    script = (
        "import sys\n"
        "class NoGlib:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('PySide6.Qt'):\n"
        "            raise ImportError('libglib-2.0.so.0: cannot open shared object file: '\n"
        "                              'No such file or directory')\n"
        "sys.meta_path.insert(0, NoGlib())\n"
        "from ui.launch import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for arguments in ([str(tmp_path / "q3.smplan")], ["--self-test"]):
        result = subprocess.run(
            [sys.executable, "-c", script, *arguments], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert "libglib-2.0.so.0" in result.stderr and "README" in result.stderr
