"""The window's hub (`gui.hub`): widgets announce what changed there, and the window follows
from the hub, not from a relay through its children."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.gui.hub import SendRoute
from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec


def _meeting_names(window) -> list[str]:
    model = window.sidebar.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_typed_notes_are_announced_saved_on_the_hub(window, qtbot):
    window.fill_menus()
    editor = window.workspace.editor
    editor.setFocus()
    with qtbot.waitSignal(window.hub.notesSaved, timeout=3000) as saved:
        qtbot.keyClicks(editor, " likes Rust")
    assert isinstance(saved.args[0], datetime)
    assert window.saved_label.text().startswith("All notes saved at")


def test_a_save_refused_said_on_the_hub_reaches_the_status_bar(window):
    window.hub.saveFailed.emit("disk full")
    assert "NOT saved" in window.saved_label.text()


def test_a_meeting_made_elsewhere_shows_once_the_hub_hears_of_it(window):
    window.finish_opening()
    before = _meeting_names(window)
    ended = datetime.now(UTC) - timedelta(hours=2)
    window.library.create_meeting(MeetingInput(
        company="Hubbard Labs", scheduled_start=ended - timedelta(hours=1),
        scheduled_end=ended, people=[PersonSpec("Ida Berg", email="ida@hubbard.example")]))
    assert _meeting_names(window) == before  # nobody said anything yet
    window.hub.libraryChanged.emit()
    assert len(_meeting_names(window)) == len(before) + 1
    assert any("Hubbard Labs" in name for name in _meeting_names(window))


def test_a_status_changed_in_the_panel_reaches_the_window_through_the_hub(window, qtbot):
    window.finish_opening()
    fu.ensure_drafts(window.library, window.workspace.meeting.id)
    window._set_followups_shown(True)
    window.workspace.select_row(1)
    panel = window.workspace.followups
    assert panel.view is not None
    heard = []
    window.hub.followupStatusChanged.connect(heard.append)
    refreshed = []
    window.sidebar.refresh = lambda *a, **k: refreshed.append(True)  # the window's one handler
    panel.ready_button.click()
    assert heard == [panel.view.id] and refreshed
    assert fu.followup_view(window.library, panel.view.id).status.value == "ready"


def test_the_send_menu_asks_for_routes_by_name_and_the_window_takes_them(window, monkeypatch):
    window.finish_opening()
    fu.ensure_drafts(window.library, window.workspace.meeting.id)
    window._set_followups_shown(True)
    window.workspace.select_row(1)
    panel = window.workspace.followups
    copied = []
    monkeypatch.setattr(window.sender_ui, "copy", lambda view: copied.append(view.id))
    menu = panel.send_button.menu()
    routes = [action.data() for action in menu.actions()]
    assert [SendRoute(r) for r in routes] == list(SendRoute)
    copy = next(a for a in menu.actions() if SendRoute(a.data()) is SendRoute.COPY)
    menu.triggered.emit(copy)
    assert copied == [panel.view.id]


def test_a_route_nobody_knows_is_refused_plainly():
    with pytest.raises(ValueError):
        SendRoute("fax")
    assert SendRoute.SEND.writes and SendRoute.MAIL_APP.writes
    assert not SendRoute.EML.writes and not SendRoute.COPY.writes
