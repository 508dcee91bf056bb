"""Text in any script on the charts and the plan on a page: names from the plan may be Chinese,
Japanese, Korean, ... which DejaVu Sans (matplotlib's default) lacks, so they were drawn as
empty boxes. matplotlib falls back glyph by glyph along ``font.family`` when it is a list, so
the charts' family is the default sans-serif followed by the fonts for other scripts that this
machine has (:data:`FALLBACK_FAMILIES`, those matplotlib's font manager finds).

Worked out once, when the first chart or page is drawn (never when the app starts), and cheap
then: matplotlib has read its font list by the time a chart is drawn; this only looks names up
in it, and looks for font files installed after matplotlib's font cache was written (see
:func:`learn_fonts_installed_since_cache`)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

# Families with the glyphs DejaVu Sans lacks, the best-known first: the pan-CJK fonts of
# Linux distributions, then the fonts Windows and macOS ship for Chinese, Japanese and Korean,
# then the broad-coverage ones. Han characters take the first family's regional forms.
FALLBACK_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "MS Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Apple SD Gothic Neo",
    "Arial Unicode MS",
)

FONT_FILES = frozenset({".ttf", ".otf", ".ttc"})


def use_fallback_fonts() -> None:
    """Set matplotlib's font family to :func:`font_families` for what is drawn from now on
    (text made later, tick labels and text measured for fitting included)."""
    matplotlib.rcParams["font.family"] = list(font_families())


@cache
def font_families() -> tuple[str, ...]:
    """``"sans-serif"`` (DejaVu Sans, as before) and then the :data:`FALLBACK_FAMILIES`
    that matplotlib's font manager finds on this machine, in that order; a family it does
    not find is left out, as matplotlib would warn about it at every draw."""
    learn_fonts_installed_since_cache()
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    fallbacks = tuple(family for family in FALLBACK_FAMILIES if family in installed)
    logging.getLogger(font_manager.__name__).addFilter(_OtherWeightsOf(fallbacks))
    return ("sans-serif", *fallbacks)


class _OtherWeightsOf(logging.Filter):
    """Drops matplotlib's "Failed to find font weight bold for Droid Sans Fallback, now using
    400" for the fallback families: most have one weight, and a bold title's few Chinese
    characters in regular are expected, not a fault to report at every draw."""

    def __init__(self, families: tuple[str, ...]) -> None:
        super().__init__()
        self.families = frozenset(families)

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            str(record.msg).startswith("findfont: Failed to find font weight")
            and isinstance(record.args, tuple)
            and len(record.args) > 1
            and record.args[1] in self.families
        )


def learn_fonts_installed_since_cache(
    *,
    manager: font_manager.FontManager | None = None,
    cache_file: Path | None = None,
    folders: list[str] | None = None,
) -> list[str]:
    """Tell matplotlib's font manager (``manager``) of the font files in font folders changed
    since it wrote its cache (``cache_file``), and write the cache again; the files added.

    matplotlib scans the machine's fonts only when it has no cache, so a font installed after
    its first run (a CJK font installed because the names showed as boxes) stays unknown to
    it. A folder's time changes when a file is added to it, so comparing the folders' times
    with the cache's finds such fonts without opening any other file."""
    manager = manager or font_manager.fontManager
    cache_file = cache_file or Path(
        matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json"
    )
    try:
        written = cache_file.stat().st_mtime
    except OSError:  # no cache: the font manager scanned the machine as it started
        return []
    candidates = _files_in_folders_changed_since(
        written, _font_folders() if folders is None else folders
    )
    if not candidates:  # the usual case: nothing installed since
        return []
    known = {os.path.realpath(entry.fname) for entry in manager.ttflist}
    added = []
    for path in candidates:
        if os.path.realpath(path) in known:
            continue
        try:
            manager.addfont(path)
        except Exception:  # FreeType's errors vary; matplotlib skips such files too
            continue
        added.append(path)
    if added:
        with contextlib.suppress(OSError):  # a cache that cannot be written: learnt again next run
            font_manager.json_dump(manager, cache_file)
    return added


def _files_in_folders_changed_since(written: float, folders: list[str]) -> list[str]:
    found = []
    for root in folders:
        for folder, _folders, files in os.walk(root):
            with contextlib.suppress(OSError):
                if os.stat(folder).st_mtime > written:
                    found += [
                        os.path.join(folder, name)
                        for name in files
                        if Path(name).suffix.lower() in FONT_FILES
                    ]
    return found


def _font_folders() -> list[str]:
    """The folders matplotlib looks in for the machine's fonts."""
    if os.environ.get("MPL_IGNORE_SYSTEM_FONTS"):
        return []
    if sys.platform == "win32":
        return [font_manager.win32FontDirectory(), *font_manager.MSUserFontDirectories]
    if sys.platform == "darwin":
        return [*font_manager.X11FontDirectories, *font_manager.OSXFontDirectories]
    return list(font_manager.X11FontDirectories)
