"""Which desktop reminders to show now: once per follow-up and threshold, also across restarts.

The caller keeps the set of (followup_id, threshold) pairs already shown, persists
`shown_pairs(reminders)` after showing them, and passes the set back on the next call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from followup.core.deadlines import Countdown, Deadline, State, countdown, format_local
from followup.core.status import is_open

# Mildest first; reaching one means the milder ones were reached too.
THRESHOLDS = ("soon", "urgent", "overdue")
_THRESHOLD_OF = {State.SOON: "soon", State.URGENT: "urgent", State.OVERDUE: "overdue"}


@dataclass(frozen=True)
class ReminderItem:
    """What a reminder needs to know about one follow-up."""

    followup_id: int
    person: str
    company: str
    deadline: Deadline
    status: str


@dataclass(frozen=True)
class Reminder:
    followup_id: int
    threshold: str
    title: str
    message: str


def due_reminders(
    items: Sequence[ReminderItem], shown: set[tuple[int, str]], now: datetime,
    tz: tzinfo | None = None,
) -> list[Reminder]:
    """The reminders to show at `now`, in the order of `items`.

    Only the most severe threshold a follow-up has reached is considered, so one that is found
    already overdue (say after the app was closed for a day) gets one reminder, not three.
    """
    reminders = []
    for item in items:
        if not is_open(item.status):
            continue
        state = countdown(item.deadline, now, item.status)
        threshold = _THRESHOLD_OF.get(state.state)
        if threshold is not None and (item.followup_id, threshold) not in shown:
            reminders.append(_reminder(item, threshold, state, now, tz))
    return reminders


def shown_pairs(reminders: Iterable[Reminder]) -> set[tuple[int, str]]:
    """The pairs to record as shown: each reminder's threshold and the milder ones it covers."""
    pairs = set()
    for reminder in reminders:
        reached = THRESHOLDS[: THRESHOLDS.index(reminder.threshold) + 1]
        pairs.update((reminder.followup_id, threshold) for threshold in reached)
    return pairs


def human_duration(delta: timedelta) -> str:
    """A rough length for a sentence: "58 min", "5 h 58 min", "1 d 3 h"."""
    minutes = abs(delta) // timedelta(minutes=1)
    if minutes < 1:
        return "less than a minute"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def _who(item: ReminderItem) -> str:
    person = item.person.strip() or "your contact"
    company = item.company.strip()
    return f"{person} ({company})" if company else person


def _overdue(who: str, deadline: Deadline, now: datetime, tz: tzinfo | None) -> tuple[str, str]:
    return "Follow-up overdue", (
        f"Follow-up to {who} is {human_duration(now - deadline.due)} past the 24-hour mark "
        f"(due {format_local(deadline.due, tz, now=now)}). "
        "A short, specific note is still worth sending.")


def _due(who: str, threshold: str, deadline: Deadline, now: datetime, tz: tzinfo | None,
         ) -> tuple[str, str]:
    title = "Follow-up due soon" if threshold == "soon" else "Follow-up due within the hour"
    return title, (f"Follow-up to {who} is due in {human_duration(deadline.due - now)} "
                   f"— by {format_local(deadline.due, tz, now=now)}.")


def _past_target(who: str, deadline: Deadline, now: datetime, tz: tzinfo | None,
                 ) -> tuple[str, str]:
    return "Follow-up past your target", (
        f"Follow-up to {who} is past your target; the 24-hour mark is in "
        f"{human_duration(deadline.due - now)} — by {format_local(deadline.due, tz, now=now)}.")


def _target(who: str, threshold: str, deadline: Deadline, now: datetime, tz: tzinfo | None,
            ) -> tuple[str, str]:
    title = "Follow-up target soon" if threshold == "soon" else "Follow-up target within the hour"
    target = deadline.target or deadline.due  # only called when a target is set
    return title, (
        f"Your target for the follow-up to {who} is in {human_duration(target - now)} "
        f"— by {format_local(target, tz, now=now)}. "
        f"The 24-hour mark is {format_local(deadline.due, tz, now=now)}.")


def _reminder(
    item: ReminderItem, threshold: str, state: Countdown, now: datetime, tz: tzinfo | None,
) -> Reminder:
    who, deadline = _who(item), item.deadline
    if threshold == "overdue":
        title, message = _overdue(who, deadline, now, tz)
    elif deadline.target is None:
        title, message = _due(who, threshold, deadline, now, tz)
    elif state.past_target:
        title, message = _past_target(who, deadline, now, tz)
    else:
        title, message = _target(who, threshold, deadline, now, tz)
    return Reminder(item.followup_id, threshold, title, message)
