"""Replies and check-ins in the library without a mailbox: the status list, the export and
import round trip, and the check-ins drafted when IMAP is not set up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.core.checkins import Headers
from followup.store import followups as fu
from followup.store import replies
from followup.store.interchange import InterchangeError, export_library, import_library
from followup.store.library import Library
from followup.store.status_list import status_rows

NOW = datetime.now(UTC)


def _sent(library, name: str, days_ago: float) -> fu.FollowUpView:
    ids = fu.ensure_drafts(library, 1)
    view = next(fu.followup_view(library, i) for i in ids
                if fu.followup_view(library, i).person_name.startswith(name))
    return fu.set_status(library, view.id, "sent", channel="email (Followup)",
                         message_id=f"<{view.id}@sam.example>", now=NOW - timedelta(days=days_ago))


def _answer(library, view, at):
    waiting = [w for w in replies.awaited(library, NOW) if w.followup_id == view.id]
    reply = Headers(view.person_email, "<r@x>", (view.message_id,), (), at)
    return replies.record_replies(library, [reply], waiting, NOW)


def test_replied_and_check_ins_survive_an_export_and_import(demo_library, tmp_path):
    priya = _sent(demo_library, "Priya", 2)
    marcus = _sent(demo_library, "Marcus", 9)
    _answer(demo_library, priya, NOW - timedelta(days=1))
    assert marcus.id in replies.update_checkins(demo_library, NOW)
    document = export_library(demo_library)
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_library(other, document)
        views = {v.person_name: v for meeting in other.list_meetings()
                 for v in fu.followups_for_meeting(other, meeting.id)}
        assert views["Priya Natarajan"].shown_status == "replied"
        assert views["Priya Natarajan"].replied_at == NOW - timedelta(days=1)
        assert views["Marcus Feld"].checkin_state == "due"
        assert views["Marcus Feld"].checkin_body == fu.followup_view(
            demo_library, marcus.id).checkin_body
        assert [c.person for c in replies.listed_checkins(other)] == ["Marcus Feld"]
    finally:
        other.close()


def test_an_unknown_check_in_state_is_refused_with_its_path(demo_library, tmp_path):
    document = export_library(demo_library)
    person = next(p for m in document["meetings"] for p in m["people"] if p.get("followup"))
    person["followup"]["checkin_state"] = "sometime"
    other = Library(tmp_path / "other.sqlite3")
    try:
        with pytest.raises(InterchangeError, match="checkin_state is 'sometime'"):
            import_library(other, document)
    finally:
        other.close()


def test_the_status_list_shows_replied_and_stops_counting_it(demo_library):
    priya = _sent(demo_library, "Priya", 1)
    (found,) = _answer(demo_library, priya, NOW - timedelta(hours=3))
    assert found.followup_id == priya.id and not found.withdrew_checkin
    rows = {r.view.id: r for r in status_rows(demo_library, NOW, "all")}
    assert rows[priya.id].view.shown_status == "replied"
    assert rows[priya.id].view.replied_at is not None
    assert priya.id not in {r.view.id for r in status_rows(demo_library, NOW, "to do")}
    assert priya.id in {r.view.id for r in status_rows(demo_library, NOW, "sent")}
    # The answer is in the history, and a second match changes nothing.
    history = fu.followup_view(demo_library, priya.id).history
    (line,) = [h for h in history if h.status == "replied"]
    assert priya.person_email in line.detail
    assert _answer(demo_library, priya, NOW) == []


def test_check_ins_come_without_imap_and_the_days_are_a_setting(demo_library):
    marcus = _sent(demo_library, "Marcus", 8)
    assert replies.due_checkins(demo_library, NOW)[0].followup_id == marcus.id
    replies.set_checkin_days(demo_library, 30)
    assert replies.checkin_days(demo_library) == 30
    with pytest.raises(ValueError, match="1 to 90"):
        replies.set_checkin_days(demo_library, 0)
