"""Writing a chart to a file: PNG, SVG or PDF by the file's extension, whole or not at all."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import PlanError
from planner.storage.copies import temporary_sibling

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")


def chart_format(path: Path) -> str:
    """The format ``path``'s extension names; a PlanError naming the file otherwise."""
    extension = path.suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise PlanError(
            f"{path}: charts are written as {', '.join('.' + f for f in FORMATS)}; "
            f"not {path.suffix or 'a file without an extension'}"
        )
    return extension


def save_chart(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` to ``path`` through a temporary file beside it, so a failure never
    leaves half a chart under that name."""
    target = Path(path).expanduser().absolute()
    kind = chart_format(target)
    if not target.parent.is_dir():
        raise PlanError(f"{target}: there is no folder {target.parent}")
    temporary: Path | None = None
    try:
        temporary = temporary_sibling(target, "chart")
        figure.savefig(temporary, format=kind, dpi=150, facecolor=figure.get_facecolor())
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        reason = error.strerror or error
        raise PlanError(f"{target}: the chart could not be written ({reason})") from None
    return target
