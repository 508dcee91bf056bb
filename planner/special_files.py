"""Named pipes, devices, sockets and links where a regular file is expected: told apart from
regular files before anything is read from them or written through them.

A plan arrives by e-mail, in an archive or in a synced folder, and so may anything beside it.
A plan or an import path that is a named pipe blocks the first read forever, one that links to
``/dev/zero`` never ends, and a name beside the plan (its lock file, a temporary file) that is
a symbolic link would make a write land in whatever file it points to. So:

- what a path is is checked before the first read that could block, and a special file is
  refused in one line that names its kind (:func:`special_kind`, the one rule, also used for
  the lock file and for a journal beside the plan);
- a file is opened for reading without blocking, and what was opened is checked again, since
  the name may have changed in between (:func:`open_regular`);
- new files beside a plan or an export are made by ``planner.storage.copies.temporary_sibling``
  under fresh names with ``O_EXCL``, which never opens an existing file or follows a link.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from planner.errors import PlanFileError

# Flags that do not exist on every system are 0 there: Windows has no O_NOFOLLOW or O_NONBLOCK
# (and no named pipes in the file system); it has O_BINARY and O_NOINHERIT instead.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
NOINHERIT = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
BINARY = getattr(os, "O_BINARY", 0)

# Windows marks symbolic links, junctions and other redirections as reparse points.
_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


def special_kind(status: os.stat_result) -> str | None:
    """What the file ``status`` describes is, when it is not a regular file (``"a named pipe
    (FIFO)"``); None for a regular file. Given an ``lstat``, a link counts as a link."""
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if getattr(status, "st_file_attributes", 0) & _REPARSE_POINT:
        return "a link (a reparse point)"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def refuse_special(status: os.stat_result, *, named: str, expected: str) -> None:
    """A :class:`PlanFileError` ("NAMED: is a named pipe (FIFO), not EXPECTED") unless
    ``status`` is a regular file's."""
    kind = special_kind(status)
    if kind is not None:
        raise PlanFileError(f"{named}: is {kind}, not {expected}")


def open_regular(path: Path, *, named: str, expected: str) -> BinaryIO:
    """``path`` open for reading in binary, when it is a regular file or a link to one.

    Anything else is refused before it is opened, and what was opened is checked again (the
    name may have been replaced in between); the open itself never waits for a writer, as
    opening a named pipe would. ``named`` and ``expected`` word the refusal (see
    :func:`refuse_special`). Errors of the file system (no such file, permission denied) are
    raised as the ``OSError`` they are.
    """
    refuse_special(os.stat(path), named=named, expected=expected)
    descriptor = os.open(path, os.O_RDONLY | NONBLOCK | NOINHERIT | BINARY)
    try:
        refuse_special(os.fstat(descriptor), named=named, expected=expected)
        if NONBLOCK:
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
