"""The plan settings page: the plan's name, currency, horizon and stage; the funnel
assumptions; the hand-off agreement between marketing and sales; and the plan's channels.
Each field commits one undoable change when its editing finishes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from planner import ChangeSet, Currency, Entity, Horizon
from planner.assumptions import (
    MAX_FOLLOWUP_HOURS,
    MAX_MQLS_PER_MONTH,
    MAX_RETURN_RATIO,
    SOURCES,
)
from planner.rate_words import RATE_TITLES
from ui.document import PlanDocument
from ui.help.terms import tag
from ui.page import Page
from ui.pages.catalogue import SETTINGS
from ui.pages.settings import edits
from ui.pages.settings.channels import ChannelsSection
from ui.pages.settings.fields import (
    ChoiceField,
    CodeField,
    CountField,
    Field,
    MoneyField,
    MonthField,
    NumberField,
    OptionalPercentField,
    ParagraphField,
    TextField,
    percent_field,
)
from ui.pages.settings.figures import funnel_summary, mql_to_sql_by_source
from ui.pages.settings.form import FormColumn, add_row, compact, muted, note, note_row
from ui.pages.settings.tips import FIELD_TIPS, field_tip
from ui.pages.settings.vocabulary import CURRENCY_CODES, MONTH_NAMES, STAGE_TITLES
from ui.plain_text import plain_label, plain_tooltip
from ui.widgets.page_header import PageHeader

_SUBTITLE = (
    "The plan's horizon and currency, the funnel assumptions behind its targets, what "
    "marketing and sales promise each other, and the channels initiatives go in."
)
_FUNNEL_NOTE = (
    "Defaults are cited B2B midpoints; adjust them to your own funnel. The reverse funnel "
    "turns each revenue target into the leads, MQLs and opportunities it needs."
)
_HANDOFF_NOTE = (
    "Marketing commits MQLs of an agreed quality; sales commits to accept them and follow up "
    "fast. The plan tracks both every month."
)
_CHANNELS_NOTE = (
    "Filters and charts list channels in this order. Rename one in place; retire one you no "
    "longer use: its initiatives keep it, new ones are not offered it."
)
_MARGIN_TIP = (
    "The share of revenue left once the cost of what is sold is paid: the returns use it for "
    "payback in months "
    "(spend recovered from the margin on revenue won). Blank: not stated, and payback shows "
    f"\u2014.\n{SOURCES['gross_margin']}"
)
_FORM_ENTITIES = (Entity.SETTINGS, Entity.ASSUMPTIONS, Entity.HANDOFF)
# Findings name these instead of a field of the form.
_REVEAL_ALIASES = {"handoff": "mqls_per_month", "horizon": "first_month"}


class SettingsPage(Page):
    """A form over the plan's single-record settings."""

    title = SETTINGS.title
    icon_name = SETTINGS.icon_name
    depends_on = (
        Entity.SETTINGS,
        Entity.ASSUMPTIONS,
        Entity.HANDOFF,
        Entity.CHANNELS,
        Entity.INITIATIVES,  # the channels' counts of initiatives
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.fields: dict[str, Field] = {}
        self.read_only_note = plain_label()  # plain text, not muted: it explains the grey fields
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)
        self.horizon_span = muted()
        self.deal_currency = muted()
        self.funnel_summary = muted()
        self.by_source = note()

        column = FormColumn()
        self._plan_section(column)
        self._funnel_section(column)
        self._handoff_section(column)
        for name, field in self.fields.items():
            if name in FIELD_TIPS:
                field.widget.setToolTip(plain_tooltip(field_tip(name)))
        self.channels = ChannelsSection(document)
        column.section("Channels", _CHANNELS_NOTE).addRow(self.channels)
        for field in self.fields.values():
            field.finished.connect(lambda f=field: self._commit(f))

        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column, 1)
        row.addStretch(0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(holder)

        header = PageHeader(self.title, _SUBTITLE)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.scroll, 1)

    # -- the form ------------------------------------------------------------------------

    def _add(self, field: Field) -> Field:
        self.fields[field.name] = field
        return field

    def _plan_section(self, column: FormColumn) -> None:
        form = column.section("Plan")
        add_row(form, "Plan &name", self._add(TextField("name", "Plan name")).widget)
        add_row(form, "&Company", self._add(TextField("company", "Company")).widget)
        currency = self._add(CodeField("currency", "Currency", CURRENCY_CODES))
        add_row(
            form,
            "C&urrency",
            compact(currency.widget),
            muted("Changing it relabels amounts; it does not convert them."),
        )
        fiscal = self._add(ChoiceField("fiscal_year_start", "Fiscal year starts in", MONTH_NAMES))
        add_row(form, "&Fiscal year starts in", compact(fiscal.widget))
        first = self._add(MonthField("first_month", "First month of the horizon"))
        add_row(form, "&Horizon starts", compact(first.widget))
        months = self._add(CountField("months", "Months in the horizon", 1, 120, " months"))
        add_row(form, "Horizon &length", compact(months.widget), self.horizon_span)
        stage = self._add(ChoiceField("stage", "Business stage", STAGE_TITLES))
        add_row(form, "Business &stage", compact(stage.widget))

    def _funnel_section(self, column: FormColumn) -> None:
        form = column.section("Funnel assumptions", _FUNNEL_NOTE)
        for name, title in RATE_TITLES.items():
            field = self._add(percent_field(name, f"{title} rate"))
            source = SOURCES[name]
            caption = add_row(form, title, compact(field.widget))
            caption.setToolTip(plain_tooltip(field_tip(name)))
            note_row(form, note(source, small=True))
            if name == "sal_to_sql":
                note_row(form, self.by_source)
        form.addRow("", self.funnel_summary)
        deal = self._add(MoneyField("average_deal_size", "Average deal size", self._currency))
        add_row(form, "Average &deal size", compact(deal.widget), self.deal_currency)
        ratio = self._add(
            NumberField(
                "min_return_ratio", "Minimum return ratio", high=MAX_RETURN_RATIO, suffix=" ×"
            )
        )
        add_row(
            form,
            "Minimum &return ratio",
            compact(ratio.widget),
            muted("Revenue target per unit of budget; the checks warn below it."),
        )
        margin = self._add(OptionalPercentField("gross_margin", "Gross margin", "not stated"))
        margin.widget.setToolTip(plain_tooltip(_MARGIN_TIP))
        add_row(
            form,
            "&Gross margin",
            compact(margin.widget),
            muted("For payback in months; leave blank when not stated."),
        ).setToolTip(plain_tooltip(_MARGIN_TIP))

    def _handoff_section(self, column: FormColumn) -> None:
        form = column.section("Hand-off agreement", _HANDOFF_NOTE)
        mqls = self._add(CountField("mqls_per_month", "MQLs per month", 0, MAX_MQLS_PER_MONTH))
        add_row(form, "&MQLs per month", compact(mqls.widget), muted("marketing delivers"))
        acceptance = self._add(percent_field("acceptance_rate", "Acceptance rate"))
        add_row(form, "&Acceptance rate", compact(acceptance.widget), muted("sales accepts"))
        hours = self._add(
            NumberField(
                "followup_hours", "Follow-up hours", high=MAX_FOLLOWUP_HOURS, suffix=" hours"
            )
        )
        add_row(form, "Follow-up &within", compact(hours.widget), muted("sales follows up"))
        add_row(
            form, "&Quality bar", self._add(ParagraphField("quality_bar", "Quality bar")).widget
        )
        for field in (mqls, acceptance, hours, self.fields["quality_bar"]):
            tag(field.widget, "handoff")  # F1 explains the agreement, not the metric

    # -- loading -------------------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Show the plan's values in every field (no edit is announced while loading), and
        its channels (with the plan's rates where a channel has none of its own)."""
        if changes is None or changes.touches(
            Entity.CHANNELS, Entity.INITIATIVES, Entity.ASSUMPTIONS
        ):
            self.channels.refresh()
        if changes is None or changes.touches(*_FORM_ENTITIES):
            self._load_form()

    def _load_form(self) -> None:
        values = edits.current_values(self.plan)
        for name, field in self.fields.items():
            field.load(values[name])
        self.horizon_span.setText(Horizon(values["first_month"], values["months"]).describe())
        self.deal_currency.setText(values["currency"])
        funnel = self.plan.funnel.get()
        self.funnel_summary.setText(funnel_summary(funnel))
        self.by_source.setText(mql_to_sql_by_source(funnel))
        read_only = self.document.read_only
        for field in self.fields.values():
            field.widget.setEnabled(not read_only)
        self.read_only_note.setText(
            f"This plan is open read-only ({self.plan.read_only_reason}): nothing can change."
        )
        self.read_only_note.setVisible(read_only)

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Focus the field a plan-level finding is about (the hand-off findings focus MQLs
        per month); ``False`` for findings about an initiative or a field not on this form."""
        if initiative_id is not None or field is None:
            return False
        target = self.fields.get(_REVEAL_ALIASES.get(field, field))
        if target is None:
            return False
        self.ensure_fresh()
        self.scroll.ensureWidgetVisible(target.widget)
        target.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def reveal_channel(self, channel_id: int, field: str | None) -> bool:
        """Select the channel's ``field`` (a rate; else its name) in the channels table, for a
        finding about the channel; ``False`` for a channel no longer in the plan."""
        self.ensure_fresh()
        self.scroll.ensureWidgetVisible(self.channels)
        return self.channels.reveal_rate(channel_id, field or "name")

    # -- editing -------------------------------------------------------------------------

    def _commit(self, field: Field) -> None:
        current = edits.current_values(self.plan)[field.name]
        if field.unchanged(current) or self.document.read_only:
            return
        command = edits.change_field(self.plan, field.name, field.value())
        if not self.document.run(command):
            # Refused (the document said why): show what the plan really holds again.
            field.load(edits.current_values(self.plan)[field.name])

    def _currency(self) -> Currency:
        return self.plan.currency
