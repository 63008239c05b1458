"""The window keeps its small promises: an empty library's welcome page, reopening on the person
the user was on (after a crash too), the To: line, View › Theme remembered, Help › About,
and the account dialog keeping a typed port."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from followup.gui.app import make_application, open_window

SHOTS = os.environ.get("FOLLOWUP_SHOTS")  # a folder: save what the user sees, to look at


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def opened(qtbot, folder, demo=False):
    make_application()
    window = open_window(folder, demo=demo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    # Menus, store and send-status list, just after the frame (`MainWindow.finish_opening`).
    qtbot.waitUntil(lambda: window.findChild(QWidget, "statusList") is not None, timeout=10000)
    return window


def crash(window) -> None:
    """Leave without closeEvent: nothing saved at exit."""
    window.library.close()
    window.library_lock.release()
    window.hide()


def test_an_empty_library_shows_the_welcome_page(qtbot, data_dir, monkeypatch):
    window = opened(qtbot, data_dir)
    ws = window.workspace
    assert ws.welcome.isVisible() and not ws.splitter.isVisible()
    assert window.windowTitle() == "Followup"  # nothing due in a new library
    started = []
    monkeypatch.setattr("PySide6.QtCore.QProcess.startDetached",
                        lambda program, arguments: started.append(arguments) or True)
    ws.findChild(object, "welcomeSample").click()
    assert started and started[0][-1] == "--demo"  # a separate, temporary library
    assert window.library.list_meetings() == []
    shot(window, "welcome")
    crash(window)


def test_reopens_on_the_meeting_and_person_after_a_crash(qtbot, data_dir):
    window = opened(qtbot, data_dir, demo=True)
    meetings = window.library.list_meetings()
    older = meetings[-1].id
    window.open_followup(older, window.library.meeting(older).attendees[0].attendance_id)
    window.workspace.select_row(0)  # general notes of the older meeting
    person = window.library.meeting(meetings[0].id).attendees[2].attendance_id
    window.sidebar.select(meetings[0].id)
    window.workspace.select_person(person)
    from followup.gui.main_window import PLACE_DELAY_MS

    qtbot.wait(PLACE_DELAY_MS + 300)  # typing a word or two; no clean exit follows
    crash(window)
    again = opened(qtbot, data_dir)
    assert again.workspace.meeting.id == meetings[0].id
    assert again.workspace.people.currentItem().data(Qt.ItemDataRole.UserRole) == person
    crash(again)


def test_the_to_line_says_whether_the_address_is_confirmed(qtbot, data_dir):
    window = opened(qtbot, data_dir, demo=True)
    window.toggle_followups()
    panel = window.workspace.followups
    names = [a.name for a in window.workspace.meeting.attendees]
    window.workspace.select_row(names.index("Tom Becker") + 1)
    assert "no email address yet" in panel.to_label.text()
    assert panel.card_button.isVisible()
    window.workspace.select_row(names.index("Dana Okafor") + 1)
    window.library.update_person(panel.view.person_id, email_is_guess=True)
    panel.refresh_view()
    assert "guessed, not confirmed" in panel.to_label.text() and panel.card_button.isVisible()
    shot(panel, "to-line")
    window.library.update_person(panel.view.person_id, email_is_guess=False)
    panel.refresh_view()
    assert "✔" in panel.to_label.text() and not panel.card_button.isVisible()
    crash(window)


def test_switching_person_never_changes_the_windows_minimum_size(qtbot, data_dir):
    """Addresses of every length: the To: line wraps inside the panel; the window's minimum
    (what the window manager is told) stays as it was, and the whole address is on the line."""
    window = opened(qtbot, data_dir, demo=True)
    window.toggle_followups()
    panel = window.workspace.followups
    attendees = window.workspace.meeting.attendees
    addresses = ["a@b.io", "bartholomew.konstantinopoulos-vanderbilt@research.example.com",
                 "ximena.o'sullivan+interviews@mail.xn--80ak6aa92e.example"]
    for attendee, address in zip(attendees, addresses, strict=False):
        window.library.update_person(attendee.person_id, email=address, email_is_guess=False)
    widths = []
    for _ in range(3):
        for row, address in enumerate(addresses, start=1):
            window.workspace.select_row(row)
            panel.refresh_view()
            qtbot.wait(10)
            widths.append(window.minimumSizeHint().width())
            shown = panel.to_label.text().replace("\u200b", "")
            assert f"&lt;{escape(address)}&gt;" in shown
            assert panel.to_label.toolTip().endswith(f"<{address}>")
            assert panel.to_label.width() <= panel.width()
    assert len(set(widths[len(addresses):])) == 1, widths  # once the pane has been laid out
    shot(panel, "to-line-long-address")
    crash(window)


def test_theme_is_remembered(qtbot, data_dir):
    from followup.gui import theme

    window = opened(qtbot, data_dir, demo=True)
    window.findChild(object, "themeDarkAction").trigger()
    assert theme.is_dark()
    shot(window, "dark")
    crash(window)
    theme.set_theme(make_application(), "system")
    again = opened(qtbot, data_dir)
    assert again.findChild(object, "themeDarkAction").isChecked() and theme.is_dark()
    again.findChild(object, "themeLightAction").trigger()
    assert not theme.is_dark()
    crash(again)
    theme.set_theme(make_application(), "system")


def test_about_names_the_version_and_the_data_folder(qtbot, data_dir, monkeypatch):
    from followup import __version__

    window = opened(qtbot, data_dir)
    texts = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()))
    window.findChild(object, "aboutAction").trigger()
    assert __version__ in texts[0] and str(data_dir) in texts[0]
    assert "deadlines.md" in texts[0]
    crash(window)


def test_account_dialog_keeps_a_typed_port(qtbot, data_dir):
    from followup.gui.send_ui import AccountDialog

    window = opened(qtbot, data_dir)
    dialog = AccountDialog(window.library, window)
    dialog.port.setValue(2525)
    dialog.security.setCurrentIndex(1)  # SSL/TLS
    assert dialog.port.value() == 2525
    dialog.port.setValue(587)
    dialog.security.setCurrentIndex(1)
    dialog.security.setCurrentIndex(0)
    dialog.security.setCurrentIndex(1)
    assert dialog.port.value() == 465  # an untouched default follows the mode
    dialog.deleteLater()
    crash(window)


def test_one_clock_format_from_the_locale(qtbot, data_dir):
    from datetime import datetime

    from PySide6.QtCore import QLocale

    from followup.core.deadlines import format_local, use_clock_format
    from followup.gui.formatting import clock_time, short_datetime

    at = datetime(2030, 3, 4, 16, 5).astimezone()  # 16:05 local time
    previous = QLocale()
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    try:
        window = opened(qtbot, data_dir, demo=True)  # installs the locale's clock
        for locale, parts in ((uk, ("16:05",)), (us, ("4:05", "PM"))):
            QLocale.setDefault(locale)
            # The same format in the meeting header, the countdown, reminders and lists.
            shown = {clock_time(at), format_local(at, now=at), short_datetime(at).split(", ")[1]}
            assert len(shown) == 1, shown
            text = shown.pop()
            assert all(part in text for part in parts), text
        crash(window)
    finally:
        QLocale.setDefault(previous)
        use_clock_format(None)


def test_the_meeting_list_elides_a_long_title_never_the_count(qtbot, data_dir):
    window = opened(qtbot, data_dir, demo=True)
    meeting = window.library.list_meetings()[0]
    window.library.edit_meeting_row(meeting.id, {"role": "Senior Staff Principal Backend Platform "
                                    "Infrastructure Engineer, Payments and Ledger"}, False, False)
    window.sidebar.refresh()
    meetings = window.sidebar.list
    assert not meetings.wordWrap() and meetings.textElideMode() == Qt.TextElideMode.ElideRight
    width = meetings.viewport().width()
    metrics = meetings.fontMetrics()
    title, details = meetings.model().index(0).data().split("\n")
    assert metrics.horizontalAdvance(title) > width  # too long: it is cut…
    shown = metrics.elidedText(details, Qt.TextElideMode.ElideRight, width - 12)
    assert shown.startswith("0 of 4 sent")  # …but the count is always whole
    assert "Payments and Ledger" in meetings.model().index(0).data(Qt.ItemDataRole.ToolTipRole)
    crash(window)


def test_one_flush_writes_the_notes_and_the_draft(qtbot, data_dir):
    """The note buffer owns unsaved text: the workspace and the panel share it, so the window
    needs a single call, and nothing typed in either place is left behind."""
    from followup.store import followups as fu

    window = opened(qtbot, data_dir, demo=True)
    window.toggle_followups()
    ws, panel = window.workspace, window.workspace.followups
    assert panel.notes is ws.notes is window.notes
    ws.select_row(3)
    person = ws.people.currentItem().data(Qt.ItemDataRole.UserRole)  # attendance id
    ws.editor.moveCursor(ws.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(ws.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(ws.editor, "! loves pairing")
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.body, "PS: the pairing story")
    assert not window.library.notes(person).endswith("! loves pairing")  # not saved yet
    window.notes.flush()  # at once, before any autosave timer
    assert window.library.notes(person).endswith("! loves pairing")
    assert fu.followup_view(window.library, panel.view.id).body.endswith("PS: the pairing story")
    # Nothing typed is left unsaved: the library holds what the two editors hold.
    assert window.library.notes(person) == window.notes.text(person)
    assert fu.followup_view(window.library, panel.view.id).body == panel.body.toPlainText()
    # The panel reads the person's notes from the same buffer, saved or not.
    qtbot.keyClicks(ws.editor, " and code review")
    assert window.notes.text(person).endswith("and code review")
    crash(window)


def test_a_meeting_imported_from_the_past_counts_in_the_title_at_once(window, tmp_path, qtbot):
    """No minute's wait: an invite for a meeting that ended two hours ago is due at once."""
    from datetime import UTC, datetime, timedelta

    start = datetime.now(UTC) - timedelta(hours=3)
    stamp = "%Y%m%dT%H%M%SZ"
    invite = tmp_path / "past.ics"
    invite.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:past-1@example.com\r\n"
        f"DTSTAMP:{start.strftime(stamp)}\r\nDTSTART:{start.strftime(stamp)}\r\n"
        f"DTEND:{(start + timedelta(hours=1)).strftime(stamp)}\r\n"
        "SUMMARY:Interview with Kettle\r\n"
        "ORGANIZER;CN=Aoife Byrne:mailto:aoife@kettle-co.example\r\n"
        "ATTENDEE;CN=Aoife Byrne:mailto:aoife@kettle-co.example\r\n"
        "ATTENDEE;CN=Sam Lee:mailto:sam@kettle-co.example\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    before = window.windowTitle()
    window.files.import_file(str(invite))
    assert window.windowTitle() != before
    assert "due" in window.windowTitle()
