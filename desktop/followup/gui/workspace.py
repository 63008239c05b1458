"""The open meeting: its people, one note editor, the general notes and the meeting clock.

The unsaved note text lives in a NoteBuffer shared with the follow-up panel; it writes the
notes shortly after typing stops, and at once on every switch of person or meeting.

Imports inside methods are deliberate: the first screen opens before the ORM (SQLAlchemy
alone costs about 150 ms), the dialogs, sending and the checklist are loaded, and before the
Qt classes used only later are made (14-22 ms measured for this module's); each is imported
where it is first needed (start-up target in docs/benchmarks.md).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from followup.gui.errors import plain
from followup.gui.formatting import clock_time, short_datetime
from followup.gui.hub import Hub
from followup.gui.note_buffer import GENERAL, NoteBuffer, NoteKey
from followup.gui.note_editor import NoteEditor, new_note_document, note_text
from followup.gui.object_names import named
from followup.gui.worker_wait import wait_for_worker
from followup.gui.wrapping import (
    NOTES_MIN_CHARACTERS,
    LinesLabel,
    WrappedItemDelegate,
    isolated,
    one_line_high,
)
from followup.gui.wrapping import warm_up as wrapping_warm_up
from followup.store.views import CAPACITIES, MEETING_KINDS, AttendeeView, MeetingView

if TYPE_CHECKING:
    from followup.store.inputs import PersonSpec
    from followup.store.library import Library


PERSON_LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # a person's lines without the countdown
VIEWS_FRESH_FOR = timedelta(minutes=1)  # the people's follow-ups are read again after this


def countdown_line(view, now: datetime) -> str:
    """The line under a person in the people list: where their follow-up (a FollowUpView, or
    None) stands at `now`, once the meeting is over; "" before that or without one."""
    if view is None or view.cancelled:
        return ""
    from followup.core.deadlines import STATE_STYLE, State

    countdown = view.countdown(now)
    if countdown is None or countdown.state is State.UPCOMING:
        return ""
    glyph = STATE_STYLE[countdown.state].glyph
    # In whole minutes (the line changes once a minute, not at every tick), the time to the
    # deadline only: the glyph says how near the target is; the follow-up beside the notes
    # has the whole sentence, to the second.
    if countdown.state in (State.COMFORTABLE, State.SOON, State.URGENT):
        return f"{glyph} {_minutes(countdown.seconds_left)} left"
    if countdown.state is State.OVERDUE:
        return f"{glyph} overdue by {_minutes(countdown.seconds_left)}"
    return f"{glyph} {countdown.text}"


def _minutes(seconds: int) -> str:
    """`seconds` (its sign dropped) as "23 h 05 min" or "45 min", rounded up to the minute."""
    minutes = -(-abs(seconds) // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02} min" if hours else f"{minutes} min"


class MeetingHeader(QWidget):
    """The meeting's title, subtitle, clock and buttons; a double-click on the text asks to
    edit the meeting."""

    doubleClicked = Signal()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.doubleClicked.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class MeetingWorkspace(QWidget):
    read_only = False  # set by `set_read_only`: the library cannot be written

    personSelected = Signal(object)  # attendance id, or None for the general notes
    showRequested = Signal()
    # The welcome page of an empty library: what the user asked for.
    newMeetingRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()

    # For the window (it does not reach into the panel); the rest of the follow-up panel's
    # news (saved, status changed, a route asked for) goes to the hub.
    meetingEnded = Signal(int)  # the user ended the meeting: its drafts are due now

    def __init__(self, library: Library, notes: NoteBuffer | None = None,
                 hub: Hub | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingWorkspace")
        self.library = library
        self.hub = hub or Hub(self)
        self.notes = notes or NoteBuffer(library, self)
        self.notes.saved.connect(self.hub.notesSaved)
        self.notes.saveFailed.connect(self.hub.saveFailed)
        self.meeting: MeetingView | None = None
        self._current: NoteKey | None = None
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_clock)
        self._build()
        self._shortcuts_added = False  # the window adds them with its menus (add_shortcuts)
        # Each person's follow-up (attendance id -> FollowUpView) for the countdowns in the
        # people list; None: to be read again (at the next tick, once the store is loaded).
        self._followup_views: dict[int, object] | None = None
        self._views_read_at = datetime.min.replace(tzinfo=UTC)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = LinesLabel(2, objectName="meetingTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = LinesLabel(2, objectName="meetingSubtitle")
        self.clock = named(QLabel(), "meetingClock")
        self.start_button = named(QPushButton("&Start"), "startButton")
        self.end_button = named(QPushButton("&End meeting"), "endButton")
        self.start_button.setToolTip("Record that the meeting started now (Ctrl+Shift+S)")
        self.end_button.setToolTip("Record that the meeting ended now: the 24-hour follow-up "
                                   "clock starts (Ctrl+Shift+E)")
        self.start_button.clicked.connect(self.start_meeting)
        self.end_button.clicked.connect(self.end_meeting)
        self.header = named(MeetingHeader(), "meetingHeader")
        self.header.setToolTip("Double-click to correct the meeting (Meeting › Edit meeting)")
        self.header.doubleClicked.connect(self.edit_meeting)
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.clock)
        header.addWidget(self.start_button)
        header.addWidget(self.end_button)

        self.people = named(QListWidget(), "peopleList")
        self.people.setWordWrap(True)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setMinimumWidth(170)
        self.people.currentRowChanged.connect(self._on_row_changed)
        self.people.itemDoubleClicked.connect(self.edit_card)
        self.people.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people.customContextMenuRequested.connect(self._people_menu)
        self.add_person_edit = named(QLineEdit(), "addPersonEdit")
        # Short enough for the list's width beside the drafts (it was cut after "Ctrl+Shift").
        self.add_person_edit.setPlaceholderText("Add person (Ctrl+Shift+A)")
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

        # Names, roles and titles of any length wrap inside their column; they never set the
        # window's minimum width (which would change, and be sent to the window manager, at
        # every switch of meeting or person, and could pass the screen's).
        self.editor_label = LinesLabel(2, objectName="editorLabel")
        one_line_high(self.title, self.subtitle, self.editor_label)
        self.editor = NoteEditor()
        self.editor.setEnabled(False)
        self.editor.setMinimumWidth(self.editor.fontMetrics().averageCharWidth()
                                    * NOTES_MIN_CHARACTERS)
        # Edit, or read the notes rendered: this person's, or the whole meeting's.
        self.notes_mode = named(QTabBar(), "notesViewTabs")
        for name in ("Edit", "Rendered", "Whole meeting"):
            self.notes_mode.addTab(name)
        self.notes_mode.setDocumentMode(True)
        self.notes_mode.setExpanding(False)
        self.notes_mode.setToolTip("Edit the notes, or read them rendered: this person's, or "
                                   "the whole meeting's (Ctrl+Shift+O)")
        self.notes_mode.currentChanged.connect(self._on_notes_mode)
        self.notes_stack = named(QStackedWidget(), "notesStack")
        self.notes_stack.addWidget(self.editor)
        self._rendered = None  # the rendered view (RenderedNotes), built when first shown
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.editor_label)  # the whole width: a long title wraps less
        center_layout.addWidget(self.notes_mode)
        center_layout.addWidget(self.notes_stack, 1)

        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "workspaceSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 980])
        # The follow-up panel is built on first use (`followups`), after the first frame:
        # the notes take typing sooner (start-up target in docs/benchmarks.md).
        self._followups = None

        self.welcome: QWidget | None = None  # built the first time the library is empty
        self.page_layout = layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

    @property
    def followups(self):
        """The follow-up panel beside the notes (a FollowUpPanel), built the first time."""
        if self._followups is None:
            from followup.gui.followup_panel import FollowUpPanel

            panel = FollowUpPanel(self.library, self.notes)
            panel.read_only = self.read_only
            panel.statusChanged.connect(self._on_followup_status)
            panel.statusChanged.connect(self.hub.followupStatusChanged)
            panel.saved.connect(self.hub.notesSaved)
            panel.saveFailed.connect(self.hub.saveFailed)
            panel.routeRequested.connect(self.hub.routeRequested)
            panel.cardRequested.connect(self.edit_card)
            panel.hide()
            self.splitter.addWidget(panel)
            self.splitter.setStretchFactor(2, 2)
            self._followups = panel
        return self._followups

    def followups_visible(self) -> bool:
        return self._followups is not None and self._followups.isVisible()

    def _welcome_page(self) -> QWidget:
        """Shown while the library has no meeting: it is the user's own, and starts empty."""
        page = named(QWidget(), "welcomePage")
        text = named(QLabel(
            "<h2>Welcome to Followup</h2>"
            "<p>Take notes on each person during an interview or a coffee; afterwards Followup "
            "writes one follow-up per person, checks it and counts down the 24 hours.</p>"
            "<p>Your library is empty. Start with a meeting, import an invitation (.ics) or an "
            "export, or look around the sample meeting first: it opens in a separate, "
            "temporary library and never mixes with yours.</p>"), "welcomeText")
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        buttons = QHBoxLayout()
        for label, name, signal in (
                ("&New meeting…  (Ctrl+N)", "welcomeNewMeeting", self.newMeetingRequested),
                ("&Import…  (Ctrl+I)", "welcomeImport", self.importRequested),
                ("Open the &sample meeting", "welcomeSample", self.sampleRequested)):
            button = named(QPushButton(label), name)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(text)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(1)
        return page

    def show_welcome(self, empty_library: bool) -> None:
        """The welcome page instead of the empty meeting view while the library is empty."""
        if empty_library and self.welcome is None:
            self.welcome = self._welcome_page()
            self.page_layout.addWidget(self.welcome, 1)
        if self.welcome is not None:
            self.welcome.setVisible(empty_library)
        self.splitter.setVisible(not empty_library)
        for widget in (self.title, self.subtitle, self.clock):
            widget.setVisible(not empty_library)
        if empty_library:
            self.start_button.hide()
            self.end_button.hide()

    def wrap_people_items(self) -> None:
        """Break the people's lines to the list's width ourselves (`WrappedItemDelegate`), so
        that no line ends in "…" under the style sheet's padding and no long word runs past the
        edge. Set just after the first frame, with the menus: for forty people it costs the
        first frame a tenth of its time, and Qt's own wrapping is right for nearly every line."""
        if not isinstance(self.people.itemDelegate(), WrappedItemDelegate):
            wrapping_warm_up()
            self.people.setItemDelegate(WrappedItemDelegate(self.people))

    def add_shortcuts(self) -> None:
        """Ctrl+0…9 (a person) and Ctrl+Up/Down, once: the window adds them with its menus,
        just after the first frame (nobody presses one sooner)."""
        if self._shortcuts_added:
            return
        self._shortcuts_added = True
        from PySide6.QtCore import QKeyCombination
        from PySide6.QtGui import QKeySequence, QShortcut

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
        self.notes.flush()
        self.editor.setDocument(new_note_document("", self))  # before the buffer drops them
        self._current = None
        self.meeting = self.library.meeting(meeting_id) if meeting_id is not None else None
        self.notes.open_meeting(meeting_id, self.meeting.general_notes if self.meeting else "")
        if self.meeting is None and self._followups is not None:
            self._followups.show_for(None)
            self._followups.hide()
        self._fill_people()
        self._update_header()
        if self.meeting is not None:
            if self.followups_visible():
                self.show_followups(True)
            first = 1 if self.meeting.attendees else 0
            self.select_row(first)

    @Slot(int)
    def _on_followup_status(self, _followup_id: int) -> None:
        """Keep the meeting's copy (capacity, "no follow-up needed") and the people's
        countdowns in step with the panel."""
        if self.meeting is not None:
            self.meeting = self.library.meeting(self.meeting.id)
            self.countdowns_changed()

    def reload_people(self) -> None:
        """Refresh the list after a person was added or edited, keeping the selection."""
        if self.meeting is None:
            return
        self.notes.flush()
        row = self.people.currentRow()
        self.meeting = self.library.meeting(self.meeting.id)
        self._fill_people()
        self.select_row(max(0, row))

    def _fill_people(self) -> None:
        self._followup_views = None  # read again, for these people, at the next tick
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
        detail = isolated(person.title) or CAPACITIES[person.capacity]
        if person.capacity == "coordinator" and not _says_coordinator(person.title):
            detail += " · coordinator"  # else the title (or the label) says it already
        if person.met_before:
            detail += f" · met before ({person.met_before})"
        name = isolated(person.name)
        label = f"{number}. {name}\n{detail}" if number < 10 else f"{name}\n{detail}"
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person.attendance_id)
        item.setData(PERSON_LABEL_ROLE, label)  # the lines under it: the follow-up's countdown
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
        # A meeting that came in without a company says where to set it (drafts need it).
        company = meeting.company or ("" if self.read_only else
                                      "No company yet (double-click to set it)")
        self.title.setText(" — ".join(isolated(x) for x in (company, meeting.role) if x))
        when = meeting.started_at or meeting.scheduled_start
        parts = [MEETING_KINDS.get(meeting.kind, meeting.kind), short_datetime(when)]
        if meeting.cancelled:  # first, so a narrow window never elides it
            parts.insert(0, "Cancelled by the organizer: no follow-up is due")
        if meeting.location:
            parts.append(isolated(meeting.location))
        self.subtitle.setText("  ·  ".join(parts))
        running = meeting.started_at is not None and meeting.ended_at is None
        self.start_button.setVisible((meeting.started_at is None or meeting.ended_at is not None)
                                     and not self.read_only)
        self.start_button.setText("&Restart" if meeting.ended_at else "&Start")
        self.end_button.setVisible(meeting.ended_at is None and not self.read_only)
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

    def select_person(self, attendance_id: int | None) -> bool:
        """Select this person's notes (None: the general notes); False when not in the
        meeting."""
        key = GENERAL if attendance_id is None else attendance_id
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.select_row(row)
                return True
        return False

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
        if key == self._current and self.editor.document() is self.notes.document(key):
            return
        self.notes.flush()
        self._current = key
        self.editor.setDocument(self.notes.document(key))
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        if key == GENERAL:
            self.editor_label.setText("General notes: the company, the office, the role")
        else:
            person = self.attendee(key)
            self.editor_label.setText(f"Notes on {isolated(person.name)}"
                                      + (f", {isolated(person.title)}" if person.title else ""))
        self.personSelected.emit(None if key == GENERAL else key)
        self._show_rendered()
        self._show_followup()

    # --- the notes rendered -----------------------------------------------------------------

    @property
    def rendered(self):
        """The read-only rendered view (a RenderedNotes), built the first time."""
        if self._rendered is None:
            from followup.gui.notes_view import RenderedNotes

            self._rendered = RenderedNotes()
            self.notes_stack.addWidget(self._rendered)
        return self._rendered

    @Slot()
    def cycle_notes_mode(self) -> None:
        """Edit, this person's notes rendered, the whole meeting's, and back (Ctrl+Shift+O)."""
        self.notes_mode.setCurrentIndex((self.notes_mode.currentIndex() + 1) % 3)

    @Slot(int)
    def _on_notes_mode(self, mode: int) -> None:
        if mode == 0:
            self.notes_stack.setCurrentWidget(self.editor)
            self.editor.setFocus()
            return
        self._show_rendered()
        self.notes_stack.setCurrentWidget(self.rendered)

    def _show_rendered(self) -> None:
        """Render what the rendered view shows now (unsaved text included)."""
        mode = self.notes_mode.currentIndex()
        if mode == 0:
            return
        if self.meeting is None or self._current is None:
            self.rendered.show_fragment("")
            return
        if mode == 1:
            self.rendered.show_notes(note_text(self.notes.document(self._current)))
            return
        sections = [("General notes", "", note_text(self.notes.document(GENERAL)))]
        for person in self.meeting.attendees:
            detail = " · ".join(x for x in (person.title, person.email) if x)
            sections.append((person.name, detail,
                             note_text(self.notes.document(person.attendance_id))))
        keys = [GENERAL, *(a.attendance_id for a in self.meeting.attendees)]
        self.rendered.show_meeting(sections, keys.index(self._current)
                                   if self._current in keys else 0)

    def _show_followup(self) -> None:
        if not self.followups_visible():
            return
        if not isinstance(self._current, int):  # the general notes, or nothing open
            self.followups.show_for(None)
        else:
            person = self.attendee(self._current)
            self.followups.show_for(self._current, person.no_followup)

    def show_followups(self, visible: bool = True) -> None:
        """Show the drafts beside the notes, drafting any that are missing."""
        if self.meeting is None:
            return
        self.notes.flush()
        if visible:
            from followup.store.followups import ensure_drafts

            # A meeting just ended drafts one follow-up per person: a tenth of a second or more.
            meeting_id = self.meeting.id
            wait_for_worker(lambda: ensure_drafts(self.library, meeting_id), "drafting",
                            self.library)
            self.meeting = self.library.meeting(self.meeting.id)
            self.followups.show_meeting(self.meeting.id)
            if not self.followups.isVisible():
                self.followups.show()
                total = sum(self.splitter.sizes())
                self.splitter.setSizes([int(total * 0.17), int(total * 0.35), int(total * 0.48)])
            self._show_followup()
            self._followup_views = None  # drafted now: the countdowns show at the next tick
            self.hub.meetingChanged.emit(self.meeting.id)
        elif self._followups is not None:
            self._followups.hide()

    def attendee(self, attendance_id: int) -> AttendeeView:
        """The open meeting's attendee `attendance_id` (StopIteration when there is none)."""
        attendees = self.meeting.attendees if self.meeting is not None else []
        return next(a for a in attendees if a.attendance_id == attendance_id)

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def focus_add_person(self) -> None:
        if self.meeting is not None:
            self.add_person_edit.setFocus()

    @Slot()
    def _add_person_from_line(self) -> None:
        if self.read_only:  # nothing can be changed (set_read_only)
            return
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QToolTip

        from followup.core.cards import ParseError
        from followup.core.people_lines import parse_people
        from followup.store.inputs import PersonSpec

        try:
            people = [PersonSpec.from_typed(typed)
                      for typed in parse_people(self.add_person_edit.text())]
        except ParseError as exc:  # the line stays for the user to correct
            QToolTip.showText(self.add_person_edit.mapToGlobal(
                QPoint(0, self.add_person_edit.height())), f"Not added: {exc}",
                self.add_person_edit)
            return
        if not people or self.meeting is None:
            return
        self.notes.flush()
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
        self.select_person(last)
        self.editor.setFocus()
        self.hub.meetingChanged.emit(self.meeting.id)

    def _people_menu(self, pos) -> None:
        """Right click on a person at `pos` (a QPoint in the list): their capacity in this
        meeting, their card, removal."""
        if self.read_only:  # nothing can be changed (set_read_only)
            return
        item = self.people.itemAt(pos)
        if item is None or item.data(Qt.ItemDataRole.UserRole) == GENERAL:
            return
        self.select_row(self.people.row(item))
        if self.meeting is None or not isinstance(self._current, int):
            return
        person = self.attendee(self._current)
        menu = QMenu(self)
        for key, label in CAPACITIES.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(person.capacity == key)
            action.setData(key)
        menu.addSeparator()
        card = menu.addAction("Edit card…  (Ctrl+E)")
        from followup.core.names import short_name

        who = short_name(person.name) or person.name
        remove = menu.addAction(f"Remove {who} from this meeting…")
        chosen = menu.exec(self.people.mapToGlobal(pos))
        if chosen is card:
            self.edit_card()
        elif chosen is remove:
            self._remove_person(person)
        elif chosen is not None and chosen.data() in CAPACITIES:
            self.notes.flush()
            self.library.set_capacity(person.attendance_id, chosen.data())
            self.reload_people()
            self.hub.meetingChanged.emit(self.meeting.id)

    def _remove_person(self, person: AttendeeView) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.meeting is None:
            return
        if QMessageBox.question(
                self, "Remove person", plain(f"Remove {person.name} and your notes on them from "
                                             "this meeting? Their card stays.")
        ) != QMessageBox.StandardButton.Yes:
            return
        self.notes.flush()
        self.library.remove_person(person.attendance_id)
        if self._current == person.attendance_id:
            self.editor.setDocument(new_note_document("", self))
        self.notes.forget(person.attendance_id)
        self._current = None
        self.meeting = self.library.meeting(self.meeting.id)
        self._fill_people()
        self.select_row(0)
        self.hub.meetingChanged.emit(self.meeting.id)

    # --- the follow-up beside the notes: what the window may ask of it ----------------------

    def tick(self, now: datetime) -> None:
        if self._followups is not None:
            self._followups.tick(now)
        self._show_countdowns(now)

    def countdowns_changed(self) -> None:
        """A follow-up was drafted, sent or skipped: read the people's countdowns again."""
        self._followup_views = None
        self._show_countdowns(datetime.now(UTC))

    def _show_countdowns(self, now: datetime) -> None:
        """Under each person, where their follow-up stands once the meeting is over ("● 21 h
        4 min left", "✔ sent 5 h after the meeting"), recomputed from the deadline and `now`.
        The follow-ups are read once per meeting and change, not at each tick."""
        if self.meeting is None or not getattr(self.library, "loaded", True):
            return
        if self._followup_views is None or now - self._views_read_at >= VIEWS_FRESH_FOR:
            # Also once a minute: a meeting whose scheduled end passes gets its follow-ups
            # from the reminders' timer, not from anything done here.
            from followup.store.followups import followups_for_meeting

            self._followup_views = {v.attendance_id: v
                                    for v in followups_for_meeting(self.library, self.meeting.id)}
            self._views_read_at = now
        for row in range(self.people.count()):
            item = self.people.item(row)
            label = item.data(PERSON_LABEL_ROLE)
            if label is None:  # the general notes
                continue
            view = self._followup_views.get(item.data(Qt.ItemDataRole.UserRole))
            text = label + (f"\n{line}" if (line := countdown_line(view, now)) else "")
            if item.text() != text:
                item.setText(text)

    @Slot()
    def regenerate(self) -> None:
        self.followups.regenerate()

    @Slot()
    def toggle_ready(self) -> None:
        self.followups.toggle_ready()

    @Slot()
    def mark_sent(self) -> None:
        self.followups.mark_sent()

    @Slot()
    def send_current(self) -> None:
        """Ask to send the follow-up shown (its confirmation comes next)."""
        if self.followups_visible() and self.followups.view is not None:
            self.followups.request_send()

    @Slot()
    def lock_for_sending(self) -> None:
        if self._followups is not None:
            self._followups.lock_for_sending()

    def refresh_followup(self) -> None:
        """Read the shown follow-up's status again (after a send)."""
        if self._followups is not None:
            self._followups.refresh_view()

    def focus_draft(self) -> None:
        self.followups.body.setFocus()

    def refresh_followups(self) -> None:
        """Read the shown follow-ups again (after the profile rewrote untouched drafts)."""
        if self.meeting is not None and self.followups_visible():
            self.followups.show_meeting(self.meeting.id)
            self._show_followup()

    @Slot()
    def edit_card(self, _item=None) -> None:
        """Open the selected person's card (double-click, or Ctrl+E)."""
        if self.read_only:  # nothing can be changed (set_read_only)
            return
        if self.meeting is None or not isinstance(self._current, int):
            return
        from followup.gui.person_card import PersonCardDialog

        self.notes.flush()
        dialog = PersonCardDialog(self.library, self.attendee(self._current).person_id, self)
        if dialog.exec():
            self.reload_people()
            if self._followups is not None:  # the To: line shows the new address
                self._followups.refresh_view()
            self.hub.meetingChanged.emit(self.meeting.id)

    def set_read_only(self) -> None:
        """The library cannot be written: notes and drafts are shown, never changed."""
        self.read_only = True
        self.editor.setReadOnly(True)
        self.add_person_edit.setReadOnly(True)
        for button in (self.start_button, self.end_button):
            button.hide()
        self.header.setToolTip("")
        if self._followups is not None:
            self._followups.read_only = True
            self._followups.refresh_view()

    @Slot()
    def edit_meeting(self) -> None:
        """Correct the open meeting's details (Meeting › Edit meeting, or a double-click on
        its header); its drafts follow."""
        if self.meeting is None or self.read_only:
            return
        from followup.gui.meeting_dialog import EditMeetingDialog

        self.notes.flush()  # a draft being typed counts as edited
        dialog = EditMeetingDialog(self.library, self.meeting, self)
        if dialog.exec() and dialog.edited is not None and dialog.edited.changed:
            self._refresh_meeting()
        dialog.deleteLater()

    def _same_person(self, spec: PersonSpec) -> bool:
        """Ask when someone matches an earlier contact by name only (no email to be sure)."""
        if self.meeting is None:
            return True
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
        if self.read_only:  # nothing can be changed (set_read_only)
            return
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
        self.notes.flush()
        self.library.start_meeting(self.meeting.id)
        self._refresh_meeting()

    @Slot()
    def end_meeting(self) -> None:
        if self.read_only:  # nothing can be changed (set_read_only)
            return
        if self.meeting is None or self.meeting.ended_at is not None:
            return
        self.notes.flush()
        self.library.end_meeting(self.meeting.id)
        self._refresh_meeting()
        self.meetingEnded.emit(self.meeting.id)

    def _refresh_meeting(self) -> None:
        if self.meeting is None:
            return
        self.meeting = self.library.meeting(self.meeting.id)
        self._followup_views = None  # the deadlines moved with the meeting's end
        self._update_header()
        self.hub.meetingChanged.emit(self.meeting.id)
        # Started or ended: the shown follow-up's countdown starts (or stops) now, not when
        # the user next picks a person.
        self.refresh_followups()


def _says_coordinator(title: str) -> bool:
    """Whether a job title already says the person coordinates or recruits ("Recruiting
    Coordinator", "Talent Acquisition Partner"); an empty title shows the capacity's own
    label, which says it."""
    return not title.strip() or re.search(
        r"coordinat|recruit|talent|sourc(?:er|ing)|hiring|\bhr\b|people partner",
        title, re.IGNORECASE) is not None
