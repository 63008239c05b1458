"""Everyone the library knows, met in a meeting or imported from a card, for `followup
people` (a person in no meeting is as much a contact as one met three times)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from followup.store import models as m
from followup.store.library import Library


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
        people = s.scalars(select(m.Person)).all()
        entries = [PersonEntry(
            id=p.id, name=p.name, title=p.title, company=p.company.name if p.company else "",
            company_domain=p.company.domain if p.company else "", email=p.email,
            email_is_guess=p.email_is_guess, phone=p.phone, web=p.web,
            meetings=met.get(p.id, [])) for p in people]
    return sorted(entries, key=lambda e: (e.name.casefold(), e.id))
