"""The window that shows a help page the app ships (the guide, the glossary), with a search
box: Enter or Next finds the next match, Shift+Enter or Previous the one before, and every
match is highlighted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.plain_text import plain_label, show_own_page, window_title
from ui.resource_files import resources_dir


def help_folder() -> Path:
    """The folder of the shipped help pages (``resources/help``), beside the icons in an
    install, an editable checkout or the bundle alike."""
    return resources_dir() / "help"


class HelpWindow(QDialog):
    """A help page in a window of its own, beside the plan, with a search bar above it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(title))
        self.anchor: str | None = None
        self._matches: list[QTextEdit.ExtraSelection] = []
        self._entry: list[QTextEdit.ExtraSelection] = []  # the entry gone to, shaded
        self.browser = QTextBrowser()
        self.browser.setSearchPaths([str(help_folder())])
        self.browser.setOpenExternalLinks(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the page")
        self.previous_button = QPushButton("&Previous")
        self.next_button = QPushButton("&Next")
        self.matches = plain_label()
        self.matches.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        backward = QShortcut(QKeySequence("Shift+Return"), self.search)
        backward.setContext(Qt.ShortcutContext.WidgetShortcut)
        backward.activated.connect(self.find_previous)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.matches)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.resize(820, 720)

    def show_page(self, text: str, *, markdown: bool) -> None:
        show_own_page(self.browser, text, markdown=markdown)
        self._search_changed(self.search.text())

    def go_to(self, anchor: str | None) -> None:
        """Show the entry ``anchor`` at the top (the page's top for ``None``)."""
        self.anchor = anchor
        self._entry = []
        if anchor:
            self.browser.scrollToAnchor(anchor)
            self._entry = self._shade_entry(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.browser.setExtraSelections(self._entry + self._matches)

    def _shade_entry(self, anchor: str) -> list[QTextEdit.ExtraSelection]:
        """The heading that holds ``anchor`` and the paragraph after it, shaded, so the entry
        stands out when the page cannot scroll it to the top (the last entries)."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                if anchor in fragments.fragment().charFormat().anchorNames():
                    cursor = QTextCursor(block)
                    following = block.next()
                    end = following if following.isValid() else block
                    cursor.setPosition(
                        end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor
                    )
                    shade = QTextEdit.ExtraSelection()
                    shade.cursor = cursor
                    colour = self.palette().color(QPalette.ColorRole.Highlight)
                    colour.setAlpha(40)
                    shade.format.setBackground(colour)
                    shade.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    return [shade]
                fragments += 1
            block = block.next()
        return []

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def match_count(self) -> int:
        return len(self._matches)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.search.text()
        if not text:
            return False
        if self.browser.find(text, flags):
            return True
        # Past the last match (or before the first): wrap round, as a find bar does.
        cursor = self.browser.textCursor()
        backward = bool(flags & QTextDocument.FindFlag.FindBackward)
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.browser.setTextCursor(cursor)
        return self.browser.find(text, flags)

    def _search_changed(self, text: str) -> None:
        """Highlight every match of ``text`` and go to the first from the top."""
        document = self.browser.document()
        marks: list[QTextEdit.ExtraSelection] = []
        if text:
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            colour.setAlpha(90)
            found = document.find(text, 0)
            while not found.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor = found
                mark.format.setBackground(colour)
                marks.append(mark)
                found = document.find(text, found)
        self._matches = marks
        self.browser.setExtraSelections(self._entry + marks)
        if not text:
            self.matches.clear()
        elif marks:
            self.matches.setText(f"{len(marks)} found" if len(marks) > 1 else "1 found")
        else:
            self.matches.setText("Not found")
        self.previous_button.setEnabled(bool(marks))
        self.next_button.setEnabled(bool(marks))
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        if marks:
            self.find_next()
