"""The window on a library on a read-only mount, offscreen: it opens read-only with a banner
that says why, shows the notes and drafts, refuses every change, and writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QAction

from followup.gui.actions import writing_actions
from followup.paths import library_path
from followup.store import followups as fu
from followup.store.library import Library, MeetingInput, PersonSpec
from tests.read_only_place import read_only_place, tree


@pytest.fixture
def read_only_window(tmp_path, qtbot):
    with read_only_place(tmp_path) as place:
        library = Library(library_path(place.folder))
        library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
        meeting = library.create_meeting(MeetingInput(
            company="Acme", role="Data Engineer",
            ended_at=datetime.now(UTC) - timedelta(hours=3), people=[
                PersonSpec("Ada Byron", "Engineering Manager", "ada@acme.io",
                           notes="! the Kafka rewrite")]))
        fu.ensure_drafts(library, meeting)
        library.create_meeting(MeetingInput(  # its follow-up opened, not drafted yet
            company="Initech", role="Analyst", ended_at=datetime.now(UTC) - timedelta(hours=1),
            people=[PersonSpec("Bo Chen", "CTO", "bo@initech.io", notes="! the data lake")]))
        fu.open_ended_followups(library)
        library.close()
        place.lock()
        before = tree(place.folder)
        from followup.gui.app import make_application, open_window

        make_application()
        window = open_window(place.folder)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        yield window, place, before
        window._quitting = True
        window.close()
        window.library.close()
        window.library_lock.release()
        # Its timers and workers must not outlive the file system the fixture unmounts.
        from PySide6.QtCore import QCoreApplication, QEvent

        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_window_opens_read_only_and_says_why(read_only_window, qtbot, tmp_path):
    window, place, before = read_only_window
    banner = window.read_only_banner
    assert banner.isVisible() and "Read-only" in banner.text()
    assert window.library.read_only_reason in banner.text()
    assert window.windowTitle().endswith("(read-only)")
    meetings = {m.company: m.id for m in window.library.list_meetings()}
    window.open_meeting(meetings["Acme"])
    ws = window.workspace
    ws.select_row(1)
    assert "Kafka rewrite" in ws.editor.toPlainText()
    assert ws.editor.isReadOnly() and not ws.start_button.isVisible()
    qtbot.keyClicks(ws.editor, "typed")
    assert "typed" not in ws.editor.toPlainText()
    window.toggle_followups()
    panel = ws.followups
    assert panel.body.isReadOnly() and "Acme" in panel.body.toPlainText()
    assert not panel.send_button.isEnabled() and not panel.ready_button.isEnabled()
    assert not panel.skip_box.isEnabled()
    # A follow-up not drafted yet shows the draft it would get, written nowhere.
    window.open_meeting(meetings["Initech"])
    ws.select_row(1)
    assert panel.body.toPlainText().startswith("Hi Bo") and panel.body.isReadOnly()
    off = {a.objectName() for a in window.findChildren(QAction) if not a.isEnabled()}
    assert set(writing_actions()) <= off
    window.new_meeting()  # a shortcut that slips through does nothing, and says so
    assert "read-only" in window.statusBar().currentMessage()
    window.show_status_list()
    assert window.status_list.model.rowCount() == 2
    window.grab().save(str(tmp_path / "read-only-window.png"))
    # The speller arriving late re-highlights the draft ("text changed"): still no write.
    from followup.gui.note_editor import SpellHighlighter

    panel.body.document().findChild(SpellHighlighter).rehighlight()
    window.notes.flush()
    assert tree(place.folder) == before
