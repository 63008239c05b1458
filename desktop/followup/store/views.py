"""The plain data the store hands out, and the words it stores: no SQLAlchemy here.

The first screen (`store.first_screen`) builds these from a plain read before the ORM is
imported, and `store.library` builds the same ones through it; both hand out only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Re-exported for the modules that read the words with the views.
from followup.core.vocabulary import CAPACITIES, MEETING_KINDS, STATUSES  # noqa: F401


@dataclass(frozen=True)
class PersonSpec:
    """A person as typed or imported: everything but the name may be empty."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    web: str = ""
    card_notes: str = ""
    capacity: str = "interviewer"
    notes: str = ""


@dataclass(frozen=True)
class AttendeeView:
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


@dataclass(frozen=True)
class MeetingView:
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


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    company: str
    role: str
    kind: str
    when: datetime | None
    people: int
    sent: int
    to_send: int
    cancelled: bool = False  # the organizer cancelled it: nothing is due


@dataclass(frozen=True)
class ProfileView:
    name: str = ""
    phone: str = ""
    email: str = ""
    signature: str = ""
    skills: tuple[str, ...] = ()
    links: tuple[dict, ...] = ()
    target_hours: float | None = None


@dataclass
class MeetingInput:
    company: str
    role: str = ""
    kind: str = "panel_interview"
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    location: str = ""
    general_notes: str = ""
    company_domain: str = ""
    people: list[PersonSpec] = field(default_factory=list)
