"""A path typed into a field, read one way: exactly the file typed (with the suffix added when
it is missing), or one line that says what is wrong with it; and the names the app suggests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.file_names import TypedPathError, file_stem_for, free_path, typed_path


def read(text: str, base: Path) -> Path:
    return typed_path(text, base=base, suffix=".xlsx", kind="workbook")


def problem(text: str, base: Path) -> TypedPathError:
    with pytest.raises(TypedPathError) as caught:
        read(text, base)
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_full_path_is_read_exactly_as_typed(tmp_path: Path) -> None:
    assert read(f"{tmp_path}/FY2027 Growth Plan.xlsx", tmp_path / "x") == (
        tmp_path / "FY2027 Growth Plan.xlsx"
    )


def test_a_bare_name_is_read_in_the_base_folder_with_the_suffix_added(tmp_path: Path) -> None:
    assert read("  board pack ", tmp_path) == tmp_path / "board pack.xlsx"


def test_another_suffix_is_kept_and_the_right_one_added(tmp_path: Path) -> None:
    assert read("report.v2", tmp_path) == tmp_path / "report.v2.xlsx"


def test_the_suffix_is_matched_whatever_its_case(tmp_path: Path) -> None:
    assert read("Board.XLSX", tmp_path) == tmp_path / "Board.XLSX"


def test_a_relative_path_and_dot_dot_are_read_from_the_base_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert read("a/../b.xlsx", tmp_path) == tmp_path / "b.xlsx"


def test_the_home_folder_is_spelled_with_a_tilde(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert read("~/Plan.xlsx", Path("/")) == tmp_path / "Plan.xlsx"


def test_an_existing_file_is_a_file_to_replace_not_a_problem(tmp_path: Path) -> None:
    (tmp_path / "Plan.xlsx").write_bytes(b"old")
    assert read("Plan.xlsx", tmp_path) == tmp_path / "Plan.xlsx"


def test_nothing_typed_asks_for_a_name(tmp_path: Path) -> None:
    assert str(problem("   ", tmp_path)) == "Type a file name for the workbook."


@pytest.mark.parametrize("typed", ["/", "~", "..", ".", "sub/", "sub"])
def test_a_folder_asks_for_a_file_name_in_it(typed: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "base" / "sub").mkdir(parents=True)
    base = tmp_path / "base"
    folder = Path(os.path.abspath(base / Path(typed).expanduser()))
    assert str(problem(typed, base)) == f"{folder} is a folder; add a file name to it."


def test_a_folder_named_like_the_file_with_its_suffix_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "Plan.xlsx").mkdir()
    assert (
        str(problem("Plan", tmp_path))
        == f"{tmp_path / 'Plan.xlsx'} is a folder; add a file name to it."
    )


def test_the_suffix_alone_asks_for_a_name_before_it(tmp_path: Path) -> None:
    assert str(problem(".xlsx", tmp_path)) == "Type a name before “.xlsx”."


def test_a_missing_folder_is_named_and_offered_for_creating(tmp_path: Path) -> None:
    error = problem(f"{tmp_path}/plans/2027/Plan.xlsx", tmp_path)
    assert str(error) == f"The folder {tmp_path / 'plans' / '2027'} does not exist."
    assert error.missing_folder == tmp_path / "plans" / "2027"


def test_a_file_where_a_folder_should_be_is_said(tmp_path: Path) -> None:
    (tmp_path / "p.smplan").write_bytes(b"")
    error = problem(f"{tmp_path}/p.smplan/sub/Plan.xlsx", tmp_path)
    assert str(error) == f"{tmp_path / 'p.smplan'} is a file, not a folder."
    assert error.missing_folder is None


def test_a_write_protected_folder_is_said(tmp_path: Path, monkeypatch) -> None:
    # Root may write anywhere, so the system's answer is stood in for.
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode)
    )
    assert str(problem(f"{locked}/Plan.xlsx", tmp_path)) == (
        f"The folder {locked} is write-protected."
    )


def test_a_name_too_long_for_a_file_system_is_said(tmp_path: Path) -> None:
    assert str(problem("x" * 251, tmp_path)) == (
        "The file name is too long for a file system (256 bytes; at most 255)."
    )


def test_a_control_character_is_refused(tmp_path: Path) -> None:
    assert "control characters" in str(problem("Plan\x00.xlsx", tmp_path))


def test_reading_a_typed_path_changes_nothing_on_disk(tmp_path: Path) -> None:
    problem(f"{tmp_path}/plans/Plan.xlsx", tmp_path)
    read("Plan", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_free_path_is_the_path_itself_when_nothing_is_there(tmp_path: Path) -> None:
    assert free_path(tmp_path / "Plan.smplan") == tmp_path / "Plan.smplan"


def test_a_free_path_counts_up_past_the_names_taken(tmp_path: Path) -> None:
    for name in ("Plan.smplan", "Plan 2.smplan"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "Plan 3.smplan").symlink_to(tmp_path / "gone")
    assert free_path(tmp_path / "Plan.smplan") == tmp_path / "Plan 4.smplan"


def test_a_suggested_stem_holds_no_character_a_file_system_refuses() -> None:
    assert file_stem_for("FY2026: Demand/Plan?", fallback="Plan") == "FY2026 Demand Plan"


def test_a_suggested_stem_fits_any_file_system_in_any_script() -> None:
    assert len(file_stem_for("🚀" * 200, fallback="Plan").encode("utf-8")) + 7 <= 255


def test_a_name_with_nothing_usable_falls_back() -> None:
    assert file_stem_for(" ... / ", fallback="Untitled plan") == "Untitled plan"
