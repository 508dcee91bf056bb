"""``plan.phasing``: an initiative's revenue target, funnel and budget phased into months.

    phased = plan.phasing.phase([7, 9], shape="front", lags=1, dry_run=True)
    phased.initiatives[0].after[Metric.REVENUE_WON]   # what its months would add up to
    plan.phasing.put(phased.before)                   # an undo, exactly

The rules are in :mod:`planner.phasing`. One call is one transaction and one change set
(``plan.batch()``) and returns the planned values it changes, before and after
(:class:`Amounts`), as the what-ifs do (:mod:`planner.services.what_if`): :meth:`put` writes
either back exactly, so an undo restores what the plan held. ``dry_run=True`` works the
result out and writes nothing (the dialog's preview). The profile and lags used are
remembered in the plan's settings in the same change set (in the working plan: a version
shares the settings and cannot change them), so next time starts from them.

A locked version refuses, as every edit of it does (:class:`~planner.errors.ReadOnlyPlanError`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from planner import months as month_math
from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Metric
from planner.errors import PlanError, ValidationError
from planner.phasing import (
    EVEN_PROFILE,
    Held,
    InitiativePhase,
    Part,
    Shape,
    Skipped,
    StageLags,
    Target,
    lags_text,
    metrics_of,
    parse_lags,
    parse_profile,
    profile_text,
    shape_weights,
    spread,
)
from planner.phasing.shapes import parse_stored_lags
from planner.phasing.spread import ShapeOf
from planner.services.base import Service

if TYPE_CHECKING:
    from planner.analysis import Filter
    from planner.versions.service import VersionInfo

NO_LAGS = StageLags()
_PLANNED = [metric.planned_column for metric in Metric]
_ACTUAL = [metric.actual_column for metric in Metric]
_CHOICE_FIELDS = frozenset({"seasonal_profile", "stage_lags"})
# Ids given one by one are read with IN (...); beyond this, the whole plan is read once.
_FEW = 500
# A SQLite statement takes at most this many parameters.
_MOST_PARAMETERS = 900


@dataclass(frozen=True, slots=True)
class Choices:
    """What phasing starts from: the seasonal profile and the stage lags."""

    profile: tuple[int, ...] = EVEN_PROFILE
    lags: StageLags = NO_LAGS


@dataclass(frozen=True, slots=True)
class Amounts:
    """Planned values of some initiatives' months as a plan holds them (or is to): ``rows``
    are ``(initiative, month, values of metrics)`` (``None``: not entered), and
    ``remembered`` the profile and lags text the settings hold (``None`` in it: not chosen),
    or ``None`` to leave the settings be."""

    metrics: tuple[Metric, ...]
    rows: tuple[tuple[int, int, tuple[int | None, ...]], ...]
    remembered: tuple[str | None, str | None] | None = None


@dataclass(frozen=True, slots=True)
class Phased:
    """What :meth:`PhasingService.phase` did (or would do): the choices it used, each
    initiative phased and each skipped with why, and the amounts before and after."""

    shape: Shape
    parts: tuple[Part, ...]
    lags: StageLags
    profile: tuple[int, ...]
    overwrite_actuals: bool
    last_year: str | None  # where last year's shape came from, as a person reads it
    initiatives: tuple[InitiativePhase, ...]
    skipped: tuple[Skipped, ...]
    before: Amounts
    after: Amounts

    def total(self, metric: Metric, *, after: bool = True) -> int:
        """The phased initiatives' planned ``metric``, after phasing (or before)."""
        return sum((i.after if after else i.before)[metric] for i in self.initiatives)


@dataclass(frozen=True, slots=True)
class _LastYear:
    """Last year's revenue won on this plan's months: by initiative, and plan-wide."""

    source: str | None
    by_initiative: Mapping[int, Mapping[int, int]]
    plan_wide: Mapping[int, int]


@dataclass(frozen=True, slots=True)
class Gathered:
    """What phasing some initiatives reads from a plan (:meth:`PhasingService.gather`): each
    to phase, each skipped already (dropped, no target), what their months hold, the
    horizon's months, the choices the settings hold (as stored), whether this plan may
    remember new ones (the working plan), and last year, when read."""

    targets: tuple[Target, ...]
    skipped: tuple[Skipped, ...]
    held: Mapping[int, Mapping[int, Held]]
    horizon: tuple[int, ...]
    stored: tuple[str | None, str | None]
    may_remember: bool
    last_year: _LastYear | None = None


class PhasingService(Service):
    # -- remembered choices ----------------------------------------------------------------

    def choices(self) -> Choices:
        """The seasonal profile and stage lags the lead last phased with (an even profile and
        no lags until then)."""
        return _choices(self._stored())

    def remember(self, *, profile: object = None, lags: object = None) -> Change:
        """Keep a seasonal profile (12 weights, January first) and/or stage lags (see
        :func:`planner.phasing.parse_lags`) for next time; ``None`` leaves one as it is."""
        profile_value, lags_value = self._stored()
        if profile is not None:
            profile_value = profile_text(parse_profile("seasonal_profile", profile))
        if lags is not None:
            lags_value = lags_text(parse_lags("stage_lags", lags))
        return self._write_choices((profile_value, lags_value))

    def _stored(self) -> tuple[str | None, str | None]:
        row = self._plan.read(
            "SELECT seasonal_profile, stage_lags FROM plan_settings WHERE id = 1"
        ).fetchone()
        return row[0], row[1]

    def _write_choices(self, remembered: tuple[str | None, str | None]) -> Change:
        with self._plan.edit(Entity.SETTINGS, Action.UPDATED, fields=_CHOICE_FIELDS) as edit:
            edit.db.execute(
                "UPDATE plan_settings SET seasonal_profile = ?, stage_lags = ? WHERE id = 1",
                list(remembered),
            )
        return edit.change

    # -- phasing ---------------------------------------------------------------------------

    def phase(
        self,
        where: Filter | Iterable[int] | None = None,
        *,
        shape: Shape | str = Shape.EVEN,
        lags: object = None,
        profile: object = None,
        parts: Iterable[Part | str] = tuple(Part),
        overwrite_actuals: bool = False,
        last_year: int | str | Path | None = None,
        remember: bool = True,
        dry_run: bool = False,
    ) -> Phased:
        """Phase the targets of the initiatives ``where`` picks (a
        :class:`~planner.analysis.Filter`, initiative ids, or ``None``: the whole plan) into
        their months: ``shape`` (even, front, back, seasonal, last-year), ``lags`` between
        stages (months for every stage, or per stage; ``None``: the remembered ones),
        ``profile`` (12 weights; ``None``: the remembered one), the ``parts`` (revenue,
        funnel, spend), whether months with actuals are overwritten, and for ``last-year``
        where last year is read: a version of this plan (its id or name) or the previous
        year's plan file (a :class:`~pathlib.Path`); by default the plan's newest baseline.
        ``remember``: keep the profile and lags for next time; ``dry_run``: write nothing.

        The same as :meth:`gather` then :func:`compute` (which a window runs off its UI
        thread), then :meth:`put` of the result's ``after``."""
        how = check.choice("shape", shape, Shape)
        gathered = self.gather(where, last_year=last_year, read_last_year=how is Shape.LAST_YEAR)
        result = compute(
            gathered,
            shape=how,
            lags=lags,
            profile=profile,
            parts=parts,
            overwrite_actuals=overwrite_actuals,
            remember=remember,
        )
        if not dry_run:
            self.put(result.after)
        return result

    def gather(
        self,
        where: Filter | Iterable[int] | None = None,
        *,
        last_year: int | str | Path | None = None,
        read_last_year: bool = False,
    ) -> Gathered:
        """What phasing the initiatives ``where`` picks reads from the plan (see
        :meth:`phase`), as plain values: :func:`compute` needs nothing else."""
        targets, skipped = self._targets(where)
        horizon = tuple(self._plan.horizon.months())
        return Gathered(
            targets=tuple(targets),
            skipped=tuple(skipped),
            held=self._held({t.initiative_id for t in targets}, horizon),
            horizon=horizon,
            stored=self._stored(),
            may_remember=self._plan.version is None,
            last_year=self._last_year(last_year) if read_last_year else None,
        )

    def put(self, amounts: Amounts) -> None:
        """Write ``amounts`` (a result's ``before`` or ``after``) as one change set."""
        columns = [metric.planned_column for metric in amounts.metrics]
        with self._plan.batch():
            if amounts.rows:
                with self._plan.edit(
                    Entity.VALUES,
                    Action.UPDATED,
                    ids={row[0] for row in amounts.rows},
                    fields=set(columns),
                    months={row[1] for row in amounts.rows},
                ) as edit:
                    conn = edit.db.conn
                    known = {row[0] for row in conn.execute("SELECT id FROM initiatives")}
                    if not {row[0] for row in amounts.rows} <= known:
                        raise ValidationError(
                            "initiative", "unknown", "an initiative of this phasing is gone"
                        )
                    marks = ", ".join("?" * (2 + len(columns)))
                    updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
                    conn.executemany(
                        f"INSERT INTO monthly_values (initiative_id, month, {', '.join(columns)}) "
                        f"VALUES ({marks}) ON CONFLICT (initiative_id, month) "
                        f"DO UPDATE SET {updates}",
                        [(i, month, *values) for i, month, values in amounts.rows],
                    )
                    conn.executemany(
                        "DELETE FROM monthly_values WHERE initiative_id = ? AND month = ? AND "
                        f"coalesce({', '.join(_PLANNED + _ACTUAL)}) IS NULL",
                        [
                            (i, month)
                            for i, month, values in amounts.rows
                            if all(value is None for value in values)
                        ],
                    )
                    self._refuse_totals_beyond_limit("monthly_values", columns)
            if amounts.remembered is not None:
                self._write_choices(amounts.remembered)

    # -- reading and checking --------------------------------------------------------------

    def _targets(self, where: Filter | Iterable[int] | None) -> tuple[list[Target], list[Skipped]]:
        """The initiatives ``where`` picks with what to phase of each, and those skipped
        (dropped, no target) with why; by name."""
        from planner.analysis.filters import Filter
        from planner.analysis.funnel import reverse_funnel
        from planner.analysis.rates import read_rates

        select = (
            "SELECT id, name, status, start_month, end_month, budget, revenue_target "
            "FROM initiatives"
        )
        if where is None:
            rows = self._plan.read(select + " ORDER BY name_key, id").fetchall()
        elif isinstance(where, Filter):
            condition, params = where.sql("id")
            rows = self._plan.read(f"{select} WHERE {condition} ORDER BY name_key, id", params)
            rows = rows.fetchall()
            if not rows:
                raise ValidationError("initiatives", "none", "no initiative matches the choice")
        else:
            ids = _ids(where)
            rows = self._rows_of(select, ids)
        rates = read_rates(self._plan)
        targets: list[Target] = []
        skipped: list[Skipped] = []
        for i, name, status, start, end, budget, revenue_target in rows:
            if status == "dropped":
                skipped.append(Skipped(i, name, "dropped: not in the plan's figures"))
                continue
            if revenue_target <= 0:
                skipped.append(Skipped(i, name, "no revenue target to phase"))
                continue
            needs = reverse_funnel(revenue_target, rates.of_initiative(i))
            for metric, total in needs.items():
                if total > check.MAX_NUMBER:
                    raise ValidationError(
                        f"planned {metric.title.lower()}",
                        "too_large",
                        f"the target needs {total:,}, more than a plan holds; check its "
                        "conversion rates and the average deal size",
                        row=repr(name),
                    )
            targets.append(Target(i, name, start, end, revenue_target, budget, needs))
        return targets, skipped

    def _rows_of(self, select: str, ids: list[int]) -> list[tuple[object, ...]]:
        found: dict[int, tuple[object, ...]] = {}
        for start in range(0, len(ids), _MOST_PARAMETERS):
            chunk = ids[start : start + _MOST_PARAMETERS]
            for row in self._plan.read(
                f"{select} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            ):
                found[row[0]] = row
        missing = [i for i in ids if i not in found]
        if missing:
            raise ValidationError(
                "initiatives", "unknown", f"there is no initiative with id {missing[0]}"
            )
        return sorted(found.values(), key=lambda row: (str(row[1]).casefold(), row[0]))

    def _held(self, ids: set[int], horizon: Sequence[int]) -> dict[int, dict[int, Held]]:
        """What each month of the initiatives ``ids`` holds, by initiative and month."""
        if not ids:
            return {}
        select = (
            f"SELECT initiative_id, month, {', '.join(_PLANNED)}, "
            f"coalesce({', '.join(_ACTUAL)}) IS NOT NULL FROM monthly_values "
            "WHERE month BETWEEN ? AND ?"
        )
        span = [horizon[0], horizon[-1]]
        if len(ids) <= _FEW:
            chosen = sorted(ids)
            rows = self._plan.read(
                f"{select} AND initiative_id IN ({', '.join('?' * len(chosen))})", span + chosen
            )
        else:
            rows = self._plan.read(select, span)
        held: dict[int, dict[int, Held]] = {}
        for row in rows:
            if row[0] in ids:
                held.setdefault(row[0], {})[row[1]] = Held(row[2:11], bool(row[11]))
        return held

    def _last_year(self, source: int | str | Path | None) -> _LastYear:
        """Last year's revenue won, laid on this plan's months, from ``source``."""
        if isinstance(source, Path):
            described, values = self._from_file(source)
        else:
            version = self._version(source)
            if version is None:
                return _LastYear(None, {}, {})
            described = version.described.removeprefix("the ")
            values = self._plan.read(
                "SELECT initiative_id, month, revenue_won_plan FROM version_values "
                "WHERE version_id = ? AND revenue_won_plan > 0",
                [version.id],
            ).fetchall()
        horizon = self._plan.horizon
        by_initiative: dict[int, dict[int, int]] = {}
        plan_wide: dict[int, int] = {}
        for i, month, value in values:
            if month in horizon:
                by_initiative.setdefault(i, {})[month] = value
                plan_wide[month] = plan_wide.get(month, 0) + value
        return _LastYear(described, by_initiative, plan_wide)

    def _version(self, source: int | str | None) -> VersionInfo | None:
        """The version ``source`` names, or the plan's newest baseline (``None`` if none)."""
        from planner.versions.kinds import Kind

        if isinstance(source, bool):
            raise ValidationError("last_year", "type", "must be a version or a plan file")
        if isinstance(source, int):
            return self._plan.versions.get(source)
        if isinstance(source, str):
            try:
                return self._plan.versions.find(source)
            except ValidationError as error:
                raise ValidationError("last_year", error.rule, error.detail) from None
        baselines = [v for v in self._plan.versions.list() if v.kind is Kind.BASELINE]
        return baselines[-1] if baselines else None

    def _from_file(self, path: Path) -> tuple[str, list[tuple[int, int, int]]]:
        """The actual revenue won of the plan file at ``path``, each month moved on by its
        horizon's length (a year's plan laid on the next year's months)."""
        from planner.storage import opening

        if self._plan.path is not None and path.expanduser().absolute() == self._plan.path:
            raise ValidationError(
                "last_year", "same_plan", "is this plan; choose last year's plan file"
            )
        try:
            # Opened as Plan.open opens a plan read-only: checked, upgraded in a copy if old.
            opened = opening.open_file(path, read_only=True)
        except PlanError as error:
            raise ValidationError("last_year", "unreadable", str(error)) from None
        try:
            (shift,) = opened.db.read("SELECT horizon_months FROM plan_settings").fetchone()
            rows = opened.db.read(
                "SELECT initiative_id, month, revenue_won_actual FROM monthly_values "
                "WHERE revenue_won_actual > 0"
            ).fetchall()
        finally:
            opened.db.close()
            if opened.lock is not None:
                opened.lock.release()
        return (
            f"the actuals of {path.name}",
            [(i, month_math.add(month, shift), value) for i, month, value in rows],
        )


def compute(
    gathered: Gathered,
    *,
    shape: Shape | str = Shape.EVEN,
    lags: object = None,
    profile: object = None,
    parts: Iterable[Part | str] = tuple(Part),
    overwrite_actuals: bool = False,
    remember: bool = True,
) -> Phased:
    """What :meth:`PhasingService.phase` does with what it gathered, as plain values (no
    plan is read: safe in a worker thread). The choices are checked as ``phase`` checks them."""
    how = check.choice("shape", shape, Shape)
    chosen_parts = _parts(parts)
    overwrite = check.flag("overwrite_actuals", overwrite_actuals)
    stored = _choices(gathered.stored)
    used_lags = stored.lags if lags is None else parse_lags("lags", lags)
    used_profile = stored.profile if profile is None else parse_profile("seasonal_profile", profile)
    history = gathered.last_year if how is Shape.LAST_YEAR else None
    if how is Shape.LAST_YEAR and history is None:
        history = _LastYear(None, {}, {})
    metrics = metrics_of(chosen_parts)
    held = gathered.held
    phased: list[InitiativePhase] = []
    skipped = list(gathered.skipped)
    for target in gathered.targets:
        result = spread(
            target,
            gathered.horizon,
            held.get(target.initiative_id, {}),
            metrics=metrics,
            shape=_shape_of(how, used_profile, history, target.initiative_id),
            lags=used_lags,
            overwrite_actuals=overwrite,
        )
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            phased.append(result)
    skipped.sort(key=lambda s: (s.name.casefold(), s.initiative_id))
    after_rows = tuple((p.initiative_id, month, values) for p in phased for month, values in p.rows)
    before_rows = _before(after_rows, held, metrics)
    remembered_before = gathered.stored
    remembered_after = (
        remembered_before[0] if profile is None else profile_text(used_profile),
        remembered_before[1] if lags is None else lags_text(used_lags),
    )
    keep = remember and gathered.may_remember and remembered_after != remembered_before
    return Phased(
        shape=how,
        parts=chosen_parts,
        lags=used_lags,
        profile=used_profile,
        overwrite_actuals=overwrite,
        last_year=None if history is None else history.source,
        initiatives=tuple(phased),
        skipped=tuple(skipped),
        before=Amounts(metrics, before_rows, remembered_before if keep else None),
        after=Amounts(metrics, after_rows, remembered_after if keep else None),
    )


def _choices(stored: tuple[str | None, str | None]) -> Choices:
    profile, lags = stored
    return Choices(
        EVEN_PROFILE if profile is None else parse_profile("seasonal_profile", profile),
        NO_LAGS if lags is None else parse_stored_lags("stage_lags", lags),
    )


def _parts(parts: Iterable[Part | str]) -> tuple[Part, ...]:
    if isinstance(parts, str):
        parts = [parts]
    chosen = {check.choice("parts", part, Part) for part in parts}
    if not chosen:
        raise ValidationError("parts", "none", "choose what to phase: revenue, funnel or spend")
    return tuple(part for part in Part if part in chosen)


def _before(
    rows: tuple[tuple[int, int, tuple[int | None, ...]], ...],
    held: Mapping[int, Mapping[int, Held]],
    metrics: Sequence[Metric],
) -> tuple[tuple[int, int, tuple[int | None, ...]], ...]:
    """What the months ``rows`` write held of ``metrics`` before."""
    order = list(Metric)
    positions = [order.index(metric) for metric in metrics]
    if positions == list(range(len(order))):
        pick = tuple  # every metric, in the order held keeps them
    else:
        getter = itemgetter(*positions)
        pick = (lambda planned: (getter(planned),)) if len(positions) == 1 else getter
    nothing = (None,) * len(positions)
    before = []
    for i, month, _values in rows:
        months = held.get(i)
        month_held = None if months is None else months.get(month)
        before.append((i, month, nothing if month_held is None else pick(month_held.planned)))
    return tuple(before)


def _ids(where: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(where))
    for i in ids:
        if isinstance(i, bool) or not isinstance(i, int):
            raise ValidationError("initiatives", "type", "must be initiative ids")
    if not ids:
        raise ValidationError("initiatives", "none", "choose at least one initiative to phase")
    return ids


def _shape_of(how: Shape, profile: tuple[int, ...], history: _LastYear | None, i: int) -> ShapeOf:
    """The shape of initiative ``i``: the chosen one, or last year's with its fall-backs."""

    def weights(months: Sequence[int]) -> tuple[list[int], str | None]:
        if history is None:
            return shape_weights(how, months, profile=profile), None
        if history.source is None:
            return [1] * len(months), "no last year in the plan: phased evenly"
        own = shape_weights(Shape.LAST_YEAR, months, history=history.by_initiative.get(i))
        if any(own):
            return own, None
        wide = shape_weights(Shape.LAST_YEAR, months, history=history.plan_wide)
        if any(wide):
            return wide, "no values of its own last year: the plan's shape of last year"
        return [1] * len(months), "no values last year in its months: phased evenly"

    return weights


__all__ = ["Amounts", "Choices", "Phased", "PhasingService"]
