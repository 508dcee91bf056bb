"""The rules a plan file's content is read against when it is opened (see
:mod:`planner.storage.content`): each table the app keeps, its columns, their storage types,
and the rule each value must pass. The rules are the ones every edit goes through
(:mod:`planner.validation`, :mod:`planner.months`, :class:`~planner.money.Currency`, the
domain's enums), not a second copy of them; a version's tables take their working table's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planner import months as month_math
from planner import validation as check
from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.domain import STAGE_RATES, Stage, Status, Team, Tier, ValuesOnMove
from planner.errors import ValidationError
from planner.money import Currency
from planner.phasing.shapes import parse_profile, parse_stored_lags
from planner.versions import copying
from planner.versions.kinds import Kind

# How much of a text from the file a message quotes.
_SHOWN = 60


def shown(value: object) -> str:
    """Text from the file as a message quotes it: in quotes, cut short, every control or
    invisible character escaped, so the message stays one line."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return repr(text)


# -- rules, each the app's own --------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What is wrong with one value (``None``: nothing), and optionally a quick test of a
    whole column that is true when every value passes (the usual case, at C speed)."""

    problem: Callable[[str, Any], str | None]
    all_pass: Callable[[list[Any]], bool] | None = None


def validated(
    function: Callable[..., object],
    all_pass: Callable[[list[Any]], bool] | None = None,
    **options: object,
) -> Rule:
    """A rule from a validation function: what its ValidationError says, if it raises."""

    def problem(field: str, value: Any) -> str | None:
        try:
            function(field, value, **options)
        except ValidationError as error:
            return error.detail
        return None

    return Rule(problem, all_pass)


def one_of(choices: type[StrEnum] | tuple[int, ...]) -> Rule:
    allowed = frozenset(getattr(choice, "value", choice) for choice in choices)
    words = not_one_of([getattr(choice, "value", choice) for choice in choices])
    return Rule(lambda _field, value: None if value in allowed else words, allowed.issuperset)


def not_one_of(allowed: Sequence[object]) -> str:
    return "is not one of: " + ", ".join(
        shown(choice) if isinstance(choice, str) else str(choice) for choice in allowed
    )


def month_problem(_field: str, value: Any) -> str | None:
    try:
        month_math.parse_month(value)
    except ValueError as error:
        return f"is not a month ({error})"
    return None


def currency_problem(_field: str, value: Any) -> str | None:
    try:
        Currency(value)
    except ValueError:
        return "is not an ISO 4217 currency code, such as USD"
    return None


def between(low: int, high: int, words: str) -> Rule:
    return Rule(lambda _field, value: None if low <= value <= high else words)


def texts_pass(values: list[str]) -> bool:
    return max(map(len, values), default=0) <= check.MAX_TEXT and all(map(check.showable, values))


def numbers_pass(values: list[int]) -> bool:
    return min(values, default=0) >= 0 and max(values, default=0) <= check.MAX_NUMBER


def money_rule(currency: Currency) -> Rule:
    return validated(check.amount, numbers_pass, currency=currency)


NAME = validated(check.name)
TEXT = validated(check.text, texts_pass)
RATE = validated(check.rate)


def rates_pass(values: list[float]) -> bool:
    return all(0 < value <= 1 for value in values)


COUNT = validated(check.count, numbers_pass)
MQLS = validated(check.count, highest=MAX_MQLS_PER_MONTH)
AGREED_HOURS = validated(check.positive_number, allow_zero=False, highest=MAX_FOLLOWUP_HOURS)
HOURS = validated(check.positive_number, highest=MAX_FOLLOWUP_HOURS)
RATIO = validated(check.positive_number, highest=MAX_RETURN_RATIO)
FLAG = one_of((0, 1))
MONTH = Rule(month_problem, lambda values: all(month_problem("", v) is None for v in set(values)))


@dataclass(frozen=True)
class Column:
    name: str
    storage: str  # "integer", "real" or "text", as the app's STRICT table declares it
    rule: Rule | None = None
    nullable: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    noun: str  # one row, as a message names it
    columns: tuple[Column, ...]
    single: bool = False  # exactly one row, id 1 (in a version's table: one for each version)
    named: bool = False  # a name unique by its name_key (in a version's table: in the version)
    versioned: bool = False  # a version's copy of a working table: version_id comes first


# A channel's or an initiative's override of a stage rate, NULL where it has none.
OVERRIDES = tuple(
    Column(rate, "real", validated(check.rate, rates_pass), nullable=True) for rate in STAGE_RATES
)


def id_column() -> Column:
    return Column("id", "integer")


def settings_table() -> Table:
    return Table(
        "plan_settings",
        "plan settings",
        (
            id_column(),
            Column("name", "text", NAME),
            Column("company", "text", TEXT),
            Column("currency", "text", Rule(currency_problem)),
            Column(
                "fiscal_year_start",
                "integer",
                between(1, 12, "must be a month number from 1 to 12"),
            ),
            Column("horizon_first", "integer", MONTH),
            Column(
                "horizon_months",
                "integer",
                between(
                    1,
                    month_math.MAX_HORIZON_MONTHS,
                    f"the horizon must be 1 to {month_math.MAX_HORIZON_MONTHS} months",
                ),
            ),
            Column("stage", "text", one_of(Stage)),
            Column("values_on_move", "text", one_of(ValuesOnMove), nullable=True),
            Column("gross_margin", "real", RATE, nullable=True),
            Column("seasonal_profile", "text", validated(parse_profile), nullable=True),
            Column("stage_lags", "text", validated(parse_stored_lags), nullable=True),
        ),
        single=True,
    )


def plan_tables(currency: Currency) -> tuple[Table, ...]:
    """The small tables after the settings, in the order they are read (the initiatives
    before the tables that refer to them, so a message can name an initiative)."""
    money = money_rule(currency)
    deal_size = Rule(
        lambda field, value: (
            money.problem(field, value) or (None if value > 0 else "must be above zero")
        )
    )
    return (
        Table(
            "funnel_assumptions",
            "funnel assumptions",
            (
                id_column(),
                *(
                    Column(rate, "real", RATE)
                    for rate in (
                        "lead_to_mql",
                        "mql_to_sal",
                        "sal_to_sql",
                        "sql_to_opportunity",
                        "opportunity_to_won",
                    )
                ),
                Column("average_deal_size", "integer", deal_size),
                Column("min_return_ratio", "real", RATIO),
            ),
            single=True,
        ),
        Table(
            "handoff_agreement",
            "hand-off agreement",
            (
                id_column(),
                Column("mqls_per_month", "integer", MQLS),
                Column("acceptance_rate", "real", RATE),
                Column("followup_hours", "real", AGREED_HOURS),
                Column("quality_bar", "text", TEXT),
            ),
            single=True,
        ),
        Table(
            "people",
            "person",
            (
                id_column(),
                Column("name", "text", NAME),
                Column("name_key", "text"),
                Column("team", "text", one_of(Team)),
                Column("title", "text", TEXT),
                Column("email", "text", TEXT),
                Column("active", "integer", FLAG),
            ),
            named=True,
        ),
        Table(
            "segments",
            "segment",
            (
                id_column(),
                Column("name", "text", NAME),
                Column("name_key", "text"),
                Column("tier", "text", one_of(Tier)),
                Column("notes", "text", TEXT),
            ),
            named=True,
        ),
        Table(
            "channels",
            "channel",
            (
                id_column(),
                Column("name", "text", NAME),
                Column("name_key", "text"),
                Column("position", "integer"),
                Column("retired", "integer", FLAG),
                *OVERRIDES,
            ),
            named=True,
        ),
        Table(
            "initiatives",
            "initiative",
            (
                id_column(),
                Column("name", "text", NAME),
                Column("name_key", "text"),
                Column("channel_id", "integer"),
                Column("status", "text", one_of(Status)),
                Column("start_month", "integer", MONTH),
                Column("end_month", "integer", MONTH),
                Column("budget", "integer", money),
                Column("revenue_target", "integer", money),
                *(
                    Column(story, "text", TEXT)
                    for story in ("problem", "so_what", "why_us", "notes")
                ),
                *OVERRIDES,
            ),
            named=True,
        ),
        Table(
            "handoff_months",
            "follow-up hours",
            (
                Column("month", "integer"),
                Column("followup_hours", "real", HOURS, nullable=True),
            ),
        ),
        Table(
            "import_mappings",
            "saved CSV mapping",
            (Column("header_key", "text"), Column("mapping", "text")),
        ),
    )


def versions_table() -> Table:
    """The list of versions. Its texts are labels every surface shows escaped (a name the app
    would refuse, written by another tool, is shown as written); its kind and lock decide
    what may change a version, so they must be the app's."""
    return Table(
        "plan_versions",
        "version",
        (
            id_column(),
            Column("name", "text"),
            Column("name_key", "text"),
            Column("kind", "text", one_of(Kind)),
            Column("locked", "integer", FLAG),
            Column("saved_at", "text"),
            Column("saved_from", "text"),
        ),
    )


def version_tables(tables: tuple[Table, ...]) -> tuple[Table, ...]:
    """The tables a version copies whole (:data:`planner.versions.copying.PARTS`), as a
    version holds them: the working table's columns and rules, after the version's id. A
    version's segments, roles and values are checked set-based, as the working plan's are."""
    working = {table.name: table for table in tables}
    return tuple(
        Table(
            part.version_table,
            working[part.working_table].noun,
            (
                Column("version_id", "integer"),
                *(c for c in working[part.working_table].columns if c.name in part.columns),
            ),
            single=part.single,
            named=working[part.working_table].named,
            versioned=True,
        )
        for part in copying.PARTS
        if part.working_table in working
    )
