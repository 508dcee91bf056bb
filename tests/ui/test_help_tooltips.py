"""Tooltips that explain: each field of Plan settings and each column of the Initiatives
table says what it means and what a good value is, not its name again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from settings_support import show_settings_page

from planner import Currency
from planner.assumptions import SOURCES
from ui.pages.initiatives.columns import initiative_columns
from ui.pages.initiatives.model import InitiativesModel
from ui.plain_text import tooltip_text

# The funnel's rates and the hand-off name a published figure; a field of the plan, its use.
EXPLAINED_AT_LEAST = 40


def test_every_plan_settings_field_explains_itself_beyond_its_name(qtbot, document):
    page = show_settings_page(qtbot, document)

    for name, field in page.fields.items():
        tip = tooltip_text(field.widget.toolTip())
        assert len(tip) >= EXPLAINED_AT_LEAST, f"{name}: {tip!r}"
        assert not tip.lower().startswith(field.widget.accessibleName().lower()), (
            f"{name} repeats its name"
        )


def test_a_funnel_rate_says_what_it_measures_and_where_its_default_comes_from(qtbot, document):
    page = show_settings_page(qtbot, document)

    tip = tooltip_text(page.fields["mql_to_sal"].widget.toolTip())

    assert tip.startswith("The share of MQLs sales accepts")
    assert tip.endswith(f"Source: {SOURCES['mql_to_sal']}")


def test_the_hand_off_follow_up_says_what_a_good_value_is(qtbot, document):
    page = show_settings_page(qtbot, document)

    tip = tooltip_text(page.fields["followup_hours"].widget.toolTip())

    assert "24 hours is the common B2B standard" in tip


def test_every_initiatives_column_header_explains_itself_beyond_its_title(qapp):
    model = InitiativesModel(initiative_columns(lambda: Currency("USD")))

    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        tip = tooltip_text(
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        )
        assert len(tip) >= EXPLAINED_AT_LEAST, f"{title}: {tip!r}"
        assert tip.lower() != title.lower()
