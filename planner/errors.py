"""The exceptions the core raises: every one carries a message fit to show a user as it is."""

from __future__ import annotations

from planner.field_labels import field_label


class PlanError(Exception):
    """Base of every error the core reports to a user; its ``str`` is a one-line message."""


class ListenerError(Exception):
    """An edit was committed, but code told of it (a view, a cache) failed. Not a
    :class:`PlanError`: the edit stands and is saved; the failure is a bug to report."""

    def __init__(self, failures: list[Exception]) -> None:
        first = failures[0]
        super().__init__(
            f"the change was saved, but {len(failures)} of the code told of it failed: "
            f"{type(first).__name__}: {first}"
        )
        self.failures = failures


class PlanFileError(PlanError):
    """A plan file that cannot be opened, created or written, and why."""


class PlanContentError(PlanFileError):
    """A plan whose content breaks the app's own rules (a value out of its range, a name
    twice, text that is not UTF-8...): refused on open. ``table``, ``row`` and ``field`` say
    where, as the file names them (``row`` is None for a whole table or column)."""

    def __init__(self, message: str, *, table: str, row: str | None, field: str | None) -> None:
        super().__init__(message)
        self.table = table
        self.row = row
        self.field = field


class ReadOnlyWouldOpenError(PlanFileError):
    """The plan cannot be opened for editing here, but opening it read-only would work."""


class LockFileError(ReadOnlyWouldOpenError):
    """The lock file beside the plan cannot be created or locked (a folder the user may read
    but not write, say), so the plan cannot be opened for editing."""


class StrangeLockFileError(LockFileError):
    """The lock file's name holds something this app never writes there (a symbolic link, a
    named pipe, a folder, a file with other names); only removing it helps."""


class PlanLockedError(ReadOnlyWouldOpenError):
    """The plan is already open for editing by another process (or another window)."""

    def __init__(self, message: str, *, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


class ReadOnlyPlanError(PlanError):
    """An edit was asked of a plan that is open read-only."""


class ValidationError(PlanError):
    """An edit broke a rule; nothing was changed.

    ``field`` is the field's key (``"budget"``, ``"end_month"``, ...) and ``label`` its name
    as a person sees it (``"Budget"``, ``"End"``), which the message uses; ``rule`` is a short
    machine-readable name of the rule broken (``"negative"``, ``"duplicate"``, ...), and
    ``row`` optionally says which record or input row the value came from.
    """

    def __init__(self, field: str, rule: str, message: str, *, row: str | None = None) -> None:
        self.field = field
        self.label = field_label(field)
        self.rule = rule
        self.row = row
        self.detail = message
        prefix = f"{row}: " if row else ""
        super().__init__(f"{prefix}{self.label}: {message}")
