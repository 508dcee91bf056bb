"""Smarketing Planner's core: the plan file, its domain, analysis and alignment checks.

No Qt here: the desktop app in :mod:`ui` and the ``smarketing`` command line both call this.
"""

from planner.changes import Action, Change, ChangeSet, Entity
from planner.domain import (
    Assignment,
    Channel,
    FunnelAssumptions,
    HandoffAgreement,
    Initiative,
    Metric,
    MonthlyValue,
    Person,
    PlanSettings,
    Role,
    Segment,
    Stage,
    Status,
    Team,
    Tier,
)
from planner.errors import (
    ListenerError,
    PlanContentError,
    PlanError,
    PlanFileError,
    PlanLockedError,
    ReadOnlyPlanError,
    ReadOnlyWouldOpenError,
    ValidationError,
)
from planner.money import Currency
from planner.months import Horizon
from planner.plan import Plan
from planner.services.values import Kind, MonthRow, ValueEntry
from planner.version import APP_NAME, APP_VERSION

__all__ = [
    "APP_NAME",
    "APP_VERSION",
    "Action",
    "Assignment",
    "Change",
    "ChangeSet",
    "Channel",
    "Currency",
    "Entity",
    "FunnelAssumptions",
    "HandoffAgreement",
    "Horizon",
    "Initiative",
    "Kind",
    "ListenerError",
    "Metric",
    "MonthRow",
    "MonthlyValue",
    "Person",
    "Plan",
    "PlanContentError",
    "PlanError",
    "PlanFileError",
    "PlanLockedError",
    "PlanSettings",
    "ReadOnlyPlanError",
    "ReadOnlyWouldOpenError",
    "Role",
    "Segment",
    "Stage",
    "Status",
    "Team",
    "Tier",
    "ValidationError",
    "ValueEntry",
]
