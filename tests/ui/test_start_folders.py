"""Where a file dialog starts: where the person last put such a file, else beside their plan,
but never in the app's own data folder (where the demo plan lives), else in Documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from dashboard_support import window, window_dashboard
from PySide6.QtWidgets import QFileDialog

from ui import folders
from ui.main_window import MainWindow

__all__ = ["window"]  # a fixture (see dashboard_support)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    place = tmp_path / "Documents"
    place.mkdir()
    monkeypatch.setattr(folders, "documents_folder", lambda: place)
    return place


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    place = tmp_path / "app data"
    place.mkdir()
    monkeypatch.setattr(folders, "data_folder", lambda: place)
    return place


def test_a_remembered_folder_comes_first(tmp_path, documents, data):
    remembered = tmp_path / "exports"
    remembered.mkdir()
    assert folders.start_folder(remembered, tmp_path / "plans" / "q3.smplan") == remembered


def test_a_remembered_folder_that_is_gone_gives_way_to_the_plans_folder(tmp_path, data):
    plan = tmp_path / "plans" / "q3.smplan"
    assert folders.start_folder(tmp_path / "deleted", plan) == plan.parent


def test_a_plan_the_app_keeps_in_its_data_folder_sends_dialogs_to_documents(documents, data):
    assert folders.start_folder(None, data / "demo.smplan") == documents


def test_without_a_plan_dialogs_start_in_documents(documents, data):
    assert folders.start_folder(None, None) == documents


def _asked_folders(monkeypatch: pytest.MonkeyPatch, answer: Path) -> list[Path]:
    asked: list[Path] = []

    def save_file_name(parent, caption, start, filters):
        asked.append(Path(start).parent)
        return str(answer), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    return asked


def test_save_chart_as_on_the_demo_plan_starts_in_documents(
    window: MainWindow, documents, monkeypatch
):
    assert window.document is not None and window.document.path is not None
    monkeypatch.setattr(folders, "data_folder", lambda: window.document.path.parent)
    asked = _asked_folders(monkeypatch, documents / "revenue.png")

    window_dashboard(window).save_chart()

    assert asked == [documents]


def test_save_chart_as_starts_where_the_last_chart_was_saved(
    window: MainWindow, tmp_path, documents, monkeypatch
):
    slides = tmp_path / "slides"
    slides.mkdir()
    asked = _asked_folders(monkeypatch, slides / "revenue.png")
    page = window_dashboard(window)

    page.save_chart()
    page.save_chart()

    assert (slides / "revenue.png").is_file()
    assert asked[1] == slides
