"""The detail pane under the Initiatives table: the selected initiative's story, the
segments it aims at and the people on it, edited there as one undoable step each."""

from __future__ import annotations

from initiatives_support import by_name, page
from PySide6.QtCore import Qt

from ui.pages.initiatives import InitiativesPage

# ``page`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["page"]

GUIDE = "Grant-accounting guide for non-profits"  # no owner


def select(page: InitiativesPage, *names: str) -> list[int]:
    ids = [by_name(page.plan, name).id for name in names]
    page.table.select_ids(ids, (ids[0], 0))
    return ids


def test_the_page_starts_on_the_first_initiative(page):
    assert page.table.selected_ids() == [
        page.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1).id
    ]
    assert page.detail.stack.currentWidget() is page.detail.content


def test_nothing_selected_shows_a_friendly_empty_pane(page):
    page.table.clearSelection()
    assert page.detail.stack.currentWidget() is page.detail.empty
    assert "Select an initiative" in page.detail.empty.text()


def test_the_pane_shows_the_selected_initiatives_story(page):
    select(page, "Audit-readiness webinar")
    assert page.detail.name.text() == "Audit-readiness webinar"
    assert page.detail.story["problem"].toPlainText().startswith("First audits after a buy-out")


def test_the_pane_lists_the_people_with_their_roles(page):
    select(page, "Audit-readiness webinar")
    lines = [page.detail.people.item(n).text() for n in range(page.detail.people.count())]
    assert lines == [
        "Lukas Novak — Accountable (Marketing)",
        "Noah Fischer — Consulted (Sales)",
        "Priya Raman — Informed (Leadership)",
    ]


def test_a_story_commits_on_leaving_the_field_as_one_command(page, qtbot):
    (guide,) = select(page, GUIDE)
    editor = page.detail.story["why_us"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Our fund-accounting module")
    assert page.document.undo_stack.count() == 0  # not one step per keystroke
    page.table.setFocus()
    assert page.plan.initiatives.get(guide).why_us == "Our fund-accounting module"
    assert page.document.undo_stack.count() == 1
    assert page.document.undo_stack.undoText().startswith("edit why us of")


def test_ctrl_enter_commits_a_story(page, qtbot):
    (guide,) = select(page, GUIDE)
    editor = page.detail.story["notes"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Ask the grants team")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.plan.initiatives.get(guide).notes == "Ask the grants team"
    assert editor.toPlainText() == "Ask the grants team"  # no line break was typed


def test_escape_takes_back_what_was_typed_in_a_story(page, qtbot):
    select(page, GUIDE)
    editor = page.detail.story["notes"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "Half a thought")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.toPlainText() == ""
    assert not editor.revert_action.isEnabled()  # nothing left to take back: Esc goes on
    assert page.document.undo_stack.count() == 0


def test_the_pane_shows_the_story_again_after_undo(page, qtbot):
    (guide,) = select(page, GUIDE)
    editor = page.detail.story["notes"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Draft by June")
    page.table.setFocus()
    page.document.undo_stack.undo()
    assert page.plan.initiatives.get(guide).notes == ""
    assert editor.toPlainText() == ""


def test_ticking_a_segment_is_one_command_and_undo_unticks_it(page):
    (guide,) = select(page, GUIDE)
    segments = page.detail.segments
    item = next(
        segments.item(n)
        for n in range(segments.count())
        if segments.item(n).text() == "Mid-market SaaS finance teams"
    )
    before = page.plan.initiatives.get(guide).segment_ids
    item.setCheckState(Qt.CheckState.Checked)
    assert len(page.plan.initiatives.get(guide).segment_ids) == len(before) + 1
    assert page.document.undo_stack.undoText().startswith("change segments of")
    page.document.undo_stack.undo()
    assert page.plan.initiatives.get(guide).segment_ids == before
    assert item.checkState() == Qt.CheckState.Unchecked


def test_segments_are_grouped_under_their_tier(page):
    select(page, GUIDE)
    texts = [page.detail.segments.item(n).text() for n in range(page.detail.segments.count())]
    assert texts[0] == "Core: in the strike zone"
    assert texts.index("Edge: adjacent, opportunistic") < texts.index("Outside the strike zone")
