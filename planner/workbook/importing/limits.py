"""Caps on what an import will read, checked before any parsing.

A file sent back by someone else is untrusted: it may be huge, a zip bomb (a few kilobytes
that inflate to gigabytes) or a sheet that claims millions of rows. Each is refused with its
figures before openpyxl or the CSV reader touches it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from planner.errors import PlanFileError
from planner.special_files import refuse_special

# The largest file read at all (a filled-in export of the large plan is about 17 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
# The sum of a workbook's uncompressed parts (the large plan's Actuals sheet is about 200 MB).
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
# How far one part may inflate. Spreadsheet XML compresses about 5-20 times; a run of zeros
# about 1,000 times. Small parts are exempt: a tiny part cannot hurt, whatever its ratio.
MAX_COMPRESSION_RATIO = 100
RATIO_EXEMPT_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
# Rows of a sheet or a CSV: Excel's own limit is 1,048,576.
MAX_ROWS = 1_100_000

EXCEL_PARTS = "[Content_Types].xml"
# What an import path must be, as refusals say it.
IMPORTED = "a file to import"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def check_file_size(path: Path) -> int:
    """The file's size in bytes; PlanFileError if it is missing, not a regular file (a
    folder, a named pipe, a device), or too big."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise PlanFileError(f"{path.name}: there is no such file ({path.parent})") from None
    except OSError as error:
        raise PlanFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    refuse_special(status, named=path.name, expected=IMPORTED)
    size = status.st_size
    if size > MAX_FILE_BYTES:
        raise PlanFileError(
            f"{path.name} is {megabytes(size)}; the import reads files of up to "
            f"{megabytes(MAX_FILE_BYTES)}"
        )
    return size


def check_workbook_archive(path: Path) -> None:
    """Refuse a file that is not a zip of Excel parts, or whose parts inflate too far.

    Python's zipfile never inflates a part beyond the size its directory declares, so the
    declared sizes checked here bound what the parsers can be made to read.
    """
    not_excel = f"{path.name} is not an Excel workbook (.xlsx)"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise PlanFileError(not_excel) from None
    except OSError as error:
        raise PlanFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    if len(members) > MAX_MEMBERS:
        raise PlanFileError(
            f"{path.name} holds {len(members):,} parts; a workbook has far fewer, so it is refused"
        )
    if EXCEL_PARTS not in {member.filename for member in members}:
        raise PlanFileError(f"{not_excel}: it is a zip archive of other files")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise PlanFileError(
            f"{path.name} would unpack to {megabytes(total)}; the import reads workbooks of "
            f"up to {megabytes(MAX_UNCOMPRESSED_BYTES)} unpacked"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_EXEMPT_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise PlanFileError(
                f"{path.name}: its part {member.filename} inflates {ratio:,.0f} times "
                f"({megabytes(member.compress_size)} to {megabytes(member.file_size)}), as a "
                "zip bomb does; the workbook is refused"
            )
