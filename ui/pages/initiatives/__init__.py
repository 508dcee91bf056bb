"""The Initiatives page: the plan's campaigns and programs, edited in a table with a detail
pane for each one's story, segments and people."""

from ui.pages.initiatives.page import InitiativesPage

__all__ = ["InitiativesPage"]
