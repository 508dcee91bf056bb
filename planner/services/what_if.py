"""What-if edits of a whole part of a plan at once: scale the budgets of a channel, an owner
or a segment by a percentage, and move budget from one initiative to others (the "true-up"
of money left unspent).

    result = plan.what_if.scale_budgets(Filter(channel_ids=[events]), "-30")
    moved = plan.what_if.move_budget(trade_show, [paid, seo], ALL_UNSPENT, analysis=analysis)

Each is one transaction and one change set (``plan.batch()``), and returns what it did with
the amounts it changed, before and after (:class:`Amounts`): :meth:`WhatIfService.put` writes
either back exactly, so an undo restores what the plan held and a redo the same result,
whatever the clock says by then. ``dry_run=True`` works the result out without writing it (a
dialog's "7 initiatives: $120k → $84k"). Only live initiatives take part: a dropped one is
not in the plan's budget (see :mod:`planner.analysis.headline`), so a what-if leaves it be.
Actuals are never touched: they happened.

**Budget and monthly spend.** An initiative's ``budget`` is what it may spend and its planned
monthly *spend* how that money is phased; the "spend over budget" check compares the two. A
what-if keeps them in step, so a plan that was consistent stays so, to the minor unit:

- Scaling multiplies the budget by ``1 + percent / 100``, rounded to the minor unit half to
  even (:func:`planner.money.scaled`), and apportions the scaled sum of each initiative's
  planned months over those months in proportion to what each held
  (:func:`planner.money.apportion`): months that added up to the budget still do. Every
  month is scaled, past ones too: a what-if restates the plan, as if made so from the start.
- Moving takes the amount off the source's budget and gives it to the recipients. The
  source's planned spend is then trimmed by what it plans beyond its new budget, in its open
  months only (after the actuals-through month: what is to date stays as planned, to compare
  with what was spent), and what was trimmed is phased into the recipients' open months in
  the proportions of the budget they got: in proportion to what each of those months plans,
  or evenly over the open months of their dates when they plan nothing there. The plan's
  planned spend stays the same, unless no recipient has an open month left to take it.

**Revenue targets follow the budgets when scaling** (``revenue_targets=True``, the default).
A target is what an initiative's money is expected to bring: cutting events by 30 % and
keeping their targets would claim the same revenue from less money, a what-if nobody
believes; raising a segment's budgets without their targets buys nothing on paper (and the
"target too small for its budget" check says so). Scaling both keeps each initiative's
return ratio, so the what-if shows what the cut costs or what the rise should bring. With
the targets go the other planned monthly values (leads, MQLs... revenue won: the target
phased into months), apportioned the same way, so the funnel checks read as before.
``revenue_targets=False`` is the other what-if, "the same results for less" (a cheaper
venue, a better rate). Moving budget never moves targets: a true-up moves money; what the
money should bring is the lead's call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from planner import months as month_math
from planner import validation as check
from planner.changes import Action, Entity
from planner.domain import Metric
from planner.errors import ValidationError
from planner.money import apportion, scaled
from planner.services.base import Service
from planner.services.values import Kind, ValueEntry

if TYPE_CHECKING:
    from planner.analysis import Analysis, Filter

# A what-if, not a new plan: at most a hundred and one times the budget.
MAX_PERCENT = 10_000
_AMOUNT_FIELDS = frozenset({"budget", "revenue_target"})


class Split(StrEnum):
    """How moved budget is shared among the initiatives it goes to."""

    EVENLY = "evenly"
    BY_BUDGET = "by_budget"  # in proportion to the budgets they have


class _Unspent(Enum):
    ALL = "all unspent"


ALL_UNSPENT = _Unspent.ALL
"""The amount of :meth:`WhatIfService.move_budget` that moves all the source has unspent."""

Cell = tuple[int, int, Metric, int | None]  # initiative, month, metric, planned value


@dataclass(frozen=True, slots=True)
class Amounts:
    """Budgets, revenue targets and planned monthly values of some initiatives, as a plan
    holds them (or is to): ``budgets`` are ``(initiative, budget, revenue target)``,
    ``cells`` planned values (``None``: not entered)."""

    budgets: tuple[tuple[int, int, int], ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Scaled:
    """What :meth:`WhatIfService.scale_budgets` did: the live initiatives scaled, with their
    total budget and revenue target before and after."""

    percent: Decimal
    revenue_targets: bool  # whether the revenue targets (and planned funnel) were scaled too
    initiative_ids: tuple[int, ...]
    budget_before: int
    budget_after: int
    target_before: int
    target_after: int
    before: Amounts
    after: Amounts


@dataclass(frozen=True, slots=True)
class Unspent:
    """An initiative's budget, its spend to date (``None``: none entered) and what is left."""

    initiative_id: int
    budget: int
    spent: int | None

    @property
    def amount(self) -> int:
        """The budget less the spend to date; never below zero (an overspent initiative
        has nothing left to move)."""
        return max(self.budget - (self.spent or 0), 0)


@dataclass(frozen=True, slots=True)
class Moved:
    """What :meth:`WhatIfService.move_budget` did: ``amount`` taken off the source's budget,
    ``shares`` (initiative, amount) given to the recipients, and ``spend_moved`` of planned
    monthly spend moved from the source's open months to theirs."""

    source_id: int
    amount: int
    shares: tuple[tuple[int, int], ...]
    spend_moved: int
    before: Amounts
    after: Amounts


class WhatIfService(Service):
    # -- scaling ---------------------------------------------------------------------------

    def scale_budgets(
        self,
        where: Filter,
        percent: object,
        *,
        revenue_targets: bool = True,
        dry_run: bool = False,
    ) -> Scaled:
        """Scale the budgets of the live initiatives ``where`` keeps (a channel, an owner, a
        segment: see :class:`~planner.analysis.Filter`) by ``percent`` ("-30", "+15%"), with
        their planned monthly spend, and their revenue targets and planned funnel unless
        ``revenue_targets`` is false (see the module's docstring for why and how).
        ``dry_run``: only say what it would do."""
        change = check.percent("percent", percent)
        if not -100 <= change <= MAX_PERCENT:
            raise ValidationError(
                "percent",
                "range",
                f"must be from -100% (nothing left) to +{MAX_PERCENT:,}%; a budget cannot go "
                "below zero",
            )
        if change == 0:
            raise ValidationError("percent", "zero", "0% changes nothing; type a cut or a rise")
        revenue_targets = check.flag("revenue_targets", revenue_targets)
        self._check_selection(where)
        condition, params = where.sql("x.id")
        live = f"SELECT x.id FROM initiatives x WHERE x.status != 'dropped' AND {condition}"
        rows = self._plan.read(
            f"SELECT id, name, budget, revenue_target FROM initiatives WHERE id IN ({live}) "
            "ORDER BY id",
            params,
        ).fetchall()
        if not rows:
            raise self._nothing_chosen(where)
        factor = 1 + Fraction(change) / 100
        names = {row[0]: row[1] for row in rows}
        before = [(i, budget, target) for i, _name, budget, target in rows]
        after = []
        for i, budget, target in before:
            new_budget = scaled(budget, factor)
            new_target = scaled(target, factor) if revenue_targets else target
            self._check_amount("budget", new_budget, names[i])
            self._check_amount("revenue_target", new_target, names[i])
            after.append((i, new_budget, new_target))
        metrics = list(Metric) if revenue_targets else [Metric.SPEND]
        old_cells = self._planned(f"IN ({live})", params, metrics)
        new_cells: list[Cell] = []
        for (i, metric), cells in _by_series(old_cells).items():
            held = [value or 0 for *_, value in cells]
            for (_, month, _, _), part in zip(
                cells, apportion(scaled(sum(held), factor), held), strict=True
            ):
                self._check_value(metric, part, names[i], month)
                new_cells.append((i, month, metric, part))
        result = Scaled(
            percent=change,
            revenue_targets=revenue_targets,
            initiative_ids=tuple(names),
            budget_before=sum(b for _, b, _ in before),
            budget_after=sum(b for _, b, _ in after),
            target_before=sum(t for _, _, t in before),
            target_after=sum(t for _, _, t in after),
            before=Amounts(tuple(before), tuple(old_cells)),
            after=Amounts(tuple(after), tuple(new_cells)),
        )
        if not dry_run:
            self.put(result.after)
        return result

    def _check_selection(self, where: Filter) -> None:
        """Refuse a channel, person or segment the plan does not have."""
        for channel_id in where.channel_ids:
            self._require("channels", "channel", channel_id, "channel")
        for person_id in where.owner_ids:
            if person_id is not None:
                self._require("people", "owner_id", person_id, "person")
        for segment_id in where.segment_ids:
            self._require("segments", "segment", segment_id, "segment")

    def _nothing_chosen(self, where: Filter) -> ValidationError:
        """The refusal of a selection that keeps no live initiative, naming what was chosen."""

        def names(table: str, ids: Iterable[int | None]) -> str:
            query = f"SELECT name FROM {table} WHERE id = ?"
            return ", ".join(
                "nobody" if i is None else self._plan.read(query, [i]).fetchone()[0] for i in ids
            )

        if where.channel_ids and not (where.owner_ids or where.segment_ids):
            field, words = "channel", f"is in {names('channels', where.channel_ids)}"
        elif where.owner_ids and not (where.channel_ids or where.segment_ids):
            field, words = "owner_id", f"is owned by {names('people', where.owner_ids)}"
        elif where.segment_ids and not (where.channel_ids or where.owner_ids):
            field, words = "segment", f"aims at {names('segments', where.segment_ids)}"
        else:
            field, words = "initiatives", "matches the choice"
        return ValidationError(
            field, "none", f"no live initiative {words} (dropped ones are left as they are)"
        )

    # -- moving ----------------------------------------------------------------------------

    def unspent(self, initiative_id: int, analysis: Analysis | None = None) -> Unspent:
        """The initiative's budget, its spend to date (as every figure to date counts it:
        :func:`planner.analysis.to_date_by_initiative`) and what is left of the budget.
        ``analysis``: the session's (the app's document has one); by default summed in SQL."""
        from planner.analysis import Analysis, to_date_by_initiative

        self._require("initiatives", "initiative", initiative_id, "initiative")
        budget = self._plan.read(
            "SELECT budget FROM initiatives WHERE id = ?", [initiative_id]
        ).fetchone()[0]
        totals = to_date_by_initiative(analysis or Analysis.in_sql(self._plan)).get(initiative_id)
        return Unspent(
            initiative_id, budget, None if totals is None else totals.actual[Metric.SPEND]
        )

    def move_budget(
        self,
        source_id: int,
        recipient_ids: Iterable[int],
        amount: int | str | Decimal | Literal[_Unspent.ALL],
        *,
        split: Split | str = Split.EVENLY,
        analysis: Analysis | None = None,
        dry_run: bool = False,
    ) -> Moved:
        """Move ``amount`` (minor units, text in major units, or :data:`ALL_UNSPENT`) of the
        budget of initiative ``source_id`` to the initiatives ``recipient_ids``, split evenly
        or in proportion to their budgets, with the planned spend it no longer covers (see
        the module's docstring). An amount above what the source has unspent is refused.
        ``analysis``: the session's, which says what is spent to date (by default summed in
        SQL); ``dry_run``: only say what it would do."""
        from planner.analysis import Analysis

        session = analysis or Analysis.in_sql(self._plan)
        source = self._require("initiatives", "source", source_id, "initiative")
        recipients = self._check_recipients(source_id, source, recipient_ids)
        how = check.choice("split", split, Split)
        left = self.unspent(source_id, session)
        moved = self._amount(amount, source, left)
        records = {
            row[0]: row[1:]
            for row in self._plan.read(
                "SELECT id, name, budget, revenue_target, start_month, end_month "
                f"FROM initiatives WHERE id IN ({', '.join('?' * (len(recipients) + 1))})",
                [source_id, *recipients],
            )
        }
        weights = (
            [1] * len(recipients) if how is Split.EVENLY else [records[t][1] for t in recipients]
        )
        if not any(weights):
            raise ValidationError(
                "split",
                "no_budgets",
                "none of the initiatives to move to has a budget to split in proportion to; "
                "split evenly instead",
            )
        shares = apportion(moved, weights)
        before = [(i, records[i][1], records[i][2]) for i in (source_id, *recipients)]
        after = [(source_id, left.budget - moved, records[source_id][2])]
        for recipient, share in zip(recipients, shares, strict=True):
            name, budget, revenue_target = records[recipient][:3]
            self._check_amount("budget", budget + share, name)
            after.append((recipient, budget + share, revenue_target))
        spend = _SpendMove(source_id, left.budget - moved, session.actuals_through())
        old, new, phased = self._move_spend(spend, recipients, shares, records)
        result = Moved(
            source_id=source_id,
            amount=moved,
            shares=tuple(zip(recipients, shares, strict=True)),
            spend_moved=phased,
            before=Amounts(tuple(before), old),
            after=Amounts(tuple(after), new),
        )
        if not dry_run:
            self.put(result.after)
        return result

    def _check_recipients(
        self, source_id: int, source: str, recipient_ids: Iterable[int]
    ) -> tuple[int, ...]:
        recipients = tuple(dict.fromkeys(recipient_ids))
        if not recipients:
            raise ValidationError(
                "recipients", "required", "choose at least one initiative to move the budget to"
            )
        for recipient in recipients:
            name = self._require("initiatives", "recipients", recipient, "initiative")
            if recipient == source_id:
                raise ValidationError(
                    "recipients", "same", f"{source!r} cannot move budget to itself"
                )
            (status,) = self._plan.read(
                "SELECT status FROM initiatives WHERE id = ?", [recipient]
            ).fetchone()
            if status == "dropped":
                raise ValidationError(
                    "recipients",
                    "dropped",
                    f"{name!r} is dropped; bring it back before moving budget to it",
                )
        return recipients

    def _amount(
        self, amount: int | str | Decimal | Literal[_Unspent.ALL], source: str, left: Unspent
    ) -> int:
        """The amount to move, in minor units; refused above what ``source`` has unspent."""
        money = self._plan.currency.format
        if left.spent is None:
            has = f"its budget of {money(left.budget)}, with nothing spent to date"
        else:
            has = f"its budget of {money(left.budget)} less {money(left.spent)} spent to date"
        if amount is ALL_UNSPENT:
            if left.amount == 0:
                raise ValidationError(
                    "amount", "nothing_unspent", f"{source!r} has nothing unspent ({has})"
                )
            return left.amount
        minor = check.amount("amount", amount, self._plan.currency)
        if minor == 0:
            raise ValidationError("amount", "zero", "must be above zero")
        if minor > left.amount:
            raise ValidationError(
                "amount",
                "more_than_unspent",
                f"{money(minor)} is more than {source!r} has unspent: {money(left.amount)} ({has})",
            )
        return minor

    def _move_spend(
        self,
        move: _SpendMove,
        recipients: Sequence[int],
        shares: Sequence[int],
        records: dict[int, tuple[str, int, int, int, int]],
    ) -> tuple[tuple[Cell, ...], tuple[Cell, ...], int]:
        """The planned spend cells a move changes, before and after, and how much spend it
        phased into the recipients: the source's open months trimmed to its new budget, what
        was trimmed phased into the recipients' open months."""
        ids = [move.source_id, *recipients]
        held = {
            (i, month): value
            for i, month, _, value in self._planned(
                f"IN ({', '.join('?' * len(ids))})", ids, [Metric.SPEND]
            )
        }
        after: dict[tuple[int, int], int | None] = {}
        source = [(m, v or 0) for (i, m), v in held.items() if i == move.source_id]
        open_cells = [(m, v) for m, v in source if move.is_open(m) and v]
        beyond = sum(v for _, v in source) - move.budget
        taken = min(max(beyond, 0), sum(v for _, v in open_cells))
        if taken:
            weights = [v for _, v in open_cells]
            kept = apportion(sum(weights) - taken, weights)
            after.update(
                {(move.source_id, m): k for (m, _), k in zip(open_cells, kept, strict=True)}
            )
        horizon = self._plan.horizon.months()
        open_months = {
            t: [m for m in horizon if move.is_open(m) and records[t][3] <= m <= records[t][4]]
            for t in recipients
        }
        able = [
            (t, share)
            for t, share in zip(recipients, shares, strict=True)
            if open_months[t] and share
        ]
        phased = taken if able else 0
        for (recipient, _), part in zip(able, apportion(phased, [s for _, s in able]), strict=True):
            planned = [held.get((recipient, m)) or 0 for m in open_months[recipient]]
            weights = planned if any(planned) else [1] * len(planned)
            for month, old, add in zip(
                open_months[recipient], planned, apportion(part, weights), strict=True
            ):
                if add:
                    after[(recipient, month)] = old + add
                    self._check_value(Metric.SPEND, old + add, records[recipient][0], month)
        changed = sorted(key for key, value in after.items() if held.get(key) != value)
        return (
            tuple((i, m, Metric.SPEND, held.get((i, m))) for i, m in changed),
            tuple((i, m, Metric.SPEND, after[(i, m)]) for i, m in changed),
            phased,
        )

    # -- writing ---------------------------------------------------------------------------

    def put(self, amounts: Amounts) -> None:
        """Write ``amounts`` (a result's ``before`` or ``after``) as one change set."""
        with self._plan.batch():
            if amounts.budgets:
                ids = {row[0] for row in amounts.budgets}
                with self._plan.edit(
                    Entity.INITIATIVES, Action.UPDATED, ids=ids, fields=_AMOUNT_FIELDS
                ) as edit:
                    written = edit.db.conn.executemany(
                        "UPDATE initiatives SET budget = ?, revenue_target = ? WHERE id = ?",
                        [(budget, target, i) for i, budget, target in amounts.budgets],
                    ).rowcount
                    if written != len(amounts.budgets):
                        raise ValidationError(
                            "initiative", "unknown", "an initiative of this what-if is gone"
                        )
                    self._refuse_totals_beyond_limit("initiatives", _AMOUNT_FIELDS)
            if amounts.cells:
                self._plan.values.set_many(
                    ValueEntry(i, month, metric, Kind.PLANNED, value)
                    for i, month, metric, value in amounts.cells
                )

    # -- reading and checking --------------------------------------------------------------

    def _planned(self, ids_sql: str, params: list[object], metrics: Sequence[Metric]) -> list[Cell]:
        """The planned values of ``metrics`` entered for the initiatives ``initiative_id
        {ids_sql}`` picks, by initiative, metric and month."""
        columns = ", ".join(m.planned_column for m in metrics)
        rows = self._plan.read(
            f"SELECT initiative_id, month, {columns} FROM monthly_values "
            f"WHERE initiative_id {ids_sql} ORDER BY initiative_id, month",
            params,
        ).fetchall()
        return [
            (row[0], row[1], metric, row[2 + n])
            for n, metric in enumerate(metrics)
            for row in rows
            if row[2 + n] is not None
        ]

    def _check_amount(self, field: str, value: int, name: str) -> None:
        try:
            check.amount(field, value, self._plan.currency)
        except ValidationError as error:
            raise ValidationError(field, error.rule, error.detail, row=repr(name)) from None

    def _check_value(self, metric: Metric, value: int, name: str, month: int) -> None:
        if value > check.MAX_NUMBER:
            field = f"planned {metric.title.lower()}"
            limit = (
                self._plan.currency.format(check.MAX_NUMBER, cents=False)
                if metric.is_money
                else f"{check.MAX_NUMBER:,}"
            )
            raise ValidationError(
                field,
                "too_large",
                f"must be at most {limit}",
                row=f"{name!r}, {month_math.label(month)}",
            )


def _by_series(cells: Iterable[Cell]) -> dict[tuple[int, Metric], list[Cell]]:
    """The cells grouped by initiative and metric, months in order."""
    series: dict[tuple[int, Metric], list[Cell]] = {}
    for cell in cells:
        series.setdefault((cell[0], cell[2]), []).append(cell)
    return series


@dataclass(frozen=True, slots=True)
class _SpendMove:
    """The source of a move, the budget it is left with, and the actuals-through month:
    the months after it are open (every month, before any actual)."""

    source_id: int
    budget: int
    through: int | None

    def is_open(self, month: int) -> bool:
        return self.through is None or month > self.through
