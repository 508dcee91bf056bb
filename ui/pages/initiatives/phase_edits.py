"""Phase Targets as one undoable step, and the rows of its preview.

The core works the phasing out once and hands back the planned values it replaces and
writes (:class:`planner.services.phasing.Phased`); undo puts back the first, redo the
second. Tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner import Plan
from planner.domain import Metric
from planner.months import label
from planner.phasing import Part, Shape, StageLags
from planner.services.phasing import NO_LAGS, Gathered, Phased, compute
from ui.commands import PlanCommand

EMPTY = "—"


@dataclass(frozen=True, slots=True)
class PhaseRequest:
    """What the Phase Targets dialog asks for. ``ids``: the initiatives (``None``: the whole
    plan); ``chosen`` names them for people ("3 selected initiatives", "the whole plan");
    ``last_year``: the version last year is read from, or last year's plan file (``None``:
    the newest baseline)."""

    ids: tuple[int, ...] | None
    chosen: str
    shape: Shape = Shape.EVEN
    lags: StageLags = NO_LAGS
    profile: tuple[int, ...] | None = None
    parts: tuple[Part, ...] = tuple(Part)
    overwrite_actuals: bool = False
    last_year: int | Path | None = None


def preview(gathered: Gathered, request: PhaseRequest) -> Phased:
    """What phasing as asked would do, worked out from what was gathered (no plan is read:
    it runs in a worker for a big plan)."""
    return compute(
        gathered,
        shape=request.shape,
        lags=request.lags,
        profile=request.profile,
        parts=request.parts,
        overwrite_actuals=request.overwrite_actuals,
    )


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One line of the preview: an initiative phased (or skipped, with why in ``notes``)."""

    id: int
    name: str
    months: str
    target: str
    revenue: str
    leads: str
    spend: str
    notes: str
    skipped: bool = False


def preview_rows(plan: Plan, phased: Phased) -> list[PreviewRow]:
    """The preview's rows: the initiatives phased, by name, then those skipped."""
    money = plan.currency.format_short
    rows = [
        PreviewRow(
            id=p.initiative_id,
            name=p.name,
            months=f"{label(p.first)}–{label(p.last)}",
            target=money(p.revenue_target),
            revenue=f"{money(p.before[Metric.REVENUE_WON])} → {money(p.after[Metric.REVENUE_WON])}",
            leads=f"{p.before[Metric.LEADS]:,} → {p.after[Metric.LEADS]:,}",
            spend=f"{money(p.before[Metric.SPEND])} → {money(p.after[Metric.SPEND])}",
            notes="; ".join(p.notes),
        )
        for p in phased.initiatives
    ]
    rows += [
        PreviewRow(s.initiative_id, s.name, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, s.reason, True)
        for s in phased.skipped
    ]
    return rows


def summary(plan: Plan, phased: Phased, *, done: bool = False) -> str:
    """ "3 initiatives: planned revenue $125k → $830k, spend $0 → $99.5k; 1 skipped"."""
    money = plan.currency.format_short
    count = len(phased.initiatives)
    text = (
        f"{'Phased ' if done else ''}{count} initiative{'' if count == 1 else 's'}: planned "
        f"revenue {money(phased.total(Metric.REVENUE_WON, after=False))} → "
        f"{money(phased.total(Metric.REVENUE_WON))}, spend "
        f"{money(phased.total(Metric.SPEND, after=False))} → {money(phased.total(Metric.SPEND))}"
    )
    if phased.skipped:
        text += f"; {len(phased.skipped)} skipped"
    return text


class PhaseTargets(PlanCommand):
    """Phasing done once (``result`` when the dialog's preview is what is applied, else
    through the core now); undo writes back the planned values it replaced, redo those it
    wrote."""

    def __init__(self, plan: Plan, request: PhaseRequest, result: Phased | None = None) -> None:
        super().__init__(f"phase targets of {request.chosen}")
        self._plan = plan
        self._request = request
        self.result = result

    def do(self) -> None:
        if self.result is None:
            request = self._request
            self.result = self._plan.phasing.phase(
                None if request.ids is None else list(request.ids),
                shape=request.shape,
                lags=request.lags,
                profile=request.profile,
                parts=request.parts,
                overwrite_actuals=request.overwrite_actuals,
                last_year=request.last_year,
            )
        else:
            self._plan.phasing.put(self.result.after)

    def revert(self) -> None:
        assert self.result is not None
        self._plan.phasing.put(self.result.before)

    def announcement(self) -> str | None:
        return None if self.result is None else summary(self._plan, self.result, done=True)
