"""Reading which plan a file holds (its company and name) without opening it: nothing beside
it is written, and a file that is gone, foreign, damaged or hostile gives one line of why,
never an exception."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hostile_plans import alter, rebuild_without_constraints

from planner import Plan
from planner.storage.peek import LONGEST, read_title


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_plan_gives_its_company_and_name(demo_path):
    title = read_title(demo_path)

    assert (title.company, title.name, title.problem) == (
        "Tidewater Software",
        "FY2026 Demand Plan",
        "",
    )


def test_reading_the_title_writes_nothing_beside_the_plan(demo_path):
    before = folder_state(demo_path.parent)

    read_title(demo_path)

    assert folder_state(demo_path.parent) == before


def test_a_plan_open_for_editing_elsewhere_is_read_all_the_same(demo_path):
    with Plan.open(demo_path):
        assert read_title(demo_path).company == "Tidewater Software"


def test_a_file_that_is_gone_says_so(tmp_path):
    assert read_title(tmp_path / "gone.smplan").problem == "no such file"


def test_a_file_that_is_no_database_says_so(tmp_path):
    text = tmp_path / "notes.smplan"
    text.write_text("not a plan at all, but long enough to hold a header " * 4)

    assert "not a Smarketing Planner plan" in read_title(text).problem


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.smplan"
    os.mkfifo(pipe)

    assert read_title(pipe).problem != ""


def test_another_apps_database_says_so(tmp_path):
    other = tmp_path / "other.smplan"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()

    assert "another application" in read_title(other).problem


def test_a_view_in_place_of_the_settings_is_not_run(demo_path):
    alter(
        demo_path,
        "ALTER TABLE plan_settings RENAME TO old_settings",
        "CREATE VIEW plan_settings AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
        "SELECT x + 1 FROM n) SELECT 1 AS id, 'Evil' AS company, 'Loop' AS name FROM n",
    )

    assert read_title(demo_path).problem == "not a plan (it has no plan settings)"


def test_text_that_is_not_utf8_is_named_as_damage(demo_path):
    alter(demo_path, "UPDATE plan_settings SET company = CAST(x'fffe41' AS TEXT)")

    assert read_title(demo_path).problem == "damaged (its text is not UTF-8)"


def test_a_value_that_is_no_text_is_not_taken_for_a_name(demo_path):
    rebuild_without_constraints(demo_path, "plan_settings", keep_types=False)
    alter(demo_path, "UPDATE plan_settings SET company = 42")

    assert read_title(demo_path).problem == "damaged (its company or name is not text)"


def test_a_plan_with_no_settings_row_says_so(demo_path):
    alter(demo_path, "DELETE FROM plan_settings")

    assert read_title(demo_path).problem == "not a plan (its settings are missing)"


def test_a_very_long_company_on_two_lines_is_cut_to_one_line_a_menu_shows(demo_path):
    alter(
        demo_path,
        "UPDATE plan_settings SET company = 'Line one' || char(10) || replace(hex(zeroblob(1000)), '0', 'x')",
    )

    company = read_title(demo_path).company
    assert len(company) <= LONGEST
    assert "\n" not in company and company.startswith("Line one xxx")


def test_a_damaged_plan_says_so(demo_path):
    data = bytearray(demo_path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the schema's
    demo_path.write_bytes(bytes(data))

    assert read_title(demo_path).problem.startswith("damaged")
