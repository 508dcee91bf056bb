"""Fill right, fill down and clear over a rectangle of the grid, as plain data: which cells
get which value. Spreadsheet rules: the first column (row) of the selection is copied across
(down) the rest; with a single column (row) selected, the one to its left (above) is copied.
In the Both view plan columns fill from plan columns and actual columns from actual ones.
"""

from __future__ import annotations

from ui.pages.targets.cells import Area, Rect, Write


def _changed(area: Area, pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[Write]:
    """(source, target) positions to writes, leaving out targets that already hold the value."""
    writes = []
    for (source_row, source_column), (row, column) in pairs:
        cell = area.cell(row, column)
        value = area.value(source_row, source_column)
        if cell is not None and area.value(row, column) != value:
            writes.append((cell, value))
    return writes


def fill_right(area: Area, rect: Rect) -> list[Write] | None:
    """The writes of Ctrl+R on ``rect`` (empty when every cell already holds its value);
    None when there is nothing to copy from."""
    clipped = area.clip(rect)
    if clipped is None:
        return None
    columns = range(clipped.left, clipped.right + 1)
    pairs = []
    found = False
    for kind in dict.fromkeys(area.kinds[c] for c in columns):
        own = [c for c in columns if area.kinds[c] is kind]
        if len(own) > 1:
            source, targets = own[0], own[1:]
        else:
            # One column of this kind: copy from the nearest one of the same kind to its left.
            before = [c for c in range(own[0]) if area.kinds[c] is kind]
            if not before:
                continue
            source, targets = before[-1], own
        found = True
        pairs += [
            ((row, source), (row, target))
            for row in range(clipped.top, clipped.bottom + 1)
            for target in targets
        ]
    return _changed(area, pairs) if found else None


def fill_down(area: Area, rect: Rect) -> list[Write] | None:
    """The writes of Ctrl+D on ``rect`` (empty when every cell already holds its value);
    None when there is nothing to copy from."""
    clipped = area.clip(rect)
    if clipped is None:
        return None
    if clipped.bottom > clipped.top:
        source, targets = clipped.top, range(clipped.top + 1, clipped.bottom + 1)
    elif clipped.top > 0:
        source, targets = clipped.top - 1, range(clipped.top, clipped.top + 1)
    else:
        return None
    pairs = [
        ((source, column), (row, column))
        for row in targets
        for column in range(clipped.left, clipped.right + 1)
    ]
    return _changed(area, pairs)


def clear(area: Area, positions: list[tuple[int, int]]) -> list[Write]:
    """The writes emptying the cells at ``positions`` that hold a value (totals skipped)."""
    writes: list[Write] = []
    for row, column in positions:
        cell = area.cell(row, column)
        if cell is not None and area.value(row, column) is not None:
            writes.append((cell, None))
    return writes
