"""The strike-zone page on the demo plan: headline figures, editing segments, the coverage
grid, undo of every edit, findings revealed, and a read-only plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from strike_zone_support import (
    click,
    initiative_named,
    make_small_plan,
    segment_named,
    show_zone_page,
)

from planner import Plan, Tier
from ui.document import PlanDocument
from ui.icons import icon
from ui.pages.strike_zone import StrikeZonePage
from ui.pages.strike_zone.coverage_model import DOT

SDR = "SDR sequence for multi-entity firms"
PODCAST = "Finance podcast sponsorships"
MULTI_ENTITY = "Multi-entity professional services"
ENTERPRISE = "Enterprise finance teams"
SMALL_BUSINESS = "Small businesses under 50 staff"
MID_MARKET = "Mid-market SaaS finance teams"


@pytest.fixture
def zone_page(document, qtbot) -> StrikeZonePage:
    return show_zone_page(qtbot, document)


def _cell(page: StrikeZonePage, initiative: str, segment: str):
    plan = page.plan
    coverage = page.coverage_model.coverage
    row = coverage.row_of(initiative_named(plan, initiative).id)
    column = coverage.column_of(segment_named(plan, segment).id)
    return page.coverage_model.index(row, column)


def focus_the_grid(zone_page, qtbot) -> None:
    """Keys reach the grid as they do a user's: while it has the focus."""
    zone_page.activateWindow()
    zone_page.coverage_view.setFocus()
    qtbot.waitUntil(zone_page.coverage_view.hasFocus)


def _segments_cell(page: StrikeZonePage, name: str, key: str):
    view = page.segments_view
    row = page.segments_model.position(segment_named(page.plan, name).id)
    return page.segments_model.index(row, view.column_of(key))


def _select_segments(page: StrikeZonePage, *names: str) -> None:
    view = page.segments_view
    view.clearSelection()
    for name in names:
        index = view.proxy.mapFromSource(_segments_cell(page, name, "name"))
        view.selectionModel().select(
            index,
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )


# -- what it shows -----------------------------------------------------------------------


def test_the_page_shows_the_demo_plans_shares_inside_the_zone(zone_page):
    assert zone_page.headline.budget.number.text() == "83%"
    assert zone_page.headline.target.number.text() == "87%"


def test_the_page_lists_every_segment_and_a_grid_of_every_initiative(zone_page):
    assert zone_page.segments_model.rowCount() == 6
    assert zone_page.coverage_model.rowCount() == 22
    assert zone_page.coverage_model.columnCount() == 6


def test_the_grid_shows_a_dot_where_the_demo_aims(zone_page):
    assert _cell(zone_page, SDR, MULTI_ENTITY).data() == DOT
    assert _cell(zone_page, SDR, ENTERPRISE).data() == ""


def test_a_core_segment_nothing_aims_at_is_shown_as_a_warning(zone_page, document):
    plan = document.plan
    pe = segment_named(plan, "PE-backed portfolio companies")
    with plan.batch():
        for initiative in plan.initiatives.list():
            if pe.id in initiative.segment_ids:
                remaining = [s for s in initiative.segment_ids if s != pe.id]
                plan.initiatives.set_segments(initiative.id, remaining)
    card = zone_page.headline.uncovered
    assert card.text.text() == "Nothing aims at PE-backed portfolio companies (core)"
    assert card.warning is True


def _shows_icon(card, name: str) -> bool:
    return card.icon.pixmap().toImage() == icon(name).pixmap(20, 20).toImage()


@pytest.fixture
def coverage_card(qtbot):
    """Makes the coverage card of a strike-zone page on a plan, refreshed."""
    documents: list[PlanDocument] = []

    def card_of(plan: Plan):
        documents.append(PlanDocument(plan))
        page = StrikeZonePage(documents[-1])
        qtbot.addWidget(page)
        page.refresh(None)
        return page.headline.uncovered

    yield card_of
    for document in documents:
        document.close()


def test_with_no_segments_the_coverage_card_says_to_add_them_with_an_info_icon(coverage_card):
    card = coverage_card(Plan.in_memory())
    assert card.text.text() == "No segments yet: add the segments you sell to"
    assert _shows_icon(card, "info") and card.warning is False


def test_a_core_segment_nothing_aims_at_shows_the_warning_icon(coverage_card):
    plan = make_small_plan()
    plan.initiatives.set_segments(initiative_named(plan, "Webinars").id, [])
    card = coverage_card(plan)
    assert card.text.text().startswith("Nothing aims at Mid-market SaaS (core)")
    assert _shows_icon(card, "warning") and card.warning is True


def test_an_outside_segment_nothing_aims_at_shows_the_info_icon_not_a_tick(coverage_card):
    card = coverage_card(make_small_plan())
    assert card.text.text().endswith("nothing aims at Tiny shops (outside)")
    assert _shows_icon(card, "info") and card.warning is False


def test_when_every_segment_is_aimed_at_the_coverage_card_shows_the_ok_icon(coverage_card):
    plan = make_small_plan()
    every = [s.id for s in plan.segments.list()]
    plan.initiatives.set_segments(initiative_named(plan, "Webinars").id, every)
    card = coverage_card(plan)
    assert card.text.text() == "Every segment has a live initiative aimed at it"
    assert _shows_icon(card, "ok") and card.warning is False


def test_shares_show_a_dash_when_the_plan_has_no_budget(qtbot):
    document = PlanDocument(Plan.in_memory())
    document.plan.segments.add(name="Only", tier=Tier.CORE)
    page = StrikeZonePage(document)
    qtbot.addWidget(page)
    page.refresh(None)
    assert page.headline.budget.number.text() == "—"
    assert page.headline.target.number.text() == "—"
    document.close()


# -- editing segments --------------------------------------------------------------------


def test_renaming_a_segment_in_the_table_is_one_undoable_step(zone_page, document):
    index = _segments_cell(zone_page, ENTERPRISE, "name")
    assert zone_page.segments_model.setData(index, "Enterprise divisions")
    segment_id = segment_named(document.plan, "Enterprise divisions").id
    assert document.undo_stack.undoText() == "rename segment"
    document.undo_stack.undo()
    assert document.plan.segments.get(segment_id).name == ENTERPRISE


def test_moving_a_segment_to_another_tier_says_where(zone_page, document):
    index = _segments_cell(zone_page, ENTERPRISE, "tier")
    zone_page.segments_model.setData(index, "core")
    assert segment_named(document.plan, ENTERPRISE).tier is Tier.CORE
    assert document.undo_stack.undoText() == "move Enterprise finance teams to core"
    document.undo_stack.undo()
    assert segment_named(document.plan, ENTERPRISE).tier is Tier.EDGE


def test_editing_notes_is_one_undoable_step(zone_page, document):
    index = _segments_cell(zone_page, ENTERPRISE, "notes")
    zone_page.segments_model.setData(index, "Division-level deals only.")
    assert segment_named(document.plan, ENTERPRISE).notes == "Division-level deals only."
    assert document.undo_stack.undoText() == "edit segment notes"


def test_a_name_taken_by_another_segment_is_refused_and_nothing_changes(zone_page, document, qtbot):
    index = _segments_cell(zone_page, ENTERPRISE, "name")
    with qtbot.waitSignal(document.refused) as refused:
        assert not zone_page.segments_model.setData(index, "mid-market saas finance teams")
    assert "name" in refused.args[0]
    assert segment_named(document.plan, ENTERPRISE)
    assert document.undo_stack.count() == 0


def test_an_empty_segment_name_is_refused_with_the_field_named(zone_page, document, qtbot):
    index = _segments_cell(zone_page, ENTERPRISE, "name")
    with qtbot.waitSignal(document.refused) as refused:
        zone_page.segments_model.setData(index, "   ")
    assert "Name: must not be empty" in refused.args[0]
    assert index.data() == ENTERPRISE


def test_add_segment_adds_an_edge_segment_named_new_segment(zone_page, document):
    zone_page.add_action.trigger()
    added = segment_named(document.plan, "New segment")
    assert added.tier is Tier.EDGE
    assert zone_page.segments_model.position(added.id) is not None
    assert document.undo_stack.undoText() == "add segment"


def test_add_segment_twice_gives_distinct_names(zone_page, document):
    zone_page.add_action.trigger()
    zone_page.add_action.trigger()
    names = {s.name for s in document.plan.segments.list()}
    assert {"New segment", "New segment 2"} <= names


def test_undo_of_add_segment_deletes_it_and_redo_brings_back_the_same_one(zone_page, document):
    zone_page.add_action.trigger()
    added = segment_named(document.plan, "New segment")
    document.undo_stack.undo()
    assert added.id not in [s.id for s in document.plan.segments.list()]
    assert zone_page.segments_model.rowCount() == 6
    document.undo_stack.redo()
    assert document.plan.segments.get(added.id) == added


def test_the_insert_key_adds_a_segment(zone_page, document, qtbot):
    focus_the_grid(zone_page, qtbot)
    qtbot.keyClick(zone_page.coverage_view, Qt.Key.Key_Insert)
    assert segment_named(document.plan, "New segment")


def test_deleting_a_segment_is_undone_with_the_initiatives_aimed_at_it(zone_page, document):
    plan = document.plan
    enterprise = segment_named(plan, ENTERPRISE)
    aimed = {i.id for i in plan.initiatives.list() if enterprise.id in i.segment_ids}
    _select_segments(zone_page, ENTERPRISE)
    zone_page.delete_action.trigger()
    assert enterprise.id not in [s.id for s in plan.segments.list()]
    assert zone_page.coverage_model.columnCount() == 5
    document.undo_stack.undo()
    assert {i.id for i in plan.initiatives.list() if enterprise.id in i.segment_ids} == aimed
    assert zone_page.coverage_model.columnCount() == 6


def test_deleting_two_segments_is_one_undo_step(zone_page, document):
    _select_segments(zone_page, ENTERPRISE, SMALL_BUSINESS)
    zone_page.delete_action.trigger()
    assert len(document.plan.segments.list()) == 4
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "delete 2 segments"
    document.undo_stack.undo()
    assert len(document.plan.segments.list()) == 6


def test_delete_is_disabled_until_a_segment_is_selected(zone_page):
    zone_page.segments_view.clearSelection()
    assert not zone_page.delete_action.isEnabled()
    _select_segments(zone_page, ENTERPRISE)
    assert zone_page.delete_action.isEnabled()


# -- the coverage grid -------------------------------------------------------------------


def test_clicking_a_grid_cell_aims_the_initiative_at_the_segment(zone_page, document, qtbot):
    index = _cell(zone_page, PODCAST, ENTERPRISE)
    click(qtbot, zone_page.coverage_view, index)
    podcast = initiative_named(document.plan, PODCAST)
    assert podcast.segment_ids == (segment_named(document.plan, ENTERPRISE).id,)
    assert index.data() == DOT
    assert document.undo_stack.undoText() == (
        "aim Finance podcast sponsorships at Enterprise finance teams"
    )


def test_clicking_an_aimed_cell_stops_aiming_and_undo_puts_it_back(zone_page, document, qtbot):
    index = _cell(zone_page, SDR, MULTI_ENTITY)
    click(qtbot, zone_page.coverage_view, index)
    assert initiative_named(document.plan, SDR).segment_ids == ()
    document.undo_stack.undo()
    assert index.data() == DOT
    assert initiative_named(document.plan, SDR).segment_ids != ()


def test_space_toggles_the_current_grid_cell(zone_page, document, qtbot):
    index = _cell(zone_page, PODCAST, MID_MARKET)
    zone_page.coverage_view.setCurrentIndex(index)
    focus_the_grid(zone_page, qtbot)
    qtbot.keyClick(zone_page.coverage_view, Qt.Key.Key_Space)
    assert index.data() == DOT
    assert document.undo_stack.count() == 1


def test_a_toggle_keeps_the_current_cell(zone_page, qtbot):
    index = _cell(zone_page, PODCAST, MID_MARKET)
    zone_page.coverage_view.setCurrentIndex(index)
    focus_the_grid(zone_page, qtbot)
    qtbot.keyClick(zone_page.coverage_view, Qt.Key.Key_Space)
    assert zone_page.coverage_view.currentIndex() == index


def test_aiming_in_the_grid_updates_the_segments_table(zone_page, document, qtbot):
    count = _segments_cell(zone_page, SMALL_BUSINESS, "initiatives")
    before = int(count.data())
    click(qtbot, zone_page.coverage_view, _cell(zone_page, PODCAST, SMALL_BUSINESS))
    assert int(count.data()) == before + 1


def test_a_rename_elsewhere_moves_the_initiative_to_its_place_in_the_grid(zone_page, document):
    podcast = initiative_named(document.plan, PODCAST)
    document.plan.initiatives.update(podcast.id, name="Zzz podcast")
    last = zone_page.coverage_model.rowCount() - 1
    assert zone_page.coverage_model.row(last).initiative_id == podcast.id


def test_the_grid_after_edits_matches_a_fresh_page(zone_page, document, qtbot):
    click(qtbot, zone_page.coverage_view, _cell(zone_page, PODCAST, ENTERPRISE))
    document.plan.initiatives.update(initiative_named(document.plan, SDR).id, status="dropped")
    fresh = show_zone_page(qtbot, document)
    assert zone_page.coverage_model.coverage == fresh.coverage_model.coverage


def test_dropped_initiatives_are_dimmed_in_the_grid(zone_page):
    row = _cell(zone_page, "Pricing page experiment", MID_MARKET).row()
    header = zone_page.coverage_model.headerData(row, Qt.Orientation.Vertical)
    assert header == "Pricing page experiment (dropped)"
    foreground = zone_page.coverage_model.headerData(
        row, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole
    )
    assert foreground is not None


# -- findings ----------------------------------------------------------------------------


def test_a_plan_level_segments_finding_selects_the_first_uncovered_core_segment(
    zone_page, document
):
    plan = document.plan
    pe = segment_named(plan, "PE-backed portfolio companies")
    with plan.batch():
        for initiative in plan.initiatives.list():
            if pe.id in initiative.segment_ids:
                plan.initiatives.set_segments(
                    initiative.id, [s for s in initiative.segment_ids if s != pe.id]
                )
    assert zone_page.reveal(None, "segments") is True
    assert [r.id for r in zone_page.segments_view.selected_rows()] == [pe.id]


def test_a_tier_finding_selects_a_core_segments_tier(zone_page):
    assert zone_page.reveal(None, "tier") is True
    current = zone_page.segments_view.currentIndex()
    assert current.column() == zone_page.segments_view.column_of("tier")
    assert zone_page.segments_view.selected_rows()[0].segment.tier is Tier.CORE


def test_an_initiatives_segments_finding_selects_its_row_of_the_grid(zone_page, document):
    podcast = initiative_named(document.plan, PODCAST)
    assert zone_page.reveal(podcast.id, "segments") is True
    rows = zone_page.coverage_view.selectionModel().selectedRows()
    assert [zone_page.coverage_model.row(i.row()).initiative_id for i in rows] == [podcast.id]


def test_findings_about_other_fields_are_not_for_this_page(zone_page, document):
    podcast = initiative_named(document.plan, PODCAST)
    assert zone_page.reveal(podcast.id, "budget") is False
    assert zone_page.reveal(None, "mqls_per_month") is False
    assert zone_page.reveal(9999, "segments") is False


# -- a read-only plan --------------------------------------------------------------------


def test_a_read_only_plan_offers_no_edits(demo_path, qtbot):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    page = show_zone_page(qtbot, document)
    index = _cell(page, PODCAST, ENTERPRISE)
    click(qtbot, page.coverage_view, index)
    assert index.data() == ""
    assert not page.add_action.isEnabled()
    assert not page.delete_action.isEnabled()
    assert page.segments_view.editTriggers() == page.segments_view.EditTrigger.NoEditTriggers
    assert document.undo_stack.count() == 0
    document.close()


def test_a_click_on_an_initiative_deleted_meanwhile_is_refused_not_crashed(document, qtbot):
    page = StrikeZonePage(document)  # never shown: its grid goes stale
    qtbot.addWidget(page)
    page.refresh(None)
    podcast = initiative_named(document.plan, PODCAST)
    index = _cell(page, PODCAST, ENTERPRISE)
    document.plan.initiatives.delete(podcast.id)
    with qtbot.waitSignal(document.refused) as refused:
        page.coverage_view.toggle_requested.emit(index.row(), index.column())
    assert "initiative" in refused.args[0]
    assert page.coverage_model.coverage.row_of(podcast.id) is None
    assert document.undo_stack.count() == 0
