"""Marks on the sentences drafting phrased from notes, until the user has read them.

Drafting turns hurried notes into sentences; a reader must never send one unread. Each such
sentence still in the draft, unchanged and unread, gets a faint background and, on hover, the
note it came from. Putting the cursor in it (a click, the arrow keys) counts as reading it; an
edit changes it, and a changed sentence is the user's own. The read state is kept in the
library (`store.followups.mark_read`), and the send confirmation counts what is still unread.
Source: issue "Drafts a reader would send" (honest about what it wrote).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip
from shiboken6 import isValid

from followup.gui.worker_wait import wait_for_worker
from followup.store import followups as fu
from followup.store.library import Library

MARK_ALPHA = 46  # faint: a hint to read, not an alarm


class PhrasedMarks(QObject):
    """The marks of one draft editor. `show_for(followup_id)` loads what drafting phrased;
    `refresh()` follows the editor's text. `changed` says how many sentences are unread."""

    changed = Signal(int)

    def __init__(self, library: Library, editor: QPlainTextEdit):
        super().__init__(editor)
        self.library = library
        self.editor = editor
        self.followup_id: int | None = None
        self._loaded = False
        self.phrased: list = []
        self.read: frozenset[str] = frozenset()
        self.spans: list[tuple[int, int, str]] = []  # (start, end, note) of unread sentences
        self.other_selections: list[QTextEdit.ExtraSelection] = []
        editor.viewport().installEventFilter(self)
        editor.cursorPositionChanged.connect(self._on_cursor)

    def show_for(self, followup_id: int | None, editable: bool) -> None:
        """Mark this follow-up's phrased sentences (none for a sent or skipped one) from the
        next `refresh`: drafting them again to know which they are takes milliseconds, so it
        waits for the checklist's timer instead of slowing the switch of person."""
        self.followup_id = followup_id if editable else None
        self.phrased, self.read, self._loaded = [], frozenset(), False
        self.spans = []
        self._paint()
        self.changed.emit(0)

    def refresh(self) -> None:
        """Find the unread sentences in the editor's current text and mark them."""
        if not self._loaded and self.followup_id is not None:
            followup_id, self._loaded = self.followup_id, True
            # Drafting the note again takes 40-100 ms (spelling suggestions among others):
            # on a worker, so the switch of person it follows never holds the window.
            phrased, read = wait_for_worker(lambda: (
                fu.phrased_sentences(self.library, followup_id),
                fu.read_sentences(self.library, followup_id)), "phrased-sentences", self.library)
            if self.followup_id != followup_id or not isValid(self.editor):
                return  # another follow-up was shown meanwhile, or the pane closed
            self.phrased, self.read = phrased, read
        text = self.editor.toPlainText()
        self.spans = []
        for phrased in self.phrased:
            at = text.find(phrased.sentence)
            if at >= 0 and not fu.is_read(self.read, phrased.sentence):
                self.spans.append((at, at + len(phrased.sentence), phrased.note))
        self._paint()
        self.changed.emit(len(self.spans))

    @property
    def unread(self) -> int:
        return len(self.spans)

    def unread_sentences(self) -> tuple[str, ...] | None:
        """The unread sentences as the editor holds them; None before they are loaded (or
        for a follow-up with none to mark), when the store must say."""
        if not self._loaded:
            return None if self.followup_id is not None else ()
        text = self.editor.toPlainText()
        return tuple(text[start:end] for start, end, _note in self.spans)

    def set_other_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Selections of the panel's own (a failing rule's sentence), kept on top of the marks."""
        self.other_selections = selections
        self._paint()

    def mark_all_read(self) -> None:
        """The user read the whole draft: no sentence is marked any more."""
        self._read([self.editor.toPlainText()[s:e] for s, e, _n in self.spans])

    def _paint(self) -> None:
        color = QColor(self.editor.palette().highlight().color())
        color.setAlpha(MARK_ALPHA)
        marks = []
        for start, end, _note in self.spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.cursor, selection.format = cursor, fmt
            marks.append(selection)
        self.editor.setExtraSelections(marks + self.other_selections)

    def _span_at(self, position: int) -> tuple[int, int, str] | None:
        return next((span for span in self.spans if span[0] <= position < span[1]), None)

    def _on_cursor(self) -> None:
        span = self._span_at(self.editor.textCursor().position())
        if span is not None and self.editor.hasFocus():
            self._read([self.editor.toPlainText()[span[0]:span[1]]])

    def _read(self, sentences: list[str]) -> None:
        if self.followup_id is None or not sentences:
            return
        fu.mark_read(self.library, self.followup_id, sentences)
        self.read = fu.read_sentences(self.library, self.followup_id)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            position = self.editor.cursorForPosition(event.pos()).position()
            span = self._span_at(position)
            if span is not None:
                QToolTip.showText(event.globalPos(), tooltip_for(span[2]), self.editor)
                return True
        return super().eventFilter(watched, event)


def tooltip_for(note: str) -> str:
    """What the hover says about a marked sentence."""
    return (f"Written by Followup from your note: “{note}”.\n"
            "Read it and make it yours; the mark goes once you have been in it.")
