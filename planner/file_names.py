"""File names as people give them: a path typed into a field, read the one way every dialog
reads it (or one line that says what is wrong with it), the file name the app suggests for a
plan or a workbook, and a free name beside a file that is taken.

Reading a typed path never changes anything on disk; a missing folder is named so that the
caller can offer to create it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from planner.errors import PlanError

# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# File systems cap a name at 255 bytes; 60 characters of any script (4 bytes at most each)
# leave room for a suffix.
MAX_SUGGESTED_STEM = 60
MAX_NAME_BYTES = 255
_SEPARATORS = tuple({"/", os.sep, os.altsep or "/"})


class TypedPathError(PlanError):
    """A typed path that names no file that could be written; the message says why in one
    line. ``missing_folder`` is the file's folder when all that is wrong is that it does not
    exist (creating it, with any folders above it, would make the path usable)."""

    def __init__(self, message: str, *, missing_folder: Path | None = None) -> None:
        super().__init__(message)
        self.missing_folder = missing_folder


def typed_path(text: str, *, base: Path, suffix: str, kind: str) -> Path:
    """The file ``text`` names, for a new or replaced ``kind`` file (``"workbook"``).

    A name or relative path is taken as inside ``base``; ``~`` is the home folder; ``suffix``
    is added when the name does not end in it (``report`` and ``report.v2`` become
    ``report.xlsx`` and ``report.v2.xlsx``). The file may exist. :class:`TypedPathError`
    when the text is empty, names a folder or a name with nothing before the suffix, holds a
    control character, is too long for a file system, or its folder is missing, not a folder
    or write-protected.
    """
    typed = text.strip()
    if not typed:
        raise TypedPathError(f"Type a file name for the {kind}.")
    if _CONTROL.search(typed):
        raise TypedPathError(
            "A file name cannot hold line breaks, tabs or other control characters."
        )
    path = Path(os.path.abspath(base / Path(typed).expanduser()))
    if typed.endswith(_SEPARATORS) or path.name in ("", ".", ".."):
        raise TypedPathError(f"{path} is a folder; add a file name to it.")
    if path.name.lower() == suffix.lower():
        raise TypedPathError(f"Type a name before “{suffix}”.")
    named = path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)
    for part in reversed(named.parts):
        if (size := len(os.fsencode(part))) > MAX_NAME_BYTES:
            what = "The file name" if part == named.name else f"The folder name “{part[:24]}…”"
            raise TypedPathError(
                f"{what} is too long for a file system ({size} bytes; at most {MAX_NAME_BYTES})."
            )
    try:
        for candidate in dict.fromkeys((path, named)):
            if candidate.is_dir():
                raise TypedPathError(f"{candidate} is a folder; add a file name to it.")
        _check_folder(named.parent)
    except OSError as error:  # a folder on the way that may not be looked into, say
        raise TypedPathError(f"{named}: {error.strerror or error}.") from None
    return named


def _check_folder(folder: Path) -> None:
    """Refuse ``folder`` unless it is a folder that can be written in."""
    if folder.is_dir():
        if not os.access(folder, os.W_OK):
            raise TypedPathError(f"The folder {folder} is write-protected.")
        return
    for place in (folder, *folder.parents):
        if place.is_dir():
            break
        if place.exists():
            raise TypedPathError(f"{place} is a file, not a folder.")
    raise TypedPathError(f"The folder {folder} does not exist.", missing_folder=folder)


def file_stem_for(title: str, *, fallback: str) -> str:
    """A file name without suffix for a document called ``title``: without the characters
    some file system refuses, at most :data:`MAX_SUGGESTED_STEM` characters; ``fallback``
    when nothing is left."""
    cleaned = " ".join(_NOT_IN_FILE_NAMES.sub(" ", title).split()).strip(". ")
    # A leading or trailing dot would hide the file or be dropped by Windows.
    return cleaned[:MAX_SUGGESTED_STEM].rstrip(". ") or fallback


def free_path(path: Path) -> Path:
    """``path`` when nothing is there yet, else the first free ``NAME 2.ext``,
    ``NAME 3.ext``, … beside it."""
    if not _taken(path):
        return path
    number = 2
    while _taken(candidate := path.with_name(f"{path.stem} {number}{path.suffix}")):
        number += 1
    return candidate


def _taken(path: Path) -> bool:
    # A dangling symlink takes the name too.
    return path.exists() or path.is_symlink()
