"""A person's card: quick keyboard editing, a pasted business card split into fields, the
company's email format turned into suggestions, and every meeting with them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from followup.core.cards import split_card_text
from followup.core.email_guess import guess_addresses, no_guess_reason
from followup.core.names import short_name
from followup.gui.errors import plain
from followup.gui.formatting import short_datetime
from followup.gui.met_before import MetBeforePanel
from followup.gui.object_names import named
from followup.store.library import Library, person_card
from followup.store.people_list import person_meetings


class PersonCardDialog(QDialog):
    def __init__(self, library: Library, person_id: int, parent=None):
        super().__init__(parent)
        self.library = library
        self.card = person_card(library, person_id)
        self.email_is_guess = self.card.email_is_guess
        self.setWindowTitle(f"{self.card.name}'s card")
        self.setObjectName("personCard")
        self.setMinimumWidth(600)
        self.name = named(QLineEdit(self.card.name), "cardName")
        self.title = named(QLineEdit(self.card.title), "cardTitle")
        self.email = named(QLineEdit(self.card.email), "cardEmail")
        self.email.textEdited.connect(self._email_typed)
        self.email_state = named(QLabel(), "cardEmailState")
        self.confirm_button = named(QPushButton("Confirm address"), "cardConfirm")
        self.confirm_button.clicked.connect(self._confirm)
        self.phone = named(QLineEdit(self.card.phone), "cardPhone")
        self.web = named(QLineEdit(self.card.web, placeholderText="linkedin.com/in/…"), "cardWeb")
        self.notes = named(QPlainTextEdit(self.card.card_notes), "cardNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.paste = named(QPlainTextEdit(), "cardPaste")
        self.paste.setTabChangesFocus(True)
        self.paste.setPlaceholderText("Paste or type a business card here, then Split into "
                                      "fields (Ctrl+Return)")
        self.paste.setFixedHeight(70)
        split = named(QPushButton("&Split into fields"), "cardSplit")
        split.clicked.connect(self.split_pasted)
        split.setShortcut("Ctrl+Return")
        self.guesses = named(QListWidget(), "cardGuesses")
        self.guesses.setMaximumHeight(130)
        self.guesses.setWordWrap(True)
        self.guesses.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guesses.itemActivated.connect(self._use_guess)
        self.guesses.itemDoubleClicked.connect(self._use_guess)
        self.meetings = named(QListWidget(), "cardMeetings")
        self.meetings.setMaximumHeight(90)
        for met in person_meetings(library, person_id):
            self.meetings.addItem(f"{short_datetime(met.when)} · {met.title} · follow-up: "
                                  f"{met.status or 'no draft'}")
        email_row = QHBoxLayout()
        email_row.addWidget(self.email, 1)
        email_row.addWidget(self.email_state)
        email_row.addWidget(self.confirm_button)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Title:", self.title)
        email_label = QLabel("&Email:")
        email_label.setBuddy(self.email)
        form.addRow(email_label, email_row)
        form.addRow("&Phone:", self.phone)
        form.addRow("&Web:", self.web)
        form.addRow("N&otes:", self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Business card"))
        layout.addWidget(self.paste)
        layout.addWidget(split, 0, Qt.AlignmentFlag.AlignRight)
        self.guess_label = named(QLabel(wordWrap=True), "cardGuessLabel")
        layout.addWidget(self.guess_label)
        layout.addWidget(self.guesses)
        meetings_label = QLabel(f"Meetings with {short_name(self.card.name) or 'them'}")
        meetings_label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        layout.addWidget(meetings_label)
        layout.addWidget(self.meetings)
        # Opened from a meeting: the earlier ones are those other than the one on screen.
        here = getattr(getattr(parent, "meeting", None), "id", None)
        self.met_before = MetBeforePanel(library, self)
        self.met_before.show_for([(self.card.name, self.card.id, "")], except_meeting=here)
        layout.addWidget(self.met_before)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_email_state()
        self.refresh_guesses()

    def _show_email_state(self) -> None:
        guess = self.email_is_guess and bool(self.email.text().strip())
        self.email_state.setText("guessed, not confirmed" if guess else "")
        self.confirm_button.setVisible(guess)

    @Slot(str)
    def _email_typed(self, _text: str) -> None:
        self.email_is_guess = False  # typed by the user: theirs, not a guess
        self._show_email_state()

    @Slot()
    def _confirm(self) -> None:
        self.email_is_guess = False
        self._show_email_state()

    def refresh_guesses(self) -> None:
        """Suggest addresses from the company's known format; never saved without a choice."""
        self.guesses.clear()
        if self.email.text().strip() and not self.email_is_guess:
            self.guess_label.setText("")
            self.guesses.hide()
            return
        domain = self.card.company_domain or None
        try:
            found = guess_addresses(self.name.text(), list(self.card.known_at_company), domain)
        except ValueError:
            reason = no_guess_reason(self.name.text())  # a name that cannot give an address
            self.guess_label.setText(
                f"No suggestion: {reason}." if reason else
                "No address known at this company yet: add the company's email domain, or one "
                "colleague's address, to get suggestions.")
            self.guesses.hide()
            return
        self.guess_label.setText("Suggested addresses (double-click or Enter to use one; it "
                                 "stays marked as a guess until you confirm it):")
        for guess in found:
            item = QListWidgetItem(f"{guess.address}  ({guess.confidence:.0%}) — "
                                   f"{guess.evidence}")
            item.setData(Qt.ItemDataRole.UserRole, guess.address)
            self.guesses.addItem(item)
        self.guesses.show()

    @Slot(QListWidgetItem)
    def _use_guess(self, item: QListWidgetItem) -> None:
        self.email.setText(item.data(Qt.ItemDataRole.UserRole))
        self.email_is_guess = True
        self._show_email_state()

    @Slot()
    def split_pasted(self) -> None:
        text = self.paste.toPlainText().strip()
        if not text:
            return
        card = split_card_text(text)
        for field, value in (("name", card.name), ("title", card.title), ("phone", card.phone),
                             ("web", card.web)):
            if value:
                getattr(self, field).setText(value)
        if card.email:
            self.email.setText(card.email)
            self.email_is_guess = False
        if card.notes:
            self.notes.setPlainText((self.notes.toPlainText() + "\n" + card.notes).strip())
        self._show_email_state()
        self.refresh_guesses()

    def accept(self) -> None:
        try:
            self.library.update_person(
                self.card.id, name=self.name.text() or self.card.name, title=self.title.text(),
                email=self.email.text(), phone=self.phone.text(), web=self.web.text(),
                card_notes=self.notes.toPlainText(),
                email_is_guess=self.email_is_guess and bool(self.email.text().strip()))
        except ValueError as exc:  # an address no message could carry: say so, stay open

            QMessageBox.warning(self, "Check the card", plain(str(exc)))
            return
        super().accept()
