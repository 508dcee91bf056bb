"""Progress of an export: about a hundred reports whatever its size, and a cancel seen soon."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from planner.workbook.export.options import ExportCancelled
from planner.workbook.export.progress import Progress


def test_a_big_export_reports_about_a_hundred_times():
    heard = []
    progress = Progress(Path("big.xlsx"), on_progress=lambda d, t: heard.append(d))
    progress.start(648_000)
    for _ in range(72_000):
        progress.advance(9)
    progress.finish()
    assert 100 <= len(heard) <= 103
    assert heard == sorted(heard) and heard[-1] == 648_000


def test_a_cancel_is_seen_within_a_few_thousand_units():
    cancel = threading.Event()
    progress = Progress(Path("big.xlsx"), cancel=cancel)
    progress.start(10_000_000)
    progress.advance(10)
    cancel.set()
    with pytest.raises(ExportCancelled, match=r"Export cancelled; big\.xlsx was not changed"):
        for _ in range(1_000):
            progress.advance(9)
    assert progress.done <= 10 + 2_000 + 9
