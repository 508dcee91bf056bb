"""The strike-zone page's pure parts, without a window: the coverage grid data, the rows of
the segments table, the headline figures, the table models and the undoable commands."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from strike_zone_support import initiative_named, make_small_plan, segment_named

from planner import (
    Action,
    Change,
    ChangeSet,
    Currency,
    Entity,
    Initiative,
    Plan,
    Segment,
    Stage,
    Status,
    Tier,
)
from planner.analysis import Analysis, strike_zone
from planner.analysis.strike_zone import Coverage
from ui.pages.strike_zone import edits
from ui.pages.strike_zone.coverage import (
    build_coverage,
    initiatives_to_reload,
    toggled,
    with_initiatives,
    wrap_name,
)
from ui.pages.strike_zone.coverage_model import AIMED_ROLE, DOT, CoverageModel
from ui.pages.strike_zone.figures import NO_SHARE, zone_figures
from ui.pages.strike_zone.segment_columns import segment_columns, segment_rows
from ui.tables.rows_model import RowsModel

USD = Currency("USD")


@pytest.fixture
def small_plan():
    plan = make_small_plan()
    yield plan
    plan.close()


def _segment(id_: int, name: str, tier: Tier) -> Segment:
    return Segment(id=id_, name=name, tier=tier, notes="")


def _initiative(id_: int, name: str, segments: tuple[int, ...], status=Status.ACTIVE):
    return Initiative(
        id=id_,
        name=name,
        channel_id=1,
        status=status,
        start_month=202601,
        end_month=202612,
        budget=0,
        revenue_target=0,
        problem="",
        so_what="",
        why_us="",
        notes="",
        segment_ids=segments,
        owner_id=None,
    )


SEGMENTS = [
    _segment(1, "Outside one", Tier.OUTSIDE),
    _segment(2, "Edge A", Tier.EDGE),
    _segment(3, "Core B", Tier.CORE),
    _segment(4, "Core A", Tier.CORE),
]
INITIATIVES = [
    _initiative(10, "Ads", (1, 3)),
    _initiative(11, "Blog", ()),
    _initiative(12, "Old event", (3,), status=Status.DROPPED),
]


# -- the coverage grid as data ------------------------------------------------------------


def test_coverage_columns_run_core_then_edge_then_outside_keeping_order_within_a_tier():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    assert [c.name for c in grid.columns] == ["Core B", "Core A", "Edge A", "Outside one"]


def test_coverage_rows_keep_the_initiatives_order():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    assert [r.name for r in grid.rows] == ["Ads", "Blog", "Old event"]


def test_coverage_says_which_initiative_aims_at_which_segment():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    ads, core_b, outside = grid.row_of(10), grid.column_of(3), grid.column_of(1)
    assert grid.aims(ads, core_b) and grid.aims(ads, outside)
    assert not grid.aims(ads, grid.column_of(4))
    assert not any(grid.aims(grid.row_of(11), c) for c in range(len(grid.columns)))


def test_coverage_counts_initiatives_aimed_at_each_segment_dropped_ones_included():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    assert {c.name: c.aimed for c in grid.columns} == {
        "Core B": 2,
        "Core A": 0,
        "Edge A": 0,
        "Outside one": 1,
    }


def test_coverage_marks_dropped_initiatives():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    assert [r.dropped for r in grid.rows] == [False, False, True]


def test_coverage_of_an_unknown_record_has_no_position():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    assert grid.row_of(999) is None and grid.column_of(999) is None


def test_replacing_an_initiatives_row_keeps_its_place_and_recounts_the_columns():
    grid = build_coverage(INITIATIVES, SEGMENTS)
    updated = with_initiatives(grid, [_initiative(11, "Blog", (4, 2))])
    assert [r.name for r in updated.rows] == ["Ads", "Blog", "Old event"]
    assert updated.aims(1, updated.column_of(4)) and updated.aims(1, updated.column_of(2))
    assert {c.name: c.aimed for c in updated.columns}["Core A"] == 1
    assert updated == build_coverage([INITIATIVES[0], _initiative(11, "Blog", (4, 2)), INITIATIVES[2]], SEGMENTS)  # fmt: skip


def _changes(*changes: Change) -> ChangeSet:
    return ChangeSet.of(changes)


def test_an_aim_or_status_edit_reloads_just_those_initiatives():
    aims = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({3}), frozenset({"segment_ids"}))
    status = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({5}), frozenset({"status"}))
    assert initiatives_to_reload(_changes(aims, status)) == {3, 5}


def test_an_edit_of_a_field_the_grid_does_not_show_reloads_no_row():
    budget = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({3}), frozenset({"budget"}))
    settings = Change(Entity.SETTINGS, Action.UPDATED, fields=frozenset({"currency"}))
    assert initiatives_to_reload(_changes(budget, settings)) == frozenset()


def test_added_deleted_or_renamed_initiatives_and_segment_edits_rebuild_the_grid():
    rename = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({3}), frozenset({"name"}))
    added = Change(Entity.INITIATIVES, Action.ADDED, frozenset({9}))
    deleted = Change(Entity.INITIATIVES, Action.DELETED, frozenset({9}))
    segment = Change(Entity.SEGMENTS, Action.UPDATED, frozenset({1}), frozenset({"tier"}))
    for change in (rename, added, deleted, segment):
        assert initiatives_to_reload(_changes(change)) is None
    assert initiatives_to_reload(None) is None


def test_toggling_adds_a_missing_segment_and_removes_a_present_one():
    assert toggled((1, 3), 2) == (1, 2, 3)
    assert toggled((1, 3), 3) == (1,)
    assert toggled((), 5) == (5,)


def test_a_short_segment_name_stays_on_one_line():
    assert wrap_name("Agencies") == "Agencies"


def test_a_long_segment_name_wraps_and_ends_with_an_ellipsis_when_it_cannot_fit():
    wrapped = wrap_name("Multi-entity professional services firms with intercompany billing")
    lines = wrapped.split("\n")
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(len(line) <= 16 for line in lines)


# -- the segments table ------------------------------------------------------------------


def test_segment_rows_carry_what_the_live_initiatives_aim_at_each_segment(small_plan):
    rows = {r.segment.name: r for r in segment_rows(strike_zone(Analysis.in_sql(small_plan)))}
    core, edge, outside = rows["Mid-market SaaS"], rows["Agencies"], rows["Tiny shops"]
    assert (core.initiatives, core.budget, core.revenue_target) == (1, 5_000_00, 50_000_00)
    assert (edge.initiatives, edge.budget) == (1, 5_000_00)
    assert (outside.initiatives, outside.budget) == (0, 0)  # its only initiative is dropped


def test_segment_rows_give_each_segment_its_share_of_the_live_budget(small_plan):
    rows = {r.segment.name: r for r in segment_rows(strike_zone(Analysis.in_sql(small_plan)))}
    # Live budget: Webinars 10,000 split over two segments, Podcast 2,000 aimed at nothing.
    assert rows["Mid-market SaaS"].budget_share == 5_000 / 12_000


def test_segment_rows_have_no_share_when_the_plan_has_no_budget():
    plan = Plan.in_memory()
    plan.segments.add(name="Only", tier=Tier.CORE)
    [row] = segment_rows(strike_zone(Analysis.in_sql(plan)))
    assert row.budget_share is None and row.target_share is None
    plan.close()


def test_the_segments_table_shows_tier_titles_and_edits_tier_values(small_plan, qapp):
    model = RowsModel(segment_columns(lambda: USD))
    model.set_rows(segment_rows(strike_zone(Analysis.in_sql(small_plan))))
    tier = [c.key for c in model.columns].index("tier")
    assert model.index(0, tier).data() == "Core (in the zone)"
    assert model.index(1, tier).data() == "Edge"
    assert model.index(0, tier).data(Qt.ItemDataRole.EditRole) == "core"


def test_the_segments_table_shows_money_in_the_plan_currency(small_plan, qapp):
    model = RowsModel(segment_columns(lambda: Currency("EUR")))
    model.set_rows(segment_rows(strike_zone(Analysis.in_sql(small_plan))))
    budget = [c.key for c in model.columns].index("budget")
    assert model.index(0, budget).data() == "€5,000"


def test_a_tier_edit_in_the_segments_table_reaches_the_edit_handler(small_plan, qapp):
    seen = []
    model = RowsModel(segment_columns(lambda: USD), lambda r, k, v: seen.append((r.id, k, v)))
    rows = segment_rows(strike_zone(Analysis.in_sql(small_plan)))
    model.set_rows(rows)
    tier = [c.key for c in model.columns].index("tier")
    model.setData(model.index(1, tier), "core")
    assert seen == [(rows[1].id, "tier", "core")]


def test_only_name_tier_and_notes_are_editable_in_the_segments_table(qapp):
    editable = [c.key for c in segment_columns(lambda: USD) if c.edit is not None]
    assert editable == ["name", "tier", "notes"]


# -- the headline figures ----------------------------------------------------------------


def test_figures_show_the_shares_inside_the_zone_with_amounts(small_plan):
    figures = zone_figures(strike_zone(Analysis.in_sql(small_plan)), USD, Stage.SCALING)
    assert figures.budget_share == "42%"  # 5,000 of 12,000
    assert figures.budget_detail.startswith("$5k of $12k")
    assert figures.target_share == "50%"  # 50,000 of 100,000


def test_figures_flag_a_budget_share_below_what_the_stage_asks(small_plan):
    assert (
        zone_figures(strike_zone(Analysis.in_sql(small_plan)), USD, Stage.SCALING).budget_low
        is True
    )


def test_figures_say_what_share_the_companys_stage_asks_for(small_plan):
    figures = zone_figures(strike_zone(Analysis.in_sql(small_plan)), USD, Stage.ESTABLISHED)
    assert figures.budget_detail.endswith("an established company should aim for 60% or more")


def test_figures_show_a_dash_when_the_plan_has_no_budget_or_target():
    plan = Plan.in_memory()
    plan.segments.add(name="Only", tier=Tier.CORE)
    figures = zone_figures(strike_zone(Analysis.in_sql(plan)), USD, Stage.STARTUP)
    assert (figures.budget_share, figures.target_share) == (NO_SHARE, NO_SHARE)
    assert figures.budget_low is False
    plan.close()


def test_figures_tell_when_a_core_segment_has_nothing_aimed_at_it(small_plan):
    small_plan.initiatives.set_segments(initiative_named(small_plan, "Webinars").id, [])
    figures = zone_figures(strike_zone(Analysis.in_sql(small_plan)), USD, Stage.SCALING)
    assert figures.uncovered.startswith("Nothing aims at Mid-market SaaS (core)")
    assert figures.coverage is Coverage.CORE_UNCOVERED


def test_figures_list_uncovered_segments_once_every_core_one_is_covered(small_plan):
    figures = zone_figures(strike_zone(Analysis.in_sql(small_plan)), USD, Stage.SCALING)
    assert figures.uncovered == (
        "Every core segment has a live initiative; nothing aims at Tiny shops (outside)"
    )
    assert figures.coverage is Coverage.OTHERS_UNCOVERED


# -- the coverage model ------------------------------------------------------------------


def test_the_coverage_model_shows_a_dot_where_an_initiative_aims(qapp):
    model = CoverageModel()
    model.set_coverage(build_coverage(INITIATIVES, SEGMENTS))
    assert model.index(0, 0).data() == DOT  # Ads -> Core B
    assert model.index(0, 1).data() == ""  # Ads -/-> Core A
    assert model.index(0, 0).data(AIMED_ROLE) is True


def test_the_coverage_model_heads_each_segment_column_with_its_tier(qapp):
    model = CoverageModel()
    model.set_coverage(build_coverage(INITIATIVES, SEGMENTS))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert [h.split("\n")[-1] for h in headers] == ["Core", "Core", "Edge", "Outside"]
    tints = {model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole)
             .color().name() for c in range(4)}  # fmt: skip
    assert len(tints) == 3


def test_the_coverage_model_dims_dropped_initiatives(qapp):
    model = CoverageModel()
    model.set_coverage(build_coverage(INITIATIVES, SEGMENTS))
    dropped = model.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole)
    live = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole)
    muted = QApplication.palette().color(
        QApplication.palette().ColorGroup.Disabled, QApplication.palette().ColorRole.Text
    )
    assert dropped.color() == muted and live is None
    assert model.headerData(2, Qt.Orientation.Vertical) == "Old event (dropped)"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole).color() == muted


def test_the_coverage_model_repaints_rows_without_a_reset_when_only_aims_change(qtbot):
    model = CoverageModel()
    model.set_coverage(build_coverage(INITIATIVES, SEGMENTS))
    changed = [*INITIATIVES]
    changed[1] = _initiative(11, "Blog", (4,))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as signal:
        model.set_coverage(build_coverage(changed, SEGMENTS))
    assert signal.args[0].row() == 1
    assert model.index(1, 1).data() == DOT


def test_the_coverage_model_resets_when_an_initiative_comes_or_goes(qtbot):
    model = CoverageModel()
    model.set_coverage(build_coverage(INITIATIVES, SEGMENTS))
    with qtbot.waitSignal(model.modelReset):
        model.set_coverage(build_coverage(INITIATIVES[:2], SEGMENTS))
    assert model.rowCount() == 2


# -- the commands ------------------------------------------------------------------------


def test_a_new_segment_takes_the_first_free_new_segment_name():
    assert edits.unique_segment_name(["Agencies"]) == "New segment"
    assert edits.unique_segment_name(["new segment", "New segment 2"]) == "New segment 3"


def test_adding_a_segment_can_be_undone_and_redone_with_the_same_id(small_plan):
    command = edits.AddSegment(small_plan, "Fintech")
    command.do()
    added = small_plan.segments.get(command.segment_id)
    assert (added.name, added.tier) == ("Fintech", Tier.EDGE)
    command.revert()
    assert "Fintech" not in [s.name for s in small_plan.segments.list()]
    command.do()
    assert small_plan.segments.get(command.segment_id) == added


def test_deleting_segments_is_undone_with_the_initiatives_aimed_at_them(small_plan):
    core = segment_named(small_plan, "Mid-market SaaS")
    edge = segment_named(small_plan, "Agencies")
    command = edits.DeleteSegments(small_plan, [core, edge])
    assert command.text() == "delete 2 segments"
    command.do()
    assert initiative_named(small_plan, "Webinars").segment_ids == ()
    command.revert()
    assert initiative_named(small_plan, "Webinars").segment_ids == (core.id, edge.id)
    assert segment_named(small_plan, "Mid-market SaaS") == core


def test_moving_a_segment_names_it_and_the_tier(small_plan):
    edge = segment_named(small_plan, "Agencies")
    command = edits.move_segment(small_plan, edge, "core")
    assert command.text() == "move Agencies to core"
    command.do()
    assert small_plan.segments.get(edge.id).tier is Tier.CORE
    command.revert()
    assert small_plan.segments.get(edge.id).tier is Tier.EDGE


def test_toggling_an_aim_is_one_set_segments_undone_exactly(small_plan):
    podcast = initiative_named(small_plan, "Podcast")
    core = segment_named(small_plan, "Mid-market SaaS")
    command = edits.toggle_aim(small_plan, podcast, core)
    assert command.text() == "aim Podcast at Mid-market SaaS"
    command.do()
    assert small_plan.initiatives.get(podcast.id).segment_ids == (core.id,)
    command.revert()
    assert small_plan.initiatives.get(podcast.id).segment_ids == ()


def test_toggling_an_existing_aim_says_it_stops_aiming(small_plan):
    webinars = initiative_named(small_plan, "Webinars")
    command = edits.toggle_aim(small_plan, webinars, segment_named(small_plan, "Agencies"))
    assert command.text() == "stop aiming Webinars at Agencies"


def test_long_names_are_shortened_in_command_texts():
    assert edits.short("x" * 60) == "x" * 39 + "…"
    assert edits.short("Agencies") == "Agencies"
