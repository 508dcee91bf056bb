"""Formula cells that hold no saved value.

Excel saves each formula with the value it last computed; a workbook written by a program
(openpyxl, a script) often saves the formula alone. Read with ``data_only`` such a cell looks
blank, and a blank Actual keeps the plan's value, so a formula someone typed would silently
import nothing. The sheet's XML is parsed once more, streaming and without entities, to find
them, so that each becomes a rejected row instead. This pass runs only on sheets that hold a
formula at all (see :mod:`sheet_scan`).
"""

from __future__ import annotations

import re
import zipfile

from planner.workbook.progress import Progress

# A string result may be saved as empty; any other type with an empty value was never saved.
_STRING_TYPES = frozenset({"str", "inlineStr"})
_COLUMN = re.compile(r"[A-Z]{1,3}")


def uncached_formula_cells(
    archive: zipfile.ZipFile, part: str, *, progress: Progress
) -> frozenset[str]:
    """The references ("F14") of cells in ``part`` that hold a formula but no saved value."""
    from lxml import etree

    found: set[str] = set()
    # Rows and cells may leave out their reference ("r"): they follow the one before.
    last_row = 0
    last_reference: str | None = None
    cells_since = 0
    in_formula = False  # the cell being read has a formula (its <f> ended before it)
    with archive.open(part) as stream:
        events = etree.iterparse(
            stream,
            events=("end",),
            tag=("{*}c", "{*}row", "{*}f"),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        )
        for _event, element in events:
            tag = element.tag
            if tag.endswith("}f") or tag == "f":
                in_formula = True
                continue
            if tag.endswith("row"):
                last_row = int(element.get("r") or last_row + 1)
                last_reference, cells_since = None, 0
                if last_row % 4096 == 0:
                    progress.check()
                element.clear()
                # Drop the rows already seen, so memory stays flat on a long sheet.
                while element.getprevious() is not None:
                    del element.getparent()[0]
                continue
            reference = element.get("r")
            if reference:
                last_reference, cells_since = reference, 0
            else:
                cells_since += 1
            if in_formula:
                in_formula = False
                namespace = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
                value = element.find(f"{namespace}v")
                saved = value is not None and (
                    bool(value.text) or element.get("t") in _STRING_TYPES
                )
                if not saved:
                    row = int(element.getparent().get("r") or last_row + 1)
                    found.add(reference or _following(last_reference, cells_since, row))
            element.clear()
    return frozenset(found)


def _following(last_reference: str | None, cells_since: int, row: int) -> str:
    """The reference of a cell without one: ``cells_since`` columns after the last cell of
    its row that had one (or after column 0)."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    letters = _COLUMN.match(last_reference or "")
    start = column_index_from_string(letters[0]) if letters else 0
    return f"{get_column_letter(start + cells_since)}{row}"
