"""Plans the app itself writes, for the content property (issue 15, item 4): every edit goes
through the app's own services, with values at the edges of what they take (the largest
amounts and totals, rates near 0, a 120-month horizon, long text, markup). Whatever such a
plan holds is within the app's rules, so no command and no open may refuse it, and a crash on
it is a bug downstream of any content check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fuzz_support import base_plan
from hypothesis import strategies as st

from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.domain import Role, Stage, Status, Team, Tier
from planner.validation import MAX_NUMBER, MAX_TOTAL

# -- plans the app itself can write ------------------------------------------------------------
#
# The same commands must never refuse these: every edit goes through the app's own services
# (an edit they refuse is skipped), so whatever the file holds is within the app's rules, and
# a crash on it is a bug downstream of any content check.

_EXTREME_NUMBERS = st.one_of(
    st.sampled_from((0, 1, 2, 99, 10**15 - 1, 10**15, 10**14, 2**53 + 1)),
    st.integers(0, 10**15),
)


def _at_most(limit: int) -> st.SearchStrategy[int]:
    """``limit`` and the numbers just below it, or any number up to it."""
    return st.one_of(st.sampled_from((limit, limit - 1, 0, 1)), st.integers(0, limit))


_EXTREME_RATES = st.one_of(
    st.sampled_from((1e-300, 5e-324, 1e-9, 0.0001, 0.5, 1.0, "0.0000001%", "100%", "1e-30")),
    st.floats(min_value=0, max_value=1, exclude_min=True),
)
_NAMES = st.one_of(
    st.sampled_from(
        (
            "$\\frac{1}{2$",
            "$x^2$",
            "$",
            "\\",
            "<b>bold</b>",
            "&lt;&amp;",
            "=1+1",
            "-5",
            "@x",
            "{0} %s %(x)s",
            "😀" * 30,
            "\u202eevil",
            "A\u0301",
            "x" * 200,
            "ﬀ",
            "İ",
            "ß",
        )
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=60),
)
_LONG_TEXTS = st.one_of(_NAMES, st.sampled_from(("", "line\nbreak\ttab", "y" * 20_000)))
_YEARS_MONTHS = st.tuples(
    st.one_of(st.sampled_from((1900, 1999, 2026, 2999)), st.integers(1900, 2999)),
    st.integers(1, 12),
).map(lambda year_month: f"{year_month[0]}-{year_month[1]:02d}")


@dataclass(frozen=True)
class Edit:
    """``plan.<service>.<method>(*args, **kwargs)``, where an ``int`` argument named in
    ``picks`` is an index (modulo their number) into the plan's initiatives, people,
    segments or channels at the time, or into its horizon's months."""

    service: str
    method: str
    args: tuple[object, ...] = ()
    kwargs: tuple[tuple[str, object], ...] = ()
    picks: tuple[str, ...] = ()  # what each positional argument indexes, or "" (as given)

    def apply(self, plan) -> None:  # type: ignore[no-untyped-def]
        pools = {
            "initiative": lambda: [i.id for i in plan.initiatives.list()],
            "person": lambda: [p.id for p in plan.people.list()],
            "segment": lambda: [s.id for s in plan.segments.list()],
            "channel": lambda: [c.id for c in plan.channels.list()],
            "month": lambda: list(plan.horizon.months()),
        }
        args = []
        for arg, pick in zip(self.args, self.picks + ("",) * len(self.args), strict=False):
            if pick:
                pool = pools[pick]()
                if not pool:
                    return
                arg = pool[int(arg) % len(pool)]  # type: ignore[call-overload]
            args.append(arg)
        kwargs = {}
        for name, value in self.kwargs:
            if isinstance(value, Pick):
                pool = pools[value.pool]()
                if not pool:
                    return
                value = pool[value.index % len(pool)]
            kwargs[name] = value
        getattr(getattr(plan, self.service), self.method)(*args, **kwargs)


@dataclass(frozen=True)
class FillEverything:
    """Every metric of every initiative, planned and actual, in every month: ``value``, or
    (None) the largest value that keeps each column's total within the plan's limit."""

    value: int | None

    def apply(self, plan) -> None:  # type: ignore[no-untyped-def]
        from planner.domain import Metric
        from planner.services.values import Kind, ValueEntry

        cells = [
            (initiative.id, month)
            for initiative in plan.initiatives.list()
            for month in plan.horizon.months()
        ]
        value = self.value
        if value is None:
            value = min(MAX_NUMBER, MAX_TOTAL // max(len(cells), 1))
        plan.values.set_many(
            ValueEntry(initiative, month, metric, kind, value)
            for initiative, month in cells
            for metric in Metric
            for kind in Kind
        )


@dataclass(frozen=True)
class Pick:
    pool: str
    index: int


def _pick(pool: str) -> st.SearchStrategy[Pick]:
    return st.integers(0, 400).map(lambda index: Pick(pool, index))


_METRIC_NAMES = st.sampled_from(
    ("spend", "leads", "mql", "sal", "sql", "opportunities", "pipeline", "deals_won", "revenue_won")
)


@st.composite
def app_edits(draw: st.DrawFn) -> Edit | FillEverything:
    kind = draw(
        st.sampled_from(
            (
                "settings",
                "horizon",
                "initiative",
                "initiative",
                "add_initiative",
                "value",
                "value",
                "values_everywhere",
                "funnel",
                "handoff",
                "followup",
                "person",
                "segment",
                "role",
                "channel",
                "delete",
            )
        )
    )
    index = st.integers(0, 400)
    if kind == "settings":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("company"), _NAMES),
                st.tuples(
                    st.just("currency"), st.sampled_from(("JPY", "KRW", "XAU", "EUR", "ZZZ"))
                ),
                st.tuples(st.just("fiscal_year_start"), st.integers(1, 12)),
                st.tuples(st.just("stage"), st.sampled_from([stage.value for stage in Stage])),
            )
        )
        return Edit("settings", "update", kwargs=((field_, value),))
    if kind == "horizon":
        return Edit(
            "settings",
            "update",
            kwargs=(
                ("first_month", draw(_YEARS_MONTHS)),
                ("months", draw(st.sampled_from((1, 2, 12, 13, 36, 119, 120)))),
            ),
        )
    if kind == "initiative":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.sampled_from(("budget", "revenue_target")), _EXTREME_NUMBERS),
                st.tuples(st.sampled_from(("start_month", "end_month")), _pick("month")),
                st.tuples(st.just("status"), st.sampled_from([s.value for s in Status])),
                st.tuples(st.just("channel_id"), _pick("channel")),
                st.tuples(st.sampled_from(("problem", "so_what", "why_us", "notes")), _LONG_TEXTS),
            )
        )
        return Edit(
            "initiatives", "update", (draw(index),), ((field_, value),), picks=("initiative",)
        )
    if kind == "add_initiative":
        return Edit(
            "initiatives",
            "add",
            kwargs=(
                ("name", draw(_NAMES)),
                ("budget", draw(_EXTREME_NUMBERS)),
                ("revenue_target", draw(_EXTREME_NUMBERS)),
                ("status", draw(st.sampled_from([s.value for s in Status]))),
            ),
        )
    if kind == "value":
        return Edit(
            "values",
            "set",
            (draw(index), draw(index), draw(_METRIC_NAMES)),
            tuple(
                (which, draw(st.none() | _EXTREME_NUMBERS))
                for which in draw(st.sets(st.sampled_from(("planned", "actual")), min_size=1))
            ),
            picks=("initiative", "month", ""),
        )
    if kind == "values_everywhere":
        return FillEverything(draw(st.none() | _EXTREME_NUMBERS))
    if kind == "funnel":
        field_ = draw(
            st.sampled_from(
                (
                    "lead_to_mql",
                    "mql_to_sal",
                    "sal_to_sql",
                    "sql_to_opportunity",
                    "opportunity_to_won",
                    "average_deal_size",
                    "min_return_ratio",
                )
            )
        )
        value = draw(
            _EXTREME_NUMBERS.filter(bool)
            if field_ == "average_deal_size"
            else st.one_of(_EXTREME_RATES, _at_most(MAX_RETURN_RATIO))
            if field_ == "min_return_ratio"
            else _EXTREME_RATES
        )
        return Edit("funnel", "update", kwargs=((field_, value),))
    if kind == "handoff":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("mqls_per_month"), _at_most(MAX_MQLS_PER_MONTH)),
                st.tuples(st.just("acceptance_rate"), _EXTREME_RATES),
                st.tuples(st.just("followup_hours"), _EXTREME_RATES | _at_most(MAX_FOLLOWUP_HOURS)),
                st.tuples(st.just("quality_bar"), _LONG_TEXTS),
            )
        )
        return Edit("handoff", "update", kwargs=((field_, value),))
    if kind == "followup":
        return Edit(
            "handoff",
            "set_followup_hours",
            (draw(index), draw(st.none() | _at_most(MAX_FOLLOWUP_HOURS))),
            picks=("month", ""),
        )
    if kind == "person":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("team"), st.sampled_from([t.value for t in Team])),
                st.tuples(st.just("title"), _NAMES),
                st.tuples(st.just("active"), st.booleans()),
            )
        )
        return Edit("people", "update", (draw(index),), ((field_, value),), picks=("person",))
    if kind == "segment":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("tier"), st.sampled_from([t.value for t in Tier])),
                st.tuples(st.just("notes"), _LONG_TEXTS),
            )
        )
        return Edit("segments", "update", (draw(index),), ((field_, value),), picks=("segment",))
    if kind == "role":
        return Edit(
            "roles",
            "set",
            (draw(index), draw(index), draw(st.none() | st.sampled_from([r.value for r in Role]))),
            picks=("initiative", "person", ""),
        )
    if kind == "channel":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES), st.tuples(st.just("retired"), st.booleans())
            )
        )
        return Edit("channels", "update", (draw(index),), ((field_, value),), picks=("channel",))
    service, pool = draw(
        st.sampled_from(
            (
                ("initiatives", "initiative"),
                ("people", "person"),
                ("segments", "segment"),
                ("channels", "channel"),
            )
        )
    )
    return Edit(service, "delete", (draw(index),), picks=(pool,))


def write_app_plan(
    path: Path, edits: Sequence[Edit | FillEverything]
) -> list[Edit | FillEverything]:
    """The demo plan at ``path``, changed by each of ``edits`` that the app's services accept;
    returns those they accepted."""
    from planner import Plan, PlanError

    path.write_bytes(base_plan())
    applied = []
    with Plan.open(path) as plan:
        for edit in edits:
            try:
                edit.apply(plan)
            except PlanError:
                continue
            applied.append(edit)
    return applied


@dataclass(frozen=True)
class AppWrittenPlan:
    edits: tuple[Edit | FillEverything, ...]

    def write(self, path: Path) -> None:
        write_app_plan(path, self.edits)


def app_written_plans() -> st.SearchStrategy[AppWrittenPlan]:
    """The demo plan after a few edits at the edges of what the app accepts."""
    return st.lists(app_edits(), min_size=1, max_size=8).map(
        lambda edits: AppWrittenPlan(tuple(edits))
    )
