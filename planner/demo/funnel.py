"""Monthly funnel values for the small demo that read like a real plan and a real quarter.

A plan is worked backwards from revenue, the way PRODUCT.md's reverse funnel does it: the
revenue target and the average deal size give the deals needed, and each conversion rate
turns the stage below into the stage above. Every month is then kept a narrowing funnel
(leads >= MQL >= SAL >= SQL >= opportunities >= deals), so the per-initiative totals narrow too.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

# Column positions inside a MonthRow's 18 values: each Metric's planned then actual value.
SPEND, LEADS, MQL, SAL, SQL, OPPS, PIPELINE, DEALS, REVENUE = range(9)
VALUES_PER_ROW = 18


@dataclass(frozen=True, slots=True)
class Rates:
    """Conversion rates between the funnel's count stages, as fractions."""

    lead_to_mql: float
    mql_to_sal: float
    sal_to_sql: float
    sql_to_opportunity: float
    opportunity_to_won: float

    def upward(self) -> tuple[float, ...]:
        """The rates from deals up to leads: opp->won, sql->opp, sal->sql, mql->sal, lead->mql."""
        return (
            self.opportunity_to_won,
            self.sql_to_opportunity,
            self.sal_to_sql,
            self.mql_to_sal,
            self.lead_to_mql,
        )

    def worse(self, rng: random.Random) -> Rates:
        """A copy with each marketing-side rate 3-20 % lower: initiatives plan with a margin.

        Never better than the plan's own rates, so an initiative's planned funnel is always
        wide enough for its revenue target at those rates (the alignment checks' "thin
        funnel"). MQL to SAL stays: sales acceptance is fixed by the hand-off agreement.
        """

        def margin(rate: float) -> float:
            return rate * rng.uniform(0.8, 0.97)

        return Rates(
            lead_to_mql=margin(self.lead_to_mql),
            mql_to_sal=self.mql_to_sal,
            sal_to_sql=margin(self.sal_to_sql),
            sql_to_opportunity=margin(self.sql_to_opportunity),
            opportunity_to_won=margin(self.opportunity_to_won),
        )


def distribute(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into whole parts proportional to ``weights`` that sum to ``total``.

    Largest remainder method: nothing is lost to rounding (a planned spend adds up to the
    budget exactly), and ties go to the earlier month, so the result is deterministic.
    """
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    parts = [math.floor(share) for share in shares]
    left = total - sum(parts)
    by_remainder = sorted(range(len(shares)), key=lambda i: (parts[i] - shares[i], i))
    for i in by_remainder[:left]:
        parts[i] += 1
    return parts


def planned_rows(
    rng: random.Random,
    *,
    months: int,
    spend: int,
    deals: int,
    rates: Rates,
    deal_size: int,
) -> list[list[int | None]]:
    """Planned values for ``months`` consecutive months, actual columns left empty.

    ``spend`` (minor units) is spread over the months exactly; ``deals`` come later in the
    run than leads do (a campaign needs time to turn leads into won deals).
    """
    noise = [rng.uniform(0.75, 1.25) for _ in range(months)]
    # Later months weigh more for deals: the pipeline a campaign builds closes towards its end.
    deal_weights = [w * (1 + 0.6 * j / max(1, months - 1)) for j, w in enumerate(noise)]
    by_stage = [distribute(deals, deal_weights)]
    # Each stage above deals is the reverse funnel of the one below, rounded up as a whole
    # and spread like the leads are.
    total = deals
    for rate in rates.upward():
        total = math.ceil(total / rate)
        by_stage.append(distribute(total, noise))
    spend_parts = distribute(spend, [rng.uniform(0.8, 1.2) for _ in range(months)])
    rows = []
    for j in range(months):
        # A month never converts more than 100 %: each stage is at least the one below it.
        counts = [by_stage[0][j]]
        for stage in by_stage[1:]:
            counts.append(max(counts[-1], stage[j]))
        deals_m, opps, sql, sal, mql, leads = counts
        row: list[int | None] = [None] * VALUES_PER_ROW
        for column, value in (
            (SPEND, spend_parts[j]),
            (LEADS, leads),
            (MQL, mql),
            (SAL, sal),
            (SQL, sql),
            (OPPS, opps),
            (PIPELINE, opps * deal_size),
            (DEALS, deals_m),
            (REVENUE, deals_m * deal_size),
        ):
            row[2 * column] = value
        rows.append(row)
    return rows


def add_actuals(
    row: list[int | None], rng: random.Random, performance: float, deal_size: int
) -> None:
    """Fill the actual columns of a planned month: ``performance`` above 1 is ahead of plan.

    Each stage is capped at the actual of the stage above it, so actuals narrow like the plan.
    """
    previous: int | None = None
    for column in (LEADS, MQL, SAL, SQL, OPPS, DEALS):
        planned = row[2 * column] or 0
        actual = round(planned * performance * rng.uniform(0.85, 1.15))
        if previous is not None:
            actual = min(actual, previous)
        row[2 * column + 1] = actual
        previous = actual
    # Spend runs close to plan whatever the results: the money was committed up front.
    row[2 * SPEND + 1] = round((row[2 * SPEND] or 0) * rng.uniform(0.9, 1.1))
    # Deals close a little above or below list price, and so does the pipeline they come from.
    row[2 * PIPELINE + 1] = round((row[2 * OPPS + 1] or 0) * deal_size * rng.uniform(0.9, 1.1))
    row[2 * REVENUE + 1] = round((row[2 * DEALS + 1] or 0) * deal_size * rng.uniform(0.9, 1.1))
