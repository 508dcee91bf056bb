"""The plan on a page (``planner.brief``, ``smarketing brief``): one portrait page, fonts
embedded, the headline figures as every other surface shows them, text from the plan printed
as typed, and a file written whole or not at all. Read back with poppler's tools, as any
PDF reader would read it."""

from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import assert_one_line_refusal, smarketing
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import SubFigure
from plan_builders import CJK_COMPANY, CJK_PEOPLE, CJK_PLAN_NAME, name_in_cjk, no_actuals_plan
from script_fonts import fallback_font_names, needs_cjk_font, pdf_font_names

from planner import Plan
from planner.analysis import Analysis, headline, reforecast
from planner.brief import build_brief, default_paper, paper_for_territory, write_brief
from planner.brief.page import text_width
from planner.demo import build_demo
from planner.errors import PlanFileError

if shutil.which("pdfinfo") is None:  # pragma: no cover - .ci/run installs poppler-utils
    pytest.fail("poppler-utils (pdfinfo, pdffonts, pdftotext) is needed: .ci/run installs it")


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    }


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


@pytest.fixture
def demo_pdf(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    target = tmp_path / "brief.pdf"
    with Plan.open(demo_path, read_only=True) as plan:
        write_brief(Analysis.in_sql(plan), target, paper="a4")
    return demo_path, target


def test_the_demo_plan_prints_on_exactly_one_a4_portrait_page(demo_pdf) -> None:
    info = pdf_info(demo_pdf[1])
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("595.44 x 841.68 pts")


def test_every_font_is_embedded_as_truetype(demo_pdf) -> None:
    fonts = pdf_fonts(demo_pdf[1])
    assert fonts
    for row in fonts:
        # name, type (two words: CID TrueType), encoding, emb, sub, uni, object, id
        assert "TrueType" in row and row[-5] == "yes", row


def test_the_headline_figures_read_back_as_the_headline_functions_give_them(demo_pdf) -> None:
    plan_path, pdf = demo_pdf
    text = " ".join(pdf_text(pdf).split())
    with Plan.open(plan_path, read_only=True) as plan:
        analysis = Analysis.in_sql(plan)
        figures = headline(analysis)
        landing = reforecast(analysis)
        money = plan.currency.format_short
        settings = plan.settings.get()
        expected = {
            "Revenue target": money(figures.revenue_target),
            "Phased into months": money(figures.target_phased),
            "Won to date": money(figures.revenue.actual_to_date),
            "Attainment to date": f"{figures.revenue.attainment_to_date:.0%}",
            f"Landing {landing.year_name}": money(landing.revenue.landing),
            "Budget used": f"{figures.budget_used:.0%}",
        }
    assert settings.name in text and settings.company in text
    # The cards print their captions in one row, then their figures in the same order.
    captions = " ".join(expected)
    values = " ".join(expected.values())
    assert captions in text
    assert values in text


def test_the_top_initiatives_are_the_largest_targets_with_their_owners(demo_path, tmp_path) -> None:
    target = tmp_path / "brief.pdf"
    with Plan.open(demo_path, read_only=True) as plan:
        write_brief(Analysis.in_sql(plan), target)
        people = {p.id: p.name for p in plan.people.list()}
        largest = max(
            (i for i in plan.initiatives.list() if i.status.value != "dropped"),
            key=lambda i: i.revenue_target,
        )
        money = plan.currency.format_short(largest.revenue_target)
    line = next(line for line in pdf_text(target).splitlines() if largest.name[:20] in line)
    assert people[largest.owner_id] in line
    assert money in line


def test_text_from_the_plan_prints_literally_not_as_maths_or_markup(tmp_path) -> None:
    plan = no_actuals_plan()
    hostile = "$5k a_b <b>x</b> $y$"
    first = plan.initiatives.list()[0]
    plan.initiatives.update(first.id, name=hostile, revenue_target="9,000,000")
    target = tmp_path / "hostile.pdf"
    write_brief(Analysis.in_sql(plan), target)
    assert hostile in pdf_text(target)


@pytest.fixture
def cjk_pdf(demo_path: Path, tmp_path: Path) -> Path:
    """The page of the demo plan named in Chinese and Japanese."""
    target = tmp_path / "cjk.pdf"
    with Plan.open(demo_path) as plan:
        name_in_cjk(plan)
        write_brief(Analysis.in_sql(plan), target)
    return target


@needs_cjk_font
def test_names_in_chinese_and_japanese_read_back_from_the_page(cjk_pdf) -> None:
    text = pdf_text(cjk_pdf)

    assert CJK_PLAN_NAME in text and CJK_COMPANY in text
    assert f"{CJK_PEOPLE[0]}0" in text


@needs_cjk_font
def test_names_in_chinese_and_japanese_are_set_in_an_embedded_cjk_font(cjk_pdf) -> None:
    assert pdf_font_names(cjk_pdf) & fallback_font_names()
    for row in pdf_fonts(cjk_pdf):
        assert "TrueType" in row and row[-5] == "yes", row


@needs_cjk_font
def test_the_page_of_a_plan_named_in_chinese_and_japanese_is_one_page(cjk_pdf) -> None:
    assert pdf_info(cjk_pdf)["Pages"] == "1"


@needs_cjk_font
def test_chinese_and_japanese_text_is_as_wide_on_the_page_as_measured_to_fit_it(demo_path) -> None:
    with Plan.open(demo_path) as plan:
        name_in_cjk(plan)
        page = build_brief(Analysis.in_sql(plan))
    page.set_dpi(288)  # 4 pixels a point: small text is not rounded to whole pixels
    renderer = FigureCanvasAgg(page).get_renderer()
    subfigures = page.findobj(lambda artist: isinstance(artist, SubFigure))
    written = [text for subfigure in subfigures for text in subfigure.texts if text.get_text()]
    cjk = [t for t in written if any(ord(c) > 0x2E80 for c in t.get_text())]

    assert cjk
    for text in cjk:
        width = text.get_window_extent(renderer).width / 4
        bold = text.get_fontweight() == "bold"
        measured = text_width(text.get_text(), text.get_fontsize(), bold=bold)
        assert width == pytest.approx(measured, rel=0.03), text.get_text()


def test_a_plan_with_no_initiatives_still_makes_a_page(tmp_path) -> None:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    target = tmp_path / "empty.pdf"
    write_brief(Analysis.in_sql(plan), target, paper="letter")
    assert pdf_info(target)["Pages"] == "1"
    assert "No live initiatives yet." in pdf_text(target)


@pytest.mark.slow
def test_the_large_plan_still_fits_one_letter_page_and_counts_the_rest(tmp_path) -> None:
    plan_path = tmp_path / "large.smplan"
    build_demo(plan_path, size="large")
    target = tmp_path / "large.pdf"
    with Plan.open(plan_path, read_only=True) as plan:
        write_brief(Analysis.in_sql(plan), target, paper="letter")
    info = pdf_info(target)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("612 x 792 pts")
    text = pdf_text(target)
    assert "more initiatives" in text and "more findings" in text


def test_a_failed_write_leaves_the_old_file_and_no_half_written_one(
    demo_path, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the old page")

    def half_then_fail(_figure, path: Path) -> None:
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("planner.brief.save_pdf", half_then_fail)
    with Plan.open(demo_path, read_only=True) as plan, pytest.raises(PlanFileError) as refused:
        write_brief(Analysis.in_sql(plan), target)
    assert str(refused.value).count("\n") == 0
    assert "No space left on device" in str(refused.value)
    assert target.read_bytes() == b"the old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Tidewater.smplan", "brief.pdf"]


def test_a_folder_as_target_is_refused_in_one_line(demo_path, tmp_path) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    result = smarketing("brief", demo_path, "-o", folder)
    assert_one_line_refusal(result, "is a folder")


def test_a_place_nobody_may_write_is_refused_in_one_line(demo_path, tmp_path) -> None:
    result = smarketing("brief", demo_path, "-o", tmp_path / "missing" / "brief.pdf")
    assert_one_line_refusal(result, "does not exist")
    assert not (tmp_path / "missing").exists()


def test_a_target_that_is_not_a_pdf_is_refused_before_the_plan_is_read(tmp_path) -> None:
    result = smarketing("brief", tmp_path / "no-plan.smplan", "-o", tmp_path / "brief.docx")
    assert_one_line_refusal(result, ".pdf")


def test_the_command_writes_the_page_on_the_paper_asked_for(demo_path, tmp_path) -> None:
    target = tmp_path / "brief.pdf"
    result = smarketing("brief", demo_path, "-o", target, "--paper", "letter")
    assert result.returncode == 0, result.stderr
    assert "US Letter" in result.stdout and str(target) in result.stdout
    assert pdf_info(target)["Page size"].startswith("612 x 792 pts")


def test_an_unknown_paper_is_a_usage_error(demo_path, tmp_path) -> None:
    result = smarketing("brief", demo_path, "-o", tmp_path / "b.pdf", "--paper", "a3")
    assert result.returncode == 2
    assert "invalid choice: 'a3'" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_a_missing_plan_is_refused_in_one_line(tmp_path) -> None:
    result = smarketing("brief", tmp_path / "nowhere.smplan", "-o", tmp_path / "b.pdf")
    assert_one_line_refusal(result, "nowhere.smplan")
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize(
    ("territory", "paper"), [("US", "letter"), ("CA", "letter"), ("DE", "a4"), (None, "a4")]
)
def test_the_paper_follows_the_country(territory, paper) -> None:
    assert paper_for_territory(territory) == paper


def test_the_default_paper_reads_the_locale(monkeypatch) -> None:
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert default_paper() == "letter"
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")
    assert default_paper() == "a4"


def test_a_saved_version_prints_with_its_name_and_not_as_the_working_plan(
    demo_path, tmp_path
) -> None:
    assert smarketing("version", "save", demo_path, "Board approved").returncode == 0
    target = tmp_path / "version.pdf"
    result = smarketing("brief", demo_path, "-o", target, "--version", "board approved")
    assert result.returncode == 0, result.stderr
    assert "Version: the locked baseline 'Board approved'" in " ".join(pdf_text(target).split())
