"""Build a demo plan file: the small showcase plan or the large benchmark plan."""

from __future__ import annotations

import contextlib
import random
from enum import StrEnum
from pathlib import Path

from planner import validation as check
from planner.demo import large, small
from planner.demo import small_catalog as catalog
from planner.domain import Stage
from planner.errors import ValidationError
from planner.plan import Plan


class DemoSize(StrEnum):
    """Which demo to build: a believable small company, or ARCHITECTURE.md's benchmark plan."""

    SMALL = "small"
    LARGE = "large"


def build_demo(
    path: str | Path,
    *,
    size: DemoSize | str = DemoSize.SMALL,
    seed: int = 7,
    overwrite: bool = False,
) -> Path:
    """Create a demo plan file at ``path``, fill it, close it, and return its absolute path.

    The same ``seed`` always gives the same plan: values come from ``random.Random(seed)``
    and the horizon starts in a fixed month, never "today". Refuses with a
    :class:`~planner.errors.PlanFileError` when the file exists and ``overwrite`` is false
    (leaving it untouched), and with a :class:`~planner.errors.ValidationError` for an
    unknown ``size``. If filling fails, the half-built file is removed and the error raised.
    """
    chosen = check.choice("size", size, DemoSize)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError("seed", "type", "must be a whole number")
    rng = random.Random(seed)
    # Each demo module names its plan, company, first month and horizon.
    source = catalog if chosen is DemoSize.SMALL else large
    plan = Plan.create(
        path,
        name=source.PLAN_NAME,
        company=source.COMPANY,
        currency="USD",
        fiscal_year_start=1,
        first_month=source.FIRST_MONTH,
        months=source.MONTHS,
        stage=Stage.SCALING if chosen is DemoSize.SMALL else Stage.ESTABLISHED,
        overwrite=overwrite,
    )
    created = plan.path
    assert created is not None  # a plan made by Plan.create always has its file
    try:
        # One transaction: fast (one journal sync, not thousands) and all-or-nothing.
        with plan.batch():
            if chosen is DemoSize.SMALL:
                small.fill_small(plan, rng)
            else:
                large.fill_large(plan, rng)
    except BaseException:
        # The file exists only because this call made it; an empty plan with the demo's
        # name would only mislead, so it goes.
        plan.close()
        with contextlib.suppress(OSError):
            created.unlink()
        raise
    plan.close()
    return created
