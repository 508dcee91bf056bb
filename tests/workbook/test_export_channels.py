"""The Initiatives sheet names each initiative's channel as the plan names it now: a renamed
channel by its new name, a channel the lead added by its own, a retired one still."""

from __future__ import annotations

from export_support import row_starting, sheet_rows

from planner import Plan
from planner.workbook.export import export_workbook
from planner.workbook.export.initiatives_sheet import HEADERS


def channels_shown(path, sheet: str = "Initiatives") -> dict[str, str]:
    rows = sheet_rows(path, sheet)
    header = row_starting(rows, "ID", "Initiative")
    column = HEADERS.index("Channel")
    return {row[1]: row[column] for row in rows[header + 1 :] if row[1]}


def test_the_initiatives_sheet_shows_each_channel_by_its_current_name(tmp_path):
    plan = Plan.in_memory()
    channels = plan.channels
    paid, webinar = channels.named("Paid").id, channels.named("Webinar").id
    podcasts = channels.add(name="Podcasts").id
    plan.initiatives.add(name="Search ads", channel_id=paid)
    plan.initiatives.add(name="Finance pod", channel_id=podcasts)
    plan.initiatives.add(name="Close webinars", channel_id=webinar)
    channels.update(paid, name="Paid media")
    channels.update(webinar, retired=True)

    shown = channels_shown(export_workbook(plan, tmp_path / "channels.xlsx"))

    assert shown == {
        "Search ads": "Paid media",
        "Finance pod": "Podcasts",
        "Close webinars": "Webinar",
    }


def test_a_channel_name_that_reads_as_a_formula_stays_text(tmp_path):
    plan = Plan.in_memory()
    odd = plan.channels.add(name='=HYPERLINK("x")').id
    plan.initiatives.add(name="Odd one", channel_id=odd)

    shown = channels_shown(export_workbook(plan, tmp_path / "odd.xlsx"))

    assert shown == {"Odd one": '=HYPERLINK("x")'}
