"""The words of the Timeline page: a bar's label and its tooltip, as plain text (the page shows
them without reading markup). No Qt here."""

from __future__ import annotations

from planner.money import Currency
from planner.timeline import Bar
from planner.timeline.wording import months_span

from .layout import BarLabel
from .style import STATUS_LOOKS, TIER_WORDS

NO_OWNER = "no owner"


def bar_text(bar: Bar, label: BarLabel, currency: Currency) -> str:
    """ "Webinar series · Ann Lee · $14k": the name, the owner and the chosen figure."""
    figure = bar.budget if label is BarLabel.BUDGET else bar.revenue_target
    return f"{bar.name} · {bar.owner or NO_OWNER} · {currency.format_short(figure)}"


def attainment_text(attainment: float | None) -> str:
    return "not measured yet" if attainment is None else f"{attainment:.0%}"


def bar_tooltip(bar: Bar, currency: Currency, baseline_name: str | None = None) -> str:
    """Everything a bar stands for, one fact a line."""
    lines = [
        bar.name,
        f"{STATUS_LOOKS[bar.status].mark} {bar.status.value.capitalize()} · "
        f"{months_span(bar.start_month, bar.end_month)}",
        f"Owner: {bar.owner or NO_OWNER}",
        f"Channel: {bar.channel}",
        f"Strike zone: {TIER_WORDS[bar.tier]}",
        f"Budget: {currency.format(bar.budget, cents=False)}",
        f"Revenue target: {currency.format(bar.revenue_target, cents=False)}",
        f"Attainment to date: {attainment_text(bar.attainment)}",
    ]
    if baseline_name is not None:
        if bar.baseline_start is None or bar.baseline_end is None:
            lines.append(f"In {baseline_name}: not there")
        else:
            lines.append(f"In {baseline_name}: {months_span(bar.baseline_start, bar.baseline_end)}")
    if bar.findings:
        lines.append("Findings:")
        lines += [f"• {title}" for title in bar.findings]
    return "\n".join(lines)
