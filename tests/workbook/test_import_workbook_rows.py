"""Importing the Actuals sheet of a filled-in workbook: what is imported, what is kept, and each
kind of wrong row rejected with its cell, leaving the plan exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
import sys
import zipfile
from pathlib import Path

import pytest
from import_support import (
    FIRST_DATA_ROW,
    OUTBOUND,
    WEBINARS,
    actual,
    actuals_row,
    imported,
    plan_state,
    plan_with_actuals,
    refusal,
    rejected_rows,
    replace_part,
    sheet_part,
    write_actuals,
)

from planner import Metric
from planner.workbook.importing import SourceKind, apply_import, preview_import
from planner.workbook.layout import ACTUALS_HEADERS

ROW = FIRST_DATA_ROW  # the number of the first data row, as Excel shows it


def test_a_filled_in_sheet_round_trips_into_the_plan(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 130, planned=120),
            actuals_row(WEBINARS, "2026-03", Metric.REVENUE_WON, 1234.56),
            actuals_row(OUTBOUND, "2026-04", Metric.SPEND, 15_000),
            actuals_row(OUTBOUND, "2026-04", Metric.DEALS_WON, 3),
        ],
    )

    preview = imported(plan, path)

    assert preview.kind is SourceKind.WORKBOOK
    assert (preview.new, preview.changed, preview.unchanged) == (4, 0, 0)
    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 130
    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 123_456
    assert actual(plan, OUTBOUND, 202604, Metric.SPEND) == 1_500_000
    assert actual(plan, OUTBOUND, 202604, Metric.DEALS_WON) == 3


def test_importing_the_same_sheet_again_changes_nothing(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 130),
            actuals_row(OUTBOUND, "2026-05", Metric.PIPELINE, 99_999.99),
        ],
    )
    imported(plan, path)
    before = plan_state(plan)

    again = preview_import(plan, path)

    assert again.changes == ()
    assert again.unchanged == 2
    assert apply_import(plan, again) is None
    assert plan_state(plan) == before


def test_a_changed_actual_is_previewed_with_the_value_it_replaces(tmp_path: Path) -> None:
    plan = plan_with_actuals()  # Webinar series has 100 MQLs in January
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(WEBINARS, "2026-01", Metric.MQL, 111)]
    )

    (change,) = preview_import(plan, path).changes

    assert (change.old, change.new, change.is_new) == (100, 111, False)
    assert change.where == f"Actuals row {ROW}"
    assert change.initiative == "Webinar series"


def test_a_blank_actual_keeps_the_plans_value_and_counts_as_skipped(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-01", Metric.MQL, None, planned=120),
            actuals_row(WEBINARS, "2026-01", Metric.REVENUE_WON, "  "),
        ],
    )

    preview = imported(plan, path)

    assert (preview.skipped, preview.changes) == (2, ())
    assert actual(plan, WEBINARS, 202601, Metric.MQL) == 100
    assert actual(plan, WEBINARS, 202601, Metric.REVENUE_WON) == 100_000


def test_the_planned_column_is_ignored(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [actuals_row(WEBINARS, "2026-03", Metric.MQL, 5, planned="anything at all")],
    )

    imported(plan, path)

    assert plan.values.grid(Metric.MQL)[(WEBINARS, 202603)] == (120, 5)


def test_names_match_ignoring_case_and_surrounding_spaces(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [actuals_row(WEBINARS, "2026-03", Metric.MQL, 5, name="  WEBINAR Series ")],
    )

    assert len(imported(plan, path).changes) == 1


def test_months_may_be_text_and_metrics_their_keys(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "Mar 2026", "mql", 7),
            actuals_row(WEBINARS, "2026-04 ", "Deals won", 1),
            actuals_row(WEBINARS, dt.date(2026, 5, 1), "REVENUE_WON", 10),
        ],
    )

    imported(plan, path)

    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 7
    assert actual(plan, WEBINARS, 202604, Metric.DEALS_WON) == 1
    assert actual(plan, WEBINARS, 202605, Metric.REVENUE_WON) == 1_000


def test_the_header_row_is_found_by_its_titles_in_any_column_order(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    order = ("Actual", "Metric", "Month", "Initiative", "Initiative ID", "Planned")
    row = dict(zip(ACTUALS_HEADERS, actuals_row(WEBINARS, "2026-03", Metric.MQL, 42), strict=True))
    path = write_actuals(tmp_path / "moved.xlsx", [[row[t] for t in order]], headers=order)

    imported(plan, path)

    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 42


def test_a_sheet_without_the_header_row_is_refused_naming_the_titles(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(tmp_path / "odd.xlsx", [[1, 2, 3]], headers=("A", "B", "C"))

    message = refusal(plan, path)

    assert message.startswith("odd.xlsx, sheet Actuals has no header row (Initiative ID, ")


def test_a_header_row_missing_a_column_is_refused_naming_it(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    headers = ("Initiative ID", "Initiative", "Month", "Metric", "Planned", "Result")
    path = write_actuals(tmp_path / "odd.xlsx", [], headers=headers)

    message = refusal(plan, path)

    assert message.startswith("odd.xlsx, sheet Actuals: the header row lacks the column(s) Actual")


def test_unknown_initiative_ids_are_rejected_naming_the_id_and_cell(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [actuals_row(999, "2026-03", Metric.MQL, 5, name="Ghost campaign")],
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW}: cell A{ROW}: there is no initiative with id 999 in the plan"
    ]


def test_a_renamed_initiative_is_rejected_naming_both_names(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [actuals_row(WEBINARS, "2026-03", Metric.MQL, 5, name="Webinars 2025")],
    )

    (reason,) = rejected_rows(plan, path)

    assert reason == (
        f"Actuals row {ROW}: cell B{ROW} names 'Webinars 2025', but initiative {WEBINARS} "
        "is 'Webinar series' in the plan"
    )


def test_text_in_a_number_cell_is_rejected_naming_the_cell(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, "about forty"),
            actuals_row(WEBINARS, "2026-04", Metric.SPEND, "1.500"),  # a number kept as text
        ],
    )

    first, second = rejected_rows(plan, path)

    assert first.startswith(f"Actuals row {ROW}: cell F{ROW} holds text ('about forty')")
    assert second.startswith(f"Actuals row {ROW + 1}: cell F{ROW + 1} holds text ('1.500')")


def test_a_negative_value_is_rejected_naming_the_cell(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(OUTBOUND, "2026-03", Metric.SPEND, -250)]
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW}: cell F{ROW} holds -250, below zero; actuals cannot be negative"
    ]


def test_a_fraction_of_a_count_is_rejected(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(OUTBOUND, "2026-03", Metric.LEADS, 2.5)]
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW}: cell F{ROW} holds 2.5, not a whole number (Leads are counted)"
    ]


def test_more_decimals_than_the_currency_has_are_rejected(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(OUTBOUND, "2026-03", Metric.SPEND, 10.125)]
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW}: cell F{ROW} holds 10.125, with more decimal places than USD has (2)"
    ]


def test_floating_point_noise_from_a_calculation_is_not_taken_for_decimals(
    tmp_path: Path,
) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(OUTBOUND, "2026-03", Metric.SPEND, 0.1 + 0.2)]
    )

    imported(plan, path)

    assert actual(plan, OUTBOUND, 202603, Metric.SPEND) == 30


def test_a_duplicate_row_is_rejected_naming_the_first(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 5),
            actuals_row(OUTBOUND, "2026-03", Metric.MQL, 6),
            actuals_row(WEBINARS, "Mar 2026", "MQLs", 7),
        ],
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW + 2}: same initiative, month and metric as row {ROW}"
    ]


def test_a_month_outside_the_horizon_is_rejected_naming_the_plans_months(
    tmp_path: Path,
) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(WEBINARS, "2027-01", Metric.MQL, 5)]
    )

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW}: cell C{ROW}: Jan 2027 is outside the plan (Jan 2026 to Dec 2026)"
    ]


def test_an_unknown_metric_is_rejected_listing_the_metrics(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(tmp_path / "filled.xlsx", [actuals_row(WEBINARS, "2026-03", "Sales", 5)])

    (reason,) = rejected_rows(plan, path)

    assert reason.startswith(f"Actuals row {ROW}: cell D{ROW} holds 'Sales', not a metric (")
    assert "Revenue won" in reason


def test_every_problem_of_a_row_is_named(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx", [actuals_row(WEBINARS, "someday", Metric.LEADS, -1)]
    )

    (reason,) = rejected_rows(plan, path)

    assert f"cell C{ROW} holds 'someday', not a month" in reason
    assert f"cell F{ROW} holds -1, below zero" in reason


def test_good_rows_are_imported_beside_rejected_ones_when_those_are_skipped(
    tmp_path: Path,
) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 5),
            actuals_row(WEBINARS, "2026-03", Metric.LEADS, -5),
        ],
    )
    preview = preview_import(plan, path)

    apply_import(plan, preview, skip_rejected=True)

    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 5
    assert actual(plan, WEBINARS, 202603, Metric.LEADS) is None


def _with_formula(tmp_path: Path, formula_cell: str) -> Path:
    """A sheet whose second data row's Actual is ``=F{ROW}*2`` held as ``formula_cell`` XML."""
    path = write_actuals(
        tmp_path / "formula.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 21, planned=20),
            actuals_row(WEBINARS, "2026-04", Metric.MQL, "=F1", planned=20),
        ],
    )
    part = sheet_part(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode()
    written = f'<c r="F{ROW + 1}"><f>F1</f><v></v></c>'
    assert written in xml  # how openpyxl saves a formula: no value
    return replace_part(path, part, xml.replace(written, formula_cell).encode())


def test_a_formula_with_no_saved_value_is_rejected_never_read_as_blank(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _with_formula(tmp_path, f'<c r="F{ROW + 1}"><f>F{ROW}*2</f></c>')

    assert rejected_rows(plan, path) == [
        f"Actuals row {ROW + 1}: cell F{ROW + 1} holds a formula with no saved value; open and "
        "save the workbook in Excel first"
    ]


def test_a_formula_cell_without_a_reference_is_found_by_its_place(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _with_formula(tmp_path, f"<c><f>F{ROW}*2</f></c>")  # "r" is optional in the format

    (reason,) = rejected_rows(plan, path)

    assert reason.startswith(f"Actuals row {ROW + 1}: cell F{ROW + 1} holds a formula with no")


def test_a_formula_openpyxl_wrote_without_a_value_is_rejected(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "formula.xlsx", [actuals_row(WEBINARS, "2026-03", Metric.MQL, "=SUM(E1:E3)")]
    )

    (reason,) = rejected_rows(plan, path)

    assert reason.startswith(f"Actuals row {ROW}: cell F{ROW} holds a formula with no saved")


def test_a_formula_with_a_saved_value_is_imported_as_that_value(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _with_formula(tmp_path, f'<c r="F{ROW + 1}"><f>F{ROW}*2</f><v>42</v></c>')

    imported(plan, path)

    assert actual(plan, WEBINARS, 202604, Metric.MQL) == 42


def test_a_formula_in_another_column_with_no_saved_value_is_rejected(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "formula.xlsx",
        [actuals_row("=1+0", "2026-03", Metric.MQL, 5, name="Webinar series")],
    )

    (reason,) = rejected_rows(plan, path)

    assert f"cell A{ROW} holds a formula with no saved value" in reason


def _open_handles(path: Path) -> int:
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(path.resolve()))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_the_workbook_is_closed_after_the_preview(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(tmp_path / "filled.xlsx", [actuals_row(WEBINARS, "2026-03", "MQLs", 1)])

    preview_import(plan, path)

    assert _open_handles(path) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_the_workbook_is_closed_after_a_refusal(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(tmp_path / "filled.xlsx", [], headers=("A", "B"))

    refusal(plan, path)

    assert _open_handles(path) == 0
