"""Shared test set-up: Qt runs offscreen, matplotlib never looks for a screen, and the small demo
plan is built once per run for every test that takes a copy of it."""

import os
import shutil
from pathlib import Path

import pytest

from planner.demo import build_demo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


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
