"""The send-status list's light read agrees with the full follow-up views, and its SQL
ranking with the urgency order worked out in Python."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.core.deadlines import Countdown, State, countdown, deadline_for, meeting_end
from followup.store import followups as fu
from followup.store import models as m
from followup.store.library import MeetingInput, PersonSpec
from followup.store.status_list import (
    FILTERS,
    read_status_list,
    record_shown,
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
    views = {v.id: v for meeting in library.list_meetings()
             for v in fu.followups_for_meeting(library, meeting.id)}
    entries = [r.view for r in status_rows(library, datetime.now(UTC))]
    assert sorted(e.id for e in entries) == sorted(views)
    for entry in entries:
        view = views[entry.id]
        assert [getattr(entry, f) for f in FIELDS] == [getattr(view, f) for f in FIELDS]
        assert entry.deadline.target is not None  # the personal target is applied


def test_search_and_filters_work_on_loaded_rows(library):
    _two_meetings(library)
    now = T0 + timedelta(hours=30)
    listed = read_status_list(library, now)
    by_id = {r.id: r for r in listed.rows}
    for which in FILTERS:
        for needle in ("", "ACME", "jane@", "okafor", "thank", "no such person"):
            expected = [r.view.id for r in status_rows(library, now, which, needle)]
            assert [r.id for r in listed.select(which, needle)] == expected
            # Each row kept is one the full view says belongs there.
            for row in status_rows(library, now, which, needle):
                assert which != "overdue" or row.countdown.state.value == "overdue"
                assert which != "sent" or by_id[row.view.id].status == "sent"
    assert [r.person_name for r in listed.select("all", "  Okafor ")] == ["Ana Okafor"]
    assert [r.status for r in listed.select("sent")] == ["sent"]
    assert {r.status for r in listed.select("to do")} == {"draft"}
    assert [r.person_name for r in listed.select("overdue")] == ["Sam Lee"]
    # Overdue is judged at the time given: a day earlier, Sam's 24 hours were not up yet.
    assert listed.select("overdue", now=now - timedelta(days=1)) == []
    # Narrowing a search keeps exactly what searching every row keeps.
    narrowed = listed.select("all", "ac", listed.select("all", "a"))
    assert narrowed == listed.select("all", "ac")


def test_reminders_recorded_in_bulk_once_each(library):
    ids = _two_meetings(library)
    pairs = {(ids[1], "urgent"), (ids[1], "overdue")}
    record_shown(library, pairs)
    record_shown(library, pairs | {(ids[0], "overdue")})  # again: no duplicate, no error
    record_shown(library, set())
    assert fu.shown_reminders(library) == pairs | {(ids[0], "overdue")}


# The "most urgent first" order in Python, which the SQL ranking is held to. Follow-ups still to
# send come first, by state and within a state by the least time left, so the most overdue
# leads. A failed send is still unsent, so it sorts by its clock like a draft, but ahead of
# drafts in the same state: it needs an action the user may not expect. Sent and skipped
# follow-ups come last and keep the order they were given in (`sorted` is stable).
_RANK = {State.OVERDUE: 0, State.URGENT: 1, State.SOON: 2, State.COMFORTABLE: 3,
         State.UPCOMING: 4, State.SENT: 5, State.SKIPPED: 6}


def sort_key(clock: Countdown, failed: bool = False) -> tuple[int, int, int]:
    """A key for `sorted` that puts the follow-up needing attention soonest first."""
    if clock.state in (State.SENT, State.SKIPPED):
        return (_RANK[clock.state], 0, 0)
    return (_RANK[clock.state], 0 if failed else 1, clock.seconds_left)


NOW = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)


def row(name: str, ended_hours_ago: float, status: str = "draft", sent_hours_ago: float = 0):
    """One list row: a name and its countdown at NOW."""
    deadline = deadline_for(NOW - timedelta(hours=ended_hours_ago))
    sent_at = NOW - timedelta(hours=sent_hours_ago) if status == "sent" else None
    return name, status, countdown(deadline, NOW, status, sent_at)


def ordered(rows) -> list[str]:
    return [name for name, status, cd in sorted(
        rows, key=lambda r: sort_key(r[2], failed=r[1] == "failed"))]


def test_states_in_order_of_urgency():
    rows = [
        row("sent", 20, "sent", sent_hours_ago=10),
        row("comfortable", 2),
        row("upcoming", -1),
        row("skipped", 5, "skipped"),
        row("urgent", 23.5),
        row("overdue", 30),
        row("soon", 20),
    ]
    assert ordered(rows) == [
        "overdue", "urgent", "soon", "comfortable", "upcoming", "sent", "skipped"]


def test_most_overdue_first_then_least_time_left():
    rows = [row("overdue 1 h", 25), row("overdue 9 h", 33), row("soon 5 h", 19),
            row("soon 2 h", 22), row("comfortable 20 h", 4), row("comfortable 10 h", 14)]
    assert ordered(rows) == ["overdue 9 h", "overdue 1 h", "soon 2 h", "soon 5 h",
                             "comfortable 10 h", "comfortable 20 h"]


def test_failed_leads_its_state_but_not_a_more_urgent_state():
    rows = [row("draft soon", 21), row("failed comfortable", 4, "failed"),
            row("draft comfortable", 14), row("failed soon", 19, "failed")]
    assert ordered(rows) == ["failed soon", "draft soon", "failed comfortable",
                             "draft comfortable"]


def test_sent_and_skipped_keep_the_given_order():
    rows = [row("sent b", 30, "sent", sent_hours_ago=1), row("skipped a", 40, "skipped"),
            row("sent a", 20, "sent", sent_hours_ago=19), row("skipped b", 2, "skipped")]
    assert ordered(rows) == ["sent b", "sent a", "skipped a", "skipped b"]


def _urgency_order(entries, now):
    """The order `sort_key` gives: newest sent first, then a stable sort by urgency."""
    newest = sorted(sorted(entries, key=lambda e: e.id, reverse=True),
                    key=lambda e: -(e.sent_at.timestamp() if e.sent_at else 0))

    def urgency(entry):
        clock = entry.countdown(now)
        return (98, 0, 0) if clock is None else sort_key(clock, failed=entry.status == "failed")

    return [e.id for e in sorted(newest, key=urgency)]


def _many_states(library) -> None:
    """Meetings ending an hour apart (each state at some time), sent at different times, a
    failed send, one without a time, one cancelled."""
    for hours in range(0, 40, 3):
        meeting = library.create_meeting(MeetingInput(
            company=f"Co {hours}", role="Engineer",
            scheduled_start=T0 + timedelta(hours=hours, minutes=7, seconds=hours),
            people=[PersonSpec(f"P{hours} a"), PersonSpec(f"P{hours} b")]))
        ids = fu.ensure_drafts(library, meeting)
        if hours % 9 == 0:
            fu.set_status(library, ids[0], "sent", channel="smtp")
        elif hours % 9 == 3:
            fu.set_status(library, ids[1], "failed", detail="550 mailbox unavailable")
        elif hours % 9 == 6:
            fu.set_status(library, ids[0], "skipped")
    fu.ensure_drafts(library, library.create_meeting(MeetingInput(
        company="Initech", people=[PersonSpec("Bill Lumbergh"), PersonSpec("Milton Waddams")])))
    # Called off after one follow-up went out: that one stays on record, the others go.
    cancelled = library.create_meeting(MeetingInput(
        company="Vandelay", scheduled_start=T0 + timedelta(hours=5),
        people=[PersonSpec("Art Vandelay"), PersonSpec("Kel Varnsen"), PersonSpec("H. E. P.")]))
    sent, _, skipped = fu.ensure_drafts(library, cancelled)
    fu.set_status(library, sent, "sent", channel="smtp")
    fu.set_status(library, skipped, "skipped")
    with library.session() as s:  # as an organizer's cancellation records it
        s.get_one(m.Meeting, cancelled).cancelled_at = T0 + timedelta(hours=30)


@pytest.mark.parametrize("target_hours", [None, 0.5, 6.0, 24.0])
def test_ranking_is_the_urgency_order(library, target_hours):
    _two_meetings(library)
    _many_states(library)
    library.save_profile(target_hours=target_hours)
    entries = [r.view for r in status_rows(library, T0 + timedelta(days=9))]
    assert len(entries) == 34
    assert [e.person_name for e in entries if e.company == "Vandelay"] == ["Art Vandelay"]
    # From before the first meeting to after every deadline, each state boundary crossed.
    for minutes in range(-60, 60 * 70, 47):
        now = T0 + timedelta(minutes=minutes)
        expected = _urgency_order(entries, now)
        assert [r.id for r in read_status_list(library, now).rows] == expected, now
        assert [r.view.id for r in status_rows(library, now)] == expected
        unsent = [e for e in entries if e.status not in ("sent", "skipped")]
        assert [r.id for r in read_status_list(library, now, unsent_only=True).rows] == [
            i for i in expected if i in {e.id for e in unsent}]


def test_meeting_end_read_in_sql_is_the_rule_in_python(library):
    """Every way a meeting's time can be known gives the same end (and deadline) read in SQL
    as `core.deadlines.meeting_end` works out."""
    start = T0 + timedelta(microseconds=123456)
    cases = [
        {},  # no time at all: no deadline
        {"scheduled_start": start},
        {"scheduled_start": start, "scheduled_end": start + timedelta(minutes=45)},
        {"scheduled_start": start, "scheduled_end": start - timedelta(minutes=5)},  # moved
        {"scheduled_start": start, "started_at": start + timedelta(hours=2),
         "scheduled_end": start + timedelta(hours=1)},  # started after its planned end
        {"started_at": start + timedelta(seconds=59, microseconds=999999)},
        {"scheduled_end": start},
        {"scheduled_start": start, "ended_at": start + timedelta(minutes=20)},
        {"started_at": T0.replace(hour=23, minute=30), "scheduled_start": start},  # midnight
    ]
    expected = {}
    for number, times in enumerate(cases):
        meeting = library.create_meeting(MeetingInput(
            company=f"Case {number}", people=[PersonSpec(f"Person {number}")], **times))
        (followup,) = fu.ensure_drafts(library, meeting)
        expected[followup] = meeting_end(times.get("scheduled_start"),
                                         times.get("scheduled_end"),
                                         times.get("started_at"), times.get("ended_at"))
    listed = read_status_list(library, T0 - timedelta(days=1))
    assert len(listed.rows) == len(cases)
    for row in listed.rows:
        deadline = listed.deadline(row)
        assert (deadline.meeting_end if deadline else None) == expected[row.id]


def test_first_rows_read_with_how_many_there_are(library):
    _two_meetings(library)
    _many_states(library)
    now = T0 + timedelta(hours=20)
    whole = read_status_list(library, now)
    first = read_status_list(library, now, first=5)
    assert first.partial and first.total == len(whole.rows) == 34
    assert first.rows == whole.rows[:5]
    assert [first.entry(r) for r in first.rows] == [whole.entry(r) for r in whole.rows[:5]]
    unsent = read_status_list(library, now, unsent_only=True, first=500)
    assert not unsent.partial and unsent.total == len(unsent.rows)
    assert unsent.rows == read_status_list(library, now, unsent_only=True).rows


@pytest.mark.parametrize(("typed", "found"), [
    ("nguyen", {"Nguyễn Thị Mai"}), ("NGUYEN thi", {"Nguyễn Thị Mai"}),
    ("Nguyễn", {"Nguyễn Thị Mai"}), ("soren", {"Søren Jürgensen"}),
    ("  JURGENSEN ", {"Søren Jürgensen"}), ("ostergard", {"Nguyễn Thị Mai", "Søren Jürgensen"}),
])
def test_search_ignores_accents_and_case_as_the_full_search_does(library, typed, found):
    from followup.store.search import search

    library.create_meeting(MeetingInput(
        company="Østergård Analytics", role="Data Engineer", ended_at=T0, people=[
            PersonSpec("Nguyễn Thị Mai", "Recruiter", "mai@example.com"),
            PersonSpec("Søren Jürgensen", "CTO", "soren@example.com")]))
    library.create_meeting(MeetingInput(company="Acme", ended_at=T0, people=[
        PersonSpec("Ana Okafor", "Engineer", "ana@example.com")]))
    listed = read_status_list(library, T0 + timedelta(hours=2))
    assert {r.person_name for r in listed.select("all", typed)} == found
    # The full search (Ctrl+Shift+F) finds the same people by the same words.
    hits = {hit.person for group in search(library, typed).groups for hit in group.hits}
    assert found <= hits
