"""``--version NAME`` on `summary`, `check`, `chart`, `export` and `import`: the command reads
that saved version of the plan instead of the working plan and says so; an import through a
version writes the actuals every version shares, and no version's plan changes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from cli_support import smarketing
from version_cli_support import ADDED, BASELINE, SCENARIO, refused, run, save_versions

from planner import Metric, Plan
from planner.versions.opened import open_version

VERSION_LINE = "Version: the locked baseline 'Board FY2026', saved {saved_at} from the working plan"


@pytest.fixture
def plan(demo_path: Path) -> Path:
    """The demo plan with a locked baseline, changes since, and a scenario of those."""
    save_versions(demo_path)
    return demo_path


def _saved_at(path: Path, name: str) -> str:
    with Plan.open(path, read_only=True) as opened:
        return opened.versions.find(name).saved_at


def test_summary_of_a_version_says_which_first_and_shows_its_figures(plan):
    result = smarketing("summary", plan, "--version", BASELINE)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == VERSION_LINE.format(saved_at=_saved_at(plan, BASELINE))
    assert lines[1] == "FY2026 Demand Plan (Tidewater Software)"
    budget = next(line for line in lines if line.startswith("Budget"))
    assert budget.split()[1] == "$805,000"  # the working plan's is $750,000


def test_summary_json_names_the_version_or_null_for_the_working_plan(plan, capsys):
    version = json.loads(run(capsys, "summary", plan, "--version", "cut events", "--json")[1])
    working = json.loads(run(capsys, "summary", plan, "--json")[1])

    assert version["version"] == {
        "id": version["version"]["id"],
        "name": SCENARIO,
        "kind": "scenario",
        "locked": False,
        "saved_at": _saved_at(plan, SCENARIO),
        "saved_from": "the working plan",
    }
    assert version["budget"] == "745000.00"
    assert working["version"] is None and working["budget"] == "750000.00"


def test_check_of_a_version_lists_its_findings_under_the_version_line(plan, capsys):
    code, out, _err = run(capsys, "check", plan, "--version", BASELINE)

    assert code == 1  # the demo's baseline has errors too
    assert out.splitlines()[0].startswith("Version: the locked baseline 'Board FY2026'")
    assert out.splitlines()[-1] == "Alignment checks: 5 errors, 5 warnings, 4 info."


def test_check_json_names_the_version_of_every_finding(plan, capsys):
    of_version = json.loads(run(capsys, "check", plan, "--version", BASELINE, "--json")[1])
    of_working = json.loads(run(capsys, "check", plan, "--json")[1])

    assert {finding["version"] for finding in of_version} == {BASELINE}
    assert {finding["version"] for finding in of_working} == {None}
    assert len(of_version) != len(of_working)


def test_chart_of_a_version_is_drawn_and_says_which(plan, tmp_path, capsys):
    out = tmp_path / "budget.png"

    code, said, err = run(
        capsys, "chart", plan, "--version", SCENARIO, "--kind", "budget", "-o", out
    )

    assert code == 0, err
    assert said.splitlines() == [
        f"Version: the scenario 'Cut events', saved {_saved_at(plan, SCENARIO)} from the "
        "working plan",
        f"Wrote the budget chart to {out}",
    ]
    assert out.read_bytes().startswith(b"\x89PNG")


def test_export_of_a_version_writes_that_versions_initiatives(plan, tmp_path, capsys):
    out = tmp_path / "baseline.xlsx"

    code, said, err = run(capsys, "export", plan, "--version", BASELINE, "-o", out)

    assert code == 0, err
    assert said.splitlines()[0].startswith("Version: the locked baseline 'Board FY2026'")
    book = openpyxl.load_workbook(out, read_only=True)
    names = {row[1] for row in book["Initiatives"].iter_rows(values_only=True) if len(row) > 1}
    book.close()
    assert "Analyst relations program" in names  # dropped in the working plan since
    assert ADDED not in names  # added since


@pytest.mark.parametrize(
    "arguments",
    [
        ["summary"],
        ["summary", "--json"],
        ["check"],
        ["chart", "--kind", "budget", "-o", "{tmp}/x.png"],
        ["export", "-o", "{tmp}/x.xlsx"],
    ],
    ids=lambda arguments: " ".join(arguments[:2]),
)
def test_an_unknown_version_is_refused_in_one_line_and_nothing_is_written(
    plan, tmp_path, capsys, arguments
):
    before = plan.read_bytes()
    given = [argument.format(tmp=tmp_path) for argument in arguments]

    message = refused(run(capsys, given[0], plan, *given[1:], "--version", "Nope"))

    assert "no version named 'Nope' (its versions are 'Board FY2026', 'Cut events')" in message
    assert plan.read_bytes() == before
    assert list(tmp_path.glob("x.*")) == []


def test_reading_a_version_leaves_the_plan_file_as_it_was(plan, tmp_path, capsys):
    before = plan.read_bytes()

    for arguments in (
        ["summary"],
        ["check", "--json"],
        ["chart", "--kind", "funnel", "-o", tmp_path / "f.svg"],
        ["export", "-o", tmp_path / "b.xlsx"],
    ):
        run(capsys, arguments[0], plan, *arguments[1:], "--version", SCENARIO)

    assert plan.read_bytes() == before
    assert not Path(f"{plan}.lock").exists()


# -- import through a version ---------------------------------------------------------------

RENAMED = "Referral program (renamed)"
CSV = "Campaign,Closed,Leads\n{name},2026-03-14,321\n"
MAPPING = (
    "--initiative-column", "Campaign", "--date-column", "Closed", "--value-column", "Leads",
    "--metric", "leads",
)  # fmt: skip


def _csv(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "leads.csv"
    path.write_text(CSV.format(name=name), encoding="utf-8")
    return path


def _rename_in_scenario(path: Path) -> int:
    """Rename the scenario's re-budgeted initiative; its id."""
    with Plan.open(path) as opened, open_version(opened, opened.versions.find(SCENARIO).id) as v:
        initiative = next(i for i in v.initiatives.list() if i.name.startswith("Accounting"))
        v.initiatives.update(initiative.id, name=RENAMED)
    return initiative.id


def _version_rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = [
            row
            for table in ("version_initiatives", "version_values", "version_roles")
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")
        ]
    conn.close()
    return rows


def _leads(path: Path, initiative_id: int) -> int | None:
    with Plan.open(path, read_only=True) as opened:
        return opened.values.grid(Metric.LEADS).get((initiative_id, 202603), (None, None))[1]


def test_import_through_a_scenario_reads_its_names_and_writes_the_shared_actuals(
    plan, tmp_path, capsys
):
    initiative = _rename_in_scenario(plan)
    leads = _csv(tmp_path, RENAMED)
    rejected_by_working = run(capsys, "import", plan, leads, *MAPPING, "--dry-run")

    code, out, err = run(capsys, "import", plan, leads, *MAPPING, "--version", SCENARIO)

    assert rejected_by_working[0] == 1  # the working plan has no initiative of that name
    assert code == 0, err
    assert "  Read against the scenario 'Cut events'" in out
    assert out.endswith(f"Imported 1 value into {plan} (the actuals every version shares).\n")
    assert _leads(plan, initiative) == 321


def test_import_through_a_locked_baseline_is_refused_in_one_line_and_writes_nothing(
    plan, tmp_path, capsys
):
    with Plan.open(plan, read_only=True) as opened:
        initiative = next(i for i in opened.initiatives.list() if i.start_month <= 202603)
    before = plan.read_bytes()

    code, _out, err = run(
        capsys, "import", plan, _csv(tmp_path, initiative.name), *MAPPING, "--version", BASELINE
    )

    assert code == 2
    assert err.count("\n") == 1
    assert f"baseline '{BASELINE}': a locked version cannot change" in err
    assert plan.read_bytes() == before


def test_a_dry_run_through_a_locked_baseline_previews_the_import(plan, tmp_path, capsys):
    with Plan.open(plan, read_only=True) as opened:
        initiative = next(i for i in opened.initiatives.list() if i.start_month <= 202603)

    code, out, err = run(
        capsys, "import", plan, _csv(tmp_path, initiative.name), *MAPPING,
        "--version", BASELINE, "--dry-run",
    )  # fmt: skip

    assert code == 0, err
    assert f"  Read against the locked baseline '{BASELINE}'" in out
    assert out.rstrip().endswith("Dry run: nothing was imported.")


def test_import_of_actuals_for_an_initiative_only_in_a_scenario_is_refused(plan, tmp_path, capsys):
    with Plan.open(plan) as opened, open_version(opened, opened.versions.find(SCENARIO).id) as v:
        v.initiatives.add(name="Scenario-only pilot", budget=1_000_00, start_month="2026-03")
    before = plan.read_bytes()

    code, out, err = run(
        capsys, "import", plan, _csv(tmp_path, "Scenario-only pilot"), *MAPPING,
        "--version", SCENARIO,
    )  # fmt: skip

    assert code == 2
    assert "Scenario-only pilot" in out  # the preview
    assert err.count("\n") == 1
    assert "nothing was imported: 'Scenario-only pilot' is only in the scenario" in err
    assert plan.read_bytes() == before


def test_a_dry_run_through_a_version_writes_nothing(plan, tmp_path, capsys):
    _rename_in_scenario(plan)
    before = plan.read_bytes()

    code, out, _err = run(
        capsys, "import", plan, _csv(tmp_path, RENAMED), *MAPPING, "--version", SCENARIO,
        "--dry-run",
    )  # fmt: skip

    assert code == 0
    assert "1 value to import" in out and out.endswith("Dry run: nothing was imported.\n")
    assert plan.read_bytes() == before
