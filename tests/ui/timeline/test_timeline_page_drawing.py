"""What the Timeline page shows of the demo plan: the lanes of the lead's grouping, exactly as
the core builds them; the Initiatives page's filters; each bar's label and tooltip as plain
text; the zoom; findings; and the plan's edits made anywhere, followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox, QToolTip
from timeline_page_support import BOOTH, CONFERENCE, WEBINARS, bar, initiative_id, point

from planner.checks import Finding, Severity
from planner.timeline import Grouping, build_timeline
from ui.pages.initiatives import edits
from ui.pages.timeline.layout import BarLabel, Zoom
from ui.plain_text import tooltip_text


def pick(combo: QComboBox, value: object) -> None:
    """Choose ``value`` in ``combo`` as a person does (the combo says it was activated)."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def lanes_shown(page) -> list[tuple[str, list[int]]]:
    assert page.shown is not None
    return [(lane.title, [b.initiative_id for b in lane.bars]) for lane in page.shown.lanes]


def hover(page, where: QPoint) -> str:
    """The tooltip the drawing shows for a mouse resting at ``where``, as the user reads it."""
    viewport = page.canvas.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text()


# -- lanes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("grouping", list(Grouping))
def test_the_lanes_are_the_cores_for_each_grouping(page, grouping):
    page.set_grouping(grouping)
    built = build_timeline(page.plan, grouping, analysis=page.analysis, findings=[])
    assert lanes_shown(page) == [
        (lane.title, [b.initiative_id for b in lane.bars]) for lane in built.lanes
    ]


def test_every_initiative_of_the_plan_has_its_bar(page):
    assert page.canvas.layout_.bar_count == len(page.plan.initiatives.list())


def test_choosing_owners_in_the_lanes_control_gives_a_lane_per_owner(page):
    pick(page.controls.grouping, Grouping.OWNER)
    assert page.grouping is Grouping.OWNER
    assert "Maya Chen" in [title for title, _bars in lanes_shown(page)]


# -- the Initiatives page's filters ------------------------------------------------------------


def test_the_status_filter_leaves_only_initiatives_of_that_status(page):
    page.filters.status.setCurrentIndex(page.filters.status.findData("planned"))
    shown = [b for lane in page.shown.lanes for b in lane.bars]
    assert shown and {b.status.value for b in shown} == {"planned"}
    assert page.filters.count.text() == f"Showing {len(shown)} of 22"


def test_a_search_finds_initiatives_by_their_name_or_story(qtbot, page):
    qtbot.keyClicks(page.filters.search, "webinar")
    names = [b.name for lane in page.shown.lanes for b in lane.bars]
    assert WEBINARS in names
    assert BOOTH not in names


def test_a_lane_the_filter_empties_is_left_out(page):
    paid = page.plan.channels.named("Paid").id
    page.filters.channel.setCurrentIndex(page.filters.channel.findData(paid))
    assert [title for title, _bars in lanes_shown(page)] == ["Paid"]


def test_clearing_the_filters_shows_every_bar_again(page):
    page.filters.status.setCurrentIndex(page.filters.status.findData("done"))
    page.filters.clear_button.click()
    assert page.canvas.layout_.bar_count == 22


# -- labels, tooltips, findings ----------------------------------------------------------------


def test_a_bar_is_labelled_with_its_owner_and_budget(page):
    assert page.canvas.label_of(bar(page, BOOTH)) == f"{BOOTH} · Aisha Bello · $60k"


def test_the_label_control_puts_the_revenue_target_on_the_bars(page):
    pick(page.controls.label, BarLabel.TARGET)
    booth = bar(page, BOOTH)
    target = page.plan.currency.format_short(booth.revenue_target)
    assert page.canvas.label_of(booth).endswith(f"· {target}")


def test_hovering_a_bar_gives_its_budget_target_and_attainment(page):
    tip = tooltip_text(hover(page, point(page, WEBINARS)))
    webinars = bar(page, WEBINARS)
    assert f"Budget: {page.plan.currency.format(webinars.budget, cents=False)}" in tip
    assert "Revenue target: " in tip
    assert f"Attainment to date: {webinars.attainment:.0%}" in tip


def test_a_name_that_looks_like_markup_is_shown_as_written(qtbot, page):
    booth = initiative_id(page.plan, BOOTH)
    page.document.run(edits.update_field(page.plan, booth, "name", "<b>x</b> <img src=/dev/zero>"))
    shown = bar(page, "<b>x</b> <img src=/dev/zero>")
    raw = hover(page, point(page, shown.name))
    assert tooltip_text(raw).splitlines()[0] == "<b>x</b> <img src=/dev/zero>"
    assert "<b>" not in raw and "<img" not in raw  # escaped: Qt draws the text, not the markup


def test_a_bar_with_findings_carries_them(page):
    booth = initiative_id(page.plan, BOOTH)
    finding = Finding(Severity.WARNING, "no_owner", "No one owns it", initiative_id=booth)
    page.set_findings([finding])
    assert bar(page, BOOTH).findings == ("No owner",)
    assert "No owner" in page.canvas.tip_of(bar(page, BOOTH))


def test_a_bar_that_runs_past_the_plan_is_still_drawn(page):
    conference = bar(page, CONFERENCE)
    assert conference.end_month > page.plan.horizon.last
    assert not page.canvas.bar_rect(conference.initiative_id).isEmpty()


# -- zoom --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("zoom", "months"), [(Zoom.QUARTER, 3), (Zoom.YEAR, 12)])
def test_the_zoom_buttons_fit_a_quarter_or_a_year_in_the_width(page, zoom, months):
    page.controls.zoom_buttons[zoom].click()
    width = page.canvas.viewport().width()
    assert page.canvas.month_width() == pytest.approx(width / months)


def test_at_a_quarters_zoom_the_rest_of_the_year_is_a_scroll_away(page):
    page.set_zoom(Zoom.QUARTER)
    across = page.canvas.horizontalScrollBar()
    assert across.maximum() == pytest.approx(9 * page.canvas.month_width(), abs=2)


# -- following the plan ------------------------------------------------------------------------


def test_dates_changed_elsewhere_move_the_bar(page):
    booth = initiative_id(page.plan, BOOTH)
    page.document.run(edits.update_field(page.plan, booth, "end_month", 202609))
    assert (bar(page, BOOTH).start_month, bar(page, BOOTH).end_month) == (202605, 202609)


def test_a_story_typed_elsewhere_is_found_by_the_search(qtbot, page):
    booth = initiative_id(page.plan, BOOTH)
    qtbot.keyClicks(page.filters.search, "zebra")
    assert page.shown.lanes == ()
    page.document.run(edits.update_field(page.plan, booth, "notes", "A zebra on the stand"))
    assert [b.name for lane in page.shown.lanes for b in lane.bars] == [BOOTH]


def test_an_edit_while_the_page_is_hidden_is_shown_when_it_is_shown_again(page):
    booth = initiative_id(page.plan, BOOTH)
    page.hide()
    page.document.run(edits.update_field(page.plan, booth, "start_month", 202604))
    before = page.rebuilds
    page.show()
    assert bar(page, BOOTH).start_month == 202604
    assert page.rebuilds == before + 1


def test_zooming_in_keeps_todays_line_in_sight(page):
    page.set_zoom(Zoom.QUARTER)
    today_x, _closed_x = page.canvas.frame().line_xs()
    assert today_x is not None
    assert 0 <= today_x <= page.canvas.viewport().width()


def test_findings_that_say_the_same_of_every_bar_build_nothing_again(page):
    booth = initiative_id(page.plan, BOOTH)
    page.set_findings([Finding(Severity.WARNING, "no_owner", "No one owns it", booth)])
    before = page.rebuilds
    page.set_findings([Finding(Severity.WARNING, "no_owner", "Still no one owns it", booth)])
    assert page.rebuilds == before
