"""Plan settings, funnel assumptions and the hand-off agreement (single-row records)."""

from __future__ import annotations

from typing import Any

from planner import months as month_math
from planner import validation as check
from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.changes import Action, Change, Entity
from planner.domain import (
    FunnelAssumptions,
    HandoffAgreement,
    PlanSettings,
    Stage,
    ValuesOnMove,
)
from planner.errors import ValidationError
from planner.money import Currency
from planner.months import Horizon
from planner.services.base import Service, reject_unknown_fields, some_names

_SETTINGS_FIELDS = frozenset(
    {
        "name",
        "company",
        "currency",
        "fiscal_year_start",
        "first_month",
        "months",
        "stage",
        "values_on_move",
        "gross_margin",
    }
)
_FUNNEL_FIELDS = frozenset(FunnelAssumptions.__slots__)
_HANDOFF_FIELDS = frozenset(HandoffAgreement.__slots__)


class SettingsService(Service):
    def get(self) -> PlanSettings:
        row = self._plan.read(
            "SELECT name, company, currency, fiscal_year_start, horizon_first, horizon_months, "
            "stage, values_on_move, gross_margin FROM plan_settings WHERE id = 1"
        ).fetchone()
        return PlanSettings(
            name=row[0],
            company=row[1],
            currency=row[2],
            fiscal_year_start=row[3],
            horizon=Horizon(row[4], row[5]),
            stage=Stage(row[6]),
            values_on_move=None if row[7] is None else ValuesOnMove(row[7]),
            gross_margin=row[8],
        )

    def update(self, **fields: Any) -> Change:
        """Change any of: name, company, currency, fiscal_year_start, first_month, months,
        stage, values_on_move (what a move on the Timeline does to planned values),
        gross_margin (a fraction above 0 and at most 1, or text like ``"70%"``; ``None`` or
        empty text: not stated).

        Changing the currency relabels amounts; it does not convert them. The horizon cannot
        shrink past months that hold values (clear those first: nothing is dropped silently).
        """
        reject_unknown_fields(fields, _SETTINGS_FIELDS)
        current = self.get()
        row: dict[str, Any] = {}
        if "name" in fields:
            row["name"] = check.name("name", fields["name"])
        if "company" in fields:
            row["company"] = check.text("company", fields["company"], single_line=True)
        if "currency" in fields:
            try:
                row["currency"] = Currency(str(fields["currency"]).strip().upper()).code
            except ValueError as error:
                raise ValidationError("currency", "format", str(error)) from None
        if "fiscal_year_start" in fields:
            start = check.count("fiscal_year_start", fields["fiscal_year_start"])
            if not 1 <= start <= 12:
                raise ValidationError(
                    "fiscal_year_start", "range", "must be a month number from 1 to 12"
                )
            row["fiscal_year_start"] = start
        if "stage" in fields:
            row["stage"] = check.choice("stage", fields["stage"], Stage).value
        if "values_on_move" in fields:
            chosen = fields["values_on_move"]  # None: not chosen (an undo of the first choice)
            row["values_on_move"] = (
                None
                if chosen is None
                else check.choice("values_on_move", chosen, ValuesOnMove).value
            )
        if "gross_margin" in fields:
            margin = fields["gross_margin"]
            row["gross_margin"] = (
                None if margin is None or margin == "" else check.rate("gross_margin", margin)
            )
        first = current.horizon.first
        count = current.horizon.count
        if "first_month" in fields:
            first = check.month("first_month", fields["first_month"])
            row["horizon_first"] = first
        if "months" in fields:
            count = check.count("months", fields["months"])
            if not 1 <= count <= month_math.MAX_HORIZON_MONTHS:
                raise ValidationError(
                    "months",
                    "range",
                    f"the horizon must be 1 to {month_math.MAX_HORIZON_MONTHS} months",
                )
            row["horizon_months"] = count
        with self._plan.edit(Entity.SETTINGS, Action.UPDATED, fields=fields) as edit:
            if "horizon_first" in row or "horizon_months" in row:
                self._refuse_values_outside(Horizon(first, count))
            if row:
                edit.db["plan_settings"].update(1, row)
            self._plan._forget_cached_settings()
        return edit.change

    def _refuse_values_outside(self, horizon: Horizon) -> None:
        outside = self._plan.read(
            "SELECT count(DISTINCT initiative_id), min(month), max(month) FROM monthly_values "
            "WHERE month < ? OR month > ?",
            [horizon.first, horizon.last],
        ).fetchone()
        followups = self._plan.read(
            "SELECT count(*) FROM handoff_months WHERE month < ? OR month > ?",
            [horizon.first, horizon.last],
        ).fetchone()[0]
        versions = [
            row[0]
            for row in self._plan.read(
                "SELECT DISTINCT p.name FROM version_values v JOIN plan_versions p "
                "ON p.id = v.version_id WHERE v.month < ? OR v.month > ? ORDER BY p.id",
                [horizon.first, horizon.last],
            )
        ]
        if versions:
            # A version shares the plan's horizon: its values must stay inside it too.
            raise ValidationError(
                "horizon",
                "values_outside",
                f"{horizon.describe()} leaves out months that the "
                f"{'version' if len(versions) == 1 else 'versions'} "
                f"{some_names([repr(name) for name in versions])} "
                f"{'plans' if len(versions) == 1 else 'plan'} in; delete "
                f"{'it' if len(versions) == 1 else 'them'} or keep the horizon",
            )
        if outside[0] or followups:
            held = []
            if outside[0]:
                held.append(
                    f"values of {outside[0]} initiative(s) (from {month_math.label(outside[1])} "
                    f"to {month_math.label(outside[2])})"
                )
            if followups:
                held.append(f"follow-up hours of {followups} month(s)")
            raise ValidationError(
                "horizon",
                "values_outside",
                f"{horizon.describe()} leaves out months that hold {' and '.join(held)}; "
                "clear those first",
            )


class FunnelService(Service):
    def get(self) -> FunnelAssumptions:
        row = self._plan.read(
            f"SELECT {', '.join(FunnelAssumptions.__slots__)} FROM funnel_assumptions WHERE id = 1"
        ).fetchone()
        return FunnelAssumptions(*row)

    def update(self, **fields: Any) -> Change:
        """Change stage conversion rates (fractions, or text like ``"15%"``), the average deal
        size (minor units, or text in major units) or the minimum return ratio."""
        reject_unknown_fields(fields, _FUNNEL_FIELDS)
        row: dict[str, Any] = {}
        for field, value in fields.items():
            if field == "average_deal_size":
                size = check.amount(field, value, self._plan.currency)
                if size == 0:
                    raise ValidationError(field, "range", "must be above zero")
                row[field] = size
            elif field == "min_return_ratio":
                row[field] = check.positive_number(field, value, highest=MAX_RETURN_RATIO)
            else:
                row[field] = check.rate(field, value)
        with self._plan.edit(Entity.ASSUMPTIONS, Action.UPDATED, fields=fields) as edit:
            if row:
                edit.db["funnel_assumptions"].update(1, row)
        return edit.change


class HandoffService(Service):
    def get(self) -> HandoffAgreement:
        row = self._plan.read(
            f"SELECT {', '.join(HandoffAgreement.__slots__)} FROM handoff_agreement WHERE id = 1"
        ).fetchone()
        return HandoffAgreement(*row)

    def update(self, **fields: Any) -> Change:
        """Change the agreement: mqls_per_month, acceptance_rate, followup_hours, quality_bar."""
        reject_unknown_fields(fields, _HANDOFF_FIELDS)
        row: dict[str, Any] = {}
        for field, value in fields.items():
            if field == "mqls_per_month":
                row[field] = check.count(field, value, highest=MAX_MQLS_PER_MONTH)
            elif field == "acceptance_rate":
                row[field] = check.rate(field, value)
            elif field == "followup_hours":
                row[field] = check.positive_number(
                    field, value, allow_zero=False, highest=MAX_FOLLOWUP_HOURS
                )
            else:
                row[field] = check.text(field, value)
        with self._plan.edit(Entity.HANDOFF, Action.UPDATED, fields=fields) as edit:
            if row:
                edit.db["handoff_agreement"].update(1, row)
        return edit.change

    def followup_hours(self) -> dict[int, float]:
        """Actual median follow-up hours by month, for the months that have one."""
        rows = self._plan.read("SELECT month, followup_hours FROM handoff_months ORDER BY month")
        return {month: hours for month, hours in rows if hours is not None}

    def set_followup_hours(self, month: object, hours: object) -> Change:
        """Record how fast sales followed up in ``month`` (``None`` clears it)."""
        when = check.month_in("month", month, self._plan.horizon)
        value = (
            None
            if hours is None or hours == ""
            else check.positive_number("followup_hours", hours, highest=MAX_FOLLOWUP_HOURS)
        )
        with self._plan.edit(
            Entity.HANDOFF, Action.UPDATED, fields={"followup_hours"}, months={when}
        ) as edit:
            if value is None:
                edit.db.execute("DELETE FROM handoff_months WHERE month = ?", [when])
            else:
                edit.db.execute(
                    "INSERT INTO handoff_months (month, followup_hours) VALUES (?, ?) "
                    "ON CONFLICT (month) DO UPDATE SET followup_hours = excluded.followup_hours",
                    [when, value],
                )
        return edit.change
