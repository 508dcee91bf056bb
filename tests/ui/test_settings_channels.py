"""The Channels section of the settings page: the plan's channels in order with their
initiatives; add, rename in place, retire and bring back, move and delete, each one undo
step; refusals say why and change nothing; a read-only plan offers no edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from settings_support import page, refusals, section, show_settings_page

from planner import Plan
from planner.storage.schema import DEFAULT_CHANNELS
from ui.document import PlanDocument
from ui.pages.settings import channel_edits as edits
from ui.pages.settings.channels import ChannelsSection, channel_rows
from ui.widgets.page_header import PageHeader

# Fixtures (see settings_support): pytest finds them in this module.
__all__ = ["page", "refusals", "section"]


def listed(section: ChannelsSection, column: int = 0) -> list[str]:
    model = section.model
    return [model.index(n, column).data() for n in range(model.rowCount())]


def choose(section: ChannelsSection, name: str) -> int:
    channel = section.document.plan.channels.named(name).id
    assert section.select(channel)
    return channel


def rename_in_place(qtbot, section: ChannelsSection, name: str, typed: str) -> None:
    """Select the channel, press F2, type the new name and Enter, as a user renames it."""
    choose(section, name)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, section)


def committed(qtbot, section: ChannelsSection) -> None:
    """Wait for the delegate to commit the name typed (it does on the next loop turn)."""
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: section.table.state() != editing, timeout=2000)


# -- what it shows ---------------------------------------------------------------------------


def test_the_section_lists_the_plans_channels_in_order_with_their_initiatives(section, document):
    plan = document.plan
    usage = plan.channels.usage()

    assert listed(section) == list(DEFAULT_CHANNELS)
    assert listed(section, 1) == [str(usage[c.id]) for c in plan.channels.list()]
    assert set(listed(section, 2)) == {"Offered"}


def test_rows_without_a_window_carry_the_count_and_the_retired_flag(document):
    plan = document.plan
    paid = plan.channels.named("Paid").id
    plan.channels.update(paid, retired=True)

    rows = channel_rows(plan.channels.list(), plan.channels.usage())

    (row,) = [r for r in rows if r.id == paid]
    assert (row.name, row.retired, row.initiatives) == ("Paid", True, 3)


def test_the_page_says_it_holds_the_channels(page):
    assert (
        page.findChild(PageHeader).subtitle.text().endswith("and the channels initiatives go in.")
    )


# -- adding and renaming --------------------------------------------------------------------


def test_add_puts_a_new_channel_last_and_starts_editing_its_name(section, document, qtbot):
    qtbot.mouseClick(section.buttons[section.add_action], Qt.MouseButton.LeftButton)

    assert listed(section)[-1] == "New channel"
    assert section.current().name == "New channel"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Podcasts")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, section)

    assert listed(section)[-1] == "Podcasts"
    assert document.undo_stack.undoText() == "rename channel New channel"
    document.undo_stack.undo()
    assert document.undo_stack.undoText() == "add channel"
    document.undo_stack.undo()
    assert listed(section) == list(DEFAULT_CHANNELS)
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert listed(section)[-1] == "Podcasts"


def test_renaming_in_place_renames_it_everywhere_and_undo_gives_the_name_back(
    section, document, qtbot
):
    paid = choose(section, "Paid")

    rename_in_place(qtbot, section, "Paid", "Paid media")

    assert document.plan.channels.get(paid).name == "Paid media"
    assert listed(section)[3] == "Paid media"
    document.undo_stack.undo()
    assert listed(section)[3] == "Paid"


def test_a_name_another_channel_has_is_refused_and_the_name_stays(
    section, document, qtbot, refusals
):
    rename_in_place(qtbot, section, "Paid", "seo")

    assert refusals == [
        "Could not rename channel Paid: Channel name: there is already a channel named 'SEO'"
    ]
    assert listed(section)[3] == "Paid"
    assert document.undo_stack.count() == 0


def test_an_empty_name_is_refused_naming_the_field(section, document, qtbot, refusals):
    rename_in_place(qtbot, section, "PR", "   ")

    assert refusals == ["Could not rename channel PR: Channel name: must not be empty"]
    assert "PR" in listed(section)


# -- retiring, moving, deleting -------------------------------------------------------------


def test_retire_marks_the_channel_retired_and_bring_back_offers_it_again(section, document, qtbot):
    paid = choose(section, "Paid")
    button = section.buttons[section.retire_action]
    assert button.text() == "Retire"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert document.plan.channels.get(paid).retired
    assert listed(section, 2)[3] == "Retired"
    assert button.text() == "Bring back"
    assert section.model.index(3, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert document.undo_stack.undoText() == "retire channel Paid"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not document.plan.channels.get(paid).retired
    assert document.undo_stack.undoText() == "bring back channel Paid"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert listed(section, 2)[3] == "Offered"


def test_move_up_and_down_reorder_the_list_and_undo_moves_back(section, document, qtbot):
    choose(section, "PR")

    qtbot.mouseClick(section.buttons[section.up_action], Qt.MouseButton.LeftButton)
    assert listed(section)[9:11] == ["PR", "Partner"]
    assert section.current().name == "PR"  # still selected, to move again
    qtbot.mouseClick(section.buttons[section.up_action], Qt.MouseButton.LeftButton)
    assert listed(section)[8] == "PR"
    assert document.undo_stack.undoText() == "move channel PR up"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert listed(section) == list(DEFAULT_CHANNELS)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert listed(section)[11] == "PR"


def test_the_first_cannot_move_up_nor_the_last_down(section):
    choose(section, "Content")
    assert not section.up_action.isEnabled() and section.down_action.isEnabled()
    choose(section, "Other")
    assert section.up_action.isEnabled() and not section.down_action.isEnabled()


def test_deleting_a_channel_with_initiatives_is_refused_naming_them(
    section, document, qtbot, refusals
):
    choose(section, "Webinar")

    qtbot.mouseClick(section.buttons[section.delete_action], Qt.MouseButton.LeftButton)

    assert refusals == [
        "Could not delete channel Webinar: Channel: Webinar is the channel of Audit-readiness "
        "webinar, Webinar series: the 5-day close; retire it instead, or move those "
        "initiatives to another channel first"
    ]
    assert listed(section) == list(DEFAULT_CHANNELS)
    assert document.undo_stack.count() == 0


def test_deleting_an_unused_channel_removes_it_and_undo_puts_it_back_in_place(
    section, document, qtbot
):
    social = choose(section, "Social")
    section.table.setFocus()

    qtbot.keyClick(section.table, Qt.Key.Key_Delete)

    assert "Social" not in listed(section)
    assert document.undo_stack.undoText() == "delete channel Social"
    document.undo_stack.undo()
    assert listed(section) == list(DEFAULT_CHANNELS)
    assert document.plan.channels.named("Social").id == social


def test_an_edit_made_elsewhere_shows_at_once(section, document):
    document.plan.channels.add(name="Podcasts")
    document.plan.initiatives.update(
        document.plan.initiatives.list()[0].id,
        channel_id=document.plan.channels.named("Podcasts").id,
    )
    assert listed(section)[-1] == "Podcasts"
    assert listed(section, 1)[-1] == "1"


# -- commands without a window --------------------------------------------------------------


def test_each_command_is_undone_and_redone_through_the_core(document):
    plan, stack = document.plan, document.undo_stack
    paid = plan.channels.named("Paid")
    commands = [
        edits.rename_channel(plan, paid, "Paid media"),
        edits.set_retired(plan, plan.channels.get(paid.id), True),
        edits.move_channel(plan, plan.channels.get(paid.id), 3, 0),
    ]
    for command in commands:
        assert document.run(command)
    assert plan.channels.list()[0].name == "Paid media" and plan.channels.list()[0].retired

    for _ in commands:
        stack.undo()
    assert plan.channels.list()[3] == paid
    for _ in commands:
        stack.redo()
    assert plan.channels.list()[0].name == "Paid media"


# -- read-only ------------------------------------------------------------------------------


def test_a_read_only_plan_lists_its_channels_but_offers_no_edit(demo_path, qtbot):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        page = show_settings_page(qtbot, document)
        section = page.channels
        choose(section, "Paid")

        assert listed(section) == list(DEFAULT_CHANNELS)
        assert not any(action.isEnabled() for action in section.edit_actions())
        assert not section.model.flags(section.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    finally:
        document.close()
