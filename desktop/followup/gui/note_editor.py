"""The note editor: one QTextDocument per person (own undo history), markers highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMainWindow, QPlainTextDocumentLayout, QPlainTextEdit, QToolTip

from followup.core.markers import Marker, parse_line, toggle_key_marker
from followup.gui.spell import SpellService, add_spelling_actions, misspelled_format
from followup.gui.theme import is_dark, marker_colour
from followup.store.limits import field_limit, storable

LIMIT_MESSAGE_MS = 15_000  # how long the status bar says why a paste or a key was refused


class SpellHighlighter(QSyntaxHighlighter):
    """Misspelled words marked: all the draft editor shows, whose text is not a note, and
    what the notes show over their markers (`MarkerHighlighter`)."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._misspelled = misspelled_format()
        SpellService.instance().ready.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for start, end, _word in SpellService.instance().misspellings(text):
            fmt = self.format(start)
            fmt.merge(self._misspelled)
            self.setFormat(start, end - start, fmt)


class MarkerHighlighter(SpellHighlighter):
    """`!` lines bold, `?` lines italic, `+` lines underlined, each in its own colour."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats = {}
        self._pick_colours()

    def _pick_colours(self) -> None:
        """The markers' formats in the colours of the theme now shown."""
        self._dark = is_dark()
        for marker in Marker:
            fmt = QTextCharFormat()
            fmt.setForeground(marker_colour(marker.value))
            if marker is Marker.KEY:
                fmt.setFontWeight(QFont.Weight.Bold)
            elif marker is Marker.QUESTION:
                fmt.setFontItalic(True)
            else:
                fmt.setFontUnderline(True)
            self._formats[marker] = fmt

    def recolour(self) -> None:
        """After a switch of theme (View › Theme, or the system's under "System"), the
        markers in its colours (light ones on a dark editor fall short of WCAG AA): now, not
        at the next start."""
        if self._dark != is_dark():
            self._pick_colours()
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        line = parse_line(text)
        if line is not None and line.marker is not None:
            self.setFormat(0, len(text), self._formats[line.marker])
        super().highlightBlock(text)  # the misspelled words, over the marker's format


def new_note_document(text: str, parent) -> QTextDocument:
    document = QTextDocument(parent)
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setPlainText(text)
    document.setModified(False)
    document.clearUndoRedoStacks()
    MarkerHighlighter(document)
    return document


def note_text(document: QTextDocument) -> str:
    """The text a note document holds, exactly: its raw text, each block break (a paragraph
    separator, U+2029) as "\\n".

    toPlainText() would turn no-break spaces (U+00A0) into spaces and line separators (U+2028)
    into line breaks, so an autosave would change text the user never touched.
    """
    return held_by_editor(document.toRawText())


def held_by_editor(text: str) -> str:
    """`text` as a note document gives it back by `note_text` (a U+2029 becomes "\\n")."""
    return text.replace("\u2029", "\n")


class LimitedTextEdit(QPlainTextEdit):
    """A plain-text editor that holds only what the library keeps, and so what its export
    imports again: at most the limit of its field (`store.limits`, the one table the import
    and the store read) and no control character a paste may bring. A paste or a keystroke
    past the limit is refused whole, and the status bar and a tooltip at the cursor say why;
    text already longer (from an older version) can still shrink. Its context menu offers
    the spelling suggestions."""

    field = "notes"  # the key of store.limits.FIELD_LIMITS this editor's text is stored as
    what = "one person's notes"  # how a message names that text

    def room(self, replaced: int = 0) -> int:
        """How many characters may still be added, when `replaced` are replaced."""
        held = self.document().characterCount() - 1  # the last block's end is no character
        return field_limit(self.field)[0] - held + replaced

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        text = storable(source.text()) if source.hasText() else ""
        cursor = self.textCursor()
        replaced = len(cursor.selectedText())
        if len(text) > self.room(replaced):
            limit = field_limit(self.field)[0]
            total = self.document().characterCount() - 1 - replaced + len(text)
            self.refuse(f"Not pasted: Followup keeps at most {limit:,} characters in {self.what}"
                        f" (so that every export imports again), and this paste would make "
                        f"{total:,}. Paste a shorter part, or split it.")
            return
        cursor.insertText(text)
        self.ensureCursorVisible()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        typed = event.text()
        adds = typed and (typed.isprintable() or typed in "\r\n\t")
        if adds and len(typed) > self.room(len(self.textCursor().selectedText())):
            self.refuse(f"Full: Followup keeps at most {field_limit(self.field)[0]:,} "
                        f"characters in {self.what}. Delete some to type more.")
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt override
        if len(event.commitString()) > self.room(len(self.textCursor().selectedText())):
            self.refuse(f"Full: Followup keeps at most {field_limit(self.field)[0]:,} "
                        f"characters in {self.what}.")
            event.ignore()
            return
        super().inputMethodEvent(event)

    def refuse(self, message: str) -> None:
        """Say why text was not added: at the cursor, and in the window's status bar."""
        where = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        QToolTip.showText(where, message, self)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, LIMIT_MESSAGE_MS)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        add_spelling_actions(self, menu, event.pos())
        menu.exec(event.globalPos())


class NoteEditor(LimitedTextEdit):
    """A plain-text Markdown editor; Ctrl+K toggles the `!` key-point marker on a line."""

    keyPointToggled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setTabChangesFocus(False)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5) * 1.1)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(
            "Type notes as they talk. Start a line with ! for a key point to mention, "
            "? for a question you would answer better now, + for something you can bring.")

    painted = False  # set by the first paint of the notes (`followup --smoke` waits for it)

    def setDocument(self, document: QTextDocument) -> None:  # noqa: N802 - Qt override
        super().setDocument(document)
        self._recolour_markers()  # a note last shown under another theme

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme was switched
            self._recolour_markers()

    def _recolour_markers(self) -> None:
        highlighter = self.document().findChild(MarkerHighlighter)
        if highlighter is not None:
            highlighter.recolour()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self.painted = True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Ctrl+K would delete to the end of the line on X11; here it marks a key point.
        if (event.key() == Qt.Key.Key_K
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.toggle_key_point()
            return
        super().keyPressEvent(event)

    @Slot()
    def toggle_key_point(self) -> None:
        """Add or remove `!` at the start of the current line, as one undo step."""
        cursor = self.textCursor()
        column = cursor.positionInBlock()
        block = cursor.block()
        old = block.text()
        new = toggle_key_marker(old)
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new)
        cursor.endEditBlock()
        cursor.setPosition(block.position() + max(0, min(len(new), column + len(new) - len(old))))
        self.setTextCursor(cursor)
        self.keyPointToggled.emit()
