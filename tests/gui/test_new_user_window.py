"""What a new user meets in the window, on the real window offscreen: no mail app, a person
without an address, after the meeting ends, a 1366x768 screen, the dark theme, a keyring that
refuses, the words."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked
from PySide6.QtCore import QObject, QRect, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from followup.core.status import Status
from followup.gui.hub import SendRoute
from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec


def _view_of(window, name: str):
    return next(v for v in fu.followups_for_meeting(window.library, 1)
                if v.person_name == name)


class Seen:
    """What a message box showed and what answered it."""

    def __init__(self, box: QMessageBox):
        self.name, self.text = box.objectName(), box.text()
        default = box.defaultButton()
        self.default = default.text().replace("&", "") if default else ""
        self.clicked = ""


def _answer_boxes(monkeypatch, answer):
    """Every QMessageBox is shown for real, answered by `answer(box)`, noted, and closed."""
    seen: list[Seen] = []

    def exec_(box):
        noted = Seen(box)
        seen.append(noted)
        box.show()
        answer(box)
        clicked = box.clickedButton()
        noted.clicked = clicked.text().replace("&", "") if clicked else ""
        box.close()
        box.deleteLater()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def _press_enter(box: QMessageBox) -> None:
    QTest.keyClick(box, Qt.Key.Key_Return)


def _click(text: str):
    """Click the button labelled `text`; in a box without one, press Enter."""
    def answer(box: QMessageBox) -> None:
        button = next((b for b in box.buttons() if b.text().replace("&", "") == text), None)
        if button is None:
            _press_enter(box)
        else:
            button.click()
    return answer


# --- "Open in mail app" with no mail app ---------------------------------------------------


def test_no_mail_app_says_so_and_offers_eml_and_copy(window, monkeypatch):
    """The offscreen platform opens no mailto link (QDesktopServices.openUrl is False), as a
    desktop with no mail program: Followup says so, asks nothing about sending, and the copy
    it offers works."""
    fu.ensure_drafts(window.library, 1)
    view = _view_of(window, "Priya Natarajan")
    boxes = _answer_boxes(monkeypatch, _click("Copy subject and note"))
    window._on_route(SendRoute.MAIL_APP, view.id)
    assert [b.name for b in boxes] == ["noMailAppBox", "markSentQuestion"]
    assert "could not open a mail app" in boxes[0].text and "Nothing was sent" in boxes[0].text
    assert boxes[0].default == "Close" and boxes[1].default == "Not yet"
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text().startswith(f"Subject: {view.subject}")
    assert "<b>Subject:</b>" in clipboard.mimeData().html()
    from followup.gui.send_ui import release_clipboard

    release_clipboard()  # what the app does on its way out: plain text, made by Qt
    assert clipboard.text().startswith(f"Subject: {view.subject}")
    assert not clipboard.mimeData().property("followupCopy")
    assert fu.followup_view(window.library, view.id).status is Status.DRAFT


def test_enter_in_the_no_mail_app_box_does_nothing_more(window, monkeypatch):
    fu.ensure_drafts(window.library, 1)
    view = _view_of(window, "Priya Natarajan")
    boxes = _answer_boxes(monkeypatch, _press_enter)
    window._on_route(SendRoute.MAIL_APP, view.id)
    assert [b.name for b in boxes] == ["noMailAppBox"]
    assert fu.followup_view(window.library, view.id).status is Status.DRAFT


class _MailApp(QObject):
    """A mail program as Qt sees one: the handler of mailto links."""

    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_enter_never_records_a_send_after_the_mail_app_opened(window, monkeypatch):
    fu.ensure_drafts(window.library, 1)
    view = _view_of(window, "Priya Natarajan")
    app = _MailApp()
    QDesktopServices.setUrlHandler("mailto", app, "open")
    try:
        boxes = _answer_boxes(monkeypatch, _press_enter)
        window._on_route(SendRoute.MAIL_APP, view.id)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert app.opened and app.opened[0].startswith("mailto:")
    [question] = boxes
    assert question.name == "markSentQuestion" and question.clicked == "Not yet"
    assert fu.followup_view(window.library, view.id).status is Status.DRAFT
    # Only Mark as sent itself records it.
    _answer_boxes(monkeypatch, _click("Mark as sent"))
    QDesktopServices.setUrlHandler("mailto", app, "open")
    try:
        window._on_route(SendRoute.MAIL_APP, view.id)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert fu.followup_view(window.library, view.id).status is Status.SENT


def test_mark_sent_by_hand_with_gaps_answers_no_to_enter(window, monkeypatch, qtbot):
    """"Record it as sent anyway?" has No as its default button."""
    asked = []

    def question(*args):
        asked.append(args[4] if len(args) > 4 else None)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.toggle_followups()
    panel = window.workspace.followups
    window.workspace.select_person(_view_of(window, "Priya Natarajan").attendance_id)
    panel.body.setPlainText("Hi Priya,\n\n[a point from the meeting]\n")
    panel.mark_sent()
    assert asked == [QMessageBox.StandardButton.No]


# --- a person without an address -------------------------------------------------------------


def test_eml_without_an_address_has_no_to_line(window, monkeypatch, tmp_path):
    fu.ensure_drafts(window.library, 1)
    view = _view_of(window, "Tom Becker")
    assert not view.person_email
    target = tmp_path / "tom.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    boxes = _answer_boxes(monkeypatch, _press_enter)
    window._on_route(SendRoute.EML, view.id)
    message = message_from_bytes(target.read_bytes())
    assert message["To"] is None and message["Subject"] == view.subject
    assert message["X-Unsent"] == "1"
    assert [b.name for b in boxes] == ["markSentQuestion"]  # Enter: not yet
    assert fu.followup_view(window.library, view.id).status is Status.DRAFT


def test_a_person_without_an_address_is_not_ready_in_the_status_list(window, qtbot):
    fu.ensure_drafts(window.library, 1)
    window.show_status_list()
    model = window.status_list.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    tom, priya = names.index("Tom Becker"), names.index("Priya Natarajan")
    qtbot.waitUntil(lambda: not model.data(model.index(tom, 7)).startswith("…")
                    and not model.data(model.index(priya, 7)).startswith("…"), timeout=20000)
    assert model.data(model.index(tom, 7)).endswith("no address")
    assert "no email address" in model.data(model.index(tom, 7), Qt.ItemDataRole.ToolTipRole)
    assert "no address" not in model.data(model.index(priya, 7))


# --- after the meeting ends ------------------------------------------------------------------


def _new_meeting(window) -> int:
    meeting_id = window.library.create_meeting(MeetingInput(
        company="Northwind", role="Data Engineer",
        started_at=datetime.now(UTC) - timedelta(minutes=50),
        people=[PersonSpec("Ana Lima", "Engineering Manager", "ana@northwind.example"),
                PersonSpec("Ben Ode", "Recruiting Coordinator", "ben@northwind.example",
                           capacity="coordinator")]))
    window.sidebar.refresh()
    window.sidebar.select(meeting_id)
    return meeting_id


def test_ending_the_meeting_opens_the_drafts_with_countdowns(window, qtbot, data_dir):
    _new_meeting(window)
    people = window.workspace.people
    assert "left" not in people.item(1).text()  # not over yet: no countdown
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.followups_visible() and window.followups_action.isChecked()
    assert "beside the notes" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "left" in people.item(1).text(), timeout=3000)  # the next tick
    lines = people.item(1).text().split("\n")
    assert lines[0] == "1. Ana Lima" and lines[-1].startswith("● ")
    assert lines[-1] in ("● 24 h 00 min left", "● 23 h 59 min left")
    # Recruiting Coordinator: the title says it, no "· coordinator" after it.
    assert people.item(2).text().split("\n")[1] == "Recruiting Coordinator"
    assert window.settings.value("view/followups") in (True, "true")


def test_the_drafts_pane_is_shown_again_after_a_restart(window, qtbot, data_dir):
    from followup.gui.app import open_window

    window.toggle_followups()
    assert window.workspace.followups_visible()
    window.close()
    window.library.close()
    window.library_lock.release()
    again = open_window(data_dir)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.findChild(QWidget, "statusList") is not None, timeout=10000)
    assert again.workspace.followups_visible() and again.followups_action.isChecked()
    again.toggle_followups()
    again.close()
    again.library.close()
    again.library_lock.release()
    third = open_window(data_dir)
    qtbot.addWidget(third)
    third.show()
    qtbot.waitUntil(lambda: third.findChild(QWidget, "statusList") is not None, timeout=10000)
    assert not third.workspace.followups_visible()
    third.close()
    third.library.close()
    third.library_lock.release()
    # the fixture's own teardown closes `window` again: harmless
    window.library_lock.acquire()


# --- a 1366x768 screen -----------------------------------------------------------------------


@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 740),
                                       QRect(0, 27, 1366, 741), QRect(0, 0, 1920, 1080)])
def test_the_first_window_fits_the_screen(available):
    from followup.gui.main_window import FRAME_ALLOWANCE, default_geometry

    place = default_geometry(available)
    assert available.contains(place)
    # Room for a title bar and borders: a window manager places the frame where asked and
    # the window below its title bar (openbox at 1366x768: a 20-pixel title bar).
    assert place.top() - available.top() + available.bottom() - place.bottom() >= (
        FRAME_ALLOWANCE[1])
    assert place.left() - available.left() + available.right() - place.right() >= (
        FRAME_ALLOWANCE[0])


def test_at_1366x768_the_status_bar_and_to_fix_are_on_screen(window, qtbot):
    from followup.gui.main_window import default_geometry

    window.setGeometry(default_geometry(QRect(0, 0, 1366, 768)))
    qtbot.wait(50)
    assert window.height() <= 720 and window.width() <= 1350
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height()
    window.show_status_list()
    table = window.status_list.table
    header = table.horizontalHeader()
    last = header.sectionViewportPosition(7) + header.sectionSize(7)
    assert last <= table.viewport().width(), (last, table.viewport().width())


# --- the dark theme --------------------------------------------------------------------------


AA_CONTRAST = 4.5  # WCAG 2.1 success criterion 1.4.3 (AA), for text of normal size


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """The WCAG 2.1 contrast ratio of two colours, 1 to 21: (L1 + 0.05) / (L2 + 0.05) over
    their relative luminances, the lighter one first. Source: WCAG 2.1, "contrast ratio" and
    "relative luminance" in its glossary."""
    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                + 0.0722 * linear(colour.blueF()))

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _marker_contrast(window, line: int) -> float:
    editor = window.workspace.editor
    block = editor.document().findBlockByNumber(line)
    ranges = block.layout().formats()  # what the highlighter set, as painted
    colour = QColor(ranges[0].format.foreground().color())
    background = editor.viewport().palette().color(editor.viewport().backgroundRole())
    return contrast_ratio(colour, background)


def test_question_and_contribution_lines_pass_wcag_aa_after_a_theme_switch(window, qtbot):
    from followup.gui import theme

    editor = window.workspace.editor
    editor.setPlainText("! key point\n? a question\n+ something to bring")
    qtbot.wait(20)
    try:
        for name in ("dark", "light", "dark"):
            window.findChild(object, f"theme{name.capitalize()}Action").trigger()
            qtbot.wait(20)
            assert theme.is_dark() is (name == "dark")
            for line in range(3):
                assert _marker_contrast(window, line) >= AA_CONTRAST, (name, line)
        # A note shown after the switch (another person) is in the new colours too.
        window.workspace.select_row(2)
        editor.setPlainText("? what next")
        qtbot.wait(20)  # the highlighter's pass after a whole new text comes queued
        assert _marker_contrast(window, 0) >= AA_CONTRAST
    finally:
        theme.set_theme(QApplication.instance(), "system")


def test_contrast_ratio_is_wcag_s():
    assert contrast_ratio(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


# --- a keyring that is there but refuses ----------------------------------------------------


class LockedKeyring(KeyringBackend):
    """A keyring backend that is present but locked, as the Secret Service says "Failed to
    unlock the collection"."""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend, set explicitly")

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")


class MemoryKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend, set explicitly")

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def keyring_backend():
    from followup.gui import send_ui

    previous = keyring.get_keyring()
    send_ui.passwords.cache_clear()  # a new session's password store

    def use(backend):
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)
    send_ui.passwords.cache_clear()


def _fill_account(dialog) -> None:
    dialog.host.setText("smtp.example.com")
    dialog.user.setText("sam")
    dialog.sender_address.setText("sam@example.com")
    dialog.password.setText("Pa55-word")


def test_a_locked_keyring_is_said_and_remember_unticked(window, qtbot, monkeypatch,
                                                        keyring_backend):
    from followup.gui.send_ui import AccountDialog, passwords
    from followup.sending.delivery import secret_key

    keyring_backend(LockedKeyring())
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warnings.append(a[1:3]))
    dialog = AccountDialog(window.library, window)
    qtbot.addWidget(dialog)
    assert dialog.remember.isChecked()  # nothing says it is locked until it refuses
    _fill_account(dialog)
    dialog.accept()
    assert QDialog.result(dialog) == QDialog.DialogCode.Accepted
    [(title, text)] = warnings
    assert title == "Password not remembered" and "session only" in text
    assert not dialog.remember.isChecked() and not dialog.remember.isEnabled()
    assert "refused" in dialog.remember.text()
    account = dialog.account()
    assert passwords().load(secret_key(account)) == "Pa55-word"  # for this session
    again = AccountDialog(window.library, window)
    qtbot.addWidget(again)
    assert not again.remember.isChecked() and "refused" in again.remember.text()
    assert again.password.text() == ""
    assert "held for this session only" in again.password.placeholderText()


def test_a_saved_password_shows_in_the_empty_field(window, qtbot, keyring_backend):
    from followup.gui.send_ui import AccountDialog

    backend = keyring_backend(MemoryKeyring())
    dialog = AccountDialog(window.library, window)
    qtbot.addWidget(dialog)
    assert "kept in the system keyring" in dialog.password.placeholderText()
    _fill_account(dialog)
    dialog.accept()
    assert list(backend.passwords.values()) == ["Pa55-word"]
    again = AccountDialog(window.library, window)
    qtbot.addWidget(again)
    assert again.remember.isChecked()
    assert "saved in the keyring" in again.password.placeholderText()


# --- words -----------------------------------------------------------------------------------


def test_import_counts_are_in_the_right_number():
    from followup.gui.transfers import import_summary

    assert import_summary({"meetings": [1], "people": [4]}, "a.ics") == (
        "Imported 1 meeting, 1 person from a.ics")
    assert import_summary({"meetings": [1, 2], "people": [4, 5, 6],
                           "skipped_meetings": [3]}, "b.json") == (
        "Imported 2 meetings, 3 people (1 meeting was already there) from b.json")
    assert import_summary({"meetings": [], "people": [], "updated": [7]}, "c.vcf") == (
        "Imported 1 card updated from c.vcf")
    assert import_summary({"meetings": []}, "d.vcf") == "Imported nothing new from d.vcf"


def test_a_failed_send_is_titled_in_its_number():
    from followup.gui.send_ui import failed_title

    assert failed_title(1, 1) == "The follow-up was not sent"
    assert failed_title(2, 2) == "None of the 2 follow-ups was sent"
    assert failed_title(1, 3) == "1 of 3 follow-ups was not sent"
    assert failed_title(2, 3) == "2 of 3 follow-ups were not sent"


def test_a_meeting_of_one_person_says_1_person():
    from followup.gui.sidebar import summary_text
    from followup.store.views import MeetingSummary

    summary = MeetingSummary(id=1, company="Acme", role="", kind="coffee_chat", when=None,
                             people=1, sent=0, to_send=0)
    assert "1 person ·" in summary_text(summary)


def test_the_window_class_is_followup_not_the_program_file(tmp_path):
    """A new application gets `-name followup`: on X11 the WM_CLASS instance, which the
    desktop file's StartupWMClass names."""
    code = ("from followup.gui.app import make_application\n"
            "app = make_application(['/x/followup/__main__.py'], icon=False)\n"
            "print(app.arguments()[-2:], app.applicationName(), app.desktopFileName())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.split("\n")[0] == "['-name', 'followup'] Followup io.github.followup.Followup"


# --- the People view -------------------------------------------------------------------------

PHONE_CARD = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Nguyễn Thị Mai\r
N:Nguyễn;Mai;Thị;;\r
EMAIL;TYPE=WORK:mai.nguyen@lotus.example\r
TEL;TYPE=CELL:+84 90 123 4567\r
ORG:Lotus Data\r
TITLE:Staff Data Engineer\r
END:VCARD\r
"""


def test_people_view_lists_a_person_in_no_meeting(window, qtbot, tmp_path):
    card = tmp_path / "mai.vcf"
    card.write_text(PHONE_CARD, encoding="utf-8")
    window.files.import_file(str(card))
    assert window.statusBar().currentMessage() == "Imported 1 person from mai.vcf"
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    view = window.people_view
    assert window.stack.currentWidget() is view and view.filter.hasFocus()
    names = [view.list.item(r).text().split("\n")[0] for r in range(view.list.count())]
    assert "Nguyễn Thị Mai" in names and "Tom Becker" in names
    assert view.summary.text() == f"{len(names)} people"
    qtbot.keyClicks(view.filter, "nguyen")  # no accents typed
    assert view.list.count() == 1
    assert view.list.item(0).text().split("\n")[1] == (
        "Staff Data Engineer · Lotus Data · in no meeting")
    card_text = view.card.text()
    assert "mai.nguyen@lotus.example" in card_text and "+84 90 123 4567" in card_text
    assert view.meetings.count() == 0 and "none yet" in view.meetings_label.text()
    assert view.summary.text().startswith("1 of ")


def test_people_view_opens_a_meeting_on_the_person(window, qtbot):
    fu.ensure_drafts(window.library, 1)
    window.show_people()
    view = window.people_view
    qtbot.keyClicks(view.filter, "tom becker")
    assert view.list.count() == 1
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)  # Enter in the filter goes to the list
    assert view.list.hasFocus()
    assert "<b>Email:</b> none yet" in view.card.text()
    [line] = [view.meetings.item(r).text() for r in range(view.meetings.count())]
    assert "follow-up: draft" in line
    view.meetings.setCurrentRow(0)
    view.meetings.setFocus()
    qtbot.keyClick(view.meetings, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.editor_label.text().startswith("Notes on Tom Becker")


def test_mark_sent_by_hand_takes_a_click_not_enter(window, qtbot):
    from followup.gui.followup_panel import MarkSentDialog

    dialog = MarkSentDialog("Priya Natarajan", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.channel.setCurrentText("phone")
    for widget in (dialog.channel, dialog.mark_button):
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)
        assert dialog.isVisible() and QDialog.result(dialog) != QDialog.DialogCode.Accepted
    dialog.mark_button.click()
    assert QDialog.result(dialog) == QDialog.DialogCode.Accepted
    assert dialog.channel.currentText() == "phone"


def test_a_meeting_over_by_its_schedule_shows_countdowns_within_a_minute(window, qtbot):
    now = datetime.now(UTC)
    meeting_id = window.library.create_meeting(MeetingInput(
        company="Contoso", scheduled_start=now - timedelta(hours=1),
        scheduled_end=now + timedelta(seconds=1), people=[PersonSpec("Ida Berg")]))
    window.sidebar.refresh()
    window.sidebar.select(meeting_id)
    window.workspace.tick(now)
    assert window.workspace.people.item(1).text() == "1. Ida Berg\nInterviewer"
    later = now + timedelta(minutes=2)
    fu.open_ended_followups(window.library, later)  # what the reminders' timer does
    window.workspace.tick(later)
    assert window.workspace.people.item(1).text().split("\n")[-1] == "● 23 h 59 min left"
