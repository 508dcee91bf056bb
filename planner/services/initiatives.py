"""Initiatives: the campaigns and programs of a plan, with their segments and story."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner import months as month_math
from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Initiative, RateOverrides, Role, Status
from planner.errors import ValidationError
from planner.services.base import Service, clean_overrides, reject_unknown_fields

_TEXT_FIELDS = ("problem", "so_what", "why_us", "notes")
_MONEY_FIELDS = frozenset({"budget", "revenue_target"})
_FIELDS = frozenset(
    {"name", "channel_id", "status", "start_month", "end_month", "budget", "revenue_target"}
    | set(_TEXT_FIELDS)
)
_SELECT = """
SELECT i.id, i.name, i.channel_id, i.status, i.start_month, i.end_month, i.budget,
       i.revenue_target, i.problem, i.so_what, i.why_us, i.notes,
       (SELECT group_concat(s.segment_id) FROM initiative_segments s WHERE s.initiative_id = i.id),
       (SELECT r.person_id FROM roles r WHERE r.initiative_id = i.id AND r.role = 'A')
FROM initiatives i
"""


def _initiative(row: tuple[Any, ...]) -> Initiative:
    segments = tuple(sorted(int(part) for part in row[12].split(","))) if row[12] else ()
    return Initiative(
        id=row[0],
        name=row[1],
        channel_id=row[2],
        status=Status(row[3]),
        start_month=row[4],
        end_month=row[5],
        budget=row[6],
        revenue_target=row[7],
        problem=row[8],
        so_what=row[9],
        why_us=row[10],
        notes=row[11],
        segment_ids=segments,
        owner_id=row[13],
    )


@dataclass(frozen=True, slots=True)
class InitiativeSnapshot:
    """Everything an initiative holds, to put it back exactly after a delete (undo)."""

    record: dict[str, Any]
    segment_ids: tuple[int, ...]
    roles: tuple[tuple[int, str], ...]
    monthly_rows: tuple[dict[str, Any], ...]


class InitiativeService(Service):
    def list(self) -> list[Initiative]:
        rows = self._plan.read(_SELECT + " ORDER BY i.name COLLATE NOCASE")
        return [_initiative(row) for row in rows]

    def count(self) -> int:
        """How many initiatives the plan has."""
        return self._plan.read("SELECT count(*) FROM initiatives").fetchone()[0]

    def get(self, initiative_id: int) -> Initiative:
        self._require("initiatives", "initiative", initiative_id, "initiative")
        return _initiative(self._plan.read(_SELECT + " WHERE i.id = ?", [initiative_id]).fetchone())

    def add(
        self,
        *,
        name: str,
        channel_id: int | None = None,
        status: Status | str = Status.PLANNED,
        start_month: str | int | None = None,
        end_month: str | int | None = None,
        budget: int | str = 0,
        revenue_target: int | str = 0,
        segment_ids: Iterable[int] = (),
        owner_id: int | None = None,
        problem: str = "",
        so_what: str = "",
        why_us: str = "",
        notes: str = "",
    ) -> Change:
        """Add an initiative (dates default to the plan's horizon, the channel to the plan's
        default, see :meth:`ChannelService.default`); the change's ``id`` is the new
        initiative's. Money is in minor units, or text in major units (``"25,000"``). A
        retired channel is not offered for new initiatives: it is refused."""
        horizon = self._plan.horizon
        if channel_id is None:
            channel_id = self._plan.channels.default().id
        fields = {
            "name": name,
            "channel_id": channel_id,
            "status": status,
            "start_month": horizon.first if start_month is None else start_month,
            "end_month": horizon.last if end_month is None else end_month,
            "budget": budget,
            "revenue_target": revenue_target,
            "problem": problem,
            "so_what": so_what,
            "why_us": why_us,
            "notes": notes,
        }
        row = self._clean(fields)
        self.check_dates(row["start_month"], row["end_month"])
        segments = self._clean_ids("segment_ids", segment_ids)
        with self._plan.edit(Entity.INITIATIVES, Action.ADDED, fields=row) as edit:
            self._check_channel(row["channel_id"], new=True)
            self._claim_name("initiatives", row, "initiative")
            new_id = edit.db["initiatives"].insert(row).last_pk
            edit.ids.add(new_id)
            self._refuse_totals_beyond_limit("initiatives", _MONEY_FIELDS)
            self._write_segments(new_id, segments)
            if owner_id is not None:
                self._require("people", "owner_id", owner_id, "person")
                edit.db.execute(
                    "INSERT INTO roles (initiative_id, person_id, role) VALUES (?, ?, 'A')",
                    [new_id, owner_id],
                )
        return edit.change

    def update(self, initiative_id: int, **fields: Any) -> Change:
        """Change any of: name, channel_id, status, start_month, end_month, budget,
        revenue_target, problem, so_what, why_us, notes. Any channel of the plan may be
        given, a retired one included: it may be the one the initiative had (an undo)."""
        reject_unknown_fields(fields, _FIELDS)
        row = self._clean(fields)
        with self._plan.edit(
            Entity.INITIATIVES, Action.UPDATED, ids={initiative_id}, fields=row
        ) as edit:
            current = self.get(initiative_id)
            if "channel_id" in row:
                self._check_channel(row["channel_id"], new=False)
            if "name" in row:
                self._claim_name("initiatives", row, "initiative", except_id=initiative_id)
            if "start_month" in row or "end_month" in row:
                self.check_dates(
                    row.get("start_month", current.start_month),
                    row.get("end_month", current.end_month),
                    changed="start_month" if "end_month" not in row else "end_month",
                )
            if row:
                edit.db["initiatives"].update(initiative_id, row)
                self._refuse_totals_beyond_limit("initiatives", _MONEY_FIELDS & row.keys())
        return edit.change

    def rates(self, initiative_id: int) -> RateOverrides:
        """The initiative's own stage conversion rates (``None`` where its channel's or the
        plan's apply; :func:`planner.analysis.rates.read_rates` gives the ones that do)."""
        self._require("initiatives", "initiative", initiative_id, "initiative")
        return self._overrides("initiatives", initiative_id)

    def set_rates(self, initiative_id: int, **rates: object) -> Change:
        """Override stage conversion rates of the initiative (any of the five of
        :data:`~planner.domain.STAGE_RATES`: a fraction or text like ``"45%"``; ``None`` goes
        back to its channel's or the plan's). Part of the planned side: a scenario keeps its
        own, a locked version refuses."""
        self._require("initiatives", "initiative", initiative_id, "initiative")
        row = clean_overrides(rates)
        with self._plan.edit(
            Entity.INITIATIVES, Action.UPDATED, ids={initiative_id}, fields=row
        ) as edit:
            if row:
                edit.db["initiatives"].update(initiative_id, row)
        return edit.change

    def set_segments(self, initiative_id: int, segment_ids: Iterable[int]) -> Change:
        """Aim the initiative at exactly these segments."""
        segments = self._clean_ids("segment_ids", segment_ids)
        with self._plan.edit(
            Entity.INITIATIVES, Action.UPDATED, ids={initiative_id}, fields={"segment_ids"}
        ) as edit:
            self._require("initiatives", "initiative", initiative_id, "initiative")
            edit.db.execute(
                "DELETE FROM initiative_segments WHERE initiative_id = ?", [initiative_id]
            )
            self._write_segments(initiative_id, segments)
        return edit.change

    def delete(self, initiative_id: int) -> Change:
        """Remove an initiative with its roles, segments and monthly values (see
        :meth:`snapshot` and :meth:`restore` to undo)."""
        with self._plan.edit(Entity.INITIATIVES, Action.DELETED, ids={initiative_id}) as edit:
            self._require("initiatives", "initiative", initiative_id, "initiative")
            edit.db.execute("DELETE FROM initiatives WHERE id = ?", [initiative_id])
        return edit.change

    def duplicate(self, initiative_id: int) -> Change:
        """A copy named "<name> (copy)" with the same segments, roles and planned values; no
        actuals (they happened to the original)."""
        source = self.snapshot(initiative_id)
        original = source.record["name"]
        # Every name, case-folded: a LIKE prefix search misses names with backslashes or
        # other letters than ASCII ones in another case, and the insert then fails.
        taken = {row[0].casefold() for row in self._plan.read("SELECT name FROM initiatives")}
        number = 1
        while True:
            suffix = " (copy)" if number == 1 else f" (copy {number})"
            # A long name is shortened so the copy's name still fits.
            name = original[: check.MAX_NAME - len(suffix)].rstrip() + suffix
            if name.casefold() not in taken:
                break
            number += 1
        record = {**source.record, "name": check.name("name", name)}
        record.pop("id")
        # Planned values only; a month that held only actuals holds nothing in the copy, so
        # it gets no row (an empty row would still count as a value, e.g. when the horizon
        # shrinks).
        planned_only = []
        for row in source.monthly_rows:
            planned = {k: (None if k.endswith("_actual") else v) for k, v in row.items()}
            if any(v is not None for k, v in planned.items() if k.endswith("_plan")):
                planned_only.append(planned)
        with self._plan.edit(Entity.INITIATIVES, Action.ADDED, fields=record) as edit:
            self._claim_name("initiatives", record, "initiative")
            new_id = edit.db["initiatives"].insert(record).last_pk
            edit.ids.add(new_id)
            self._restore_children(new_id, source.segment_ids, source.roles, planned_only)
        return edit.change

    def snapshot(self, initiative_id: int) -> InitiativeSnapshot:
        """Everything the initiative holds, for :meth:`restore`."""
        self._require("initiatives", "initiative", initiative_id, "initiative")
        db = self._plan.db
        record = next(db.query("SELECT * FROM initiatives WHERE id = ?", [initiative_id]))
        return InitiativeSnapshot(
            record=record,
            segment_ids=tuple(
                row[0]
                for row in db.execute(
                    "SELECT segment_id FROM initiative_segments WHERE initiative_id = ?",
                    [initiative_id],
                )
            ),
            roles=tuple(
                (row[0], row[1])
                for row in db.execute(
                    "SELECT person_id, role FROM roles WHERE initiative_id = ?", [initiative_id]
                )
            ),
            monthly_rows=tuple(
                db.query(
                    "SELECT * FROM monthly_values WHERE initiative_id = ? ORDER BY month",
                    [initiative_id],
                )
            ),
        )

    def restore(self, snapshot: InitiativeSnapshot) -> Change:
        """Put a deleted initiative back, with its id, segments, roles and values."""
        record = snapshot.record
        with self._plan.edit(
            Entity.INITIATIVES, Action.ADDED, ids={record["id"]}, fields=record
        ) as edit:
            if edit.db.execute("SELECT 1 FROM initiatives WHERE id = ?", [record["id"]]).fetchone():
                raise ValidationError(
                    "initiative", "exists", f"{record['name']!r} is still in the plan"
                )
            self._claim_name("initiatives", record, "initiative")
            edit.db["initiatives"].insert(record)
            self._restore_children(
                record["id"], snapshot.segment_ids, snapshot.roles, snapshot.monthly_rows
            )
        return edit.change

    # -- helpers ------------------------------------------------------------------------

    def _restore_children(
        self,
        initiative_id: int,
        segment_ids: Iterable[int],
        roles: Iterable[tuple[int, str]],
        monthly_rows: Iterable[dict[str, Any]],
    ) -> None:
        db = self._plan.db
        self._write_segments(initiative_id, tuple(segment_ids))
        roles = tuple(roles)
        for person_id, _role in roles:  # someone deleted since the snapshot was taken
            self._require("people", "person", person_id, "person")
        db.conn.executemany(
            "INSERT INTO roles (initiative_id, person_id, role) VALUES (?, ?, ?)",
            [(initiative_id, person, Role(role).value) for person, role in roles],
        )
        rows = [{**row, "initiative_id": initiative_id} for row in monthly_rows]
        for row in rows:  # the horizon may have moved since the snapshot was taken
            check.month_in("month", row["month"], self._plan.horizon)
        if rows:
            db["monthly_values"].insert_all(rows)
        # A copy or an undone delete adds its budget and values to the plan's totals.
        self._refuse_totals_beyond_limit("initiatives", _MONEY_FIELDS)
        self._refuse_totals_beyond_limit(
            "monthly_values",
            {column for row in rows for column, v in row.items() if v is not None}
            - {"initiative_id", "month"},
        )

    def _write_segments(self, initiative_id: int, segment_ids: tuple[int, ...]) -> None:
        for segment_id in segment_ids:
            self._require("segments", "segment_ids", segment_id, "segment")
        self._plan.db.conn.executemany(
            "INSERT INTO initiative_segments (initiative_id, segment_id) VALUES (?, ?)",
            [(initiative_id, segment_id) for segment_id in segment_ids],
        )

    def _check_channel(self, channel_id: int, *, new: bool) -> None:
        """Refuse a channel the plan does not have, and a retired one for a new initiative."""
        name = self._require("channels", "channel", channel_id, "channel")
        if new and self._plan.channels.get(channel_id).retired:
            raise ValidationError(
                "channel",
                "retired",
                f"{name} is retired and not offered for new initiatives; bring it back in "
                "Plan settings to use it again",
            )

    @staticmethod
    def _clean_ids(field: str, ids: Iterable[int]) -> tuple[int, ...]:
        cleaned = []
        for value in ids:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(field, "type", f"{value!r} is not a segment id")
            cleaned.append(value)
        return tuple(dict.fromkeys(cleaned))

    @staticmethod
    def check_dates(start: int, end: int, *, changed: str = "end_month") -> None:
        """Refuse an end before the start, naming the field ``changed``."""
        if end < start:
            raise ValidationError(
                changed,
                "end_before_start",
                f"the end ({month_math.label(end)}) is before the start ({month_math.label(start)})",
            )

    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        currency = self._plan.currency
        row: dict[str, Any] = {}
        if "name" in fields:
            row["name"] = check.name("name", fields["name"])
        if "channel_id" in fields:
            row["channel_id"] = fields["channel_id"]  # checked against the plan's channels
        if "status" in fields:
            row["status"] = check.choice("status", fields["status"], Status).value
        for field in ("start_month", "end_month"):
            if field in fields:
                row[field] = check.month(field, fields[field])
        for field in ("budget", "revenue_target"):
            if field in fields:
                row[field] = check.amount(field, fields[field], currency)
        for field in _TEXT_FIELDS:
            if field in fields:
                row[field] = check.text(field, fields[field])
        return row
