"""The New meeting dialog: who, where, when, and the people one line each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import cast

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followup.core.cards import ParseError
from followup.core.people_lines import parse_people
from followup.gui.met_before import TypedPeopleMetBefore
from followup.gui.object_names import named
from followup.store.library import MeetingInput, PersonSpec
from followup.store.limits import field_limit
from followup.store.models import MEETING_KINDS


class FieldDateTimeEdit(QDateTimeEdit):
    """A date and time field that Tab leaves, like every other field of a form, with a
    calendar; it shows the instant `when` (aware) in local time, or now.

    QDateTimeEdit uses Tab to walk its own sections (day, month, hour…): someone tabbing on to
    the location would type "3rd floor" into the hour. Sections are still reached with the
    arrow keys, the mouse or by typing the digits."""

    def __init__(self, when: datetime | None = None):
        super().__init__(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        if when is None:
            self.setDateTime(QDateTime.currentDateTime())
            return
        local = when.astimezone()
        self.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                   QTime(local.hour, local.minute, local.second,
                                         local.microsecond // 1000)))

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return QWidget.focusNextPrevChild(self, forward)

    def instant(self) -> datetime:
        """The date and time shown, as an aware UTC instant."""
        # toPython() gives the local wall time, naive (PySide's stub says object):
        # astimezone reads it as local.
        return cast(datetime, self.dateTime().toPython()).astimezone(UTC)


class NewMeetingDialog(QDialog):
    def __init__(self, parent=None, library=None):
        super().__init__(parent)
        self.setWindowTitle("New meeting")
        self.setObjectName("newMeetingDialog")
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.company = named(QLineEdit(placeholderText="Acme"), "companyEdit")
        self.role = named(QLineEdit(placeholderText="Backend Engineer"), "roleEdit")
        self.kind = named(QComboBox(), "kindCombo")
        for key, label in MEETING_KINDS.items():
            self.kind.addItem(label, key)
        now = datetime.now().astimezone()  # on a quarter hour, local time
        self.start = named(FieldDateTimeEdit(now.replace(minute=now.minute // 15 * 15, second=0,
                                                         microsecond=0)), "startEdit")
        self.duration = named(QSpinBox(suffix=" min", minimum=5,
                                       maximum=600, singleStep=15, value=60), "durationSpin")
        self.location = named(QLineEdit(placeholderText="Office, video call…"), "locationEdit")
        for key, field in (("company", self.company), ("role", self.role),
                           ("location", self.location)):
            field.setMaxLength(field_limit(key)[0])  # what the library keeps
        self.people = named(QPlainTextEdit(), "peopleEdit")
        self.people.setTabChangesFocus(True)
        self.people.setPlaceholderText(
            "One person per line:\n"
            "Jane Doe, Engineering Manager, jane@acme.com\nSam Lee, Recruiter")
        self.people.setMinimumHeight(110)
        form.addRow("&Company:", self.company)
        form.addRow("&Role:", self.role)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Starts:", self.start)
        form.addRow("&Duration:", self.duration)
        form.addRow("&Location:", self.location)
        form.addRow("&People:", self.people)
        # Wrapped: a refused people line is quoted in full.
        self.error = named(QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText), "dialogError")
        self.error.setProperty("role", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        create = buttons.button(QDialogButtonBox.StandardButton.Ok)
        create.setText("Create meeting  (Ctrl+Enter)")
        # Return in a field goes to the next field: a half-filled form is never created by a
        # stray Return. Ctrl+Return (or the button) creates the meeting.
        for button in buttons.buttons():
            if isinstance(button, QPushButton):  # a dialog button box holds push buttons
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # "You met before" under the people typed, when there is a library to look in.
        library = library or getattr(parent, "library", None)
        self.met_before = TypedPeopleMetBefore(library, self.people, self) if library else None
        if self.met_before is not None:
            layout.addWidget(self.met_before)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.company.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # QDialog accepts on Return from any field (the spin box, the date): only Ctrl+Return
        # creates; a plain Return moves on.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self.company.text().strip():
            self.error.setText("Enter the company: every follow-up names it.")
            self.error.show()
            self.company.setFocus()
            return
        try:
            parse_people(self.people.toPlainText())
        except ParseError as exc:
            self.error.setText(f"People, {exc}")
            self.error.show()
            self.people.setFocus()
            return
        super().accept()

    def meeting_input(self) -> MeetingInput:
        start = self.start.instant()
        return MeetingInput(
            company=self.company.text().strip(), role=self.role.text().strip(),
            kind=self.kind.currentData(), scheduled_start=start,
            scheduled_end=start + timedelta(minutes=self.duration.value()),
            location=self.location.text().strip(),
            people=[PersonSpec.from_typed(typed)
                    for typed in parse_people(self.people.toPlainText())])

