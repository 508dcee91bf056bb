"""Helpers the export tests share: reading an exported workbook back independently."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import python_calamine

from planner.money import Currency

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def sheet_rows(path: Path, name: str) -> list[list[Any]]:
    """Every row of sheet ``name`` as python-calamine reads it ("" for an empty cell)."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(name).to_python()


def row_starting(rows: list[list[Any]], *first: Any) -> int:
    """The index of the first row whose leading cells are ``first``."""
    for number, row in enumerate(rows):
        if tuple(row[: len(first)]) == first:
            return number
    raise AssertionError(f"no row starts with {first!r}")


def minor(currency: Currency, value: Any) -> int | None:
    """A money cell's value in minor units, refusing any digit beyond the currency's own."""
    if value == "":
        return None
    return currency.parse(Decimal(repr(value)))


def count(value: Any) -> int | None:
    """A count cell's value as a whole number ("" for none)."""
    if value == "":
        return None
    assert float(value).is_integer(), value
    return int(value)


def zip_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def sheet_xml(path: Path) -> dict[str, str]:
    """The XML of every worksheet in the file, by part name."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


def print_to_pdf(workbook: Path, folder: Path) -> Path:
    """The workbook as LibreOffice, headless, prints it to a PDF in ``folder``."""
    # A profile of its own, so a LibreOffice already running (or another test) cannot
    # swallow the conversion.
    profile = (folder / "profile").as_uri()
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = folder / f"{workbook.stem}.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    return pdf
