"""The shapes a target is phased in, the seasonal profile and the stage lags, and the rules
their values must pass (an edit's and a plan file's alike: see
:mod:`planner.storage.content_rules`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner import validation as check
from planner.domain import STAGE_RATES, Metric
from planner.errors import ValidationError

MONTHS_IN_YEAR = 12
# A weight is relative; a thousand steps are finer than any lead's sense of a season.
MAX_WEIGHT = 1000
# Two years from one stage to the next is beyond any B2B sales cycle.
MAX_LAG = 24
EVEN_PROFILE: tuple[int, ...] = (100,) * MONTHS_IN_YEAR


class Shape(StrEnum):
    """How a total is shared among an initiative's active months."""

    EVEN = "even"
    FRONT = "front"
    BACK = "back"
    SEASONAL = "seasonal"
    LAST_YEAR = "last-year"

    @property
    def title(self) -> str:
        return _SHAPE_TITLES[self]


_SHAPE_TITLES = {
    Shape.EVEN: "Even",
    Shape.FRONT: "Front-loaded",
    Shape.BACK: "Back-loaded",
    Shape.SEASONAL: "Seasonal profile",
    Shape.LAST_YEAR: "Last year",
}


class Part(StrEnum):
    """What of an initiative is phased."""

    REVENUE = "revenue"
    FUNNEL = "funnel"
    SPEND = "spend"


@dataclass(frozen=True, slots=True)
class StageLags:
    """Whole months from each stage to the next, named by the stage rate between them."""

    lead_to_mql: int = 0
    mql_to_sal: int = 0
    sal_to_sql: int = 0
    sql_to_opportunity: int = 0
    opportunity_to_won: int = 0

    @classmethod
    def every(cls, months: int) -> StageLags:
        return cls(*(months,) * len(STAGE_RATES))

    def as_tuple(self) -> tuple[int, ...]:
        return tuple(getattr(self, rate) for rate in STAGE_RATES)

    def offset(self, metric: Metric) -> int:
        """How many months before revenue won ``metric`` lands (spend: none)."""
        return sum(self.as_tuple()[_FIRST_LAG[metric] :]) if metric in _FIRST_LAG else 0

    @property
    def longest(self) -> int:
        return sum(self.as_tuple())


# For each funnel metric, the first lag between it and revenue won (in STAGE_RATES order).
_FIRST_LAG = {
    Metric.LEADS: 0,
    Metric.MQL: 1,
    Metric.SAL: 2,
    Metric.SQL: 3,
    Metric.OPPORTUNITIES: 4,
    Metric.PIPELINE: 4,
    Metric.DEALS_WON: 5,
    Metric.REVENUE_WON: 5,
}


def _whole(field: str, value: object, highest: int) -> int:
    if isinstance(value, str):
        value = value.strip()
    number = check.count(field, value)
    if number > highest:
        raise ValidationError(field, "range", f"must be from 0 to {highest:,}")
    return number


def _items(value: object) -> list[object]:
    if isinstance(value, str):
        return [part for part in value.replace(";", ",").split(",")]
    if isinstance(value, Sequence):
        return list(value)
    raise ValidationError("value", "type", "must be a list")


def parse_profile(field: str, value: object) -> tuple[int, ...]:
    """A seasonal profile: 12 whole weights from 0 to :data:`MAX_WEIGHT`, January first,
    at least one above 0; text ("8,8,10,...") or a sequence."""
    try:
        items = _items(value)
    except ValidationError:
        raise ValidationError(field, "type", "must be 12 weights, January first") from None
    if len(items) != MONTHS_IN_YEAR:
        raise ValidationError(
            field, "count", f"must be 12 weights, January first, not {len(items)}"
        )
    weights = tuple(_whole(field, item, MAX_WEIGHT) for item in items)
    if not any(weights):
        raise ValidationError(field, "zero", "needs at least one month above 0")
    return weights


def profile_text(profile: Sequence[int]) -> str:
    return ",".join(str(weight) for weight in profile)


def parse_lags(field: str, value: object) -> StageLags:
    """Stage lags from a :class:`StageLags`, one whole number of months for every stage, a
    mapping of stage-rate names to months (the rest 0), or text or a sequence of five numbers
    in funnel order ("0,1,1,0,1")."""
    if isinstance(value, StageLags):
        value = value.as_tuple()
    if isinstance(value, Mapping):
        unknown = sorted(set(map(str, value)) - set(STAGE_RATES))
        if unknown:
            raise ValidationError(
                field,
                "unknown_stage",
                f"{unknown[0]!r} is not a stage; one of: {', '.join(STAGE_RATES)}",
            )
        return StageLags(
            **{str(rate): _whole(str(rate), months, MAX_LAG) for rate, months in value.items()}
        )
    if isinstance(value, int) or (isinstance(value, str) and "," not in value):
        return StageLags.every(_whole(field, value, MAX_LAG))
    try:
        items = _items(value)
    except ValidationError:
        raise ValidationError(field, "type", "must be months between stages") from None
    if len(items) != len(STAGE_RATES):
        raise ValidationError(
            field,
            "count",
            f"must be {len(STAGE_RATES)} numbers of months ({', '.join(STAGE_RATES)}), "
            f"not {len(items)}",
        )
    return StageLags(
        *(_whole(rate, item, MAX_LAG) for rate, item in zip(STAGE_RATES, items, strict=True))
    )


def parse_stored_lags(field: str, value: object) -> StageLags:
    """Stage lags as a plan file keeps them: text of five numbers in funnel order."""
    if not isinstance(value, str) or value.count(",") != len(STAGE_RATES) - 1:
        raise ValidationError(
            field, "format", f"must be {len(STAGE_RATES)} numbers of months, separated by commas"
        )
    return parse_lags(field, value)


def lags_text(lags: StageLags) -> str:
    return ",".join(str(months) for months in lags.as_tuple())


def replace_lag(lags: StageLags, rate: str, months: int) -> StageLags:
    return dataclasses.replace(lags, **{rate: months})


def shape_weights(
    shape: Shape,
    months: Sequence[int],
    *,
    profile: Sequence[int] = EVEN_PROFILE,
    history: Mapping[int, int] | None = None,
) -> list[int]:
    """Each month's weight under ``shape``. ``history`` (last year's shape) gives each month
    what it holds (0 where nothing); the caller falls back when it gives no month any."""
    count = len(months)
    if shape is Shape.FRONT:
        return list(range(count, 0, -1))
    if shape is Shape.BACK:
        return list(range(1, count + 1))
    if shape is Shape.SEASONAL:
        return [profile[month % 100 - 1] for month in months]
    if shape is Shape.LAST_YEAR:
        known = history or {}
        return [max(known.get(month, 0), 0) for month in months]
    return [1] * count
