"""The undoable what-if edits of the Initiatives page: scale the budgets of a channel, an owner
or a segment, and move budget from one initiative to others, each one step on the undo stack.

The core works each out once and hands back the exact amounts before and after; undo puts
back the first and redo the second, so a redo gives the same cents even when the clock has
moved on (what is "spent to date" depends on the month). Commands call the core only and are
tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner import Plan
from planner.analysis import Analysis, Filter
from planner.services.base import some_names
from planner.services.what_if import ALL_UNSPENT, Amounts, Moved, Scaled, Split
from ui.commands import PlanCommand

from .edits import short


@dataclass(frozen=True, slots=True)
class ScaleRequest:
    """What the "Scale budgets" dialog asks for; ``chosen`` names the initiatives for
    people ("Event initiatives", "initiatives owned by Ann Lee")."""

    where: Filter
    chosen: str
    percent: Decimal
    revenue_targets: bool = True


@dataclass(frozen=True, slots=True)
class MoveRequest:
    """What the "Move budget" dialog asks for: ``amount`` in minor units, or the text typed
    when it is not an amount (for the core to refuse, naming the field), or None to move
    all that is unspent."""

    source_id: int
    recipient_ids: tuple[int, ...]
    amount: int | str | None
    split: Split = Split.EVENLY


def percent_text(percent: Decimal) -> str:
    """ "-30%", "+15%", "+12.5%": signed, no trailing zeros."""
    text = f"{percent:+f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def scale(plan: Plan, request: ScaleRequest, *, dry_run: bool = False) -> Scaled:
    """Scale as the request says (or, ``dry_run``, only say what it would do: the core
    refuses just as it would when done)."""
    return plan.what_if.scale_budgets(
        request.where, request.percent, revenue_targets=request.revenue_targets, dry_run=dry_run
    )


def move(plan: Plan, analysis: Analysis, request: MoveRequest, *, dry_run: bool = False) -> Moved:
    """Move budget as the request says (or, ``dry_run``, only say what it would do)."""
    return plan.what_if.move_budget(
        request.source_id,
        request.recipient_ids,
        ALL_UNSPENT if request.amount is None else request.amount,
        split=request.split,
        analysis=analysis,
        dry_run=dry_run,
    )


def counted(count: int, chosen: str) -> str:
    """ "7 Event initiatives", "1 Event initiative"."""
    return f"{count} {chosen if count != 1 else chosen.replace('initiatives', 'initiative', 1)}"


def scaled_summary(plan: Plan, result: Scaled, chosen: str) -> str:
    """ "7 Event initiatives: budgets $120k → $84k, revenue targets $1.2M → $840k"."""
    money = plan.currency.format_short
    text = (
        f"{counted(len(result.initiative_ids), chosen)}: budgets "
        f"{money(result.budget_before)} → {money(result.budget_after)}"
    )
    if result.revenue_targets:
        text += f", revenue targets {money(result.target_before)} → {money(result.target_after)}"
    return text


def moved_summary(plan: Plan, result: Moved) -> str:
    """ "Webinar series (+$3,422.50) and Search ads (+$3,422.50); $6,172.50 of planned spend
    goes with it": who gets what."""
    money = plan.currency.format
    names = {i.id: i.name for i in plan.initiatives.list()}
    shares = [f"{names.get(i, '?')} (+{money(share)})" for i, share in result.shares]
    text = some_names(shares) if len(shares) > 3 else _and(shares)
    if result.spend_moved:
        text += f"; {money(result.spend_moved)} of planned spend goes with it"
    return text


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


class WhatIf(PlanCommand):
    """A what-if done once through the core; undo writes back the amounts it changed, redo
    the amounts it made."""

    def __init__(
        self,
        text: str,
        plan: Plan,
        run: Callable[[], Scaled | Moved],
        announce: Callable[[Scaled | Moved], str],
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._run = run
        self._announce = announce
        self.result: Scaled | Moved | None = None

    def _amounts(self) -> tuple[Amounts, Amounts]:
        assert self.result is not None
        return self.result.before, self.result.after

    def do(self) -> None:
        if self.result is None:
            self.result = self._run()
        else:
            self._plan.what_if.put(self._amounts()[1])

    def revert(self) -> None:
        self._plan.what_if.put(self._amounts()[0])

    def announcement(self) -> str | None:
        return None if self.result is None else self._announce(self.result)


def scale_budgets(plan: Plan, request: ScaleRequest) -> WhatIf:
    """Scale the budgets the request chooses; announced as "Scaled 7 Event initiatives by
    -30% ($120k → $84k)"."""
    percent = percent_text(request.percent)
    money = plan.currency.format_short

    def announce(result: Scaled | Moved) -> str:
        assert isinstance(result, Scaled)
        text = (
            f"Scaled {counted(len(result.initiative_ids), request.chosen)} by {percent} "
            f"({money(result.budget_before)} → {money(result.budget_after)})"
        )
        return text + (", revenue targets too" if result.revenue_targets else "")

    return WhatIf(
        f"scale budgets of {short(request.chosen, 40)} by {percent}",
        plan,
        lambda: scale(plan, request),
        announce,
    )


def move_budget(plan: Plan, analysis: Analysis, request: MoveRequest) -> WhatIf:
    """Move budget as the request says; announced as "Moved $6,845.00 from Summit to
    Webinar series (+$3,422.50) and ..."."""
    source = plan.initiatives.get(request.source_id).name

    def announce(result: Scaled | Moved) -> str:
        assert isinstance(result, Moved)
        amount = plan.currency.format(result.amount)
        return f"Moved {amount} from {source} to {moved_summary(plan, result)}"

    return WhatIf(
        f"move budget from {short(source)}",
        plan,
        lambda: move(plan, analysis, request),
        announce,
    )
