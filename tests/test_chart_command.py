"""`smarketing chart`: a chart of a plan written to a file whose extension names the format;
anything wrong is one line on stderr, and no file (whole or half) is left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MAGIC = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}


def smarketing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("chart") / "demo.smplan"
    assert smarketing("demo", path).returncode == 0
    return path


@pytest.mark.parametrize("extension", [".png", ".svg", ".pdf"])
def test_the_extension_chooses_the_format(demo, tmp_path, extension):
    out = tmp_path / f"revenue{extension}"

    result = smarketing("chart", demo, "--kind", "revenue", "-o", out)

    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(MAGIC[extension])
    assert str(out) in result.stdout


@pytest.mark.parametrize(
    "kind", ["revenue", "funnel", "attainment", "strike-zone", "budget", "handoff"]
)
def test_every_kind_can_be_drawn_to_a_file(demo, tmp_path, kind):
    out = tmp_path / f"{kind}.png"

    result = smarketing(
        "chart", demo, "--kind", kind, "-o", out, "--from", "2026-01", "--to", "2026-06"
    )

    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_an_unknown_extension_is_refused_in_one_line_and_nothing_is_written(demo, tmp_path):
    out = tmp_path / "revenue.bmp"

    result = smarketing("chart", demo, "--kind", "revenue", "-o", out)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and ".bmp" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_kind_is_a_usage_error(demo, tmp_path):
    result = smarketing("chart", demo, "--kind", "pie", "-o", tmp_path / "x.png")

    assert result.returncode == 2 and "invalid choice: 'pie'" in result.stderr


def test_a_month_outside_the_plan_is_refused_naming_the_option(demo, tmp_path):
    result = smarketing(
        "chart", demo, "--kind", "budget", "-o", tmp_path / "x.png", "--from", "2030-01"
    )

    assert result.returncode == 2
    assert "--from" in result.stderr and "outside the plan" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_in_one_line(demo, tmp_path):
    result = smarketing("chart", demo, "--kind", "budget", "-o", tmp_path / "nowhere" / "x.png")

    assert result.returncode == 2 and "no folder" in result.stderr


def test_drawing_a_chart_leaves_the_plan_untouched(demo, tmp_path):
    before = demo.read_bytes()

    smarketing("chart", demo, "--kind", "funnel", "-o", tmp_path / "f.svg")

    assert demo.read_bytes() == before
