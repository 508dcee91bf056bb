"""Property: whatever valid actuals are written into an Actuals sheet, previewing and applying
the import makes the plan hold exactly them, and touches nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_support import NAMES, actuals_row, plan_with_actuals, write_actuals

from planner import Currency, Metric
from planner.validation import MAX_NUMBER
from planner.workbook.importing import apply_import, preview_import

USD = Currency("USD")
MONTHS = [202600 + number for number in range(1, 13)]


@st.composite
def actuals(draw: st.DrawFn) -> dict[tuple[int, int, Metric], int]:
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(NAMES)),
                st.sampled_from(MONTHS),
                st.sampled_from(list(Metric)),
            ),
            unique=True,
            max_size=40,
        )
    )
    # Excel keeps 15 significant digits: money up to that, in cents.
    return {key: draw(st.integers(0, MAX_NUMBER - 1)) for key in keys}


def _cell(metric: Metric, value: int) -> object:
    return USD.to_decimal(value) if metric.is_money else value


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written=actuals())
def test_preview_and_apply_make_the_plan_hold_exactly_what_was_written(
    written: dict[tuple[int, int, Metric], int],
) -> None:
    plan = plan_with_actuals()
    expected = {metric: dict(plan.values.grid(metric)) for metric in Metric}
    for (initiative_id, month, metric), value in written.items():
        planned, _old = expected[metric].get((initiative_id, month), (None, None))
        expected[metric][(initiative_id, month)] = (planned, value)
    rows = [
        actuals_row(
            initiative_id, f"{month // 100}-{month % 100:02d}", metric, _cell(metric, value)
        )
        for (initiative_id, month, metric), value in written.items()
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = write_actuals(Path(folder) / "filled.xlsx", rows)
        preview = preview_import(plan, path)
    assert preview.rejected == ()

    apply_import(plan, preview)

    assert {metric: plan.values.grid(metric) for metric in Metric} == expected
