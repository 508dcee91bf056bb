"""The demo plans: the small showcase plan tells a coherent story, the large one is the
benchmark plan of ARCHITECTURE.md, and both are the same for the same seed."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from planner import Metric, Plan, PlanFileError, Role, Team, Tier, ValidationError
from planner.demo import DemoSize, build_demo
from planner.domain import FUNNEL_STAGES
from planner.storage.lock import lock_path_for
from planner.storage.schema import DEFAULT_CHANNELS

SUMS = ", ".join(f"sum({m.planned_column})" for m in Metric)
ACTUAL_COLUMNS = [m.actual_column for m in Metric]
ALL_COLUMNS = [c for m in Metric for c in (m.planned_column, m.actual_column)]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo for the read-only tests of this module (building it takes ~0.3 s)."""
    return build_demo(tmp_path_factory.mktemp("demo") / "small.smplan")


def table_contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in a stable order, leaving out the migrations' timestamps."""
    with Plan.open(path, read_only=True) as plan:
        tables = [
            row[0]
            for row in plan.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name != '_sqlite_migrations' ORDER BY name"
            )
        ]
        contents = {}
        for table in tables:
            width = len(plan.query(f"PRAGMA table_info({table})"))
            order = ", ".join(str(n) for n in range(1, width + 1))
            contents[table] = plan.query(f"SELECT * FROM {table} ORDER BY {order}")
    return contents


def test_small_demo_has_about_twenty_initiatives_in_most_of_the_default_channels(
    small: Path,
) -> None:
    with Plan.open(small) as plan:
        initiatives = plan.initiatives.list()
        channels = {c.id: c.name for c in plan.channels.list()}
    assert 18 <= len(initiatives) <= 24
    assert list(channels.values()) == list(DEFAULT_CHANNELS)
    used = {channels[i.channel_id] for i in initiatives}
    assert {"Content", "Paid", "SEO", "Event", "Field marketing", "PR", "Other"} <= used
    assert len(used) >= 10
    assert len({i.status for i in initiatives}) >= 4


def test_small_demo_has_twelve_people_in_marketing_sales_and_leadership(small: Path) -> None:
    with Plan.open(small) as plan:
        people = plan.people.list()
    assert len(people) == 12
    assert {p.team for p in people} == {Team.MARKETING, Team.SALES, Team.LEADERSHIP}
    assert all(p.title and "@" in p.email for p in people)
    assert len({p.email for p in people}) == 12


def test_small_demo_has_six_segments_in_all_three_tiers(small: Path) -> None:
    with Plan.open(small) as plan:
        tiers = Counter(s.tier for s in plan.segments.list())
    assert sum(tiers.values()) == 6
    assert set(tiers) == set(Tier)
    assert 2 <= tiers[Tier.CORE] <= 3
    assert tiers[Tier.OUTSIDE] == 1


def test_small_demo_plans_twelve_months_from_january_2026(small: Path) -> None:
    with Plan.open(small) as plan:
        settings = plan.settings.get()
    assert (settings.horizon.first, settings.horizon.count) == (202601, 12)
    assert settings.fiscal_year_start == 1
    assert settings.currency == "USD"
    assert settings.stage == "scaling"
    assert settings.name and settings.company


def test_small_demo_has_actuals_in_the_first_four_months_only(small: Path) -> None:
    any_actual = " OR ".join(f"{c} IS NOT NULL" for c in ACTUAL_COLUMNS)
    with Plan.open(small) as plan:
        months = [
            r[0]
            for r in plan.query(f"SELECT DISTINCT month FROM monthly_values WHERE {any_actual}")
        ]
        planned_months = plan.query("SELECT count(DISTINCT month) FROM monthly_values")[0][0]
    assert sorted(months) == [202601, 202602, 202603, 202604]
    assert planned_months == 12


def test_small_demo_has_initiatives_both_ahead_of_and_behind_plan(small: Path) -> None:
    with Plan.open(small) as plan:
        rows = plan.query(
            "SELECT sum(leads_actual) * 1.0 / sum(leads_plan) FROM monthly_values "
            "WHERE leads_actual IS NOT NULL GROUP BY initiative_id"
        )
    attainment = [r[0] for r in rows]
    assert len(attainment) >= 8
    assert any(a > 1.05 for a in attainment)
    assert any(a < 0.95 for a in attainment)


def test_every_initiatives_planned_funnel_narrows_stage_by_stage(small: Path) -> None:
    with Plan.open(small) as plan:
        rows = plan.query(f"SELECT initiative_id, {SUMS} FROM monthly_values GROUP BY 1")
    assert len(rows) >= 18
    for initiative_id, *sums in rows:
        totals = dict(zip(Metric, sums, strict=True))
        stages = [totals[m] for m in FUNNEL_STAGES]
        assert stages == sorted(stages, reverse=True), initiative_id
        assert totals[Metric.DEALS_WON] > 0, initiative_id


def test_planned_money_follows_the_funnel_and_the_budget(small: Path) -> None:
    with Plan.open(small) as plan:
        deal_size = plan.funnel.get().average_deal_size
        bad_money = plan.query(
            "SELECT count(*) FROM monthly_values WHERE pipeline_plan != opportunities_plan * ? "
            "OR revenue_won_plan != deals_won_plan * ?",
            [deal_size, deal_size],
        )[0][0]
        spend = plan.query(
            "SELECT i.budget, sum(v.spend_plan) FROM initiatives i JOIN monthly_values v "
            "ON v.initiative_id = i.id WHERE i.end_month <= 202612 GROUP BY i.id"
        )
    assert bad_money == 0
    assert spend and all(budget == planned for budget, planned in spend)


def test_small_demo_roles_put_a_marketer_in_charge_and_a_seller_on_board(small: Path) -> None:
    with Plan.open(small) as plan:
        teams = {p.id: p.team for p in plan.people.list()}
        initiatives = plan.initiatives.list()
        roles = plan.roles.all()
    owners = [teams[i.owner_id] for i in initiatives if i.owner_id is not None]
    with_seller = {a.initiative_id for a in roles if teams[a.person_id] is Team.SALES}
    informed = {a.initiative_id for a in roles if a.role is Role.INFORMED}
    assert len(owners) == len(initiatives) - 1  # one random act has no owner
    assert Counter(owners).most_common(1)[0][0] is Team.MARKETING
    assert len(with_seller) == len(initiatives) - 1  # one random act has no seller
    assert informed == {i.id for i in initiatives}


def test_small_demo_holds_one_of_each_random_act_of_marketing(small: Path) -> None:
    with Plan.open(small) as plan:
        horizon = plan.horizon
        tiers = {s.id: s.tier for s in plan.segments.list()}
        teams = {p.id: p.team for p in plan.people.list()}
        sellers = Counter(
            a.initiative_id for a in plan.roles.all() if teams[a.person_id] is Team.SALES
        )
        initiatives = plan.initiatives.list()
        with_values = {
            r[0] for r in plan.query("SELECT DISTINCT initiative_id FROM monthly_values")
        }
    acts: Counter[str] = Counter()
    for i in initiatives:
        aimed_at = {tiers[s] for s in i.segment_ids}
        acts["no revenue target"] += i.revenue_target == 0
        acts["no owner"] += i.owner_id is None
        acts["no seller"] += sellers[i.id] == 0
        acts["no segment"] += not aimed_at
        acts["outside the zone only"] += aimed_at == {Tier.OUTSIDE}
        acts["budget without funnel"] += i.budget > 0 and i.id not in with_values
        acts["dates outside the plan"] += i.start_month not in horizon or i.end_month not in horizon
        acts["target below budget"] += 0 < i.revenue_target < i.budget
    assert acts == dict.fromkeys(acts, 1)
    assert len(acts) == 8


def test_small_demo_handoff_followup_is_met_in_some_months_and_missed_in_others(
    small: Path,
) -> None:
    with Plan.open(small) as plan:
        agreement = plan.handoff.get()
        hours = plan.handoff.followup_hours()
    assert agreement.mqls_per_month > 0
    assert sorted(hours) == [202601, 202602, 202603, 202604]
    assert any(h <= agreement.followup_hours for h in hours.values())
    assert any(h > agreement.followup_hours for h in hours.values())


def test_building_leaves_the_plan_closed_at_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = build_demo("demo.smplan")
    assert path == tmp_path / "demo.smplan"
    assert path.is_absolute()
    assert not lock_path_for(path).exists()
    with Plan.open(path) as plan:
        assert not plan.read_only


def test_same_seed_gives_the_same_plan(tmp_path: Path) -> None:
    first = build_demo(tmp_path / "a.smplan", seed=11)
    second = build_demo(tmp_path / "b.smplan", seed=11)
    assert table_contents(first) == table_contents(second)


def test_different_seed_gives_a_different_plan(tmp_path: Path) -> None:
    first = table_contents(build_demo(tmp_path / "a.smplan", seed=11))
    second = table_contents(build_demo(tmp_path / "b.smplan", seed=12))
    assert first["monthly_values"] != second["monthly_values"]
    # The story stays the same: only the numbers move with the seed.
    assert first["initiatives"] == second["initiatives"]


def test_building_onto_an_existing_file_is_refused_and_leaves_it_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mine.smplan"
    path.write_bytes(b"someone's work")
    with pytest.raises(PlanFileError, match="exists"):
        build_demo(path)
    assert path.read_bytes() == b"someone's work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.smplan"]


def test_overwrite_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "old.smplan"
    path.write_bytes(b"an old scratch file")
    assert build_demo(path, overwrite=True) == path
    with Plan.open(path) as plan:
        assert len(plan.people.list()) == 12


def test_an_unknown_size_is_refused_before_any_file_is_made(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"^Size: "):
        build_demo(tmp_path / "x.smplan", size="medium")
    assert list(tmp_path.iterdir()) == []


def test_a_build_that_fails_midway_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fill(plan: Plan, rng: object) -> None:
        plan.people.add(name="Half done", team=Team.SALES)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("planner.demo.small.fill_small", broken_fill)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_demo(tmp_path / "half.smplan")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_large_demo_fills_every_metric_planned_and_actual_for_every_month(tmp_path: Path) -> None:
    path = build_demo(tmp_path / "large.smplan", size=DemoSize.LARGE)
    missing = " OR ".join(f"{c} IS NULL" for c in ALL_COLUMNS)
    widening = " OR ".join(
        f"{later.planned_column} > {earlier.planned_column} "
        f"OR {later.actual_column} > {earlier.actual_column}"
        for earlier, later in pairwise(FUNNEL_STAGES)
    )
    with Plan.open(path) as plan:
        horizon = plan.horizon
        counts = plan.query(
            "SELECT (SELECT count(*) FROM initiatives), (SELECT count(*) FROM people), "
            "(SELECT count(*) FROM segments), (SELECT count(*) FROM monthly_values), "
            "(SELECT count(DISTINCT month) FROM monthly_values)"
        )[0]
        nulls = plan.query(f"SELECT count(*) FROM monthly_values WHERE {missing}")[0][0]
        widening_rows = plan.query(f"SELECT count(*) FROM monthly_values WHERE {widening}")[0][0]
        teams = {p.team for p in plan.people.list()}
        tiers = {s.tier for s in plan.segments.list()}
    assert (horizon.first, horizon.count) == (202601, 36)
    assert counts == (2_000, 80, 40, 2_000 * 36, 36)
    assert nulls == 0
    assert widening_rows == 0
    assert teams == set(Team)
    assert tiers == set(Tier)
