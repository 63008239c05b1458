"""The open meeting: its people, one note editor, the general notes and the meeting clock.

Autosave: every edit restarts a short timer; when it fires (and on every switch of person or
meeting, and on close) the changed notes are written in one small transaction each.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QKeyCombination, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from followup.gui.errors import plain, set_plain
from followup.gui.formatting import clock_time, short_datetime
from followup.gui.note_editor import NoteEditor, new_note_document
from followup.store.library import Library, MeetingView
from followup.store.models import CAPACITIES, MEETING_KINDS

GENERAL = "general"
AUTOSAVE_MS = 400  # after a pause in typing: long enough to batch a word
AUTOSAVE_MAX_MS = 750  # during non-stop typing: still inside the one-second promise


class MeetingWorkspace(QWidget):
    saved = Signal(datetime)
    meetingChanged = Signal(int)
    personSelected = Signal(object)  # attendance id, or None for the general notes
    showRequested = Signal()
    saveFailed = Signal(str)  # a person shortcut was used while another view was shown

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingWorkspace")
        self.library = library
        self.meeting: MeetingView | None = None
        self._documents: dict[object, object] = {}
        self._saved_text: dict[object, str] = {}  # what the library holds, per note
        self._dirty: set[object] = set()
        self._current: object = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        self._autosave_max = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_MS)
        self._autosave_max.timeout.connect(self.flush)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_clock)
        self._build()
        self._shortcuts()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(objectName="meetingTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(objectName="meetingSubtitle")
        self.subtitle.setWordWrap(True)
        self.clock = QLabel(objectName="meetingClock")
        self.start_button = QPushButton("&Start", objectName="startButton")
        self.end_button = QPushButton("&End meeting", objectName="endButton")
        self.start_button.setToolTip("Record that the meeting started now (Ctrl+Shift+S)")
        self.end_button.setToolTip("Record that the meeting ended now: the 24-hour follow-up "
                                   "clock starts (Ctrl+Shift+E)")
        self.start_button.clicked.connect(self.start_meeting)
        self.end_button.clicked.connect(self.end_meeting)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.clock)
        header.addWidget(self.start_button)
        header.addWidget(self.end_button)

        self.people = QListWidget(objectName="peopleList")
        self.people.setWordWrap(True)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setMinimumWidth(170)
        self.people.currentRowChanged.connect(self._on_row_changed)
        self.people.itemDoubleClicked.connect(self.edit_card)
        self.people.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people.customContextMenuRequested.connect(self._people_menu)
        self.add_person_edit = QLineEdit(objectName="addPersonEdit")
        self.add_person_edit.setPlaceholderText("Add person…  (Ctrl+Shift+A)")
        self.add_person_edit.setToolTip("Name, title, email — e.g. Jane Doe, Engineering "
                                        "Manager, jane@acme.com — then Enter")
        self.add_person_edit.returnPressed.connect(self._add_person_from_line)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        people_label = QLabel("&People")
        people_label.setBuddy(self.people)
        people_label.setToolTip("Ctrl+1…9 selects a person, Ctrl+0 the general notes")
        left_layout.addWidget(people_label)
        left_layout.addWidget(self.people, 1)
        left_layout.addWidget(self.add_person_edit)

        self.editor_label = QLabel(objectName="editorLabel")
        set_plain(self.title, self.subtitle, self.editor_label)
        self.editor = NoteEditor()
        self.editor.setEnabled(False)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.editor_label)
        center_layout.addWidget(self.editor, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="workspaceSplitter")
        from followup.gui.followup_panel import FollowUpPanel

        self.followups = FollowUpPanel(self.library)
        self.followups.notes_provider = self.current_notes
        self.followups.save_notes = self.flush
        self.followups.statusChanged.connect(self._on_followup_status)
        self.followups.hide()
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.followups)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 420, 560])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

    def _shortcuts(self) -> None:
        ctrl = Qt.KeyboardModifier.ControlModifier
        for number in range(10):
            key = getattr(Qt.Key, f"Key_{number}")
            shortcut = QShortcut(QKeySequence(QKeyCombination(ctrl, key)), self)
            # Anywhere in the window: right after start focus may be in the meeting filter.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._select_by_shortcut)
            shortcut.setProperty("row", number)
        for keys, slot in (("Ctrl+Up", self.select_previous), ("Ctrl+Down", self.select_next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # --- loading --------------------------------------------------------------------------

    def load_meeting(self, meeting_id: int | None) -> None:
        self.flush()
        self.followups.flush()
        self._drop_documents()
        self._current = None
        self.meeting = self.library.meeting(meeting_id) if meeting_id is not None else None
        if self.meeting is None:
            self.followups.show_for(None)
            self.followups.hide()
        self._fill_people()
        self._update_header()
        if self.meeting is not None:
            if self.followups.isVisible():
                self.show_followups(True)
            first = 1 if self.meeting.attendees else 0
            self.select_row(first)

    @Slot(int)
    def _on_followup_status(self, _followup_id: int) -> None:
        """Keep the meeting's copy (capacity, "no follow-up needed") in step with the panel."""
        if self.meeting is not None:
            self.meeting = self.library.meeting(self.meeting.id)

    def _drop_documents(self) -> None:
        """Forget the previous meeting's documents (and their signals) entirely."""
        self.editor.setDocument(new_note_document("", self))
        for document in self._documents.values():
            document.contentsChanged.disconnect(self._on_edited)
            document.deleteLater()
        self._documents.clear()
        self._saved_text.clear()
        self._dirty.clear()

    def reload_people(self) -> None:
        """Refresh the list after a person was added or edited, keeping the selection."""
        self.flush()
        row = self.people.currentRow()
        self.meeting = self.library.meeting(self.meeting.id)
        self._fill_people()
        self.select_row(max(0, row))

    def _fill_people(self) -> None:
        self.people.blockSignals(True)
        self.people.clear()
        if self.meeting is not None:
            general = QListWidgetItem("General notes\nCompany, office, role")
            general.setData(Qt.ItemDataRole.UserRole, GENERAL)
            general.setToolTip("Notes about the company, the office and the role (Ctrl+0)")
            self.people.addItem(general)
            for number, person in enumerate(self.meeting.attendees, start=1):
                self.people.addItem(self._person_item(number, person))
        self.people.blockSignals(False)

    def _person_item(self, number: int, person) -> QListWidgetItem:
        detail = person.title or CAPACITIES[person.capacity]
        if person.capacity == "coordinator":
            detail += " · coordinator"
        if person.met_before:
            detail += f" · met before ({person.met_before})"
        label = f"{number}. {person.name}\n{detail}" if number < 10 else f"{person.name}\n{detail}"
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person.attendance_id)
        tip = f"{person.name}\n{person.title}\n{person.email or 'no email yet'}"
        if number < 10:
            tip += f"\nCtrl+{number}"
        item.setToolTip(plain(tip))
        return item

    def _update_header(self) -> None:
        meeting = self.meeting
        enabled = meeting is not None
        for widget in (self.start_button, self.end_button, self.add_person_edit, self.editor):
            widget.setEnabled(enabled)
        if meeting is None:
            self.title.setText("No meeting open")
            self.subtitle.setText("Create one with Ctrl+N.")
            self.clock.clear()
            self._tick.stop()
            return
        self.title.setText(" — ".join(x for x in (meeting.company, meeting.role) if x))
        when = meeting.started_at or meeting.scheduled_start
        parts = [MEETING_KINDS.get(meeting.kind, meeting.kind), short_datetime(when)]
        if meeting.location:
            parts.append(meeting.location)
        self.subtitle.setText("  ·  ".join(parts))
        running = meeting.started_at is not None and meeting.ended_at is None
        self.start_button.setVisible(meeting.started_at is None or meeting.ended_at is not None)
        self.start_button.setText("&Restart" if meeting.ended_at else "&Start")
        self.end_button.setVisible(meeting.ended_at is None)
        self._tick.start() if running else self._tick.stop()
        self._update_clock()

    @Slot()
    def _update_clock(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        if meeting.ended_at:
            self.clock.setText(f"Ended {clock_time(meeting.ended_at)}")
        elif meeting.started_at:
            seconds = int((datetime.now(UTC) - meeting.started_at).total_seconds())
            self.clock.setText(f"● {seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}")
        else:
            end = meeting.scheduled_end
            self.clock.setText(f"Scheduled {clock_time(meeting.scheduled_start)}"
                               + (f"–{clock_time(end)}" if end else ""))

    # --- selection ------------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        if 0 <= row < self.people.count():
            self.people.setCurrentRow(row)
            self._on_row_changed(row)

    @Slot()
    def _select_by_shortcut(self) -> None:
        self.showRequested.emit()
        self.select_row(self.sender().property("row"))
        self.editor.setFocus()

    @Slot()
    def select_previous(self) -> None:
        self.select_row(self.people.currentRow() - 1)
        self.editor.setFocus()

    @Slot()
    def select_next(self) -> None:
        self.select_row(self.people.currentRow() + 1)
        self.editor.setFocus()

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        item = self.people.item(row)
        if item is None or self.meeting is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == self._current and self.editor.document() is self._documents.get(key):
            return
        self.flush()
        self._current = key
        self.editor.setDocument(self._document(key))
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        if key == GENERAL:
            self.editor_label.setText("General notes: the company, the office, the role")
        else:
            person = self.attendee(key)
            self.editor_label.setText(f"Notes on {person.name}"
                                      + (f", {person.title}" if person.title else ""))
        self.personSelected.emit(None if key == GENERAL else key)
        self._show_followup()

    def _show_followup(self) -> None:
        if not self.followups.isVisible():
            return
        if self._current in (None, GENERAL):
            self.followups.show_for(None)
        else:
            person = self.attendee(self._current)
            self.followups.show_for(self._current, person.no_followup)

    def show_followups(self, visible: bool = True) -> None:
        """Show the drafts beside the notes, drafting any that are missing."""
        if self.meeting is None:
            return
        self.flush()
        if visible:
            from followup.store.followups import ensure_drafts

            ensure_drafts(self.library, self.meeting.id)
            self.meeting = self.library.meeting(self.meeting.id)
            self.followups.show_meeting(self.meeting.id)
            if not self.followups.isVisible():
                self.followups.show()
                total = sum(self.splitter.sizes())
                self.splitter.setSizes([int(total * 0.17), int(total * 0.35), int(total * 0.48)])
            self._show_followup()
            self.meetingChanged.emit(self.meeting.id)
        else:
            self.followups.flush()
            self.followups.hide()

    def attendee(self, attendance_id: int):
        return next(a for a in self.meeting.attendees if a.attendance_id == attendance_id)

    def _document(self, key):
        if key not in self._documents:
            text = (self.meeting.general_notes if key == GENERAL
                    else self.library.notes(key))
            document = new_note_document(text, self)
            self._saved_text[key] = text
            document.contentsChanged.connect(self._on_edited)
            document.setProperty("noteKey", key)
            self._documents[key] = document
        return self._documents[key]

    @Slot()
    def _on_edited(self) -> None:
        document = self.sender()
        self._dirty.add(document.property("noteKey"))
        self._autosave.start()
        if not self._autosave_max.isActive():
            self._autosave_max.start()

    # --- saving ---------------------------------------------------------------------------

    @Slot()
    def flush(self) -> None:
        """Write every changed note now."""
        self._autosave.stop()
        self._autosave_max.stop()
        if not self._dirty or self.meeting is None:
            return
        saved_at = None
        saved_keys = []
        for key in list(self._dirty):
            self._dirty.discard(key)
            document = self._documents.get(key)
            if document is None:
                continue
            text = document.toPlainText()
            if text == self._saved_text.get(key):
                continue  # a re-highlight, or typing undone: nothing to write
            try:
                if key == GENERAL:
                    saved_at = self.library.save_general_notes(self.meeting.id, text)
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
            shown = self.followups.view
            if (self.followups.isVisible() and shown is not None and not shown.out_of_date
                    and shown.attendance_id in saved_keys):
                self.followups.refresh_view()  # "notes changed since this draft" shows at once

    def current_notes(self, attendance_id) -> str:
        document = self._documents.get(attendance_id)
        return document.toPlainText() if document is not None else self.library.notes(
            attendance_id)

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def focus_add_person(self) -> None:
        if self.meeting is not None:
            self.add_person_edit.setFocus()

    @Slot()
    def _add_person_from_line(self) -> None:
        from followup.gui.new_meeting import parse_people

        people = parse_people(self.add_person_edit.text())
        if not people or self.meeting is None:
            return
        self.flush()
        last = None
        for spec in people:
            try:
                last = self.library.add_person(self.meeting.id, spec,
                                               new_person=not self._same_person(spec))
            except ValueError as exc:  # a name or address no message could carry
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, "Person not added", plain(str(exc)))
                return
        self.add_person_edit.clear()
        self.meeting = self.library.meeting(self.meeting.id)
        self._fill_people()
        row = next(i for i in range(self.people.count())
                   if self.people.item(i).data(Qt.ItemDataRole.UserRole) == last)
        self.select_row(row)
        self.editor.setFocus()
        self.meetingChanged.emit(self.meeting.id)

    @Slot(QPoint)
    def _people_menu(self, pos: QPoint) -> None:
        """Right click on a person: their capacity in this meeting, their card, removal."""
        item = self.people.itemAt(pos)
        if item is None or item.data(Qt.ItemDataRole.UserRole) == GENERAL:
            return
        self.select_row(self.people.row(item))
        person = self.attendee(self._current)
        menu = QMenu(self)
        for key, label in CAPACITIES.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(person.capacity == key)
            action.setData(key)
        menu.addSeparator()
        card = menu.addAction("Edit card…  (Ctrl+E)")
        remove = menu.addAction(f"Remove {person.name.split()[0]} from this meeting…")
        chosen = menu.exec(self.people.mapToGlobal(pos))
        if chosen is card:
            self.edit_card()
        elif chosen is remove:
            self._remove_person(person)
        elif chosen is not None and chosen.data() in CAPACITIES:
            self.flush()
            self.library.set_capacity(person.attendance_id, chosen.data())
            self.reload_people()
            self.meetingChanged.emit(self.meeting.id)

    def _remove_person(self, person) -> None:
        from PySide6.QtWidgets import QMessageBox

        if QMessageBox.question(
                self, "Remove person", plain(f"Remove {person.name} and your notes on them from "
                                             "this meeting? Their card stays.")
        ) != QMessageBox.StandardButton.Yes:
            return
        self.flush()
        self.library.remove_person(person.attendance_id)
        document = self._documents.pop(person.attendance_id, None)
        if document is not None:
            document.contentsChanged.disconnect(self._on_edited)
            if self.editor.document() is document:
                self.editor.setDocument(new_note_document("", self))
            document.deleteLater()
        self._current = None
        self.meeting = self.library.meeting(self.meeting.id)
        self._fill_people()
        self.select_row(0)
        self.meetingChanged.emit(self.meeting.id)

    @Slot()
    def edit_card(self, _item=None) -> None:
        """Open the selected person's card (double-click, or Ctrl+E)."""
        if self.meeting is None or self._current in (None, GENERAL):
            return
        from followup.gui.person_card import PersonCardDialog

        self.flush()
        dialog = PersonCardDialog(self.library, self.attendee(self._current).person_id, self)
        if dialog.exec():
            self.reload_people()
            self.meetingChanged.emit(self.meeting.id)

    def _same_person(self, spec) -> bool:
        """Ask when someone matches an earlier contact by name only (no email to be sure)."""
        match = self.library.likely_same_person(self.meeting.id, spec)
        if match is None:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, "Met before?",
            plain(f"You met a {spec.name} at {self.meeting.company} before (last on "
                  f"{match[1]}). Is this the same person? Yes keeps one card with both "
                  "meetings; No makes a new card."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def start_meeting(self) -> None:
        if self.meeting is None:
            return
        if self.meeting.ended_at is not None:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, "Restart the meeting?",
                "This meeting already ended. Restarting clears the recorded end, so the "
                "24-hour follow-up clock stops until you end it again. Restart anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.flush()
        self.library.start_meeting(self.meeting.id)
        self._refresh_meeting()

    @Slot()
    def end_meeting(self) -> None:
        if self.meeting is None or self.meeting.ended_at is not None:
            return
        self.flush()
        self.library.end_meeting(self.meeting.id)
        self._refresh_meeting()

    def _refresh_meeting(self) -> None:
        self.meeting = self.library.meeting(self.meeting.id)
        self._update_header()
        self.meetingChanged.emit(self.meeting.id)
