"""`smarketing chart PLAN --kind timeline`: the timeline written as PNG, SVG or PDF, its lanes
chosen with --group-by (a wrong choice names the option), of a saved version with --version."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import smarketing

from planner.timeline import Grouping

MAGIC = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("timeline-command") / "demo.smplan"
    assert smarketing("demo", path).returncode == 0
    return path


@pytest.mark.parametrize("extension", [".png", ".svg", ".pdf"])
def test_the_timeline_is_written_in_the_format_its_extension_names(demo, tmp_path, extension):
    out = tmp_path / f"timeline{extension}"

    result = smarketing("chart", demo, "--kind", "timeline", "-o", out)

    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(MAGIC[extension])
    assert f"Wrote the timeline chart to {out}" in result.stdout


@pytest.mark.parametrize("grouping", ["channel", "owner", "team", "tier", "status", "Owner"])
def test_every_grouping_can_be_asked_for(demo, tmp_path, grouping):
    out = tmp_path / "timeline.svg"

    result = smarketing("chart", demo, "--kind", "timeline", "--group-by", grouping, "-o", out)

    assert result.returncode == 0, result.stderr
    lanes = Grouping(grouping.lower()).label.lower()
    assert f"Timeline by {lanes}" in out.read_text(encoding="utf-8")


def test_a_grouping_that_does_not_exist_is_refused_naming_the_option(demo, tmp_path):
    out = tmp_path / "timeline.png"

    result = smarketing("chart", demo, "--kind", "timeline", "--group-by", "region", "-o", out)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--group-by" in result.stderr and "'region'" in result.stderr
    assert all(f"'{grouping}'" in result.stderr for grouping in Grouping)
    assert not out.exists()


def test_a_grouping_for_another_kind_is_refused_naming_the_option(demo, tmp_path):
    out = tmp_path / "revenue.png"

    result = smarketing("chart", demo, "--kind", "revenue", "--group-by", "owner", "-o", out)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--group-by" in result.stderr
    assert "timeline" in result.stderr
    assert not out.exists()


def test_the_timeline_of_a_saved_version_is_drawn_from_that_version(demo, tmp_path):
    plan = Path(tmp_path / "versioned.smplan")
    plan.write_bytes(demo.read_bytes())
    assert smarketing("version", "save", plan, "Board").returncode == 0
    out = tmp_path / "board.png"

    result = smarketing("chart", plan, "--kind", "timeline", "--version", "Board", "-o", out)

    assert result.returncode == 0, result.stderr
    assert "Board" in result.stdout.splitlines()[0]
    assert out.read_bytes().startswith(MAGIC[".png"])
