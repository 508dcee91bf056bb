"""Fixtures of the app's tests: the small demo plan (``demo_path``, from tests/conftest.py) opened
as a document with an undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import Plan
from ui.document import PlanDocument


@pytest.fixture
def document(demo_path: Path, qapp: object) -> Iterator[PlanDocument]:
    """The demo plan open as the app opens it, closed after the test."""
    doc = PlanDocument(Plan.open(demo_path))
    yield doc
    doc.close()
