"""The timeline: a plan's initiatives as bars across its months, in swimlanes, moved by hand.

    timeline = build_timeline(plan, Grouping.OWNER, keep=Filter(...), baseline=opened)
    change = plan.timeline.move(initiative_id, 202604, 202606)   # ValuesOnMove: the setting
    text = describe_move("Webinar series", 202604, 202606)       # "move 'Webinar series' to Apr-Jun 2026"

The model is built here (:mod:`planner.timeline.build`); the move is a service of the plan
(:mod:`planner.services.timeline`), so it is one edit like any other.
"""

from planner.domain import ValuesOnMove
from planner.months import Month
from planner.services.timeline import Placement
from planner.timeline.build import build_timeline
from planner.timeline.model import Band, Bar, Grouping, Lane, Timeline
from planner.timeline.wording import describe_move

__all__ = [
    "Band",
    "Bar",
    "Grouping",
    "Lane",
    "Month",
    "Placement",
    "Timeline",
    "ValuesOnMove",
    "build_timeline",
    "describe_move",
]
