"""A plan whose content breaks the app's own rules is refused when opened, in one line naming the
table, the row and the field, by the command line and by Plan.open alike, and left as it was.

Each breach is written into a copy of the small demo plan with plain SQL, as another tool
could: values the schema admits but the app never writes, values written past the CHECK
constraints, and tables rebuilt without their constraints (see ``hostile_plans``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_plans import Breach, add_initiatives, alter
from plan_file_support import folder_state, older_plan

from planner import Plan, PlanContentError, PlanFileError
from planner.cli.main import main
from planner.demo import build_demo
from planner.storage.content import check_content
from planner.validation import MAX_NUMBER

FIRST = "initiative 1 'Month-end close benchmark report 2026'"

BREACHES = {
    "a budget beyond the largest amount": Breach(
        ("UPDATE initiatives SET budget = 9223372036854775807 WHERE id IN (1, 2)",),
        "initiatives",
        "budget",
        (FIRST, "budget 9223372036854775807", "must be at most"),
    ),
    "budgets adding up beyond what sums can hold": Breach(
        table="initiatives",
        field="budget",
        words=("initiatives: the budget column adds up to",),
        setup=lambda path: add_initiatives(path, 600, budget=MAX_NUMBER),
    ),
    "monthly values whose sum overflows 64-bit integers": Breach(
        table="monthly_values",
        field="spend_plan",
        words=("monthly_values: the spend_plan column adds up to",),
        setup=lambda path: add_initiatives(path, 1000, spend_plan=MAX_NUMBER),
    ),
    "a monthly value beyond the largest amount": Breach(
        (
            "UPDATE monthly_values SET leads_actual = 9223372036854775807 "
            "WHERE initiative_id = 1 AND month = 202601",
        ),
        "monthly_values",
        "leads_actual",
        (f"{FIRST}, Jan 2026", "leads_actual 9223372036854775807 must be at most"),
    ),
    "a negative monthly value written past the CHECK": Breach(
        ("UPDATE monthly_values SET spend_actual = -5 WHERE initiative_id = 1 AND month = 202601",),
        "monthly_values",
        "spend_actual",
        (f"{FIRST}, Jan 2026", "spend_actual -5 must not be negative"),
        ignore_checks=True,
    ),
    "a conversion rate of 0": Breach(
        ("UPDATE funnel_assumptions SET lead_to_mql = 0",),
        "funnel_assumptions",
        "lead_to_mql",
        ("funnel assumptions: lead_to_mql 0.0 must be above 0 %",),
    ),
    "a conversion rate above 1": Breach(
        ("UPDATE funnel_assumptions SET opportunity_to_won = 3",),
        "funnel_assumptions",
        "opportunity_to_won",
        ("funnel assumptions: opportunity_to_won 3.0",),
    ),
    "MQLs a month beyond what the agreement takes": Breach(
        ("UPDATE handoff_agreement SET mqls_per_month = 1000000000000000",),
        "handoff_agreement",
        "mqls_per_month",
        ("hand-off agreement: mqls_per_month 1000000000000000 must be at most 10,000,000",),
    ),
    "follow-up hours of a month beyond what a month takes": Breach(
        ("UPDATE handoff_months SET followup_hours = 1e12 WHERE month = 202601",),
        "handoff_months",
        "followup_hours",
        ("follow-up hours of Jan 2026: followup_hours 1000000000000.0 must be at most 10,000",),
    ),
    "a minimum return ratio beyond what the assumptions take": Breach(
        ("UPDATE funnel_assumptions SET min_return_ratio = 1e9",),
        "funnel_assumptions",
        "min_return_ratio",
        ("funnel assumptions: min_return_ratio 1000000000.0 must be at most 1,000",),
    ),
    "an acceptance rate of 0": Breach(
        ("UPDATE handoff_agreement SET acceptance_rate = 0",),
        "handoff_agreement",
        "acceptance_rate",
        ("hand-off agreement: acceptance_rate 0.0",),
    ),
    "a horizon starting in month 13": Breach(
        ("UPDATE plan_settings SET horizon_first = 202613",),
        "plan_settings",
        "horizon_first",
        ("plan settings: horizon_first 202613 is not a month",),
    ),
    "a horizon in year 0": Breach(
        ("UPDATE plan_settings SET horizon_first = 1",),
        "plan_settings",
        "horizon_first",
        ("horizon_first 1 is not a month", "between 1900 and 2999"),
    ),
    "a horizon in year 99,999": Breach(
        ("UPDATE plan_settings SET horizon_first = 9999901",),
        "plan_settings",
        "horizon_first",
        ("horizon_first 9999901 is not a month", "not 99999"),
    ),
    "a horizon of 0 months": Breach(
        ("UPDATE plan_settings SET horizon_months = 0",),
        "plan_settings",
        "horizon_months",
        ("horizon_months 0", "1 to 120 months"),
        ignore_checks=True,
    ),
    "a monthly value outside the horizon": Breach(
        ("UPDATE monthly_values SET month = 203001 WHERE initiative_id = 1 AND month = 202601",),
        "monthly_values",
        "month",
        (f"{FIRST}, Jan 2030", "outside the plan's months (Jan 2026 to Dec 2026)"),
    ),
    "a monthly value in month 13 inside the horizon's span": Breach(
        (
            "UPDATE plan_settings SET horizon_months = 24",
            "UPDATE monthly_values SET month = 202613 WHERE initiative_id = 1 AND month = 202601",
        ),
        "monthly_values",
        "month",
        (FIRST, "month 202613 is not a month"),
    ),
    "an initiative starting in month 13": Breach(
        ("UPDATE initiatives SET start_month = 202613, end_month = 202614 WHERE id = 1",),
        "initiatives",
        "start_month",
        (FIRST, "start_month 202613 is not a month"),
    ),
    "an initiative ending before it starts": Breach(
        ("UPDATE initiatives SET start_month = 202605, end_month = 202602 WHERE id = 1",),
        "initiatives",
        "end_month",
        (FIRST, "end_month 202602 is before its start_month 202605"),
        ignore_checks=True,
    ),
    "a name that is not UTF-8": Breach(
        ("UPDATE initiatives SET name = CAST(x'ff41' AS TEXT) WHERE id = 1",),
        "initiatives",
        "name",
        ("initiative 1", "name", "is not valid UTF-8 text"),
    ),
    "notes that are not UTF-8": Breach(
        ("UPDATE segments SET notes = CAST(x'c328' AS TEXT) WHERE id = 1",),
        "segments",
        "notes",
        ("segment 1 'Mid-market SaaS finance teams': notes", "is not valid UTF-8 text"),
    ),
    "a currency code that is no currency code": Breach(
        ("UPDATE plan_settings SET currency = 'us$'",),
        "plan_settings",
        "currency",
        ("plan settings: currency 'us$' is not an ISO 4217 currency code",),
    ),
    "three capitals that are not an ISO 4217 code": Breach(
        ("UPDATE plan_settings SET currency = 'ABC'",),
        "plan_settings",
        "currency",
        ("plan settings: currency 'ABC' is not an ISO 4217 currency code",),
    ),
    "no plan settings": Breach(
        ("DELETE FROM plan_settings",),
        "plan_settings",
        None,
        ("0 rows in its plan_settings table", "exactly one"),
    ),
    "no funnel assumptions": Breach(
        ("DELETE FROM funnel_assumptions",),
        "funnel_assumptions",
        None,
        ("0 rows in its funnel_assumptions table",),
    ),
    "no hand-off agreement": Breach(
        ("DELETE FROM handoff_agreement",),
        "handoff_agreement",
        None,
        ("0 rows in its handoff_agreement table",),
    ),
    "a name with a control character": Breach(
        ("UPDATE people SET name = 'Ann' || char(7) || 'Lee' WHERE id = 1",),
        "people",
        "name",
        ("person 1 'Ann\\x07Lee': name", "control characters"),
    ),
    "a status not of the list": Breach(
        ("UPDATE initiatives SET status = 'Planned' WHERE id = 1",),
        "initiatives",
        "status",
        (FIRST, "status 'Planned' is not one of"),
        ignore_checks=True,
    ),
    "a NULL name in a table rebuilt without NOT NULL": Breach(
        ("UPDATE people SET name = NULL WHERE id = 1",),
        "people",
        "name",
        ("person 1: name is empty (NULL)",),
        rebuild=("people",),
    ),
    "a negative budget in a table rebuilt without CHECK": Breach(
        ("UPDATE initiatives SET budget = -100 WHERE id = 1",),
        "initiatives",
        "budget",
        (FIRST, "budget -100 must not be negative"),
        rebuild=("initiatives",),
    ),
    "two Accountable owners in a table rebuilt without its unique index": Breach(
        (
            "INSERT INTO roles SELECT initiative_id, (SELECT max(id) FROM people), 'A' FROM roles "
            "WHERE role = 'A' AND initiative_id = 1",
        ),
        "roles",
        "role",
        (FIRST, "2 people are Accountable", "exactly one owner"),
        rebuild=("roles",),
    ),
    "text in a whole-number column of a table rebuilt without STRICT": Breach(
        ("UPDATE monthly_values SET mql_plan = 'lots' WHERE initiative_id = 1 AND month = 202601",),
        "monthly_values",
        "mql_plan",
        (f"{FIRST}, Jan 2026", "mql_plan holds text 'lots' where a whole number belongs"),
        rebuild=("monthly_values",),
    ),
    "a real number in a whole-number column of a table rebuilt without STRICT": Breach(
        ("UPDATE initiatives SET budget = 12.5 WHERE id = 1",),
        "initiatives",
        "budget",
        (FIRST, "budget holds a number where a whole number belongs"),
        rebuild=("initiatives",),
    ),
    "two names alike in a table rebuilt without UNIQUE": Breach(
        (
            "UPDATE segments SET name = (SELECT name FROM segments WHERE id = 1), "
            "name_key = (SELECT name_key FROM segments WHERE id = 1) WHERE id = 2",
        ),
        "segments",
        "name",
        ("segment 2 'Mid-market SaaS finance teams': name is segment 1",),
        rebuild=("segments",),
    ),
    "a name key that is not its name's key": Breach(
        ("UPDATE channels SET name_key = 'something else' WHERE id = 1",),
        "channels",
        "name_key",
        ("channel 1 'Content': name_key 'something else' is not the key of its name",),
    ),
    "a role naming a person the plan does not have": Breach(
        ("UPDATE roles SET person_id = 999 WHERE initiative_id = 1 AND role = 'A'",),
        "roles",
        "person_id",
        ("roles: a row's person_id is 999, which is no person of the plan",),
    ),
    "an initiative of a channel the plan does not have": Breach(
        ("DELETE FROM channels WHERE id = (SELECT channel_id FROM initiatives WHERE id = 1)",),
        "initiatives",
        "channel_id",
        ("initiatives: a row's channel_id is", "which is no channel of the plan"),
    ),
    "a settings row whose id is not 1": Breach(
        ("UPDATE plan_settings SET id = 9223372036854775807",),
        "plan_settings",
        "id",
        ("plan settings: id 9223372036854775807 must be 1",),
        ignore_checks=True,
    ),
    "text in a rate of a table rebuilt without STRICT": Breach(
        ("UPDATE funnel_assumptions SET lead_to_mql = CAST(x'373a' AS TEXT)",),
        "funnel_assumptions",
        "lead_to_mql",
        ("funnel assumptions: lead_to_mql holds text '7:' where a number belongs",),
        rebuild=("funnel_assumptions",),
    ),
    "a second settings row in a table rebuilt without its key": Breach(
        ("INSERT INTO plan_settings SELECT * FROM plan_settings",),
        "plan_settings",
        None,
        ("2 rows in its plan_settings table",),
        rebuild=("plan_settings",),
    ),
    "a monthly value of an initiative the plan does not have": Breach(
        ("INSERT INTO monthly_values (initiative_id, month, leads_plan) VALUES (999, 202601, 1)",),
        "monthly_values",
        "initiative_id",
        ("monthly_values: a row's initiative_id is 999",),
    ),
}


@pytest.fixture
def plan_path(demo_path: Path) -> Path:
    """A fresh copy of the small demo plan, to break a rule in."""
    return demo_path


def run(capsys: pytest.CaptureFixture[str], *arguments: str | Path) -> tuple[int, str, str]:
    code = main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("command", ["summary", "check"])
@pytest.mark.parametrize("breach", BREACHES.values(), ids=BREACHES.keys())
def test_the_command_line_refuses_a_plan_breaking_a_rule_in_one_line(
    capsys, plan_path, breach, command
):
    breach.apply(plan_path)
    before = folder_state(plan_path.parent)

    code, out, err = run(capsys, command, plan_path)

    assert (code, out) == (2, "")
    assert err.startswith(f"smarketing: {plan_path}: ") and err.count("\n") == 1, err
    assert "unexpected" not in err
    for words in breach.words:
        assert words in err
    assert "restore it from a copy" in err
    assert folder_state(plan_path.parent) == before


@pytest.mark.parametrize("read_only", [False, True], ids=["editing", "read-only"])
@pytest.mark.parametrize("breach", BREACHES.values(), ids=BREACHES.keys())
def test_plan_open_refuses_a_plan_breaking_a_rule_naming_table_and_field(
    plan_path, breach, read_only
):
    breach.apply(plan_path)
    before = folder_state(plan_path.parent)

    with pytest.raises(PlanContentError) as refused:
        Plan.open(plan_path, read_only=read_only)

    assert (refused.value.table, refused.value.field) == (breach.table, breach.field)
    assert folder_state(plan_path.parent) == before  # no lock left, nothing written


def test_the_refusal_is_one_line_whatever_the_text_in_the_file(plan_path):
    alter(
        plan_path,
        "UPDATE initiatives SET name = 'Line one' || char(10) || 'line two ' || "
        "'<b>' || replace(hex(zeroblob(200)), '0', 'x') || char(1), "
        "name_key = 'whatever' WHERE id = 1",
    )

    with pytest.raises(PlanContentError) as refused:
        Plan.open(plan_path, read_only=True)

    message = str(refused.value)
    assert "\n" not in message and "\x01" not in message
    assert "'Line one\\nline two <b>xxx" in message
    assert len(message) < 400


def test_the_refusal_comes_in_a_real_process_too(plan_path):
    from cli_support import smarketing

    alter(plan_path, "UPDATE funnel_assumptions SET sal_to_sql = 0")

    result = smarketing("summary", plan_path)

    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "funnel assumptions: sal_to_sql 0.0 must be above 0 %" in result.stderr


# -- what the app can live with opens, and is not counted -----------------------------------


def summary_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, object]:
    code, out, err = run(capsys, "summary", "--json", path)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_follow_up_hours_outside_the_horizon_open_and_are_not_counted(capsys, plan_path):
    before = summary_json(capsys, plan_path)
    alter(plan_path, "INSERT INTO handoff_months (month, followup_hours) VALUES (203001, 900.0)")
    altered = plan_path.read_bytes()

    assert summary_json(capsys, plan_path) == before
    with Plan.open(plan_path) as plan:
        assert plan.handoff.followup_hours()[203001] == 900.0
    assert plan_path.read_bytes() == altered


def test_an_initiative_dated_outside_the_horizon_opens(capsys, plan_path):
    alter(plan_path, "UPDATE initiatives SET start_month = 201901, end_month = 203512 WHERE id = 1")

    with Plan.open(plan_path, read_only=True) as plan:
        assert plan.initiatives.get(1).start_month == 201901
    assert summary_json(capsys, plan_path)


def test_an_initiative_with_roles_but_no_owner_opens(plan_path):
    alter(plan_path, "UPDATE roles SET role = 'R' WHERE initiative_id = 1 AND role = 'A'")

    with Plan.open(plan_path, read_only=True) as plan:
        assert plan.initiatives.get(1).owner_id is None


def test_a_currency_the_app_knows_no_symbol_for_opens(plan_path):
    alter(plan_path, "UPDATE plan_settings SET currency = 'ISK'")

    with Plan.open(plan_path, read_only=True) as plan:
        assert plan.currency.code == "ISK"


def test_a_saved_mapping_that_is_not_one_opens_and_is_asked_again(plan_path):
    alter(plan_path, "INSERT INTO import_mappings VALUES ('[\"a\"]', 'not json')")

    with Plan.open(plan_path, read_only=True) as plan:
        assert plan.import_mappings.saved(["a"]) is None


# -- every open path ---------------------------------------------------------------------


def test_an_older_plan_breaking_a_rule_is_refused_before_its_upgrade_replaces_it(tmp_path):
    path = tmp_path / "old.smplan"
    conn, _db = older_plan(path, stop_before="m004_channels", version=3)
    conn.execute("UPDATE funnel_assumptions SET mql_to_sal = 0")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)

    for read_only in (False, True):
        with pytest.raises(PlanContentError, match=r"mql_to_sal 0\.0"):
            Plan.open(path, read_only=read_only)

    assert folder_state(tmp_path) == before  # the original in place, no copy set aside


def test_an_older_plan_breaking_its_own_checks_is_refused_read_only_too(tmp_path):
    path = tmp_path / "old.smplan"
    conn, _db = older_plan(path, stop_before="m004_channels", version=3)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "INSERT INTO initiatives (name, name_key, channel, status, start_month, end_month, "
        "budget, revenue_target) VALUES ('On air', 'on air', 'radio', 'planned', 202601, "
        "202601, 0, 0)"
    )
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as refused:
        Plan.open(path, read_only=True)

    assert "CHECK constraint failed in initiatives" in str(refused.value)
    assert folder_state(tmp_path) == before


def test_the_check_passes_the_plans_the_app_writes(demo_original, tmp_path):
    large = tmp_path / "large.smplan"
    build_demo(large, size="large")
    for path in (demo_original, large):
        with Plan.open(path, read_only=True) as plan:
            check_content(plan.db, where=str(path))
