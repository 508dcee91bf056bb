"""Property: whatever a plan file's tables hold, the command line's reading commands work or
refuse in one clear line, never reach the catch-all's "unexpected error", never hang and never
change the file (issue 15, item 4; the app's side is in tests/ui/test_plan_content_property_app.py).

The plans are the demo plan changed with sqlite3 directly (see tests/plan_content_fuzz.py).
SMARKETING_FUZZ_EXAMPLES=2000 runs 2,000 random examples instead of the suite's fixed 30.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from plan_content_fuzz import (
    FileState,
    Mutation,
    assert_left_alone,
    assert_worked_or_refused_in_one_line,
    fuzz_settings,
    hostile_plans,
    run_cli,
    write_hostile_plan,
)

from planner.charts import KINDS


@fuzz_settings(suite_examples=30)
@given(
    steps=hostile_plans(),
    kind=st.sampled_from(sorted(KINDS)),
    as_json=st.booleans(),
)
def test_reading_commands_work_or_refuse_in_one_line_whatever_the_plan_holds(
    steps: list[Mutation], kind: str, as_json: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="content-fuzz-") as folder:
        plan = Path(folder) / "plan" / "hostile.smplan"
        plan.parent.mkdir()
        write_hostile_plan(plan, steps)
        out = Path(folder) / "out"
        out.mkdir()
        json = ["--json"] if as_json else []
        commands = [
            ["summary", plan, *json],
            ["check", plan, *json],
            ["chart", plan, "--kind", kind, "-o", out / f"{kind}.png"],
            ["export", plan, "-o", out / "plan.xlsx"],
        ]
        for command in commands:
            before = FileState.of(plan)
            what = f"smarketing {command[0]}"

            result = run_cli(command)

            assert_worked_or_refused_in_one_line(result, what)
            assert_left_alone(plan, before, what)
