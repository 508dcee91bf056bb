"""The settings page's undoable action: change one field of the plan's settings, funnel
assumptions or hand-off agreement."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from planner import Plan
from ui.commands import Overwrite


class Section(StrEnum):
    """The three single-record parts of a plan the page edits, each with its own service."""

    PLAN = "settings"
    FUNNEL = "funnel"
    HANDOFF = "handoff"


# Every field the form edits: its section and the Edit menu's words for changing it.
FIELDS: dict[str, tuple[Section, str]] = {
    "name": (Section.PLAN, "change plan name"),
    "company": (Section.PLAN, "change company"),
    "currency": (Section.PLAN, "change currency"),
    "fiscal_year_start": (Section.PLAN, "change fiscal year start"),
    "first_month": (Section.PLAN, "change first month of the horizon"),
    "months": (Section.PLAN, "change length of the horizon"),
    "stage": (Section.PLAN, "change business stage"),
    "gross_margin": (Section.PLAN, "change gross margin"),
    "lead_to_mql": (Section.FUNNEL, "change lead→MQL rate"),
    "mql_to_sal": (Section.FUNNEL, "change MQL→SAL rate"),
    "sal_to_sql": (Section.FUNNEL, "change SAL→SQL rate"),
    "sql_to_opportunity": (Section.FUNNEL, "change SQL→opportunity rate"),
    "opportunity_to_won": (Section.FUNNEL, "change opportunity→won rate"),
    "average_deal_size": (Section.FUNNEL, "change average deal size"),
    "min_return_ratio": (Section.FUNNEL, "change minimum return ratio"),
    "mqls_per_month": (Section.HANDOFF, "change MQLs per month"),
    "acceptance_rate": (Section.HANDOFF, "change acceptance rate"),
    "followup_hours": (Section.HANDOFF, "change follow-up hours"),
    "quality_bar": (Section.HANDOFF, "change quality bar"),
}


def current_values(plan: Plan) -> dict[str, Any]:
    """Every field of the form as the core holds it now (three reads, one per section)."""
    settings = plan.settings.get()
    funnel = plan.funnel.get()
    handoff = plan.handoff.get()
    values: dict[str, Any] = {
        "name": settings.name,
        "company": settings.company,
        "currency": settings.currency,
        "fiscal_year_start": settings.fiscal_year_start,
        "first_month": settings.horizon.first,
        "months": settings.horizon.count,
        "stage": settings.stage.value,
        "gross_margin": settings.gross_margin,
    }
    for record in (funnel, handoff):
        values.update({name: getattr(record, name) for name in type(record).__slots__})
    return values


def _service(plan: Plan, section: Section) -> Any:
    return {
        Section.PLAN: plan.settings,
        Section.FUNNEL: plan.funnel,
        Section.HANDOFF: plan.handoff,
    }[section]


def change_field(plan: Plan, field: str, new: Any) -> Overwrite:
    """Set ``field`` to ``new``; undo sets back what the core held when it was done."""
    section, text = FIELDS[field]
    service = _service(plan, section)
    return Overwrite(
        text,
        lambda: service.update(**{field: new}),
        read=lambda: current_values(plan)[field],
        restore=lambda old: service.update(**{field: old}),
    )
