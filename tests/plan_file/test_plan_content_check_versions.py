"""A plan whose versions were changed outside the app: a list of versions whose kinds, locks or
types are not the app's refuses the plan on opening (a name the app would not write opens, and
is shown escaped); a version whose rows break the app's rules is refused, in one line naming
the table, the row and the field, whenever it would be used (opened, promoted, copied), while
the plan opens and its other versions work (see ``planner/storage/content.py`` for why).

Each breach is written into a copy of the small demo plan holding a locked baseline (version 1)
and a scenario (version 2), with plain SQL, as another tool could (see ``hostile_plans``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_plans import Breach, alter
from plan_file_support import folder_state

from planner import Plan, PlanContentError
from planner.cli.main import main
from planner.storage.content import check_version_content
from planner.versions.opened import open_version
from planner.versions.service import Kind

BASELINE, SCENARIO = 1, 2
FIRST = "initiative 1 'Month-end close benchmark report 2026'"


# -- the list of versions: the plan is refused -------------------------------------------

LIST_BREACHES = {
    "a version name that is not UTF-8": Breach(
        ("UPDATE plan_versions SET name = CAST(x'ff41' AS TEXT) WHERE id = 2",),
        "plan_versions",
        "name",
        ("version 2", "name", "is not valid UTF-8 text"),
    ),
    "a version kind neither baseline nor scenario": Breach(
        ("UPDATE plan_versions SET kind = 'forecast' WHERE id = 2",),
        "plan_versions",
        "kind",
        ("version 2 'Trim events': kind 'forecast' is not one of: 'baseline', 'scenario'",),
        ignore_checks=True,
    ),
    "a lock that is neither 0 nor 1": Breach(
        ("UPDATE plan_versions SET locked = 7 WHERE id = 1",),
        "plan_versions",
        "locked",
        ("version 1 'Board plan': locked 7 is not one of: 0, 1",),
        ignore_checks=True,
    ),
    "a version id written as text in a table rebuilt without STRICT": Breach(
        ("UPDATE plan_versions SET id = 'two' WHERE id = 2",),
        "plan_versions",
        "id",
        ("version 'two' 'Trim events': id holds text 'two' where a whole number belongs",),
        rebuild=("plan_versions",),
    ),
    "a version's row belonging to no version": Breach(
        (
            "INSERT INTO version_funnel_assumptions SELECT 9, lead_to_mql, mql_to_sal, "
            "sal_to_sql, sql_to_opportunity, opportunity_to_won, average_deal_size, "
            "min_return_ratio FROM version_funnel_assumptions WHERE version_id = 1",
        ),
        "version_funnel_assumptions",
        "version_id",
        ("version_funnel_assumptions: a row's version_id is 9, which is no version of the plan",),
    ),
}

# -- one version's rows: that version is refused -----------------------------------------

VERSION_BREACHES = {
    "a planned value of an initiative the version does not have": Breach(
        (
            "INSERT INTO version_values (version_id, initiative_id, month, leads_plan) "
            "VALUES (2, 999, 202601, 5)",
        ),
        "version_values",
        "initiative_id",
        (
            "version 2 'Trim events': version_values holds initiative 999, which the version "
            "does not have",
        ),
    ),
    "a negative budget written past the CHECK": Breach(
        ("UPDATE version_initiatives SET budget = -5 WHERE version_id = 2 AND id = 1",),
        "version_initiatives",
        "budget",
        (f"version 2 'Trim events', {FIRST}: budget -5 must not be negative",),
        ignore_checks=True,
    ),
    "a planned value outside the horizon": Breach(
        (
            "UPDATE version_values SET month = 203001 "
            "WHERE version_id = 2 AND initiative_id = 1 AND month = 202601",
        ),
        "version_values",
        "month",
        (f"version 2 'Trim events', {FIRST}, Jan 2030", "outside the plan's months"),
    ),
    "a planned value beyond the largest amount": Breach(
        (
            "UPDATE version_values SET spend_plan = 9223372036854775807 "
            "WHERE version_id = 2 AND initiative_id = 1 AND month = 202601",
        ),
        "version_values",
        "spend_plan",
        (f"version 2 'Trim events', {FIRST}, Jan 2026", "spend_plan 9223372036854775807"),
    ),
    "a conversion rate of 0": Breach(
        ("UPDATE version_funnel_assumptions SET lead_to_mql = 0 WHERE version_id = 2",),
        "version_funnel_assumptions",
        "lead_to_mql",
        ("version 2 'Trim events', funnel assumptions: lead_to_mql 0.0 must be above 0 %",),
    ),
    "no hand-off agreement": Breach(
        ("DELETE FROM version_handoff_agreement WHERE version_id = 2",),
        "version_handoff_agreement",
        None,
        ("version 2 'Trim events': the plan has no hand-off agreement of it",),
    ),
    "a role not of the list": Breach(
        ("UPDATE version_roles SET role = 'X' WHERE version_id = 2 AND role = 'I'",),
        "version_roles",
        "role",
        ("version 2 'Trim events', initiative", "is not one of: 'A', 'R', 'C', 'I'"),
        ignore_checks=True,
    ),
    "an initiative name with a control character": Breach(
        (
            "UPDATE version_initiatives SET name = 'Bell' || char(7), "
            "name_key = 'bell' || char(7) WHERE version_id = 2 AND id = 1",
        ),
        "version_initiatives",
        "name",
        ("version 2 'Trim events', initiative 1 'Bell\\x07': name", "control characters"),
    ),
    "two initiatives of one name in a table rebuilt without UNIQUE": Breach(
        (
            "UPDATE version_initiatives SET name = 'Twice', name_key = 'twice' "
            "WHERE version_id = 2 AND id IN (1, 2)",
        ),
        "version_initiatives",
        "name",
        ("version 2 'Trim events', initiative 2 'Twice': name is version 2", "name too"),
        rebuild=("version_initiatives",),
    ),
    "an initiative ending before it starts": Breach(
        (
            "UPDATE version_initiatives SET start_month = 202605, end_month = 202602 "
            "WHERE version_id = 2 AND id = 1",
        ),
        "version_initiatives",
        "end_month",
        (f"version 2 'Trim events', {FIRST}: end_month 202602 is before its start_month",),
        ignore_checks=True,
    ),
    "an initiative of a channel the plan does not have": Breach(
        ("UPDATE version_initiatives SET channel_id = 999 WHERE version_id = 2 AND id = 1",),
        "version_initiatives",
        "channel_id",
        ("version_initiatives: a row's channel_id is 999, which is no channel of the plan",),
    ),
}


@pytest.fixture
def plan_path(demo_path: Path) -> Path:
    """The small demo plan with a locked baseline (1) and a scenario (2), to break a rule in."""
    with Plan.open(demo_path) as plan:
        plan.versions.save("Board plan")
        plan.versions.save("Trim events", kind=Kind.SCENARIO)
    return demo_path


def one_line(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message, message
    return message


@pytest.mark.parametrize("read_only", [False, True], ids=["editing", "read-only"])
@pytest.mark.parametrize("breach", LIST_BREACHES.values(), ids=LIST_BREACHES.keys())
def test_a_plan_whose_list_of_versions_breaks_a_rule_is_refused_naming_table_and_field(
    plan_path, breach, read_only
):
    breach.apply(plan_path)
    before = folder_state(plan_path.parent)

    with pytest.raises(PlanContentError) as refused:
        Plan.open(plan_path, read_only=read_only)

    assert (refused.value.table, refused.value.field) == (breach.table, breach.field)
    message = one_line(refused.value)
    for words in breach.words:
        assert words in message
    assert "restore it from a copy" in message
    assert folder_state(plan_path.parent) == before


ODD_NAMES = {
    "control characters": "Board\x1b[2J\x07plan",
    "empty": "",
    "over 200 characters": "v" * 300,
    "the other version's in capitals": "TRIM EVENTS",
}


@pytest.mark.parametrize("name", ODD_NAMES.values(), ids=ODD_NAMES.keys())
def test_a_version_name_the_app_would_not_write_opens_and_is_read_as_written(plan_path, name):
    alter(plan_path, f"UPDATE plan_versions SET name = {sql_text(name)} WHERE id = 1")

    with Plan.open(plan_path) as plan, open_version(plan, BASELINE) as baseline:
        assert [v.name for v in plan.versions.list()] == [name, "Trim events"]
        assert baseline.version.name == name


def sql_text(text: str) -> str:
    """``text`` as an SQL expression, control characters included."""
    return " || ".join(f"char({ord(c)})" for c in text) or "''"


@pytest.mark.parametrize("breach", LIST_BREACHES.values(), ids=LIST_BREACHES.keys())
def test_the_command_line_refuses_such_a_plan_in_one_line(capsys, plan_path, breach):
    breach.apply(plan_path)

    code = main(["summary", str(plan_path)])
    captured = capsys.readouterr()

    assert (code, captured.out) == (2, "")
    assert captured.err.count("\n") == 1 and breach.words[0] in captured.err


@pytest.mark.parametrize("breach", VERSION_BREACHES.values(), ids=VERSION_BREACHES.keys())
def test_a_damaged_version_is_refused_when_opened_naming_table_row_and_field(plan_path, breach):
    breach.apply(plan_path)

    with Plan.open(plan_path) as plan, pytest.raises(PlanContentError) as refused:
        open_version(plan, SCENARIO)

    assert (refused.value.table, refused.value.field) == (breach.table, breach.field)
    assert refused.value.row is None or refused.value.row.startswith("version 2 'Trim events'")
    message = one_line(refused.value)
    for words in breach.words:
        assert words in message
    assert message.endswith("delete it, or restore the plan from a copy")


# A table rebuilt without its key breaks the references of every version's rows to it, a
# damage of the file's structure rather than of one version's rows.
ROWS_ONLY = {name: breach for name, breach in VERSION_BREACHES.items() if not breach.rebuild}


@pytest.mark.parametrize("breach", ROWS_ONLY.values(), ids=ROWS_ONLY.keys())
def test_a_plan_with_a_damaged_version_opens_and_its_other_versions_work(plan_path, breach):
    breach.apply(plan_path)

    with Plan.open(plan_path) as plan:
        with open_version(plan, BASELINE) as baseline:
            assert baseline.initiatives.count() == plan.initiatives.count()
        assert [v.name for v in plan.versions.list()] == ["Board plan", "Trim events"]


UNUSED: dict[str, Callable[[Plan], object]] = {
    "promoted": lambda plan: plan.versions.promote(SCENARIO, keep_working_as="Before"),
    "copied": lambda plan: plan.versions.save("Copy", kind=Kind.SCENARIO, source=SCENARIO),
}


@pytest.mark.parametrize("use", UNUSED.values(), ids=UNUSED.keys())
def test_a_damaged_version_is_neither_promoted_nor_copied_and_the_plan_is_left_as_it_was(
    plan_path, use
):
    VERSION_BREACHES["a conversion rate of 0"].apply(plan_path)
    before = folder_state(plan_path.parent)

    with Plan.open(plan_path) as plan, pytest.raises(PlanContentError) as refused:
        use(plan)

    assert refused.value.table == "version_funnel_assumptions"
    assert one_line(refused.value)
    assert folder_state(plan_path.parent) == before


def test_a_damaged_version_can_be_deleted(plan_path):
    VERSION_BREACHES["a planned value outside the horizon"].apply(plan_path)

    with Plan.open(plan_path) as plan:
        plan.versions.delete(SCENARIO)
    with Plan.open(plan_path) as plan:
        assert [v.name for v in plan.versions.list()] == ["Board plan"]


def test_the_check_passes_every_version_the_app_writes(plan_path):
    with Plan.open(plan_path) as plan:
        with open_version(plan, SCENARIO) as scenario:
            added = scenario.initiatives.add(name="Only in the scenario", budget=1_000_00)
            scenario.values.set(added.id, 202603, "leads", planned=12)
            scenario.initiatives.update(1, status="dropped")
        plan.versions.save("From the scenario", kind=Kind.SCENARIO, source=SCENARIO)
        for version in plan.versions.list():
            check_version_content(plan.db, version.id, where=str(plan_path))
