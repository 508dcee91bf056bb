"""Finding a sheet's part inside a workbook's zip, before any sheet is parsed.

A workbook names its sheets in ``xl/workbook.xml`` and points at each sheet's XML part through
its relationships; reading those two small parts (entity-free, with defusedxml) lets the
import check the Actuals sheet's part before openpyxl reads a byte of it.
"""

from __future__ import annotations

import posixpath
import zipfile

_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "/officeDocument"
_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class PartsMissing(ValueError):
    """The zip lacks the parts every workbook has."""


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """``{sheet title: part name}`` of every worksheet, in the workbook's order."""
    workbook = next(
        (
            target
            for kind, target, _id in _relationships(archive, "")
            if kind.endswith(_OFFICE_DOCUMENT)
        ),
        None,
    )
    if workbook is None or workbook not in archive.NameToInfo:
        raise PartsMissing("it has no workbook part")
    targets = {
        identifier: target
        for _kind, target, identifier in _relationships(archive, workbook)
        if target in archive.NameToInfo
    }
    root = _parse(archive.read(workbook))
    found: dict[str, str] = {}
    for sheet in root.iter():
        if _local(sheet.tag) != "sheet":
            continue
        identifier = sheet.get(f"{{{_RELATIONSHIPS_NS}}}id")
        title = sheet.get("name")
        if title is not None and identifier in targets:
            found[title] = targets[identifier]
    return found


def find_sheet(parts: dict[str, str], title: str) -> str | None:
    """The title of the sheet called ``title`` (as Excel does: ignoring case and spaces)."""
    wanted = title.strip().casefold()
    return next((name for name in parts if name.strip().casefold() == wanted), None)


def _relationships(archive: zipfile.ZipFile, source: str) -> list[tuple[str, str, str]]:
    """``(type, resolved target, id)`` of the relationships of part ``source`` ("" for the
    package itself)."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{name}.rels") if source else _PACKAGE_RELS
    if rels not in archive.NameToInfo:
        raise PartsMissing(f"it has no {rels}")
    found = []
    for element in _parse(archive.read(rels)).iter():
        if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        target = element.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.append(
            (element.get("Type") or "", posixpath.normpath(resolved), element.get("Id") or "")
        )
    return found


def _parse(data: bytes):  # type: ignore[no-untyped-def]
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
