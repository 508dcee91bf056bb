"""The leadership workbook: export a plan to Excel, and import actuals back from a filled-in
workbook or a CRM's CSV export.

Nothing here imports openpyxl at import time (it costs a quarter of a second): the export and
import functions load it when they run. See :mod:`planner.workbook.export` and
:mod:`planner.workbook.importing`.
"""
