"""Spell-check underlines and the right-click menu shared by the note and draft editors.

The dictionary opens on a background thread after start-up; until it is ready the editors
simply show no underlines, so neither start-up nor typing waits for it. A right-click shows its
menu at once; the corrections (tens of ms with Hunspell, up to a second with the fallback
word list) are computed on a worker of `QThreadPool` and put into the menu when they come.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from functools import cache
from typing import cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from followup.core import spelling
from followup.gui.worker_wait import wait_for_worker

log = logging.getLogger(__name__)
LOOKING = "Looking for corrections…"
NO_CORRECTIONS = "(no corrections)"


class SpellService(QObject):
    """Loads the dictionary once, in the background, and tells the editors when it is ready."""

    ready = Signal()
    @staticmethod
    @cache
    def instance() -> SpellService:
        """The one service of the app, made at the first call."""
        return SpellService()

    def __init__(self):
        super().__init__()
        self._terms: frozenset[str] = frozenset()
        self._ignored: frozenset[str] = frozenset()  # the terms as words, made once per change
        self.add_word: Callable[[str], None] | None = None
        self._loading = False

    def load_in_background(self) -> None:
        if spelling.is_ready() or self._loading:
            return
        self._loading = True
        threading.Thread(target=self._load, name="spelling", daemon=True).start()

    def _load(self) -> None:
        try:
            spelling.speller()
        except Exception:  # a broken install: notes work on, unchecked; the log says why
            log.exception("the spelling dictionary could not be loaded")
            return
        finally:
            self._loading = False
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
        if not spelling.is_ready():
            return []
        return spelling.misspellings_ignoring(text, self._ignored)


def load_for_drafts() -> None:
    """Before drafts show or are checked on the UI thread: drafting's word forms, the
    checklist's word counts (`spelling.frequencies`) and the Markdown of the preview and the
    message (`core.rendering`), loaded on a worker while the window paints (a few tenths of a
    second, the first time only). They are loaded when drafts first show, not at start-up: a
    session spent on notes never needs their several MB (docs/benchmarks.md, Memory). The UI
    thread waits rather than working beside the loading, which holds Python's lock."""
    if not (spelling.frequencies_loaded() and "followup.core.rendering" in sys.modules):
        wait_for_worker(_load_for_drafts, "drafting")


def _load_for_drafts() -> None:
    try:
        import followup.core.rendering  # noqa: F401
        from followup.core.word_forms import warm_up

        warm_up()
        spelling.frequencies()
    except Exception:  # a broken install: the first draft says so; the log says why
        log.exception("drafting's word lists could not be loaded")


def misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#D55E00"))
    return fmt


def add_spelling_actions(editor: QPlainTextEdit, menu: QMenu, pos) -> None:
    """Put "Add to dictionary" for the misspelled word under `pos` at the top of `menu`, with a
    placeholder that the corrections replace when a worker has found them (the menu never
    waits for them)."""
    service = SpellService.instance()
    cursor = editor.cursorForPosition(pos)
    block = cursor.block()
    column = cursor.positionInBlock()
    hit = next(((s, e, w) for s, e, w in service.misspellings(block.text()) if s <= column <= e),
               None)
    if hit is None:
        return
    start, end, word = hit
    # Before the first action; None (an empty menu) appends, as Qt documents.
    first = cast(QAction, menu.actions()[0] if menu.actions() else None)
    placeholder = QAction(LOOKING, menu)
    placeholder.setObjectName("spellingPlaceholder")
    placeholder.setEnabled(False)
    menu.insertAction(first, placeholder)
    if service.add_word is not None:
        add = menu.addAction(f"Add “{word}” to dictionary")
        add.triggered.connect(_adder(word))
        menu.insertAction(first, add)
    menu.insertSeparator(first)
    filler = _MenuFiller(editor, menu, placeholder, block.position() + start,
                         block.position() + end)
    suggestion_pool().start(_SuggestionTask(word, filler.found))


@cache
def suggestion_pool() -> QThreadPool:
    """The pool that finds corrections, made once: one thread, so a burst of right-clicks
    queues."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class _Found(QObject):
    """Carries a worker's corrections to the UI thread (a queued signal)."""

    ready = Signal(list)


class _SuggestionTask(QRunnable):
    def __init__(self, word: str, found: _Found):
        super().__init__()
        self.word, self.found = word, found

    def run(self) -> None:
        try:
            corrections = spelling.suggestions(self.word)
        except Exception:  # a dictionary that fails: the menu says there are none
            log.exception("no corrections for %r", self.word)
            corrections = []
        self.found.ready.emit(corrections)


class _MenuFiller(QObject):
    """Lives with its menu: puts the corrections in place of the placeholder. A menu closed
    before they come is gone, and with it this receiver (Qt drops the queued call)."""

    def __init__(self, editor: QPlainTextEdit, menu: QMenu, placeholder: QAction,
                 start: int, end: int):
        super().__init__(menu)
        self.editor, self.menu, self.placeholder = editor, menu, placeholder
        self.start, self.end = start, end
        self.found = _Found()  # not a child: the worker may hold it after the menu is gone
        self.found.ready.connect(self.fill)

    @Slot(list)
    def fill(self, corrections: list) -> None:
        if not corrections:
            self.placeholder.setText(NO_CORRECTIONS)
            return
        for correction in corrections:
            action = QAction(correction, self.menu)
            action.triggered.connect(_replacer(self.editor, self.start, self.end, correction))
            self.menu.insertAction(self.placeholder, action)
        self.menu.removeAction(self.placeholder)
        self.menu.adjustSize()


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
        if service.add_word is None:  # the list cannot be added to: no such menu entry
            return
        service.add_word(word)
        service.also_ignore([word.lower()])
        service.ready.emit()  # re-highlight every editor
    return add
