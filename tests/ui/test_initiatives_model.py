"""The Initiatives table without a window: its rows, columns, sorting and filters."""

from __future__ import annotations

import pytest
from initiatives_support import Small, small_plan
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap

from planner import Action, Change, ChangeSet, Currency, Entity
from planner.checks import Finding, Severity
from ui.pages.initiatives.columns import column_index, initiative_columns
from ui.pages.initiatives.filters import NOBODY, NOWHERE, InitiativeFilter, InitiativesProxy
from ui.pages.initiatives.markers import finding_markers
from ui.pages.initiatives.model import InitiativesModel
from ui.pages.initiatives.rows import (
    InitiativeRow,
    initiative_rows,
    keep_order,
    rows_to_reload,
)
from ui.plain_text import tooltip_text
from ui.tables.rows_model import ROW_ROLE

COLUMNS = initiative_columns(lambda: Currency("USD"))


@pytest.fixture
def small() -> Small:
    return small_plan()


def rows_of(small: Small) -> list[InitiativeRow]:
    plan = small.plan
    return initiative_rows(
        plan.initiatives.list(), plan.people.list(), plan.segments.list(), plan.channels.list()
    )


def row_named(rows: list[InitiativeRow], name: str) -> InitiativeRow:
    return next(row for row in rows if row.name == name)


@pytest.fixture
def proxy(small: Small, qapp: object) -> InitiativesProxy:
    model = InitiativesModel(COLUMNS, lambda row, key, value: True)
    model.set_rows(rows_of(small))
    proxy = InitiativesProxy()
    proxy.setSourceModel(model)
    proxy.model_ref = model  # type: ignore[attr-defined]  (keeps the model alive)
    return proxy


def shown(proxy: InitiativesProxy, key: str) -> list[str]:
    column = column_index(COLUMNS, key)
    return [proxy.index(n, column).data() for n in range(proxy.rowCount())]


def names(proxy: InitiativesProxy) -> list[str]:
    return [proxy.index(n, 0).data(ROW_ROLE).name for n in range(proxy.rowCount())]


def sort_by(proxy: InitiativesProxy, key: str, order=Qt.SortOrder.AscendingOrder) -> None:
    proxy.sort(column_index(COLUMNS, key), order)


# -- rows ---------------------------------------------------------------------------------


def test_a_row_names_its_owner_and_its_segments_core_first(small):
    row = row_named(rows_of(small), "Webinar series")
    assert row.owner_name == "Ann Lee"
    assert row.segment_names == ("Mid-market SaaS (core)", "Agencies (edge)")
    assert row.tiers == {"core", "edge"}


def test_a_row_shows_its_channel_by_the_name_the_plan_gives_it(small, qapp):
    event = small.plan.channels.named("Event").id
    small.plan.channels.update(event, name="Trade shows & <b>fairs</b>")
    model = InitiativesModel(COLUMNS)
    model.set_rows(rows_of(small))
    cell = model.index(model.position(small.summit), column_index(COLUMNS, "channel_id"))
    assert cell.data() == "Trade shows & <b>fairs</b>"
    assert cell.data(Qt.ItemDataRole.EditRole) == event


def test_a_row_without_owner_or_segments_shows_dashes(small, qapp):
    model = InitiativesModel(COLUMNS)
    model.set_rows(rows_of(small))
    n = model.position(small.guide)
    assert model.index(n, column_index(COLUMNS, "owner")).data() == "—"
    assert model.index(n, column_index(COLUMNS, "segments")).data() == "—"


def test_return_ratio_is_target_over_budget_and_absent_without_budget(small):
    rows = rows_of(small)
    assert row_named(rows, "Webinar series").return_ratio == pytest.approx(60_000 / 9_000)
    assert row_named(rows, "Accounting guide").return_ratio is None


def test_money_shows_in_the_plan_currency_without_cents(proxy):
    sort_by(proxy, "name")
    assert shown(proxy, "budget") == ["$0", "$110,000", "$9,000"]
    assert shown(proxy, "revenue_target") == ["$0", "$900,000", "$60,000"]


def test_months_show_as_labels_and_ratio_as_a_multiple(proxy):
    sort_by(proxy, "name")
    assert shown(proxy, "start_month") == ["Jan 2026", "Oct 2026", "Feb 2026"]
    assert shown(proxy, "return_ratio") == ["—", "8.2x", "6.7x"]


def test_columns_say_which_cells_can_be_edited(proxy):
    model = proxy.sourceModel()
    editable = {
        column.key
        for n, column in enumerate(COLUMNS)
        if model.flags(model.index(0, n)) & Qt.ItemFlag.ItemIsEditable
    }
    assert editable == {
        "name",
        "channel_id",
        "status",
        "start_month",
        "end_month",
        "budget",
        "revenue_target",
        "owner",
    }


# -- sorting ------------------------------------------------------------------------------


def test_names_sort_without_regard_to_case(proxy):
    sort_by(proxy, "name")
    assert names(proxy) == ["Accounting guide", "summit booth", "Webinar series"]


def test_money_sorts_as_numbers_not_text(proxy):
    sort_by(proxy, "budget")
    assert shown(proxy, "budget") == ["$0", "$9,000", "$110,000"]


def test_months_sort_in_time_order_across_years(proxy):
    sort_by(proxy, "end_month", Qt.SortOrder.DescendingOrder)
    assert shown(proxy, "end_month") == ["Mar 2027", "Mar 2027", "Jun 2026"]
    sort_by(proxy, "start_month")
    assert shown(proxy, "start_month") == ["Jan 2026", "Feb 2026", "Oct 2026"]


def test_statuses_sort_in_life_cycle_order(proxy):
    sort_by(proxy, "status")
    assert shown(proxy, "status") == ["Idea", "Planned", "Active"]


def test_owners_sort_without_regard_to_case_and_no_owner_first(proxy):
    sort_by(proxy, "owner")
    assert shown(proxy, "owner") == ["—", "Ann Lee", "bob Ray"]


def test_channels_sort_by_name(proxy):
    sort_by(proxy, "channel_id")
    assert shown(proxy, "channel_id") == ["Content", "Event", "Webinar"]


def test_return_sorts_as_numbers_with_no_budget_lowest(proxy):
    sort_by(proxy, "return_ratio")
    assert shown(proxy, "return_ratio") == ["—", "6.7x", "8.2x"]


# -- filters ------------------------------------------------------------------------------


def test_an_empty_filter_is_not_active_and_matches_everything(small):
    assert not InitiativeFilter().active
    assert all(InitiativeFilter().matches(row) for row in rows_of(small))


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (InitiativeFilter(text="WEBINAR"), {"Webinar series"}),
        (InitiativeFilter(text="board deadlines"), {"Webinar series"}),
        (InitiativeFilter(text="reconciliations webinar"), {"Webinar series"}),
        (InitiativeFilter(text="reconciliations summit"), set()),
        (InitiativeFilter(status="planned"), {"summit booth"}),
        (InitiativeFilter(tier="core"), {"Webinar series"}),
        (InitiativeFilter(tier="outside"), {"summit booth"}),
        (InitiativeFilter(segment_id=NOWHERE), {"Accounting guide"}),
        (InitiativeFilter(owner_id=NOBODY), {"Accounting guide"}),
    ],
)
def test_a_filter_keeps_the_initiatives_it_describes(small, wanted, expected):
    assert {row.name for row in rows_of(small) if wanted.matches(row)} == expected


def test_the_channel_filter_keeps_that_channels_initiatives(small):
    rows, channels = rows_of(small), small.plan.channels
    content, event = channels.named("Content").id, channels.named("Event").id
    assert {r.name for r in rows if InitiativeFilter(channel_id=content).matches(r)} == {
        "Accounting guide"
    }
    assert not [r for r in rows if InitiativeFilter(status="active", channel_id=event).matches(r)]


def test_the_owner_filter_keeps_that_persons_initiatives(small):
    rows = rows_of(small)
    assert {r.name for r in rows if InitiativeFilter(owner_id=small.bob).matches(r)} == {
        "summit booth"
    }


def test_the_segment_filter_keeps_initiatives_aimed_at_it(small):
    rows = rows_of(small)
    assert {r.name for r in rows if InitiativeFilter(segment_id=small.edge).matches(r)} == {
        "Webinar series"
    }


def test_the_proxy_shows_only_the_rows_its_filter_matches(proxy):
    proxy.set_filter(InitiativeFilter(text="summit"))
    assert names(proxy) == ["summit booth"]
    proxy.set_filter(InitiativeFilter())
    assert proxy.rowCount() == 3


def test_a_filtered_row_that_changes_to_match_appears(proxy, small):
    proxy.set_filter(InitiativeFilter(status="active"))
    model = proxy.sourceModel()
    rows = [
        row if row.id != small.guide else InitiativeRow(**{**_fields(row), "status": "active"})
        for row in model.rows()
    ]
    model.set_rows(rows)
    assert set(names(proxy)) == {"Webinar series", "Accounting guide"}


def _fields(row: InitiativeRow) -> dict:
    return {name: getattr(row, name) for name in InitiativeRow.__slots__}


# -- what a change reloads ----------------------------------------------------------------


def _changes(*changes: Change) -> ChangeSet:
    return ChangeSet.of(changes)


def test_an_update_of_initiatives_reloads_just_those_rows():
    changes = _changes(Change(Entity.INITIATIVES, Action.UPDATED, ids=frozenset({3, 4})))
    assert rows_to_reload(changes) == {3, 4}


def test_a_change_of_owner_reloads_that_row():
    changes = _changes(Change(Entity.ROLES, Action.UPDATED, ids=frozenset({7})))
    assert rows_to_reload(changes) == {7}


@pytest.mark.parametrize("action", [Action.ADDED, Action.DELETED])
def test_added_or_deleted_initiatives_reload_just_those_rows(action):
    assert rows_to_reload(_changes(Change(Entity.INITIATIVES, action, ids=frozenset({9})))) == {9}


def test_monthly_values_reload_no_row():
    changes = _changes(Change(Entity.VALUES, Action.UPDATED, ids=frozenset({7})))
    assert rows_to_reload(changes) == frozenset()


@pytest.mark.parametrize(
    "change",
    [
        Change(Entity.PEOPLE, Action.UPDATED, ids=frozenset({1})),
        Change(Entity.SEGMENTS, Action.DELETED, ids=frozenset({1})),
        Change(Entity.SEGMENTS, Action.UPDATED, ids=frozenset({1})),
        Change(Entity.SETTINGS, Action.UPDATED),
        Change(Entity.INITIATIVES, Action.UPDATED),
    ],
)
def test_other_changes_reload_everything(change):
    assert rows_to_reload(_changes(change)) is None
    assert rows_to_reload(None) is None


def test_rows_keep_the_models_order_with_new_ones_last(small):
    rows = rows_of(small)
    reordered = keep_order([rows[2], rows[0], rows[1]], [rows[1], rows[0]])
    assert [r.id for r in reordered] == [rows[1].id, rows[0].id, rows[2].id]


# -- finding markers ----------------------------------------------------------------------


def test_a_marker_carries_the_worst_severity_and_lists_every_message():
    findings = [
        Finding(Severity.INFO, "no_story", "Tell its story.", 5, "Webinar", "problem"),
        Finding(Severity.ERROR, "no_owner", "No one is accountable.", 5, "Webinar", "owner"),
        Finding(Severity.WARNING, "spread_thin", "Plan-wide.", None, None, "segments"),
        Finding(Severity.WARNING, "no_sales", "No seller.", 6, "Summit", "roles"),
    ]
    markers = finding_markers(findings)
    assert set(markers) == {5, 6}
    assert markers[5].severity is Severity.ERROR
    assert markers[5].tip == "Error: No one is accountable.\nInfo: Tell its story."
    assert markers[6].severity is Severity.WARNING


# -- the model inserts and removes rows instead of resetting ------------------------------


@pytest.fixture
def model(small: Small, qapp: object) -> InitiativesModel:
    model = InitiativesModel(COLUMNS)
    model.set_rows(rows_of(small))
    return model


def _record(model: InitiativesModel, heard: list[str]) -> None:
    model.modelReset.connect(lambda: heard.append("reset"))
    model.rowsInserted.connect(lambda _p, a, b: heard.append(f"inserted {a}-{b}"))
    model.rowsRemoved.connect(lambda _p, a, b: heard.append(f"removed {a}-{b}"))


def test_an_added_row_is_inserted_not_reset(model, small):
    heard: list[str] = []
    _record(model, heard)
    rows = model.rows()
    extra = InitiativeRow(**{**_fields(rows[0]), "id": 99, "name": "Extra"})
    model.set_rows([*rows, extra])
    assert heard == ["inserted 3-3"]
    assert model.position(99) == 3 and model.row(3).name == "Extra"


def test_deleted_rows_are_removed_not_reset(model, small):
    heard: list[str] = []
    _record(model, heard)
    rows = model.rows()
    model.set_rows([rows[1]])
    assert heard == ["removed 2-2", "removed 0-0"]
    assert model.position(rows[1].id) == 0 and model.position(rows[0].id) is None


def test_a_new_order_resets_the_model(model):
    heard: list[str] = []
    _record(model, heard)
    model.set_rows(model.rows()[::-1])
    assert heard == ["reset"]


def test_markers_put_a_blank_icon_on_unmarked_rows_so_names_line_up(model, small):
    unmarked = model.index(model.position(small.guide), 0)
    assert unmarked.data(Qt.ItemDataRole.DecorationRole) is None
    pixmap = QPixmap(8, 8)
    pixmap.fill(Qt.GlobalColor.red)
    model.set_markers({small.webinar: QIcon(pixmap)}, {small.webinar: "Error: x"})
    assert not unmarked.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert unmarked.data(Qt.ItemDataRole.ToolTipRole) is None
    marked = model.index(model.position(small.webinar), 0)
    assert tooltip_text(marked.data(Qt.ItemDataRole.ToolTipRole)) == "Error: x"


# -- sorting stays right as rows change ---------------------------------------------------


def _with(row: InitiativeRow, **fields) -> InitiativeRow:
    return InitiativeRow(**{**_fields(row), **fields})


def test_a_changed_budget_moves_its_row_when_sorted_by_budget(proxy, small):
    sort_by(proxy, "budget")
    model = proxy.sourceModel()
    model.set_rows([_with(r, budget=1) if r.id == small.summit else r for r in model.rows()])
    assert names(proxy) == ["Accounting guide", "summit booth", "Webinar series"]
    assert shown(proxy, "budget") == ["$0", "$0", "$9,000"]


def test_a_renamed_row_moves_when_sorted_by_name(proxy, small):
    sort_by(proxy, "name")
    model = proxy.sourceModel()
    model.set_rows([_with(r, name="zebra") if r.id == small.guide else r for r in model.rows()])
    assert names(proxy) == ["summit booth", "Webinar series", "zebra"]


def test_an_added_row_takes_its_place_in_the_sort_order(proxy, small):
    sort_by(proxy, "name", Qt.SortOrder.DescendingOrder)
    model = proxy.sourceModel()
    rows = model.rows()
    model.set_rows([*rows, _with(rows[0], id=99, name="Middle")])
    assert names(proxy) == ["Webinar series", "summit booth", "Middle", "Accounting guide"]


def test_sorting_by_another_column_uses_that_columns_values(proxy):
    sort_by(proxy, "name")
    sort_by(proxy, "start_month")
    assert shown(proxy, "start_month") == ["Jan 2026", "Feb 2026", "Oct 2026"]
