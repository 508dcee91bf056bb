"""The glossary finds the term a caption or a column header speaks of."""

from __future__ import annotations

import pytest

from planner.glossary import GLOSSARY, term, term_in
from planner.rate_words import RATE_TITLES


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("MQLs", "mql"),
        ("Leads", "lead"),
        ("Marketing CAC", "cac"),
        ("ROMI", "romi"),
        ("Pipeline", "pipeline"),
        ("Hand-off agreement", "handoff"),
        ("Tier", "strike_zone"),
    ],
)
def test_a_header_naming_a_term_finds_it(text, key):
    assert term_in(text) == term(key)


def test_a_conversion_rate_speaks_of_the_stage_it_converts_into():
    found = {title: term_in(title).key for title in RATE_TITLES.values()}

    assert found == {
        "Lead → MQL": "mql",
        "MQL → SAL": "sal",
        "SAL → SQL": "sql",
        "SQL → opportunity": "opportunity",
        "Opportunity → won": "opportunity",
    }


def test_a_short_rate_title_speaks_of_the_stage_as_the_long_one_does():
    # As the channels' rate columns, the rates box and Phase Targets' lags write them.
    assert term_in("SQL → opp.") == term("opportunity")
    assert term_in("Months from Opp. → Won") == term("opportunity")


def test_abbreviations_match_in_capitals_only():
    assert term_in("sales people") is None
    assert term_in("Budget") is None


def test_every_entry_has_a_unique_key_and_a_definition():
    assert len({entry.key for entry in GLOSSARY}) == len(GLOSSARY)
    assert all(entry.definition.endswith(".") for entry in GLOSSARY)
