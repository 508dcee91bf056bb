"""Fixtures of the app's tests: the small demo plan, opened as a document with an undo stack."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import Plan
from planner.demo import build_demo
from ui.document import PlanDocument


@pytest.fixture(scope="session")
def demo_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo plan, built once per test run; copy it, never edit it."""
    path = tmp_path_factory.mktemp("demo") / "original.smplan"
    build_demo(path)
    return path


@pytest.fixture
def demo_path(demo_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small demo plan (Tidewater Software) for one test."""
    path = tmp_path / "Tidewater.smplan"
    shutil.copyfile(demo_original, path)
    return path


@pytest.fixture
def document(demo_path: Path, qapp: object) -> Iterator[PlanDocument]:
    """The demo plan open as the app opens it, closed after the test."""
    doc = PlanDocument(Plan.open(demo_path))
    yield doc
    doc.close()
