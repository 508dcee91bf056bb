"""A version comparison lists an initiative whose own conversion rates differ between the two
sides as changed, with each rate before → after, in the library, the compare dialog's words
and `smarketing compare` (text and JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from version_cli_support import run

from planner import Plan
from planner.domain import RateOverrides
from planner.versions.compare import Difference, change_lines, compare, rate_changes
from planner.versions.opened import open_version

WEBINAR = "Audit-readiness webinar"


@pytest.fixture
def plan(demo_path: Path) -> Path:
    """The demo plan saved as the baseline "Board", then the webinar's own rates changed:
    its lead → MQL set to 25 %, its MQL → SAL (40 % in the baseline) back to inherited."""
    with Plan.open(demo_path) as opened:
        webinar = named(opened)
        opened.initiatives.set_rates(webinar, mql_to_sal="40%")
        opened.versions.save("Board")
        opened.initiatives.set_rates(webinar, lead_to_mql="25%", mql_to_sal=None)
    return demo_path


def named(plan: Plan) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name == WEBINAR)


def board_against_working(path: Path):
    """The baseline "Board" compared with the working plan, and the plan's currency."""
    with Plan.open(path) as working:
        board = working.versions.find("Board").id
        with open_version(working, board) as saved:
            return compare(saved, working), working.currency


def webinar_diff(path: Path):
    comparison, currency = board_against_working(path)
    (diff,) = [d for d in comparison.changed() if d.name == WEBINAR]
    return diff, currency


def test_an_initiative_whose_own_rates_differ_is_changed(plan):
    diff, _currency = webinar_diff(plan)

    assert diff.difference is Difference.CHANGED
    assert diff.also_changed() == ["conversion rates"]


def test_the_change_lines_give_each_rate_before_and_after(plan):
    diff, currency = webinar_diff(plan)

    assert change_lines(diff, currency) == [
        "Lead → MQL rate inherited → 25%",
        "MQL → SAL rate 40% → inherited",
    ]


def test_rates_the_same_on_both_sides_say_nothing():
    same = RateOverrides(lead_to_mql=0.2)
    assert rate_changes(same, same) == []


def test_the_compare_command_lists_it_with_its_rates(plan, capsys):
    code, out, _err = run(capsys, "compare", plan, "--against", "Board")

    assert code == 0
    (line,) = [line for line in out.splitlines() if WEBINAR in line]
    assert "changed" in line and "conversion rates" in line


def test_the_compare_json_gives_the_rates_of_each_side(plan, capsys):
    code, out, _err = run(capsys, "compare", plan, "--against", "Board", "--json")

    assert code == 0
    (changes,) = json.loads(out)["changes"]
    (diff,) = [d for d in changes["initiatives"] if d["name"] == WEBINAR]
    assert diff["before"]["rates"]["mql_to_sal"] == pytest.approx(0.4)
    assert diff["before"]["rates"]["lead_to_mql"] is None
    assert diff["after"]["rates"]["lead_to_mql"] == pytest.approx(0.25)
    assert diff["also_changed"] == ["conversion rates"]


def test_the_compare_dialog_lists_it_with_its_rates_before_and_after(plan):
    from ui.versions.compare_tables import change_rows

    comparison, _currency = board_against_working(plan)
    (row,) = [row for row in change_rows(comparison) if row.name == WEBINAR]
    assert row.details == "Lead → MQL rate inherited → 25%; MQL → SAL rate 40% → inherited"
