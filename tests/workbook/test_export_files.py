"""The workbook is written whole or not at all: refused targets, a target open in another
program, a failure or a cancel half-way, each leave the folder exactly as it was."""

from __future__ import annotations

import os
import threading

import pytest
from plan_builders import no_actuals_plan

from planner.errors import PlanFileError
from planner.workbook import files
from planner.workbook.export import ExportCancelled, actuals_sheet, export_workbook

OLD = b"the workbook exported last week"


@pytest.fixture
def export_plan():
    plan = no_actuals_plan()
    yield plan
    plan.close()


@pytest.fixture
def export_old_target(tmp_path):
    """A workbook that exists already (an earlier export)."""
    target = tmp_path / "plan.xlsx"
    target.write_bytes(OLD)
    return target


def _folder(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_an_export_returns_the_absolute_path_it_wrote(export_plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = export_workbook(export_plan, "out.xlsx")
    assert written == tmp_path / "out.xlsx"
    assert written.read_bytes()[:2] == b"PK"
    assert _folder(written) == ["out.xlsx"]


def test_an_export_replaces_an_older_workbook(export_plan, export_old_target):
    export_workbook(export_plan, export_old_target)
    assert export_old_target.read_bytes()[:2] == b"PK"
    assert _folder(export_old_target) == ["plan.xlsx"]


def test_the_workbook_gets_the_usual_file_permissions(export_plan, tmp_path):
    written = export_workbook(export_plan, tmp_path / "shared.xlsx")
    mask = os.umask(0)
    os.umask(mask)
    assert written.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("name", ["plan.xls", "plan.csv", "plan"])
def test_a_target_that_is_not_xlsx_is_refused(export_plan, tmp_path, name):
    with pytest.raises(PlanFileError, match=r"\.xlsx") as refused:
        export_workbook(export_plan, tmp_path / name)
    assert name in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_is_named(export_plan, tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(PlanFileError, match="does not exist") as refused:
        export_workbook(export_plan, missing / "plan.xlsx")
    assert str(missing) in str(refused.value)


def test_a_folder_that_cannot_be_written_is_named(export_plan, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    # Runs as root on CI, where a read-only folder is writable still: refuse its files.
    monkeypatch.setattr(files, "open", refuse, raising=False)
    with pytest.raises(PlanFileError, match="cannot be written") as refused:
        export_workbook(export_plan, tmp_path / "plan.xlsx")
    assert "plan.xlsx" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("owner", "program"), [("~$plan.xlsx", "Excel"), (".~lock.plan.xlsx#", "LibreOffice")]
)
def test_a_target_open_in_an_office_program_is_refused(
    export_plan, export_old_target, owner, program
):
    (export_old_target.parent / owner).write_text("someone")
    with pytest.raises(PlanFileError, match="is open in another program") as refused:
        export_workbook(export_plan, export_old_target)
    message = str(refused.value)
    assert str(export_old_target) in message and program in message
    assert "close it there and export again" in message
    assert export_old_target.read_bytes() == OLD
    assert _folder(export_old_target) == sorted(["plan.xlsx", owner])


def test_a_target_that_windows_will_not_replace_is_reported_as_open(
    export_plan, export_old_target, monkeypatch
):
    def locked(_source, _target):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(PlanFileError) as refused:
        export_workbook(export_plan, export_old_target)
    assert str(refused.value) == (
        f"{export_old_target} is open in another program (Excel?); close it there and export again"
    )
    assert export_old_target.read_bytes() == OLD
    assert _folder(export_old_target) == ["plan.xlsx"]


def test_a_failure_half_way_leaves_the_old_workbook_and_no_temporary_file(
    export_plan, export_old_target, monkeypatch
):
    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(actuals_sheet, "write", broken)
    with pytest.raises(PlanFileError, match="No space left on device") as failed:
        export_workbook(export_plan, export_old_target)
    assert "it was not changed" in str(failed.value)
    assert export_old_target.read_bytes() == OLD
    assert _folder(export_old_target) == ["plan.xlsx"]


def test_a_cancel_from_the_progress_callback_stops_the_export(export_plan, export_old_target):
    cancel = threading.Event()
    heard = []

    def progress(done, total):
        heard.append(done)
        if done > total // 3:
            cancel.set()

    with pytest.raises(ExportCancelled) as cancelled:
        export_workbook(export_plan, export_old_target, on_progress=progress, cancel=cancel)
    assert str(cancelled.value) == f"Export cancelled; {export_old_target} was not changed"
    assert export_old_target.read_bytes() == OLD
    assert _folder(export_old_target) == ["plan.xlsx"]


def test_a_cancelled_export_leaves_none_of_openpyxls_temporary_files(export_plan, tmp_path):
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    before = [path for path in ALL_TEMP_FILES if os.path.exists(path)]
    cancel = threading.Event()

    def progress(done, _total):
        if done:  # once sheets are being written
            cancel.set()

    with pytest.raises(ExportCancelled):
        export_workbook(export_plan, tmp_path / "plan.xlsx", on_progress=progress, cancel=cancel)
    assert [path for path in ALL_TEMP_FILES if os.path.exists(path)] == before


def test_progress_is_reported_in_order_up_to_the_whole(export_demo_plan, tmp_path):
    heard = []
    export_workbook(
        export_demo_plan, tmp_path / "plan.xlsx", on_progress=lambda d, t: heard.append((d, t))
    )
    totals = {total for _done, total in heard}
    assert len(totals) == 1
    done = [d for d, _total in heard]
    assert done == sorted(done)
    assert done[0] == 0 and done[-1] == totals.pop()
    assert len(heard) <= 103


def test_temporary_files_abandoned_by_a_killed_export_go_with_the_next_one(
    export_plan, export_old_target
):
    abandoned = export_old_target.with_name(f".{export_old_target.name}.0badf00d.tmp")
    abandoned.write_bytes(b"half a workbook")
    an_hour_ago = abandoned.stat().st_mtime - files.ABANDONED_AFTER_SECONDS - 60
    os.utime(abandoned, (an_hour_ago, an_hour_ago))
    other_file = export_old_target.with_name(".other.xlsx.0badf00d.tmp")
    other_file.write_bytes(b"another target's")
    os.utime(other_file, (an_hour_ago, an_hour_ago))

    export_workbook(export_plan, export_old_target)

    assert _folder(export_old_target) == [other_file.name, export_old_target.name]


def test_a_young_temporary_file_may_be_another_windows_export_and_stays(
    export_plan, export_old_target
):
    writing_now = export_old_target.with_name(f".{export_old_target.name}.0badf00d.tmp")
    writing_now.write_bytes(b"another window's export, half way")

    export_workbook(export_plan, export_old_target)

    assert writing_now.read_bytes() == b"another window's export, half way"
