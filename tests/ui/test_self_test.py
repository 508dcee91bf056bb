"""``smarketing --self-test``: each step reports a line with its time, and the run exits 0; the
first step that fails exits 1 with its reason, never a traceback."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import PlanFileError
from ui import self_test

STEPS = (
    "write the demo plan",
    "open it in the main window",
    "show the Dashboard and draw its chart",
    "show the guide with its pictures",
    "export the workbook",
    "read the workbook back",
    "print the plan on a page",
)
ROOT = Path(__file__).resolve().parents[2]


def run_in_process(folder: Path) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = self_test.run_self_test(folder, out)
    return code, out.getvalue().splitlines()


@pytest.mark.slow
def test_the_self_test_passes_offscreen_with_a_timed_line_per_step(tmp_path: Path) -> None:
    # No display and no platform named: the self-test chooses offscreen itself.
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env["HOME"] = str(tmp_path)  # Qt and matplotlib keep their caches apart from the user's
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [re.fullmatch(r"ok +\d+\.\d\d s  (.*?)( \(.*\))?", line) for line in lines[:-1]]
    assert [step and step[1] for step in steps] == list(STEPS)
    assert re.fullmatch(r"self-test passed in \d+\.\d\d s", lines[-1])
    assert "Traceback" not in result.stderr


def test_the_self_test_leaves_the_plan_and_the_workbook_in_the_folder_given(
    qapp: object, tmp_path: Path
) -> None:
    code, _lines = run_in_process(tmp_path)

    assert code == 0
    assert (tmp_path / self_test.PLAN_NAME).is_file()
    assert (tmp_path / self_test.WORKBOOK_NAME).is_file()


def test_a_failing_step_exits_1_with_its_reason_and_runs_no_further_step(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(plan: object, target: Path) -> Path:
        raise PlanFileError(f"{target}: no space left on the disk; nothing was written")

    monkeypatch.setattr(self_test, "export_workbook", full_disk)

    code, lines = run_in_process(tmp_path)

    assert code == 1
    assert re.fullmatch(
        r"FAIL +\d+\.\d\d s  export the workbook: .*self-test\.xlsx: no space left on the "
        r"disk; nothing was written",
        lines[-2],
    )
    assert lines[-1] == "self-test failed at: export the workbook"
    assert not any("read the workbook back" in line for line in lines)


def test_an_unexpected_error_is_reported_by_its_kind_without_a_traceback(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def broken(path: Path) -> None:
        raise RuntimeError("the demo data is missing")

    monkeypatch.setattr(self_test, "build_demo", broken)

    code, lines = run_in_process(tmp_path)

    assert code == 1
    assert lines[0].endswith("write the demo plan: RuntimeError: the demo data is missing")
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_a_plan_that_does_not_open_fails_the_open_step_with_the_reason_the_app_gives(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(self_test, "build_demo", lambda path: path.write_text("not a plan"))

    code, lines = run_in_process(tmp_path)

    assert code == 1
    assert "FAIL" in lines[-2] and "open it in the main window: " in lines[-2]
    assert "self-test.smplan" in lines[-2]


def test_an_error_raised_inside_qt_fails_the_step_waiting_for_it(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from ui.pages.dashboard import charts_panel

    def broken(self: object) -> bool:
        raise ValueError("the chart has no data")

    monkeypatch.setattr(charts_panel.ChartsPanel, "refresh_current", broken)

    code, lines = run_in_process(tmp_path)

    assert code == 1
    # PySide6 words it "Error calling Python override of QTabWidget::showEvent(): ...".
    assert re.fullmatch(
        r"FAIL .*show the Dashboard and draw its chart: ValueError: .*the chart has no data",
        lines[-2],
    )
    assert "Traceback" not in capsys.readouterr().err
