"""Unsaved note text, in one place: the documents of the open meeting, which of them changed,
and the one `flush()` that writes them.

The workspace edits the documents; the follow-up panel reads a person's current notes from here
(`text`) and saves its draft when asked (`aboutToFlush`). Whoever needs "everything the user
typed is in the library now" calls `flush()` once: nothing can be forgotten by a caller that
flushed the notes but not the draft, or the other way round.

Autosave: every edit restarts a short timer; when it fires (and at every `flush()`) each changed
note is written in one small transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Final, Literal

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QTextDocument

from followup.gui.note_editor import held_by_editor, new_note_document, note_text

if TYPE_CHECKING:  # the first screen opens before the ORM is imported
    from followup.store.library import Library

GENERAL: Final = "general"  # the key of a meeting's general notes
NoteKey = int | Literal["general"]  # a note's key: a person's attendance id, or GENERAL
AUTOSAVE_MS = 400  # after a pause in typing: long enough to batch a word
AUTOSAVE_MAX_MS = 750  # during non-stop typing: still inside the one-second promise


class NoteBuffer(QObject):
    aboutToFlush = Signal()  # other unsaved text (the draft) is written first
    saved = Signal(datetime)  # notes written at this time
    notesSaved = Signal(list)  # the keys written by this flush
    saveFailed = Signal(str)  # the library refused a write; it is retried shortly

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.meeting_id: int | None = None
        self._general = ""
        self._documents: dict[NoteKey, QTextDocument] = {}
        self._saved_text: dict[NoteKey, str] = {}  # what the library holds, per note
        self._dirty: set[NoteKey] = set()
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        self._autosave_max = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_MS)
        self._autosave_max.timeout.connect(self.flush)

    def open_meeting(self, meeting_id: int | None, general_notes: str = "") -> None:
        """Write what is pending, then hold the notes of this meeting (None: no meeting)."""
        self.flush()
        for key in list(self._documents):
            self.forget(key)
        self.meeting_id, self._general = meeting_id, general_notes

    def document(self, key: NoteKey) -> QTextDocument:
        """The editable notes of a person (attendance id) or GENERAL, read once from the
        library and kept until the meeting closes."""
        if key not in self._documents:
            text = self._general if key == GENERAL else self.library.notes(key)
            document = new_note_document(text, self)
            self._saved_text[key] = text
            document.contentsChanged.connect(self._on_edited)
            document.setProperty("noteKey", key)
            self._documents[key] = document
        return self._documents[key]

    def text(self, attendance_id) -> str:
        """A person's notes as they stand now, saved or not."""
        document = self._documents.get(attendance_id)
        return note_text(document) if document is not None else self.library.notes(
            attendance_id)

    def forget(self, key: NoteKey) -> None:
        """Drop one note's document without writing it (its person was removed)."""
        document = self._documents.pop(key, None)
        self._dirty.discard(key)
        self._saved_text.pop(key, None)
        if document is not None:
            document.contentsChanged.disconnect(self._on_edited)
            document.deleteLater()

    @Slot()
    def _on_edited(self) -> None:
        self._dirty.add(self.sender().property("noteKey"))
        self._autosave.start()
        if not self._autosave_max.isActive():
            self._autosave_max.start()

    @Slot()
    def flush(self) -> None:
        """Write everything unsaved now: the draft being edited (through `aboutToFlush`), then
        every changed note. A failed write stays pending and is retried by the timer."""
        self.aboutToFlush.emit()
        self._autosave.stop()
        self._autosave_max.stop()
        if not self._dirty or self.meeting_id is None:
            return
        saved_at = None
        saved_keys = []
        for key in list(self._dirty):
            self._dirty.discard(key)
            document = self._documents.get(key)
            if document is None:
                continue
            text = note_text(document)  # exactly what the editor holds (no-break spaces kept)
            saved = self._saved_text.get(key)
            if saved is not None and text == held_by_editor(saved):
                continue  # a re-highlight, or typing undone: nothing to write
            try:
                if key == GENERAL:
                    saved_at = self.library.save_general_notes(self.meeting_id, text)
                    self._general = text
                else:
                    saved_at = self.library.save_notes(key, text)
            except Exception as exc:
                self._dirty.add(key)  # still unsaved: try again shortly
                self._autosave.start()
                self.saveFailed.emit(str(getattr(exc, "orig", exc)))
                return
            self._saved_text[key] = text
            saved_keys.append(key)
        if saved_at is not None:
            self.saved.emit(saved_at)
            self.notesSaved.emit(saved_keys)
