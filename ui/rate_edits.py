"""The undoable edit of one stage-rate override, of a channel or of an initiative: typed as
a percentage, blank to take the rate from the level above again.

Undo writes back the override the core held just before (read then, not from a view), and
a refusal names the rate and whose it is in one line.
"""

from __future__ import annotations

from collections.abc import Callable

from planner import PlanError
from planner.domain import RateOverrides
from planner.errors import ValidationError
from planner.rate_words import RATE_TITLES, typed_percent
from ui.commands import Overwrite


class SetRate(Overwrite):
    """Override ``rate`` of one record (``whose``: "channel 'Paid'") with what was typed."""

    def __init__(
        self,
        rate: str,
        typed: str,
        whose: str,
        *,
        read: Callable[[], RateOverrides],
        write: Callable[..., object],
    ) -> None:
        value = typed_percent(typed)
        verb = "clear" if value is None else "set"
        self.rate, self.typed, self.whose = rate, typed.strip(), whose
        super().__init__(
            f"{verb} {RATE_TITLES[rate]} rate of {whose}",
            lambda: write(**{rate: value}),
            read=lambda: getattr(read(), rate),
            restore=lambda old: write(**{rate: old}),
        )

    def refusal(self, error: PlanError) -> str:
        if not isinstance(error, ValidationError):
            return super().refusal(error)
        detail = error.detail
        if error.rule == "not_a_number":
            detail = f"{self.typed!r} is not a percentage (write it like 45 or 45%)"
        return f"{RATE_TITLES[self.rate]} rate of {self.whose}: {detail}; nothing changed."
