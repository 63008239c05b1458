"""Meeting › Edit (or a double-click on the meeting's header): correct a meeting's company, the
company's domain, role, kind, start, end and location after it was created or imported.

The checks and the writing are `store.meeting_edit`'s, the same as `followup meetings edit`;
this dialog only shows the values and where one is wrong.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from followup.gui.new_meeting import FieldDateTimeEdit
from followup.gui.object_names import named
from followup.store.limits import field_limit
from followup.store.meeting_edit import MeetingEdited, MeetingValueError, edit_meeting
from followup.store.views import MEETING_KINDS, MeetingView


class EditMeetingDialog(QDialog):
    """The form for one meeting; `accept` saves through `edit_meeting` and keeps its result
    in `edited` (what changed, drafts written again, edited drafts marked)."""

    def __init__(self, library, meeting: MeetingView, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Edit meeting")
        self.setObjectName("editMeetingDialog")
        self.setMinimumWidth(520)
        self.library, self.meeting = library, meeting
        self.edited: MeetingEdited | None = None
        self.company = named(QLineEdit(meeting.company, placeholderText="Acme"), "companyEdit")
        self.domain = named(QLineEdit(meeting.company_domain, placeholderText="acme.com"),
                            "domainEdit")
        self.role = named(QLineEdit(meeting.role, placeholderText="Backend Engineer"), "roleEdit")
        self.kind = named(QComboBox(), "kindCombo")
        for key, label in MEETING_KINDS.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.kind)))
        start = meeting.started_at or meeting.scheduled_start
        end = meeting.ended_at or meeting.scheduled_end
        self.start = named(FieldDateTimeEdit(start), "startEdit")
        self.end = named(FieldDateTimeEdit(end or (start + timedelta(hours=1) if start else None)),
                         "endEdit")
        self.location = named(QLineEdit(" ".join(meeting.location.split()),
                                        placeholderText="Office, video call…"), "locationEdit")
        for key, field in (("company", self.company), ("company_domain", self.domain),
                           ("role", self.role), ("location", self.location)):
            field.setMaxLength(field_limit(key)[0])  # what the library keeps
        self._shown = self._values()  # what the form showed: only fields changed are saved
        form = QFormLayout()
        form.addRow("&Company:", self.company)
        form.addRow("Company &domain:", self.domain)
        form.addRow("&Role:", self.role)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Starts:", self.start)
        form.addRow("E&nds:", self.end)
        form.addRow("&Location:", self.location)
        note = named(QLabel("Drafts you have not edited are written again; edited drafts say the "
                            "meeting changed.", wordWrap=True), "editMeetingNote")
        self.error = named(QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText), "dialogError")
        self.error.setProperty("role", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fields = {"company": self.company, "company_domain": self.domain,
                        "role": self.role, "kind": self.kind, "start": self.start,
                        "end": self.end, "location": self.location}

    def _values(self) -> dict:
        return {
            "company": self.company.text(), "company_domain": self.domain.text(),
            "role": self.role.text(), "kind": self.kind.currentData(),
            "start": self.start.instant(),
            "end": self.end.instant(),
            "location": self.location.text(),
        }

    def changes(self) -> dict:
        """The fields the user changed, as `edit_meeting` takes them."""
        return {k: v for k, v in self._values().items() if v != self._shown[k]}

    def accept(self) -> None:
        try:
            self.edited = edit_meeting(self.library, self.meeting.id, **self.changes())
        except MeetingValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self._fields[exc.field].setFocus()
            return
        super().accept()
