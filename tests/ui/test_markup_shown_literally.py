"""A plan whose every text field holds markup (``<img src=...>``, ``<b>``, ``&lt;``, a 300px
span, ``$x^2$``), in a file whose name holds markup too, opened in the app: page by page and
dialog by dialog, no widget reads the markup as rich text and the user reads it as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from markup_support import (
    FILE_NAME,
    IMAGE,
    Surface,
    all_top_level_surfaces,
    interpreted,
    label_surface,
    markup,
    surfaces,
    tooltip_surface,
    write_markup_plan,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from window_support import make_window, open_and_wait, problem_box

from planner import Plan
from planner.domain import Metric
from planner.money import Currency
from planner.workbook.importing.records import (
    ImportPreview,
    RejectedRow,
    SourceKind,
    ValueChange,
)
from ui.main_window import MainWindow
from ui.opening import OpenFailure, offer_read_only
from ui.pages.catalogue import PAGES
from ui.plain_text import plain_tooltip, window_title
from ui.workbook.export_dialog import ExportDialog
from ui.workbook.mapping_dialog import MappingDialog
from ui.workbook.preview_dialog import PreviewDialog


@pytest.fixture
def markup_path(tmp_path: Path) -> Path:
    path = tmp_path / FILE_NAME
    write_markup_plan(path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, markup_path: Path) -> MainWindow:
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, markup_path)
    qtbot.waitUntil(lambda: window.view is not None)
    return window


def shown_labels(top) -> list[Surface]:
    return [label_surface(label) for label in top.findChildren(QLabel) if label.isVisibleTo(top)]


def labels_showing(found: list[Surface], payload: str) -> list[Surface]:
    return [surface for surface in found if payload in surface.text]


def assert_shown_literally(top, payload: str) -> None:
    """Some label of ``top`` shows ``payload``, and every such label as plain text."""
    holding = labels_showing(shown_labels(top), payload)
    assert holding, f"no label shows {payload!r}"
    assert all(not surface.rich and payload in surface.shown() for surface in holding), holding


# -- pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.title)
def test_no_page_reads_the_plans_markup_as_rich_text(window: MainWindow, qtbot, entry) -> None:
    assert window.view is not None
    window.view.show_page(entry)
    qtbot.waitUntil(lambda: window.view.current_page().isVisible())

    assert interpreted(list(surfaces(window))) == []


def test_the_dashboard_shows_the_plans_name_and_company_as_written(window: MainWindow) -> None:
    assert window.view is not None
    page = window.view.show_page(PAGES[0])

    assert_shown_literally(page, markup("plan"))
    assert_shown_literally(page, markup("company"))


def test_the_detail_pane_shows_names_and_tooltips_as_written(window: MainWindow) -> None:
    assert window.view is not None
    plan = window.document.plan
    first = plan.initiatives.list()[0]
    assert window.view.reveal(first.id, "problem")
    page = window.view.current_page()

    assert_shown_literally(page, first.name)
    assert_shown_literally(page, markup("channel"))  # in the facts line
    segment_tips = [
        tooltip_surface(page.detail.segments.item(n).toolTip(), "segment")
        for n in range(page.detail.segments.count())
        if page.detail.segments.item(n).toolTip()
    ]
    assert any(markup("core notes") in tip.shown() for tip in segment_tips)
    assert interpreted(segment_tips) == []
    assert interpreted(list(surfaces(window))) == []


def test_model_tooltips_show_names_as_written(window: MainWindow) -> None:
    assert window.view is not None
    window.view.show_page(PAGES[1])  # the initiatives page and its table
    page = window.view.current_page()
    found = list(surfaces(page))
    names_shown = [s for s in found if "tooltip" in s.where and markup("initiative 1") in s.shown()]

    assert names_shown and interpreted(found) == []


def test_the_window_title_shows_the_plans_name_and_file_name_as_written(
    window: MainWindow,
) -> None:
    title = window.windowHandle().title()

    assert markup("plan") in title
    assert FILE_NAME in title  # "[*]" kept, not taken for Qt's "modified" marker


def test_the_status_bar_shows_the_plans_path_as_written(window: MainWindow) -> None:
    location = window.location

    assert location.text().endswith(FILE_NAME)
    assert not label_surface(location).rich
    assert tooltip_surface(location.toolTip(), "path").shown().endswith(FILE_NAME)


# -- dialogs -------------------------------------------------------------------------------


def test_a_refused_file_is_named_as_written(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    bad = tmp_path / "<b>bad<i> &lt;tag&gt; [*] <span style=font-size:300px>big.smplan"
    bad.write_bytes(b"not a plan at all " * 100)

    open_and_wait(window, bad)
    qtbot.waitUntil(lambda: problem_box(window) is not None)
    box = problem_box(window)

    assert_shown_literally(box, bad.name)
    assert bad.name in box.windowHandle().title()
    assert interpreted(list(surfaces(box))) == []


def test_the_lock_dialog_quotes_the_holder_as_written(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    holder = f"Open by {markup('holder')} on {IMAGE}"
    failure = OpenFailure(tmp_path / FILE_NAME, f"Can't open {FILE_NAME}", holder, True)

    box = offer_read_only(window, failure, lambda: None)

    assert_shown_literally(box, holder)
    assert box.windowTitle() == window_title(failure.title)
    assert interpreted(list(surfaces(box))) == []


def test_a_refused_edit_quotes_names_as_written(window: MainWindow, qtbot) -> None:
    assert window.document is not None
    plan: Plan = window.document.plan
    second = plan.initiatives.list()[1]
    window.view.show_page(PAGES[1])
    page = window.view.current_page()
    # Renaming the second initiative to the first's name is refused, naming it.
    index = page.table.model().index(page.table.model().rowCount() - 1, 0)
    page.table.model().setData(index, markup("initiative 1"), Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: window.notice.text() != "")

    assert plan.initiatives.get(second.id).name == second.name
    assert_shown_literally(window.notice, markup("initiative 1"))
    assert interpreted(list(surfaces(window))) == []


HEADERS = (markup("header a"), markup("header b"), "Amount", "Close Date")
SAMPLE = ((markup("cell"), "Closed Won", "12000", "2026-02-14"),)


def test_the_mapping_dialog_shows_the_files_headers_and_cells_as_written(qtbot) -> None:
    dialog = MappingDialog(FILE_NAME.replace(".smplan", ".csv"), HEADERS, SAMPLE, None)
    qtbot.addWidget(dialog)
    dialog.show()

    assert interpreted(list(surfaces(dialog))) == []
    assert dialog.windowHandle().title().endswith(FILE_NAME.replace(".smplan", ".csv"))


def test_the_preview_dialog_shows_the_files_names_and_reasons_as_written(qtbot, tmp_path) -> None:
    source = tmp_path / FILE_NAME.replace(".smplan", ".csv")
    change = ValueChange(1, markup("initiative 1"), 202602, Metric.REVENUE_WON, None, 5, "line 2")
    preview = ImportPreview(
        source=source,
        kind=SourceKind.CSV,
        changes=(change,),
        unchanged=0,
        rejected=(RejectedRow(markup("row"), f"{markup('cell')} is not a number"),),
        skipped=0,
        notes=(markup("note"),),
    )
    dialog = PreviewDialog(preview, Currency("USD"))
    qtbot.addWidget(dialog)
    dialog.show()

    assert interpreted(list(surfaces(dialog))) == []
    assert_shown_literally(dialog, markup("note"))
    assert source.name in dialog.windowHandle().title()


def test_the_export_dialog_names_the_plan_as_written(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(settings, tmp_path / FILE_NAME, markup("plan"))
    qtbot.addWidget(dialog)
    dialog.show()

    assert interpreted(list(surfaces(dialog))) == []
    assert_shown_literally(dialog, markup("plan"))


def test_every_window_open_at_the_end_is_plain(window: MainWindow) -> None:
    for entry in PAGES:
        window.view.show_page(entry)

    assert interpreted(all_top_level_surfaces()) == []


# -- the helpers themselves -----------------------------------------------------------------


def test_a_tooltip_made_plain_shows_markup_line_breaks_and_spaces_as_written(qtbot) -> None:
    text = f"{markup('tip')}\nsecond  line &amp; more"
    tip = plain_tooltip(text)

    assert tooltip_surface(tip, "tip").shown() == text
    assert IMAGE not in tip


def test_a_tooltip_made_plain_reaches_qtooltip_escaped(qtbot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip, QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    QToolTip.showText(QPoint(10, 10), plain_tooltip(markup("tip")), owner)
    labels = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"]
    qtbot.waitUntil(lambda: any(w.isVisible() for w in labels) or bool(labels))
    QToolTip.hideText()

    assert labels
    shown = label_surface(labels[0], "tooltip")
    assert shown.shown() == markup("tip")
    assert interpreted([shown]) == []


def test_a_window_title_keeps_qts_modified_marker_as_written(qtbot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setWindowTitle(window_title("a [*] b\nc"))
    box.show()

    assert box.windowHandle().title() == "a [*] b c"
