"""The RACI grid as a table model: initiatives down, people across (grouped by team), a role
letter in each cell. It holds a :class:`RaciGrid` of plain data and never reads the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication

from planner import Assignment, Role
from ui.pages.people import raci_style as style
from ui.pages.people.raci_data import GridColumn, GridRow, RaciGrid
from ui.pages.people.wording import cell_tip
from ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

ROLE_ROLE = Qt.ItemDataRole.UserRole  # the cell's role letter ("A"), or None
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (initiative id, person id)
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2  # header: the GridColumn of a person

_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_DIM_ALPHA = 110  # inactive people's letters: still legible, clearly set back


class RaciModel(QAbstractTableModel):
    """Rows are :class:`GridRow`s, columns :class:`GridColumn`s. Colours and fonts are
    worked out once per grid (not per cell paint), so a 2,000 x 80 grid scrolls freely."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = RaciGrid()
        self._rows: list[GridRow] = []  # the grid's rows that match the filter
        self._filter = ""
        self._row_of: dict[int, int] = {}
        self._column_of: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._paint_cache()

    # -- data in -------------------------------------------------------------------------

    @property
    def grid(self) -> RaciGrid:
        return self._grid

    def set_grid(self, grid: RaciGrid) -> None:
        """Show a new grid (rows or columns may have changed): a reset."""
        self.beginResetModel()
        self._grid = grid
        self._filter_rows()
        self._column_of = {c.person_id: n for n, c in enumerate(grid.columns)}
        self._paint_cache()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only initiatives whose name holds ``text`` (any letter case)."""
        wanted = text.strip().casefold()
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._filter_rows()
        self.endResetModel()

    @property
    def filter(self) -> str:
        return self._filter

    def _filter_rows(self) -> None:
        wanted = self._filter
        rows = self._grid.rows
        self._rows = [r for r in rows if wanted in r.name.casefold()] if wanted else list(rows)
        self._row_of = {row.initiative_id: n for n, row in enumerate(self._rows)}

    def update_roles(self, initiative_id: int, assignments: Iterable[Assignment]) -> bool:
        """Give one initiative's row its current roles; ``False`` if it is not in the grid."""
        if initiative_id not in self._grid.initiative_names:
            return False
        self._grid.replace_roles(initiative_id, assignments)
        row = self._row_of.get(initiative_id)
        if row is None:  # filtered out: nothing to repaint
            return True
        if self._grid.columns:
            last = len(self._grid.columns) - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)  # owner in the tooltip
        return True

    def refresh_colours(self) -> None:
        """Take up the palette's scheme (light or dark) after it changed."""
        self._paint_cache()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # -- lookups for the page ------------------------------------------------------------

    def row_of(self, initiative_id: int) -> int | None:
        return self._row_of.get(initiative_id)

    def column_of(self, person_id: int) -> int | None:
        return self._column_of.get(person_id)

    def cell(self, index: Index) -> tuple[int, int]:
        """(initiative id, person id) of a cell."""
        return (
            self._rows[index.row()].initiative_id,
            self._grid.columns[index.column()].person_id,
        )

    def role_at(self, index: Index) -> Role | None:
        """The role held in a cell (as a :class:`Role`, which Qt's data() cannot carry)."""
        if not index.isValid():
            return None
        return self._grid.role(*self.cell(index))

    def column(self, n: int) -> GridColumn:
        return self._grid.columns[n]

    # -- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        grid = self._grid
        row = self._rows[index.row()]
        n = index.column()
        column = grid.columns[n]
        letters = grid.roles.get(row.initiative_id)
        held = letters.get(column.person_id) if letters else None
        if role == Qt.ItemDataRole.DisplayRole:
            return held.value if held else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._role_tints[held] if held else self._team_tints[n]
        if role == Qt.ItemDataRole.ForegroundRole:
            if held is None:
                return None
            return self._role_colours[held] if column.active else self._dim_colours[held]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if held is Role.ACCOUNTABLE else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            tip = cell_tip(column.name, held, row.name)
            said = tip if column.active else f"{tip} (inactive)"
            return plain_tooltip(said) if role == Qt.ItemDataRole.ToolTipRole else said
        if role == ROLE_ROLE:
            return held.value if held else None
        if role == CELL_ROLE:
            return (row.initiative_id, column.person_id)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role)
        if not 0 <= section < len(self._grid.columns):
            return None
        column = self._grid.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.name
        if role == Qt.ItemDataRole.ToolTipRole:
            what = " · ".join(part for part in (column.title, column.team.value) if part)
            inactive = "" if column.active else "\n(inactive)"
            return plain_tooltip(f"{column.name}\n{what}{inactive}")
        if role == COLUMN_ROLE:
            return column
        return None

    def _row_header(self, section: int, role: int) -> Any:
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            owner = self._grid.owner_name(row.initiative_id)
            return plain_tooltip(
                f"{row.name}\nOwner: {owner}" if owner else f"{row.name}\nNo owner yet"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Not "editable": roles are set by keys and a menu (see RaciView), not an editor.
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    # -- colours -------------------------------------------------------------------------

    def _paint_cache(self) -> None:
        dark = style.is_dark(QGuiApplication.palette())
        self._role_colours = {r: style.role_colour(r, dark) for r in Role}
        self._dim_colours = {r: _dimmed(c) for r, c in self._role_colours.items()}
        self._role_tints = {r: style.role_tint(r, dark) for r in Role}
        # Each team's columns get a faint wash of its colour so the groups read apart.
        self._team_tints = [
            style.team_tint(c.team, 16 if c.active else 6, dark) for c in self._grid.columns
        ]


def _dimmed(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(_DIM_ALPHA)
    return faded
