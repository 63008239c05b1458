"""The send-status list's light read agrees with the full follow-up views."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec
from followup.store.status_list import (
    FILTERS,
    ranked,
    record_shown,
    select_rows,
    status_entries,
    status_rows,
)

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
FIELDS = ("id", "attendance_id", "meeting_id", "person_name", "person_email", "company", "role",
          "kind", "subject", "status", "channel", "sent_at", "deadline")


def _two_meetings(library) -> list[int]:
    first = library.create_meeting(MeetingInput(
        company="Acme", role="Backend Engineer", scheduled_start=T0,
        ended_at=T0 + timedelta(hours=1), people=[
            PersonSpec("Jane Doe", "Engineering Manager", "jane@acme.com", notes="! Kafka"),
            PersonSpec("Sam Lee", "Recruiter", capacity="coordinator")]))
    second = library.create_meeting(MeetingInput(
        company="", kind="networking_coffee", started_at=T0 + timedelta(days=2),
        people=[PersonSpec("Ana Okafor", "CTO", "ana@northwind.io")]))
    ids = fu.ensure_drafts(library, first) + fu.ensure_drafts(library, second)
    fu.set_status(library, ids[0], "sent", channel="smtp")
    fu.set_status(library, ids[2], "skipped")
    library.save_profile(target_hours=6.0)
    return ids


def test_entries_carry_what_the_full_views_say(library):
    _two_meetings(library)
    views = {v.id: v for v in fu.all_followups(library)}
    entries = status_entries(library)
    assert sorted(e.id for e in entries) == sorted(views)
    for entry in entries:
        view = views[entry.id]
        assert [getattr(entry, f) for f in FIELDS] == [getattr(view, f) for f in FIELDS]
        assert entry.deadline.target is not None  # the personal target is applied


def test_search_and_filters_work_on_loaded_rows(library):
    _two_meetings(library)
    now = T0 + timedelta(hours=30)
    rows = ranked(status_entries(library), now)
    for which in FILTERS:
        for needle in ("", "ACME", "jane@", "okafor", "thank", "no such person"):
            expected = [r.view.id for r in status_rows(library, now, which, needle)]
            assert [r.view.id for r in select_rows(rows, which, needle)] == expected
    assert [r.view.person_name for r in select_rows(rows, "all", "  Okafor ")] == ["Ana Okafor"]
    assert [r.view.status for r in select_rows(rows, "sent")] == ["sent"]
    assert {r.view.status for r in select_rows(rows, "to do")} == {"draft"}
    # Narrowing a search keeps exactly what searching every row keeps.
    narrowed = select_rows(select_rows(rows, "all", "a"), "all", "ac")
    assert narrowed == select_rows(rows, "all", "ac")


def test_reminders_recorded_in_bulk_once_each(library):
    ids = _two_meetings(library)
    pairs = {(ids[1], "urgent"), (ids[1], "overdue")}
    record_shown(library, pairs)
    record_shown(library, pairs | {(ids[0], "overdue")})  # again: no duplicate, no error
    record_shown(library, set())
    assert fu.shown_reminders(library) == pairs | {(ids[0], "overdue")}


def test_ranking_is_the_urgency_order(library):
    from followup.core.urgency import sort_key

    _two_meetings(library)
    timeless = library.create_meeting(MeetingInput(company="Initech", people=[
        PersonSpec("Bill Lumbergh"), PersonSpec("Milton Waddams")]))
    later = library.create_meeting(MeetingInput(
        company="Globex", ended_at=T0 + timedelta(hours=20), people=[PersonSpec("Hank Scorpio"),
                                                                     PersonSpec("Frank Grimes")]))
    fu.ensure_drafts(library, timeless)
    failed = fu.ensure_drafts(library, later)[1]
    fu.set_status(library, failed, "failed", detail="550 mailbox unavailable")
    entries = status_entries(library)

    def urgency(entry):
        countdown = entry.countdown(now)
        return (98, 0, 0) if countdown is None else sort_key(
            countdown, failed=entry.status == "failed")

    for now in (T0 + timedelta(minutes=30), T0 + timedelta(hours=22), T0 + timedelta(days=3)):
        expected = [e.id for e in sorted(entries, key=urgency)]
        assert [r.view.id for r in ranked(entries, now)] == expected
