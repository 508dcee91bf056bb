"""Progress of an export or an import: about a hundred reports whatever its size, and a
cancel seen soon."""

from __future__ import annotations

import threading

import pytest

from planner.workbook.export.options import ExportCancelled
from planner.workbook.progress import Progress


def _cancelled() -> ExportCancelled:
    return ExportCancelled("Export cancelled; big.xlsx was not changed")


def test_a_big_export_reports_about_a_hundred_times():
    heard = []
    progress = Progress(cancelled=_cancelled, on_progress=lambda d, t: heard.append(d))
    progress.start(648_000)
    for _ in range(72_000):
        progress.advance(9)
    progress.finish()
    assert 100 <= len(heard) <= 103
    assert heard == sorted(heard) and heard[-1] == 648_000


def test_a_cancel_is_seen_within_a_few_thousand_units():
    cancel = threading.Event()
    progress = Progress(cancelled=_cancelled, cancel=cancel)
    progress.start(10_000_000)
    progress.advance(10)
    cancel.set()
    with pytest.raises(ExportCancelled, match=r"Export cancelled; big\.xlsx was not changed"):
        for _ in range(1_000):
            progress.advance(9)
    assert progress.done <= 10 + 2_000 + 9


def test_work_of_unknown_size_is_reported_every_few_thousand_units_with_total_0():
    heard = []
    progress = Progress(cancelled=_cancelled, on_progress=lambda d, t: heard.append((d, t)))
    progress.start(0)
    progress.reach(10_000)
    assert heard == [(0, 0), (10_000, 0)]
    progress.reach(11_000)
    progress.reach(12_000)
    assert heard[-1] == (12_000, 0)
