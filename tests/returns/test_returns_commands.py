"""What each dollar returns on the command line: ``smarketing chart --kind returns`` with its
figure and grouping, and the Returns section of ``smarketing summary`` (``--by``, ``--json``);
a wrong choice is one line naming the option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import smarketing

from planner import Plan
from planner.analysis import Analysis, Dimension
from planner.analysis.returns import returns_by


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("returns") / "demo.smplan"
    assert smarketing("demo", path).returncode == 0
    return path


def test_the_returns_chart_is_drawn_for_a_figure_and_a_grouping(demo, tmp_path):
    out = tmp_path / "cost.png"

    result = smarketing(
        "chart", demo, "--kind", "returns", "--figure", "cost-per-mql", "--by", "owner", "-o", out
    )

    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "Wrote the returns chart" in result.stdout


def test_a_figure_for_another_chart_is_refused_naming_the_option(demo, tmp_path):
    result = smarketing(
        "chart", demo, "--kind", "revenue", "--figure", "romi", "-o", tmp_path / "x.png"
    )

    assert result.returncode == 2
    assert "--figure" in result.stderr and "--kind returns" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_an_unknown_figure_is_refused_naming_the_choices(demo, tmp_path):
    result = smarketing(
        "chart", demo, "--kind", "returns", "--figure", "roi", "-o", tmp_path / "x.png"
    )

    assert result.returncode == 2
    assert "cost-per-mql" in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_summary_has_a_returns_section(demo):
    result = smarketing("summary", demo)

    assert result.returncode == 0, result.stderr
    assert "Returns (planned: the whole plan;" in result.stdout
    assert "Cost per MQL" in result.stdout and "ROMI" in result.stdout
    assert "Returns by" not in result.stdout  # only with --by


def test_summary_by_tier_lists_each_tier(demo):
    result = smarketing("summary", demo, "--by", "tier")

    assert result.returncode == 0, result.stderr
    section = result.stdout.split("Returns by strike-zone tier", 1)[1]
    for tier in ("Core", "Edge", "Outside"):
        assert f"\n{tier} " in section


def test_summary_json_by_channel_carries_returns_bys_groups(demo):
    result = smarketing("summary", demo, "--by", "channel", "--json")

    data = json.loads(result.stdout)["returns"]
    with Plan.open(demo, read_only=True) as plan:
        rows = returns_by(Analysis.in_sql(plan), Dimension.CHANNEL)
    assert data["by"] == "channel"
    assert [(g["key"], g["label"]) for g in data["groups"]] == [(r.key, r.label) for r in rows]
    assert set(data["planned"]) >= {"cost_per_mql", "cac", "romi", "payback_months"}


def test_summary_by_an_unknown_grouping_is_refused(demo):
    result = smarketing("summary", demo, "--by", "region")

    assert result.returncode == 2
    assert "--by" in result.stderr and "initiative" in result.stderr
