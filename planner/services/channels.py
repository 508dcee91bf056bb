"""Channels: the plan's own list of marketing channels (content, e-mail, events...).

The lead adds, renames, reorders and retires channels. A retired channel keeps its
initiatives (and shows on them, in filters and in charts) but is not offered for new ones;
a channel is deleted only while no initiative uses it. At least one channel always stays
offered, so a new initiative always has one to go in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Channel, RateOverrides
from planner.errors import ValidationError
from planner.services.base import Service, clean_overrides, reject_unknown_fields, some_names

_FIELDS = frozenset({"name", "retired"})
_COLUMNS = "id, name, retired"
_ORDER = "ORDER BY position, id"
# Where a new initiative goes when no channel is given (see :meth:`ChannelService.default`).
_UNPLACED = check.name_key("Other")
# The field a refusal names: a channel's name, or the channel as a whole.
NAME_FIELD = "channel_name"
FIELD = "channel"


def _channel(row: tuple[Any, ...]) -> Channel:
    return Channel(id=row[0], name=row[1], retired=bool(row[2]))


@dataclass(frozen=True, slots=True)
class ChannelSnapshot:
    """A deleted channel's record (id, name, place in the list), to put it back (undo)."""

    record: dict[str, Any]


class ChannelService(Service):
    def list(self) -> list[Channel]:
        """Every channel, retired ones included, in the plan's order."""
        rows = self._plan.read(f"SELECT {_COLUMNS} FROM channels {_ORDER}")
        return [_channel(row) for row in rows]

    def offered(self) -> list[Channel]:
        """The channels a new initiative can go in (not retired), in the plan's order."""
        return [channel for channel in self.list() if not channel.retired]

    def get(self, channel_id: int) -> Channel:
        self._require("channels", FIELD, channel_id, "channel")
        row = self._plan.read(
            f"SELECT {_COLUMNS} FROM channels WHERE id = ?", [channel_id]
        ).fetchone()
        return _channel(row)

    def named(self, name: str) -> Channel:
        """The channel of this name, in any letter case; a ValidationError naming the
        plan's channels if there is none."""
        cleaned = check.name(FIELD, name)
        row = self._plan.read(
            f"SELECT {_COLUMNS} FROM channels WHERE name_key = ?", [check.name_key(cleaned)]
        ).fetchone()
        if row is None:
            known = ", ".join(channel.name for channel in self.list())
            raise ValidationError(
                FIELD, "unknown", f"{cleaned!r} is not a channel of this plan ({known})"
            )
        return _channel(row)

    def default(self) -> Channel:
        """The channel a new initiative goes in when none is chosen: "Other" while it is
        offered, otherwise the last channel offered (the default list ends with "Other")."""
        offered = self.offered()
        if not offered:  # only a plan altered outside the app
            raise ValidationError(
                FIELD, "none_offered", "no channel is offered; bring one back in Plan settings"
            )
        by_key = {check.name_key(channel.name): channel for channel in offered}
        return by_key.get(_UNPLACED, offered[-1])

    def usage(self) -> dict[int, int]:
        """How many initiatives each channel has (every channel, 0 for unused ones)."""
        rows = self._plan.read(
            "SELECT c.id, count(i.id) FROM channels c "
            "LEFT JOIN initiatives i ON i.channel_id = c.id GROUP BY c.id"
        )
        return dict(rows.fetchall())

    # -- editing -------------------------------------------------------------------------

    def add(self, *, name: str) -> Change:
        """Add a channel at the end of the list; the change's ``id`` is the new channel's."""
        row: dict[str, Any] = {"name": check.name(NAME_FIELD, name)}
        with self._plan.edit(Entity.CHANNELS, Action.ADDED, fields=row) as edit:
            self._claim_name("channels", row, "channel", field=NAME_FIELD)
            row["position"] = self._next_position()
            edit.ids.add(edit.db["channels"].insert(row).last_pk)
        return edit.change

    def update(self, channel_id: int, **fields: Any) -> Change:
        """Change any of: name, retired (a retired channel stays on its initiatives but is
        not offered for new ones). Retiring the last channel offered is refused."""
        reject_unknown_fields(fields, _FIELDS)
        row: dict[str, Any] = {}
        if "name" in fields:
            row["name"] = check.name(NAME_FIELD, fields["name"])
        if "retired" in fields:
            row["retired"] = int(check.flag("retired", fields["retired"]))
        with self._plan.edit(Entity.CHANNELS, Action.UPDATED, ids={channel_id}, fields=row) as edit:
            name = self._require("channels", FIELD, channel_id, "channel")
            if "name" in row:
                self._claim_name("channels", row, "channel", except_id=channel_id, field=NAME_FIELD)
            if row.get("retired"):
                self._keep_one_offered(channel_id, name, "retired")
            if row:
                edit.db["channels"].update(channel_id, row)
        return edit.change

    def rates(self, channel_id: int) -> RateOverrides:
        """The channel's own stage conversion rates (``None`` where the plan's apply)."""
        self._require("channels", FIELD, channel_id, "channel")
        return self._overrides("channels", channel_id)

    def set_rates(self, channel_id: int, **rates: object) -> Change:
        """Override stage conversion rates of the channel's initiatives (any of the five of
        :data:`~planner.domain.STAGE_RATES`: a fraction or text like ``"45%"``; ``None`` goes
        back to the plan's). Channels are shared by every version: a version refuses this."""
        self._require("channels", FIELD, channel_id, "channel")
        row = clean_overrides(rates)
        with self._plan.edit(Entity.CHANNELS, Action.UPDATED, ids={channel_id}, fields=row) as edit:
            if row:
                edit.db["channels"].update(channel_id, row)
        return edit.change

    def move(self, channel_id: int, index: int) -> Change:
        """Put the channel at ``index`` of the list (0 is first; past the end is last)."""
        if isinstance(index, bool) or not isinstance(index, int):
            raise ValidationError("position", "type", "must be a whole number")
        with self._plan.edit(
            Entity.CHANNELS, Action.UPDATED, ids={channel_id}, fields={"position"}
        ) as edit:
            self._require("channels", FIELD, channel_id, "channel")
            order = [channel.id for channel in self.list() if channel.id != channel_id]
            order.insert(max(0, min(index, len(order))), channel_id)
            self._renumber(order)
        return edit.change

    def delete(self, channel_id: int) -> Change:
        """Remove a channel no initiative uses. One that initiatives use is refused, naming
        them (retire it instead: it stays on them but is not offered any more)."""
        with self._plan.edit(Entity.CHANNELS, Action.DELETED, ids={channel_id}) as edit:
            name = self._require("channels", FIELD, channel_id, "channel")
            self._plan.versions.refuse_deleting_what_versions_use(
                "channel_id", channel_id, name, "retire it instead"
            )
            used = [
                row[0]
                for row in edit.db.execute(
                    "SELECT name FROM initiatives WHERE channel_id = ? ORDER BY name COLLATE NOCASE",
                    [channel_id],
                )
            ]
            if used:
                raise ValidationError(
                    FIELD,
                    "in_use",
                    f"{name} is the channel of {some_names(used)}; retire it instead, or move "
                    f"{'that initiative' if len(used) == 1 else 'those initiatives'} to "
                    "another channel first",
                )
            self._keep_one_offered(channel_id, name, "deleted")
            edit.db.execute("DELETE FROM channels WHERE id = ?", [channel_id])
            # Positions stay 0, 1, 2...: a snapshot's position is its index in the list.
            self._renumber([channel.id for channel in self.list()])
        return edit.change

    def snapshot(self, channel_id: int) -> ChannelSnapshot:
        """The channel as stored, for :meth:`restore`."""
        self._require("channels", FIELD, channel_id, "channel")
        return ChannelSnapshot(
            next(self._plan.db.query("SELECT * FROM channels WHERE id = ?", [channel_id]))
        )

    def restore(self, snapshot: ChannelSnapshot) -> Change:
        """Put a deleted channel back with its id, name and place in the list."""
        record = dict(snapshot.record)
        with self._plan.edit(
            Entity.CHANNELS, Action.ADDED, ids={record["id"]}, fields=record
        ) as edit:
            if edit.db.execute("SELECT 1 FROM channels WHERE id = ?", [record["id"]]).fetchone():
                raise ValidationError(FIELD, "exists", f"{record['name']!r} is still in the plan")
            self._claim_name("channels", record, "channel", field=NAME_FIELD)
            order = [channel.id for channel in self.list()]
            edit.db["channels"].insert(record)
            order.insert(min(record["position"], len(order)), record["id"])
            self._renumber(order)
        return edit.change

    # -- helpers ------------------------------------------------------------------------

    def _keep_one_offered(self, channel_id: int, name: str, verb: str) -> None:
        others = self._plan.read(
            "SELECT count(*) FROM channels WHERE retired = 0 AND id != ?", [channel_id]
        ).fetchone()[0]
        if not others:
            raise ValidationError(
                FIELD,
                "last_offered",
                f"{name} cannot be {verb}: it is the only channel offered for new "
                "initiatives (add or bring back another first)",
            )

    def _next_position(self) -> int:
        return self._plan.read("SELECT coalesce(max(position) + 1, 0) FROM channels").fetchone()[0]

    def _renumber(self, order: Sequence[int]) -> None:
        self._plan.db.conn.executemany(
            "UPDATE channels SET position = ? WHERE id = ?",
            [(position, channel_id) for position, channel_id in enumerate(order)],
        )
