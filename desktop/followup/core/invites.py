"""Meetings from calendar invitations (.ics) as Google Calendar, Outlook and Apple Calendar
write them: when, where, and who was there, so a person's notes start from the invite.

Times come back as aware UTC datetimes. A time with a TZID is read in that zone (the file's
VTIMEZONE, an IANA name or an Outlook zone name); a floating time, or a TZID the file does not
define, is taken as the local time of this machine, which is where the meeting is usually
held. An all-day event (DATE values) starts at local midnight and has `all_day` set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import icalendar

from followup.core.cards import ParseError
from followup.core.email_guess import company_from_domain, name_from_address

__all__ = ["Attendee", "Invite", "ParseError", "parse_invites", "role_from_summary"]


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    is_organizer: bool = False  # the organizer is the coordinator of the interview


@dataclass(frozen=True)
class Invite:
    summary: str
    start: datetime  # aware, UTC
    end: datetime | None  # aware, UTC; None when the event gives neither DTEND nor DURATION
    all_day: bool
    location: str
    description: str
    attendees: tuple[Attendee, ...]  # organizer first; the user's own addresses left out
    company_guess: str
    uid: str
    role_guess: str = ""


# Addresses that say nothing about the company: personal mail and calendar services.
_SHARED_DOMAINS = frozenset(
    "gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com icloud.com "
    "me.com mac.com aol.com proton.me protonmail.com gmx.com gmx.de fastmail.com hey.com "
    "group.calendar.google.com resource.calendar.google.com calendar.google.com".split()
)
_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})  # CUTYPE of meeting rooms and equipment
# Google appends joining instructions between lines of "-::~:~::~:~:~..." marks, Microsoft
# Teams between lines of underscores; neither is about the meeting.
_JOIN_BOILERPLATE = re.compile(
    r"\n*(?:-::~[:~]+-*\n.*?(?:-::~[:~]+-*\s*|$)|_{20,}\n.*?(?:_{20,}\s*|$))", re.DOTALL)


def parse_invites(data: bytes | str, own_addresses: Sequence[str] = ()) -> list[Invite]:
    """Every event (VEVENT) in an .ics file, in file order; raises ParseError for a file that
    is not a clean iCalendar file or an event without a start."""
    calendars = _read_calendars(data)
    own = {address.strip().lower() for address in own_addresses}
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not events:
        raise ParseError("the calendar has no event (no VEVENT)")
    return [_invite(event, own, number) for number, event in enumerate(events, start=1)]


def _read_calendars(data: bytes | str) -> list:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"not an iCalendar file: it is not UTF-8 text ({exc})") from exc
    text = data.lstrip("\ufeff \t\r\n")
    if not text.upper().startswith("BEGIN:VCALENDAR"):
        raise ParseError("not an iCalendar file: it does not start with BEGIN:VCALENDAR")
    if not text.rstrip().upper().endswith("END:VCALENDAR"):
        raise ParseError("not a complete iCalendar file: it does not end with END:VCALENDAR")
    _check_nesting(text)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise ParseError(f"not a valid iCalendar file: {exc}") from exc
    for calendar in calendars:
        for component in calendar.walk():
            if component.errors:  # icalendar keeps going past broken lines; we do not
                prop, problem = component.errors[0]
                where = f" in {prop}" if prop else ""
                raise ParseError(f"a broken line{where} in {component.name}: {problem}")
    return calendars


def _check_nesting(text: str) -> None:
    """Raise unless every BEGIN has its END: icalendar drops unclosed components silently."""
    open_names: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        keyword, _, name = line.strip().upper().partition(":")
        if keyword == "BEGIN":
            open_names.append(name)
        elif keyword == "END":
            expected = open_names.pop() if open_names else None
            if name != expected:
                opened = f"BEGIN:{expected}" if expected else "no BEGIN"
                raise ParseError(
                    f"not a valid iCalendar file: END:{name} on line {number} closes {opened}")
    if open_names:
        raise ParseError(f"not a valid iCalendar file: BEGIN:{open_names[-1]} is never closed")


def _invite(event, own: set[str], number: int) -> Invite:
    if event.get("DTSTART") is None:
        raise ParseError(f"the event has no start time (event {number}, no DTSTART)")
    start_value = event.decoded("DTSTART")
    all_day = not isinstance(start_value, datetime)
    start = _to_utc(start_value)
    attendees = _attendees(event, own)
    summary = _text(event, "SUMMARY")
    return Invite(
        summary=summary, start=start, end=_end(event, start_value, start), all_day=all_day,
        location=_text(event, "LOCATION"),
        description=_JOIN_BOILERPLATE.sub("\n", _text(event, "DESCRIPTION")).strip(),
        attendees=attendees, company_guess=_company(attendees), uid=_text(event, "UID"),
        role_guess=role_from_summary(summary),
    )


def _text(event, key: str) -> str:
    value = event.get(key)
    if isinstance(value, list):  # a repeated property: the first one counts
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _to_utc(value: date | datetime) -> datetime:
    if not isinstance(value, datetime):  # an all-day DATE: midnight here
        value = datetime.combine(value, time())
    if value.tzinfo is None:  # floating time: naive astimezone() reads it as local time
        value = value.astimezone()
    return value.astimezone(UTC)


def _end(event, start_value: date | datetime, start: datetime) -> datetime | None:
    if event.get("DTEND") is not None:
        return _to_utc(event.decoded("DTEND"))
    if event.get("DURATION") is not None:
        return start + event.decoded("DURATION")
    if not isinstance(start_value, datetime):  # RFC 5545: an all-day event lasts one day
        return _to_utc(start_value + timedelta(days=1))
    return None


def _address(prop) -> str:
    """The email of an ORGANIZER or ATTENDEE: its EMAIL parameter (Apple writes urn:uuid
    values) or its mailto: value, whatever the case of "mailto:"."""
    email = str(prop.params.get("EMAIL", "")).strip()
    if not email:
        value = str(prop).strip()
        email = value[len("mailto:"):] if value.lower().startswith("mailto:") else value
    return email.strip().lower() if "@" in email else ""


def _display_name(prop, email: str) -> str:
    name = str(prop.params.get("CN", "")).strip().strip('"').strip()
    if not name or "@" in name:  # Google writes the address as CN when it has no name
        return name_from_address(email)
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts) and " " not in parts[0]:  # Outlook's "Doe, Jane"
        return f"{parts[1]} {parts[0]}"
    return name


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _attendees(event, own: set[str]) -> tuple[Attendee, ...]:
    """The organizer, then the attendees, each address once; rooms and the user left out."""
    found: dict[str, Attendee] = {}
    props = [(p, True) for p in _as_list(event.get("ORGANIZER"))]
    props += [(p, False) for p in _as_list(event.get("ATTENDEE"))]
    for prop, is_organizer in props:
        email = _address(prop)
        cutype = str(prop.params.get("CUTYPE", "")).upper()
        if not email or email in own or cutype in _NOT_PEOPLE or email in found:
            continue
        if email.split("@")[1] in {"resource.calendar.google.com", "group.calendar.google.com"}:
            continue
        found[email] = Attendee(_display_name(prop, email), email, is_organizer)
    return tuple(found.values())


def _company(attendees: Sequence[Attendee]) -> str:
    """The company of the most common work domain among the attendees."""
    domains = Counter(a.email.split("@")[1] for a in attendees)
    work = [(d, n) for d, n in domains.most_common() if d not in _SHARED_DOMAINS]
    return company_from_domain(work[0][0]) if work else ""


_ROLE_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|manager|designer|analyst|scientist|architect|"
    r"director|intern|consultant|specialist|administrator|researcher|sre|devops|lead|"
    r"product|marketing|sales|accountant|writer|editor|nurse|teacher)\b", re.IGNORECASE)
_NOT_ROLE = re.compile(
    r"\b(?:interview(?:s|ing)?|phone|video|screen(?:ing)?|on-?site|onsite|call|chat|"
    r"round|final|technical|loop|meeting|invitation|updated|canceled|cancelled)\b",
    re.IGNORECASE)

# Segments that name who interviews rather than the job.
_INTERVIEWER = re.compile(r"\bhiring\s+manager\b|\brecruit|\btalent\b|\bpanel\b", re.IGNORECASE)


def role_from_summary(summary: str) -> str:
    """The job title in an invite's summary, or "" when none is plain to see.

    "Interview: Senior Backend Engineer at Acme" -> "Senior Backend Engineer". Only a segment
    that names a kind of job counts, so a meeting called "Coffee with Jane" gives "".
    """
    summary = re.sub(r"^(?:invitation|updated invitation|accepted)\s*:\s*", "", summary,
                     flags=re.IGNORECASE)
    summary = re.sub(r"\s+@\s+.*$", "", summary)  # Google's "... @ Thu Jun 12, 10am"
    # "with Jane Doe (Engineering Manager)" names the interviewer, not the job.
    summary = re.sub(r"\bwith\b.*?(?=\s+[-–—|/]\s+|:|$)", "", summary, flags=re.IGNORECASE)
    for segment in re.split(r"\s+[-–—|/]\s+|[:()\[\]]|\s+(?:at|for)\s+", summary):
        if not _ROLE_WORDS.search(segment) or _INTERVIEWER.search(segment):
            continue
        role = re.sub(r"\s{2,}", " ", _NOT_ROLE.sub(" ", segment)).strip(" -–—,")
        if role and _ROLE_WORDS.search(role) and len(role) <= 60:
            return role
    return ""
