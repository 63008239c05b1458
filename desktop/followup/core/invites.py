"""Meetings from calendar invitations (.ics) as calendar programs write them: when, where,
who was there, and whether the organizer cancelled, so a person's notes start from the invite.

Reading follows RFC 5545. Lines are unfolded as bytes before they are decoded (§3.1: a fold
may fall inside a multi-byte UTF-8 character). Times come back as aware UTC datetimes: a
time with a TZID is read in that zone (the file's VTIMEZONE, an IANA name or an Outlook zone
name); a floating time, an empty TZID or a TZID the file does not define is the local time
of this machine (the invite says so in `warnings` for an empty TZID). An all-day event
(DATE values) starts at local midnight and has `all_day` set. Days in a DURATION are nominal
days in the event's own zone (§3.3.6), so a one-day event across a DST change still ends at
the same wall-clock time. Which occurrence of a recurring event is meant is decided in
`occurrences.py` (expanded by `recurring_ical_events`, in the event's own wall-clock time).

Only what Followup uses must be readable: a broken property it never reads (an oversized
SEQUENCE, a bad RRULE on an event with one occurrence, an unknown X- property) is skipped;
a broken start, end, attendee or organizer refuses the file with the line that is wrong.
"""

from __future__ import annotations

import html
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import icalendar
from icalendar import Event

from followup.core.addresses import BadAddress, normalise_address
from followup.core.cards import ParseError
from followup.core.domains import company_name, is_company_domain, registrable_domain
from followup.core.email_guess import name_from_address
from followup.core.join_instructions import without_join_instructions
from followup.core.names import display_name, unwrapped_name
from followup.core.occurrences import (
    as_list,
    chosen_occurrence,
    sequence_of,
    stamps_of,
    to_utc,
)

__all__ = ["Attendee", "Invite", "ParseError", "is_group", "is_room", "parse_invites",
           "plain_description", "role_from_summary"]


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    is_organizer: bool = False  # the organizer is the coordinator of the interview
    declined: bool = False  # PARTSTAT=DECLINED (RFC 5545 §3.2.12): not met, nothing to thank


@dataclass(frozen=True)
class Invite:
    summary: str
    start: datetime  # aware, UTC
    end: datetime | None  # aware, UTC; None when the event gives neither DTEND nor DURATION
    all_day: bool
    location: str
    description: str  # plain text, joining instructions removed
    attendees: tuple[Attendee, ...]  # organizer first; the user's own addresses left out
    company_guess: str
    uid: str  # "" when the event has none
    role_guess: str = ""
    domain: str = ""  # the company's email domain, "" when no attendee has a work address
    sequence: int = 0  # the revision of the invite (SEQUENCE); a higher one is an update
    stamp: datetime | None = None  # when this revision was written (DTSTAMP, LAST-MODIFIED)
    cancelled: bool = False  # the whole event: METHOD:CANCEL or STATUS:CANCELLED
    # Instances cancelled one by one (RECURRENCE-ID, UTC), the rest of the series untouched,
    # and the instance from which every later one is cancelled (RANGE=THISANDFUTURE).
    cancelled_occurrences: tuple[datetime, ...] = ()
    cancelled_from: datetime | None = None
    not_a_meeting: str = ""  # why the event is no meeting (a birthday), "" for a meeting
    line: int = 0  # the line of the file where the (first) event of this UID begins
    warnings: tuple[str, ...] = field(default=())  # what was read in a way worth saying


_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})  # CUTYPE of meeting rooms and equipment
# Properties Followup reads; a broken one refuses the file, any other broken one is skipped.
_USED = frozenset({"DTSTART", "DTEND", "DURATION", "ORGANIZER", "ATTENDEE", "RECURRENCE-ID"})
_HTML_HINT = re.compile(r"<(?:/?(?:b|i|u|p|br|div|span|a|ul|ol|li|strong|em|font|html|body)"
                        r"\b[^>]*|!--)>|&(?:nbsp|amp|lt|gt|quot|#\d+);", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    number: int  # the line in the file where this (unfolded) line starts
    text: str


def parse_invites(data: bytes | str, own_addresses: Sequence[str] = (),
                  now: datetime | None = None) -> list[Invite]:
    """One invite per event (UID) in an .ics file, in file order.

    A recurring event, or one sent as several instances with RECURRENCE-ID, is one invite:
    the occurrence under way or next at `now` (default: the current time), else the last one
    that ended (see `chosen_occurrence`). Raises ParseError, naming the line, for a file that
    cannot be read.
    """
    with warnings.catch_warnings(record=True) as caught:  # icalendar's guesses, said once
        warnings.simplefilter("always")
        invites = _parse(data, own_addresses, now)
    said = tuple(dict.fromkeys(str(w.message).split(" by ")[0].split(". ")[0] for w in caught
                               if issubclass(w.category, UserWarning)))
    return [replace(i, warnings=i.warnings + said) for i in invites] if said else invites


def _parse(data: bytes | str, own_addresses: Sequence[str],
           now: datetime | None) -> list[Invite]:
    lines = _wrapped(_logical_lines(data))
    _check_envelope(lines)
    calendars, notes = _read_calendars(lines)
    own = set()
    for address in own_addresses:
        try:
            own.add(normalise_address(address))
        except BadAddress:
            continue
    now = now or datetime.now(UTC)
    method = " ".join(str(c.get("METHOD", "")) for c in calendars).upper()
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not events:
        last = next(line.number for line in reversed(lines) if line.text.strip())
        raise ParseError(f"line {last}: the calendar ends without an event (no VEVENT)")
    begins = [line.number for line in lines if line.text.strip().upper() == "BEGIN:VEVENT"]
    begins += [0] * (len(events) - len(begins))  # never drop an event for want of a line
    located = list(zip(events, begins, strict=False))
    # An event without a UID is a group of its own, and its invite's UID stays empty: it can
    # never be matched to (or update) another file's event.
    groups: dict[str | int, list[tuple[Event, int]]] = {}
    for index, (event, begin) in enumerate(located):
        groups.setdefault(_text(event, "UID") or index, []).append((event, begin))
    calendar_names = {str(c.get("X-WR-CALNAME", "")).strip().removeprefix("mailto:").lower()
                      for c in calendars} - {""}
    zone = next((str(c["X-WR-TIMEZONE"]).strip() for c in calendars
                 if c.get("X-WR-TIMEZONE") is not None), "")
    return [_invite(key if isinstance(key, str) else "", group, lines, own, now,
                    "CANCEL" in method, notes,
                    _Delivery("REQUEST" in method, frozenset(calendar_names)), zone)
            for key, group in groups.items()]


# --- reading the file ----------------------------------------------------------------------

def _logical_lines(data: bytes | str) -> list[_Line]:
    """The file's content lines, unfolded as bytes and then decoded, with line numbers."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    physical = re.split(rb"\r*\n", raw)
    if physical and physical[-1] == b"":
        physical.pop()
    folded: list[tuple[int, bytearray]] = []
    for number, line in enumerate(physical, start=1):
        if line[:1] in (b" ", b"\t") and folded:
            folded[-1][1].extend(line[1:])  # RFC 5545 §3.1: drop the break and one blank
        else:
            folded.append((number, bytearray(line)))
    lines = []
    for number, line in folded:
        try:
            text = bytes(line).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(f"line {number} is not UTF-8 text (byte {exc.start + 1}); "
                             "save the file as UTF-8 and import it again") from None
        # A bare CR inside a value is a line break the writer did not escape.
        lines.append(_Line(number, text.replace("\r", "\\n")))
    return lines


def _wrapped(lines: list[_Line]) -> list[_Line]:
    """A file of bare events (BEGIN:VEVENT first, as some programs save one event) inside
    the calendar it belongs in."""
    content = [line for line in lines if line.text.strip()]
    if content and content[0].text.strip().upper() == "BEGIN:VEVENT" and (
            content[-1].text.strip().upper() == "END:VEVENT"):
        return [_Line(0, "BEGIN:VCALENDAR"), _Line(0, "VERSION:2.0"), *lines,
                _Line(content[-1].number, "END:VCALENDAR")]
    return lines


def _check_envelope(lines: list[_Line]) -> None:
    content = [line for line in lines if line.text.strip()]
    if not content:
        raise ParseError("not an iCalendar file: it does not start with BEGIN:VCALENDAR "
                         "(the file is empty)")
    if content[0].text.strip().upper() != "BEGIN:VCALENDAR":
        raise ParseError("not an iCalendar file: it does not start with BEGIN:VCALENDAR "
                         f"(line {content[0].number} is {content[0].text.strip()[:40]!r})")
    if content[-1].text.strip().upper() != "END:VCALENDAR":
        raise ParseError("not a complete iCalendar file: it does not end with END:VCALENDAR "
                         f"(line {content[-1].number} is {content[-1].text.strip()[:40]!r})")
    open_names: list[tuple[str, int]] = []
    for line in content:
        keyword, _, name = line.text.strip().upper().partition(":")
        if keyword == "BEGIN":
            open_names.append((name, line.number))
        elif keyword == "END":
            expected = open_names.pop()[0] if open_names else None
            if name != expected:
                opened = f"BEGIN:{expected}" if expected else "no BEGIN"
                raise ParseError(f"not a valid iCalendar file: END:{name} on line "
                                 f"{line.number} closes {opened}")
        elif ":" not in line.text and not line.text.startswith((" ", "\t")):
            where = open_names[-1][0] if open_names else "the file"
            raise ParseError(f"a broken line in {where} on line {line.number}: no colon "
                             f"between name and value: {line.text.strip()[:60]!r}")
    if open_names:
        name, number = open_names[-1]
        raise ParseError(f"not a valid iCalendar file: BEGIN:{name} on line {number} is never "
                         "closed")


def _read_calendars(lines: list[_Line]) -> tuple[list, list[str]]:
    """The calendars in the file, and what was left out to read them.

    A line icalendar cannot parse that Followup does not use (an unknown property in a time
    zone, a bad date in a to-do or a free/busy block) is dropped and the file read again; a
    time zone definition that cannot be read is dropped whole (its TZID is then read by name,
    as for a zone the file does not define), and so is a time zone without a name (Exchange
    writes "TZID:" and "DTSTART;TZID=:..."), whose times are floating. A broken line of an
    event that Followup uses refuses the file, naming the line.
    """
    lines = [_Line(line.number, line.text.rstrip(" \t"))  # "DURATION:PT10M " as meant
             if _property_name(line.text) in _USED else line
             for line in _without_nameless_zones(lines)]
    notes: list[str] = []
    for _attempt in range(50):
        text = "\r\n".join(line.text for line in lines if line.text.strip()) + "\r\n"
        try:
            return icalendar.Calendar.from_ical(text, multiple=True), notes
        except ValueError as exc:
            culprit = _culprit(lines, str(exc))
            where = f"line {culprit.number}: " if culprit else ""
            components = _components_at(lines, culprit) if culprit else []
            name = _property_name(culprit.text) if culprit else ""
            if culprit is None or name in {"BEGIN", "END"} or (
                    components[-1:] == ["VEVENT"] and name in _USED):
                raise ParseError(f"not a valid iCalendar file: {where}{exc}") from None
            if "VTIMEZONE" in components:
                lines = _without_zone_at(lines, culprit)
                notes.append(f"{where}a time zone definition that cannot be read was left "
                             f"out ({exc}); its times are read by the zone's name")
            else:
                lines = [line for line in lines if line is not culprit]
    raise ParseError("not a valid iCalendar file: too many lines that cannot be read")


def _components_at(lines: list[_Line], target: _Line) -> list[str]:
    """The components open at `target`, outermost first."""
    stack: list[str] = []
    for line in lines:
        if line is target:
            return stack
        keyword, _, name = line.text.strip().upper().partition(":")
        if keyword == "BEGIN":
            stack.append(name)
        elif keyword == "END" and stack:
            stack.pop()
    return stack


def _without_zone_at(lines: list[_Line], target: _Line) -> list[_Line]:
    index = lines.index(target)
    start = max(i for i in range(index + 1) if lines[i].text.strip().upper() == "BEGIN:VTIMEZONE")
    end = next(i for i in range(index, len(lines))
               if lines[i].text.strip().upper() == "END:VTIMEZONE")
    return lines[:start] + lines[end + 1:]


def _property_name(text: str) -> str:
    return re.split(r"[;:]", text, maxsplit=1)[0].strip().upper()


def _culprit(lines: list[_Line], message: str) -> _Line | None:
    """The line icalendar's complaint is about: its message quotes the bad name or value
    ("unsupported property: TZUNTIL", "... was +5328")."""
    words = [w.strip("'\".,:()") for w in message.split()]
    for word in reversed(words):
        if len(word) > 2:
            for line in lines:
                if word in line.text:
                    return line
    return None


def _without_nameless_zones(lines: list[_Line]) -> list[_Line]:
    kept, zone, nameless = [], [], False
    for line in lines:
        upper = line.text.strip().upper()
        if upper == "BEGIN:VTIMEZONE":
            zone, nameless = [line], False
            continue
        if zone:
            zone.append(line)
            if upper.startswith("TZID") and not upper.partition(":")[2].strip():
                nameless = True
            if upper == "END:VTIMEZONE":
                kept += [] if nameless else zone
                zone = []
            continue
        kept.append(line)
    return kept + zone


def _line_of(lines: list[_Line], begin: int, name: str) -> int:
    """The number of the first line of property `name` in the event that begins on line
    `begin` (the event's first line when it has none)."""
    for line in _event_lines(lines, begin):
        if re.match(rf"{re.escape(name)}[;:]", line.text, re.I):
            return line.number
    return begin


def _event_lines(lines: list[_Line], begin: int) -> list[_Line]:
    """The lines of the event that begins on line `begin`, up to its END:VEVENT."""
    found = []
    for line in lines:
        if line.number < begin:
            continue
        found.append(line)
        if line.text.strip().upper() == "END:VEVENT":
            break
    return found


def _raw_value(lines: list[_Line], begin: int, name: str) -> str:
    """The value of property `name` in the event that begins on line `begin`, as written."""
    for line in _event_lines(lines, begin):
        if re.match(rf"{re.escape(name)}[;:]", line.text, re.I):
            return line.text.split(":", 1)[1] if ":" in line.text else ""
    return ""


_KINDS = {"DTSTART": (date,), "DTEND": (date,), "RECURRENCE-ID": (date,),
          "DURATION": (timedelta,)}  # datetime is a date too


def _check_used(event, lines: list[_Line], begin: int) -> None:
    for prop, problem in event.errors:
        if (prop or "").upper() in _USED:
            raise ParseError(f"line {_line_of(lines, begin, prop)}: a broken {prop} in an "
                             f"event: {problem}")
    for key, kinds in _KINDS.items():
        value = event.get(key)
        if value is None:
            continue
        where = _line_of(lines, begin, key)
        if isinstance(value, list):
            raise ParseError(f"line {where}: {key} appears more than once in one event")
        try:
            decoded = event.decoded(key)
        except (ValueError, TypeError, KeyError) as exc:
            raise ParseError(f"line {where}: a broken {key} in an event: {exc}") from None
        if not isinstance(decoded, kinds):
            raise ParseError(f"line {where}: {key} is not a date or a length of time: "
                             f"{_raw_value(lines, begin, key)[:40]!r}")


# --- one event -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Delivery:
    """What the file says about who it was sent to (see `_recipients`)."""
    request: bool  # METHOD:REQUEST, an invitation sent to its attendees (RFC 5546 §3.2.2)
    calendar_names: frozenset[str]  # X-WR-CALNAME values, lowercased


def _invite(uid: str, group: list[tuple[Event, int]], lines: list[_Line], own: set[str],
            now: datetime, method_cancel: bool, notes: list[str],
            delivery: _Delivery = _Delivery(False, frozenset()), zone: str = "") -> Invite:
    for event, begin in group:
        _check_used(event, lines, begin)
        if event.get("DTSTART") is None:
            raise ParseError(f"the event that starts on line {begin} has no start time "
                             "(no DTSTART)")
    event, start_value, begin = chosen_occurrence(group, now, zone)
    cancelled, occurrences, cancelled_from = _cancellation(group, method_cancel)
    warnings = list(notes)
    if any(re.search(r";TZID=[:;]", line.text, re.IGNORECASE)
           for line in _event_lines(lines, begin)):
        warnings.append(f"line {_line_of(lines, begin, 'DTSTART')}: the time zone (TZID) is "
                        "empty, so the time is read as your own local time")
    all_day = not isinstance(start_value, datetime)
    start = to_utc(start_value)
    not_people: list[str] = []  # group mailboxes: no one to thank, still the company's domain
    attendees = _attendees(event, own or _recipients(event, delivery), lines, begin, warnings,
                           not_people)
    summary = _text(event, "SUMMARY")
    domain, company = _company(attendees, summary, not_people)
    return Invite(
        summary=summary, start=start, all_day=all_day,
        end=_end(event, start_value, start, _raw_value(lines, begin, "DURATION")),
        location=_text(event, "LOCATION"),
        description=without_join_instructions(plain_description(_text(event, "DESCRIPTION"))),
        attendees=attendees, company_guess=company, uid=uid,
        role_guess=role_from_summary(summary), domain=domain,
        sequence=max((sequence_of(e) for e, _ in group), default=0),
        stamp=max((t for e, _ in group for t in stamps_of(e)), default=None),
        cancelled=cancelled, cancelled_occurrences=occurrences, cancelled_from=cancelled_from,
        not_a_meeting=_not_a_meeting(group, all_day, attendees, lines), line=group[0][1],
        warnings=tuple(warnings),
    )


def _cancellation(group: list[tuple[Event, int]], method_cancel: bool
                  ) -> tuple[bool, tuple[datetime, ...], datetime | None]:
    """(the whole series is cancelled, the occurrences cancelled one by one, the occurrence
    from which every later one is cancelled).

    RFC 5546 §3.2.5: a CANCEL with RECURRENCE-ID cancels that instance only (RANGE=
    THISANDFUTURE: that one and every later one); without, the whole event. STATUS:CANCELLED
    on the series cancels the whole series, on an instance that instance (RFC 5545 §3.8.1.11).
    """
    series = [e for e, _b in group if e.get("RECURRENCE-ID") is None]
    if series:
        whole = method_cancel or any(_text(e, "STATUS").upper() == "CANCELLED" for e in series)
        return whole, (), None
    instances = [e for e, _b in group
                 if method_cancel or _text(e, "STATUS").upper() == "CANCELLED"]
    if len(instances) < len(group):  # some instances still take place: nothing is cancelled
        return False, (), None
    found = tuple(to_utc(e.decoded("RECURRENCE-ID")) for e in instances)
    later = [when for e, when in zip(instances, found, strict=True)
             if str(e["RECURRENCE-ID"].params.get("RANGE", "")).upper() == "THISANDFUTURE"]
    return False, found, min(later, default=None)


def _not_a_meeting(group: list[tuple[Event, int]], all_day: bool,
                   attendees: Sequence[Attendee], lines: list[_Line]) -> str:
    """Why an event is no meeting to follow up, or "": an all-day event that repeats every
    year and invites no one is a birthday or an anniversary (Google's and Apple's birthday
    calendars, a contact's anniversary), never a meeting with people to thank. Every year
    is an RRULE with FREQ=YEARLY, or the same day of the year in several years among the
    event's dates (Google's birthdays calendar writes RDATEs and one instance a year)."""
    if not all_day or attendees:
        return ""
    if not any("FREQ=YEARLY" in re.sub(r"\s", "", _raw_value(lines, line, "RRULE")).upper()
               for _event, line in group):
        days = Counter((d[4:8], d[:4]) for _e, line in group for d in _dates_written(lines, line))
        years_per_day = Counter(day for day, _year in days)
        if not any(count > 1 for count in years_per_day.values()):
            return ""
    summary = _text(group[0][0], "SUMMARY") or "an event"
    return (f"“{summary}” (line {group[0][1]}) is an all-day event that repeats every year and "
            "invites no one (a birthday or an anniversary), not a meeting")


def _dates_written(lines: list[_Line], begin: int) -> list[str]:
    """The dates (YYYYMMDD) of the DTSTART, RECURRENCE-ID and RDATE lines of an event."""
    found = []
    for line in _event_lines(lines, begin):
        if _property_name(line.text) in ("DTSTART", "RECURRENCE-ID", "RDATE"):
            found += re.findall(r"(?<!\d)(\d{8})(?!\d)", line.text.partition(":")[2])
    return found


def _text(event, key: str) -> str:
    value = event.get(key)
    if isinstance(value, list):  # a repeated property: the first one counts
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _nominal_days(raw: str) -> int:
    """The weeks and days of a DURATION as written ("P1W2DT3H" -> 9)."""
    match = re.match(r"\s*\+?P(?:(\d+)W)?(?:(\d+)D)?", raw.upper())
    if not match:
        return 0
    return 7 * int(match.group(1) or 0) + int(match.group(2) or 0)


def _end(event, start_value: date | datetime, start: datetime,
         raw_duration: str = "") -> datetime | None:
    """The end of the chosen occurrence: its DTEND, else its start plus DURATION, else a day
    for an all-day event; None when the event gives no length."""
    if event.get("DTEND") is not None:
        length = to_utc(event.decoded("DTEND")) - to_utc(event.decoded("DTSTART"))
        return start + max(length, timedelta(0))
    if event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        days = _nominal_days(raw_duration)
        if not isinstance(start_value, datetime):
            return to_utc(start_value + timedelta(days=days))
        # RFC 5545 §3.3.6: weeks and days are nominal (the same wall time in the event's own
        # zone), hours, minutes and seconds exact. "PT24H" is 24 hours, "P1D" a day.
        local = start_value if start_value.tzinfo else start_value.astimezone()
        nominal = local + timedelta(days=days)
        return nominal.astimezone(UTC) + (duration - timedelta(days=days))
    if not isinstance(start_value, datetime):  # RFC 5545: an all-day event lasts one day
        return to_utc(start_value + timedelta(days=1))
    return None


# --- people --------------------------------------------------------------------------------

def _address(prop) -> str:
    """The raw address of an ORGANIZER or ATTENDEE: its EMAIL parameter (Apple writes urn:uuid
    values) or its value."""
    email = str(prop.params.get("EMAIL", "")).strip()
    return email or str(prop).strip()


def _common_name(prop) -> str:
    """The CN parameter as one piece of text, its quotes taken off. RFC 5545 quotes with
    double quotes only, so a mailer's CN='Kim, Soo-jin' reaches icalendar as a list of two
    values split at the comma ("'Kim", " Soo-jin'"): joined again, then unquoted."""
    value = prop.params.get("CN", "")
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    return unwrapped_name(str(value))


def _display_name(prop, email: str) -> str:
    name = _common_name(prop)
    if not name or "@" in name:  # Google writes the address as CN when it has no name
        return name_from_address(email) or email.split("@")[0]
    return display_name(name)


def _attendees(event, own: set[str], lines: list[_Line], begin: int, warnings: list[str],
               not_people: list[str] | None = None) -> tuple[Attendee, ...]:
    """The organizer, then the attendees, each address once; rooms, group mailboxes and the
    user left out (see `is_room` and `is_group`). An organizer that is a group but names
    the person who sent for it (SENT-BY, RFC 5545 §3.2.18) is that person.

    People are told apart by address only: two attendees with one name and two addresses
    stay two people. An address that is not valid is left out and the warning names its line.
    `not_people` receives the addresses of group mailboxes (their domain still names the
    company).
    """
    found: dict[str, Attendee] = {}
    not_people = [] if not_people is None else not_people
    props = [(p, True) for p in as_list(event.get("ORGANIZER"))]
    props += [(p, False) for p in as_list(event.get("ATTENDEE"))]
    for prop, is_organizer in props:
        raw = _address(prop)
        if not raw or raw.lower().startswith(("urn:", "http:", "https:", "cid:")):
            continue  # no address to write to
        try:
            email = normalise_address(raw)
        except BadAddress as exc:
            key = "ORGANIZER" if is_organizer else "ATTENDEE"
            number = next((line.number for line in _event_lines(lines, begin)
                           if line.text.upper().startswith(key) and raw in line.text),
                          _line_of(lines, begin, key))
            warnings.append(f"line {number}: left out, {exc}")
            continue
        cutype = str(prop.params.get("CUTYPE", "")).upper()
        name = _common_name(prop)
        if email in own or email in found or is_room(name, email, cutype):
            continue
        if is_group(name, email, cutype):
            not_people.append(email)
            sender = _sent_by(prop) if is_organizer else ""
            if not sender or sender in own or sender in found or is_group("", sender, ""):
                continue
            email, prop = sender, _attendee_prop(event, sender) or prop
            if prop is not None and is_group(_common_name(prop), email, ""):
                prop = None
            found[email] = Attendee(_display_name(prop, email) if prop is not None
                                    else name_from_address(email), email, True)
            continue
        declined = str(prop.params.get("PARTSTAT", "")).strip().upper() == "DECLINED"
        found[email] = Attendee(_display_name(prop, email), email, is_organizer, declined)
    return tuple(found.values())


def _sent_by(prop) -> str:
    """The address in an organizer's SENT-BY, normalised; "" when none or not valid."""
    return _normalised(str(prop.params.get("SENT-BY", "")).strip().strip('"'))


def _attendee_prop(event, email: str):
    """The ATTENDEE line for `email`, for its CN; None when it is not an attendee."""
    return next((p for p in as_list(event.get("ATTENDEE")) if _normalised(_address(p)) == email),
                None)


# Rooms and equipment without CUTYPE: "Interview Room 4B", "Conf Rm 3 (8)", "Zoom Room",
# "Boardroom", "NYC-9-Hudson (10)" (a capacity in brackets), and addresses such as
# room-4b@... or anything at a resource domain (resource.calendar.google.com, Exchange's
# resource.acme.com).
_ROOM_NAME_RE = re.compile(
    r"\b(?:room|rm|conf|conference|boardroom|meeting\s*room|huddle(?:\s*space)?|"
    r"phone\s*booth|focus\s*booth|auditorium|projector|equipment|resource)\b|"
    r"\(\d{1,4}\)\s*(?:\[[^\]]*\])?\s*$", re.IGNORECASE)
_ROOM_LOCAL_RE = re.compile(  # "rm@" and "conf@" alone may be someone's initials
    r"^(?:(?:room|conference|confroom|boardroom|meetingroom|meeting-room|huddle|resource)"
    r"(?:$|[\W_\d])|(?:rm|conf)[\W_\d])", re.IGNORECASE)
_RESOURCE_DOMAIN_RE = re.compile(r"(?:^|\.)(?:resources?|rooms?)\.", re.IGNORECASE)


def is_room(name: str, email: str, cutype: str = "") -> bool:
    """Whether a calendar user is a room or equipment, not a person: CUTYPE ROOM or RESOURCE
    (RFC 5545 §3.2.3), else a name or address that says so, since many calendars send rooms
    with no CUTYPE at all."""
    if cutype.upper() in _NOT_PEOPLE:
        return True
    local, _, domain = email.lower().rpartition("@")
    if _RESOURCE_DOMAIN_RE.search(domain + ".") or _ROOM_LOCAL_RE.match(local):
        return True
    return bool(name) and "@" not in name and bool(_ROOM_NAME_RE.search(name))


# Words of shared and role mailboxes: careers@, talent-team@, no-reply@,
# calendar-notification@, recruiting@. An address made only of these words is no one's own.
_MAILBOX_WORDS = frozenset("""
    careers career jobs job recruiting recruitment recruiters recruiter talent acquisition
    hiring hire hr people ops peopleops team teams staffing noreply no reply donotreply do not
    notification notifications notify calendar calendars invites invite invitations
    scheduling schedule scheduler interviews interview info hello contact admin support
    office mail mailer daemon postmaster bounce bounces apply applications applicants
    candidates candidate onboarding group groups all staff
""".split())
# A display name of a group: "Talent Team", "Recruiting", "Acme Careers", "HR Department".
_GROUP_NAME_RE = re.compile(
    r"\b(?:team|recruiting|recruitment|careers|talent(?:\s+acquisition)?|hiring|hr|"
    r"human\s+resources|department|dept|group|staffing|notifications?|no[-\s]?reply|"
    r"do[-\s]?not[-\s]?reply|calendar)\s*$|^(?:the\s+)?(?:recruiting|recruitment|"
    r"talent|careers|hr|people\s+ops|people\s+team)\b", re.IGNORECASE)


def is_group(name: str, email: str, cutype: str = "") -> bool:
    """Whether a calendar user is a group or a role mailbox, never a person to thank:
    CUTYPE GROUP, a Google group calendar, an address made of role words only (careers@,
    no-reply@, calendar-notification@, talent-team@) or a group's name ("Talent Team",
    "Recruiting")."""
    if cutype.upper() == "GROUP":
        return True
    local, _, domain = email.lower().rpartition("@")
    if domain.endswith("group.calendar.google.com"):
        return True
    words = [w for w in re.split(r"[^a-z]+", local.split("+")[0]) if w]
    if words and all(w in _MAILBOX_WORDS for w in words):
        return True
    return bool(name) and "@" not in name and bool(_GROUP_NAME_RE.search(name.strip()))


def _awaits_answer(prop) -> bool:
    """An attendee asked to reply who has not yet (RSVP=TRUE, PARTSTAT NEEDS-ACTION, which
    is also the default: RFC 5545 §3.2.12, §3.2.17)."""
    rsvp = str(prop.params.get("RSVP", "")).upper() == "TRUE"
    partstat = str(prop.params.get("PARTSTAT", "NEEDS-ACTION")).upper() or "NEEDS-ACTION"
    return rsvp and partstat == "NEEDS-ACTION"


def _recipients(event, delivery: _Delivery) -> set[str]:
    """The user's own address as the file shows it, when the library does not know it.

    - A calendar named by an address (X-WR-CALNAME, as Google names an exported calendar
      after its account) is the user's, when that address is in the event.
    - An invitation (METHOD:REQUEST, RFC 5546 §3.2.2) is sent to attendees who must answer;
      of the people other than the organizer, the one who awaits an answer (`_awaits_answer`)
      is the recipient when there is one; when several do, the one outside the organizer's
      company domain (the candidate among the company's interviewers) when exactly one is.
    Nothing is guessed otherwise: an extra person is better than a missing interviewer.
    """
    organizers = {_normalised(_address(p)) for p in as_list(event.get("ORGANIZER"))} - {""}
    people = []
    for prop in as_list(event.get("ATTENDEE")):
        email = _normalised(_address(prop))
        name = _common_name(prop)
        cutype = str(prop.params.get("CUTYPE", ""))
        if email and not is_room(name, email, cutype) and not is_group(name, email, cutype):
            people.append((email, prop))
    named = {e for e, _p in people} | organizers
    if delivery.calendar_names & named:
        return set(delivery.calendar_names & named)
    if not delivery.request:
        return set()
    waiting = [e for e, p in people if e not in organizers and _awaits_answer(p)]
    if len(set(waiting)) == 1:
        return set(waiting)
    home = {registrable_domain(e.split("@")[1]) for e in organizers
            if is_company_domain(e.split("@")[1])}
    outside = {e for e in waiting if home and registrable_domain(e.split("@")[1]) not in home}
    return outside if len(outside) == 1 else set()


def _normalised(raw: str) -> str:
    if not raw or raw.lower().startswith(("urn:", "http:", "https:", "cid:")):
        return ""
    try:
        return normalise_address(raw)
    except BadAddress:
        return ""


# "Interview at Quarry Labs", "Quarry Labs interview": capitalised words next to a word that
# says the meeting is an interview. ("with" names a person, "@" Google's date.)
_SUMMARY_COMPANY = re.compile(
    r"(?i:\binterview\w*\b.*?\bat)\s+(?P<after>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})"
    r"|^(?:\w+\s*:\s*)?(?P<before>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+"
    r"(?i:interview|onsite|on-site|phone screen|screen)\b")


def _company(attendees: Sequence[Attendee], summary: str,
             group_addresses: Sequence[str] = ()) -> tuple[str, str]:
    """(domain, company): the most common work domain among the attendees and the group
    mailboxes (careers@ still names its company; ties: the first met, organizer first),
    named as the summary writes it when it does."""
    addresses = [a.email for a in attendees] + list(group_addresses)
    domains = Counter(e.split("@")[1] for e in addresses)
    order = {d: i for i, d in reversed(list(enumerate(e.split("@")[1] for e in addresses)))}
    work = sorted((d for d in domains if is_company_domain(d)),
                  key=lambda d: (-domains[d], order[d]))
    if work:
        return work[0], company_name(work[0], (summary,))
    return "", _company_from_summary(summary)


def _company_from_summary(summary: str) -> str:
    """A company named in a summary without a work address: "Interview at Quarry Labs"."""
    match = _SUMMARY_COMPANY.search(summary.strip())
    if not match:
        return ""
    name = (match.group("after") or match.group("before") or "").strip(" .-")
    words = name.split()
    if not words or _ROLE_WORDS.search(name) or _NOT_ROLE.fullmatch(words[0]):
        return ""
    return name


# --- descriptions --------------------------------------------------------------------------

class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"})  # before
    _ENDS = frozenset({"p", "div", "tr", "h1", "h2", "h3", "h4", "ul", "ol"})  # after

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._ENDS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def plain_description(text: str) -> str:
    """A description as plain text: HTML (Google Meet and Outlook write <b>, <br>, &nbsp;)
    becomes its text with line breaks; plain text stays as it is."""
    if not _HTML_HINT.search(text):
        return text
    parser = _TextOfHtml()
    parser.feed(text.replace("\n", " ") if re.search(r"<br|<p|<div", text, re.I) else text)
    parser.close()
    plain = html.unescape("".join(parser.parts)).replace("\u00a0", " ")
    plain = re.sub(r"[ \t]+\n", "\n", re.sub(r"[ \t]{2,}", " ", plain))
    return re.sub(r"\n{3,}", "\n\n", plain).strip()


# --- roles ---------------------------------------------------------------------------------

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
