"""The ``smarketing`` command line. Every error is one line on stderr and a non-zero exit."""

from planner.cli.main import main

__all__ = ["main"]
