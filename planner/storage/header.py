"""Reading a plan file's 100-byte SQLite header before any connection is made.

Connecting to a file that is not a database, or to a plan from a newer app, could change it
(SQLite may write a journal, a migration would run); the header says enough to refuse first.
The layout is SQLite's documented file format (https://www.sqlite.org/fileformat.html).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError
from planner.special_files import open_regular, special_kind
from planner.version import APP_NAME, APPLICATION_ID

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int
    wal_mode: bool


def read_header(path: Path) -> Header:
    """The header of the SQLite file at ``path``; refuses anything that is not one."""
    try:
        # A named pipe would block the read forever, a device never end: refused first.
        with open_regular(path, named=str(path), expected="a plan file") as handle:
            data = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        raise PlanFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PlanFileError(f"{path}: is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(f"{path}: permission denied; the file cannot be read") from None
    except OSError as error:
        raise PlanFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not data:
        raise PlanFileError(f"{path}: the file is empty; it is not a {APP_NAME} plan")
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        raise PlanFileError(f"{path}: not a {APP_NAME} plan (the file is not a SQLite database)")
    (raw_page_size,) = struct.unpack(">H", data[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    write_version, read_version = data[18], data[19]
    (change_counter,) = struct.unpack(">I", data[24:28])
    (page_count,) = struct.unpack(">I", data[28:32])
    (user_version,) = struct.unpack(">I", data[60:64])
    (application_id,) = struct.unpack(">I", data[68:72])
    (valid_for,) = struct.unpack(">I", data[92:96])
    if valid_for != change_counter:
        page_count = 0  # the in-header size is stale; SQLite would compute it from the file
    return Header(
        page_size=page_size,
        page_count=page_count,
        user_version=user_version,
        application_id=application_id,
        wal_mode=write_version == 2 or read_version == 2,
    )


def journal_of(path: Path) -> Path:
    """The rollback journal SQLite keeps beside a database during a write."""
    return path.with_name(path.name + "-journal")


def wal_of(path: Path) -> Path:
    """The write-ahead log beside a database that another tool switched to WAL."""
    return path.with_name(path.name + "-wal")


def _has_journal(path: Path) -> bool:
    try:
        return journal_of(path).stat().st_size > 0
    except OSError:
        return False


def _refuse_special_companions(path: Path) -> None:
    """Refuse a journal or WAL beside the plan that SQLite did not write: a named pipe there
    would block SQLite's first look at it forever, and a link would be read as the plan's."""
    for companion in (journal_of(path), wal_of(path)):
        try:
            kind = special_kind(os.lstat(companion))
        except OSError:
            continue  # none there: the usual case
        if kind is not None:
            raise PlanFileError(
                f"{path}: the file {companion.name} beside it is {kind}, not one SQLite "
                "wrote; remove it and open the plan again"
            )


def check_plan_header(path: Path, *, schema_version: int) -> Header:
    """Refuse, with a one-line reason, a file that is not a plan this app can open.

    With a journal beside it the file may be mid-commit (its editor crashed, or is writing
    right now): its size is then not checked here, SQLite's rollback decides.
    """
    header = read_header(path)
    _refuse_special_companions(path)
    if header.application_id != APPLICATION_ID:
        raise PlanFileError(
            f"{path}: a SQLite database of another application, not a {APP_NAME} plan"
        )
    if header.user_version > schema_version:
        raise PlanFileError(
            f"{path}: written by a newer version of {APP_NAME} (plan format "
            f"{header.user_version}; this version reads up to {schema_version}); "
            "update the app to open it"
        )
    size = path.stat().st_size
    expected = header.page_size * header.page_count
    if not header.wal_mode and header.page_count and size < expected and not _has_journal(path):
        raise PlanFileError(
            f"{path}: the plan is damaged (the file is cut short: {size:,} of {expected:,} "
            "bytes); restore it from a copy"
        )
    return header
