"""The undoable steps of managing versions, each run on the working plan's document: a
version belongs to the plan's file, whichever version the window shows.

Each announces what it did, with an Undo in the notice bar: while a version is shown, Undo
in the Edit menu takes back that version's edits, and the notice is the way to take back a
step of the working plan's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner import Plan
from planner.versions.service import Kind, Promotion, VersionInfo
from ui.commands import AddRecord, DeleteRecords, Overwrite, PlanCommand

from .wording import promoted_text


class SaveVersion(AddRecord):
    """Save the working plan (or the version ``source``) as a new version. Undo deletes it;
    redo puts the same version back (same id) from the snapshot undo took."""

    def __init__(self, plan: Plan, name: str, kind: Kind, source: int | None = None) -> None:
        self._kind = kind
        self._name = name
        super().__init__(
            f"save {kind.value} '{name}'",
            plan.versions,
            lambda: plan.versions.save(name, kind=kind, source=source),
        )

    def announcement(self) -> str:
        locked = " (locked)" if self._kind is Kind.BASELINE else ""
        return f"Saved the {self._kind.value} '{self._name}'{locked}"


def delete_version(plan: Plan, info: VersionInfo) -> DeleteRecords:
    """Delete a version; undo puts it back exactly, with its id."""
    return DeleteRecords(
        f"delete {info.kind.value} '{info.name}'",
        plan,
        plan.versions,
        [info.id],
        name=info.name,
        plural="versions",
    )


class _Announced(Overwrite):
    def __init__(
        self,
        text: str,
        news: Callable[[], str],
        *,
        do: Callable[[], object],
        read: Callable[[], Any],
        restore: Callable[[Any], object],
    ) -> None:
        super().__init__(text, do, read=read, restore=restore)
        self._news = news

    def announcement(self) -> str:
        return self._news()


def rename_version(plan: Plan, info: VersionInfo, name: str) -> Overwrite:
    return _set(
        plan,
        info,
        f"rename {info.kind.value} '{info.name}'",
        lambda: f"Renamed '{info.name}' to '{plan.versions.get(info.id).name}'",
        "name",
        name,
        plan.versions.rename,
    )


def lock_version(plan: Plan, info: VersionInfo, locked: bool) -> Overwrite:
    verb = "lock" if locked else "unlock"
    return _set(
        plan,
        info,
        f"{verb} {info.kind.value} '{info.name}'",
        lambda: f"{verb.capitalize()}ed '{info.name}'",
        "locked",
        locked,
        plan.versions.set_locked,
    )


def _set(
    plan: Plan,
    info: VersionInfo,
    text: str,
    news: Callable[[], str],
    field: str,
    value: object,
    write: Callable[[int, Any], object],
) -> Overwrite:
    """Set one field of a version with ``write``; undo writes back what it held."""
    return _Announced(
        text,
        news,
        do=lambda: write(info.id, value),
        read=lambda: getattr(plan.versions.get(info.id), field),
        restore=lambda old: write(info.id, old),
    )


class PromoteVersion(PlanCommand):
    """Make a version the working plan, keeping the working plan as a scenario named
    ``keep_as``; undo takes both back exactly (:meth:`VersionService.unpromote`)."""

    def __init__(self, plan: Plan, info: VersionInfo, keep_as: str) -> None:
        super().__init__(f"promote {info.kind.value} '{info.name}'")
        self._plan = plan
        self.version = info
        self._keep_as = keep_as
        self.promotion: Promotion | None = None

    def do(self) -> None:
        # A redo after an undo promotes the same version again (restored with its id).
        self.promotion = self._plan.versions.promote(self.version.id, keep_working_as=self._keep_as)

    def revert(self) -> None:
        assert self.promotion is not None
        self._plan.versions.unpromote(self.promotion)

    def announcement(self) -> str:
        assert self.promotion is not None
        return promoted_text(self.version.name, self.promotion)
