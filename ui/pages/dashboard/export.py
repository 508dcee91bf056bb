"""Charts out of the app: "Save chart as…" (PNG, SVG or PDF by the name's extension) and
"Copy chart" (an image on the clipboard), both from a Figure drawn in the light style a
document or a slide wants, whatever the window's scheme."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from planner.charts.files import FORMATS, save_chart
from planner.charts.style import DPI
from planner.file_names import file_stem_for

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FILE_TYPES = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


def suggested_name(plan_name: str, title: str) -> str:
    """``FY2026 Demand Plan - Revenue.png``: no characters a file system refuses."""
    return file_stem_for(f"{plan_name} - {title}", fallback=title) + ".png"


def ask_path(parent: QWidget, folder: Path, name: str) -> Path | None:
    """Where to save, asked in the system's dialog; the chosen type's extension is added to
    a name without one of the three."""
    chosen, file_type = QFileDialog.getSaveFileName(
        parent, "Save Chart As", str(folder / name), FILE_TYPES
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower().lstrip(".") not in FORMATS:
        wanted = next((f for f in FORMATS if f"*.{f}" in file_type), "png")
        path = path.with_name(f"{path.name}.{wanted}")
    return path


def save(figure: Figure, path: Path) -> Path:
    """Write ``figure`` to ``path`` whole or not at all (a PlanError naming the file)."""
    return save_chart(figure, path)


def image(figure: Figure) -> QImage:
    """``figure`` drawn as an image at the dpi of saved charts."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=figure.get_facecolor())
    picture = QImage()
    picture.loadFromData(buffer.getvalue(), "PNG")
    return picture


def copy(figure: Figure) -> QImage:
    """Put ``figure`` on the clipboard as an image; gives the image back."""
    picture = image(figure)
    QGuiApplication.clipboard().setImage(picture)
    return picture
