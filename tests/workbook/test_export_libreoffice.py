"""A second spreadsheet program opens the exported demo workbook and prints it: LibreOffice,
headless, converts it to a PDF with pages. Runs where LibreOffice is installed (CI installs
Debian's libreoffice-calc-nogui)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")
def test_libreoffice_prints_the_exported_workbook_to_pdf(export_demo_workbook, tmp_path):
    # A profile of its own, so a LibreOffice already running (or another test) cannot
    # swallow the conversion.
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(export_demo_workbook),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "demo.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    if PDFINFO is not None:
        info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True)
        pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
    else:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    # One page at least for each of the eight sheets.
    assert pages >= 8
