"""What an export can be asked to do, and how a cancelled one ends."""

from __future__ import annotations

from dataclasses import dataclass

from planner.errors import PlanError


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """``chart_images``: also embed the app's own chart pictures (matplotlib PNGs) on a
    Charts sheet, beside the native Excel charts every export has.

    ``pictures``: those pictures drawn already, as (chart kind, PNG bytes), from
    :func:`planner.workbook.export.images.draw_pictures`. The app draws them on its UI thread,
    the one thread where it uses matplotlib, and exports in a worker; without them the export
    draws the pictures itself, in its own thread.
    """

    chart_images: bool = False
    pictures: tuple[tuple[str, bytes], ...] = ()


class ExportCancelled(PlanError):
    """The user cancelled the export; the target file was not touched."""
