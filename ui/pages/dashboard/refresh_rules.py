"""Which edits the dashboard must follow: plain functions over change sets.

Every figure and chart sums monthly values by month, owner, team, segment, tier and channel,
so nearly every edit can move one. An initiative's story (problem, so what, why us, notes)
is shown by none of them: typing a story recomputes nothing, nor does saving, renaming or
deleting a version (the baseline compared with follows those: ui.versions.baseline).
"""

from __future__ import annotations

from planner import ChangeSet, Entity
from planner.changes import Change

STORY_FIELDS = frozenset({"problem", "so_what", "why_us", "notes"})


def _shows_nothing(change: Change) -> bool:
    if change.entity == Entity.VERSIONS:
        return True
    return (
        change.entity == Entity.INITIATIVES
        and bool(change.fields)
        and change.fields <= STORY_FIELDS
    )


def affects_dashboard(changes: ChangeSet | None) -> bool:
    """Whether ``changes`` can move a headline figure or a chart (``None``: everything)."""
    if changes is None:
        return True
    return not all(_shows_nothing(change) for change in changes.changes)


def changes_choices(changes: ChangeSet | None) -> bool:
    """Whether the filter bar's people, segments, channels or months may have changed."""
    return changes is None or changes.touches(
        Entity.PEOPLE, Entity.SEGMENTS, Entity.CHANNELS, Entity.SETTINGS
    )


def changes_names(changes: ChangeSet | None) -> bool:
    """Whether a name a tooltip or a drill-down title gives (a person's, a segment's, a
    channel's, an initiative's) may have changed."""
    return changes is None or changes.touches(
        Entity.PEOPLE, Entity.SEGMENTS, Entity.CHANNELS, Entity.INITIATIVES
    )
