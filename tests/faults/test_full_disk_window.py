"""In the window: notes typed when the disk is full stay in the editor, the banner says the disk
is full, and they are saved once space is free."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec


@pytest.fixture
def window_on_small_disk(small_disk, qtbot):
    if not small_disk.mounted:
        pytest.skip("needs a real small file system (a tmpfs mount, as root): a file size "
                    "limit would also stop the test runner's own writes. The same cases run "
                    "in child processes in test_full_disk.py.")
    from followup.gui.app import make_application, open_window

    library = Library(library_path(small_disk.folder))
    library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Jane Doe")]))
    library.close()
    make_application()
    window = open_window(small_disk.folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(1)
    window.workspace.select_row(1)
    yield window, small_disk
    small_disk.free()
    window._quitting = True  # close for good, not to the tray
    window.close()
    window.library.close()
    window.library_lock.release()
    # Its timers must not outlive the file system the fixture unmounts.
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_typing_on_a_full_disk_keeps_the_text_and_says_why(window_on_small_disk, qtbot):
    window, disk = window_on_small_disk
    editor = window.workspace.editor
    editor.insertPlainText("! saved before the disk filled\n")
    window.workspace.notes.flush()
    attendance = window.workspace.meeting.attendees[0].attendance_id
    assert window.library.notes(attendance).startswith("! saved before")
    disk.fill(0)
    editor.insertPlainText("+ typed on a full disk " + "x" * 90_000 + "\n")  # within the limit
    window.workspace.notes.flush()
    banner = " ".join(label.text() for label in window.banner.findChildren(QLabel))
    assert window.banner.isVisible() and "The disk holding" in banner, banner
    assert "malformed" not in banner and "damaged" not in banner
    assert "typed on a full disk" in editor.toPlainText()
    disk.free()
    qtbot.waitUntil(lambda: "typed on a full disk" in window.library.notes(attendance),
                    timeout=10_000)


def test_a_draft_edited_on_a_full_disk_stays_and_is_saved_later(window_on_small_disk, qtbot):
    from followup.store import followups as fu

    window, disk = window_on_small_disk
    window.workspace.editor.insertPlainText("! the Kafka rewrite\n")
    window.workspace.notes.flush()
    window.library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
    window.library.end_meeting(1)
    window.toggle_followups()
    panel = window.workspace.followups
    qtbot.waitUntil(lambda: panel.view is not None, timeout=5_000)
    disk.fill(0)
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    panel.body.insertPlainText("\nTyped on a full disk. " + "y" * 60_000)
    panel.flush()  # refused by the disk: no traceback, the banner says so, the text stays
    banner = " ".join(label.text() for label in window.banner.findChildren(QLabel))
    assert window.banner.isVisible() and "not saved yet" in banner, banner
    assert "Typed on a full disk" in panel.body.toPlainText()
    disk.free()
    qtbot.waitUntil(lambda: "Typed on a full disk" in fu.followup_view(
        window.library, panel.view.id).body, timeout=10_000)
