"""Named versions of a plan beside the working plan: a locked baseline, what-if scenarios
(:mod:`planner.versions.service`), their comparison and next year's plan."""

from planner.versions.service import Kind, Promotion, VersionInfo, VersionSnapshot

__all__ = ["Kind", "Promotion", "VersionInfo", "VersionSnapshot"]
