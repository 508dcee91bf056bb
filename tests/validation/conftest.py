"""The plan every test in this folder tries to break (see validation_support)."""

from validation_support import world  # noqa: F401  (a fixture: pytest finds it here)
