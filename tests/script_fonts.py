"""What the tests of text in any script share: skip where no CJK font is installed, and read
which fonts a PDF uses from its bytes.

(``pythonpath = ["tests"]`` in pyproject.toml puts this module on the import path.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib import font_manager
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font

from planner.charts.fonts import font_families

needs_cjk_font = pytest.mark.skipif(
    len(font_families()) == 1,
    reason="no CJK font installed (.ci/run installs fonts-droid-fallback)",
)


def fallback_font_names() -> set[str]:
    """The PostScript names (as a PDF names its fonts) of the fallback families' fonts."""
    return {
        FT2Font(font_manager.findfont(FontProperties(family=[family]))).postscript_name
        for family in font_families()[1:]
    }


def pdf_font_names(path: Path) -> set[str]:
    """The fonts a PDF uses, read from its bytes, the subset's tag ("ABCDEF+") dropped."""
    return {
        name.decode()
        for name in re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)", path.read_bytes())
    }
