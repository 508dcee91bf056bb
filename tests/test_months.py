"""Months are YYYYMM ints; text is "2026-03"; fiscal periods are computed from a start month."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import months
from planner.months import Horizon

any_month = st.builds(months.month, st.integers(min_value=1900, max_value=2999), st.integers(1, 12))
start_months = st.integers(min_value=1, max_value=12)


# -- parsing and showing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-03", 202603), ("2026-3", 202603), (" 2026-12 ", 202612), (202601, 202601)],
)
def test_text_and_yyyymm_ints_are_months(value, expected):
    assert months.parse_month(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2026-13",
        "2026-00",
        "2026/03",
        "03-2026",
        "202603",
        "26-03",
        "March",  # a name alone: which year? (typed_month answers from a plan)
        "Marchy 2026",
        "",
        202600,
        202613,
        2026,
        True,
        2026.03,
        None,
        "\uff12\uff10\uff12\uff16-03",  # full-width digits
    ],
)
def test_anything_else_is_not_a_month(value):
    with pytest.raises(ValueError):
        months.parse_month(value)


def test_a_year_outside_1900_to_2999_is_refused():
    with pytest.raises(ValueError, match="year"):
        months.month(1899, 12)
    with pytest.raises(ValueError, match="year"):
        months.parse_month("3000-01")


def test_months_have_a_label_and_an_iso_form():
    assert months.label(202603) == "Mar 2026"
    assert months.iso(202603) == "2026-03"
    assert months.iso(190001) == "1900-01"


def test_add_crosses_year_ends_both_ways():
    assert months.add(202611, 3) == 202702
    assert months.add(202602, -3) == 202511
    assert months.add(202601, 0) == 202601


def test_between_counts_both_ends_and_is_zero_when_backwards():
    assert months.between(202601, 202612) == 12
    assert months.between(202612, 202701) == 2
    assert months.between(202603, 202603) == 1
    assert months.between(202604, 202603) == 0


# -- horizon ----------------------------------------------------------------------------------


def test_a_horizon_lists_its_months_across_a_year_end():
    horizon = Horizon(202611, 4)
    assert horizon.months() == [202611, 202612, 202701, 202702]
    assert horizon.last == 202702


def test_a_horizon_contains_only_its_own_months():
    horizon = Horizon(202611, 4)
    assert 202611 in horizon
    assert 202702 in horizon
    assert 202610 not in horizon
    assert 202703 not in horizon
    assert "2026-12" not in horizon


def test_a_horizon_describes_itself():
    assert Horizon(202601, 12).describe() == "Jan 2026 to Dec 2026"


# -- fiscal periods ---------------------------------------------------------------------------


def test_a_january_fiscal_year_is_the_calendar_year():
    assert months.fiscal_year(202601, 1) == 2026
    assert months.fiscal_year(202612, 1) == 2026
    assert months.fiscal_quarter(202604, 1) == 2


def test_an_october_fiscal_year_is_named_for_the_year_it_ends_in():
    assert months.fiscal_year(202610, 10) == 2027
    assert months.fiscal_year(202609, 10) == 2026
    assert months.fiscal_quarter(202610, 10) == 1
    assert months.fiscal_quarter(202609, 10) == 4


@pytest.mark.parametrize("start", [0, 13, -1, True, "4"])
def test_a_fiscal_start_outside_1_to_12_is_refused(start):
    with pytest.raises(ValueError, match="fiscal year"):
        months.fiscal_year(202601, start)
    with pytest.raises(ValueError, match="fiscal year"):
        months.fiscal_quarter(202601, start)


def _naive_fiscal(value: int, start: int) -> tuple[int, int]:
    """Walk back to the month the fiscal year began; it ends 11 months later and is named by
    that month's calendar year; quarters are three-month runs from its start."""
    first = value
    while first % 100 != start:
        first = months.add(first, -1)
    last = months.add(first, 11)
    elapsed = 0
    cursor = first
    while cursor != value:
        cursor, elapsed = months.add(cursor, 1), elapsed + 1
    return last // 100, elapsed // 3 + 1


@pytest.mark.parametrize("start", range(1, 13))
def test_fiscal_periods_agree_with_the_naive_definition_for_every_start_month(start):
    for value in Horizon(202401, 36).months():
        expected = _naive_fiscal(value, start)
        assert (months.fiscal_year(value, start), months.fiscal_quarter(value, start)) == expected


@given(any_month, start_months)
def test_fiscal_periods_agree_with_the_naive_definition(value, start):
    expected = _naive_fiscal(value, start)
    assert (months.fiscal_year(value, start), months.fiscal_quarter(value, start)) == expected


@given(any_month, start_months)
def test_a_fiscal_year_has_twelve_months_and_four_quarters_of_three(value, start):
    year = months.fiscal_year(value, start)
    members = [
        m
        for m in Horizon(months.add(value, -12), 25).months()
        if months.fiscal_year(m, start) == year
    ]
    assert len(members) == 12
    assert [months.fiscal_quarter(m, start) for m in members] == [
        1,
        1,
        1,
        2,
        2,
        2,
        3,
        3,
        3,
        4,
        4,
        4,
    ]


# -- arithmetic properties --------------------------------------------------------------------


@given(any_month)
def test_from_index_undoes_index(value):
    assert months.from_index(months.index(value)) == value


@given(any_month, st.integers(min_value=-600, max_value=600))
def test_add_moves_the_index_by_exactly_that_many_months(value, count):
    assert months.index(months.add(value, count)) - months.index(value) == count


@given(any_month, st.integers(min_value=-600, max_value=600))
def test_adding_and_subtracting_returns_to_the_start(value, count):
    assert months.add(months.add(value, count), -count) == value


@given(any_month, st.integers(min_value=-600, max_value=600))
def test_add_always_lands_on_a_real_month(value, count):
    moved = months.add(value, count)
    assert 1 <= moved % 100 <= 12


@given(any_month)
def test_the_iso_form_parses_back(value):
    assert months.parse_month(months.iso(value)) == value


@given(any_month, st.integers(min_value=1, max_value=120))
def test_a_horizon_holds_count_consecutive_months(first, count):
    listed = Horizon(first, count).months()
    assert len(listed) == count
    assert all(months.add(a, 1) == b for a, b in pairwise(listed))
    assert listed[-1] == Horizon(first, count).last


# -- months as a person types them --------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["2027-03", "Mar 2027", "mar 2027", "March 2027", " MARCH 2027 ", "Mar. 2027"]
)
def test_a_month_reads_as_the_app_shows_it_or_as_iso(typed):
    assert months.parse_month(typed) == 202703


@pytest.mark.parametrize("typed", ["Sep", "sept", "September", "SEP."])
def test_a_month_name_alone_is_that_month_of_the_plan(typed):
    assert months.typed_month(typed, months.Horizon(202607, 12)) == 202609


def test_a_month_name_alone_is_its_first_month_in_a_longer_plan():
    assert months.typed_month("Jan", months.Horizon(202601, 24)) == 202601


def test_a_month_name_the_plan_does_not_hold_is_in_the_plans_first_year():
    assert months.typed_month("Jan", months.Horizon(202604, 3)) == 202601


@pytest.mark.parametrize("typed", ["soon", "Ma", "Mar 27", "13/2026", "", "Marchy 2026"])
def test_text_that_is_no_month_is_refused_in_plain_words(typed):
    with pytest.raises(ValueError, match="is not a month"):
        months.typed_month(typed, months.Horizon(202601, 12))
