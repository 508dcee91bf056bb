"""A full disk during an edit or an export: one clear line naming the file, and nothing lost.

For the plan, SQLite's page limit (``PRAGMA max_page_count``) makes a real SQLITE_FULL; for
the workbook, the zip writer fails with ``ENOSPC`` part way through, as on a full disk.
"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest
from fault_support import files_in, integrity
from fault_window import window_on

from planner import Plan, PlanFileError
from planner.cli import main
from planner.services.values import Kind, ValueEntry
from planner.workbook.export import export_workbook
from ui.commands import Edit

INITIATIVES = 20
MONTHS = 36


def make_plan(path: Path) -> Path:
    """Twenty initiatives over three years, with one planned value each month: room for
    edits that need many new pages."""
    with Plan.create(path, name="Full disk", first_month="2026-01", months=MONTHS) as plan:
        with plan.batch():
            for number in range(INITIATIVES):
                plan.initiatives.add(
                    name=f"Initiative {number}", channel_id=plan.channels.named("Paid").id
                )
        ids = [i.id for i in plan.initiatives.list()]
        plan.values.set_many(
            [ValueEntry(i, m, "leads", Kind.PLANNED, 1) for i in ids for m in plan.horizon.months()]
        )
    return path


def every_value(plan: Plan, marker: int) -> list[ValueEntry]:
    """``marker`` into every planned and actual value of every metric: many new pages."""
    ids = [i.id for i in plan.initiatives.list()]
    return [
        ValueEntry(i, m, metric, kind, marker)
        for i in ids
        for m in plan.horizon.months()
        for metric in ("spend", "mql", "sal", "sql", "opportunities", "deals_won")
        for kind in (Kind.PLANNED, Kind.ACTUAL)
    ]


def fill_the_disk(plan: Plan) -> None:
    (pages,) = plan.db.execute("PRAGMA page_count").fetchone()
    plan.db.conn.execute(f"PRAGMA max_page_count = {pages}")


def assert_one_clear_line(message: str, path: Path) -> None:
    assert "\n" not in message
    assert "Traceback" not in message
    assert str(path) in message
    assert "full" in message


# -- an edit -----------------------------------------------------------------------------------


def test_a_full_disk_during_an_edit_names_the_plan_and_keeps_every_earlier_edit(
    tmp_path: Path,
) -> None:
    path = make_plan(tmp_path / "plan.smplan")
    with Plan.open(path) as plan:
        first = plan.initiatives.list()[0].id
        plan.initiatives.update(first, budget=12_345)  # an earlier edit, saved
        fill_the_disk(plan)

        with pytest.raises(PlanFileError) as caught:
            plan.values.set_many(every_value(plan, 77))

        assert_one_clear_line(str(caught.value), path)
        assert "the plan is as it was" in str(caught.value)
        assert plan.values.grid("mql") == {}  # none of the failed edit
        plan.initiatives.update(first, name="Still editable")  # a small edit still fits
    assert integrity(path) == ["ok"]
    with Plan.open(path) as again:
        kept = again.initiatives.get(first)
        assert (kept.name, kept.budget) == ("Still editable", 12_345)
        assert len(again.values.grid("leads")) == INITIATIVES * MONTHS
        assert again.values.grid("mql") == {}
    assert files_in(tmp_path) == {path.name}


def test_the_app_shows_a_full_disk_during_an_edit_in_its_notice_bar(qtbot, tmp_path: Path) -> None:
    path = make_plan(tmp_path / "plan.smplan")
    window = window_on(qtbot, path)
    document = window.document
    plan = document.plan
    first = plan.initiatives.list()[0].id
    assert document.run(
        Edit(
            "change the budget",
            lambda: plan.initiatives.update(first, budget=500),
            lambda: plan.initiatives.update(first, budget=0),
        )
    )
    fill_the_disk(plan)

    done = document.run(
        Edit("paste values", lambda: plan.values.set_many(every_value(plan, 9)), list)
    )

    assert not done
    notice = window.notice.text()
    assert_one_clear_line(notice, path)
    assert notice.startswith("Could not paste values: ")
    assert document.undo_stack.count() == 1  # the budget edit; the failed paste is not there
    assert plan.initiatives.get(first).budget == 500
    assert plan.values.grid("mql") == {}
    window.close()
    with Plan.open(path, read_only=True) as again:
        assert again.initiatives.get(first).budget == 500


# -- an export ---------------------------------------------------------------------------------


@pytest.fixture
def full_disk_for_zips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every zip being written fails with ENOSPC after its first few parts (a workbook is a
    zip): the disk fills part way through the file."""
    real_writestr = zipfile.ZipFile.writestr
    written: dict[int, int] = {}

    def writestr(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        written[id(self)] = written.get(id(self), 0) + 1
        if written[id(self)] > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_writestr(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    """A plan and the workbook an earlier export wrote from it."""
    path = make_plan(tmp_path / "plan.smplan")
    with Plan.open(path, read_only=True) as plan:
        target = export_workbook(plan, tmp_path / "leadership.xlsx")
    return path, target


def test_a_full_disk_during_an_export_names_the_workbook_and_keeps_the_old_one(
    exported: tuple[Path, Path], full_disk_for_zips: None
) -> None:
    path, target = exported
    plan_before, workbook_before = path.read_bytes(), target.read_bytes()
    with Plan.open(path) as plan:
        with pytest.raises(PlanFileError) as caught:
            export_workbook(plan, target)
        plan.initiatives.add(
            name="After the failed export", channel_id=plan.channels.named("Paid").id
        )

    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message
    assert "No space left on device" in message
    assert "it was not changed" in message
    assert target.read_bytes() == workbook_before
    assert path.read_bytes() != plan_before  # the plan stayed editable
    assert files_in(target.parent) == {path.name, target.name}


def test_a_full_disk_during_an_export_is_one_line_from_the_command_line(
    exported: tuple[Path, Path], full_disk_for_zips: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path, target = exported
    workbook_before = target.read_bytes()

    code = main(["export", str(path), "-o", str(target)])

    output = capsys.readouterr()
    assert code == 2
    assert output.out == ""
    assert output.err.count("\n") == 1
    assert output.err.startswith(f"smarketing: {target}: cannot be written (No space left")
    assert target.read_bytes() == workbook_before
    assert files_in(target.parent) == {path.name, target.name}
