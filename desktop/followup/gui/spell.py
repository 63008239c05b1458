"""Spell-check underlines and the right-click menu shared by the note and draft editors.

The dictionary loads on a background thread after start-up; until it is ready the editors
simply show no underlines, so neither start-up nor typing waits for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from followup.core import spelling


class SpellService(QObject):
    """Loads the dictionary once, in the background, and tells the editors when it is ready."""

    ready = Signal()
    _instance: SpellService | None = None

    @classmethod
    def instance(cls) -> SpellService:
        if cls._instance is None:
            cls._instance = SpellService()
        return cls._instance

    def __init__(self):
        super().__init__()
        self._terms: frozenset[str] = frozenset()
        self._ignored: frozenset[str] = frozenset()  # the terms as words, made once per change
        self.add_word: Callable[[str], None] | None = None
        self._loading = False

    def is_ready(self) -> bool:
        return spelling._checker is not None

    def load_in_background(self) -> None:
        if self.is_ready() or self._loading:
            return
        self._loading = True
        threading.Thread(target=self._load, name="spelling", daemon=True).start()

    def _load(self) -> None:
        try:
            spelling.checker()
        except Exception:  # a broken install: notes work on, unchecked; the log says why
            logging.getLogger(__name__).exception("the spelling dictionary could not be loaded")
            return
        self.ready.emit()  # queued to the GUI thread by Qt

    def set_ignored(self, terms) -> None:
        """Flag nothing of `terms` (lower case), in place of the terms ignored so far."""
        self._terms = frozenset(terms)
        self._ignored = spelling.ignored_words(self._terms)

    def also_ignore(self, terms) -> None:
        """Flag nothing of `terms` (lower case) either."""
        more = frozenset(terms) - self._terms
        if more:
            self.set_ignored(self._terms | more)

    def misspellings(self, text: str) -> list[tuple[int, int, str]]:
        if not self.is_ready():
            return []
        return spelling.misspellings_ignoring(text, self._ignored)


def misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#D55E00"))
    return fmt


def add_spelling_actions(editor: QPlainTextEdit, menu: QMenu, pos) -> None:
    """Put suggestions and "Add to dictionary" for the word under `pos` at the top of `menu`."""
    service = SpellService.instance()
    cursor = editor.cursorForPosition(pos)
    block = cursor.block()
    column = cursor.positionInBlock()
    hit = next(((s, e, w) for s, e, w in service.misspellings(block.text()) if s <= column <= e),
               None)
    if hit is None:
        return
    start, end, word = hit
    first = menu.actions()[0] if menu.actions() else None
    for suggestion in spelling.suggestions(word) or []:
        action = menu.addAction(suggestion)
        action.triggered.connect(_replacer(editor, block.position() + start,
                                           block.position() + end, suggestion))
        menu.insertAction(first, action)
    if service.add_word is not None:
        add = menu.addAction(f"Add “{word}” to dictionary")
        add.triggered.connect(_adder(word))
        menu.insertAction(first, add)
    menu.insertSeparator(first)


def _replacer(editor, start: int, end: int, text: str):
    def replace() -> None:
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
    return replace


def _adder(word: str):
    def add() -> None:
        service = SpellService.instance()
        service.add_word(word)
        service.also_ignore([word.lower()])
        service.ready.emit()  # re-highlight every editor
    return add
