"""The plain data the store hands out, and the words it stores: no SQLAlchemy here.

The first screen (`store.first_screen`) builds these from a plain read before the ORM is
imported, and `store.library` builds the same ones through it; both hand out only these.
They are immutable records (NamedTuple: a frozen dataclass costs five times as long to
define, which the first screen pays at every start; docs/benchmarks.md). What is handed to
the store to write is in `store.inputs`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

# Re-exported for the modules that read the words with the views.
from followup.core.vocabulary import CAPACITIES, MEETING_KINDS, STATUSES  # noqa: F401


def aware_utc(value: datetime | str | None) -> datetime | None:
    """An instant as SQLite or the ORM gives it (naive UTC, as datetime or ISO text; or
    aware) as an aware UTC datetime; None stays None."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class AttendeeView(NamedTuple):
    attendance_id: int
    person_id: int
    name: str
    title: str
    email: str
    phone: str
    capacity: str
    notes: str
    no_followup: bool
    email_is_guess: bool = False
    met_before: int = 0  # other meetings with this person


class MeetingView(NamedTuple):
    id: int
    company: str
    company_domain: str
    role: str
    kind: str
    scheduled_start: datetime | None
    scheduled_end: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    location: str
    general_notes: str
    attendees: tuple[AttendeeView, ...] = ()
    cancelled: bool = False  # the organizer cancelled it (an imported invite): nothing is due


class MeetingSummary(NamedTuple):
    id: int
    company: str
    role: str
    kind: str
    when: datetime | None
    people: int
    sent: int
    to_send: int
    cancelled: bool = False  # the organizer cancelled it: nothing is due


class ProfileView(NamedTuple):
    name: str = ""
    phone: str = ""
    email: str = ""
    signature: str = ""
    skills: tuple[str, ...] = ()
    links: tuple[dict, ...] = ()
    target_hours: float | None = None
