"""The profile dialog, offscreen: a new phone changes the number in the signature, and when
the signature holds several numbers, none the old phone, the dialog asks which one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from followup.gui.profile_dialog import ProfileDialog

NEW = "+1 628 555 0177"


def save_with_phone(qtbot, library, phone: str) -> ProfileDialog:
    dialog = ProfileDialog(library)
    qtbot.addWidget(dialog)
    dialog.phone.setText(phone)
    dialog.accept()
    return dialog


def test_the_signature_follows_the_new_phone(qtbot, library):
    library.save_profile(name="Sam Rivera", phone="(415) 555-0199",
                         signature="Sam Rivera\n+1 415 555 0199 · linkedin.com/in/samrivera")
    dialog = save_with_phone(qtbot, library, NEW)
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    assert library.profile().signature == f"Sam Rivera\n{NEW} · linkedin.com/in/samrivera"


@pytest.mark.parametrize(("answer", "signature"), [
    ("Replace +1 415 555 0122", f"Sam\nmobile +1 415 555 0111\noffice {NEW}"),
    ("Keep the signature as it is", "Sam\nmobile +1 415 555 0111\noffice +1 415 555 0122"),
    ("Cancel", None),
])
def test_several_numbers_ask_which_one(qtbot, library, monkeypatch, answer, signature):
    before = "Sam\nmobile +1 415 555 0111\noffice +1 415 555 0122"
    library.save_profile(name="Sam", phone="", signature=before)
    asked = []

    def click(box):
        asked.append((box.objectName(), box.text(), [b.text() for b in box.buttons()]))
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    dialog = save_with_phone(qtbot, library, NEW)
    name, text, buttons = asked[0]
    assert name == "phoneChoice" and NEW in text
    assert "Replace +1 415 555 0111" in buttons and "Replace +1 415 555 0122" in buttons
    if signature is None:  # cancelled: nothing saved, the dialog stays open
        assert dialog.result() != ProfileDialog.DialogCode.Accepted
        assert library.profile().phone == "" and library.profile().signature == before
    else:
        assert library.profile().phone == NEW and library.profile().signature == signature
