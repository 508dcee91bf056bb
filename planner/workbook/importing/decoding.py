"""Which text encoding a CSV is in: a byte-order mark says so, else strict UTF-8, else
Windows-1252 (what Excel on Windows writes when asked for "CSV", and a note says so)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WINDOWS_1252_NOTE = "read as Windows-1252 text (the file is not UTF-8)"


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None


def decode(path: Path, data: bytes) -> DecodedText:
    """The file's text; PlanFileError (naming the file) if it is not text at all."""
    encoding = _by_bom(data) or _utf16_without_bom(data)
    if encoding is not None:
        try:
            return DecodedText(_checked(path, data.decode(encoding)), encoding)
        except UnicodeDecodeError as error:
            raise PlanFileError(
                f"{path.name}: is not valid {encoding.upper()} text (byte {error.start:,})"
            ) from None
    try:
        return DecodedText(_checked(path, data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(_checked(path, data.decode("cp1252")), "cp1252", WINDOWS_1252_NOTE)
    except UnicodeDecodeError as error:
        raise PlanFileError(
            f"{path.name}: is not text the import can read (not UTF-8, UTF-16 or "
            f"Windows-1252; byte {error.start:,} is 0x{data[error.start]:02X})"
        ) from None


def _by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even = sum(1 for byte in sample[0::2] if byte == 0)
    odd = sum(1 for byte in sample[1::2] if byte == 0)
    if odd > 0.4 * half and even == 0:
        return "utf-16-le"
    if even > 0.4 * half and odd == 0:
        return "utf-16-be"
    return None


def _checked(path: Path, text: str) -> str:
    if "\x00" in text:
        raise PlanFileError(f"{path.name}: holds binary data, not CSV text")
    return text
