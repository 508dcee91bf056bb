"""A plan file the user may not write opens read-only, in the core and in the app (with the
notice that says why), and nothing is written to it or beside it.

Tests run as root, for whom ``chmod`` does not stop writes; ``Plan.open`` decides by
``os.access``, so that is what the tests make say no (besides the ``chmod``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_support import files_in
from fault_window import window_on

from planner import Plan, ReadOnlyPlanError
from ui.commands import Edit


@pytest.fixture
def protected_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A write-protected plan file: read-only on disk, and ``os.access`` says so to root too."""
    path = tmp_path / "protected.smplan"
    with Plan.create(path, name="Protected", first_month="2026-01") as plan:
        plan.initiatives.add(name="Webinar series", channel_id=plan.channels.named("Webinar").id)
    path.chmod(0o444)
    real_access = os.access

    def access(name: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(name)) == path:
            return False
        return real_access(name, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    yield path
    path.chmod(0o644)


def test_a_write_protected_plan_opens_read_only_and_says_why(protected_plan: Path) -> None:
    with Plan.open(protected_plan) as plan:
        assert plan.read_only
        assert plan.read_only_reason == "the file is write-protected"
        assert [i.name for i in plan.initiatives.list()] == ["Webinar series"]


def test_an_edit_of_a_write_protected_plan_is_refused_and_writes_nothing(
    protected_plan: Path,
) -> None:
    before = protected_plan.read_bytes()
    with Plan.open(protected_plan) as plan, pytest.raises(ReadOnlyPlanError) as caught:
        plan.initiatives.add(name="Refused", channel_id=plan.channels.named("Paid").id)
    assert str(protected_plan) in str(caught.value)
    assert "read-only" in str(caught.value)
    assert protected_plan.read_bytes() == before
    assert files_in(protected_plan.parent) == {protected_plan.name}  # not even a lock file


def test_the_app_opens_a_write_protected_plan_read_only_with_a_notice(
    qtbot, protected_plan: Path
) -> None:
    window = window_on(qtbot, protected_plan)

    assert window.document.read_only
    assert "(read-only)" in window.windowTitle()
    notice = window.notice.text()
    assert "Opened read-only" in notice
    assert "write-protected" in notice


def test_the_app_refuses_an_edit_of_a_write_protected_plan_in_its_notice(
    qtbot, protected_plan: Path
) -> None:
    window = window_on(qtbot, protected_plan)
    before = protected_plan.read_bytes()
    plan = window.document.plan

    done = window.document.run(
        Edit(
            "add an initiative",
            lambda: plan.initiatives.add(name="No", channel_id=plan.channels.named("Paid").id),
            list,
        )
    )

    assert not done
    assert "read-only" in window.notice.text()
    assert window.document.undo_stack.count() == 0
    assert protected_plan.read_bytes() == before
