"""Conferencing services' joining instructions are left out of a meeting's notes, in whatever
language the invite was written; what the organizer wrote stays."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.core.invites import parse_invites
from followup.core.join_instructions import without_join_instructions

MARK = "-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-"
MEET_EN = f"""{MARK}
Join with Google Meet: https://meet.google.com/abc-defg-hij
Or dial: (US) +1 256-974-6581 PIN: 238 044 509#
More phone numbers: https://tel.meet/abc-defg-hij?pin=5074291048617

Learn more about Meet at: https://support.google.com/a/users/answer/9282720

Please do not edit this section.
{MARK}"""
MEET_DE = f"""{MARK}
Mit Google Meet teilnehmen: https://meet.google.com/abc-defg-hij
Oder wählen Sie: (DE) +49 30 300195061 PIN: 238 044 509#
Weitere Telefonnummern: https://tel.meet/abc-defg-hij?pin=5074291048617

Weitere Informationen zu Meet finden Sie hier: https://support.google.com/a/users/answer/9282720

Bitte bearbeiten Sie diesen Abschnitt nicht.
{MARK}"""
MEET_JA = f"""{MARK}
Google Meet に参加: https://meet.google.com/abc-defg-hij
電話で参加: (JP) +81 3-4578-0000 PIN: 238 044 509#

このセクションは編集しないでください。
{MARK}"""
UNDERSCORES = "_" * 80
TEAMS_OLD = f"""{UNDERSCORES}
Microsoft Teams meeting
Join on your computer or mobile app
Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjI4@thread.v2/0>
Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/>
{UNDERSCORES}"""
TEAMS_NEW_DA = f"""{UNDERSCORES}
Microsoft Teams Har du brug for hjælp?<https://aka.ms/JoinTeamsMeeting?omkt=da-DK>
Deltag i mødet nu<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjI4@thread.v2/0>
Møde-id: 351 237 940 245
Adgangskode: Wq9Ut3
{"_" * 32}
Ring ind via telefon
+45 32 72 66 75,,512449861# Danmark, København
Find et lokalt nummer<https://dialin.teams.microsoft.com/1d1a3a59?id=512449861>
Telefonkonference-id: 512 449 861#
{UNDERSCORES}"""
ZOOM_EN = """Jane Roe is inviting you to a scheduled Zoom meeting.

Topic: Interview: Backend Engineer
Time: Mar 12, 2025 10:00 AM Pacific Time (US and Canada)

Join Zoom Meeting
https://us02web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoP

Meeting ID: 812 3456 7890
Passcode: 123456

---

One tap mobile
+16699006833,,81234567890#,,,,*123456# US (San Jose)
+12532158782,,81234567890#,,,,*123456# US (Tacoma)

Dial by your location
        +1 669 900 6833 US (San Jose)
        +1 253 215 8782 US (Tacoma)
Meeting ID: 812 3456 7890
Passcode: 123456
Find your local number: https://us02web.zoom.us/u/kbGxyz

Join by SIP
81234567890@zoomcrc.com

Join by H.323
162.255.37.11 (US West)
162.255.36.11 (US East)
Meeting ID: 812 3456 7890
Passcode: 123456"""
ZOOM_DE = """Zoom-Meeting beitreten
https://zoom.us/j/91234567890?pwd=QWERTY

Meeting-ID: 912 3456 7890
Kenncode: 654321
Schnelleinwahl mobil
+496938079883,,91234567890#,,,,*654321# Deutschland
Einwahl nach aktuellem Standort
        +49 69 3807 9883 Deutschland"""

ORGANIZER_TOP = "Hi Sam,\n\nYou'll meet Ivan and Dana; bring a laptop for the pairing part."
ORGANIZER_BOTTOM = "Parking is behind the bakery on Elm Street."


@pytest.mark.parametrize("block", [MEET_EN, MEET_DE, MEET_JA, TEAMS_OLD, TEAMS_NEW_DA, ZOOM_EN,
                                   ZOOM_DE])
def test_joining_instructions_are_left_out_and_the_organizers_words_stay(block):
    text = f"{ORGANIZER_TOP}\n\n{block}\n\n{ORGANIZER_BOTTOM}"
    assert without_join_instructions(text) == f"{ORGANIZER_TOP}\n\n{ORGANIZER_BOTTOM}"


@pytest.mark.parametrize("block", [MEET_EN, TEAMS_NEW_DA, ZOOM_EN])
def test_a_description_of_joining_instructions_only_is_empty(block):
    assert without_join_instructions(block) == ""


def test_a_meet_link_the_organizer_typed_stays():
    text = "Backup room if the video fails: https://meet.google.com/abc-defg-hij"
    assert without_join_instructions(text) == text


def test_an_invite_keeps_only_the_organizers_words_as_its_description():
    description = f"{ORGANIZER_TOP}\n\n{TEAMS_NEW_DA}".replace("\n", "\\n").replace(",", "\\,")
    lines = ["UID:j", "DTSTART:20250301T100000Z", f"DESCRIPTION:{description}"]
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", *lines,
                        "END:VEVENT", "END:VCALENDAR", ""])
    (invite,) = parse_invites(data, now=datetime(2025, 1, 1, tzinfo=UTC))
    assert invite.description == ORGANIZER_TOP


def test_marks_inside_a_line_of_an_html_description_are_found():
    html = (f"<p>{ORGANIZER_BOTTOM}</p>{MARK}<br>Join with Google Meet: "
            f'<a href="https://meet.google.com/abc-defg-hij">meet.google.com/abc-defg-hij</a>'
            f"<br>Please do not edit this section.<br>{MARK}")
    lines = ["UID:h", "DTSTART:20250301T100000Z", f"DESCRIPTION:{html}"]
    data = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", *lines,
                        "END:VEVENT", "END:VCALENDAR", ""])
    (invite,) = parse_invites(data, now=datetime(2025, 1, 1, tzinfo=UTC))
    assert invite.description == ORGANIZER_BOTTOM


def test_a_teams_block_without_its_lines_is_read_by_its_link_and_numbers():
    block = ("Microsoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3am"
             "eeting_NjI4@thread.v2/0\nMeeting ID: 351 237 940 245\nPasscode: Wq9Ut3")
    text = f"{ORGANIZER_TOP}\n\n{block}\n\n{ORGANIZER_BOTTOM}"
    assert without_join_instructions(text) == f"{ORGANIZER_TOP}\n\n{ORGANIZER_BOTTOM}"


REAL_ICS = Path(__file__).resolve().parent.parent / "data" / "real" / "ics"


@pytest.mark.parametrize(("name", "description"), [
    # Google Calendar in Swedish: an HTML description whose Meet block follows on one line.
    ("thunderbird-meet-meeting-invite.ics",
     "This is a test. Bold. Italic.\n\nWill discuss address for email <foo@example.com> and "
     "http://example.com?foo=bar."),
    # Outlook in Finnish: the description is the Teams block and nothing else.
    ("thunderbird-teams-meeting-invite.ics", ""),
])
def test_real_invites_keep_only_what_the_organizer_wrote(name, description):
    (invite,) = parse_invites((REAL_ICS / name).read_bytes())
    assert invite.description == description
