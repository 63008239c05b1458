"""Everyone the library knows, met in a meeting or imported from a card, for `followup
people` (a person in no meeting is as much a contact as one met three times)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from followup.store import models as m
from followup.store.library import Library
from followup.store.views import aware_utc


@dataclass(frozen=True)
class PersonEntry:
    id: int
    name: str
    title: str
    company: str
    company_domain: str
    email: str
    email_is_guess: bool
    phone: str
    web: str
    meetings: list[int]  # ids of the meetings the person was in, oldest first


def list_people(library: Library) -> list[PersonEntry]:
    """Every person, by name (then id), with the meetings they were in."""
    with library.session() as s:
        met: dict[int, list[int]] = {}
        for person_id, meeting_id in s.execute(
                select(m.Attendance.person_id, m.Attendance.meeting_id)
                .order_by(m.Attendance.meeting_id)):
            met.setdefault(person_id, []).append(meeting_id)
        # Columns with the company joined, not Person objects: loading each person's company
        # on its own took a second at 12,000 people (benchmarks/bench_stalls.py).
        rows = s.execute(
            select(m.Person.id, m.Person.name, m.Person.title, m.Company.name,
                   m.Company.domain, m.Person.email, m.Person.email_is_guess, m.Person.phone,
                   m.Person.web)
            .outerjoin(m.Company, m.Person.company_id == m.Company.id)).all()
        entries = [PersonEntry(
            id=pid, name=name, title=title, company=company or "",
            company_domain=domain or "", email=email, email_is_guess=bool(guess), phone=phone,
            web=web, meetings=met.get(pid, []))
            for pid, name, title, company, domain, email, guess, phone, web in rows]
    return sorted(entries, key=lambda e: (e.name.casefold(), e.id))


@dataclass(frozen=True)
class PersonMeeting:
    """One meeting a person was in, and where their follow-up of it stands."""

    meeting_id: int
    attendance_id: int
    title: str  # "Company — Role"
    when: datetime | None  # started, else scheduled (UTC)
    status: str  # the follow-up's status, or "" while none was drafted
    subject: str
    no_followup: bool


def person_meetings(library: Library, person_id: int) -> list[PersonMeeting]:
    """The meetings `person_id` was in, newest first, each with their follow-up; [] for a
    person in no meeting (a card imported from a .vcf file)."""
    with library.session() as s:
        rows = s.execute(
            select(m.Meeting, m.Attendance, m.FollowUp)
            .join(m.Attendance, m.Attendance.meeting_id == m.Meeting.id)
            .outerjoin(m.FollowUp, m.FollowUp.attendance_id == m.Attendance.id)
            .where(m.Attendance.person_id == person_id)).all()
        found = [PersonMeeting(
            meeting_id=mt.id, attendance_id=a.id,
            title=" — ".join(x for x in ((mt.company.name if mt.company else ""), mt.role) if x)
            or "Meeting",
            when=aware_utc(mt.started_at or mt.scheduled_start),
            status=f.status if f is not None else "", subject=f.subject if f is not None else "",
            no_followup=bool(a.no_followup)) for mt, a, f in rows]
    return sorted(found, key=lambda p: (p.when is not None, p.when), reverse=True)
