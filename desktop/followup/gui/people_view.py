"""View › People: everyone the library knows, met in a meeting or only imported from a card
(`store.people_list`), each with their card, their meetings and their follow-ups.

Built the first time it is shown (the first screen never needs it). A meeting in the list opens
in the notes with this person selected (Enter or a double-click); Edit card opens the card
dialog the meeting view uses.
"""

from __future__ import annotations

import unicodedata
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from followup.core.plurals import counted
from followup.gui.formatting import short_datetime
from followup.gui.object_names import named
from followup.gui.worker_wait import wait_for_worker
from followup.gui.wrapping import WrappedItemDelegate, isolated
from followup.store.library import Library, person_card
from followup.store.people_list import PersonEntry, PersonMeeting, list_people, person_meetings

PERSON_ROLE = Qt.ItemDataRole.UserRole  # a person's id, on their line in the list
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1  # (meeting id, attendance id) on a meeting's line
PEOPLE_BATCH = 50  # lines laid out between two events (a few ms)
FILL_CHUNK = 500  # lines added between two events (5-10 ms)


def folded(text: str) -> str:
    """`text` lower-cased without accents, for a search that finds "Nguyễn" by "nguyen"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_line(entry: PersonEntry) -> str:
    """A person's two lines in the list: the name, then title, company and their meetings."""
    details = [x for x in (entry.title, entry.company) if x]
    details.append(counted(len(entry.meetings), "meeting") if entry.meetings
                   else "in no meeting")
    return f"{isolated(entry.name)}\n{' · '.join(isolated(d) for d in details)}"


def meeting_line(meeting: PersonMeeting) -> str:
    """A meeting's line under the card: when, with whom, and their follow-up's status."""
    if meeting.no_followup:
        followup = "no follow-up needed"
    elif meeting.status:
        followup = f"follow-up: {meeting.status}"
    else:
        followup = "no draft yet"
    return f"{short_datetime(meeting.when)} · {isolated(meeting.title)} · {followup}"


class PeopleView(QWidget):
    """Everyone, a filter above them, and the chosen person's card, meetings and follow-ups."""

    openMeeting = Signal(int, int)  # meeting id, attendance id
    cardChanged = Signal()

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.setObjectName("peopleView")
        self.library = library
        self.entries: list[PersonEntry] = []
        self._haystacks: list[str] | None = None  # each entry's text, folded, for the filter
        self._pending: list[PersonEntry] = []  # matching, not yet in the list (_add_lines)
        self._more = QTimer(self, singleShot=True, interval=0)
        self._more.timeout.connect(self._add_more)
        self.filter = named(QLineEdit(clearButtonEnabled=True), "peopleFilter")
        self.filter.setPlaceholderText("Filter people by name, title, company, email")
        self.filter.textChanged.connect(self._apply_filter)
        self.list = named(QListWidget(), "everyoneList")
        self.filter.returnPressed.connect(self.list.setFocus)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappedItemDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Each line is measured for its wrapping: laid out a batch at a time between events,
        # 12,000 people no longer hold the window for seconds (benchmarks/bench_stalls.py).
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(PEOPLE_BATCH)
        self.list.currentItemChanged.connect(self._on_person)
        self.list.itemActivated.connect(self._edit_card)
        self.summary = named(QLabel(), "peopleSummary")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>People</b>")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.summary)
        self.card = named(QLabel(wordWrap=True), "peopleCard")
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.edit_button = named(QPushButton("&Edit card…"), "peopleEditCard")
        self.edit_button.setToolTip("Change the name, title, address, phone (Enter in the list)")
        self.edit_button.clicked.connect(self._edit_card)
        self.meetings_label = named(QLabel(), "peopleMeetingsLabel")
        self.meetings = named(QListWidget(), "peopleMeetings")
        self.meetings.setWordWrap(True)
        self.meetings.setItemDelegate(WrappedItemDelegate(self.meetings))
        self.meetings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.meetings.itemActivated.connect(self._open_meeting)
        self.meetings.itemDoubleClicked.connect(self._open_meeting)
        self.meetings_label.setBuddy(self.meetings)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        card_row = QHBoxLayout()
        card_row.addWidget(self.card, 1)
        card_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(card_row)
        right_layout.addWidget(self.meetings_label)
        right_layout.addWidget(self.meetings, 1)
        right_layout.addStretch(0)  # the card stays at the top when there is no meeting
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "peopleSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.filter, self.list)
        self.setTabOrder(self.list, self.edit_button)
        self.setTabOrder(self.edit_button, self.meetings)

    # --- reading --------------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        """Read everyone again, keeping the person shown (or `keep`, a person id)."""
        current = self.list.currentItem()
        keep = keep if keep is not None else (
            current.data(PERSON_ROLE) if current is not None else None)
        # 12,000 people take about 0.1 s to read: on a worker, the window painting meanwhile.
        self.entries = wait_for_worker(lambda: list_people(self.library), "people-list",
                                       self.library)
        self._haystacks = None
        self._fill(keep)

    def _fill(self, keep: int | None) -> None:
        """Show the people the filter matches: the first FILL_CHUNK lines (and the one to
        keep) at once, the others a chunk at a time between events, so that thousands of
        lines never hold the window."""
        needle = folded(self.filter.text().strip())
        if needle and self._haystacks is None:  # folded once per read, at the first filter
            self._haystacks = [folded("\n".join((e.name, e.title, e.company, e.email)))
                               for e in self.entries]
        matching = [e for i, e in enumerate(self.entries)
                    if not needle or needle in self._haystacks[i]]  # type: ignore[index]
        chosen = next((row for row, e in enumerate(matching) if e.id == keep), 0)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._pending = matching
        self._add_lines(max(FILL_CHUNK, chosen + 1))
        shown, total = len(matching), len(self.entries)
        self.summary.setText(counted(total, "person") if shown == total
                             else f"{shown} of {counted(total, 'person')} shown")
        if shown:
            self.list.blockSignals(True)
            self.list.setCurrentRow(chosen)
            self.list.blockSignals(False)
        self._on_person(self.list.currentItem())

    def _add_lines(self, count: int) -> None:
        """Add the next `count` people waiting to be shown; the rest after the next events."""
        chunk, self._pending = self._pending[:count], self._pending[count:]
        self.list.blockSignals(True)
        for entry in chunk:
            item = QListWidgetItem(person_line(entry))
            item.setData(PERSON_ROLE, entry.id)
            item.setToolTip(entry.email or "no email address yet")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self._pending:
            self._more.start()

    @Slot()
    def _add_more(self) -> None:
        self._add_lines(FILL_CHUNK)

    @Slot(str)
    def _apply_filter(self, _text: str) -> None:
        self._fill(None)

    # --- the chosen person ----------------------------------------------------------------

    def current_person(self) -> int | None:
        item = self.list.currentItem()
        return item.data(PERSON_ROLE) if item is not None else None

    def select_person(self, person_id: int) -> bool:
        """Show `person_id` (clearing the filter if it hides them); False if unknown."""
        self._add_lines(len(self._pending))  # everyone the filter matches, in the list
        for row in range(self.list.count()):
            if self.list.item(row).data(PERSON_ROLE) == person_id:
                self.list.setCurrentRow(row)
                return True
        if self.filter.text():
            self.filter.clear()
            return self.select_person(person_id)
        return False

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_person(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.meetings.clear()
        self.edit_button.setEnabled(item is not None)
        if item is None:
            self.card.setText("Nobody yet: import cards (.vcf) or an invitation, or add people "
                              "to a meeting." if not self.entries else "Nobody matches.")
            self.meetings_label.clear()
            return
        person_id = item.data(PERSON_ROLE)
        card = person_card(self.library, person_id)
        self.card.setText(card_html(card))
        met = person_meetings(self.library, person_id)
        self.meetings.setVisible(bool(met))
        self.meetings_label.setText(
            f"&Meetings and follow-ups ({len(met)})" if met else
            "Meetings: none yet. Add them to a meeting with Ctrl+Shift+A in the notes.")
        for meeting in met:
            line = QListWidgetItem(meeting_line(meeting))
            line.setData(MEETING_ROLE, (meeting.meeting_id, meeting.attendance_id))
            if meeting.subject:
                line.setToolTip(meeting.subject)
            self.meetings.addItem(line)

    @Slot()
    def _edit_card(self, _item=None) -> None:
        person_id = self.current_person()
        if person_id is None:
            return
        from followup.gui.person_card import PersonCardDialog

        dialog = PersonCardDialog(self.library, person_id, self)
        if dialog.exec():
            self.refresh(keep=person_id)
            self.cardChanged.emit()
        dialog.deleteLater()

    @Slot(QListWidgetItem)
    def _open_meeting(self, item: QListWidgetItem) -> None:
        meeting_id, attendance_id = item.data(MEETING_ROLE)
        self.openMeeting.emit(meeting_id, attendance_id)


def card_html(card) -> str:
    """A person's card (a `PersonCard`) as a few lines of HTML, every value escaped."""
    rows = [f"<h3>{escape(card.name)}</h3>"]
    work = " · ".join(escape(x) for x in (card.title, card.company) if x)
    if work:
        rows.append(f"<p>{work}</p>")
    if card.email:
        guess = " <i>(guessed, not confirmed)</i>" if card.email_is_guess else ""
        rows.append(f"<p><b>Email:</b> {escape(card.email)}{guess}</p>")
    else:
        rows.append("<p><b>Email:</b> none yet</p>")
    for label, value in (("Phone", card.phone), ("Web", card.web)):
        if value:
            rows.append(f"<p><b>{label}:</b> {escape(value)}</p>")
    if card.card_notes.strip():
        rows.append(f"<p>{escape(card.card_notes).replace(chr(10), '<br>')}</p>")
    return "".join(rows)
