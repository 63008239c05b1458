"""The 24-hour follow-up deadline, the countdown state it is in now, and how states look.

Every function takes the clock as `now` and recomputes from the deadline, so a countdown is right
after a restart, a sleep or a change of time zone. Instants are aware datetimes, kept in UTC;
`format_local` turns one into local time for display.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from followup.core.status import Status, parse


class State(StrEnum):
    UPCOMING = "upcoming"  # the meeting has not ended yet, so the 24 hours have not started
    COMFORTABLE = "comfortable"
    SOON = "soon"
    URGENT = "urgent"
    OVERDUE = "overdue"
    SENT = "sent"
    SKIPPED = "skipped"


SOON_AT = timedelta(hours=6)
URGENT_AT = timedelta(hours=1)
LIMIT = timedelta(hours=24)
# A meeting with only a start recorded is taken to last this long.
DEFAULT_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class StateStyle:
    """How a state is shown: never by colour alone, so a label and a glyph go with it."""

    label: str
    glyph: str
    light: str  # colour on a light background
    dark: str  # colour on a dark background


# Okabe-Ito hues, shaded where needed so each glyph keeps at least 3:1 contrast on white (light)
# and on #353535 (dark); the label is drawn in the normal text colour.
STATE_STYLE: dict[State, StateStyle] = {
    State.UPCOMING: StateStyle("Meeting not over", "○", "#968D0C", "#F0E442"),
    State.COMFORTABLE: StateStyle("Plenty of time", "●", "#0072B2", "#56B4E9"),
    State.SOON: StateStyle("Due soon", "◐", "#B87F00", "#E69F00"),
    State.URGENT: StateStyle("Urgent", "▲", "#D55E00", "#DE6200"),
    State.OVERDUE: StateStyle("Overdue", "✖", "#C86D9F", "#CC79A7"),
    State.SENT: StateStyle("Sent", "✔", "#009E73", "#009E73"),
    State.SKIPPED: StateStyle("Skipped", "–", "#767676", "#999999"),
}


@dataclass(frozen=True)
class Deadline:
    """When a follow-up is due: the hard 24-hour limit and the user's earlier target, if any."""

    due: datetime
    target: datetime | None
    meeting_end: datetime


@dataclass(frozen=True)
class Countdown:
    """Where a follow-up stands at one instant.

    `seconds_left` counts to the hard deadline and is zero or negative once it is overdue; for
    a sent follow-up it is the margin it was sent with.
    """

    state: State
    seconds_left: int
    text: str
    past_target: bool


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got a naive one")


def meeting_end(
    scheduled_start: datetime | None,
    scheduled_end: datetime | None,
    started_at: datetime | None,
    ended_at: datetime | None,
) -> datetime | None:
    """When the meeting ended, best known, in UTC; None when nothing about its time is known.

    The recorded end wins, then the scheduled end, then the start (actual, else scheduled) plus
    one hour. A scheduled end that is not after the known start is ignored: the meeting moved.
    """
    for name, value in (("scheduled_start", scheduled_start), ("scheduled_end", scheduled_end),
                        ("started_at", started_at), ("ended_at", ended_at)):
        if value is not None:
            _require_aware(value, name)
    if ended_at is not None:
        return ended_at.astimezone(UTC)
    start = started_at or scheduled_start
    if scheduled_end is not None and (start is None or scheduled_end > start):
        return scheduled_end.astimezone(UTC)
    if start is None:
        return None
    return (start + DEFAULT_LENGTH).astimezone(UTC)


def deadline_for(meeting_end: datetime, target_hours: float | None = None) -> Deadline:
    """The deadline 24 hours after `meeting_end`, with a personal target if one is set.

    A target of 24 hours or more adds nothing to the hard limit, so it is dropped.
    """
    _require_aware(meeting_end, "meeting_end")
    end = meeting_end.astimezone(UTC)
    target = None
    if target_hours is not None:
        if not math.isfinite(target_hours) or target_hours <= 0:
            raise ValueError(f"target_hours must be a positive number, got {target_hours!r}")
        if timedelta(hours=target_hours) < LIMIT:
            target = end + timedelta(hours=target_hours)
    return Deadline(due=end + LIMIT, target=target, meeting_end=end)


def format_duration(seconds: int) -> str:
    """`seconds` as "2:10:00" up to "24:00:00", then "1 d 02:00:00"; the sign is dropped."""
    seconds = abs(int(seconds))
    if seconds <= 86400:  # a full day still reads best as 24 hours, the limit people know
        hours, rest = divmod(seconds, 3600)
        return f"{hours}:{rest // 60:02}:{rest % 60:02}"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    return f"{days} d {hours:02}:{rest // 60:02}:{rest % 60:02}"


def _ceil_seconds(delta: timedelta) -> int:
    # Rounded up, so the countdown shows 0:00:00 only when time is up and then counts up from it.
    return -((-delta) // timedelta(seconds=1))


def _time_state(left: timedelta) -> State:
    """The state for `left` time to the reference instant; each boundary goes to the later state."""
    if left > SOON_AT:
        return State.COMFORTABLE
    if left > URGENT_AT:
        return State.SOON
    return State.URGENT


def _hours_after(delta: timedelta) -> str:
    if delta < timedelta(0):
        return "before the meeting ended"
    if delta < timedelta(hours=1):
        return f"{delta // timedelta(minutes=1)} min after the meeting"
    return f"{delta // timedelta(hours=1)} h after the meeting"


def _sent(deadline: Deadline, now: datetime, sent_at: datetime | None) -> Countdown:
    if sent_at is None:  # sent, but the time was not recorded: nothing to judge it by
        return Countdown(State.SENT, _ceil_seconds(deadline.due - now), "sent", False)
    _require_aware(sent_at, "sent_at")
    late = sent_at > deadline.due
    text = "sent " + _hours_after(sent_at - deadline.meeting_end) + (" (late)" if late else "")
    past_target = deadline.target is not None and sent_at > deadline.target
    return Countdown(State.SENT, _ceil_seconds(deadline.due - sent_at), text, past_target)


def _open(deadline: Deadline, now: datetime) -> Countdown:
    left = _ceil_seconds(deadline.due - now)
    past_target = deadline.target is not None and now >= deadline.target
    if now < deadline.meeting_end:
        text = f"meeting not over yet · {format_duration(left)} left"
        return Countdown(State.UPCOMING, left, text, False)
    if now >= deadline.due:
        return Countdown(State.OVERDUE, left, f"overdue by {format_duration(left)}", past_target)
    if deadline.target is None:
        return Countdown(_time_state(deadline.due - now), left, f"{format_duration(left)} left",
                         False)
    to_target = deadline.target - now
    if past_target:
        text = f"past your target · {format_duration(left)} left"
    else:
        to_go = format_duration(_ceil_seconds(to_target))
        text = f"{to_go} to your target · {format_duration(left)} left"
    return Countdown(_time_state(to_target), left, text, past_target)


def headline(c: Countdown) -> str:
    """The state and the countdown in one phrase that names the state once:
    "Plenty of time: 21 h 4 min left", "Meeting not over yet · 3 d left", "Sent 5 h after the
    meeting", "Overdue by 2 h"."""
    label = STATE_STYLE[c.state].label
    if c.text.lower().startswith(label.lower()):
        return c.text[:1].upper() + c.text[1:]
    return f"{label}: {c.text}"


def countdown(
    deadline: Deadline, now: datetime, status: str, sent_at: datetime | None = None,
) -> Countdown:
    """Where a follow-up stands at `now`; `status` is a `core.status.Status` (or its value).

    With a personal target, `soon` and `urgent` are measured against the target and `past_target`
    says it has passed; `overdue` always means past the hard 24-hour deadline.
    """
    _require_aware(now, "now")
    status = parse(status)
    if status is Status.SKIPPED:
        return Countdown(State.SKIPPED, _ceil_seconds(deadline.due - now), "skipped", False)
    if status is Status.SENT:
        return _sent(deadline, now, sent_at)
    return _open(deadline, now)


def _changes(deadline: Deadline) -> list[datetime]:
    reference = deadline.target or deadline.due
    instants = [deadline.meeting_end, reference - SOON_AT, reference - URGENT_AT, deadline.due]
    if deadline.target is not None:
        instants.append(deadline.target)
    # Before the meeting ends the state is `upcoming` whatever the thresholds say.
    return [at for at in instants if at >= deadline.meeting_end]


def next_change(deadlines: Iterable[Deadline], now: datetime) -> datetime | None:
    """The first instant after `now` at which one of `deadlines` changes state or passes its target.

    Pass only the follow-ups still to send: sent and skipped ones never change.
    """
    _require_aware(now, "now")
    later = [at for deadline in deadlines for at in _changes(deadline) if at > now]
    return min(later, default=None)


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _clock(local: datetime) -> str:
    # Built by hand: strftime's %p and %-I depend on the C library and the process locale.
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02} {'AM' if local.hour < 12 else 'PM'}"


_clock_format: Callable[[datetime], str] = _clock


def use_clock_format(clock: Callable[[datetime], str] | None) -> None:
    """Show times of day with `clock` (given a local datetime) everywhere `format_local` is
    used; the window installs the system locale's format (QLocale) so one format is used
    throughout it. None goes back to the built-in "3:04 PM"."""
    global _clock_format
    _clock_format = clock or _clock


def _date(local: datetime, with_year: bool) -> str:
    text = f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}"
    return f"{text} {local.year}" if with_year else text


def format_local(dt: datetime, tz: tzinfo | None = None, now: datetime | None = None) -> str:
    """`dt` in local time (or in `tz`): "Tue 12 Mar 2024, 3:04 PM".

    Given `now`, the date is left out for today ("3:04 PM"), said as "tomorrow" or "yesterday"
    next to today, and its year is left out within the current year.
    """
    _require_aware(dt, "dt")
    local = dt.astimezone(tz)  # no tz: the system's zone, read at this call
    if now is None:
        return f"{_date(local, True)}, {_clock_format(local)}"
    _require_aware(now, "now")
    today = now.astimezone(tz).date()
    days = (local.date() - today).days
    if days == 0:
        return _clock_format(local)
    if days in (1, -1):
        return f"{_clock_format(local)} {'tomorrow' if days == 1 else 'yesterday'}"
    return f"{_date(local, local.year != today.year)}, {_clock_format(local)}"
