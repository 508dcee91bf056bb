"""Drilling down: the initiatives behind a clicked bar of each kind, checked against the
plan's own records, within the Dashboard's months and filter."""

from __future__ import annotations

import pytest

from planner import Metric, Plan
from planner.analysis import Analysis, Dimension
from ui.pages.dashboard.drill import NO_SEGMENT, KeyNames, drill_down
from ui.pages.dashboard.selection import NO_OWNER, Selection
from ui.pages.initiatives.filters import NOBODY, NOWHERE

YEAR = Selection(months=(202601, 202612), period="Year 2026")
Q1 = Selection(months=(202601, 202603), period="Q1 2026")


@pytest.fixture
def plan(document) -> Plan:
    return document.plan


def ids(plan: Plan, keep) -> frozenset[int]:
    return frozenset(i.id for i in plan.initiatives.list() if keep(i))


def team_of(plan: Plan, initiative) -> str | None:
    people = {p.id: p for p in plan.people.list()}
    owner = people.get(initiative.owner_id)
    return None if owner is None else owner.team.value


def test_a_month_lists_the_initiatives_running_in_it(plan):
    found = drill_down(Analysis.in_sql(plan), "month:202603", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: i.start_month <= 202603 <= i.end_month)
    assert found.title == "Running in Mar 2026 · Year 2026"


def test_an_owner_lists_what_they_own_and_sets_the_owner_filter(plan):
    owner = next(i.owner_id for i in plan.initiatives.list() if i.owner_id is not None)

    found = drill_down(Analysis.in_sql(plan), f"owner:{owner}", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: i.owner_id == owner)
    assert found.owner_id == owner
    assert found.title.startswith(f"Owned by {plan.people.get(owner).name}")


def test_no_owner_lists_the_initiatives_nobody_is_accountable_for(plan):
    found = drill_down(Analysis.in_sql(plan), "owner:none", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: i.owner_id is None)
    assert found.initiative_ids  # the demo has one: the grant-accounting guide
    assert found.owner_id == NO_OWNER


def test_a_team_lists_the_initiatives_its_people_own(plan):
    found = drill_down(Analysis.in_sql(plan), "team:Sales", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: team_of(plan, i) == "Sales")
    assert found.initiative_ids


def test_a_tier_lists_the_initiatives_aimed_at_any_of_its_segments(plan):
    core = {s.id for s in plan.segments.list() if s.tier.value == "core"}

    found = drill_down(Analysis.in_sql(plan), "tier:core", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: bool(core & set(i.segment_ids)))
    assert found.tier == "core"


def test_no_tier_lists_the_initiatives_aimed_at_no_segment(plan):
    found = drill_down(Analysis.in_sql(plan), "tier:none", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: not i.segment_ids)
    assert (found.segment_id, found.tier) == (NO_SEGMENT, None)


def test_a_segment_lists_the_initiatives_aimed_at_it(plan):
    segment = plan.segments.list()[0]

    found = drill_down(Analysis.in_sql(plan), f"segment:{segment.id}", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: segment.id in i.segment_ids)
    assert found.segment_id == segment.id
    assert found.title.startswith(f"Aimed at {segment.name}")


def test_a_channel_lists_its_initiatives(plan):
    paid = plan.channels.named("Paid").id

    found = drill_down(Analysis.in_sql(plan), f"channel:{paid}", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: i.channel_id == paid)
    assert found.channel_id == paid
    assert found.title == "Paid channel · Year 2026"


def test_a_channel_the_lead_added_and_named_lists_its_initiatives(plan):
    podcasts = plan.channels.add(name="Podcasts").id
    plan.initiatives.update(plan.initiatives.list()[0].id, channel_id=podcasts)

    found = drill_down(Analysis.in_sql(plan), f"channel:{podcasts}", YEAR)

    assert found is not None
    assert found.initiative_ids == ids(plan, lambda i: i.channel_id == podcasts)
    assert len(found.initiative_ids) == 1
    assert found.title == "Podcasts channel · Year 2026"
    assert KeyNames(plan).describe(f"channel:{podcasts}") == "Podcasts channel"


def test_an_initiative_lists_itself(plan):
    initiative = plan.initiatives.list()[3]

    found = drill_down(Analysis.in_sql(plan), f"initiative:{initiative.id}", YEAR)

    assert found is not None
    assert found.initiative_ids == {initiative.id}
    assert found.title == f"{initiative.name} · Year 2026"


def test_a_funnel_stage_lists_the_initiatives_with_that_stage_in_the_months(plan):
    rows = Analysis.in_sql(plan).rollup(Dimension.INITIATIVE, months=Q1.months)
    expected = {r.key for r in rows if r.totals.planned[Metric.MQL] or r.totals.actual[Metric.MQL]}

    found = drill_down(Analysis.in_sql(plan), "stage:mql", Q1)

    assert found is not None
    assert found.initiative_ids == expected
    assert found.title == "Contributing MQLs · Q1 2026"


def test_the_months_leave_out_initiatives_that_do_not_run_in_them(plan):
    event = plan.channels.named("Event").id
    found = drill_down(Analysis.in_sql(plan), f"channel:{event}", Q1)

    assert found is not None
    assert found.initiative_ids == ids(
        plan, lambda i: i.channel_id == event and i.start_month <= 202603 and i.end_month >= 202601
    )
    assert found.initiative_ids < ids(plan, lambda i: i.channel_id == event)


def test_the_dashboards_filter_narrows_the_list_and_goes_along(plan):
    channel = plan.channels.named("Paid").id
    paid = Selection(months=(202601, 202612), period="Year 2026", channel_id=channel)

    found = drill_down(Analysis.in_sql(plan), "month:202603", paid)

    assert found is not None
    assert found.initiative_ids == ids(
        plan, lambda i: i.channel_id == channel and i.start_month <= 202603 <= i.end_month
    )
    assert found.channel_id == channel


def test_a_key_nothing_stands_behind_opens_nothing(plan):
    assert drill_down(Analysis.in_sql(plan), "planet:mars", YEAR) is None
    assert drill_down(Analysis.in_sql(plan), "owner:99999", YEAR) is None


def test_keys_read_as_names(plan):
    names = KeyNames(plan)
    person = plan.people.list()[0]

    assert names.describe("month:202603") == "Mar 2026"
    assert names.describe(f"owner:{person.id}") == person.name
    assert names.describe("tier:core") == "Core segments"
    assert names.describe("stage:mql") == "MQLs"
    assert names.describe("owner:99999") == "owner:99999"


def test_no_owner_and_no_segment_mean_what_the_initiatives_page_means():
    assert (NO_OWNER, NO_SEGMENT) == (NOBODY, NOWHERE)
