"""Importing calendar invitations (.ics) as meetings and business cards (.vcf) as people.

Both parse the whole file first (a malformed file raises before anything is written) and
then write in one transaction, so nothing is ever half-imported.
"""

from __future__ import annotations

from followup.core.cards import ParseError
from followup.store import models as m
from followup.store.importers import ImportFailed
from followup.store.library import Library, MeetingInput, PersonSpec


def _own_addresses(library: Library) -> list[str]:
    email = library.profile().email
    return [email] if email else []


def invite_to_meeting(invite) -> MeetingInput:
    from followup.core.email_guess import company_from_domain

    people = [PersonSpec(name=a.name, email=a.email,
                         capacity="coordinator" if a.is_organizer else "interviewer")
              for a in invite.attendees]
    domains = [a.email.split("@")[-1].lower() for a in invite.attendees if "@" in a.email]
    domain = max(set(domains), key=domains.count) if domains else ""
    company = invite.company_guess or (company_from_domain(domain) if domain else "")
    kind = "panel_interview" if len(people) > 2 else "one_on_one_interview"
    if "coffee" in invite.summary.lower():
        kind = "networking_coffee"
    elif "phone" in invite.summary.lower() or "screen" in invite.summary.lower():
        kind = "phone_screen"
    return MeetingInput(
        company=company or invite.summary or "Unknown company",
        role=getattr(invite, "role_guess", "") or "", kind=kind, scheduled_start=invite.start,
        scheduled_end=invite.end, location=invite.location,
        general_notes=invite.description.strip(), company_domain=domain, people=people)


def import_invite(library: Library, text: str) -> dict[str, list[int]]:
    from followup.core.invites import parse_invites

    try:
        invites = parse_invites(text, own_addresses=_own_addresses(library))
    except ParseError as exc:
        raise ImportFailed(str(exc)) from None
    if not invites:
        raise ImportFailed("the calendar file holds no event")
    created: dict[str, list[int]] = {"meetings": [], "people": []}
    with library.session() as s:  # one transaction for every event of the file
        for invite in invites:
            data = invite_to_meeting(invite)
            meeting = m.Meeting(
                company=library.company_named(s, data.company, data.company_domain), role=data.role,
                kind=data.kind, scheduled_start=data.scheduled_start,
                scheduled_end=data.scheduled_end, location=data.location,
                general_notes=data.general_notes)
            s.add(meeting)
            s.flush()
            created["meetings"].append(meeting.id)
            for spec in data.people:
                before = s.query(m.Person.id).count()
                attendance = library.attend(s, meeting, spec)
                if s.query(m.Person.id).count() > before:
                    created["people"].append(attendance.person_id)
    return created


def import_cards(library: Library, text: str) -> dict[str, list[int]]:
    """Business cards become people (matched by email to those already known)."""
    from sqlalchemy import func, select

    from followup.core.cards import parse_vcards

    try:
        cards = parse_vcards(text)
    except ParseError as exc:
        raise ImportFailed(str(exc)) from None
    if not cards:
        raise ImportFailed("the file holds no business card")
    created: dict[str, list[int]] = {"people": [], "updated": []}
    with library.session() as s:
        for card in cards:
            person = None
            if card.email:
                person = s.scalar(select(m.Person).where(
                    func.lower(m.Person.email) == card.email.lower()))
            if person is None:
                company = library.company_named(s, card.company, _domain(card.email))
                person = m.Person(name=card.name, title=card.title, email=card.email,
                                  phone=card.phone, web=card.web, card_notes=card.notes,
                                  company=company)
                s.add(person)
                s.flush()
                created["people"].append(person.id)
                continue
            for key in ("title", "phone", "web"):
                if not getattr(person, key) and getattr(card, key):
                    setattr(person, key, getattr(card, key))
            if card.notes and card.notes not in person.card_notes:
                person.card_notes = (person.card_notes + "\n" + card.notes).strip()
            person.email_is_guess = False
            created["updated"].append(person.id)
    return created


def _domain(email: str) -> str:
    return email.split("@")[-1].lower() if "@" in email else ""
