"""The conversion rates that apply to an initiative: its own, else its channel's, else the
plan's, one stage rate at a time.

A demo request converts differently from a content download (PRODUCT.md), so a channel or an
initiative may override any of the five stage rates; the rest come from the next more general
level. Every figure that turns a target into a funnel (the waterfall, the checks, phasing)
reads an initiative's rates from :meth:`Rates.of_initiative`, so there is one precedence:

    initiative > channel > plan

The average deal size is the plan's alone (overrides are of the stage rates only).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.domain import NO_OVERRIDES, STAGE_RATES, FunnelAssumptions, RateOverrides

if TYPE_CHECKING:
    from planner.plan import Plan


class RateLevel(StrEnum):
    """Where a rate that applies comes from (for a surface to say "set on the channel")."""

    INITIATIVE = "initiative"
    CHANNEL = "channel"
    PLAN = "plan"


def most_specific(
    plan: FunnelAssumptions,
    channel: RateOverrides = NO_OVERRIDES,
    initiative: RateOverrides = NO_OVERRIDES,
) -> FunnelAssumptions:
    """``plan``'s assumptions with each stage rate the channel overrides, and then each the
    initiative overrides, put in its place."""
    replaced = channel.given | initiative.given
    return dataclasses.replace(plan, **replaced) if replaced else plan


@dataclass(frozen=True, slots=True)
class Rates:
    """A plan's rates as read at one moment: the plan-wide assumptions, each channel's and
    each initiative's overrides (only those that have any), and each initiative's channel."""

    plan: FunnelAssumptions
    channels: Mapping[int, RateOverrides]
    initiatives: Mapping[int, RateOverrides]
    channel_of: Mapping[int, int]

    def of_channel(self, channel_id: int) -> FunnelAssumptions:
        """The rates a channel's initiatives get unless they override them."""
        return most_specific(self.plan, self.channels.get(channel_id, NO_OVERRIDES))

    def of_initiative(self, initiative_id: int) -> FunnelAssumptions:
        """The most specific rates of an initiative (initiative > channel > plan); an unknown
        id gets the plan's."""
        channel = self.channel_of.get(initiative_id)
        return most_specific(
            self.plan,
            NO_OVERRIDES if channel is None else self.channels.get(channel, NO_OVERRIDES),
            self.initiatives.get(initiative_id, NO_OVERRIDES),
        )

    def level(self, initiative_id: int, rate: str) -> RateLevel:
        """Where the initiative's ``rate`` (a name of :data:`~planner.domain.STAGE_RATES`)
        comes from."""
        if rate not in STAGE_RATES:
            raise ValueError(f"{rate!r} is not a stage rate")
        if getattr(self.initiatives.get(initiative_id, NO_OVERRIDES), rate) is not None:
            return RateLevel.INITIATIVE
        channel = self.channel_of.get(initiative_id)
        overrides = NO_OVERRIDES if channel is None else self.channels.get(channel, NO_OVERRIDES)
        if getattr(overrides, rate) is not None:
            return RateLevel.CHANNEL
        return RateLevel.PLAN

    def inherited(self, initiative_id: int, rate: str) -> tuple[float, RateLevel]:
        """The initiative's ``rate`` were it not its own: its channel's, else the plan's,
        and which of them (what an override of the initiative's would replace)."""
        channel = self.channel_of.get(initiative_id)
        overrides = NO_OVERRIDES if channel is None else self.channels.get(channel, NO_OVERRIDES)
        own = getattr(overrides, rate)
        if own is not None:
            return own, RateLevel.CHANNEL
        return getattr(self.plan, rate), RateLevel.PLAN

    def with_plan(self, assumptions: FunnelAssumptions) -> Rates:
        """These rates with other plan-wide assumptions (a what-if: nothing is written);
        the overrides still win over them."""
        return dataclasses.replace(self, plan=assumptions)


_ANY = " OR ".join(f"{rate} IS NOT NULL" for rate in STAGE_RATES)
_LISTED = ", ".join(STAGE_RATES)
_OVERRIDDEN = f"SELECT id, {_LISTED} FROM {{}} WHERE {_ANY}"


def read_rates(plan: Plan) -> Rates:
    """The plan's rates now: its assumptions, and the overrides its channels and initiatives
    hold (read in three small queries)."""
    return Rates(
        plan.funnel.get(),
        {row[0]: RateOverrides(*row[1:]) for row in plan.query(_OVERRIDDEN.format("channels"))},
        {row[0]: RateOverrides(*row[1:]) for row in plan.query(_OVERRIDDEN.format("initiatives"))},
        dict(plan.query("SELECT id, channel_id FROM initiatives")),
    )


def read_initiative_rates(plan: Plan, initiative_id: int) -> Rates:
    """The rates of one initiative as :func:`read_rates` reads them for all (its own
    overrides, its channel's, the plan's), read in a few small queries."""
    channel = plan.initiatives.get(initiative_id).channel_id
    return Rates(
        plan.funnel.get(),
        {channel: plan.channels.rates(channel)},
        {initiative_id: plan.initiatives.rates(initiative_id)},
        {initiative_id: channel},
    )
