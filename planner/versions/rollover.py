"""Next year's plan: a new plan file started from this one.

    result = roll_over(plan, "FY2027 Demand Plan.smplan", budget_scale=1.1)
    result.outline.carried        # the initiatives carried over, by name
    result.values_dropped         # planned values that fell outside the new horizon

A plan is one file per year, so next year is a new file (the workbook, the lock, the backups
and the horizon stay those of one year). What it holds:

- **Carried over**: the settings (the name's fiscal year moved on: "FY2026 Demand Plan"
  becomes "FY2027 Demand Plan"), every person, segment and channel (inactive and retired ones
  too: the baseline refers to them), the funnel assumptions, the hand-off agreement, the saved
  CSV mappings (next year's CRM export looks like this year's), and the initiatives that are
  ideas, planned or active, with their segments, roles, story and planned monthly values.
  Initiatives keep their ids, so an initiative is the same one in both files.
- **Moved on**: the horizon becomes the one that follows (same length); initiative dates and
  planned values move ``months_shift`` months (by default the horizon's length, so each lands
  in the same place of the next horizon). A planned value landing outside the new horizon is
  dropped (:attr:`Rollover.values_dropped` counts them): a plan holds no value outside its
  months. Active initiatives start as planned: nothing of next year has happened yet.
- **Scaled**: budgets and planned spend by ``budget_scale``, revenue targets and planned
  pipeline and revenue by ``target_scale``, each rounded to the minor unit half to even
  (:func:`planner.money.scaled`). Counts (leads, MQLs, deals) are volumes, not money: kept.
- **Left behind**: initiatives done or dropped (they were decided this year; next year
  decides again), unless ``include_dropped`` (a done one then starts again as planned, a
  dropped one stays dropped); every actual and the months' follow-up hours (facts of this
  year); this file's own versions (its scenarios were about this year).
- **Kept to compare**: this year's plan as the locked baseline "FY2026 plan" of the new
  file: every initiative (done and dropped too) with its status, budget, target and planned
  values as they were, each month laid one horizon on (January 2026's values in January
  2027). A version shares the plan's settings, its horizon included, so that is where it can
  be read at all: at its own dates it would sit outside the new plan's months, where the
  pages, the figures and the checks read nothing of it, and promoting it would write values
  no plan may hold. Laid on next year's months, it is compared month by month with next
  year's plan, and opened, checked and exported like any version.

This year's *actuals* are not in that baseline. A version holds a planned side only and
shares the working plan's actuals (by initiative id); the new working plan has none, and
carrying this year's into it would count them as next year's and lose those of the
initiatives left behind. So the baseline is named for what it holds, and this year's
actuals stay in this year's file, which is not changed.

The file is written whole or not at all: built in memory, checked against the rules every
plan is opened with, then written beside the target and moved into place
(:func:`planner.storage.copies.backup_to`), refused on the same grounds as a copy
(:mod:`planner.storage.targets`).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from planner import months as month_math
from planner.domain import Metric, Status
from planner.errors import PlanContentError, PlanError, ValidationError
from planner.money import scaled
from planner.months import Horizon
from planner.plan import Plan
from planner.storage import connection, opening, targets
from planner.storage.content import check_content
from planner.storage.copies import backup_to
from planner.storage.database import PlanConnection
from planner.validation import MAX_NAME, MAX_NUMBER, MAX_TOTAL

# What a refusal calls the file being written.
NOUN = "new plan"
# The statuses carried over unless asked for every initiative.
CARRIED = frozenset({Status.IDEA, Status.PLANNED, Status.ACTIVE})
# Statuses next year's plan starts again from: nothing of next year has happened yet.
RESTARTED = {Status.ACTIVE: Status.PLANNED, Status.DONE: Status.PLANNED}
MAX_SCALE = Fraction(10)  # 1,000 %: beyond any real year-on-year change
BUDGET_METRICS = (Metric.SPEND,)
TARGET_METRICS = (Metric.PIPELINE, Metric.REVENUE_WON)

Progress = Callable[[int, int], None]


class RolloverCancelled(PlanError):
    """The person cancelled; the target file was not touched."""


@dataclass(frozen=True, slots=True)
class Outline:
    """What next year's plan holds, known before anything is written (the dialog shows it)."""

    name: str  # the new plan's name
    horizon: Horizon  # its months
    months_shift: int  # how far initiative dates and planned values move
    baseline: str  # the name of the locked baseline holding this year's plan
    carried: tuple[str, ...]  # the initiatives carried over, by name
    left_behind: tuple[str, ...]  # the initiatives left behind (done, dropped), by name
    people: int
    segments: int
    channels: int
    kept: frozenset[Status]  # the statuses of the initiatives carried over


@dataclass(frozen=True, slots=True)
class Rollover:
    """Next year's plan, written: where, what it holds, and the planned values (one metric
    of one month) that fell outside its horizon and were dropped."""

    path: Path
    outline: Outline
    values_dropped: int


def outline_next_year(
    plan: Plan, *, months_shift: int | None = None, include_dropped: bool = False
) -> Outline:
    """What :func:`roll_over` makes of ``plan``, with the same arguments; writes nothing."""
    settings = plan.settings.get()
    horizon = settings.horizon
    shift = _shift(months_shift, horizon)
    following = Horizon(month_math.add(horizon.first, horizon.count), horizon.count)
    _refuse_past_last_year(plan, following, max(shift, horizon.count))
    start = settings.fiscal_year_start
    this_year = month_math.fiscal_years_label(horizon.first, horizon.last, start)
    next_year = month_math.fiscal_years_label(following.first, following.last, start)
    kept = frozenset(Status) if include_dropped else CARRIED
    carried, left = [], []
    for initiative in sorted(plan.initiatives.list(), key=lambda i: i.name.casefold()):
        (carried if initiative.status in kept else left).append(initiative.name)
    return Outline(
        name=next_name(settings.name, this_year, next_year),
        horizon=following,
        months_shift=shift,
        baseline=f"{this_year} plan",
        carried=tuple(carried),
        left_behind=tuple(left),
        people=len(plan.people.list()),
        segments=len(plan.segments.list()),
        channels=len(plan.channels.list()),
        kept=kept,
    )


def roll_over(
    plan: Plan,
    target: str | Path,
    *,
    months_shift: int | None = None,
    budget_scale: float | Decimal | Fraction = 1.0,
    target_scale: float | Decimal | Fraction = 1.0,
    include_dropped: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Rollover:
    """Write next year's plan, started from ``plan``, to ``target`` (see the module's
    docstring for what it holds); ``plan`` is not changed.

    Refused (:class:`~planner.PlanError`, nothing written) for a target that is the open
    plan, a lock file, a folder, in a missing folder, a plan open elsewhere, or a file that
    exists unless ``overwrite``; for a scale below 0 or above 1,000 %, or one that would
    make an amount larger than a plan holds. ``progress(done, total)`` hears of each step;
    setting ``cancel`` stops before the file is written (:class:`RolloverCancelled`)."""
    if plan.version is not None:
        raise PlanError(
            f"{plan.where}: start next year's plan from the working plan, not a version"
        )
    factors = (_factor("budget_scale", budget_scale), _factor("target_scale", target_scale))
    outline = outline_next_year(plan, months_shift=months_shift, include_dropped=include_dropped)
    destination = Path(target).expanduser().absolute()
    targets.check_target(destination, open_plan=plan.path, noun=NOUN)
    if not overwrite:
        opening.check_creatable(destination)
    steps = _Steps(progress, cancel, destination)
    with targets.target_locked(destination, noun=NOUN):
        memory = _copy_in_memory(plan, destination)
        try:
            steps.done()
            values_dropped = _build(memory, plan, outline, factors, destination, steps)
            backup_to(memory.conn, destination, purpose="next", noun=NOUN)
            steps.done()
        finally:
            memory.close()
    return Rollover(destination, outline, values_dropped)


def next_name(name: str, this_year: str, next_year: str) -> str:
    """``name`` with this year's label moved on ("FY2026 Demand Plan" -> "FY2027 Demand
    Plan", "Plan 2026" -> "Plan 2027"), or next year's label added ("Demand Plan FY2027").
    The labels are those of :func:`planner.months.fiscal_years_label`."""
    # A plan over two fiscal years may be named for the first ("FY2026" for FY2026-FY2027),
    # and any fiscal year by its bare number.
    first, following = this_year.split("-")[0], next_year.split("-")[0]
    pairs = [
        (this_year, next_year),
        (first, following),
        (first.removeprefix("FY"), following.removeprefix("FY")),
    ]
    for old, new in pairs:
        found = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])", re.IGNORECASE)
        if found.search(name):
            moved = found.sub(new, name, count=1)
            if len(moved) <= MAX_NAME:
                return moved
    room = MAX_NAME - len(next_year) - 1
    return f"{name[:room].rstrip()} {next_year}"


def describe(outline: Outline) -> list[str]:
    """What next year's plan carries over, leaves behind and keeps to compare, in a few
    sentences (the dialog's summary, the command's report)."""
    carried = _counted(len(outline.carried), "initiative")
    if outline.kept == CARRIED:
        carried += " (ideas, planned and active; active ones start as planned)"
    else:
        carried += " (done and dropped ones too; active and done ones start as planned)"
    behind = [_counted(len(outline.left_behind), "initiative") + " done or dropped"]
    if outline.left_behind:
        behind[0] += f" ({_some(outline.left_behind)})"
    else:
        behind = []
    behind.append("every actual")
    return [
        f"{outline.name}: {outline.horizon.describe()}.",
        f"Carried over: {carried}, {_counted(outline.people, 'person', 'people')}, "
        f"{_counted(outline.segments, 'segment')}, {_counted(outline.channels, 'channel')}, "
        "the funnel assumptions and the hand-off agreement.",
        f"Left behind: {' and '.join(behind)}.",
        f"Kept to compare: this year's plan, as the locked baseline “{outline.baseline}” laid "
        "on next year's months. This year's actuals stay in this year's file.",
    ]


def _counted(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def _some(names: tuple[str, ...], shown: int = 3) -> str:
    """``'A', 'B', 'C' and 2 more``."""
    quoted = ", ".join(f"“{name}”" for name in names[:shown])
    more = len(names) - shown
    return f"{quoted} and {more:,} more" if more > 0 else quoted


# -- building the new plan -------------------------------------------------------------------


class _Steps:
    """The steps of a rollover, told to ``progress``; a cancel is seen between them."""

    TOTAL = 4

    def __init__(
        self, progress: Progress | None, cancel: threading.Event | None, destination: Path
    ) -> None:
        self._progress = progress
        self._cancel = cancel
        self._destination = destination
        self._done = 0

    def done(self) -> None:
        if self._done < self.TOTAL - 1 and self._cancel is not None and self._cancel.is_set():
            raise RolloverCancelled(f"Cancelled: {self._destination} was not written")
        self._done += 1
        if self._progress is not None:
            self._progress(self._done, self.TOTAL)


def _copy_in_memory(plan: Plan, destination: Path) -> PlanConnection:
    """A consistent copy of ``plan`` in memory, to make next year's plan of."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        plan.db.conn.backup(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise PlanError(
            f"{plan.where}: could not be read to start {destination.name} "
            f"({connection.one_line(error)})"
        ) from None
    return connection.prepare(conn, read_only=False, where=str(destination))


def _build(
    memory: PlanConnection,
    source: Plan,
    outline: Outline,
    factors: tuple[Fraction, Fraction],
    destination: Path,
    steps: _Steps,
) -> int:
    """Turn the copy of this year's plan into next year's; the planned values dropped."""
    new = Plan(memory, path=destination)  # its services validate, and name the target
    db = memory.database
    conn = memory.conn
    this_year = source.settings.get()
    with db.atomic():
        db.execute("DELETE FROM plan_versions")  # this year's own versions stay there
        db.execute("DELETE FROM sqlite_sequence WHERE name = 'plan_versions'")
        db.execute("DELETE FROM handoff_months")  # the follow-up hours sales took: facts
        # This year laid on next year's months: every month one horizon on, where the
        # baseline saved next can be read and compared month by month.
        dropped = _move_on(conn, this_year.horizon.count, outline.horizon)
    new.settings.update(name=outline.name, first_month=month_math.iso(outline.horizon.first))
    baseline = new.versions.save(outline.baseline).id
    with db.atomic():
        where = source.path.name if source.path is not None else "in memory"
        db.execute(
            "UPDATE plan_versions SET saved_from = ? WHERE id = ?",
            [f"{this_year.name} ({where})", baseline],
        )
    steps.done()
    with db.atomic():
        _leave_behind(conn, outline.kept)
        if outline.months_shift != this_year.horizon.count:
            dropped += _move_on(
                conn, outline.months_shift - this_year.horizon.count, outline.horizon
            )
        _scale(conn, *factors)
    steps.done()
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise PlanError(f"{destination}: next year's plan would have broken references")
    try:
        check_content(memory, where=str(destination))
    except PlanContentError as error:  # a rule this module missed: say so, write nothing
        raise PlanError(
            f"{destination}: next year's plan was not written; it would break a rule of "
            f"the plan file ({error.table}, {error.field or 'a row'})"
        ) from None
    return dropped


def _leave_behind(conn: sqlite3.Connection, kept: frozenset[Status]) -> None:
    """Drop the initiatives left behind (with their roles, segments and values); restart the
    statuses carried over."""
    conn.execute(
        "DELETE FROM initiatives WHERE status NOT IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(status.value for status in kept))],
    )
    for was, becomes in RESTARTED.items():
        conn.execute(
            "UPDATE initiatives SET status = ? WHERE status = ?", [becomes.value, was.value]
        )


def _move_on(conn: sqlite3.Connection, shift: int, horizon: Horizon) -> int:
    """Move initiative dates and planned values ``shift`` months on, leaving actuals behind;
    returns how many planned values fell outside ``horizon`` (and were dropped)."""
    conn.create_function(
        "shifted", 1, lambda month: month_math.add(month, shift), deterministic=True
    )
    conn.execute(
        "UPDATE initiatives SET start_month = shifted(start_month), end_month = shifted(end_month)"
    )
    planned = [metric.planned_column for metric in Metric]
    listed = ", ".join(planned)
    # Moved through a table of their own: moving rows in place could meet a month not yet moved.
    conn.execute(
        f"CREATE TEMP TABLE moved AS SELECT initiative_id, shifted(month) AS month, {listed} "
        f"FROM monthly_values WHERE coalesce({listed}) IS NOT NULL"
    )
    try:
        counted = " + ".join(f"({column} IS NOT NULL)" for column in planned)
        (dropped,) = conn.execute(
            f"SELECT coalesce(sum({counted}), 0) FROM temp.moved WHERE month NOT BETWEEN ? AND ?",
            [horizon.first, horizon.last],
        ).fetchone()
        conn.execute("DELETE FROM monthly_values")
        conn.execute(
            f"INSERT INTO monthly_values (initiative_id, month, {listed}) "
            f"SELECT initiative_id, month, {listed} FROM temp.moved WHERE month BETWEEN ? AND ?",
            [horizon.first, horizon.last],
        )
    finally:
        conn.execute("DROP TABLE temp.moved")
    return int(dropped)


def _scale(conn: sqlite3.Connection, budget: Fraction, revenue: Fraction) -> None:
    """Budgets and planned spend by ``budget``; revenue targets, planned pipeline and planned
    revenue by ``revenue``; refused when an amount would grow past what a plan holds."""
    for field, factor, column, metrics in (
        ("budget_scale", budget, "budget", BUDGET_METRICS),
        ("target_scale", revenue, "revenue_target", TARGET_METRICS),
    ):
        if factor == 1:
            continue
        conn.create_function(
            "scaled", 1, lambda minor, f=factor: None if minor is None else scaled(minor, f)
        )
        planned = [metric.planned_column for metric in metrics]
        conn.execute(f"UPDATE initiatives SET {column} = scaled({column})")
        conn.execute(
            f"UPDATE monthly_values SET {', '.join(f'{c} = scaled({c})' for c in planned)}"
        )
        # An amount grown past the plan's limit (SQLite's integers hold it, a plan may not).
        too_large = " OR ".join(f"v.{c} > :limit" for c in planned)
        row = conn.execute(
            f"SELECT name FROM initiatives WHERE {column} > :limit UNION ALL "
            "SELECT i.name FROM monthly_values v JOIN initiatives i ON i.id = v.initiative_id "
            f"WHERE {too_large} LIMIT 1",
            {"limit": MAX_NUMBER},
        ).fetchone()
        if row is not None:
            raise ValidationError(
                field,
                "too_large",
                f"{percent_text(factor)} would make an amount of {row[0]!r} larger than a plan holds",
            )
        totals = conn.execute(
            f"SELECT (SELECT total({column}) FROM initiatives), "
            + ", ".join(f"(SELECT total({c}) FROM monthly_values)" for c in planned)
        ).fetchone()
        if max(totals) > MAX_TOTAL:
            raise ValidationError(
                field,
                "too_large",
                f"{percent_text(factor)} would make the plan's amounts add up to more than a plan "
                "holds",
            )


# -- the arguments ---------------------------------------------------------------------------


def _shift(months_shift: int | None, horizon: Horizon) -> int:
    if months_shift is None:
        return horizon.count
    if isinstance(months_shift, bool) or not isinstance(months_shift, int):
        raise ValidationError("months_shift", "type", "must be a whole number of months")
    if months_shift < 1:
        raise ValidationError("months_shift", "range", "must be at least 1 month")
    return months_shift


def _refuse_past_last_year(plan: Plan, following: Horizon, shift: int) -> None:
    """Refuse moving any month past the last year a plan may hold."""
    (latest,) = plan.read(
        "SELECT max(coalesce((SELECT max(end_month) FROM initiatives), 0), "
        "coalesce((SELECT max(month) FROM monthly_values), 0))"
    ).fetchone()
    furthest = max(month_math.index(following.last), month_math.index(latest or 0) + shift)
    if furthest > month_math.index(month_math.month(month_math.LAST_YEAR, 12)):
        raise ValidationError(
            "months_shift",
            "range",
            f"next year's plan would run past December {month_math.LAST_YEAR}",
        )


def _factor(field: str, value: object) -> Fraction:
    """A scale as an exact fraction (``1.1`` is 11/10, as typed), from 0 to 1,000 %."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise ValidationError(field, "type", "must be a number")
    try:
        factor = value if isinstance(value, Fraction) else Fraction(Decimal(str(value)))
    except (ValueError, OverflowError, InvalidOperation):
        raise ValidationError(field, "not_a_number", "must be a finite number") from None
    if not 0 <= factor <= MAX_SCALE:
        raise ValidationError(
            field, "range", f"must be from 0 % to {percent_text(MAX_SCALE)} of this year's"
        )
    return factor


def percent_text(factor: Fraction | Decimal) -> str:
    """A scale as people read it: ``Fraction(11, 10)`` is ``110 %``, 10 is ``1,000 %``."""
    exact = Fraction(factor)
    number = Decimal(exact.numerator) / Decimal(exact.denominator) * 100
    text = f"{number.normalize():,f}"
    return f"{text} %"
