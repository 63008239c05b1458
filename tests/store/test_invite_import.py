"""Importing invites and cards into a real library: one meeting per invite (updates and
cancellations by UID), people told apart by address, every person in an export, and one
registry of formats for the dialog, drag and drop and the command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.store import models as m
from followup.store.formats import (
    FORMATS,
    ImportFailed,
    dialog_filter,
    format_for,
    import_file,
    importable_suffixes,
)
from followup.store.interchange import InterchangeError, export_library, import_library
from followup.store.library import Library
from followup.store.people_list import list_people

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "ics"


def invite(uid="iv-1", sequence=0, start="20260310T150000Z", method="REQUEST", stamp="",
           extra=()) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT",
             f"UID:{uid}", f"SEQUENCE:{sequence}", f"DTSTART:{start}", "DURATION:PT1H",
             *([f"DTSTAMP:{stamp}"] if stamp else []), "SUMMARY:Quarry Labs interview",
             "ORGANIZER;CN=Rita Recruiter:mailto:rita@quarrylabs.com",
             "ATTENDEE;CN=Ivan Interviewer:mailto:ivan@quarrylabs.com", *extra,
             "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def meetings(library: Library) -> list[m.Meeting]:
    with library.session() as s:
        rows = s.query(m.Meeting).order_by(m.Meeting.id).all()
        for row in rows:  # load what the tests read before the session closes
            _ = [(a.person.name, a.no_followup) for a in row.attendees], row.company
        s.expunge_all()
        return rows


def test_an_invite_makes_one_meeting_with_the_organizer_as_coordinator(library, tmp_path):
    created = import_file(library, write(tmp_path, "a.ics", invite()))
    (meeting,) = meetings(library)
    assert created["meetings"] == [meeting.id]
    assert meeting.company.name == "Quarry Labs" and meeting.company.domain == "quarrylabs.com"
    assert [(a.person.name, a.person.email, a.capacity) for a in meeting.attendees] == [
        ("Rita Recruiter", "rita@quarrylabs.com", "coordinator"),
        ("Ivan Interviewer", "ivan@quarrylabs.com", "interviewer")]
    assert meeting.general_notes.startswith("Quarry Labs interview")


def test_the_same_invite_twice_is_one_meeting(library, tmp_path):
    path = write(tmp_path, "a.ics", invite())
    import_file(library, path)
    again = import_file(library, path)
    assert again["meetings"] == [] and again["people"] == []
    assert len(again["skipped_meetings"]) == 1
    assert len(meetings(library)) == 1


def test_an_update_changes_the_meeting_instead_of_adding_one(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite()))
    updated = import_file(library, write(tmp_path, "b.ics", invite(
        sequence=1, start="20260311T090000Z",
        extra=["ATTENDEE;CN=Nora New:mailto:nora@quarrylabs.com"])))
    (meeting,) = meetings(library)
    assert updated["updated_meetings"] == [meeting.id]
    assert meeting.scheduled_start.replace(tzinfo=UTC) == datetime(2026, 3, 11, 9, tzinfo=UTC)
    assert [a.person.name for a in meeting.attendees][-1] == "Nora New"
    older = import_file(library, write(tmp_path, "c.ics", invite(sequence=0)))
    assert older["skipped_meetings"] == [meeting.id]  # an older revision changes nothing
    assert meetings(library)[0].scheduled_start.replace(tzinfo=UTC).day == 11


def test_a_later_stamp_with_the_same_sequence_is_an_update(library):
    import_file(library, REAL / "nylas-gcal_v1.ics")
    created = import_file(library, REAL / "nylas-gcal_v2.ics")
    (meeting,) = meetings(library)
    assert created["updated_meetings"] == [meeting.id]
    assert meeting.location.startswith("Le Zenith")


def test_a_cancellation_of_a_known_invite_marks_the_meeting_cancelled(library):
    import_file(library, REAL / "nylas-google_cancelled1.ics")
    (before,) = meetings(library)
    created = import_file(library, REAL / "nylas-google_cancelled2.ics")
    (meeting,) = meetings(library)
    assert created["cancelled_meetings"] == [meeting.id]
    # When the organizer cancelled (the cancellation's DTSTAMP), and its revision is kept.
    assert meeting.cancelled_at == datetime(2015, 3, 30, 13, 41, 2, tzinfo=UTC)
    assert (meeting.ical_uid, meeting.ical_sequence) == (
        "c74p2nmutcd0kt69ku7rs8vu2g@google.com", 1)
    # The user's notes and marks are left as they were: the column says it is cancelled.
    assert meeting.general_notes == before.general_notes
    assert not any(a.no_followup for a in meeting.attendees)
    assert library.meeting(meeting.id).cancelled
    assert [s.cancelled for s in library.list_meetings()] == [True]
    again = import_file(library, REAL / "nylas-google_cancelled2.ics")
    assert again["skipped_meetings"] == [meeting.id] and "cancelled_meetings" not in again


def test_a_cancelled_meeting_owes_no_followup(library, tmp_path):
    from followup.core.status import Status
    from followup.store import followups as fu
    from followup.store.status_list import status_rows

    now = datetime(2026, 3, 12, tzinfo=UTC)  # two days after the meeting
    import_file(library, write(tmp_path, "a.ics", invite(extra=[
        "ATTENDEE;CN=Nora New:mailto:nora@quarrylabs.com"])))
    (meeting,) = meetings(library)
    # Nora's follow-up was drafted and sent before the news came; the others were not.
    (nora,) = [a for a in meeting.attendees if a.person.name == "Nora New"]
    with library.session() as s:
        sent = m.FollowUp(attendance_id=nora.id, status=Status.SENT.value, body="Thanks",
                          sent_at=now)
        s.add(sent)
    import_file(library, write(tmp_path, "b.ics", invite(sequence=1, method="CANCEL")))
    assert fu.open_ended_followups(library, now) == []
    assert fu.reminder_items(library, now) == []
    assert [(r.view.person_name, r.view.status) for r in status_rows(library, now)] == [
        ("Nora New", Status.SENT)]  # what went out stays on record
    assert status_rows(library, now, "to do") == []
    nothing_due = fu.followup_view(library, sent.id)
    assert nothing_due.cancelled and nothing_due.deadline is None
    # Reinstated by a later revision: the others' follow-ups are opened and due again.
    import_file(library, write(tmp_path, "c.ics", invite(sequence=2)))
    assert len(fu.open_ended_followups(library, now)) == 2
    assert {r.person for r in fu.reminder_items(library, now)} == {
        "Rita Recruiter", "Ivan Interviewer"}


def test_only_a_higher_sequence_reinstates_a_cancelled_meeting(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite(sequence=1, stamp="20260301T090000Z")))
    import_file(library, write(tmp_path, "b.ics", invite(
        sequence=2, method="CANCEL", stamp="20260302T090000Z")))
    # The same revision sent again later (a resend, RFC 5546 §2.1.5) leaves it cancelled.
    resent = import_file(library, write(tmp_path, "c.ics", invite(
        sequence=2, stamp="20260303T090000Z")))
    (meeting,) = meetings(library)
    assert resent["skipped_meetings"] == [meeting.id] and meeting.cancelled_at is not None
    back = import_file(library, write(tmp_path, "d.ics", invite(
        sequence=3, start="20260320T150000Z", stamp="20260304T090000Z")))
    (meeting,) = meetings(library)
    assert back["updated_meetings"] == [meeting.id]
    assert meeting.cancelled_at is None and meeting.ical_sequence == 3
    assert meeting.scheduled_start.replace(tzinfo=UTC).day == 20


def test_a_request_older_than_the_latest_cancellation_does_not_reinstate(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite(sequence=0)))
    import_file(library, write(tmp_path, "b.ics", invite(sequence=1, method="CANCEL")))
    import_file(library, write(tmp_path, "c.ics", invite(sequence=3, method="CANCEL")))
    stale = import_file(library, write(tmp_path, "d.ics", invite(sequence=2)))
    (meeting,) = meetings(library)
    assert stale["skipped_meetings"] == [meeting.id] and meeting.cancelled_at is not None


def test_a_cancellation_older_than_the_meeting_changes_nothing(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite(sequence=4)))
    stale = import_file(library, write(tmp_path, "b.ics", invite(sequence=3, method="CANCEL")))
    (meeting,) = meetings(library)
    assert stale["skipped_meetings"] == [meeting.id] and meeting.cancelled_at is None


def test_a_status_cancelled_event_in_a_request_cancels_too(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite()))
    created = import_file(library, write(tmp_path, "b.ics", invite(
        sequence=1, extra=["STATUS:CANCELLED"])))
    (meeting,) = meetings(library)
    assert created["cancelled_meetings"] == [meeting.id] and meeting.cancelled_at is not None


def test_an_invite_without_a_uid_is_never_matched(library, tmp_path):
    data = invite().replace(b"UID:iv-1\r\n", b"")
    import_file(library, write(tmp_path, "a.ics", data))
    import_file(library, write(tmp_path, "b.ics", data))
    assert [row.ical_uid for row in meetings(library)] == [None, None]


def test_a_cancellation_of_an_unknown_invite_is_refused(library, tmp_path):
    with pytest.raises(ImportFailed, match="cancels “Quarry Labs interview”, a meeting that "
                                           "is not in the library"):
        import_file(library, write(tmp_path, "x.ics", invite(method="CANCEL")))
    assert meetings(library) == []


def test_people_with_one_name_and_two_addresses_stay_two(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite(extra=[
        "ATTENDEE;CN=Ivan Interviewer:mailto:ivan.private@gmail.com"])))
    (meeting,) = meetings(library)
    assert [a.person.email for a in meeting.attendees] == [
        "rita@quarrylabs.com", "ivan@quarrylabs.com", "ivan.private@gmail.com"]
    # A second invite naming the same two addresses reuses both people, merges neither.
    import_file(library, write(tmp_path, "b.ics", invite(uid="iv-2", extra=[
        "ATTENDEE;CN=Ivan Interviewer:mailto:ivan.private@gmail.com"])))
    assert len(list_people(library)) == 3


def test_without_a_work_address_the_organizers_card_names_the_company(library, tmp_path):
    import_file(library, write(tmp_path, "rita.vcf", (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rita Recruiter\r\nORG:Quarry Labs\r\n"
        b"EMAIL:rita.recruits@gmail.com\r\nEND:VCARD\r\n")))
    data = invite().replace(b"rita@quarrylabs.com", b"rita.recruits@gmail.com").replace(
        b"ivan@quarrylabs.com", b"ivan@yahoo.co.uk").replace(b"Quarry Labs interview",
                                                            b"Second round")
    import_file(library, write(tmp_path, "a.ics", data))
    (meeting,) = meetings(library)
    assert (meeting.company.name, meeting.company.domain) == ("Quarry Labs", "")


def test_cards_in_no_meeting_survive_an_export_and_import(library, tmp_path):
    import_file(library, REAL.parent / "vcf" / "ezvcard-rfc2426-example.vcf")
    import_file(library, write(tmp_path, "a.ics", invite()))
    document = json.loads(json.dumps(export_library(library)))
    assert [p["name"] for p in document["people"]] == ["Frank Dawson", "Tim Howes"]
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_library(other, document)
        names = sorted(p.name for p in list_people(other))
        assert names == ["Frank Dawson", "Ivan Interviewer", "Rita Recruiter", "Tim Howes"]
        frank = next(p for p in list_people(other) if p.name == "Frank Dawson")
        assert (frank.company, frank.company_domain) == ("Lotus Development Corporation",
                                                         "lotus.com")
        assert export_library(other) == document
        import_library(other, document)  # twice: nobody is added again
        assert len(list_people(other)) == 4
    finally:
        other.close()


def test_one_registry_for_every_way_in():
    suffixes = importable_suffixes()
    for suffix in (".json", ".ics", ".ical", ".icalendar", ".vcf", ".vcard"):
        assert suffix in suffixes
        assert f"*{suffix}" in dialog_filter().split(";;")[0]
    assert format_for(Path("x.VCARD")).name == "vcf"
    assert format_for(Path("x.ical")).name == "ics"
    assert format_for(Path("x.txt")) is None
    assert [f.name for f in FORMATS] == ["json", "ics", "vcf"]


def test_drag_and_drop_accepts_what_the_dialog_offers():
    from followup.gui.main_window import _importable

    assert set(_importable()) == set(importable_suffixes())


@pytest.mark.parametrize("suffix", [".ical", ".vcard"])
def test_every_registered_suffix_imports(library, tmp_path, suffix):
    data = invite() if suffix == ".ical" else (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nEND:VCARD\r\n")
    created = import_file(library, write(tmp_path, f"file{suffix}", data))
    assert created["people"]


def test_an_unknown_suffix_is_refused_with_the_known_ones(library, tmp_path):
    with pytest.raises(ImportFailed, match=r"Followup imports \.json, \.ics, \.vcf files, "
                                           r"not \.txt files"):
        import_file(library, write(tmp_path, "notes.txt", b"hello"))


def test_a_json_file_that_is_not_utf8_names_the_line(library, tmp_path):
    with pytest.raises(ImportFailed, match="line 2 is not UTF-8 text"):
        import_file(library, write(tmp_path, "x.json", b'{"format":\n"\xff"}'))


def test_readers_do_not_import_the_importer():
    import subprocess
    import sys

    code = ("import sys, followup.store.contacts_import, followup.store.interchange; "
            "print('followup.store.formats' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(root / "desktop")}, check=True, timeout=60)
    assert done.stdout.split() == ["False"]


def test_the_invite_identity_and_cancellation_survive_an_export_and_import(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite(sequence=1, stamp="20260301T090000Z")))
    import_file(library, write(tmp_path, "b.ics", invite(
        uid="iv-2", sequence=0, start="20260312T150000Z", stamp="20260301T100000Z")))
    import_file(library, write(tmp_path, "c.ics", invite(
        uid="iv-2", sequence=1, method="CANCEL", stamp="20260302T100000Z")))
    document = json.loads(json.dumps(export_library(library)))
    assert [(mt["ical_uid"], mt["ical_sequence"], mt["ical_dtstamp"], mt["cancelled_at"])
            for mt in document["meetings"]] == [
        ("iv-1", 1, "2026-03-01T09:00:00+00:00", None),
        ("iv-2", 1, "2026-03-02T10:00:00+00:00", "2026-03-02T10:00:00+00:00")]
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_library(other, document)
        assert export_library(other) == document
        assert [s.cancelled for s in other.list_meetings()] == [True, False]
        # The invites are known by UID in the new library: the same revision changes nothing.
        again = import_file(other, write(tmp_path, "a.ics", invite(
            sequence=1, stamp="20260301T090000Z")))
        assert again["skipped_meetings"] == [1] and again["meetings"] == []
    finally:
        other.close()


def test_an_export_meets_its_invite_in_a_library_that_moved_it(library, tmp_path):
    import_file(library, write(tmp_path, "a.ics", invite()))
    document = json.loads(json.dumps(export_library(library)))
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_file(other, write(tmp_path, "b.ics", invite(sequence=1, start="20260320T150000Z")))
        created = import_library(other, document)
        assert created["meetings"] == [] and created["skipped_meetings"] == [1]
        assert len(other.list_meetings()) == 1
    finally:
        other.close()


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["meetings"].append({**d["meetings"][0], "id": 2}),
     r"meetings\[1\]\.ical_uid repeats the invite UID of meetings\[0\]"),
    (lambda d: d["meetings"][0].update(ical_sequence=-1),
     r"meetings\[0\]\.ical_sequence is -1; a SEQUENCE is a whole number from 0"),
    (lambda d: d["meetings"][0].update(ical_uid="a\nb"),
     r"meetings\[0\]\.ical_uid"),
    (lambda d: d["meetings"][0].update(cancelled_at="2026-03-01 10:00"),
     r"meetings\[0\]\.cancelled_at needs a UTC offset"),
])
def test_a_bad_invite_identity_in_an_export_is_refused_with_its_path(
        library, tmp_path, change, message):
    import_file(library, write(tmp_path, "a.ics", invite()))
    document = json.loads(json.dumps(export_library(library)))
    change(document)
    other = Library(tmp_path / "other.sqlite3")
    try:
        with pytest.raises(InterchangeError, match=message):
            import_library(other, document)
        assert other.list_meetings() == []
    finally:
        other.close()


def test_an_older_export_keeps_its_invites_matched(library, tmp_path):
    """Exports written before meetings held their invite name it in a setting."""
    import_file(library, write(tmp_path, "a.ics", invite(sequence=1, stamp="20260301T090000Z")))
    document = json.loads(json.dumps(export_library(library)))
    for mt in document["meetings"]:
        for key in ("ical_uid", "ical_sequence", "ical_dtstamp", "cancelled_at"):
            del mt[key]
    document["settings"] = {
        "invite-uid:iv-1": json.dumps({"meeting": 1, "sequence": 1,
                                       "stamp": "2026-03-01T09:00:00+00:00"}),
        "invite-uid:elsewhere": json.dumps({"meeting": 7, "sequence": 0, "stamp": ""}),
        "invite-uid:unreadable": "{",
        "theme": "dark"}
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_library(other, document)
        (mt,) = export_library(other)["meetings"]
        assert (mt["ical_uid"], mt["ical_sequence"], mt["ical_dtstamp"]) == (
            "iv-1", 1, "2026-03-01T09:00:00+00:00")
        assert export_library(other)["settings"] == {"theme": "dark"}
        again = import_file(other, write(tmp_path, "a.ics", invite(
            sequence=1, stamp="20260301T090000Z")))
        assert again["skipped_meetings"] == [1]
    finally:
        other.close()


# --- declines, occurrences cancelled one by one, birthdays ----------------------------------

def test_who_declined_stays_on_the_meeting_with_no_followup_and_no_deadline(library, tmp_path):
    from followup.store import followups as fu

    now = datetime(2026, 3, 12, tzinfo=UTC)  # two days after the meeting
    import_file(library, write(tmp_path, "a.ics", invite(extra=[
        "ATTENDEE;CN=Dana Diaz;PARTSTAT=DECLINED:mailto:dana@quarrylabs.com"])))
    (meeting,) = meetings(library)
    assert [(a.person.name, a.capacity, a.no_followup) for a in meeting.attendees] == [
        ("Rita Recruiter", "coordinator", False), ("Ivan Interviewer", "interviewer", False),
        ("Dana Diaz", "other", True)]
    assert "Declined the invitation (no follow-up): Dana Diaz." in meeting.general_notes
    assert meeting.kind == "one_on_one_interview"  # two people met, not a panel of three
    opened = fu.open_ended_followups(library, now)
    assert len(opened) == 2
    assert {r.person for r in fu.reminder_items(library, now)} == {
        "Rita Recruiter", "Ivan Interviewer"}


def weekly(method="REQUEST", sequence=0, extra=(), recurrence="") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT",
             "UID:weekly-1", f"SEQUENCE:{sequence}", "SUMMARY:Quarry Labs weekly interview",
             *([f"RECURRENCE-ID;TZID=Europe/Berlin:{recurrence}",
                f"DTSTART;TZID=Europe/Berlin:{recurrence}"] if recurrence else
               ["DTSTART;TZID=Europe/Berlin:20260302T100000", "RRULE:FREQ=WEEKLY;COUNT=8"]),
             "DURATION:PT1H", "DTSTAMP:20260301T090000Z",
             "ORGANIZER;CN=Rita Recruiter:mailto:rita@quarrylabs.com",
             "ATTENDEE;CN=Ivan Interviewer:mailto:ivan@quarrylabs.com", *extra,
             "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


@pytest.fixture
def on_5_march_2026(monkeypatch):
    from followup.store import contacts_import

    monkeypatch.setattr(contacts_import, "current_time",
                        lambda: datetime(2026, 3, 5, tzinfo=UTC))


def test_a_cancel_of_another_occurrence_leaves_the_meeting_as_it_is(library, tmp_path,
                                                                    on_5_march_2026):
    import_file(library, write(tmp_path, "a.ics", weekly()))
    (meeting,) = meetings(library)  # the occurrence after 5 March: Monday 9 March, 10:00
    assert meeting.scheduled_start.replace(tzinfo=UTC) == datetime(2026, 3, 9, 9, tzinfo=UTC)
    created = import_file(library, write(tmp_path, "b.ics", weekly(
        "CANCEL", extra=["STATUS:CANCELLED"], recurrence="20260316T100000")))
    assert created["meetings_kept_another_occurrence_cancelled"] == [meeting.id]
    assert not library.meeting(meeting.id).cancelled


def test_a_cancel_of_the_meetings_own_occurrence_cancels_it(library, tmp_path,
                                                            on_5_march_2026):
    import_file(library, write(tmp_path, "a.ics", weekly()))
    (meeting,) = meetings(library)
    created = import_file(library, write(tmp_path, "b.ics", weekly(
        "CANCEL", recurrence="20260309T100000")))
    assert created["cancelled_meetings"] == [meeting.id]
    assert library.meeting(meeting.id).cancelled


def birthday(summary="Ana's birthday") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{summary}", f"SUMMARY:{summary}",
            "DTSTART;VALUE=DATE:19900412", "DTEND;VALUE=DATE:19900413", "RRULE:FREQ=YEARLY",
            "END:VEVENT"]


def test_a_file_of_birthdays_is_refused_with_a_message(library, tmp_path):
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *birthday(), "END:VCALENDAR", ""])
    with pytest.raises(ImportFailed, match=r"“Ana's birthday” \(line 3\) is an all-day event "
                       r"that repeats every year and invites no one \(a birthday or an "
                       r"anniversary\), not a meeting; nothing to import"):
        import_file(library, write(tmp_path, "b.ics", data.encode()))
    assert meetings(library) == []


def test_birthdays_among_meetings_are_left_out_and_said(library, tmp_path):
    meeting = invite().decode().split("\r\n")
    start = meeting.index("BEGIN:VEVENT")
    data = "\r\n".join([*meeting[:start], *birthday(), *meeting[start:]])
    created = import_file(library, write(tmp_path, "b.ics", data.encode()))
    assert created["left_out_yearly_all_day_events_on_lines"] == [4]
    assert [mt.role or mt.general_notes.splitlines()[0] for mt in meetings(library)] == [
        "Quarry Labs interview"]


def test_a_later_revision_in_which_someone_declined_marks_them(library, tmp_path):
    from followup.store import followups as fu

    import_file(library, write(tmp_path, "a.ics", invite(extra=[
        "ATTENDEE;CN=Dana Diaz;PARTSTAT=ACCEPTED:mailto:dana@quarrylabs.com"])))
    import_file(library, write(tmp_path, "b.ics", invite(sequence=1, extra=[
        "ATTENDEE;CN=Dana Diaz;PARTSTAT=DECLINED:mailto:dana@quarrylabs.com"])))
    (meeting,) = meetings(library)
    (dana,) = [a for a in meeting.attendees if a.person.name == "Dana Diaz"]
    assert (dana.capacity, dana.no_followup) == ("other", True)
    assert meeting.general_notes.endswith("Declined the invitation (no follow-up): Dana Diaz.")
    now = datetime(2026, 3, 12, tzinfo=UTC)
    assert {r.person for r in fu.reminder_items(library, now)} == {
        "Rita Recruiter", "Ivan Interviewer"}
