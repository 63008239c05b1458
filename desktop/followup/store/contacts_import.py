"""Importing calendar invitations (.ics) as meetings and business cards (.vcf) as people.

Both parse the whole file first (a malformed file raises before anything is written) and
then write in one transaction, so nothing is ever half-imported.

An invite is matched to the meeting it made before by its UID (kept in the settings table
under "invite-uid:<UID>" with the SEQUENCE last imported): importing it again changes
nothing, a higher SEQUENCE updates the meeting, and a cancellation (METHOD:CANCEL or
STATUS:CANCELLED) marks the meeting cancelled, so no follow-up is due for it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from followup.core.cards import CardPerson, ParseError
from followup.core.invites import Invite
from followup.store import models as m
from followup.store.import_errors import ImportFailed
from followup.store.library import Library, MeetingInput, PersonSpec

UID_KEY = "invite-uid:"
CANCELLED_NOTE = "Cancelled by the organizer: no follow-up is due."


def current_time() -> datetime:
    """The clock that picks the occurrence of a recurring invite (tests set it)."""
    return datetime.now(UTC)


def _own_addresses(library: Library) -> list[str]:
    email = library.profile().email
    return [email] if email else []


def invite_to_meeting(invite: Invite, organizer_company: str = "") -> MeetingInput:
    """The meeting an invite describes; `organizer_company` is the company on the
    organizer's card, used when no attendee has a work address."""
    people = [PersonSpec(name=a.name, email=a.email,
                         capacity="coordinator" if a.is_organizer else "interviewer")
              for a in invite.attendees]
    company = invite.company_guess if invite.domain else (
        organizer_company or invite.company_guess)
    kind = "panel_interview" if len(people) > 2 else "one_on_one_interview"
    if "coffee" in invite.summary.lower():
        kind = "networking_coffee"
    elif "phone" in invite.summary.lower() or "screen" in invite.summary.lower():
        kind = "phone_screen"
    # The summary says what the meeting was ("Final round", "Coffee"); it is kept as the
    # first line of the notes, never taken as a company name.
    notes = "\n\n".join(filter(None, [invite.summary, invite.description.strip()]))
    if invite.warnings:
        notes = "\n".join(filter(None, [notes, *(f"Import: {w}" for w in invite.warnings)]))
    return MeetingInput(
        company=company, role=invite.role_guess,
        kind=kind, scheduled_start=invite.start, scheduled_end=invite.end,
        location=invite.location, general_notes=notes, company_domain=invite.domain,
        people=people)


def import_invite(library: Library, data: bytes | str) -> dict[str, list[int]]:
    from followup.core.invites import parse_invites

    try:
        invites = parse_invites(data, own_addresses=_own_addresses(library), now=current_time())
    except ParseError as exc:
        raise ImportFailed(str(exc)) from None
    created: dict[str, list[int]] = {"meetings": [], "people": []}
    with library.session() as s:  # one transaction for every event of the file
        for invite in invites:
            _import_one(library, s, invite, created)
    return {key: ids for key, ids in created.items() if ids or key in ("meetings", "people")}


def _revision(invite: Invite) -> tuple[int, str]:
    """How recent an invite is: its SEQUENCE, then when it was written (ISO text sorts)."""
    return invite.sequence, invite.stamp.isoformat() if invite.stamp else ""


def _known(s: Session, uid: str) -> tuple[m.Meeting | None, tuple[int, str]]:
    """The meeting an earlier import of this UID made, and the revision it had."""
    row = s.get(m.Setting, UID_KEY + uid) if uid else None
    if row is None:
        return None, (-1, "")
    record = json.loads(row.value)
    return s.get(m.Meeting, record["meeting"]), (int(record.get("sequence", 0)),
                                                 record.get("stamp", ""))


def _remember(s: Session, uid: str, meeting: m.Meeting, revision: tuple[int, str]) -> None:
    if not uid:
        return
    value = json.dumps({"meeting": meeting.id, "sequence": revision[0], "stamp": revision[1]})
    row = s.get(m.Setting, UID_KEY + uid)
    if row is None:
        s.add(m.Setting(key=UID_KEY + uid, value=value))
    else:
        row.value = value


def _import_one(library: Library, s: Session, invite: Invite,
                created: dict[str, list[int]]) -> None:
    meeting, revision = _known(s, invite.uid)
    if invite.cancelled:
        if meeting is None:
            raise ImportFailed(
                f"the file cancels “{invite.summary or invite.uid}”, a meeting that is not in "
                "the library (no earlier invite with its UID was imported): nothing to cancel")
        _cancel(meeting)
        _remember(s, invite.uid, meeting, max(revision, _revision(invite)))
        created.setdefault("cancelled_meetings", []).append(meeting.id)
        return
    if meeting is not None and _revision(invite) <= revision:
        created.setdefault("skipped_meetings", []).append(meeting.id)
        return
    data = invite_to_meeting(invite, _organizer_company(s, invite))
    if meeting is None:
        meeting = m.Meeting(
            company=library.company_named(s, data.company, data.company_domain),
            role=data.role, kind=data.kind, scheduled_start=data.scheduled_start,
            scheduled_end=data.scheduled_end, location=data.location,
            general_notes=data.general_notes)
        s.add(meeting)
        s.flush()
        created["meetings"].append(meeting.id)
    else:  # an update: the new time and place; what the user wrote stays
        meeting.scheduled_start, meeting.scheduled_end = data.scheduled_start, data.scheduled_end
        meeting.location = data.location or meeting.location
        meeting.role = meeting.role or data.role
        created.setdefault("updated_meetings", []).append(meeting.id)
    _remember(s, invite.uid, meeting, _revision(invite))
    for spec in data.people:
        _attend(library, s, meeting, spec, created)


def _attend(library: Library, s: Session, meeting: m.Meeting, spec: PersonSpec,
            created: dict[str, list[int]]) -> None:
    """Add a person to the meeting; a person is the same only by address, never by name."""
    known = _person_by_email(s, spec.email)
    attendance = library.attend(s, meeting, spec, new_person=known is None)
    if known is None:
        created["people"].append(attendance.person_id)


def _cancel(meeting: m.Meeting) -> None:
    for attendance in meeting.attendees:
        attendance.no_followup = True
    if CANCELLED_NOTE not in meeting.general_notes:
        meeting.general_notes = "\n\n".join(filter(None, [CANCELLED_NOTE,
                                                          meeting.general_notes]))


def _organizer_company(s: Session, invite: Invite) -> str:
    organizer = next((a for a in invite.attendees if a.is_organizer), None)
    person = _person_by_email(s, organizer.email) if organizer else None
    return person.company.name if person is not None and person.company is not None else ""


def _person_by_email(s: Session, email: str) -> m.Person | None:
    if not email:
        return None
    return s.scalar(select(m.Person).where(func.lower(m.Person.email) == email.lower())
                    .order_by(m.Person.id).limit(1))


def import_cards(library: Library, data: bytes | str) -> dict[str, list[int]]:
    """Business cards become people (matched by email to those already known)."""
    from followup.core.cards import parse_vcards

    try:
        cards = parse_vcards(data)
    except ParseError as exc:
        raise ImportFailed(str(exc)) from None
    if not cards:
        raise ImportFailed("the file holds no business card")
    created: dict[str, list[int]] = {"people": [], "updated": []}
    with library.session() as s:
        for card in cards:
            _import_card(library, s, card, created)
    return created


def _import_card(library: Library, s: Session, card: CardPerson,
                 created: dict[str, list[int]]) -> None:
    person = _person_by_email(s, card.email)
    if card.left_out and person is None:
        # Said in the import's summary: the card came in, its address did not.
        created.setdefault("people_without_a_usable_address", [])
    if person is None:
        company = library.company_named(s, card.company, card.domain)
        person = m.Person(name=card.name, title=card.title, email=card.email, phone=card.phone,
                          web=card.web, card_notes=card.notes, company=company)
        s.add(person)
        s.flush()
        created["people"].append(person.id)
        if card.left_out:
            created["people_without_a_usable_address"].append(person.id)
        return
    # A name read from the address ("Ingrid Bjornstad" from ingrid.bjornstad@) is a stand-in
    # for the one the person writes: the card's name replaces it; a name a person gave stays.
    from followup.core.email_guess import name_from_address

    if card.name and person.name.strip().casefold() in {
            name_from_address(person.email).casefold(), person.email.split("@")[0].casefold()}:
        person.name = card.name
    for key in ("title", "phone", "web"):
        if not getattr(person, key) and getattr(card, key):
            setattr(person, key, getattr(card, key))
    if person.company is None and card.company:
        person.company = library.company_named(s, card.company, card.domain)
    if card.notes and card.notes not in person.card_notes:
        person.card_notes = (person.card_notes + "\n" + card.notes).strip()
    person.email_is_guess = False
    created["updated"].append(person.id)
