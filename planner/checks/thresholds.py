"""How focused a plan should be for its company's stage ("pitch into the strike zone").

The seeds say focus matters most when resources are scarce: a startup should put nearly all of
its budget into a few core segments; an established company can afford more exploration. These
are judgement calls, kept in one place so they can be tuned.
"""

from planner.domain import Stage

# The smallest share of the budget that should aim at core segments.
MIN_ZONE_SHARE = {Stage.STARTUP: 0.8, Stage.SCALING: 0.7, Stage.ESTABLISHED: 0.6}

# More core segments than this and the zone is no longer a zone.
MAX_CORE_SEGMENTS = {Stage.STARTUP: 2, Stage.SCALING: 4, Stage.ESTABLISHED: 6}

# A channel's actual cost per MQL so far, as a multiple of its planned cost per MQL over the
# same months, from which the checks call it far above plan. Twice the plan: a channel's
# monthly costs swing by a third either way in ordinary months (the demo plans' channels run
# from 0.8x to 1.5x), so only a doubling says the channel, not the month, is off.
COST_PER_MQL_ALARM = 2.0
