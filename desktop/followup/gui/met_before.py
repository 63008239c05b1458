""" "You met before": earlier meetings with someone, on their card and in a New meeting.

It reads `store.search.met_before`; this module only shows what it returns, escaped.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followup.core.cards import ParseError
from followup.core.people_lines import parse_people
from followup.gui.formatting import short_datetime
from followup.gui.object_names import named
from followup.store.search import EarlierMeeting, met_before


class NotesPreview(QDialog):
    """Earlier notes, read-only, one click from the card or the new meeting."""

    def __init__(self, earlier: EarlierMeeting, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("earlierNotes")
        self.setWindowTitle(f"Notes on {name} · {earlier.heading}")
        self.resize(560, 380)
        label = QLabel(f"<b>{escape(earlier.heading)}</b> · "
                       f"{escape(short_datetime(earlier.when))}")
        text = named(QPlainTextEdit(earlier.notes or "(no notes)"), "earlierNotesText")
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)


class MetBeforePanel(QWidget):
    """ "You met before": earlier meetings with someone, each a link to its notes."""

    MAX_SHOWN = 4

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.earlier: list[tuple[str, EarlierMeeting]] = []
        self.label = named(QLabel(wordWrap=True), "metBefore")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.label.linkActivated.connect(self.open_notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.hide()

    def show_for(self, people: list[tuple[str, int | None, str]],
                 except_meeting: int | None = None) -> None:
        """people: (name, person id or None, email). Hidden when none was met before."""
        self.earlier = []
        for name, person_id, email in people:
            for earlier in met_before(self.library, name, person_id, email,
                                      except_meeting)[:self.MAX_SHOWN]:
                self.earlier.append((name, earlier))
        lines = []
        for number, (name, earlier) in enumerate(self.earlier):
            first_line = next((line.strip() for line in earlier.notes.splitlines()
                               if line.strip()), "no notes")
            lines.append(f"<b>{escape(name)}</b> · {escape(earlier.heading)} · "
                         f"{escape(short_datetime(earlier.when))}: “{escape(first_line[:70])}” "
                         f"<a href='{number}'>Open notes</a>")
        self.label.setText("<b>You met before</b><br>" + "<br>".join(lines) if lines else "")
        self.setVisible(bool(lines))

    @Slot(str)
    def open_notes(self, link: str) -> NotesPreview:
        name, earlier = self.earlier[int(link)]
        preview = NotesPreview(earlier, name, self)
        preview.open()
        return preview


class TypedPeopleMetBefore(MetBeforePanel):
    """ "You met before" for the people typed one a line in `people`, refreshed a moment
    after the typing stops. A line that cannot be read yet leaves the panel as it was: the
    dialog names that line when it is submitted."""

    def __init__(self, library, people: QPlainTextEdit, parent=None):
        super().__init__(library, parent)
        self.people = people
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.refresh)
        people.textChanged.connect(self.timer.start)

    @Slot()
    def refresh(self) -> None:
        try:
            people = parse_people(self.people.toPlainText())
        except ParseError:
            return
        self.show_for([(typed.person.name, None, typed.person.email) for typed in people])
