"""The column mapping of a CRM's CSV export: which of the file's columns names the initiative,
gives the date and holds the value, which metric the values add to, and which rows count.

Prefilled from the mapping saved in the plan for these columns (or the core's guess); what
the user chooses comes back as a :class:`~planner.workbook.importing.mapping.CsvMapping`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Metric
from planner.workbook.importing.mapping import CsvMapping, DateOrder
from ui.plain_text import plain_label, window_title
from ui.widgets.combos import choose
from ui.workbook import wording

DATE_ORDERS = (
    (DateOrder.AUTO, "Automatic (from the file's dates)"),
    (DateOrder.YMD, "Year, month, day (2026-03-31)"),
    (DateOrder.DMY, "Day, month, year (31/03/2026)"),
    (DateOrder.MDY, "Month, day, year (03/31/2026)"),
)
FROM_COLUMN = "column"  # the metric combo's entry for "each row names its metric"
SAMPLE_ROWS = 20
_MAX_COLUMN_EM = 22


def _metric(data: object) -> Metric | None:
    # Qt hands an enum stored as item data back as its plain string.
    return None if data is None else Metric(data)


def _note(text: str) -> QLabel:
    note = plain_label(text)
    note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return note


class MappingDialog(QDialog):
    """Asks how the CSV's columns map to initiative, month, metric and value."""

    def __init__(
        self,
        source_name: str,
        headers: Sequence[str],
        sample: Sequence[Sequence[str]],
        suggested: CsvMapping | None = None,
        parent: QWidget | None = None,
        *,
        about: str = "",
        distinct: Sequence[Sequence[str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("csvMapping")
        self.setWindowTitle(window_title(f"Import Actuals from {source_name}"))
        self.headers = list(headers)
        self.sample = [list(row) for row in sample[:SAMPLE_ROWS]]
        # Each column's values over the whole file, when known (else the sample's are used).
        self.distinct = [list(values) for values in distinct]

        intro = plain_label(
            f"Say which of the columns of {source_name} holds what. Rows are added up per "
            "initiative, month and metric; the sums become the actuals. The choice is saved "
            "in the plan for the next file with these columns."
        )
        intro.setWordWrap(True)
        details = _note(about)
        details.setVisible(bool(about))

        self.initiative_combo = self._column_combo("Initiative column")
        self.date_combo = self._column_combo("Date column")
        self.order_combo = QComboBox()
        self.order_combo.setAccessibleName("Date order")
        self.order_combo.setToolTip("How a date like 03/04/2026 is read")
        for order, title in DATE_ORDERS:
            self.order_combo.addItem(title, order)
        self.value_combo = self._column_combo("Value column")
        self.metric_combo = QComboBox()
        self.metric_combo.setAccessibleName("Metric")
        for metric in Metric:
            self.metric_combo.addItem(metric.title, metric)
        self.metric_combo.addItem("Named in a column:", FROM_COLUMN)
        self.metric_column_combo = self._column_combo("Metric column")
        self.stage_combo = self._column_combo("Stage column", none="Every row counts")
        self.stage_list = QListWidget()
        self.stage_list.setAccessibleName("Stages to include")
        self.stage_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.count_combo = QComboBox()
        self.count_combo.setAccessibleName("Also count each row as")
        self.count_combo.addItem("Nothing else", None)
        for metric in Metric:
            if not metric.is_money:
                self.count_combo.addItem(metric.title, metric)
        self.problem = plain_label()
        self.problem.setAccessibleName("What is missing")
        self.problem.setWordWrap(True)
        self.sample_table = QTableWidget(len(self.sample), len(self.headers))
        self.sample_table.setAccessibleName("The file's first rows")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.preview_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.preview_button.setText("Preview Import")

        self._lay_out(intro, details)
        self._fill_sample()
        self._prefill(suggested)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._changed)
        self.stage_combo.currentIndexChanged.connect(self._fill_stages)
        self.stage_list.itemChanged.connect(self._changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._changed()
        self.resize(900, 660)

    # -- the result ------------------------------------------------------------------------

    def mapping(self) -> CsvMapping:
        """The mapping the user chose (check :meth:`missing` first)."""
        from_column = self.metric_combo.currentData() == FROM_COLUMN
        stage_column = self.stage_combo.currentData()
        return CsvMapping(
            initiative=self.initiative_combo.currentData() or "",
            date=self.date_combo.currentData() or "",
            value=self.value_combo.currentData() or "",
            metric=None if from_column else _metric(self.metric_combo.currentData()),
            metric_column=self.metric_column_combo.currentData() if from_column else None,
            stage_column=stage_column,
            stages=self.chosen_stages() if stage_column else (),
            count_into=_metric(self.count_combo.currentData()),
            date_order=self.order_combo.currentData(),
        )

    def chosen_stages(self) -> tuple[str, ...]:
        items = (self.stage_list.item(n) for n in range(self.stage_list.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def missing(self) -> str:
        """What keeps the mapping from being usable, in words; empty when nothing does."""
        needed = {
            "initiative": self.initiative_combo.currentData(),
            "date": self.date_combo.currentData(),
            "value": self.value_combo.currentData(),
        }
        if self.metric_combo.currentData() == FROM_COLUMN:
            needed["metric"] = self.metric_column_combo.currentData()
        unset = [role for role, column in needed.items() if not column]
        if unset:
            names = [f"the {role}" for role in unset]
            listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            return f"Choose the {'column' if len(unset) == 1 else 'columns'} for {listed}."
        chosen = [column for column in needed.values() if column]
        if len(set(chosen)) < len(chosen):
            return "Each of the initiative, date, value and metric needs a column of its own."
        if self.stage_combo.currentData() and not self.chosen_stages():
            return "Tick the stages whose rows count (for revenue: the won stage)."
        return ""

    def accept(self) -> None:
        if not self.missing():
            super().accept()

    # -- building ----------------------------------------------------------------------------

    def _column_combo(self, name: str, none: str = "Choose a column…") -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(none, None)
        for header in self.headers:
            combo.addItem(header, header)
        return combo

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.initiative_combo,
            self.date_combo,
            self.order_combo,
            self.value_combo,
            self.metric_combo,
            self.metric_column_combo,
            self.stage_combo,
            self.count_combo,
        )

    def _lay_out(self, intro: QLabel, details: QLabel) -> None:
        # A grid, so every first choice has the same width and the notes line up beside.
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows: list[tuple[str, QWidget, QWidget | str]] = [
            ("Initiative:", self.initiative_combo, "matched to the plan's initiative names"),
            ("Date:", self.date_combo, self.order_combo),
            ("Value:", self.value_combo, "an amount, or a count"),
            ("Adds to:", self.metric_combo, self.metric_column_combo),
            ("Also count:", self.count_combo, "each row that counts adds 1 to it"),
            ("Stage:", self.stage_combo, "only rows at the stages ticked count"),
        ]
        for n, (title, field, beside) in enumerate(rows):
            label = plain_label(title)
            label.setBuddy(field)
            grid.addWidget(label, n, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field, n, 1)
            grid.addWidget(_note(beside) if isinstance(beside, str) else beside, n, 2)
        grid.addWidget(self.stage_list, len(rows), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details)
        layout.addSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        sample_title = plain_label(
            f"The first {wording.count(len(self.sample), 'row')} of the file"
        )
        font = sample_title.font()
        font.setBold(True)
        sample_title.setFont(font)
        layout.addSpacing(4)
        layout.addWidget(sample_title)
        layout.addWidget(self.sample_table, 1)
        layout.addWidget(self.buttons)

    def _fill_sample(self) -> None:
        table = self.sample_table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for row, cells in enumerate(self.sample):
            for column, text in enumerate(cells[: len(self.headers)]):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()  # twenty rows: cheap
        limit = self.fontMetrics().horizontalAdvance("M") * _MAX_COLUMN_EM
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column) + 12, limit))

    def _prefill(self, suggested: CsvMapping | None) -> None:
        if suggested is None:
            choose(self.metric_combo, Metric.REVENUE_WON)  # what a CRM's deals are about
            self._fill_stages()
            return
        choose(self.initiative_combo, suggested.initiative)
        choose(self.date_combo, suggested.date)
        choose(self.value_combo, suggested.value)
        choose(self.order_combo, suggested.date_order)
        if suggested.metric_column:
            choose(self.metric_combo, FROM_COLUMN)
            choose(self.metric_column_combo, suggested.metric_column)
        else:
            choose(self.metric_combo, suggested.metric or Metric.REVENUE_WON)
        choose(self.stage_combo, suggested.stage_column)
        choose(self.count_combo, suggested.count_into)
        self._fill_stages(ticked=suggested.stages)

    def _fill_stages(self, _index: int = 0, ticked: Sequence[str] | None = None) -> None:
        """List the stage values of the file (and the ones saved), keeping the ticks."""
        column = self.stage_combo.currentData()
        keep = {stage.casefold() for stage in (self.chosen_stages() if ticked is None else ticked)}
        values: dict[str, str] = {}
        if column:
            position = self.headers.index(column)
            if position < len(self.distinct):
                seen = self.distinct[position]
            else:
                seen = [row[position] for row in self.sample if position < len(row)]
            for value in seen:
                if value.strip():
                    values.setdefault(value.strip().casefold(), value.strip())
            for stage in ticked or ():
                values.setdefault(stage.casefold(), stage)
        if not keep & values.keys():
            # A first choice of the column: the won stages are what revenue is about.
            keep = {key for key in values if "won" in key and "lost" not in key}
        self.stage_list.blockSignals(True)
        self.stage_list.clear()
        for key, text in values.items():
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in keep
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.stage_list.addItem(item)
        self.stage_list.blockSignals(False)
        # As tall as its stages (up to six; it scrolls beyond), not a box of blank lines.
        shown = max(1, min(self.stage_list.count(), 6))
        frame = 2 * self.stage_list.frameWidth() + 4
        row = self.stage_list.sizeHintForRow(0) if self.stage_list.count() else -1
        row = max(row, self.fontMetrics().height() + 4)
        self.stage_list.setFixedHeight(shown * row + frame)
        self._changed()

    def _changed(self) -> None:
        from_column = self.metric_combo.currentData() == FROM_COLUMN
        self.metric_column_combo.setVisible(from_column)
        has_stage = self.stage_combo.currentData() is not None
        self.stage_list.setVisible(has_stage)
        problem = self.missing()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.preview_button.setEnabled(not problem)
        self._mark_sample_headers()

    def _mark_sample_headers(self) -> None:
        """Each column's header says what it is used as, so the choice can be checked
        against the rows below."""
        mapping = self.mapping()
        roles = {
            mapping.initiative: "initiative",
            mapping.date: "date",
            mapping.value: "value",
            mapping.metric_column: "metric",
            mapping.stage_column: "stage",
        }
        for column, header in enumerate(self.headers):
            role = roles.get(header)
            text = f"{header}\n▸ {role}" if role else f"{header}\n"
            self.sample_table.setHorizontalHeaderItem(column, QTableWidgetItem(text))
