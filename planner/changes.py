"""What an edit changed, so each view can refresh just that.

Every edit made through a :class:`planner.Plan` produces one :class:`Change`, returned to the
caller and sent to every subscriber once the transaction has committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Entity(StrEnum):
    SETTINGS = "settings"
    ASSUMPTIONS = "assumptions"
    HANDOFF = "handoff"
    PEOPLE = "people"
    SEGMENTS = "segments"
    CHANNELS = "channels"
    INITIATIVES = "initiatives"
    ROLES = "roles"
    VALUES = "values"
    IMPORT_MAPPINGS = "import_mappings"
    VERSIONS = "versions"


class Action(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Change:
    """One kind of record touched by an edit.

    ``ids`` are the records (initiative ids for roles and values), ``fields`` the columns or
    metrics, ``months`` the months of monthly values. Empty sets mean "not narrowed down".
    """

    entity: Entity
    action: Action
    ids: frozenset[int] = field(default_factory=frozenset)
    fields: frozenset[str] = field(default_factory=frozenset)
    months: frozenset[int] = field(default_factory=frozenset)

    @property
    def id(self) -> int:
        """The one record changed (the new id, after an add)."""
        if len(self.ids) != 1:
            raise ValueError(f"this change concerns {len(self.ids)} records, not one")
        return next(iter(self.ids))


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """The changes of one edit or one batch of edits, in the order they were made."""

    changes: tuple[Change, ...]

    def touches(self, *entities: Entity) -> bool:
        return any(change.entity in entities for change in self.changes)

    def ids(self, entity: Entity) -> frozenset[int]:
        return frozenset().union(*(c.ids for c in self.changes if c.entity == entity))

    @classmethod
    def of(cls, changes: Iterable[Change]) -> ChangeSet:
        return cls(tuple(changes))
