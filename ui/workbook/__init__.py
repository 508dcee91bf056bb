"""The leadership workbook in the app: File > Export Workbook… and File > Import Actuals….

The work itself is the core's (:mod:`planner.workbook`); this package asks the user, runs that
work off the UI thread with a progress dialog, shows the import's preview, and applies it as
one undo step.
"""
