"""The baseline a document's pages compare with: opened in a worker, closed when another is
chosen or the document closes, and following the working plan's edits."""

from __future__ import annotations

from baseline_choice_support import compare_with, versioned, versioned_document
from versioned_plans import BOARD, CUT

from planner.versions.opened import open_version
from ui.document import PlanDocument
from ui.versions.baseline import offered_order

__all__ = ["versioned", "versioned_document"]  # fixtures (see baseline_choice_support)


def _closed(baseline) -> bool:
    try:
        baseline.plan.query("SELECT 1")
    except Exception:  # sqlite3.ProgrammingError: cannot operate on a closed database
        return True
    return False


def test_no_baseline_is_chosen_at_first(versioned_document):
    choice = versioned_document.baseline

    assert (choice.version_id, choice.baseline) == (None, None)


def test_every_version_is_offered_locked_baselines_first(versioned, versioned_document):
    offered = versioned_document.baseline.offered()

    assert [v.name for v in offered] == [BOARD, CUT]
    assert offered_order(list(reversed(offered))) == offered


def test_a_chosen_version_opens_in_the_background(versioned, versioned_document, qtbot):
    choice = versioned_document.baseline
    with qtbot.waitSignal(choice.changed, timeout=10_000):
        choice.choose(versioned.board)
    assert choice.version_id == versioned.board

    compare_with(qtbot, versioned_document, versioned.board)

    assert choice.baseline.name == BOARD
    assert choice.baseline.plan.version.id == versioned.board


def test_choosing_another_closes_the_one_before(versioned, versioned_document, qtbot):
    compare_with(qtbot, versioned_document, versioned.board)
    first = versioned_document.baseline.baseline

    compare_with(qtbot, versioned_document, versioned.cut)

    assert _closed(first)
    assert versioned_document.baseline.baseline.name == CUT


def test_choosing_none_closes_it(versioned, versioned_document, qtbot):
    compare_with(qtbot, versioned_document, versioned.board)
    opened = versioned_document.baseline.baseline

    compare_with(qtbot, versioned_document, None)

    assert versioned_document.baseline.baseline is None
    assert _closed(opened)


def test_closing_the_document_closes_it(versioned, qapp, qtbot):
    document = PlanDocument(versioned.plan)
    compare_with(qtbot, document, versioned.board)
    opened = document.baseline.baseline

    document.close()

    assert _closed(opened)


def test_a_version_deleted_while_chosen_is_no_longer_compared_with(
    versioned, versioned_document, qtbot
):
    compare_with(qtbot, versioned_document, versioned.board)
    choice = versioned_document.baseline
    opened = choice.baseline

    with qtbot.waitSignal(choice.changed, timeout=5_000):
        versioned.plan.versions.delete(versioned.board)

    assert (choice.version_id, choice.baseline) == (None, None)
    assert _closed(opened)
    assert [v.name for v in choice.offered()] == [CUT]


def test_a_version_renamed_while_chosen_keeps_its_place_under_its_new_name(
    versioned, versioned_document, qtbot
):
    compare_with(qtbot, versioned_document, versioned.board)
    choice = versioned_document.baseline
    opened = choice.baseline

    with qtbot.waitSignal(choice.changed, timeout=5_000):
        versioned.plan.versions.rename(versioned.board, "Board, as approved")

    assert choice.baseline is opened
    assert opened.name == "Board, as approved"


def test_a_scenarios_saved_edits_open_it_again(versioned, versioned_document, qtbot):
    compare_with(qtbot, versioned_document, versioned.cut)
    choice = versioned_document.baseline
    opened = choice.baseline

    with open_version(versioned.plan, versioned.cut) as scenario:
        scenario.initiatives.update(versioned.partner, budget=9_900_000)
    qtbot.waitUntil(lambda: choice.baseline is not opened, timeout=10_000)

    assert choice.baseline.facts()[versioned.partner].budget == 9_900_000
    assert _closed(opened)


def test_a_version_that_cannot_open_is_refused_in_words(versioned, versioned_document, qtbot):
    choice = versioned_document.baseline

    with qtbot.waitSignal(versioned_document.refused, timeout=10_000) as refused:
        choice.choose(9999)

    assert refused.args[0].startswith("Can't compare with that version: ")
    assert "9999" in refused.args[0]
    assert (choice.version_id, choice.baseline) == (None, None)
