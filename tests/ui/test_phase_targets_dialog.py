"""Phase Targets, as a user meets it: from the Initiatives page for the selection (its menu
and the table's context menu) or from the Plan menu for the whole plan; choosing the shape,
lags, what to phase and whether months with actuals are overwritten; reading the preview
before applying; Apply as one undo step; on a small laptop's screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from initiatives_support import Small, doc, show_page, small_plan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from window_support import make_window, open_and_wait

from planner.domain import Metric
from planner.phasing import Part, Shape, StageLags
from ui.document import PlanDocument
from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives import phase_dialog as dialog_module
from ui.pages.initiatives.phase_dialog import PhaseTargetsDialog
from ui.pages.initiatives.phase_edits import PhaseRequest, PhaseTargets, preview_rows

# ``doc`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["doc"]


@pytest.fixture
def small() -> Small:
    return small_plan()


@pytest.fixture
def page(doc: PlanDocument, qtbot) -> InitiativesPage:
    return show_page(qtbot, InitiativesPage(doc))


@pytest.fixture
def announced(doc: PlanDocument) -> list[str]:
    heard: list[str] = []
    doc.announced.connect(lambda text, _command: heard.append(text))
    return heard


def phase_dialog(page: InitiativesPage, qtbot, **kw: bool) -> PhaseTargetsDialog:
    dialog = page.what_if.ask_phase(**kw)
    assert isinstance(dialog, PhaseTargetsDialog)
    qtbot.waitExposed(dialog)
    dialog.wait_for_preview()
    return dialog


def revenue(doc: PlanDocument, initiative_id: int) -> dict[int, int]:
    return dict(
        doc.plan.query(
            "SELECT month, revenue_won_plan FROM monthly_values WHERE initiative_id = ? "
            "AND revenue_won_plan IS NOT NULL",
            [initiative_id],
        )
    )


def shown(dialog: PhaseTargetsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_phase_targets_is_in_the_what_if_menu_and_the_tables_context_menu(page):
    assert page.what_if.phase_action in page.what_if.menu.actions()
    assert page.what_if.phase_action in page.table.actions()


def test_with_one_initiative_selected_the_dialog_phases_that_one(page, qtbot, small):
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = phase_dialog(page, qtbot)
    assert dialog.request().ids == (small.webinar,)
    rows = shown(dialog)
    assert [row[0] for row in rows] == ["Webinar series"]
    assert rows[0][1] == "Feb 2026–Jun 2026"
    assert rows[0][3] == "$0 → $60k"
    assert dialog.ok_button.isEnabled()


def test_with_nothing_selected_the_whole_plan_is_previewed_with_the_skipped_and_why(
    page, qtbot, small
):
    page.table.clearSelection()
    dialog = phase_dialog(page, qtbot)
    rows = {row[0]: row for row in shown(dialog)}
    assert set(rows) == {"Webinar series", "summit booth", "Accounting guide"}
    assert rows["Accounting guide"][6] == "no revenue target to phase"
    assert dialog.outcome.label.text().startswith("2 initiatives: planned revenue $0 → $960k")


def test_the_plan_menu_opens_it_for_the_whole_plan_even_with_a_selection(
    qtbot, tmp_path, demo_path
):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Plan")
    menu.aboutToShow.emit()
    assert window.phase_action in menu.actions() and window.phase_action.isEnabled()
    page = window.view.page(InitiativesPage)
    page.table.select_ids([1], (1, 0))

    window.phase_action.trigger()

    dialog = page.what_if.dialog
    assert isinstance(dialog, PhaseTargetsDialog)
    assert dialog.request().ids is None and dialog.request().chosen == "the whole plan"
    assert window.view.current_page() is page
    dialog.reject()


def test_the_seasonal_profile_shows_only_for_the_seasonal_shape_and_drives_the_preview(
    page, qtbot, small
):
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = phase_dialog(page, qtbot)
    assert not dialog.profile_box.isVisibleTo(dialog)
    dialog.shape.setCurrentIndex(dialog.shape.findData(Shape.SEASONAL.value))
    assert dialog.profile_box.isVisibleTo(dialog)
    for n, spin in enumerate(dialog.profile):
        spin.setValue(100 if n == 2 else 0)  # March only
    dialog.wait_for_preview()
    result = dialog.phased()
    assert result is not None
    phased = result.initiatives[0]
    assert dict(phased.rows)[202603][-1] == 6_000_000


def test_lags_and_parts_reach_the_request(page, qtbot, small):
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = phase_dialog(page, qtbot)
    dialog.lags[4].setValue(2)
    dialog.parts[Part.SPEND].setChecked(False)
    dialog.overwrite.setChecked(True)
    assert dialog.request() == PhaseRequest(
        ids=(small.webinar,),
        chosen="'Webinar series'",
        lags=StageLags(opportunity_to_won=2),
        parts=(Part.REVENUE, Part.FUNNEL),
        overwrite_actuals=True,
    )
    dialog.wait_for_preview()
    assert "early stages of 3 months land in Feb 2026" in shown(dialog)[0][6]


def test_nothing_to_phase_is_said_and_apply_is_not_offered(page, qtbot, small):
    page.table.select_ids([small.guide], (small.guide, 0))
    dialog = phase_dialog(page, qtbot)
    assert not dialog.ok_button.isEnabled()
    assert "Nothing to phase" in dialog.outcome.label.text()


def test_unticking_every_part_is_refused_beside_the_choices(page, qtbot, small):
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = phase_dialog(page, qtbot)
    for box in dialog.parts.values():
        box.setChecked(False)
    dialog.wait_for_preview()
    assert not dialog.ok_button.isEnabled()
    assert "choose what to phase" in dialog.outcome.label.text()


def test_apply_is_one_undo_step_announced_and_remembers_the_lags(
    page, qtbot, doc, small, announced
):
    page.table.clearSelection()
    dialog = phase_dialog(page, qtbot)
    dialog.lags[1].setValue(1)
    dialog.wait_for_preview()
    depth = doc.undo_stack.count()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.what_if.dialog is None)

    assert doc.undo_stack.count() == depth + 1
    assert announced == [
        "Phased 2 initiatives: planned revenue $0 → $960k, spend $0 → $119k; 1 skipped"
    ]
    assert sum(revenue(doc, small.webinar).values()) == 6_000_000
    assert doc.plan.phasing.choices().lags == StageLags(mql_to_sal=1)
    doc.undo_stack.undo()
    assert revenue(doc, small.webinar) == {}
    assert doc.plan.phasing.choices().lags == StageLags()
    doc.undo_stack.redo()
    assert sum(revenue(doc, small.summit).values()) == 90_000_000


def test_the_command_does_the_phasing_itself_when_given_no_preview(doc, small):
    request = PhaseRequest(ids=(small.webinar,), chosen="'Webinar series'")
    command = PhaseTargets(doc.plan, request)
    assert doc.run(command)
    assert sum(revenue(doc, small.webinar).values()) == 6_000_000
    assert command.announcement().startswith("Phased 1 initiative")


def test_a_big_selection_is_previewed_in_a_worker(page, qtbot, small, monkeypatch):
    monkeypatch.setattr(dialog_module, "BACKGROUND_FROM", 1)
    page.table.clearSelection()
    dialog = page.what_if.ask_phase()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.phased() is not None, timeout=5000)
    assert dialog.ok_button.isEnabled()
    assert preview_rows(small.plan, dialog.phased())[0].name == "summit booth"


def test_names_from_the_file_are_shown_as_plain_text(page, qtbot, small):
    small.plan.initiatives.update(small.webinar, name="<b>Bold</b> webinar")
    page.table.select_ids([small.webinar], (small.webinar, 0))
    dialog = phase_dialog(page, qtbot)
    assert [row[0] for row in shown(dialog)] == ["<b>Bold</b> webinar"]
    naming = [label for label in dialog.findChildren(QLabel) if "<b>" in label.text()]
    assert naming and all(label.textFormat() == Qt.TextFormat.PlainText for label in naming)


def test_a_read_only_plan_offers_no_phasing(qtbot, demo_path):
    from planner import Plan

    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        page = show_page(qtbot, InitiativesPage(document))
        assert not page.what_if.phase_action.isEnabled()
        assert page.what_if.ask_phase() is None
    finally:
        document.close()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_the_dialog_fits_a_laptops_screen_and_draws_for_a_look(page, qtbot, small, tmp_path, size):
    """Saved to ``$SMARKETING_SCREENSHOTS`` when set (else the test's folder), to look at."""
    page.table.clearSelection()
    dialog = phase_dialog(page, qtbot)
    dialog.lags[3].setValue(1)
    if size[0] > 1024:  # the seasonal profile's editor too
        dialog.shape.setCurrentIndex(dialog.shape.findData(Shape.SEASONAL.value))
        dialog.profile[6].setValue(40)
        dialog.profile[7].setValue(40)
    dialog.wait_for_preview()
    hint = dialog.sizeHint()
    assert hint.width() <= size[0] - 40 and hint.height() <= size[1] - 80
    dialog.resize(min(size[0] - 80, 980), size[1] - 120)
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    picture = dialog.grab()
    assert picture.save(str(folder / f"phase-targets-{size[0]}x{size[1]}.png"))
    assert Metric.REVENUE_WON


@pytest.fixture
def years(tmp_path: Path) -> tuple[Path, Path]:
    """Last year's plan (revenue all in March, as planned and as won) and this year's,
    rolled over from it: its baseline holds last year's plan on this year's months."""
    from planner import Plan
    from planner.versions.rollover import roll_over

    last = tmp_path / "FY2026.smplan"
    with Plan.create(last, name="FY2026 plan", first_month="2026-01") as plan:
        i = plan.initiatives.add(name="Webinars", budget="1,000", revenue_target="12,000").id
        plan.values.set(i, "2026-03", "revenue_won", planned="12,000")
        plan.values.set(i, "2026-09", "revenue_won", actual="5,000")
        roll_over(plan, tmp_path / "FY2027.smplan")
    return last, tmp_path / "FY2027.smplan"


def test_last_year_follows_the_baseline_or_last_years_file_as_chosen(qtbot, years):
    from planner import Plan

    last, this = years
    document = PlanDocument(Plan.open(this))
    try:
        page = show_page(qtbot, InitiativesPage(document))
        dialog = phase_dialog(page, qtbot)
        dialog.shape.setCurrentIndex(dialog.shape.findData(Shape.LAST_YEAR.value))
        assert dialog.last_year.currentText() == "FY2026 plan"
        dialog.wait_for_preview()
        assert [month for month, values in dialog.phased().initiatives[0].rows if values[-1]] == [
            202703
        ]

        dialog.ask_last_year_file = lambda: last
        dialog.last_year.setCurrentIndex(dialog.last_year.count() - 1)
        assert dialog.last_year.currentText() == "FY2026.smplan (actuals)"
        dialog.wait_for_preview()
        assert [month for month, values in dialog.phased().initiatives[0].rows if values[-1]] == [
            202709
        ]
        dialog.reject()
    finally:
        document.close()


def test_cancelling_the_file_keeps_the_version_chosen_before(qtbot, years):
    from planner import Plan

    document = PlanDocument(Plan.open(years[1]))
    try:
        page = show_page(qtbot, InitiativesPage(document))
        dialog = phase_dialog(page, qtbot)
        dialog.shape.setCurrentIndex(dialog.shape.findData(Shape.LAST_YEAR.value))
        dialog.ask_last_year_file = lambda: None
        dialog.last_year.setCurrentIndex(dialog.last_year.count() - 1)
        assert dialog.last_year.currentText() == "FY2026 plan"
        dialog.reject()
    finally:
        document.close()


def test_in_a_narrow_dialog_what_to_phase_wraps_rather_than_cut_a_label(page, qtbot):
    dialog = phase_dialog(page, qtbot)
    # Its narrowest, as on a 1024-pixel screen: what it holds must fit in that (a window
    # manager keeps a dialog on the screen, cutting what does not).
    narrow = dialog.minimumWidth()
    assert dialog.minimumSizeHint().width() <= narrow
    dialog.resize(narrow, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == narrow)

    for box in dialog.parts.values():
        assert box.width() >= box.sizeHint().width(), box.text()
        assert box.geometry().right() < box.parentWidget().width(), box.text()
