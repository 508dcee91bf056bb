"""Names in any script are drawn in a font that has them: the charts' text falls back, glyph
by glyph, from DejaVu Sans to the machine's fonts for other scripts (``planner.charts.fonts``),
so a plan named in Chinese and Japanese draws no empty boxes when a CJK font is installed.
Read back from a chart saved as PDF with poppler's ``pdftotext``, as any PDF reader would."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from plan_builders import CJK_INITIATIVES, CJK_SEGMENTS, name_in_cjk
from script_fonts import fallback_font_names, needs_cjk_font, pdf_font_names

from planner.analysis import Analysis
from planner.brief.page import text_width
from planner.charts import KINDS, build_chart
from planner.charts.files import save_chart
from planner.charts.fonts import (
    FALLBACK_FAMILIES,
    font_families,
    learn_fonts_installed_since_cache,
    use_fallback_fonts,
)
from planner.charts.timeline import label_points
from planner.demo import build_demo
from planner.plan import Plan


def forget_font_lookups() -> None:
    """matplotlib logs a font's fault once per look-up and keeps what it looked up (a private
    cache): forget earlier tests' look-ups, so a test sees its own."""
    font_manager.fontManager._findfont_cached.cache_clear()


@pytest.fixture(scope="module")
def cjk_plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    """The demo plan, its name, initiatives, people and segments in Chinese and Japanese."""
    path = build_demo(tmp_path_factory.mktemp("cjk") / "cjk.smplan")
    plan = Plan.open(path)
    name_in_cjk(plan)
    yield plan
    plan.close()


@pytest.fixture(autouse=True)
def default_font_family() -> Iterator[None]:
    """Each test starts from matplotlib's default family, as a new process does, so it shows
    what drawing a chart sets, not what an earlier test set."""
    with matplotlib.rc_context({"font.family": ["sans-serif"]}):
        yield


@pytest.fixture
def strike_zone_pdf(cjk_plan: Plan, tmp_path: Path) -> Path:
    """The strike-zone chart (it names the segments) of the CJK plan, saved as PDF."""
    figure = build_chart(Analysis.in_sql(cjk_plan), "strike-zone")
    return save_chart(figure, tmp_path / "zone.pdf")


def test_the_fallback_holds_only_families_the_font_manager_finds() -> None:
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    families = font_families()

    assert families[0] == "sans-serif"
    assert set(families[1:]) <= installed & set(FALLBACK_FAMILIES)


def test_a_chart_in_latin_letters_is_still_set_in_dejavu_sans_alone(
    no_actuals_plan, tmp_path
) -> None:
    chart = save_chart(
        build_chart(Analysis.in_sql(no_actuals_plan), "strike-zone"), tmp_path / "z.pdf"
    )

    assert pdf_font_names(chart) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_drawing_with_the_fallback_fonts_logs_no_missing_family_or_weight(caplog) -> None:
    font_families.cache_clear()
    forget_font_lookups()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        use_fallback_fonts()
        figure = build_chart(Analysis.in_sql(Plan.in_memory()), "revenue")
        FigureCanvasAgg(figure).draw()

    assert [record.getMessage() for record in caplog.records] == []


@needs_cjk_font
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_glyph_of_a_cjk_plan_is_missing_from_the_fonts_of_a_chart(cjk_plan, kind) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(build_chart(Analysis.in_sql(cjk_plan), kind)).draw()

    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []


@needs_cjk_font
def test_a_bold_title_in_a_fallback_font_of_one_weight_logs_nothing(cjk_plan, caplog) -> None:
    cjk_plan.settings.update(name=f"{CJK_INITIATIVES[0]} 2026")
    forget_font_lookups()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        FigureCanvasAgg(build_chart(Analysis.in_sql(cjk_plan), "attainment")).draw()

    assert [record.getMessage() for record in caplog.records] == []


@needs_cjk_font
def test_a_chart_saved_as_pdf_embeds_a_cjk_font(strike_zone_pdf) -> None:
    assert pdf_font_names(strike_zone_pdf) & fallback_font_names()


@needs_cjk_font
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason=".ci/run installs poppler-utils")
def test_the_segment_names_of_a_cjk_plan_read_back_from_the_chart(strike_zone_pdf) -> None:
    out = subprocess.run(
        ["pdftotext", str(strike_zone_pdf), "-"], capture_output=True, text=True, check=True
    )

    assert f"{CJK_SEGMENTS[0]}0" in out.stdout
    assert f"{CJK_SEGMENTS[1]}1" in out.stdout


@pytest.mark.parametrize(
    "label",
    [
        "Dana Reyes · active · core · $120k",
        pytest.param("王小明0 · planned · core · $60k", marks=needs_cjk_font),
        pytest.param("网络研讨会系列 ウェビナー連載", marks=needs_cjk_font),
    ],
)
def test_the_timeline_reckons_a_bar_label_about_as_wide_as_it_is_drawn(label) -> None:
    use_fallback_fonts()

    assert label_points(label, 6.5) == pytest.approx(text_width(label, 6.5), rel=0.2)


def stale_cache(tmp_path: Path) -> tuple[Path, font_manager.FontManager]:
    """matplotlib's font cache as written an hour ago, and a font manager read from it."""
    cache_file = tmp_path / "fontlist.json"
    font_manager.json_dump(font_manager.fontManager, cache_file)
    hour_ago = cache_file.stat().st_mtime - 3600
    os.utime(cache_file, (hour_ago, hour_ago))
    return cache_file, font_manager.json_load(cache_file)


def a_font_in(folder: Path) -> Path:
    """A font file matplotlib has not seen at this path (a copy of DejaVu Sans)."""
    folder.mkdir(parents=True)
    source = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    return Path(shutil.copyfile(source, folder / "NewlyInstalled.ttf"))


def test_a_font_installed_after_matplotlib_wrote_its_cache_is_learnt_and_cached(
    tmp_path,
) -> None:
    cache_file, manager = stale_cache(tmp_path)
    font = a_font_in(tmp_path / "fonts" / "new")

    added = learn_fonts_installed_since_cache(
        manager=manager, cache_file=cache_file, folders=[str(tmp_path / "fonts")]
    )

    assert added == [str(font)]
    assert str(font) in {entry.fname for entry in manager.ttflist}
    cached = json.loads(cache_file.read_text())
    assert str(font) in {entry["fname"] for entry in cached["ttflist"]}


def test_fonts_in_folders_unchanged_since_the_cache_are_not_opened(tmp_path) -> None:
    font = a_font_in(tmp_path / "fonts" / "old")
    hours_ago = font.stat().st_mtime - 7200
    os.utime(font.parent, (hours_ago, hours_ago))
    cache_file, manager = stale_cache(tmp_path)
    cache_written = cache_file.stat().st_mtime

    added = learn_fonts_installed_since_cache(
        manager=manager, cache_file=cache_file, folders=[str(tmp_path / "fonts")]
    )

    assert added == []
    assert cache_file.stat().st_mtime == cache_written
