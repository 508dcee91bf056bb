"""What a version of a plan is: a locked baseline or an editable scenario (see
:mod:`planner.versions.service`). Apart, so that the check of a plan file's content can name
the kinds without importing the service that uses it."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    BASELINE = "baseline"
    SCENARIO = "scenario"
