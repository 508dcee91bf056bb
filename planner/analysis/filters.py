"""Which initiatives an analysis looks at: a filter compiled to one SQL condition."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.domain import Status, Team, Tier

if TYPE_CHECKING:
    from planner.plan import Plan


@dataclass(frozen=True)
class Filter:
    """Initiatives matching every given criterion (an empty criterion matches all)."""

    channel_ids: Collection[int] = field(default_factory=tuple)
    statuses: Collection[Status] = field(default_factory=tuple)
    owner_ids: Collection[int | None] = field(default_factory=tuple)  # None: no owner
    teams: Collection[Team | None] = field(default_factory=tuple)  # None: no owner's team
    segment_ids: Collection[int] = field(default_factory=tuple)
    tiers: Collection[Tier] = field(default_factory=tuple)

    def kept(self, plan: Plan) -> frozenset[int] | None:
        """The ids of the initiatives of ``plan`` this filter keeps; ``None``: every one."""
        condition, params = self.sql("x.id")
        if not params and condition == "1":
            return None
        rows = plan.query(f"SELECT x.id FROM initiatives x WHERE {condition}", params)
        return frozenset(row[0] for row in rows)

    def sql(self, initiative_column: str) -> tuple[str, list[Any]]:
        """``(condition, params)`` true for the initiatives this filter keeps."""
        parts: list[str] = []
        params: list[Any] = []

        def among(expression: str, values: Collection[Any]) -> None:
            # None among the values stands for "none at all" (no owner, so no team either).
            known = [value for value in values if value is not None]
            tests = []
            if known:
                tests.append(f"{expression} IN ({', '.join('?' * len(known))})")
                params.extend(known)
            if len(known) < len(values):
                tests.append(f"{expression} IS NULL")
            parts.append(tests[0] if len(tests) == 1 else f"({' OR '.join(tests)})")

        if self.channel_ids:
            among("i.channel_id", list(self.channel_ids))
        if self.statuses:
            among("i.status", [Status(s).value for s in self.statuses])
        if self.owner_ids:
            among(
                "(SELECT r.person_id FROM roles r WHERE r.initiative_id = i.id AND r.role = 'A')",
                list(self.owner_ids),
            )
        if self.teams:
            among(
                "(SELECT p.team FROM roles r JOIN people p ON p.id = r.person_id "
                "WHERE r.initiative_id = i.id AND r.role = 'A')",
                [None if t is None else Team(t).value for t in self.teams],
            )
        if self.segment_ids:
            ids = list(self.segment_ids)
            parts.append(
                "EXISTS (SELECT 1 FROM initiative_segments a WHERE a.initiative_id = i.id "
                f"AND a.segment_id IN ({', '.join('?' * len(ids))}))"
            )
            params.extend(ids)
        if self.tiers:
            tiers = [Tier(t).value for t in self.tiers]
            parts.append(
                "EXISTS (SELECT 1 FROM initiative_segments a JOIN segments s ON s.id = a.segment_id "
                f"WHERE a.initiative_id = i.id AND s.tier IN ({', '.join('?' * len(tiers))}))"
            )
            params.extend(tiers)
        if not parts:
            return "1", []
        condition = " AND ".join(parts)
        return f"{initiative_column} IN (SELECT i.id FROM initiatives i WHERE {condition})", params
