"""Calendar invitations as Google Calendar, Outlook and Apple Calendar write them."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followup.core.cards import ParseError
from followup.core.invites import Attendee, parse_invites, role_from_summary

DATA = Path(__file__).resolve().parent.parent / "data"
ME = ("sam.rivera.dev@gmail.com", "S.Rivera@me.com")


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture
def new_york_time(monkeypatch):
    """This machine's local time is New York's for the test (floating and all-day times)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_google_calendar_invite():
    (invite,) = parse_invites(read("google_calendar.ics"), own_addresses=ME)
    assert invite.summary == "Interview: Senior Backend Engineer (Sam Rivera)"
    assert invite.start == datetime(2025, 6, 12, 17, 0, tzinfo=UTC)
    assert invite.end == datetime(2025, 6, 12, 18, 0, tzinfo=UTC)
    assert invite.all_day is False
    assert invite.location == "Acme HQ, 500 Market St, San Francisco"
    # Google's joining instructions are cut; the organizer's own words stay.
    assert invite.description == ("Panel interview for the Senior Backend Engineer role. "
                                  "Bring a laptop for the system design part.")
    assert invite.attendees == (
        Attendee("Priya Raman", "priya.raman@acme.com", is_organizer=True),
        Attendee("Alex Kim", "alex.kim@acme.com"),  # CN was the address itself
        Attendee("Marcus O'Neil", "marcus.oneil@acme.com"),
    )  # the user and the meeting room are left out, the organizer listed once
    assert invite.company_guess == "Acme"
    assert invite.role_guess == "Senior Backend Engineer"
    assert invite.uid == "5q1v0k2b7n3c9d4e8f6g0h1i2j@google.com"


def test_outlook_invite_with_windows_time_zone():
    (invite,) = parse_invites(read("outlook.ics"), own_addresses=ME)
    # 10:00 Pacific Daylight Time is 17:00 UTC.
    assert invite.start == datetime(2025, 6, 12, 17, 0, tzinfo=UTC)
    assert invite.end == datetime(2025, 6, 12, 18, 30, tzinfo=UTC)
    assert invite.location == "Microsoft Teams Meeting"
    assert invite.description.startswith("Hi Sam,\n\nThis is your technical interview")
    assert "Teams meeting" not in invite.description
    assert invite.attendees == (
        Attendee("Jane Doe", "jane.doe@contoso.com", is_organizer=True),  # CN "Doe, Jane"
        Attendee("Bob Roe", "bob.roe@contoso.com"),
        Attendee("Thi Lan Nguyen", "thilan.nguyen@contoso.com"),
    )  # MAILTO: in capitals; own address matched whatever its case; room left out
    assert invite.company_guess == "Contoso"
    assert invite.role_guess == "Product Manager"


def test_apple_calendar_file_with_two_events():
    timed, all_day = parse_invites(read("apple_calendar.ics"), own_addresses=ME)
    # 13:00 in Berlin in summer (CEST, +02:00) is 11:00 UTC.
    assert timed.start == datetime(2025, 7, 3, 11, 0, tzinfo=UTC)
    assert timed.end == datetime(2025, 7, 3, 13, 0, tzinfo=UTC)
    assert timed.location == "Initech Berlin\nFriedrichstraße 123\n10117 Berlin\nGermany"
    assert timed.attendees == (
        # The organizer's value is a urn:uuid; its EMAIL parameter holds the address.
        Attendee("Jürgen Müller", "jurgen.muller@initech.de", is_organizer=True),
        Attendee("Zoë Schäfer", "zoe.schafer@initech.de"),
        Attendee("Lena Vogel", "lena.vogel@initech.de"),  # no CN: named from the address
    )
    assert timed.company_guess == "Initech"
    assert timed.role_guess == "Data Scientist"
    assert all_day.summary == "Initech team offsite"
    assert all_day.all_day is True
    assert all_day.uid == "0A7C1E2B-3D4F-4B5A-9C6D-7E8F90A1B2C3"


def test_all_day_event_starts_at_local_midnight(new_york_time):
    _, all_day = parse_invites(read("apple_calendar.ics"), own_addresses=ME)
    # Midnight in New York in July (EDT, -04:00) is 04:00 UTC.
    assert all_day.start == datetime(2025, 7, 4, 4, 0, tzinfo=UTC)
    assert all_day.end == datetime(2025, 7, 5, 4, 0, tzinfo=UTC)


def test_floating_time_is_local_time(new_york_time):
    (invite,) = parse_invites(read("floating.ics"))
    assert invite.start == datetime(2025, 6, 12, 13, 0, tzinfo=UTC)  # 09:00 EDT
    assert invite.end == invite.start + timedelta(minutes=45)  # from DURATION
    assert invite.start.tzinfo is UTC
    assert invite.attendees == (
        Attendee("Dana", "dana@globex.io", is_organizer=True),
        Attendee("Lee Park", "lee.park@globex.io"),
    )
    assert invite.company_guess == "Globex"
    assert invite.role_guess == ""


def test_undefined_tzid_is_read_as_local_time(new_york_time):
    text = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Nowhere/Zone:20250101T100000\n"
            "END:VEVENT\nEND:VCALENDAR\n")
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2025, 1, 1, 15, 0, tzinfo=UTC)  # 10:00 EST


def test_text_input_and_no_end():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
            "DTSTART;TZID=Europe/London:20250115T093000\r\nSUMMARY:Chat\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2025, 1, 15, 9, 30, tzinfo=UTC)  # GMT in January
    assert invite.end is None
    assert invite.attendees == ()
    assert invite.company_guess == ""


def test_personal_mail_domains_do_not_name_the_company():
    text = ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:2\nDTSTART:20250115T093000Z\n"
            "ATTENDEE:mailto:a@gmail.com\nATTENDEE:mailto:b@gmail.com\n"
            "ATTENDEE;CN=Cy:mailto:cy@hooli.com\nEND:VEVENT\nEND:VCALENDAR\n")
    (invite,) = parse_invites(text)
    assert invite.company_guess == "Hooli"
    assert [a.name for a in invite.attendees] == ["A", "B", "Cy"]


@pytest.mark.parametrize(("data", "message"), [
    (b"Subject: hello\n\nnot a calendar", "not an iCalendar file: it does not start with "
                                          "BEGIN:VCALENDAR"),
    ("", "not an iCalendar file"),
    (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:\xff\xfe\n", "line 3 is not UTF-8"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\n",
     "not a complete iCalendar file: it does not end with END:VCALENDAR"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20250101T100000Z\nEND:VCALENDAR\n",
     "not a valid iCalendar file: END:VCALENDAR on line 4 closes BEGIN:VEVENT"),
    ("BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n",
     "not a valid iCalendar file: END:VEVENT on line 2 closes BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
     r"the calendar has no event \(no VEVENT\)"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2025xx\nEND:VEVENT\nEND:VCALENDAR\n",
     "line 3: a broken DTSTART in an event"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20250101T100000Z\nSUMMARY x\nEND:VEVENT\n"
     "END:VCALENDAR\n", "a broken line in VEVENT on line 4: no colon"),
])
def test_malformed_files_raise_parse_error(data, message):
    with pytest.raises(ParseError, match=message):
        parse_invites(data)


def test_event_without_start():
    with pytest.raises(ParseError, match="the event that starts on line 4 has no start time"):
        parse_invites(read("no_start.ics"))


@pytest.mark.parametrize(("summary", "role"), [
    ("Interview: Senior Backend Engineer at Acme", "Senior Backend Engineer"),
    ("Acme – Product Manager – Onsite", "Product Manager"),
    ("Invitation: Phone screen - Data Scientist @ Thu Jun 12, 2025 10am - 11am (PDT)",
     "Data Scientist"),
    ("Senior Engineer interview with Jane", "Senior Engineer"),
    # The interviewer's title is not the job.
    ("Interview with Jane Doe (Engineering Manager)", ""),
    ("Hiring Manager interview", ""),
    ("Coffee with Jane", ""),
    ("Final round", ""),
])
def test_role_from_summary(summary, role):
    assert role_from_summary(summary) == role
