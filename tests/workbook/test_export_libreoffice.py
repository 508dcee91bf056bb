"""A second spreadsheet program opens the exported demo workbook and prints it, as leadership
reads it: LibreOffice, headless, converts it to a PDF, and poppler's pdfinfo and pdftotext
read the pages back. Runs where LibreOffice is installed (CI installs Debian's
libreoffice-calc-nogui, and poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from export_support import SOFFICE, print_to_pdf

PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")
# Pages of the demo plan's workbook, printed: the Initiatives sheet prints its conversion
# rates in use on a page of their own across, the Returns sheet takes two.
PAGE_BUDGET = 16
# pdftotext gives a word a box about 1.2 to 1.3 times its font's size (DejaVu Sans and
# Carlito, LibreOffice's stand-ins for Calibri): 8 pt text makes a box at least this tall.
SMALLEST_BOX = 8 * 1.2

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here"),
]
needs_poppler = pytest.mark.skipif(
    PDFINFO is None or PDFTOTEXT is None, reason="poppler (pdfinfo, pdftotext) is not installed"
)


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Page:
    number: int
    sheet: str  # as the footer names it
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def _pages(pdf: Path, sheets: list[str]) -> list[Page]:
    """Every page's words, and the sheet its footer names."""
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="', 'xmlns:x="'))
    pages = []
    for number, page in enumerate(root.iter("page"), 1):
        words = [
            Word(
                word.text or "",
                *(float(word.get(side)) for side in ("xMin", "yMin", "xMax", "yMax")),
            )
            for word in page.iter("word")
        ]
        footer = max(word.top for word in words)
        footer_text = " ".join(word.text for word in words if word.top == footer)
        sheet = next((name for name in sheets if f" {name} Page " in footer_text), "?")
        pages.append(Page(number, sheet, [word for word in words if word.top < footer]))
    return pages


@pytest.fixture(scope="module")
def export_printed_demo(export_demo_workbook, export_demo_openpyxl, tmp_path_factory) -> Path:
    """The demo plan's workbook as LibreOffice prints it to PDF."""
    return print_to_pdf(export_demo_workbook, tmp_path_factory.mktemp("printed"))


@pytest.fixture(scope="module")
def export_printed_pages(export_printed_demo, export_demo_openpyxl) -> list[Page]:
    return _pages(export_printed_demo, export_demo_openpyxl.sheetnames)


def test_libreoffice_prints_the_exported_workbook_to_pdf(export_printed_demo):
    assert export_printed_demo.read_bytes().startswith(b"%PDF")


@needs_poppler
def test_the_demo_workbook_prints_within_its_page_budget(export_printed_demo):
    info = subprocess.run(
        [PDFINFO, str(export_printed_demo)], capture_output=True, text=True, check=True
    )
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
    assert 8 <= pages <= PAGE_BUDGET  # a page at least for each sheet that prints


@needs_poppler
def test_each_sheet_prints_but_the_actuals_form(export_printed_pages, export_demo_openpyxl):
    printed = Counter(page.sheet for page in export_printed_pages)
    assert "?" not in printed
    expected = set(export_demo_openpyxl.sheetnames) - {"Actuals"}
    assert set(printed) == expected
    assert printed["Summary"] == 3  # figures, charts, findings


@needs_poppler
def test_the_summarys_chart_data_is_not_printed(export_printed_pages):
    assert not [page.number for page in export_printed_pages if "Chart data" in page.text]


@needs_poppler
def test_every_printed_word_is_8_points_or_more(export_printed_pages):
    small = [
        (page.number, page.sheet, word.text, round(word.height, 1))
        for page in export_printed_pages
        for word in page.words
        if word.height < SMALLEST_BOX
    ]
    assert small == []


@needs_poppler
def test_every_page_of_the_initiatives_names_each_initiative(
    export_printed_pages, export_demo_plan
):
    pages = [page for page in export_printed_pages if page.sheet == "Initiatives"]
    assert len(pages) > 1  # too wide for one page at a readable size
    for page in pages:
        for initiative in export_demo_plan.initiatives.list():
            assert initiative.name.split()[0] in page.text, (page.number, initiative.name)


@needs_poppler
def test_headline_money_prints_without_cents(export_printed_pages):
    amounts = [word.text for word in export_printed_pages[0].words if word.text[:1] == "$"]
    assert amounts
    assert all(re.fullmatch(r"\$\d{1,3}(,\d{3})*", amount) for amount in amounts), amounts


@needs_poppler
def test_a_findings_count_prints_apart_from_the_findings_it_counts(
    export_printed_pages, export_demo_openpyxl
):
    ws = export_demo_openpyxl["Initiatives"]
    titles = [cell.value for cell in ws[4]]
    counted = titles.index("What the checks found")
    named = {row[counted].value.split()[0] for row in ws.iter_rows(min_row=5) if row[counted].value}
    gaps = []
    for page in export_printed_pages:
        if page.sheet != "Initiatives":
            continue
        for word in page.words:
            if word.text not in named:
                continue
            before = [
                other
                for other in page.words
                if abs(other.top - word.top) < 1 and other.right <= word.left
            ]
            count = max(before, key=lambda other: other.right, default=None)
            if count is not None and count.text.isdigit():
                # Apart by the width of a letter or more, not run into it ("2Thin funnel").
                gaps.append(round((word.left - count.right) / word.height, 2))
    assert gaps and min(gaps) >= 0.5, gaps


@pytest.fixture(scope="module")
def export_printed_comparison(export_compared, tmp_path_factory) -> list[Page]:
    """The Plan vs baseline pages of the demo plan's workbook against its baseline."""
    import openpyxl

    path = export_compared["path"]
    pdf = print_to_pdf(path, tmp_path_factory.mktemp("printed-baseline"))
    sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
    return [page for page in _pages(pdf, sheets) if page.sheet == "Plan vs baseline"]


@needs_poppler
def test_the_comparison_prints_its_initiatives_across_and_its_months_apart(
    export_printed_comparison,
):
    initiatives, targets, months = export_printed_comparison
    assert "Budget variance" in initiatives.text and "What changed" in targets.text
    assert "Variance by month" in months.text
    # The months' page holds their table and chart, not the initiatives' header.
    assert "Baseline budget" not in months.text
    assert "baseline vs plan" in months.text


@needs_poppler
def test_every_word_of_the_comparison_prints_at_8_points_or_more(export_printed_comparison):
    small = [
        (page.number, word.text)
        for page in export_printed_comparison
        for word in page.words
        if word.height < SMALLEST_BOX
    ]
    assert small == []
