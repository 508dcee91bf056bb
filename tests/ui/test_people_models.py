"""The People & roles page's data and models, without a window: the RACI grid built from
plain records, its table model, and the people table's model with its active check box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QAbstractItemModelTester

from planner import (
    Action,
    Assignment,
    Change,
    ChangeSet,
    Entity,
    Initiative,
    Person,
    Role,
    Status,
    Team,
)
from ui.pages.people.edits import person_edit_text, unique_new_name
from ui.pages.people.people_model import PeopleModel
from ui.pages.people.raci_data import RaciGrid, build_grid, regroup
from ui.pages.people.raci_model import CELL_ROLE, COLUMN_ROLE, ROLE_ROLE, RaciModel
from ui.pages.people.refresh_rules import (
    MOST_ROWS_UPDATED_ONE_BY_ONE,
    Reload,
    empty_text,
    reload_for,
)
from ui.pages.people.wording import cell_tip
from ui.plain_text import tooltip_text
from ui.tables.rows_model import SORT_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole
TIP = Qt.ItemDataRole.ToolTipRole


def person(pid: int, name: str, team: Team, *, active: bool = True, title: str = "") -> Person:
    return Person(pid, name, team, title, f"{name.split()[0].lower()}@example.com", active)


def initiative(iid: int, name: str) -> Initiative:
    return Initiative(iid, name, 8, Status.PLANNED, 202601, 202606, 0, 0, "", "", "", "", (), None)


PEOPLE = [
    person(1, "Zoe Quinn", Team.LEADERSHIP, title="CEO"),
    person(2, "Bob Ray", Team.SALES),
    person(3, "Ann Lee", Team.MARKETING, title="Demand Gen Lead"),
    person(4, "Eve Park", Team.PARTNER, active=False),
    person(5, "Al Bern", Team.SALES),
    person(6, "Max Ode", Team.MARKETING),
]
INITIATIVES = [initiative(10, "Trade show"), initiative(11, "Webinar series")]
ROLES = [
    Assignment(11, 3, Role.ACCOUNTABLE),
    Assignment(11, 2, Role.RESPONSIBLE),
    Assignment(11, 1, Role.INFORMED),
    Assignment(10, 5, Role.CONSULTED),
]


def grid(show_inactive: bool = True) -> RaciGrid:
    return build_grid(INITIATIVES, PEOPLE, ROLES, show_inactive=show_inactive)


@pytest.fixture
def model(qapp: object) -> RaciModel:
    model = RaciModel()
    model.set_grid(grid())
    return model


def names(g: RaciGrid) -> list[str]:
    return [c.name for c in g.columns]


# -- the grid as plain data ---------------------------------------------------------------


def test_grid_puts_marketing_then_sales_then_leadership_then_partners():
    assert [c.team for c in grid().columns] == [
        Team.MARKETING,
        Team.MARKETING,
        Team.SALES,
        Team.SALES,
        Team.LEADERSHIP,
        Team.PARTNER,
    ]


def test_grid_sorts_people_by_name_within_their_team():
    assert names(grid()) == ["Ann Lee", "Max Ode", "Al Bern", "Bob Ray", "Zoe Quinn", "Eve Park"]


def test_grid_keeps_the_initiatives_in_the_order_given():
    assert [r.name for r in grid().rows] == ["Trade show", "Webinar series"]


def test_grid_leaves_out_inactive_people_when_asked():
    assert "Eve Park" not in names(grid(show_inactive=False))


def test_grid_numbers_team_groups_left_to_right():
    assert [c.group for c in grid().columns] == [0, 0, 1, 1, 2, 3]


def test_grid_groups_span_each_teams_columns():
    spans = [(g.team, g.first, g.last) for g in grid().groups()]
    assert spans == [
        (Team.MARKETING, 0, 1),
        (Team.SALES, 2, 3),
        (Team.LEADERSHIP, 4, 4),
        (Team.PARTNER, 5, 5),
    ]


def test_grid_knows_each_cells_role_and_none_for_empty_cells():
    g = grid()
    assert g.role(11, 3) is Role.ACCOUNTABLE
    assert g.role(10, 5) is Role.CONSULTED
    assert g.role(10, 3) is None


def test_grid_names_the_owner_of_an_initiative():
    assert grid().owner_name(11) == "Ann Lee"
    assert grid().owner_name(10) is None


def test_replacing_a_rows_roles_forgets_the_old_ones_and_the_old_owner():
    g = grid()
    g.replace_roles(11, [Assignment(11, 6, Role.RESPONSIBLE)])
    assert g.role(11, 3) is None
    assert g.role(11, 6) is Role.RESPONSIBLE
    assert g.owner_name(11) is None


def test_regrouping_keeps_rows_and_roles_with_new_columns():
    renamed = [*PEOPLE[:2], person(3, "Ann Smith", Team.SALES), *PEOPLE[3:]]
    g = regroup(grid(), renamed)
    assert [r.name for r in g.rows] == ["Trade show", "Webinar series"]
    assert names(g) == ["Max Ode", "Al Bern", "Ann Smith", "Bob Ray", "Zoe Quinn", "Eve Park"]
    assert g.owner_name(11) == "Ann Smith"


def test_regrouped_grid_does_not_share_row_edits_with_the_old_one():
    old = grid()
    new = regroup(old, PEOPLE)
    new.replace_roles(11, [])
    assert old.role(11, 3) is Role.ACCOUNTABLE


# -- wording ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "text"),
    [
        (Role.ACCOUNTABLE, "Ann Lee is Accountable for Webinar series"),
        (Role.RESPONSIBLE, "Ann Lee is Responsible for Webinar series"),
        (Role.CONSULTED, "Ann Lee is Consulted on Webinar series"),
        (Role.INFORMED, "Ann Lee is Informed of Webinar series"),
        (None, "Ann Lee has no role on Webinar series"),
    ],
)
def test_cell_tip_says_who_does_what_on_which_initiative(role, text):
    assert cell_tip("Ann Lee", role, "Webinar series") == text


# -- the grid model -----------------------------------------------------------------------


def test_model_passes_qts_model_tester(model):
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_model_has_a_row_per_initiative_and_a_column_per_person(model):
    assert (model.rowCount(), model.columnCount()) == (2, 6)


def test_model_shows_the_role_letter_and_nothing_in_empty_cells(model):
    ann, bob = model.column_of(3), model.column_of(2)
    assert model.index(1, ann).data(DISPLAY) == "A"
    assert model.index(1, bob).data(DISPLAY) == "R"
    assert model.index(0, ann).data(DISPLAY) is None


def test_model_tooltip_says_who_does_what(model):
    index = model.index(model.row_of(11), model.column_of(3))
    assert tooltip_text(index.data(TIP)) == "Ann Lee is Accountable for Webinar series"


def test_model_tooltip_marks_inactive_people(model):
    index = model.index(0, model.column_of(4))
    assert tooltip_text(index.data(TIP)) == "Eve Park has no role on Trade show (inactive)"


def test_model_shows_only_accountable_in_bold(model):
    row = model.row_of(11)
    owner = model.index(row, model.column_of(3)).data(Qt.ItemDataRole.FontRole)
    other = model.index(row, model.column_of(2)).data(Qt.ItemDataRole.FontRole)
    assert isinstance(owner, QFont)
    assert owner.bold()
    assert other is None


def test_model_colours_each_role_differently(model):
    row = model.row_of(11)
    colours = {
        model.index(row, model.column_of(pid)).data(Qt.ItemDataRole.ForegroundRole).name()
        for pid in (3, 2, 1)
    }
    assert len(colours) == 3


def test_model_dims_an_inactive_persons_letters(qapp):
    model = RaciModel()
    model.set_grid(build_grid(INITIATIVES, PEOPLE, [*ROLES, Assignment(10, 4, Role.INFORMED)]))
    inactive = model.index(0, model.column_of(4)).data(Qt.ItemDataRole.ForegroundRole)
    active = model.index(1, model.column_of(1)).data(Qt.ItemDataRole.ForegroundRole)
    assert inactive.alpha() < active.alpha()


def test_model_gives_each_cells_ids_and_role(model):
    index = model.index(model.row_of(11), model.column_of(2))
    assert index.data(CELL_ROLE) == (11, 2)
    assert model.cell(index) == (11, 2)
    assert index.data(ROLE_ROLE) == "R"
    assert model.role_at(index) is Role.RESPONSIBLE


def test_model_cells_are_selectable_but_have_no_editor(model):
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_model_row_headers_name_the_initiative_with_its_owner_as_tooltip(model):
    row = model.row_of(11)
    assert model.headerData(row, Qt.Orientation.Vertical) == "Webinar series"
    assert (
        tooltip_text(model.headerData(row, Qt.Orientation.Vertical, TIP))
        == "Webinar series\nOwner: Ann Lee"
    )
    no_owner = tooltip_text(model.headerData(model.row_of(10), Qt.Orientation.Vertical, TIP))
    assert no_owner == "Trade show\nNo owner yet"


def test_model_column_headers_name_the_person_with_title_and_team(model):
    column = model.column_of(3)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Ann Lee"
    tip = tooltip_text(model.headerData(column, Qt.Orientation.Horizontal, TIP))
    assert tip == "Ann Lee\nDemand Gen Lead · Marketing"
    assert model.headerData(column, Qt.Orientation.Horizontal, COLUMN_ROLE).team is Team.MARKETING


def test_model_update_of_one_row_repaints_only_that_row(model):
    seen = []
    model.dataChanged.connect(lambda first, last: seen.append((first.row(), last.row())))
    assert model.update_roles(10, [Assignment(10, 3, Role.ACCOUNTABLE)])
    assert seen == [(0, 0)]
    assert model.index(0, model.column_of(3)).data(DISPLAY) == "A"
    assert model.index(0, model.column_of(5)).data(DISPLAY) is None  # Al's C is gone


def test_model_update_updates_the_owner_tooltip(model):
    model.update_roles(10, [Assignment(10, 6, Role.ACCOUNTABLE)])
    assert (
        tooltip_text(model.headerData(0, Qt.Orientation.Vertical, TIP))
        == "Trade show\nOwner: Max Ode"
    )


def test_model_update_of_an_unknown_initiative_says_so(model):
    assert model.update_roles(99, []) is False


def test_model_filter_keeps_initiatives_whose_name_holds_the_text(model):
    model.set_filter("  WEBINAR ")
    assert model.rowCount() == 1
    assert model.headerData(0, Qt.Orientation.Vertical) == "Webinar series"
    assert model.row_of(10) is None


def test_model_filter_cleared_shows_every_initiative(model):
    model.set_filter("webinar")
    model.set_filter("")
    assert model.rowCount() == 2


def test_model_filter_survives_a_new_grid(model):
    model.set_filter("trade")
    model.set_grid(grid())
    assert [model.headerData(n, Qt.Orientation.Vertical) for n in range(model.rowCount())] == [
        "Trade show"
    ]


def test_model_update_of_a_filtered_out_row_keeps_its_roles_for_later(model):
    model.set_filter("trade")
    assert model.update_roles(11, [Assignment(11, 6, Role.ACCOUNTABLE)])
    model.set_filter("")
    assert model.index(model.row_of(11), model.column_of(6)).data(DISPLAY) == "A"


def test_model_lookups_of_unknown_ids_give_none(model):
    assert model.row_of(99) is None
    assert model.column_of(99) is None


# -- the people model ---------------------------------------------------------------------


def people_model(edits: list | None = None, editable: bool = True) -> PeopleModel:
    def on_edit(row: Person, key: str, value: object) -> bool:
        if edits is not None:
            edits.append((row.id, key, value))
        return True

    model = PeopleModel(on_edit if editable else None)
    model.set_rows(PEOPLE)
    return model


def column(model: PeopleModel, key: str) -> int:
    return next(n for n, c in enumerate(model.columns) if c.key == key)


def test_people_model_has_the_five_columns(qapp):
    model = people_model()
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert titles == ["Name", "Team", "Title", "E-mail", "Active"]


def test_people_model_shows_the_team_by_its_name(qapp):
    model = people_model()
    assert model.index(0, column(model, "team")).data(DISPLAY) == "Leadership"
    assert model.index(0, column(model, "team")).data(Qt.ItemDataRole.EditRole) == "Leadership"


def test_people_model_shows_active_as_a_check_box(qapp):
    model = people_model()
    active = column(model, "active")
    check = Qt.ItemDataRole.CheckStateRole
    assert model.index(0, active).data(check) == Qt.CheckState.Checked
    assert model.index(3, active).data(check) == Qt.CheckState.Unchecked
    assert model.flags(model.index(0, active)) & Qt.ItemFlag.ItemIsUserCheckable


def test_people_model_unticking_active_hands_false_to_the_page(qapp):
    edits: list = []
    model = people_model(edits)
    index = model.index(0, column(model, "active"))
    assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert edits == [(1, "active", False)]


def test_people_model_ticking_an_already_active_person_changes_nothing(qapp):
    edits: list = []
    model = people_model(edits)
    index = model.index(0, column(model, "active"))
    assert not model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert edits == []


def test_people_model_text_edits_reach_the_page_with_their_field(qapp):
    edits: list = []
    model = people_model(edits)
    model.setData(model.index(1, column(model, "email")), "bob@tidewater.example")
    assert edits == [(2, "email", "bob@tidewater.example")]


def test_read_only_people_model_has_no_check_box_to_tick(qapp):
    model = people_model(editable=False)
    index = model.index(0, column(model, "active"))
    assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)


def test_people_model_sorts_teams_in_the_grids_order(qapp):
    model = people_model()
    team = column(model, "team")
    ranks = {
        model.index(n, 0).data(DISPLAY): model.index(n, team).data(SORT_ROLE) for n in range(6)
    }
    assert ranks["Ann Lee"] < ranks["Bob Ray"] < ranks["Zoe Quinn"] < ranks["Eve Park"]


# -- names and texts ----------------------------------------------------------------------


def test_new_person_name_is_unique_in_any_letter_case():
    taken = [person(1, "new person", Team.SALES), person(2, "New person 2", Team.SALES)]
    assert unique_new_name(PEOPLE) == "New person"
    assert unique_new_name(taken) == "New person 3"


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("name", "Ann Smith", "rename Ann Lee"),
        ("team", "Sales", "change team of Ann Lee"),
        ("title", "VP", "change title of Ann Lee"),
        ("email", "a@b.co", "change e-mail of Ann Lee"),
        ("active", False, "mark Ann Lee inactive"),
        ("active", True, "mark Ann Lee active"),
    ],
)
def test_person_edit_texts_name_the_person_and_field(key, value, text):
    assert person_edit_text(PEOPLE[2], key, value) == text


# -- what a change reloads ----------------------------------------------------------------


def changes(*items: Change) -> ChangeSet:
    return ChangeSet(items)


def test_no_change_set_reloads_everything():
    assert reload_for(None).everything


def test_a_role_edit_reloads_only_its_rows():
    reload = reload_for(changes(Change(Entity.ROLES, Action.UPDATED, frozenset({4, 7}))))
    assert reload == Reload(role_rows=frozenset({4, 7}))


def test_a_budget_edit_reloads_nothing():
    budget = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({4}), frozenset({"budget"}))
    assert reload_for(changes(budget)) == Reload()


def test_a_renamed_or_new_initiative_reloads_everything():
    renamed = Change(Entity.INITIATIVES, Action.UPDATED, frozenset({4}), frozenset({"name"}))
    added = Change(Entity.INITIATIVES, Action.ADDED, frozenset({9}))
    assert reload_for(changes(renamed)).everything
    assert reload_for(changes(added)).everything


def test_a_deleted_person_reloads_people_and_the_rows_they_were_on():
    reload = reload_for(
        changes(
            Change(Entity.PEOPLE, Action.DELETED, frozenset({2})),
            Change(Entity.ROLES, Action.UPDATED, frozenset({11})),
        )
    )
    assert reload == Reload(people=True, role_rows=frozenset({11}))


def test_roles_of_very_many_rows_reload_everything_at_once():
    many = frozenset(range(MOST_ROWS_UPDATED_ONE_BY_ONE + 1))
    assert reload_for(changes(Change(Entity.ROLES, Action.UPDATED, many))).everything


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        ((2, 2, 0, ""), "No one to give roles to yet. Add people above (Insert)."),
        (
            (0, 0, 3, ""),
            "No initiatives yet. Add them on the Initiatives page; their rows appear here.",
        ),
        ((2, 0, 3, "zebra"), "No initiative's name holds “zebra”."),
        ((2, 2, 3, ""), ""),
    ],
)
def test_the_empty_grid_says_what_to_do(counts, text):
    assert empty_text(*counts) == text
