"""The plan settings page: plan, funnel assumptions and the hand-off agreement."""

from ui.pages.settings.page import SettingsPage

__all__ = ["SettingsPage"]
