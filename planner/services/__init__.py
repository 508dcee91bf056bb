"""The edit and read services a :class:`planner.Plan` exposes, one file per kind of record."""

from planner.services.channels import ChannelService
from planner.services.initiatives import InitiativeService
from planner.services.people import PeopleService
from planner.services.roles import RoleService
from planner.services.segments import SegmentService
from planner.services.settings import FunnelService, HandoffService, SettingsService
from planner.services.timeline import TimelineService
from planner.services.values import ValueService
from planner.services.what_if import WhatIfService

__all__ = [
    "ChannelService",
    "FunnelService",
    "HandoffService",
    "InitiativeService",
    "PeopleService",
    "RoleService",
    "SegmentService",
    "SettingsService",
    "TimelineService",
    "ValueService",
    "WhatIfService",
]
