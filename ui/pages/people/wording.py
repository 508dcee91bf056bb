"""How the page words roles in tooltips and undo texts ("Ann Lee is Consulted on X")."""

from __future__ import annotations

from planner import Role

# The preposition that reads naturally after each role's title.
_LINKS = {
    Role.ACCOUNTABLE: "for",
    Role.RESPONSIBLE: "for",
    Role.CONSULTED: "on",
    Role.INFORMED: "of",
}


def role_phrase(role: Role) -> str:
    """``"Accountable for"``, ``"Consulted on"``, ``"Informed of"``..."""
    return f"{role.title} {_LINKS[role]}"


def cell_tip(person: str, role: Role | None, initiative: str) -> str:
    """The tooltip of one grid cell: who does what on which initiative."""
    if role is None:
        return f"{person} has no role on {initiative}"
    return f"{person} is {role_phrase(role)} {initiative}"


LEGEND = "A Accountable (exactly one) · R Responsible · C Consulted · I Informed"
