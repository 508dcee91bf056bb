"""The Plan vs baseline sheet: written only when the export is given a baseline, every figure
the comparison's (planner.versions.compare), a native chart of the months under their table,
and the versions named on it, on the Summary and on About."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from baseline_support import ADDED, BASELINE
from export_support import minor, row_starting, sheet_rows

from planner.analysis.reforecast import describe
from planner.domain import Metric
from planner.versions.compare import Difference
from planner.workbook.export.baseline_sheet import HEADERS, MONTH_HEADERS, TITLE
from planner.workbook.export.facts import first_day

SHEET = TITLE


@pytest.fixture(scope="module")
def export_compared_rows(export_compared):
    return sheet_rows(export_compared["path"], SHEET)


def _initiative_rows(rows) -> dict[str, list]:
    header = row_starting(rows, *HEADERS[:3])
    found = {}
    for row in rows[header + 1 :]:
        if row[0].startswith("Total"):
            break
        found[row[0]] = row
    return found


def _live_somewhere(diff) -> bool:
    return any(facts is not None and facts.live for facts in (diff.before, diff.after))


def _texts(rows) -> list[str]:
    return [value for row in rows for value in row if isinstance(value, str) and value]


def test_the_sheet_is_written_only_when_a_baseline_is_given(export_demo_openpyxl, export_compared):
    with_baseline = openpyxl.load_workbook(export_compared["path"], read_only=True)

    assert SHEET not in export_demo_openpyxl.sheetnames
    assert with_baseline.sheetnames[:2] == ["Summary", SHEET]


def test_each_initiatives_budget_and_target_are_the_comparisons(
    export_compared, export_compared_rows
):
    comparison = export_compared["comparison"]
    currency = comparison.currency
    shown = _initiative_rows(export_compared_rows)
    budget, target = HEADERS.index("Baseline budget"), HEADERS.index("Baseline target")

    live = [diff for diff in comparison.diffs[0] if _live_somewhere(diff)]
    assert sorted(shown) == sorted(diff.name for diff in live)
    for diff in live:
        row = shown[diff.name]
        for figure, column in (("budget", budget), ("revenue_target", target)):
            before, after = diff.figures(figure)
            cells = [minor(currency, value) for value in row[column : column + 3]]
            assert cells == [before, after, diff.delta(figure)], (diff.name, figure)


def test_an_initiative_dropped_in_both_versions_is_left_out(export_compared, export_compared_rows):
    gone = [d.name for d in export_compared["comparison"].diffs[0] if not _live_somewhere(d)]

    assert gone  # the demo plan has one dropped already
    assert not set(gone) & set(_initiative_rows(export_compared_rows))


def test_what_changed_says_what_the_comparison_found(export_compared, export_compared_rows):
    shown = _initiative_rows(export_compared_rows)
    column = HEADERS.index("What changed")
    said = {diff.name: shown[diff.name][column] for diff in export_compared["comparison"].changed()}

    assert said[ADDED] == "Added"
    assert sorted(said.values()) == sorted(
        [
            "Added",
            "Dropped",
            "Re-budgeted",
            "Re-targeted",
            "Moved from Jan 2026 to Mar 2026; also changed: end",
        ]
    )


def test_an_unchanged_initiative_says_nothing_changed(export_compared, export_compared_rows):
    shown = _initiative_rows(export_compared_rows)
    same = next(
        d for d in export_compared["comparison"].diffs[0] if d.difference is Difference.SAME
    )

    assert shown[same.name][HEADERS.index("What changed")] == ""
    assert shown[same.name][HEADERS.index("Budget variance")] == 0


def test_the_variance_share_is_of_the_baselines_figure(export_compared, export_compared_rows):
    shown = _initiative_rows(export_compared_rows)
    column = HEADERS.index("Budget variance %")
    for diff in export_compared["comparison"].changed():
        before, after = diff.figures("budget")
        expected = (after - before) / before if before else ""
        assert shown[diff.name][column] == pytest.approx(expected), diff.name


def test_the_totals_are_the_two_sides_of_the_comparison(export_compared, export_compared_rows):
    comparison = export_compared["comparison"]
    reference, plan = comparison.sides
    total = export_compared_rows[row_starting(export_compared_rows, "Total (live initiatives)")]
    budget, target = HEADERS.index("Baseline budget"), HEADERS.index("Baseline target")

    money = [minor(comparison.currency, v) for v in total[budget : budget + 3]]
    targets = [minor(comparison.currency, v) for v in total[target : target + 3]]
    assert money == [reference.budget, plan.budget, plan.budget - reference.budget]
    assert targets == [
        reference.revenue_target,
        plan.revenue_target,
        plan.revenue_target - reference.revenue_target,
    ]


def test_each_months_revenue_and_spend_are_the_comparisons(export_compared, export_compared_rows):
    comparison = export_compared["comparison"]
    reference, plan = comparison.sides
    rows = export_compared_rows
    header = row_starting(rows, *MONTH_HEADERS[:2])
    for offset, month in enumerate(comparison.months, 1):
        row = rows[header + offset]
        assert row[0] == first_day(month)
        cells = [minor(comparison.currency, value) for value in row[1:7]]
        expected = []
        for metric in (Metric.REVENUE_WON, Metric.SPEND):
            before = reference.planned_by_month[metric].get(month, 0)
            after = plan.planned_by_month[metric].get(month, 0)
            expected += [before, after, after - before]
        assert cells == expected, month
    total = rows[header + len(comparison.months) + 1]
    assert total[0] == "Total"
    assert minor(comparison.currency, total[2]) == plan.planned[Metric.REVENUE_WON]


def test_the_story_is_told_line_by_line(export_compared, export_compared_rows):
    texts = _texts(export_compared_rows)
    for line in export_compared["comparison"].story():
        assert f"• {line}" in texts


def test_the_header_names_both_versions_and_when_the_baseline_was_saved(export_compared_rows):
    texts = _texts(export_compared_rows)

    assert (
        "Plan: the working plan of 'FY2026 Demand Plan'. Baseline: the locked baseline "
        f"'{BASELINE}', saved 2026-01-15 10:30." in texts
    )


def test_the_landing_is_told_against_the_baselines(export_compared, export_compared_rows):
    landing = export_compared["landing"]
    words = describe(
        landing, export_compared["comparison"].currency, baseline=export_compared["base_landing"]
    )

    assert f"{landing.year_name} {words}." in _texts(export_compared_rows)


def test_money_cells_have_the_plan_currency_format(export_compared):
    ws = openpyxl.load_workbook(export_compared["path"])[SHEET]
    header = next(row for row in ws.iter_rows() if row[0].value == HEADERS[0])
    below = ws.cell(header[0].row + 1, HEADERS.index("Plan budget") + 1)
    share = ws.cell(header[0].row + 1, HEADERS.index("Budget variance %") + 1)

    assert below.number_format == '"$"#,##0'
    assert share.number_format == "0.0%"


def test_the_initiatives_have_a_frozen_header_and_a_filter(export_compared):
    ws = openpyxl.load_workbook(export_compared["path"])[SHEET]
    header = next(row for row in ws.iter_rows() if row[0].value == HEADERS[0])[0].row
    total = next(row for row in ws.iter_rows() if row[0].value == "Total (live initiatives)")

    assert ws.freeze_panes == f"B{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:K{total[0].row - 1}"


def test_the_months_print_on_a_page_of_their_own(export_compared):
    ws = openpyxl.load_workbook(export_compared["path"])[SHEET]
    areas = re.findall(r"\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)", ws.print_area)

    assert [(first, last) for first, _, last, _ in areas] == [("A", "K"), ("A", "G")]
    assert ws.page_setup.orientation == "landscape"


def test_a_native_line_chart_draws_baseline_and_plan_from_the_month_table(export_compared):
    wb = openpyxl.load_workbook(export_compared["path"])
    ws = wb[SHEET]
    header = next(row for row in ws.iter_rows() if row[0].value == MONTH_HEADERS[0])[0].row
    last = header + len(export_compared["comparison"].months)
    with zipfile.ZipFile(export_compared["path"]) as archive:
        charts = [
            archive.read(name).decode()
            for name in archive.namelist()
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        ]
    ours = [xml for xml in charts if "baseline vs plan" in xml]

    assert [type(chart).__name__ for chart in ws._charts] == ["LineChart"]
    assert len(ours) == 1
    references = re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", ours[0])
    assert f"'{SHEET}'!$B${header + 1}:$B${last}" in references
    assert f"'{SHEET}'!$C${header + 1}:$C${last}" in references
    assert f"'{SHEET}'!$A${header + 1}:$A${last}" in references
    assert f"Baseline: {BASELINE}" in ours[0]


def test_the_chart_sits_below_the_month_table(export_compared):
    ws = openpyxl.load_workbook(export_compared["path"])[SHEET]
    total = max(row[0].row for row in ws.iter_rows() if row[0].value == "Total")
    anchor = ws._charts[0].anchor

    assert anchor._from.row + 1 > total  # 0-based in the anchor


def test_the_summary_tells_the_plan_against_the_baseline(export_compared):
    texts = _texts(sheet_rows(export_compared["path"], "Summary"))
    line = next(text for text in texts if text.startswith("Against "))

    assert line.startswith(
        f"Against the locked baseline '{BASELINE}' (saved 2026-01-15 10:30): budget "
    )
    assert line.endswith("See the Plan vs baseline sheet.")


def test_about_names_the_working_plan_and_the_baseline_compared(export_compared):
    rows = sheet_rows(export_compared["path"], "About")

    exported = rows[row_starting(rows, "Version exported")]
    against = rows[row_starting(rows, "Compared with")]
    assert exported[1] == "Working plan"
    assert against[1] == BASELINE
    assert against[2].startswith("locked baseline, saved 2026-01-15 10:30 from the working plan")


def test_about_names_the_working_plan_without_a_baseline(export_demo_workbook):
    rows = sheet_rows(export_demo_workbook, "About")

    assert rows[row_starting(rows, "Version exported")][1] == "Working plan"
    assert not [row for row in rows if row[0] == "Compared with"]
