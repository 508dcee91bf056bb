"""An edit aimed at a locked baseline is refused by every path, in one line, and changes
nothing in the file: every service of the baseline opened as a plan, a batch of them, and an
actuals workbook imported into it. (No command line writes a version; a version locked while
open, and deleting what a version names, are in ``test_opened_versions`` and
``test_version_service``.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from version_support import with_versions
from workbook.import_support import actuals_row, write_actuals

from planner import Metric, Plan
from planner.errors import ReadOnlyPlanError
from planner.services.values import Kind, ValueEntry
from planner.versions.opened import VersionPlan, open_version
from planner.workbook.importing import apply_import, preview_import

FIRST = 1  # an initiative of the demo plan, with an owner, segments and planned values
JANUARY = 202601


def batch_of_edits(baseline: VersionPlan) -> None:
    with baseline.batch():
        baseline.initiatives.update(FIRST, notes="in a batch")
        baseline.values.set(FIRST, JANUARY, Metric.MQL, planned=1)


EDITS: dict[str, Callable[[VersionPlan], object]] = {
    "an initiative's budget": lambda v: v.initiatives.update(FIRST, budget=5),
    "a new initiative": lambda v: v.initiatives.add(name="Added to the baseline"),
    "an initiative deleted": lambda v: v.initiatives.delete(FIRST),
    "an initiative duplicated": lambda v: v.initiatives.duplicate(FIRST),
    "an initiative's segments": lambda v: v.initiatives.set_segments(FIRST, []),
    "a planned value": lambda v: v.values.set(FIRST, JANUARY, Metric.LEADS, planned=5),
    "an actual value": lambda v: v.values.set(FIRST, JANUARY, Metric.LEADS, actual=5),
    "many values": lambda v: v.values.set_many(
        [ValueEntry(FIRST, JANUARY, Metric.MQL, Kind.PLANNED, 9)]
    ),
    "an owner": lambda v: v.roles.set_owner(FIRST, v.people.list()[-1].id),
    "the funnel assumptions": lambda v: v.funnel.update(lead_to_mql=0.5),
    "the hand-off agreement": lambda v: v.handoff.update(mqls_per_month=10),
    "follow-up hours": lambda v: v.handoff.set_followup_hours(JANUARY, 3),
    "the plan's settings": lambda v: v.settings.update(name="Renamed"),
    "a person": lambda v: v.people.add(name="New person", team="Marketing"),
    "a segment": lambda v: v.segments.add(name="New segment", tier="core"),
    "a channel": lambda v: v.channels.add(name="Podcasts"),
    "a batch of edits": batch_of_edits,
}


@pytest.fixture
def baseline(demo_path: Path) -> int:
    return with_versions(demo_path)[0]


def assert_one_line(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message, message
    return message


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_edit_of_the_opened_locked_baseline_is_refused_and_changes_nothing(
    demo_path, baseline, edit
):
    before = demo_path.read_bytes()
    with Plan.open(demo_path) as plan, open_version(plan, baseline) as opened:
        shown = (opened.initiatives.list(), opened.values.grid(Metric.LEADS))

        with pytest.raises(ReadOnlyPlanError) as refused:
            edit(opened)

        message = assert_one_line(refused.value)
        assert "baseline 'Board plan'" in message and "a locked version cannot change" in message
        assert (opened.initiatives.list(), opened.values.grid(Metric.LEADS)) == shown
    assert demo_path.read_bytes() == before


def test_an_actuals_workbook_imported_into_the_locked_baseline_is_refused(
    demo_path, baseline, tmp_path
):
    before = demo_path.read_bytes()
    with Plan.open(demo_path) as plan, open_version(plan, baseline) as opened:
        name = opened.initiatives.get(FIRST).name
        row = actuals_row(FIRST, "2026-01", Metric.LEADS, 123, name=name)
        preview = preview_import(opened, write_actuals(tmp_path / "actuals.xlsx", [row]))
        assert preview.changes and not preview.rejected

        with pytest.raises(ReadOnlyPlanError) as refused:
            apply_import(opened, preview)

        assert "a locked version cannot change" in assert_one_line(refused.value)
    assert demo_path.read_bytes() == before
