"""The one place that decides how text reaches Qt: as plain text, never as markup.

A plan file comes from anywhere, so its names, notes and file name, a table quoted in a
refusal and the headers and cells of an imported file can hold anything, ``<img src=...>``
included. Qt reads text that merely *looks* like HTML as HTML (``Qt::AutoText``) in labels,
message boxes and tooltips: an image tag makes it load the file named (``/dev/zero`` until
memory runs out), a style spoofs the window. So every label, message box and tooltip of the
app is made here:

- :func:`plain_label` and :func:`message_box` set ``Qt.TextFormat.PlainText``;
- a tooltip has no such switch, so :func:`plain_tooltip` escapes the text and wraps it in
  markup of ours that keeps its line breaks: Qt then always reads it as rich text and shows
  the escaped text literally;
- our own rich text (a legend, a bold caption) is built by :func:`rich_label` from a
  template whose every argument is escaped;
- :func:`window_title` and :func:`menu_text` keep Qt's own markers (``[*]``, ``&``) in
  user text from acting.

``tests/test_plain_text_rule.py`` fails when ``ui/`` makes a QLabel or a QMessageBox, sets a text
format or a tooltip any other way.
"""

from __future__ import annotations

from html import escape, unescape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QWidget

# Qt's placeholder for the "modified" star in a window title.
_TITLE_MARKER = "[*]"
# A tooltip of ours: always read as rich text, line breaks and runs of spaces kept.
_TIP_START, _TIP_END = '<div style="white-space:pre-wrap">', "</div>"


def make_plain(label: QLabel) -> QLabel:
    """``label`` showing its text as plain text (for a QLabel subclass); returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` (and any text set later) exactly as written."""
    return make_plain(QLabel(text, parent))


def rich_label(template: str, *parts: object, parent: QWidget | None = None) -> QLabel:
    """A label showing our own markup ``template``, ``{}`` fields filled with ``parts``
    escaped (see :func:`rich`)."""
    label = QLabel(rich(template, *parts), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def set_rich(label: QLabel, template: str, *parts: object) -> None:
    """Set a :func:`rich_label`'s text: ``template`` with ``parts`` escaped."""
    label.setText(rich(template, *parts))


def rich(template: str, *parts: object) -> str:
    """Our markup ``template`` with each ``{}`` field filled with a part, escaped: the parts
    show as written, whatever they hold."""
    return template.format(*(escape(str(part), quote=False) for part in parts))


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` as written, line breaks and spaces kept ("" or None
    gives "": no tooltip). Use it for every tooltip: Qt guesses whether a tooltip is rich
    text from how it looks, and this one is always read as rich text whose markup is ours."""
    if not text:
        return ""
    return f"{_TIP_START}{escape(text, quote=False)}{_TIP_END}"


def tooltip_text(tip: str | None) -> str:
    """What the user reads of a tooltip made by :func:`plain_tooltip` (any other tip as
    it is): for tests and for code that quotes a tooltip elsewhere."""
    if tip and tip.startswith(_TIP_START) and tip.endswith(_TIP_END):
        return unescape(tip[len(_TIP_START) : -len(_TIP_END)])
    return tip or ""


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box whose text and informative text show as written."""
    box = QMessageBox(icon, window_title(title), text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def window_title(text: str) -> str:
    """``text`` for a window title: Qt drops ``[*]`` (its "modified" marker) from a title,
    so a name holding it keeps it doubled; line breaks become spaces."""
    one_line = " ".join(text.splitlines())
    return one_line.replace(_TITLE_MARKER, _TITLE_MARKER * 2)


def menu_text(text: str) -> str:
    """``text`` for a menu item or button: an ``&`` shows as itself, not as a shortcut."""
    return text.replace("&", "&&")


def show_own_page(browser: QTextBrowser, text: str, *, markdown: bool = False) -> None:
    """Show a help page the app ships (``text``: our own HTML, or Markdown when ``markdown``)
    in ``browser``; never text from a plan or a file, which goes through the helpers above."""
    if markdown:
        browser.setMarkdown(text)
    else:
        browser.setHtml(text)
