"""The detail pane of the Initiatives page: the selected initiative's story, the segments
it aims at, and the people on it.

It shows what the page hands it and reports edits as signals; the page turns them into
undoable commands, so the pane never edits the plan itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import Assignment, Person, Role, Segment, Tier
from planner import months as month_math
from planner.analysis.rates import Rates
from planner.domain import STAGE_RATES
from ui.plain_text import plain_label, plain_tooltip

from .columns import STATUS_TITLES
from .rates_box import HINT as RATES_HINT
from .rates_box import RatesBox
from .rows import TIER_ORDER, InitiativeRow
from .story_edit import StoryEdit

STORY_FIELDS = ("problem", "so_what", "why_us", "notes")
_STORY = {
    "problem": ("Problem", "What pain does it sell? Whose problem is it?"),
    "so_what": ("So what", "Why does that pain matter to the customer, and now?"),
    "why_us": ("Why us", "Why are we the ones to solve it?"),
    "notes": ("Notes", "Anything else the team should know."),
}
_TIER_HEADINGS = {
    Tier.CORE: "Core: in the strike zone",
    Tier.EDGE: "Edge: adjacent, opportunistic",
    Tier.OUTSIDE: "Outside the strike zone",
}
_ROLE_ORDER = {role: n for n, role in enumerate(Role)}
_SEGMENT_ID = Qt.ItemDataRole.UserRole


def person_line(person: Person, role: Role) -> str:
    """``"Ann Lee — Accountable (Marketing)"``."""
    inactive = ", inactive" if not person.active else ""
    return f"{person.name} — {role.title} ({person.team.value}{inactive})"


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def _hint(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # the palette's muted text
    return label


class InitiativeDetail(QWidget):
    """The selected initiative, or a short note saying what selecting one shows."""

    story_committed = Signal(int, str, str)  # initiative id, story field, new text
    segments_chosen = Signal(int, object)  # initiative id, tuple of segment ids
    rate_committed = Signal(int, str, str)  # initiative id, stage rate, the text typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.initiative_id: int | None = None
        self._read_only = False
        self._loading = False
        self._segment_key: tuple[tuple[int, str, str], ...] = ()

        self.empty = plain_label()
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setMargin(24)

        self.name = plain_label()
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(font)
        self.facts = _hint("")
        title = QHBoxLayout()
        title.setSpacing(12)
        title.addWidget(self.name)
        title.addWidget(self.facts, 1)

        # The pane sits under the table: the story, the segments and the people side by
        # side, so the table keeps the page's full width for its columns.
        self.story: dict[str, StoryEdit] = {}
        story = QGridLayout()
        story.setHorizontalSpacing(12)
        story.setVerticalSpacing(2)
        story.addWidget(_heading("The story"), 0, 0, 1, 2)
        for n, field in enumerate(STORY_FIELDS):
            heading, placeholder = _STORY[field]
            editor = StoryEdit(placeholder, heading)
            editor.setObjectName(f"story_{field}")
            editor.committed.connect(lambda text, f=field: self._story_committed(f, text))
            label = plain_label(f"&{heading}")
            label.setBuddy(editor)
            row, column = 1 + 2 * (n // 2), n % 2
            story.addWidget(label, row, column)
            story.addWidget(editor, row + 1, column)
            story.setRowStretch(row + 1, 1)
            self.story[field] = editor

        self.segments = QListWidget()
        self.segments.setObjectName("segments")
        self.segments.setAccessibleName("Segments it aims at")
        self.segments.setToolTip("Tick the segments it aims at; the core is the strike zone.")
        self.segments.itemChanged.connect(self._segment_toggled)
        segments_box = QWidget()
        segments = QVBoxLayout(segments_box)
        segments.setContentsMargins(0, 0, 0, 0)
        segments.setSpacing(2)
        segments.addWidget(_heading("Segments"))
        segments.addWidget(self.segments, 1)
        segments.addWidget(_hint("Tick the ones it aims at."))

        self.people = QListWidget()
        self.people.setObjectName("people")
        self.people.setAccessibleName("People and their roles")
        self.people.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        for view in (self.segments, self.people):
            # Long names end in "…" (the tooltip has them whole) instead of a scroll bar.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
        people_box = QWidget()
        people = QVBoxLayout(people_box)
        people.setContentsMargins(0, 0, 0, 0)
        people.setSpacing(2)
        people.addWidget(_heading("People"))
        people.addWidget(self.people, 1)
        people.addWidget(_hint("Roles are edited on the People & roles page."))

        self.rates = RatesBox(_heading("Conversion rates"), _hint(RATES_HINT))
        self.rates.setObjectName("rates")
        self.rates.committed.connect(self._rate_committed)

        body = QHBoxLayout()
        body.setSpacing(16)
        for box in (segments_box, people_box):
            box.setMaximumWidth(320)  # on a wide screen the story takes the room
        self.rates.setMaximumWidth(300)
        # In a narrow window the story keeps the most room; a rate field then shows the
        # start of its greyed rate ("45% from the…"), its tooltip the whole.
        body.addLayout(story, 5)
        body.addWidget(segments_box, 3)
        body.addWidget(people_box, 2)
        body.addWidget(self.rates, 4)

        # No scroll area: wrapped labels make one size its content for their preferred
        # height, not the pane's; the splitter keeps the pane above its minimum instead.
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(6)
        layout.addLayout(title)
        layout.addLayout(body, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- what it shows ---------------------------------------------------------------------

    def show_nothing(self, selected: int = 0) -> None:
        """The empty state: no initiative selected, or ``selected`` of them."""
        self.commit_pending()
        self.initiative_id = None
        if selected > 1:
            text = (
                f"{selected} initiatives selected.\n\nDuplicate or delete them in one step; "
                "undo brings them back."
            )
        else:
            text = (
                "Select an initiative to see its story, the segments it aims at and the "
                "people on it."
            )
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def show_initiative(
        self,
        row: InitiativeRow,
        segments: Sequence[Segment],
        people: Mapping[int, Person],
        assignments: Sequence[Assignment],
        money: Callable[[int], str],
        rates: Rates | None = None,
    ) -> None:
        """Show ``row`` with all the plan's ``segments`` to choose from, its roles and its
        conversion rates (``rates``: as read for it, see
        :func:`~planner.analysis.rates.read_initiative_rates`)."""
        if row.id != self.initiative_id:
            self.commit_pending()  # words typed for the previous one are not lost
        switching = row.id != self.initiative_id
        self.initiative_id = row.id
        self.name.setText(row.name)
        self.facts.setText(self._facts(row, money))
        for field, editor in self.story.items():
            editor.load(getattr(row, field), keep_typing=not switching)
        self._show_segments(segments, set(row.segment_ids))
        self._show_people(people, assignments)
        if rates is not None:
            self.rates.show_rates(rates, row.id)
        self.stack.setCurrentWidget(self.content)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for editor in self.story.values():
            editor.setReadOnly(read_only)
        self.rates.set_read_only(read_only)
        self._segment_key = ()  # rebuild the list with the right flags next time

    def commit_pending(self) -> None:
        """Save any story text typed but not yet committed."""
        for editor in self.story.values():
            editor.commit()

    def field_widget(self, field: str) -> QWidget | None:
        """The control where ``field`` is edited or shown, if the pane has one."""
        if self.initiative_id is None:
            return None
        if field in STAGE_RATES:
            return self.rates.fields[field]
        return self.story.get(field) or {"segments": self.segments, "roles": self.people}.get(field)

    def focus_field(self, field: str) -> bool:
        """Put the keyboard focus on the control for ``field``, if the pane has one."""
        widget = self.field_widget(field)
        if widget is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- parts -----------------------------------------------------------------------------

    @staticmethod
    def _facts(row: InitiativeRow, money: Callable[[int], str]) -> str:
        dates = f"{month_math.label(row.start_month)} – {month_math.label(row.end_month)}"
        owner = f"owned by {row.owner_name}" if row.owner_name else "no owner yet"
        return (
            f"{row.channel_name} · {STATUS_TITLES[row.status]} · {dates} · "
            f"{money(row.budget)} budget · {owner}"
        )

    def _show_segments(self, segments: Sequence[Segment], aimed: set[int]) -> None:
        ordered = sorted(segments, key=lambda s: (TIER_ORDER[s.tier], s.name.casefold()))
        key = tuple((s.id, s.name, s.tier.value) for s in ordered)
        self._loading = True
        try:
            if key != self._segment_key:  # only rebuild when the segments themselves change,
                self._build_segments(ordered)  # so toggling keeps the keyboard's place
                self._segment_key = key
            for n in range(self.segments.count()):
                item = self.segments.item(n)
                segment_id = item.data(_SEGMENT_ID)
                if segment_id is not None:
                    checked = segment_id in aimed
                    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    if item.checkState() != state:
                        item.setCheckState(state)
        finally:
            self._loading = False

    def _build_segments(self, ordered: Sequence[Segment]) -> None:
        self.segments.clear()
        tier = None
        for segment in ordered:
            if segment.tier != tier:
                tier = segment.tier
                heading = QListWidgetItem(_TIER_HEADINGS[tier])
                # Enabled (drawn in the normal text colour) but neither selectable nor
                # checkable: a label between the segments, not one of them.
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(self.segments.font())
                font.setWeight(QFont.Weight.DemiBold)
                heading.setFont(font)
                self.segments.addItem(heading)
            item = QListWidgetItem(segment.name)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not self._read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setData(_SEGMENT_ID, segment.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(
                plain_tooltip(f"{segment.name} ({segment.tier.value})\n{segment.notes}".strip())
            )
            self.segments.addItem(item)
        if not ordered:
            self.segments.addItem(QListWidgetItem("The plan has no segments yet."))

    def _show_people(self, people: Mapping[int, Person], assignments: Sequence[Assignment]):
        self.people.clear()
        on_it = sorted(
            (a for a in assignments if a.person_id in people),
            key=lambda a: (_ROLE_ORDER[a.role], people[a.person_id].name.casefold()),
        )
        for assignment in on_it:
            line = person_line(people[assignment.person_id], assignment.role)
            item = QListWidgetItem(line)
            item.setToolTip(plain_tooltip(line))
            self.people.addItem(item)
        if not on_it:
            self.people.addItem("No one has a role on it yet.")

    # -- edits -----------------------------------------------------------------------------

    def _story_committed(self, field: str, text: str) -> None:
        if self.initiative_id is not None:
            self.story_committed.emit(self.initiative_id, field, text)

    def _rate_committed(self, rate: str, text: str) -> None:
        if self.initiative_id is not None:
            self.rate_committed.emit(self.initiative_id, rate, text)

    def _segment_toggled(self, item: QListWidgetItem) -> None:
        if self._loading or self.initiative_id is None or item.data(_SEGMENT_ID) is None:
            return
        chosen = tuple(
            self.segments.item(n).data(_SEGMENT_ID)
            for n in range(self.segments.count())
            if self.segments.item(n).data(_SEGMENT_ID) is not None
            and self.segments.item(n).checkState() == Qt.CheckState.Checked
        )
        self.segments_chosen.emit(self.initiative_id, chosen)
