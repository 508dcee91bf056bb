"""F1 on a field: the glossary entry of the term it speaks of.

The term is read from what the field already shows, nearest first: a term set on the widget
(:func:`tag`), the header of a table's current column, a chooser's current choice, the caption
whose buddy the field is, its accessible name; then a term set on a widget holding it, or the
term of the page it is on.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QWidget

from planner.glossary import GLOSSARY, Term, term, term_in
from ui.page import Page
from ui.pages.catalogue import PEOPLE, STRIKE_ZONE, entry_of

TERM_PROPERTY = "glossaryTerm"
# Anywhere on these pages, a field that names no term of its own is about the page's idea.
PAGE_TERMS = {STRIKE_ZONE: "strike_zone", PEOPLE: "raci"}


def tag(widget: QWidget, key: str) -> None:
    """F1 on ``widget`` (or anything inside it) shows the entry ``key``."""
    term(key)  # a key no entry has fails here, where it is set, not on F1
    widget.setProperty(TERM_PROPERTY, key)


def term_for(widget: QWidget | None) -> Term | None:
    """The glossary entry F1 on ``widget`` shows; ``None`` when it speaks of no term."""
    if widget is None:
        return None
    if key := widget.property(TERM_PROPERTY):
        return term(key)
    for text in _texts_shown(widget):
        if found := term_in(text):
            return found
    holder: QWidget | None = widget
    while holder is not None:
        if key := holder.property(TERM_PROPERTY):
            return term(key)
        if isinstance(holder, Page) and (key := PAGE_TERMS.get(entry_of(type(holder)))):
            return term(key)
        holder = holder.parentWidget()
    return None


def _texts_shown(widget: QWidget) -> list[str]:
    texts = []
    if isinstance(widget, QAbstractItemView) and (model := widget.model()) is not None:
        column = widget.currentIndex().column()
        if column >= 0:
            header = model.headerData(column, Qt.Orientation.Horizontal)
            texts.append(str(header or ""))
    if isinstance(widget, QComboBox):
        texts.append(widget.currentText())
    texts += [caption.text() for caption in _captions_of(widget)]
    texts.append(widget.accessibleName())
    return texts


def _captions_of(widget: QWidget) -> list[QLabel]:
    """The labels whose buddy is ``widget`` or the box it sits in (a form's compact field)."""
    window = widget.window()
    owners = {widget, widget.parentWidget()}
    return [label for label in window.findChildren(QLabel) if label.buddy() in owners]


def glossary_html() -> str:
    """The glossary as our own markup, an anchor per entry (its key)."""
    parts = ["<h2>Glossary</h2>"]
    for entry in GLOSSARY:
        parts.append(
            f"<h3><a name='{entry.key}'></a>{escape(entry.name)}</h3>"
            f"<p>{escape(entry.definition)}</p>"
        )
    parts.append("<p><i>Press F1 on a field or a column to see its term here.</i></p>")
    return "".join(parts)
