"""The People & roles page: the team, and the RACI grid of initiatives by people."""

from ui.pages.people.page import PeoplePage

__all__ = ["PeoplePage"]
