"""Customer segments and their strike-zone tier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Segment, Tier
from planner.errors import ValidationError
from planner.services.base import Service, reject_unknown_fields

_FIELDS = frozenset({"name", "tier", "notes"})
_TIER_ORDER = "CASE tier WHEN 'core' THEN 0 WHEN 'edge' THEN 1 ELSE 2 END"


@dataclass(frozen=True, slots=True)
class SegmentSnapshot:
    """A segment and the initiatives aimed at it, to put it back after a delete (undo)."""

    record: dict[str, Any]
    initiative_ids: tuple[int, ...]


class SegmentService(Service):
    def list(self) -> list[Segment]:
        rows = self._plan.read(
            f"SELECT id, name, tier, notes FROM segments ORDER BY {_TIER_ORDER}, name COLLATE NOCASE"
        )
        return [Segment(id=r[0], name=r[1], tier=Tier(r[2]), notes=r[3]) for r in rows]

    def get(self, segment_id: int) -> Segment:
        self._require("segments", "segment", segment_id, "segment")
        r = self._plan.read(
            "SELECT id, name, tier, notes FROM segments WHERE id = ?", [segment_id]
        ).fetchone()
        return Segment(id=r[0], name=r[1], tier=Tier(r[2]), notes=r[3])

    def add(self, *, name: str, tier: Tier | str, notes: str = "") -> Change:
        """Add a segment; the change's ``id`` is the new segment's."""
        row = self._clean({"name": name, "tier": tier, "notes": notes})
        with self._plan.edit(Entity.SEGMENTS, Action.ADDED, fields=row) as edit:
            self._claim_name("segments", row, "segment")
            edit.ids.add(edit.db["segments"].insert(row).last_pk)
        return edit.change

    def update(self, segment_id: int, **fields: Any) -> Change:
        """Change any of: name, tier, notes."""
        reject_unknown_fields(fields, _FIELDS)
        row = self._clean(fields)
        with self._plan.edit(Entity.SEGMENTS, Action.UPDATED, ids={segment_id}, fields=row) as edit:
            self._require("segments", "segment", segment_id, "segment")
            if "name" in row:
                self._claim_name("segments", row, "segment", except_id=segment_id)
            if row:
                edit.db["segments"].update(segment_id, row)
        return edit.change

    def delete(self, segment_id: int) -> Change:
        """Remove a segment; initiatives aimed at it stop being aimed at it.

        The change set announced holds the segment's deletion and, when initiatives were aimed
        at it, an update of those initiatives' ``segment_ids`` (so their views refresh too).
        """
        with self._plan.batch():
            with self._plan.edit(Entity.SEGMENTS, Action.DELETED, ids={segment_id}) as edit:
                name = self._require("segments", "segment", segment_id, "segment")
                self._plan.versions.refuse_deleting_what_versions_use(
                    "segment_id", segment_id, name, "delete the version first"
                )
                aimed = {
                    row[0]
                    for row in edit.db.execute(
                        "SELECT initiative_id FROM initiative_segments WHERE segment_id = ?",
                        [segment_id],
                    )
                }
                edit.db.execute("DELETE FROM segments WHERE id = ?", [segment_id])
            if aimed:
                with self._plan.edit(
                    Entity.INITIATIVES, Action.UPDATED, ids=aimed, fields={"segment_ids"}
                ):
                    pass
        return edit.change

    def snapshot(self, segment_id: int) -> SegmentSnapshot:
        """The segment and the initiatives aimed at it, for :meth:`restore`."""
        self._require("segments", "segment", segment_id, "segment")
        db = self._plan.db
        return SegmentSnapshot(
            record=next(db.query("SELECT * FROM segments WHERE id = ?", [segment_id])),
            initiative_ids=tuple(
                row[0]
                for row in db.execute(
                    "SELECT initiative_id FROM initiative_segments WHERE segment_id = ? "
                    "ORDER BY initiative_id",
                    [segment_id],
                )
            ),
        )

    def restore(self, snapshot: SegmentSnapshot) -> Change:
        """Put a deleted segment back with its id, aimed at by the initiatives that still
        exist."""
        record = snapshot.record
        with self._plan.batch():
            with self._plan.edit(
                Entity.SEGMENTS, Action.ADDED, ids={record["id"]}, fields=record
            ) as edit:
                if edit.db.execute(
                    "SELECT 1 FROM segments WHERE id = ?", [record["id"]]
                ).fetchone():
                    raise ValidationError(
                        "segment", "exists", f"{record['name']!r} is still in the plan"
                    )
                self._claim_name("segments", record, "segment")
                edit.db["segments"].insert(record)
            aimed = (
                {
                    row[0]
                    for row in self._plan.read(
                        "SELECT id FROM initiatives WHERE id IN "
                        f"({', '.join('?' * len(snapshot.initiative_ids))})",
                        list(snapshot.initiative_ids),
                    )
                }
                if snapshot.initiative_ids
                else set()
            )
            if aimed:
                with self._plan.edit(
                    Entity.INITIATIVES, Action.UPDATED, ids=aimed, fields={"segment_ids"}
                ) as aims:
                    aims.db.conn.executemany(
                        "INSERT INTO initiative_segments (initiative_id, segment_id) VALUES (?, ?)",
                        [(i, record["id"]) for i in sorted(aimed)],
                    )
        return edit.change

    @staticmethod
    def _clean(fields: dict[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        if "name" in fields:
            row["name"] = check.name("name", fields["name"])
        if "tier" in fields:
            row["tier"] = check.choice("tier", fields["tier"], Tier).value
        if "notes" in fields:
            row["notes"] = check.text("notes", fields["notes"])
        return row
