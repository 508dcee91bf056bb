"""The plan every test in this folder edits (see editing_support)."""

from editing_support import world  # noqa: F401  (a fixture: pytest finds it here)
