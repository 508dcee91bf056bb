"""What an export can be asked to do, and how a cancelled one ends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.errors import PlanError

if TYPE_CHECKING:
    from planner.plan import Plan
    from planner.timeline import Grouping


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """``chart_images``: also embed the app's own chart pictures (matplotlib PNGs) on a
    Charts sheet, beside the native Excel charts every export has.

    ``pictures``: those pictures drawn already, as (chart kind, PNG bytes), from
    :func:`planner.workbook.export.images.draw_pictures`. The app draws them on its UI thread,
    the one thread where it uses matplotlib, and exports in a worker; without them the export
    draws the pictures itself, in its own thread.

    ``baseline``: another version of the plan to compare it with (a version opened with
    :func:`planner.versions.opened.open_version`, or the working plan when a version is
    exported): the workbook then has a "Plan vs baseline" sheet, read from
    :func:`planner.versions.compare.compare`, and its Summary and About name the baseline.

    ``timeline_grouping``: the lanes of the Timeline sheet (``None``: by channel).
    """

    chart_images: bool = False
    pictures: tuple[tuple[str, bytes], ...] = ()
    baseline: Plan | None = None
    timeline_grouping: Grouping | None = None


class ExportCancelled(PlanError):
    """The user cancelled the export; the target file was not touched."""
