"""Which occurrence of a calendar event the user means, and how recent a revision of it is.

A recurring event is expanded by `recurring_ical_events` (on icalendar): RRULE, RDATE,
EXDATE, and the instances a RECURRENCE-ID overrides (RFC 5545 §3.8.5, also RANGE=
THISANDFUTURE), in the event's own zone, so a floating weekly meeting stays at its
wall-clock time across a DST change and an excluded or cancelled instance is no occurrence.
The occurrence meant is the one under way or next, else the last one that ended.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import recurring_ical_events
from icalendar import Event
from icalendar.prop import vBroken, vRecur

__all__ = ["NO_STAMP", "as_list", "chosen_occurrence", "sequence_of", "stamps_of", "to_utc"]

NO_STAMP = datetime.min.replace(tzinfo=UTC)  # a revision that says nothing of when it was written


def as_list(value) -> list:
    """A property icalendar gives as one value, a list (repeated) or None, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def to_utc(value: date | datetime) -> datetime:
    """An aware UTC instant: a DATE is local midnight, a floating time local time."""
    if not isinstance(value, datetime):  # an all-day DATE: midnight here
        value = datetime.combine(value, time())
    if value.tzinfo is None:  # floating time: naive astimezone() reads it as local time
        value = value.astimezone()
    return value.astimezone(UTC)


def sequence_of(event) -> int:
    """SEQUENCE as a number, however large; 0 when absent or unreadable."""
    value = event.get("SEQUENCE")
    match = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    return int(match.group(1)) if match else 0


def stamps_of(event) -> list[datetime]:
    """When the organizer's program wrote this revision; a later one with the same SEQUENCE
    is still an update (RFC 5546 §2.1.5)."""
    found = []
    for key in ("DTSTAMP", "LAST-MODIFIED"):
        try:
            value = event.decoded(key) if event.get(key) is not None else None
        except (ValueError, TypeError, KeyError):
            value = None
        if isinstance(value, datetime):
            found.append(to_utc(value))
    return found


def chosen_occurrence(group: list[tuple[Event, int]], now: datetime, zone: str = ""):
    """(event, start, line) of the occurrence the user means: the one under way or next at
    `now`, else the last one that ended before it, in the event's own wall-clock time.

    The series is expanded by `recurring_ical_events` (RRULE, RDATE, EXDATE, and the
    instances a RECURRENCE-ID overrides, RFC 5545 §3.8.5); a cancelled instance
    (STATUS:CANCELLED) is no occurrence. `event` is the component the occurrence comes from
    (the override, or the series), `start` the occurrence's DTSTART value. A series that
    cannot be expanded, or whose every instance is cancelled, stands for its own DTSTART.
    """
    if len(group) == 1 and not any(group[0][0].get(k) is not None for k in ("RRULE", "RDATE")):
        event, begin = group[0]  # one event that does not repeat: nothing to expand
        return event, event.decoded("DTSTART"), begin
    query = _series_query(group, zone)
    if query is not None:
        chosen = _next_occurrence(query, now) or _last_occurrence(query, now)
        if chosen is not None:
            event, begin = _source_of(chosen, group)
            return event, chosen.decoded("DTSTART"), begin
    event, begin = next(((e, b) for e, b in group if e.get("RECURRENCE-ID") is None), group[0])
    return event, event.decoded("DTSTART"), begin


def _series_query(group: list[tuple[Event, int]], zone: str):
    """A recurring_ical_events query over the events of one UID; None when it cannot be
    made (the series' own start then stands)."""
    calendar = icalendar.Calendar()
    if zone:  # Google's calendar-wide zone (X-WR-TIMEZONE): the series repeats in it
        calendar.add("X-WR-TIMEZONE", zone)
    for event, _begin in _one_series(group):
        calendar.add_component(_expandable(event))
    try:
        return recurring_ical_events.of(calendar, skip_bad_series=True)
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
        return None


def _one_series(group: list[tuple[Event, int]]) -> list[tuple[Event, int]]:
    """The events of one UID with one series among them: of several events without
    RECURRENCE-ID (a UID names one event, RFC 5545 §3.8.4.7), the latest revision (SEQUENCE,
    then DTSTAMP), and of equals the last in the file, as an update is written after."""
    series = [(e, b) for e, b in group if e.get("RECURRENCE-ID") is None]
    if len(series) < 2:
        return group
    latest = max(enumerate(series), key=lambda item: (
        sequence_of(item[1][0]), max(stamps_of(item[1][0]), default=NO_STAMP), item[0]))[1]
    return [(e, b) for e, b in group if e.get("RECURRENCE-ID") is not None or e is latest[0]]


def _expandable(event: Event) -> Event:
    """A copy of `event` without the values icalendar could not read (an EXDATE of
    "yesterday"): a broken exception date leaves its occurrence in, it never drops the
    series."""
    copy = Event()
    for key, value in event.items():
        kept = [v for v in (value if isinstance(value, list) else [value])
                if not isinstance(v, vBroken)]
        if kept:
            copy[key] = kept if len(kept) > 1 else kept[0]
    start = copy.get("DTSTART")
    rules = as_list(copy.get("RRULE"))
    if start is not None and not isinstance(getattr(start, "dt", None), datetime) and rules:
        rules = [_until_as_date(rule) for rule in rules]
        copy["RRULE"] = rules if len(rules) > 1 else rules[0]
    return copy


# Outlook ends an all-day series with the UTC instant its last day starts in the organizer's
# zone (UNTIL=20200916T230000Z for 17 September in London); RFC 5545 asks for a DATE there.
# Read as the day that instant falls on from UTC-12 to UTC+12, the last day is kept.
_UNTIL_ROUNDING = timedelta(hours=12)


def _until_as_date(rule):
    """A copy of an all-day series' rule with UNTIL as the DATE it means (see above)."""
    try:
        until = rule.get("UNTIL")
        until = until[0] if isinstance(until, list) and until else until
        if not isinstance(until, datetime):
            return rule
        aware = until if until.tzinfo else until.replace(tzinfo=UTC)
        changed = vRecur(rule)
        changed["UNTIL"] = [(aware.astimezone(UTC) + _UNTIL_ROUNDING).date()]
        return changed
    except (AttributeError, TypeError, ValueError, OverflowError):
        return rule


# Occurrences are found by the library in windows of `now`'s clock; a floating time is up to
# 14 hours away from UTC, so the window opens a day early and each start is compared in UTC.
_FLOATING_SLACK = timedelta(days=1)
_MOST_TRIED = 2000  # occurrences looked at before giving up (a rule repeating every second)
_LOOK_BACK = (timedelta(days=8), timedelta(days=400), timedelta(days=4000),
              timedelta(days=40000))


def _live(component) -> bool:
    """Whether an occurrence takes place (its STATUS is not CANCELLED)."""
    return str(component.get("STATUS", "")).strip().upper() != "CANCELLED"


def _bounds(component) -> tuple[datetime, datetime]:
    """(start, end) of an occurrence in UTC; an occurrence without DTEND ends as it starts."""
    start = to_utc(component.decoded("DTSTART"))
    end = to_utc(component.decoded("DTEND")) if component.get("DTEND") is not None else start
    return start, max(end, start)


def _next_occurrence(query, now: datetime):
    """The first occurrence that has not ended at `now`, or None."""
    try:
        for tried, component in enumerate(query.after(now - _FLOATING_SLACK)):
            if tried > _MOST_TRIED:
                return None
            if _live(component) and _bounds(component)[1] > now:
                return component
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
        return None
    return None


def _last_occurrence(query, now: datetime):
    """The occurrence that ended last before `now`, or None."""
    for back in _LOOK_BACK:
        try:
            found = [c for c in query.between(now - back, now + _FLOATING_SLACK)
                     if _live(c) and _bounds(c)[1] <= now]
        except (ValueError, TypeError, OverflowError, KeyError, AttributeError):
            return None
        if found:
            return max(found, key=lambda c: _bounds(c)[0])
    return None


def _source_of(occurrence, group: list[tuple[Event, int]]) -> tuple[Event, int]:
    """The event of the file an occurrence comes from: the override with its RECURRENCE-ID,
    else the series."""
    recurrence = occurrence.get("RECURRENCE-ID")
    if recurrence is not None:
        when = to_utc(occurrence.decoded("RECURRENCE-ID"))
        for event, begin in group:
            if event.get("RECURRENCE-ID") is not None and to_utc(
                    event.decoded("RECURRENCE-ID")) == when:
                return event, begin
    return next(((e, b) for e, b in group if e.get("RECURRENCE-ID") is None), group[0])
