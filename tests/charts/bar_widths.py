"""Reading a chart's horizontal bars back: their widths by the key each is tagged with."""

from __future__ import annotations


def bars(axes):
    """``{"stage:mql": width}`` of the planned (hatched) and of the actual bars."""
    planned, actual = {}, {}
    for patch in axes.patches:
        if patch.get_gid():
            (planned if patch.get_hatch() else actual)[patch.get_gid()] = patch.get_width()
    return planned, actual
