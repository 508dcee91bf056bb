"""The benchmark's result format (``tests/benchmarks/``): how figures are judged against their
budgets, printed and written as JSON, and how a measured step's report is read. The benchmark
itself takes minutes, so it is run by hand and in CI, not here."""

from __future__ import annotations

import json

import pytest
from benchmarks.child import parse
from benchmarks.figures import at_most, table, write_json


def test_a_figure_within_its_budget_holds():
    assert at_most("Open", 1.2, 1.5, "s").holds is True


def test_a_figure_over_its_budget_does_not_hold():
    assert at_most("Edit", 270.0, 100, "ms").holds is False


def test_a_figure_without_a_budget_is_reported_not_judged():
    figure = at_most("Import ratio", 1.7, None, "x")
    assert (figure.holds, figure.budget) == (None, "—")


def test_a_ratio_is_shown_with_its_detail():
    figure = at_most("Export", 1.234, 1.5, "x", "export 40 s / floor 32 s")
    assert figure.measured == "1.23x (export 40 s / floor 32 s)"


def test_the_json_is_one_object_with_every_figure_and_its_fields(tmp_path):
    path = tmp_path / "bench.json"
    write_json(path, [at_most("Open", 1.2, 1.5, "s")], quick=True, seconds=90)
    result = json.loads(path.read_text(encoding="utf-8"))
    assert result["quick"] is True
    assert result["figures"] == [
        {
            "figure": "Open",
            "budget": "<= 1.5 s",
            "measured": "1.2 s",
            "holds": True,
            "value": 1.2,
            "unit": "s",
        }
    ]


def test_the_table_gives_each_figure_a_line_with_its_verdict():
    lines = table([at_most("Open", 1.2, 1.5, "s"), at_most("Edit", 270, 100, "ms")]).splitlines()
    assert lines[0].split() == ["Figure", "Budget", "Measured", "Holds"]
    assert lines[2].endswith("yes")
    assert lines[3].endswith("NO")


def test_a_step_report_is_read_from_its_marked_line_among_other_output():
    output = 'Qt: a warning\nBENCH {"seconds": 2.5}\nThis plugin does not support ...\n'
    assert parse(output) == {"seconds": 2.5}


def test_a_step_that_reported_nothing_is_an_error():
    with pytest.raises(ValueError, match="printed no BENCH line"):
        parse("Traceback ...\n")
