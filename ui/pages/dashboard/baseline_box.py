"""The Dashboard's "Compare with" control: which version of the plan its figures and charts
are compared with (the document's :class:`~ui.versions.baseline.BaselineChoice`), and a
button that compares versions side by side in a dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from planner.versions import VersionInfo
from ui.plain_text import plain_label, plain_tooltip
from ui.versions.baseline import version_label
from ui.widgets.combos import choose, refill

NO_BASELINE = "No baseline"
_TIP = (
    "Draw this version's plan beside the plan on the revenue and budget charts, compare the "
    "landing with its landing, and show each initiative's budget against it"
)


class BaselineBox(QWidget):
    """ "Compare with: [No baseline ▾]", and its :attr:`compare_button` ("Compare…": laid
    out by the page, apart, so a narrow header can wrap between them); :attr:`chosen`
    gives a version id (``None``: none) when the user picks one, :attr:`compare_requested`
    the button."""

    chosen = Signal(object)
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label("Compare with")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Compare with")
        self.combo.setToolTip(plain_tooltip(_TIP))
        # A version's name can be long: the list that pops up shows it whole.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.combo.addItem(NO_BASELINE, None)
        self.label.setBuddy(self.combo)
        self.compare_button = QPushButton("Compare…")
        self.compare_button.setAccessibleName("Compare versions")
        self.compare_button.setToolTip(
            plain_tooltip("Compare two or three versions of the plan side by side")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(lambda _index: self.chosen.emit(self.combo.currentData()))
        self.compare_button.clicked.connect(lambda _checked=False: self.compare_requested.emit())

    def focus_chain(self) -> list[QWidget]:
        return [self.combo, self.compare_button]

    def set_versions(
        self, versions: Sequence[VersionInfo], chosen: int | None, *, comparable: bool
    ) -> None:
        """Offer ``versions`` (in their order) with ``chosen`` shown, and comparing versions
        while there are two to compare (``comparable``); no signal."""
        refill(self.combo, 1, [(version_label(v), v.id) for v in versions])
        choose(self.combo, chosen)
        self.combo.setEnabled(bool(versions))
        self.compare_button.setEnabled(comparable)

    def set_opening(self, opening: bool) -> None:
        """Say that the chosen version is being opened (its figures follow)."""
        tip = f"{_TIP}\n\nOpening the version…" if opening else _TIP
        self.combo.setToolTip(plain_tooltip(tip))
