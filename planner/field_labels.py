"""The name a person sees for each field the core checks: "Revenue target", not
``revenue_target``.

A :class:`~planner.errors.ValidationError` keeps the field's key (for code that reacts to it)
and shows this label in its message, so every surface that shows the message (the notice
bar, the command line, an import's refusal) names the field the way the app's pages do.
"""

from __future__ import annotations

from planner.domain import Metric

_LABELS: dict[str, str] = {
    # Initiatives, as the Initiatives page's columns and detail pane name them.
    "initiative": "Initiative",
    "name": "Name",
    "channel": "Channel",
    "status": "Status",
    "start_month": "Start",
    "end_month": "End",
    "budget": "Budget",
    "revenue_target": "Revenue target",
    "owner_id": "Owner",
    "segment_ids": "Segments",
    "problem": "Problem",
    "so_what": "So what",
    "why_us": "Why us",
    "notes": "Notes",
    # People and their roles.
    "person": "Person",
    "team": "Team",
    "title": "Title",
    "email": "E-mail",
    "active": "Active",
    "role": "Role",
    # Segments.
    "segment": "Segment",
    "tier": "Tier",
    # The plan's settings, funnel assumptions and hand-off agreement (the Settings page).
    "company": "Company",
    "currency": "Currency",
    "fiscal_year_start": "Fiscal year starts in",
    "first_month": "Horizon starts",
    "months": "Horizon length",
    "horizon": "Horizon",
    "stage": "Business stage",
    "values_on_move": "Values on a move",
    "lead_to_mql": "Lead → MQL rate",
    "mql_to_sal": "MQL → SAL rate",
    "sal_to_sql": "SAL → SQL rate",
    "sql_to_opportunity": "SQL → opportunity rate",
    "opportunity_to_won": "Opportunity → won rate",
    "average_deal_size": "Average deal size",
    "min_return_ratio": "Minimum return ratio",
    "mqls_per_month": "MQLs per month",
    "acceptance_rate": "Acceptance rate",
    "followup_hours": "Follow-up hours",
    "quality_bar": "Quality bar",
    # Monthly values and imports.
    "metric": "Metric",
    "kind": "Planned or actual",
    "month": "Month",
    "mapping": "Column mapping",
    # What-if edits (the Initiatives page's "What if" dialogs).
    "initiatives": "Initiatives",
    "percent": "Change by",
    "revenue_targets": "Scale revenue targets",
    "recipients": "Move to",
    "source": "Move from",
    "amount": "Amount",
    "split": "Split",
    # Next year's plan (planner.versions.rollover).
    "budget_scale": "Budget scale",
    "target_scale": "Revenue target scale",
    "months_shift": "Months to shift",
}


def _value_labels() -> dict[str, str]:
    """ "planned mqls" -> "Planned MQLs": the keys the values service gives each metric."""
    labels = {}
    for metric in Metric:
        title = metric.title
        words = title if title[1:2].isupper() else title.lower()  # acronyms stay capitals
        for kind in ("planned", "actual"):
            labels[f"{kind} {title.lower()}"] = f"{kind.capitalize()} {words}"
    return labels


_LABELS.update(_value_labels())


def field_label(field: str) -> str:
    """How the field ``field`` is named to a person. A key with no label of its own reads as
    words ("channel_name" -> "Channel name"); a command-line option ("--to") stays as typed."""
    if field in _LABELS:
        return _LABELS[field]
    if field.startswith("-"):
        return field
    words = field.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
