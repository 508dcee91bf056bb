"""The undoable edits of the Timeline page: an initiative moved or resized, and the lead's
choice of what a move does to planned values. Commands call the core only; they are tested
without a window."""

from __future__ import annotations

from planner import Plan
from planner.analysis import Analysis
from planner.months import Month
from planner.timeline import Placement, ValuesOnMove, describe_move
from ui.commands import Overwrite, PlanCommand
from ui.pages.initiatives.edits import short


class MoveInitiative(PlanCommand):
    """Give an initiative new dates, its planned values following as the plan's setting said
    when the move was made (a redo does the same even if the setting changed since); undo
    puts back exactly the dates and planned values it had."""

    def __init__(
        self, plan: Plan, analysis: Analysis, initiative_id: int, start: Month, end: Month
    ) -> None:
        name = plan.initiatives.get(initiative_id).name
        super().__init__(describe_move(short(name), start, end))
        self._plan = plan
        self._analysis = analysis
        self.initiative_id = initiative_id
        self.start, self.end = start, end
        self._values: ValuesOnMove = plan.settings.get().move_values
        self._before: Placement | None = None

    def do(self) -> None:
        timeline = self._plan.timeline
        # Read from the core at each do, never from the page's bars, which may be stale.
        self._before = timeline.placement(self.initiative_id)
        timeline.move(
            self.initiative_id, self.start, self.end, self._values, analysis=self._analysis
        )

    def revert(self) -> None:
        assert self._before is not None
        self._plan.timeline.restore(self._before)


def choose_values_on_move(plan: Plan, values: ValuesOnMove | None) -> PlanCommand:
    """Set what a move does to planned values; undo puts back the choice before."""
    return Overwrite(
        "change what a move does to planned values",
        lambda: plan.settings.update(values_on_move=values),
        read=lambda: plan.settings.get().values_on_move,
        restore=lambda old: plan.settings.update(values_on_move=old),
    )
