"""The profile that signs every draft: name, phone, email, signature, skills, writing, target."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from followup.core import spelling
from followup.core.phones import PhoneChoice, replace_number
from followup.core.profile_links import LINK_HELP, links_to_text, text_to_links
from followup.gui.object_names import named
from followup.store.followups import set_spelling_language, spelling_language, update_profile
from followup.store.library import Library


class ProfileDialog(QDialog):
    def __init__(self, library: Library, parent=None, reason: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Your profile")
        self.setObjectName("profileDialog")
        self.setMinimumWidth(560)
        self.library = library
        profile = library.profile()
        self.name = named(QLineEdit(profile.name), "profileName")
        self.phone = named(QLineEdit(profile.phone, placeholderText="+1 415 555 0134"),
                           "profilePhone")
        self.email = named(QLineEdit(profile.email), "profileEmail")
        self.signature = named(QPlainTextEdit(profile.signature), "profileSignature")
        self.signature.setTabChangesFocus(True)
        self.signature.setPlaceholderText("Name\nPhone\nEmail (the phone is added if missing)")
        self.signature.setFixedHeight(80)
        self.skills = named(QLineEdit(", ".join(profile.skills),
                                      placeholderText="Python, PostgreSQL, React, mentoring"),
                            "profileSkills")
        self.links = named(QPlainTextEdit(links_to_text(profile.links)), "profileLinks")
        self.links.setTabChangesFocus(True)
        self.links.setPlaceholderText(LINK_HELP)
        self.links.setFixedHeight(80)
        self.target = named(QDoubleSpinBox(minimum=0, maximum=23.5,
                                           singleStep=1, decimals=1, suffix=" h"), "profileTarget")
        self.target.setSpecialValueText("no earlier target (24 h)")
        self.target.setValue(profile.target_hours or 0)
        self.spelling = spelling_choice(spelling_language(library))
        form = QFormLayout()
        form.addRow("Full &name:", self.name)
        form.addRow("&Phone:", self.phone)
        form.addRow("&Email:", self.email)
        form.addRow("&Signature:", self.signature)
        form.addRow("S&kills:", self.skills)
        form.addRow("&Writing to share:", self.links)
        form.addRow("Aim to send &within:", self.target)
        form.addRow("Spe&lling:", self.spelling)
        layout = QVBoxLayout(self)
        if reason:
            intro = named(QLabel(reason, wordWrap=True), "profileReason")
            layout.addWidget(intro)
        layout.addLayout(form)
        self.error = named(QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText), "dialogError")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            values: dict[str, Any] = dict(  # the profile's fields, as update_profile takes them
                name=self.name.text(), phone=self.phone.text(), email=self.email.text(),
                signature=self.signature.toPlainText().strip(),
                skills=self.skills.text().split(","),
                links=text_to_links(self.links.toPlainText()),
                target_hours=self.target.value() or None)
            # Drafts the user has not touched follow the new name, phone and signature at once.
            try:
                update_profile(self.library, **values)
            except PhoneChoice as choice:
                signature = self.ask_which_number(choice, values["signature"])
                if signature is None:
                    return  # cancelled: the dialog stays open, nothing saved
                update_profile(self.library, rewrite_signature=False,
                               **{**values, "signature": signature})
        except ValueError as exc:  # a link line not read, or a value the library does not keep
            self.error.setText(str(exc))
            self.error.show()
            return
        language = self.spelling.currentData()
        if language != spelling_language(self.library):
            set_spelling_language(self.library, language)
        super().accept()

    def ask_which_number(self, choice, signature: str) -> str | None:
        """The signature holds several numbers, none the old phone: ask which one the new
        phone replaces. The signature to save, or None when the user cancels."""
        box = QMessageBox(QMessageBox.Icon.Question, "Which number changes?",
                          f"Your signature holds {len(choice.numbers)} phone numbers. Which "
                          f"one is your phone, to become {choice.new}?", parent=self)
        box.setObjectName("phoneChoice")
        replace: dict[QAbstractButton, str] = {
            box.addButton(f"Replace {number}", QMessageBox.ButtonRole.AcceptRole): number
            for number in choice.numbers}
        keep = box.addButton("Keep the signature as it is", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked in replace:
            return replace_number(signature, replace[clicked], choice.new)
        return signature if clicked is keep else None


def spelling_choice(current: str | None) -> QComboBox:
    """The Englishes to check spelling in: those whose dictionary is on this system (all of
    them with the fallback word list, which has one English), `current` (None: the locale's)
    selected."""
    try:
        installed = spelling.available_languages() or list(spelling.LANGUAGES)
    except (ImportError, OSError):  # no Enchant: the fallback has one English for all
        installed = list(spelling.LANGUAGES)
    current = current or spelling.default_language()
    box = named(QComboBox(), "profileSpelling")
    for tag in dict.fromkeys([*installed, current]):
        box.addItem(f"{spelling.LANGUAGE_NAMES.get(tag, tag)} ({tag})", tag)
    box.setCurrentIndex(box.findData(current))
    return box
