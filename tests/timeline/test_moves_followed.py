"""What keeps itself in step with a plan's edits follows a move: the checks' inputs and the
in-memory sums read again what the move changed."""

from __future__ import annotations

from timeline_plans import analysis_at

from planner.analysis import Analysis, Dimension
from planner.checks import InputsInStep, gather
from planner.domain import ValuesOnMove


def test_the_checks_kept_in_step_read_a_move_again(plan, made):
    kept = InputsInStep(analysis_at(plan))
    kept.gather()
    plan.subscribe(kept.heard)
    plan.timeline.move(made.webinar, 202605, 202608, ValuesOnMove.RESPREAD)
    assert kept.gather() == gather(analysis_at(plan))


def test_the_sums_kept_in_memory_follow_a_move(plan, made):
    in_memory = Analysis.in_memory(plan)
    plan.timeline.move(made.webinar, 202605, 202607, ValuesOnMove.SHIFT)
    by_month = in_memory.rollup(Dimension.MONTH)
    assert by_month == Analysis.in_sql(plan).rollup(Dimension.MONTH)
    in_memory.close()
