"""The workbook shows the conversion rates in use: the Initiatives sheet gives each
initiative's five rates (its own, else its channel's, else the plan's) and where they come
from; the About sheet lists the channels' own rates and the gross margin. Export only: an
import brings actuals back, never planned fields or rates."""

from __future__ import annotations

import pytest
from export_support import row_starting, sheet_rows

from planner import Plan
from planner.rate_words import RATE_TITLES
from planner.workbook.export import export_workbook
from planner.workbook.export.initiatives_sheet import HEADERS


@pytest.fixture
def plan() -> Plan:
    """Three initiatives: one on the plan's rates, one whose channel (Event) sets two rates,
    one setting its own lead → MQL in that channel."""
    plan = Plan.in_memory()
    event = plan.channels.named("Event").id
    plan.funnel.update(lead_to_mql="15%", mql_to_sal="50%")
    plan.initiatives.add(name="Search ads", channel_id=plan.channels.named("Paid").id)
    plan.initiatives.add(name="Summit", channel_id=event)
    booth = plan.initiatives.add(name="Booth", channel_id=event).id
    plan.channels.set_rates(event, mql_to_sal="45%", sal_to_sql="70%")
    plan.initiatives.set_rates(booth, lead_to_mql="25%")
    return plan


def initiatives_shown(path) -> dict[str, dict[str, object]]:
    rows = sheet_rows(path, "Initiatives")
    header = row_starting(rows, "ID", "Initiative")
    return {row[1]: dict(zip(HEADERS, row, strict=False)) for row in rows[header + 1 :] if row[1]}


def about_pairs(path) -> dict[str, object]:
    return {row[0]: row[1] for row in sheet_rows(path, "About") if row and row[0]}


def test_each_initiative_shows_the_rates_it_converts_at(plan, tmp_path):
    shown = initiatives_shown(export_workbook(plan, tmp_path / "rates.xlsx"))

    lead, mql_sal, sal_sql = (RATE_TITLES[r] for r in ("lead_to_mql", "mql_to_sal", "sal_to_sql"))
    assert (shown["Search ads"][lead], shown["Search ads"][mql_sal]) == (0.15, 0.5)
    assert (shown["Summit"][mql_sal], shown["Summit"][sal_sql]) == (0.45, 0.7)
    assert (shown["Booth"][lead], shown["Booth"][mql_sal]) == (0.25, 0.45)


def test_each_initiative_says_where_its_rates_come_from(plan, tmp_path):
    shown = initiatives_shown(export_workbook(plan, tmp_path / "rates.xlsx"))

    assert shown["Search ads"]["Rates from"] == "the plan"
    assert shown["Summit"]["Rates from"] == (
        "MQL → SAL, SAL → SQL from the channel; the rest from the plan"
    )
    assert shown["Booth"]["Rates from"] == (
        "Lead → MQL its own; MQL → SAL, SAL → SQL from the channel; the rest from the plan"
    )


def test_about_lists_the_channels_own_rates_and_the_gross_margin(plan, tmp_path):
    plan.settings.update(gross_margin="72%")
    about = about_pairs(export_workbook(plan, tmp_path / "rates.xlsx"))

    assert about["Channel Event"] == "MQL → SAL 45%, SAL → SQL 70%"
    assert about["Gross margin"] == 0.72


def test_about_says_when_no_channel_has_rates_and_no_margin_is_stated(tmp_path):
    plan = Plan.in_memory()
    plan.initiatives.add(name="Search ads", channel_id=plan.channels.named("Paid").id)
    about = about_pairs(export_workbook(plan, tmp_path / "plain.xlsx"))

    assert about["Gross margin"] == "(not stated)"
    assert about["Channel rates"].startswith("(none")
