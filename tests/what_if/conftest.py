"""The plan every test in this folder plays what-ifs on (see what_if_support)."""

from what_if_support import lead  # noqa: F401  (a fixture: pytest finds it here)
