"""Writing the whole workbook: gather the figures, write each sheet in order, save once.

Sheets, in order: Summary, (Charts,) (Plan vs baseline,) Initiatives, Timeline, Roles,
Monthly, Returns, Strike zone, Hand-off, Actuals, About.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook

from planner.analysis import Analysis
from planner.timeline import Grouping, build_timeline
from planner.version import APP_NAME
from planner.workbook.export import (
    about_sheet,
    actuals_sheet,
    baseline_sheet,
    handoff_sheet,
    images,
    initiatives_sheet,
    monthly_sheet,
    returns_sheet,
    roles_sheet,
    strike_zone_sheet,
    summary_sheet,
    timeline_sheet,
)
from planner.workbook.export.cells import TextFitter, shown_line
from planner.workbook.export.context import ExportContext
from planner.workbook.export.facts import against, described, gather, shown_texts
from planner.workbook.export.streaming import discard
from planner.workbook.export.styles import Styles

if TYPE_CHECKING:
    from planner.plan import Plan
    from planner.workbook.export.options import ExportOptions
    from planner.workbook.progress import Progress

# Saving compresses every sheet into the file: on the large plan about a twelfth of the time
# of writing the rows (3.5 s after 46 s).
SAVE_SHARE = 12
TITLE_PROPERTY = 255  # characters of the plan's name in the file's title property


def write_workbook(
    plan: Plan,
    path: Path,
    *,
    options: ExportOptions,
    progress: Progress,
    fast_rows: bool = True,
    analysis: Analysis | None = None,
) -> None:
    """Write the workbook of ``plan`` to ``path`` (a new file, the caller's temporary one),
    from ``analysis`` when the caller hands one (its clock decides which months are closed)."""
    if analysis is None:
        analysis = Analysis.in_sql(plan)  # one pass over the plan: summed in SQL
    facts = gather(analysis)
    if options.baseline is not None:
        facts = replace(facts, baseline=against(analysis, options.baseline))
    progress.check()
    actuals = actuals_sheet.read_rows(plan, facts)
    small_rows = 5 * len(facts.initiatives) + 2 * len(facts.settings.horizon.months()) + 300
    if facts.baseline is not None:
        small_rows += len(facts.baseline.comparison.diffs[0]) + len(
            facts.baseline.comparison.months
        )
    rows = small_rows + actuals.count
    progress.start(rows + rows // SAVE_SHARE)

    wb = Workbook(write_only=True)
    title = facts.settings.name
    if facts.version is not None:
        title += f" ({described(facts.version)})"
    wb.properties.title = shown_line(title, TITLE_PROPERTY)
    wb.properties.creator = APP_NAME
    texts = TextFitter(shown_texts(facts))
    ctx = ExportContext(wb, plan, facts, Styles(facts.currency), progress, texts, fast_rows)
    try:
        summary_sheet.write(ctx)
        if options.chart_images:
            images.write(ctx, analysis, options.pictures)
        if facts.baseline is not None:
            baseline_sheet.write(ctx)
        initiatives_sheet.write(ctx)
        timeline = build_timeline(
            plan,
            options.timeline_grouping or Grouping.CHANNEL,
            baseline=options.baseline,
            analysis=analysis,
            today=analysis.today,
            findings=facts.findings,
        )
        timeline_sheet.write(ctx, timeline)
        roles_sheet.write(ctx)
        monthly_sheet.write(ctx)
        returns_sheet.write(ctx, analysis)
        strike_zone_sheet.write(ctx)
        handoff_sheet.write(ctx)
        actuals_sheet.write(ctx, actuals)
        about_sheet.write(ctx)
        progress.check()
        wb.save(path)
    except BaseException:
        discard(wb)
        raise
    progress.finish()
