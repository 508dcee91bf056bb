"""What every service shares: its plan, and lookups that name the record in messages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner import validation as check
from planner.domain import STAGE_RATES, Metric, RateOverrides
from planner.errors import ValidationError

if TYPE_CHECKING:
    from planner.plan import Plan


class Service:
    def __init__(self, plan: Plan) -> None:
        self._plan = plan

    def _require(self, table: str, field: str, record_id: object, what: str) -> str:
        """The name of record ``record_id`` in ``table``; a ValidationError if there is none."""
        if isinstance(record_id, bool) or not isinstance(record_id, int):
            raise ValidationError(field, "type", f"must be the id of a {what}")
        row = self._plan.read(f"SELECT name FROM {table} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise ValidationError(field, "unknown", f"there is no {what} with id {record_id}")
        return row[0]

    def _claim_name(
        self,
        table: str,
        row: dict[str, object],
        what: str,
        *,
        except_id: int | None = None,
        field: str = "name",
    ) -> None:
        """Refuse ``row["name"]`` if another record in ``table`` has it in any letter case,
        and give ``row`` the ``name_key`` the database keeps unique.

        SQLite's NOCASE folds ASCII letters only ("Émile" and "émile" would both pass), so the
        file stores a Unicode case-folded key beside each name, with a unique index on it.
        """
        key = check.name_key(str(row["name"]))
        clash = self._plan.read(
            f"SELECT name FROM {table} WHERE name_key = ? AND id IS NOT ?", [key, except_id]
        ).fetchone()
        if clash is not None:
            raise ValidationError(
                field, "duplicate", f"there is already a {what} named {clash[0]!r}"
            )
        row["name_key"] = key

    def _overrides(self, table: str, record_id: int) -> RateOverrides:
        """The stage-rate overrides of row ``record_id`` of ``table`` (channels, initiatives)."""
        row = self._plan.read(
            f"SELECT {', '.join(STAGE_RATES)} FROM {table} WHERE id = ?", [record_id]
        ).fetchone()
        return RateOverrides(*row)

    def _refuse_totals_beyond_limit(self, table: str, columns: Iterable[str]) -> None:
        """Refuse an edit that takes the plan's total of any of ``columns`` (money or counts of
        ``table``) beyond :data:`~planner.validation.MAX_TOTAL`, so every sum of the plan stays
        within 64-bit integers (and the plan opens again: the content check refuses such a
        plan). Called inside the edit's transaction after its writes, which a refusal undoes."""
        chosen = sorted(set(columns))
        if not chosen:
            return
        totals = self._plan.read(
            f"SELECT {', '.join(f'total({column})' for column in chosen)} FROM {table}"
        ).fetchone()
        for column, total in zip(chosen, totals, strict=True):
            if total > check.MAX_TOTAL:
                field, money = column, True  # budget, revenue_target
                if table == "monthly_values":
                    name, kind = column.rsplit("_", 1)
                    metric = Metric(name)
                    field = f"{'planned' if kind == 'plan' else 'actual'} {metric.title.lower()}"
                    money = metric.is_money
                limit = self._plan.currency.format(check.MAX_TOTAL) if money else None
                raise ValidationError(
                    field,
                    "total_too_large",
                    f"the plan's total would be beyond {limit or f'{check.MAX_TOTAL:,}'}, "
                    "the most a plan can add up",
                )


def some_names(names: list[str], most: int = 3) -> str:
    """The first ``most`` names, and how many more: "A, B, C and 2 more"."""
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def reject_unknown_fields(given: dict[str, object], allowed: frozenset[str]) -> None:
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise ValidationError(unknown[0], "unknown_field", "is not a field that can be edited here")


def clean_overrides(fields: dict[str, object]) -> dict[str, float | None]:
    """Stage-rate overrides as typed: each a fraction above 0 and at most 1 (or text like
    ``"45%"``), ``None`` or empty text to stop overriding it; a ValidationError naming the
    field otherwise."""
    reject_unknown_fields(fields, frozenset(STAGE_RATES))
    return {
        field: None if value is None or value == "" else check.rate(field, value)
        for field, value in fields.items()
    }
