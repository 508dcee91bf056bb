"""Why an import stops: each a :class:`~planner.errors.PlanError` with a message to show as is."""

from __future__ import annotations

from planner.errors import PlanError


class MappingNeeded(PlanError):
    """A CSV that no usable column mapping covers: the user has to choose the columns.

    ``headers`` are the file's columns, for the mapping dialog (or the command line's message).
    """

    def __init__(self, message: str, *, headers: tuple[str, ...]) -> None:
        super().__init__(message)
        self.headers = headers


class ImportRefused(PlanError):
    """Applying a preview was refused (rejected rows, a plan that changed since the preview);
    the plan is unchanged."""


class ImportCancelled(PlanError):
    """The user cancelled a preview while it was reading the file; nothing was changed."""
