"""An import path that is no regular file: a named pipe (whose first read would wait for a
writer forever) or a link to a device such as /dev/zero (which never ends) is refused at once,
in one line that names the file and what it is, and the plan is left as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_support import smarketing
from import_support import plan_state, plan_with_actuals

from planner import Plan
from planner.errors import PlanFileError
from planner.workbook.importing import preview_import
from planner.workbook.importing.csv_source import read_csv_table

SUFFIXES = [".csv", ".xlsx"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_named_pipe_to_import_is_refused_as_one(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"actuals{suffix}"
    os.mkfifo(source)
    plan = plan_with_actuals()
    before = plan_state(plan)

    with pytest.raises(PlanFileError) as refusal:
        preview_import(plan, source)

    assert str(refusal.value) == f"actuals{suffix}: is a named pipe (FIFO), not a file to import"
    assert plan_state(plan) == before


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_link_to_dev_zero_to_import_is_refused_as_a_device(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"actuals{suffix}"
    os.symlink("/dev/zero", source)

    with pytest.raises(PlanFileError) as refusal:
        preview_import(plan_with_actuals(), source)

    assert str(refusal.value) == f"actuals{suffix}: is a character device, not a file to import"


def test_a_named_pipe_is_refused_when_its_columns_are_read(tmp_path: Path) -> None:
    source = tmp_path / "deals.csv"
    os.mkfifo(source)

    with pytest.raises(PlanFileError, match=r"deals\.csv: is a named pipe \(FIFO\)"):
        read_csv_table(source)


def test_the_import_command_refuses_a_named_pipe_in_one_line(tmp_path: Path) -> None:
    plan_path = tmp_path / "P.smplan"
    Plan.create(plan_path, name="P", first_month="2026-01").close()
    source = tmp_path / "deals.csv"
    os.mkfifo(source)

    result = smarketing("import", plan_path, source, timeout=60)

    assert result.returncode != 0
    assert result.stderr == "smarketing: deals.csv: is a named pipe (FIFO), not a file to import\n"
