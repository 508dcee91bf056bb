"""Applying a preview: every value it lists in one transaction, or nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner import months as month_math
from planner.changes import Change
from planner.workbook.importing.errors import ImportRefused
from planner.workbook.importing.plan_actuals import PlanActuals
from planner.workbook.importing.records import ImportPreview, SourceKind

if TYPE_CHECKING:
    from planner.plan import Plan


def apply_import(
    plan: Plan, preview: ImportPreview, *, skip_rejected: bool = False
) -> Change | None:
    """Write ``preview``'s values (and, for a CSV, keep its mapping for files with the same
    columns) in one transaction and one change set.

    Refused with :class:`ImportRefused`, the plan unchanged, when the preview has rejected rows
    and ``skip_rejected`` is false, or when the plan's values changed since the preview (preview
    again). Returns the values' change, the mapping's when only the mapping is new, or None
    when there is nothing to write.
    """
    name = preview.source.name
    if preview.rejected and not skip_rejected:
        count = len(preview.rejected)
        rows = "1 row is" if count == 1 else f"{count:,} rows are"
        raise ImportRefused(
            f"{name}: nothing was imported: {rows} rejected; correct them, or skip them to "
            "import the rest"
        )
    mapping = preview.mapping if preview.kind is SourceKind.CSV and preview.headers else None
    if mapping is not None and plan.import_mappings.saved(preview.headers) == mapping:
        mapping = None  # kept already
    if not preview.changes and mapping is None:
        return None
    change = None
    with plan.batch():
        if preview.changes:
            _refuse_if_changed_since(plan, preview)
            change = plan.values.set_many(preview.entries())
        if mapping is not None:
            saved = plan.import_mappings.save(preview.headers, mapping)
            change = change or saved
    return change


def _refuse_if_changed_since(plan: Plan, preview: ImportPreview) -> None:
    """The preview's "now" must still be now: else its changes would overwrite edits made
    after it (in another window, or by another import) without showing them."""
    current = PlanActuals(plan)
    for item in preview.changes:
        if current.get(item.initiative_id, item.month, item.metric) != item.old:
            raise ImportRefused(
                f"{preview.source.name}: nothing was imported: the plan changed since the "
                f"preview ({item.initiative}, {month_math.label(item.month)}, "
                f"{item.metric.title}); preview the import again"
            )
