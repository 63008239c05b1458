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
     r"line 3: the calendar ends without an event \(no VEVENT\)"),
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


# --- kinds of real-world trouble, each with a small input of our own ------------------------

def calendar(*event_lines: str, method: str = "", head: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    lines += [f"METHOD:{method}"] if method else []
    lines += [head] if head else []
    lines += ["BEGIN:VEVENT", *event_lines, "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode("utf-8")


def test_a_fold_inside_a_multibyte_character_is_unfolded_before_decoding():
    summary = "SUMMARY:Entretien avec Hélène Müller-Lüdenscheidt à Zürich".encode()
    cut = summary.index("ü".encode()) + 1  # between the two bytes of "ü"
    data = calendar("UID:fold", "DTSTART:20250301T100000Z").replace(
        b"UID:fold", b"UID:fold\r\n" + summary[:cut] + b"\r\n " + summary[cut:])
    (invite,) = parse_invites(data)
    assert invite.summary == "Entretien avec Hélène Müller-Lüdenscheidt à Zürich"


def test_bytes_that_are_not_utf8_are_refused_naming_the_line():
    data = calendar("UID:x", "DTSTART:20250301T100000Z", "SUMMARY:caf\xe9").replace(
        "café".encode(), b"caf\xe9")
    with pytest.raises(ParseError, match=r"^line 7 is not UTF-8 text"):
        parse_invites(data)


def test_an_empty_tzid_is_local_time_and_says_so(new_york_time):
    (invite,) = parse_invites(calendar("UID:tz", "DTSTART;TZID=:20250110T090000",
                                       "DTEND;TZID=:20250110T100000"))
    assert invite.start == datetime(2025, 1, 10, 14, 0, tzinfo=UTC)  # 09:00 EST
    assert invite.end == datetime(2025, 1, 10, 15, 0, tzinfo=UTC)
    assert invite.warnings == (
        "line 6: the time zone (TZID) is empty, so the time is read as your own local time",)


@pytest.mark.parametrize("unused", [
    "SEQUENCE:4294967296",
    "RRULE:FREQ=SOMETIMES",
    "X-WR-WEIRD;X-P=1:anything",
    "GEO:north;south",
    "CREATED:yesterday",
    "PRIORITY:high",
])
def test_a_broken_property_followup_never_uses_does_not_refuse(unused):
    (invite,) = parse_invites(calendar("UID:u", "DTSTART:20250301T100000Z", unused,
                                       "SUMMARY:Onsite"))
    assert invite.start == datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
    assert invite.summary == "Onsite"


def test_a_huge_sequence_is_still_read_for_updates():
    (invite,) = parse_invites(calendar("UID:u", "DTSTART:20250301T100000Z",
                                       "SEQUENCE:4294967296"))
    assert invite.sequence == 4294967296


def test_a_broken_property_followup_uses_refuses_naming_its_line():
    with pytest.raises(ParseError, match=r"^line 7: a broken DTEND in an event"):
        parse_invites(calendar("UID:u", "DTSTART:20250301T100000Z", "DTEND:soon"))


@pytest.mark.parametrize(("method", "status"), [("CANCEL", ""), ("", "STATUS:CANCELLED")])
def test_a_cancellation_is_marked(method, status):
    lines = ["UID:c", "DTSTART:20250301T100000Z", "SEQUENCE:2", *([status] if status else [])]
    (invite,) = parse_invites(calendar(*lines, method=method))
    assert invite.cancelled and invite.uid == "c" and invite.sequence == 2
    (live,) = parse_invites(calendar("UID:c", "DTSTART:20250301T100000Z", method="REQUEST"))
    assert not live.cancelled


RECURRING = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:loop\r\nSUMMARY:Interview loop\r\n"
    "DTSTART;TZID=Europe/Berlin:20250303T100000\r\nDTEND;TZID=Europe/Berlin:20250303T110000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20250310T100000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:loop\r\nSUMMARY:Interview loop (moved)\r\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20250317T100000\r\n"
    "DTSTART;TZID=Europe/Berlin:20250318T140000\r\nDTEND;TZID=Europe/Berlin:20250318T150000\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.mark.parametrize(("now", "start", "summary"), [
    (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 3, 9, 0, tzinfo=UTC), "Interview loop"),
    # 10 March is excluded; the 17th was moved to the 18th at 14:00.
    (datetime(2025, 3, 4, tzinfo=UTC), datetime(2025, 3, 18, 13, 0, tzinfo=UTC),
     "Interview loop (moved)"),
    (datetime(2025, 3, 19, tzinfo=UTC), datetime(2025, 3, 24, 9, 0, tzinfo=UTC),
     "Interview loop"),
    (datetime(2026, 1, 1, tzinfo=UTC), datetime(2025, 3, 24, 9, 0, tzinfo=UTC),
     "Interview loop"),
])
def test_a_recurring_event_with_overrides_is_one_meeting_the_one_meant(now, start, summary):
    (invite,) = parse_invites(RECURRING, now=now)
    assert (invite.start, invite.summary) == (start, summary)
    assert invite.end - invite.start == timedelta(hours=1)


def test_people_are_told_apart_by_address_and_addresses_are_normalised():
    (invite,) = parse_invites(calendar(
        "UID:p", "DTSTART:20250301T100000Z",
        'ORGANIZER;CN="Doe, Jane":mailto:mailto:Jane.Doe@Acme.com',
        "ATTENDEE;CN=Alex Kim:MAILTO:alex.kim@acme.com",
        "ATTENDEE;CN=Alex Kim:mailto:alex.kim@globex.io",
        "ATTENDEE;CN=Sam Lee:mailto:sam.l ee@acme.com",
        "ATTENDEE;CN=Pat Roe:mailto:pat.roe@acme.com;X-NUM-GUESTS=0",
        "ATTENDEE;CN=Broken:mailto:nobody@",
    ))
    assert invite.attendees == (
        Attendee("Jane Doe", "jane.doe@acme.com", is_organizer=True),
        Attendee("Alex Kim", "alex.kim@acme.com"),
        Attendee("Alex Kim", "alex.kim@globex.io"),
        Attendee("Sam Lee", "sam.lee@acme.com"),
        Attendee("Pat Roe", "pat.roe@acme.com"),
    )
    assert len(invite.warnings) == 1
    assert invite.warnings[0].startswith("line 12: left out, 'mailto:nobody@' is not an email")


def test_an_html_description_becomes_plain_text():
    html = ("<b>Join</b> the call:<br>https://meet.google.com/abc-defg-hij<br><br>"
            "Agenda:&nbsp;system&nbsp;design &amp; Q&amp;A<ul><li>intro</li><li>design</li></ul>")
    (invite,) = parse_invites(calendar("UID:h", "DTSTART:20250301T100000Z",
                                       f"DESCRIPTION:{html}"))
    assert invite.description == ("Join the call:\nhttps://meet.google.com/abc-defg-hij\n\n"
                                  "Agenda: system design & Q&A\n- intro\n- design")


def test_plain_descriptions_with_angle_brackets_stay_as_written():
    (invite,) = parse_invites(calendar("UID:h", "DTSTART:20250301T100000Z",
                                       "DESCRIPTION:Bring List<Event> examples\\n2 < 3"))
    assert invite.description == "Bring List<Event> examples\n2 < 3"


@pytest.mark.parametrize(("zone", "start", "duration", "end"), [
    # Europe changes to summer time on 30 March 2025: one nominal day is 23 hours long.
    ("Europe/Berlin", "20250329T100000", "P1D", datetime(2025, 3, 30, 8, 0, tzinfo=UTC)),
    ("Europe/Berlin", "20250329T100000", "PT24H", datetime(2025, 3, 30, 9, 0, tzinfo=UTC)),
    ("America/New_York", "20251101T090000", "P1DT2H",
     datetime(2025, 11, 2, 16, 0, tzinfo=UTC)),
    ("Europe/Berlin", "20250301T100000", "PT45M", datetime(2025, 3, 1, 9, 45, tzinfo=UTC)),
])
def test_duration_days_are_nominal_days_in_the_event_zone(zone, start, duration, end):
    (invite,) = parse_invites(calendar("UID:d", f"DTSTART;TZID={zone}:{start}",
                                       f"DURATION:{duration}"))
    assert invite.end == end


@pytest.mark.parametrize("personal", [
    "jo@gmail.com", "jo@icloud.com", "jo@yahoo.co.uk", "jo@yahoo.fr", "jo@hotmail.com",
    "jo@outlook.com", "jo@gmx.at", "jo@gmx.net", "jo@xs4all.nl", "jo@web.de",
    "jo@acme.onmicrosoft.com", "jo@proton.me",
])
def test_free_mail_and_hosting_domains_name_no_company(personal):
    (invite,) = parse_invites(calendar("UID:f", "DTSTART:20250301T100000Z",
                                       "SUMMARY:Catch-up", f"ORGANIZER;CN=Jo:mailto:{personal}"))
    assert (invite.company_guess, invite.domain) == ("", "")


def test_without_a_work_address_the_summary_names_the_company():
    (invite,) = parse_invites(calendar("UID:f", "DTSTART:20250301T100000Z",
                                       "SUMMARY:Interview at Quarry Labs",
                                       "ORGANIZER;CN=Jo:mailto:jo@gmail.com"))
    assert (invite.company_guess, invite.domain) == ("Quarry Labs", "")


@pytest.mark.parametrize("summary", ["Quarry Labs interview", "Final round: Quarry Labs",
                                     "Interview with Jane (QuarryLabs)"])
def test_the_company_is_spelled_as_the_summary_spells_it(summary):
    (invite,) = parse_invites(calendar("UID:q", "DTSTART:20250301T100000Z",
                                       f"SUMMARY:{summary}",
                                       "ORGANIZER;CN=Jo:mailto:jo@quarrylabs.com"))
    assert invite.domain == "quarrylabs.com"
    assert invite.company_guess == ("QuarryLabs" if "(QuarryLabs)" in summary
                                    else "Quarry Labs")


def test_ties_between_work_domains_go_to_the_organizer_whatever_the_order():
    lines = ["UID:t", "DTSTART:20250301T100000Z", "ORGANIZER;CN=A:mailto:a@hooli.com",
             "ATTENDEE;CN=B:mailto:b@initech.com"]
    (invite,) = parse_invites(calendar(*lines))
    assert (invite.company_guess, invite.domain) == ("Hooli", "hooli.com")


def test_a_file_of_bare_events_is_read():
    text = "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20250301T100000Z\r\nEND:VEVENT\r\n"
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("lines", [
    ("DTSTART:20250301T100000Z", "DTSTART:20250302T100000Z"),  # DTSTART twice
    ("DTSTART:T100000",),  # a time without a date
    ("DTSTART:20250301T100000Z", "DURATION:PT1H", "DURATION:PT2H"),
])
def test_a_start_or_length_that_is_not_one_date_is_refused_naming_the_line(lines):
    with pytest.raises(ParseError, match=r"^line \d+: "):
        parse_invites(calendar("UID:x", *lines))


def test_an_unreadable_exception_date_or_a_repeated_rule_does_not_refuse():
    (invite,) = parse_invites(calendar(
        "UID:r", "DTSTART:20250303T100000Z", "RRULE:FREQ=DAILY;COUNT=3",
        "RRULE:FREQ=WEEKLY;COUNT=2", "EXDATE:yesterday"), now=datetime(2025, 3, 4, tzinfo=UTC))
    assert invite.start == datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def test_an_address_without_letters_still_gives_a_name():
    (invite,) = parse_invites(calendar("UID:n", "DTSTART:20250301T100000Z",
                                       "ORGANIZER:mailto:123@acme.com"))
    assert invite.attendees == (Attendee("123", "123@acme.com", is_organizer=True),)


def test_a_nameless_time_zone_from_exchange_is_floating_time(new_york_time):
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:\r\nBEGIN:STANDARD\r\n"
            "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=:20150826T090000\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2015, 8, 26, 13, 0, tzinfo=UTC)  # 09:00 EDT
    assert invite.warnings[0].startswith("line 13: the time zone (TZID) is empty")


def test_an_unreadable_time_zone_definition_is_left_out_and_read_by_name():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
            "BEGIN:STANDARD\r\nDTSTART:18930401T000000\r\nTZOFFSETFROM:+5328\r\n"
            "TZOFFSETTO:+0100\r\nTZUNTIL:20300101T000000Z\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            "BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Europe/Berlin:20121202T080000\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2012, 12, 2, 7, 0, tzinfo=UTC)
    assert "a time zone definition that cannot be read was left out" in invite.warnings[0]


def test_a_broken_line_in_a_to_do_does_not_refuse_the_invite():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nDUE:-0011130T160000\r\n"
            "END:VTODO\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250301T100000Z\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n")
    (invite,) = parse_invites(text)
    assert invite.start == datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


# --- rooms, group mailboxes and the user's own address ------------------------------------

def event(*people: str, method: str = "REQUEST", calname: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
             *([f"METHOD:{method}"] if method else []),
             *([f"X-WR-CALNAME:{calname}"] if calname else []),
             "BEGIN:VEVENT", "UID:kettle-1", "DTSTAMP:20260301T090000Z",
             "DTSTART:20260310T150000Z", "DTEND:20260310T160000Z",
             "SUMMARY:Kettle interview", *people, "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


ORGANIZER = "ORGANIZER;CN=Rita Moreno:mailto:rita@kettle.co"
ACCEPTED = ("ATTENDEE;CN=Rita Moreno;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:rita@kettle.co",
            "ATTENDEE;CN=Ivan Petrov;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:ivan@kettle.co")


def emails(data: bytes, own=()) -> list[str]:
    (invite,) = parse_invites(data, own_addresses=own)
    return [a.email for a in invite.attendees]


@pytest.mark.parametrize("room", [
    "ATTENDEE;CN=Interview Room 4B:mailto:interview-room-4b@kettle.co",
    "ATTENDEE;CN=Conf Rm 3 (8):mailto:c_1888@kettle.co",
    "ATTENDEE;CN=Zoom Room:mailto:zr-dublin@kettle.co",
    "ATTENDEE;CN=DUB-2-Liffey (10) [Projector]:mailto:c_42ab@kettle.co",
    "ATTENDEE;CN=Boardroom:mailto:boardroom@kettle.co",
    "ATTENDEE:mailto:room-4b@resource.calendar.google.com",
    "ATTENDEE;CN=Liffey:mailto:liffey@resource.kettle.co",
    "ATTENDEE;CN=Liffey:mailto:rm-liffey@kettle.co",
])
def test_rooms_without_cutype_are_not_people(room):
    assert emails(event(ORGANIZER, *ACCEPTED, room), own=("me@gmail.com",)) == [
        "rita@kettle.co", "ivan@kettle.co"]


@pytest.mark.parametrize("person", [
    "ATTENDEE;CN=Roomi Haddad:mailto:roomi@kettle.co",
    "ATTENDEE;CN=Conor Rimmer:mailto:conor.rimmer@kettle.co",
    "ATTENDEE;CN=Ana Ruiz (she/her):mailto:ana@kettle.co",
    "ATTENDEE;CN=Rachel Moore:mailto:rm@kettle.co",  # initials, not a room
    "ATTENDEE;CN=Tomás Aguirre:mailto:ta@kettle.co",
])
def test_people_whose_names_look_a_little_like_rooms_stay(person):
    assert len(emails(event(ORGANIZER, person), own=("me@gmail.com",))) == 2


@pytest.mark.parametrize("organizer", [
    "ORGANIZER;CN=Talent Team:mailto:talent@kettle.co",
    "ORGANIZER;CN=Recruiting:mailto:recruiting@kettle.co",
    "ORGANIZER;CN=Kettle Careers:mailto:careers@kettle.co",
    "ORGANIZER:mailto:no-reply@kettle.co",
    "ORGANIZER;CN=Kettle:mailto:calendar-notification@kettle.co",
    "ORGANIZER;CN=Interviews:mailto:talent-team@kettle.co",
    "ORGANIZER;CUTYPE=GROUP;CN=Data Guild:mailto:data-guild@kettle.co",
    "ORGANIZER;CN=Kettle HR Department:mailto:hr.dept@kettle.co",
])
def test_a_group_organizer_is_no_one_to_thank(organizer):
    (invite,) = parse_invites(event(organizer, ACCEPTED[1]), own_addresses=("me@gmail.com",))
    assert [(a.email, a.is_organizer) for a in invite.attendees] == [("ivan@kettle.co", False)]
    assert (invite.domain, invite.company_guess) == ("kettle.co", "Kettle")


def test_a_group_organizer_sent_by_a_person_has_that_person_as_coordinator():
    data = event('ORGANIZER;CN=Talent Team;SENT-BY="mailto:rita@kettle.co":'
                 "mailto:talent@kettle.co", *ACCEPTED)
    (invite,) = parse_invites(data, own_addresses=("me@gmail.com",))
    assert invite.attendees == (Attendee("Rita Moreno", "rita@kettle.co", True),
                                Attendee("Ivan Petrov", "ivan@kettle.co", False))


def test_the_one_attendee_asked_to_answer_is_the_user():
    me = "ATTENDEE;CN=Sam Rivera;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:sam@gmail.com"
    assert emails(event(ORGANIZER, *ACCEPTED, me)) == ["rita@kettle.co", "ivan@kettle.co"]
    # PARTSTAT left out is NEEDS-ACTION (RFC 5545 §3.2.12)
    bare = "ATTENDEE;RSVP=TRUE:mailto:sam@gmail.com"
    assert emails(event(ORGANIZER, *ACCEPTED, bare)) == ["rita@kettle.co", "ivan@kettle.co"]


def test_among_several_asked_to_answer_the_one_outside_the_company_is_the_user():
    waiting = ("ATTENDEE;CN=Ivan Petrov;RSVP=TRUE:mailto:ivan@kettle.co",
               "ATTENDEE;CN=Mei Lin;RSVP=TRUE:mailto:mei@kettle.co",
               "ATTENDEE;CN=Sam Rivera;RSVP=TRUE:mailto:sam.rivera@outlook.com")
    assert emails(event(ORGANIZER, *waiting)) == [
        "rita@kettle.co", "ivan@kettle.co", "mei@kettle.co"]


@pytest.mark.parametrize(("method", "people"), [
    ("PUBLISH", ("ATTENDEE;RSVP=TRUE:mailto:sam@gmail.com",)),  # not an invitation
    ("REQUEST", ("ATTENDEE;RSVP=TRUE:mailto:ivan@kettle.co",  # two outsiders: no telling
                 "ATTENDEE;RSVP=TRUE:mailto:sam@gmail.com",
                 "ATTENDEE;RSVP=TRUE:mailto:ana@yahoo.com")),
    ("REQUEST", ("ATTENDEE;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:sam@gmail.com",)),  # answered
    ("REQUEST", ("ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:sam@gmail.com",)),
])
def test_nobody_is_taken_for_the_user_without_a_clear_sign(method, people):
    assert len(emails(event(ORGANIZER, *people, method=method))) == 1 + len(people)


def test_a_calendar_named_by_an_address_is_the_users():
    data = event(ORGANIZER, *ACCEPTED, "ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam@gmail.com",
                 method="PUBLISH", calname="sam@gmail.com")
    assert emails(data) == ["rita@kettle.co", "ivan@kettle.co"]


def test_known_own_addresses_come_before_any_guess():
    me = "ATTENDEE;CN=Sam Rivera;RSVP=TRUE:mailto:sam@gmail.com"
    assert emails(event(ORGANIZER, *ACCEPTED, me), own=("sam@work.example",)) == [
        "rita@kettle.co", "ivan@kettle.co", "sam@gmail.com"]


# --- recurring series (recurring-ical-events), cancellations, declines, birthdays ----------

def events(*blocks: list[str], method: str = "", head: str = "") -> bytes:
    """A calendar of several events, each given as its lines."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    lines += [f"METHOD:{method}"] if method else []
    lines += [head] if head else []
    for block in blocks:
        lines += ["BEGIN:VEVENT", *block, "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR", ""]).encode("utf-8")


# A weekly one-to-one at 10:00 floating time, from before New York's DST change (9 March 2025)
# to after it; 10 March is excluded.
WEEKLY_FLOATING = ["UID:weekly", "SUMMARY:Weekly sync", "DTSTART:20250303T100000",
                   "DTEND:20250303T103000", "RRULE:FREQ=WEEKLY;COUNT=6",
                   "EXDATE:20250310T100000"]


@pytest.mark.parametrize(("now", "start"), [
    # After the 3 March meeting: 10 March is excluded, so the next is 17 March at 10:00
    # New York daylight time (14:00 UTC), not 10 March, not 15:00 UTC.
    (datetime(2025, 3, 4, tzinfo=UTC), datetime(2025, 3, 17, 14, 0, tzinfo=UTC)),
    (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 3, 15, 0, tzinfo=UTC)),
    # After the series: its last meeting, 7 April at 10:00 daylight time.
    (datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 4, 7, 14, 0, tzinfo=UTC)),
])
def test_a_floating_weekly_series_keeps_its_wall_clock_time_across_dst(new_york_time, now,
                                                                      start):
    (invite,) = parse_invites(events(WEEKLY_FLOATING), now=now)
    assert invite.start == start
    assert invite.end - invite.start == timedelta(minutes=30)


def test_a_meeting_under_way_is_the_one_meant():
    series = ["UID:s", "DTSTART:20250303T100000Z", "DTEND:20250303T110000Z",
              "RRULE:FREQ=DAILY;COUNT=5"]
    (invite,) = parse_invites(events(series), now=datetime(2025, 3, 4, 10, 30, tzinfo=UTC))
    assert invite.start == datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def test_a_cancelled_instance_is_no_occurrence():
    series = ["UID:s", "DTSTART;TZID=Europe/Berlin:20250303T100000",
              "DTEND;TZID=Europe/Berlin:20250303T110000", "RRULE:FREQ=WEEKLY;COUNT=3"]
    cancelled = ["UID:s", "RECURRENCE-ID;TZID=Europe/Berlin:20250310T100000",
                 "DTSTART;TZID=Europe/Berlin:20250310T100000", "STATUS:CANCELLED"]
    (invite,) = parse_invites(events(series, cancelled), now=datetime(2025, 3, 5, tzinfo=UTC))
    assert invite.start == datetime(2025, 3, 17, 9, 0, tzinfo=UTC)
    assert not invite.cancelled and invite.cancelled_occurrences == ()


def test_an_override_from_this_instance_on_moves_the_later_ones_too():
    series = ["UID:s", "SUMMARY:Daily", "DTSTART:20250303T100000Z", "DTEND:20250303T110000Z",
              "RRULE:FREQ=DAILY;COUNT=10"]
    moved = ["UID:s", "SUMMARY:Daily, later", "RECURRENCE-ID;RANGE=THISANDFUTURE:20250305T100000Z",
             "DTSTART:20250305T140000Z", "DTEND:20250305T150000Z"]
    (invite,) = parse_invites(events(series, moved), now=datetime(2025, 3, 7, 12, tzinfo=UTC))
    assert invite.start == datetime(2025, 3, 7, 14, 0, tzinfo=UTC)


def test_a_cancel_of_one_occurrence_cancels_only_that_occurrence():
    """RFC 5546 §3.2.5: METHOD:CANCEL with RECURRENCE-ID names the instance cancelled."""
    instance = ["UID:s", "SEQUENCE:1", "RECURRENCE-ID;TZID=Europe/Berlin:20250310T100000",
                "DTSTART;TZID=Europe/Berlin:20250310T100000", "STATUS:CANCELLED"]
    (invite,) = parse_invites(events(instance, method="CANCEL"))
    assert not invite.cancelled
    assert invite.cancelled_occurrences == (datetime(2025, 3, 10, 9, 0, tzinfo=UTC),)
    assert invite.cancelled_from is None
    later = [line.replace("RECURRENCE-ID;", "RECURRENCE-ID;RANGE=THISANDFUTURE;")
             for line in instance]
    (invite,) = parse_invites(events(later, method="CANCEL"))
    assert invite.cancelled_from == datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def test_a_cancel_of_the_series_cancels_it_whole():
    series = ["UID:s", "DTSTART:20250303T100000Z", "RRULE:FREQ=WEEKLY;COUNT=3"]
    (invite,) = parse_invites(events(series, method="CANCEL"))
    assert invite.cancelled and invite.cancelled_occurrences == ()


def test_attendees_who_declined_are_kept_and_marked():
    (invite,) = parse_invites(calendar(
        "UID:d", "DTSTART:20250301T100000Z",
        "ORGANIZER;CN=Rita Ruiz:mailto:rita@quarrylabs.com",
        "ATTENDEE;CN=Ivan Ito;PARTSTAT=ACCEPTED:mailto:ivan@quarrylabs.com",
        "ATTENDEE;CN=Dana Diaz;PARTSTAT=DECLINED:mailto:dana@quarrylabs.com"))
    assert [(a.name, a.declined) for a in invite.attendees] == [
        ("Rita Ruiz", False), ("Ivan Ito", False), ("Dana Diaz", True)]


@pytest.mark.parametrize("cn", ["CN='Kim, Soo-jin'", 'CN="Kim, Soo-jin"', "CN=“Kim, Soo-jin”",
                                "CN=[Kim, Soo-jin]", "CN='Soo-jin Kim'"])
def test_a_quoted_or_bracketed_name_is_a_name_without_debris(cn):
    (invite,) = parse_invites(calendar("UID:q", "DTSTART:20250301T100000Z",
                                       f"ATTENDEE;{cn}:mailto:sjkim@quarrylabs.com"))
    assert [a.name for a in invite.attendees] == ["Soo-jin Kim"]


def test_a_yearly_all_day_event_with_no_one_invited_is_no_meeting():
    birthday = ["UID:b", "SUMMARY:Ana's birthday", "DTSTART;VALUE=DATE:19900412",
                "RRULE:FREQ=YEARLY"]
    (invite,) = parse_invites(events(birthday))
    assert invite.not_a_meeting.startswith("“Ana's birthday” (line 4) is an all-day event "
                                           "that repeats every year")
    people = [*birthday, "ATTENDEE;CN=Ana Ortiz:mailto:ana@quarrylabs.com"]
    once = ["UID:o", "SUMMARY:Onsite day", "DTSTART;VALUE=DATE:20250412"]
    assert [i.not_a_meeting for i in parse_invites(events(people, once))] == ["", ""]


REAL_ICS = DATA / "real" / "ics"


@pytest.fixture
def berlin_time(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("name", "now", "start"), [
    # Weekly at 00:30 Berlin time from 4 March 2019; 11 March is excluded (EXDATE): after the
    # first, the next is 18 March, not 11 March and not the past one.
    ("recurring-ical-events-each_week_but_one_deleted.ics", datetime(2019, 3, 5, tzinfo=UTC),
     datetime(2019, 3, 17, 23, 30, tzinfo=UTC)),
    # Daily at 22:00 Berlin time; 29 January is cancelled (STATUS:CANCELLED instance).
    ("recurring-ical-events-issue_18_cancel_status.ics", datetime(2020, 1, 29, tzinfo=UTC),
     datetime(2020, 1, 30, 21, 0, tzinfo=UTC)),
    # Daily at 08:00 floating time since September 2015 (summer time): in January it is
    # 08:00 winter time, 07:00 UTC, not 06:00.
    ("recurring-ical-events-issue_243_recurrence_id_is_not_identical_to_dtstart.ics",
     datetime(2026, 1, 14, 12, tzinfo=UTC), datetime(2026, 1, 15, 7, 0, tzinfo=UTC)),
    # Outlook ends an all-day series with a UTC instant: its last day (17 September) stays.
    ("recurring-ical-events-issue_28_rrule_with_UTC_endinginZ.ics",
     datetime(2020, 9, 12, tzinfo=UTC), datetime(2020, 9, 16, 22, 0, tzinfo=UTC)),
])
def test_real_recurring_series_give_the_occurrence_meant(berlin_time, name, now, start):
    invite = parse_invites((REAL_ICS / name).read_bytes(), now=now)[0]
    assert invite.start == start


def test_googles_birthdays_calendar_is_no_meeting():
    """Google writes a birthday as RDATEs and one instance a year, no FREQ=YEARLY, and its
    one attendee ("Contacts", an address at "virtual") is no address at all."""
    invites = parse_invites((REAL_ICS / "icaljs-google_birthday.ics").read_bytes())
    assert [i.not_a_meeting.split(" (line")[0] for i in invites] == [
        "“PErson #2's birthday”", "“PErson #2's birthday”"]


def test_an_all_day_event_on_the_same_day_of_two_different_months_is_a_meeting():
    days = [["UID:x", "SUMMARY:Onsite", "DTSTART;VALUE=DATE:20250412"],
            ["UID:x", "SUMMARY:Onsite", "RECURRENCE-ID;VALUE=DATE:20250512",
             "DTSTART;VALUE=DATE:20250512"]]
    (invite,) = parse_invites(events(*days))
    assert invite.not_a_meeting == ""
