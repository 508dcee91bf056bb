"""Property: whatever a plan file's tables hold, the command line's reading commands work or
refuse in one clear line, never reach the catch-all's "unexpected error", never hang and never
change the file; and a plan the app itself wrote is never refused (issue 15, item 4; the app's
side is in tests/ui/test_plan_content_property_app.py).

The plans are the demo plan changed with sqlite3 directly, or through the app's own services
(see tests/plan_content_fuzz.py, tests/app_written_plans.py and tests/fuzz_support.py). SMARKETING_FUZZ_EXAMPLES=2000 runs 2,000 random examples of
each test instead of the suite's fixed few.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from app_written_plans import AppWrittenPlan, app_written_plans
from fuzz_support import (
    CommandResult,
    FileState,
    assert_left_alone,
    assert_worked_or_refused_in_one_line,
    fuzz_settings,
    run_cli,
)
from hypothesis import event, given
from hypothesis import strategies as st
from plan_content_fuzz import HostilePlan, hostile_plans

from planner.charts import KINDS

# A chart of each kind, drawn to each format the command writes.
CHARTS = st.tuples(st.sampled_from(sorted(KINDS)), st.sampled_from((".png", ".svg", ".pdf")))


def reading_commands(
    plan: Path, chart: tuple[str, str], *, as_json: bool
) -> Iterator[tuple[str, CommandResult]]:
    """``summary``, ``check``, ``chart`` (of a kind, to a format) and ``export`` of ``plan``,
    each run in this process; each asserted to leave the plan's file and folder as they were."""
    kind, suffix = chart
    json = ["--json"] if as_json else []
    with tempfile.TemporaryDirectory(prefix="content-fuzz-out-") as out:
        commands = [
            ["summary", plan, *json],
            ["check", plan, *json],
            ["chart", plan, "--kind", kind, "-o", Path(out) / f"{kind}{suffix}"],
            ["export", plan, "-o", Path(out) / "plan.xlsx"],
        ]
        for command in commands:
            before = FileState.of(plan)
            what = f"smarketing {command[0]}"
            result = run_cli(command)
            assert_left_alone(plan, before, what)
            yield what, result


@fuzz_settings(suite_examples=25)
@given(hostile=hostile_plans(), chart=CHARTS, as_json=st.booleans())
def test_reading_commands_work_or_refuse_in_one_line_whatever_the_plan_holds(
    hostile: HostilePlan, chart: tuple[str, str], as_json: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="content-fuzz-") as folder:
        plan = Path(folder) / "hostile.smplan"
        hostile.write(plan)

        for what, result in reading_commands(plan, chart, as_json=as_json):
            assert_worked_or_refused_in_one_line(result, what)
            event(f"{what}: {'refused' if result.code == 2 else 'worked'}")


@fuzz_settings(suite_examples=10)
@given(edits=app_written_plans(), chart=CHARTS, as_json=st.booleans())
def test_reading_commands_work_on_any_plan_the_app_itself_writes(
    edits: AppWrittenPlan, chart: tuple[str, str], as_json: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="content-fuzz-") as folder:
        plan = Path(folder) / "extreme.smplan"
        edits.write(plan)

        for what, result in reading_commands(plan, chart, as_json=as_json):
            assert result.code in (0, 1), f"{what} refused a plan the app wrote: {result.err}"
            assert result.err == "", f"{what}: {result.err}"
