"""Importing calendar invitations (.ics) as meetings and business cards (.vcf) as people.

Both parse the whole file first (a malformed file raises before anything is written) and
then write in one transaction, so nothing is ever half-imported.

An invite is matched to the meeting it made before by its UID (`meeting.ical_uid`, with the
SEQUENCE and DTSTAMP last imported beside it): importing it again changes nothing, a newer
revision updates the meeting, and a cancellation (METHOD:CANCEL or STATUS:CANCELLED) sets
`meeting.cancelled_at`, so no follow-up is due for it; the user's notes are left as they are.
A later invite with a higher SEQUENCE that does not cancel reinstates the meeting. A CANCEL
of single occurrences (RECURRENCE-ID) cancels the meeting only when it is one of them.
Attendees who declined stay on the meeting with no follow-up; an all-day event that repeats
every year and invites no one (a birthday) is left out, and a file of nothing else refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from followup.core.cards import CardPerson, ParseError, parse_vcards
from followup.core.email_guess import name_from_address
from followup.core.invites import Attendee, Invite, parse_invites
from followup.store import models as m
from followup.store.import_errors import ImportFailed
from followup.store.library import Library, MeetingInput, PersonSpec, find_person


def current_time() -> datetime:
    """The clock that picks the occurrence of a recurring invite (tests set it)."""
    return datetime.now(UTC)


def _own_addresses(library: Library) -> list[str]:
    email = library.profile().email
    return [email] if email else []


# The line of a meeting's notes that names who declined the invitation; they stay on the
# meeting, marked "no follow-up", with no deadline (they were not met).
DECLINED_NOTE = "Declined the invitation (no follow-up): "


def _capacity(attendee: Attendee) -> str:
    """Who declined came in no capacity; the organizer coordinates; the rest interview."""
    if attendee.declined:
        return "other"
    return "coordinator" if attendee.is_organizer else "interviewer"


def invite_to_meeting(invite: Invite, organizer_company: str = "") -> MeetingInput:
    """The meeting an invite describes; `organizer_company` is the company on the
    organizer's card, used when no attendee has a work address."""
    people = [PersonSpec(name=a.name, email=a.email, capacity=_capacity(a),
                         no_followup=a.declined)
              for a in invite.attendees]
    company = invite.company_guess if invite.domain else (
        organizer_company or invite.company_guess)
    met = [p for p in people if not p.no_followup]
    kind = "panel_interview" if len(met) > 2 else "one_on_one_interview"
    if "coffee" in invite.summary.lower():
        kind = "networking_coffee"
    elif "phone" in invite.summary.lower() or "screen" in invite.summary.lower():
        kind = "phone_screen"
    # The summary says what the meeting was ("Final round", "Coffee"); it is kept as the
    # first line of the notes, never taken as a company name.
    notes = "\n\n".join(filter(None, [invite.summary, invite.description.strip()]))
    declined = [a.name or a.email for a in invite.attendees if a.declined]
    if declined:
        notes = "\n\n".join(filter(None, [notes, DECLINED_NOTE + ", ".join(declined) + "."]))
    if invite.warnings:
        notes = "\n".join(filter(None, [notes, *(f"Import: {w}" for w in invite.warnings)]))
    return MeetingInput(
        company=company, role=invite.role_guess,
        kind=kind, scheduled_start=invite.start, scheduled_end=invite.end,
        location=invite.location, general_notes=notes, company_domain=invite.domain,
        people=people)


def import_invite(library: Library, data: bytes | str) -> dict[str, list[int]]:
    try:
        invites = parse_invites(data, own_addresses=_own_addresses(library), now=current_time())
    except ParseError as exc:
        raise ImportFailed(str(exc)) from None
    meetings = [i for i in invites if not i.not_a_meeting]
    if not meetings:
        others = len(invites) - 1
        also = ("" if not others else "; so is the file's other event" if others == 1
                else f"; so are the file's {others} other events")
        raise ImportFailed(f"{invites[0].not_a_meeting}{also}; nothing to import")
    created: dict[str, list[int]] = {"meetings": [], "people": []}
    left_out = [i for i in invites if i.not_a_meeting]
    if left_out:  # said in the import's summary: line numbers of the events left out
        created[NOT_MEETINGS] = [i.line for i in left_out]
    with library.session() as s:  # one transaction for every event of the file
        for invite in meetings:
            _import_one(library, s, invite, created)
    return {key: ids for key, ids in created.items() if ids or key in ("meetings", "people")}


# The key of an import's result that lists, by the line where each begins, the events left
# out as no meeting (an all-day event that repeats every year and invites no one).
NOT_MEETINGS = "left_out_yearly_all_day_events_on_lines"


# SEQUENCE is an INTEGER (RFC 5545 §3.3.8, 32-bit signed): larger values are read as this.
MAX_SEQUENCE = 2**31 - 1
_NO_STAMP = datetime.min.replace(tzinfo=UTC)

Revision = tuple[int, datetime]


def _revision(invite: Invite) -> Revision:
    """How recent an invite is: its SEQUENCE, then when it was written (RFC 5546 §2.1.5)."""
    return min(invite.sequence, MAX_SEQUENCE), invite.stamp or _NO_STAMP


def _stored_revision(meeting: m.Meeting) -> Revision:
    return meeting.ical_sequence or 0, meeting.ical_dtstamp or _NO_STAMP


def _known(s: Session, uid: str) -> m.Meeting | None:
    """The meeting an earlier import of this UID made (a UID names one event, RFC 5545
    §3.8.4.7); none for an invite without a UID."""
    if not uid:
        return None
    return s.scalar(select(m.Meeting).where(m.Meeting.ical_uid == uid))


def _remember(meeting: m.Meeting, invite: Invite) -> None:
    meeting.ical_uid = invite.uid or None
    meeting.ical_sequence, stamp = _revision(invite)
    meeting.ical_dtstamp = None if stamp is _NO_STAMP else stamp


def _import_one(library: Library, s: Session, invite: Invite,
                created: dict[str, list[int]]) -> None:
    meeting = _known(s, invite.uid)
    if invite.cancelled:
        _import_cancellation(s, meeting, invite, created)
        return
    if invite.cancelled_occurrences:
        _import_cancelled_occurrences(s, meeting, invite, created)
        return
    if meeting is not None and not _is_newer(invite, meeting):
        created.setdefault("skipped_meetings", []).append(meeting.id)
        return
    data = invite_to_meeting(invite, _organizer_company(s, invite))
    if meeting is None:
        meeting = library.new_meeting(s, replace(data, people=[]))
        _remember(meeting, invite)
        s.flush()
        created["meetings"].append(meeting.id)
    else:  # an update: the new time and place; what the user wrote stays
        meeting.scheduled_start, meeting.scheduled_end = data.scheduled_start, data.scheduled_end
        meeting.location = data.location or meeting.location
        meeting.role = meeting.role or data.role
        meeting.cancelled_at = None  # only a higher SEQUENCE gets here for a cancelled one
        _remember(meeting, invite)
        created.setdefault("updated_meetings", []).append(meeting.id)
    for spec in data.people:
        _attend(library, s, meeting, spec, created)


def _is_newer(invite: Invite, meeting: m.Meeting) -> bool:
    """Whether a (non-cancelling) invite changes the meeting. A cancelled meeting comes back
    only with a higher SEQUENCE (RFC 5546 §3.2.2: a rescheduled or reinstated event is a new
    REQUEST with the SEQUENCE bumped); a later DTSTAMP alone is a resend of what was cancelled."""
    if meeting.cancelled_at is not None:
        return _revision(invite)[0] > (meeting.ical_sequence or 0)
    return _revision(invite) > _stored_revision(meeting)


def _import_cancellation(s: Session, meeting: m.Meeting | None, invite: Invite,
                         created: dict[str, list[int]]) -> None:
    """Mark the meeting cancelled (RFC 5546 §3.2.5). The notes stay as the user left them;
    a cancellation older than what was imported, or one already applied, changes nothing."""
    if meeting is None:
        raise ImportFailed(
            f"the file cancels “{invite.summary or invite.uid or 'an event'}”, a meeting "
            "that is not in "
            "the library (no earlier invite with its UID was imported): nothing to cancel")
    if meeting.cancelled_at is not None or _revision(invite) < _stored_revision(meeting):
        if _revision(invite) > _stored_revision(meeting):  # cancelled again, later: remember
            _remember(meeting, invite)  # it, so only a REQUEST newer than this reinstates
        created.setdefault("skipped_meetings", []).append(meeting.id)
        return
    meeting.cancelled_at = invite.stamp or current_time()  # when the organizer cancelled
    _remember(meeting, invite)
    s.flush()
    created.setdefault("cancelled_meetings", []).append(meeting.id)


def _import_cancelled_occurrences(s: Session, meeting: m.Meeting | None, invite: Invite,
                                  created: dict[str, list[int]]) -> None:
    """Occurrences of a series cancelled one by one (RFC 5546 §3.2.5, a CANCEL with
    RECURRENCE-ID): the meeting is cancelled when it is one of them (or later than a
    RANGE=THISANDFUTURE one); when it is another occurrence it stays as it is."""
    if meeting is None or meeting.scheduled_start is None:
        _import_cancellation(s, meeting, invite, created)
        return
    start = _utc(meeting.scheduled_start)
    if start in invite.cancelled_occurrences or (
            invite.cancelled_from is not None and start >= invite.cancelled_from):
        _import_cancellation(s, meeting, invite, created)
        return
    created.setdefault(OTHER_OCCURRENCE, []).append(meeting.id)


# The key of an import's result that lists the meetings kept as they were because the file
# cancels other occurrences of their series.
OTHER_OCCURRENCE = "meetings_kept_another_occurrence_cancelled"


def _utc(value: datetime) -> datetime:
    """An instant from the library (naive values are UTC) as an aware UTC datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _attend(library: Library, s: Session, meeting: m.Meeting, spec: PersonSpec,
            created: dict[str, list[int]]) -> None:
    """Add a person to the meeting; a person is the same only by address, never by name."""
    known = find_person(s, spec.email)  # by address only (see `find_person`)
    attendance = library.attend(s, meeting, spec, new_person=known is None)
    if known is None:
        created["people"].append(attendance.person_id)
    if spec.no_followup and not attendance.no_followup and not attendance.notes.strip() and (
            s.scalar(select(m.FollowUp.id).where(m.FollowUp.attendance_id == attendance.id))
            is None):
        # A later revision (or the attendee's REPLY) says they declined: nothing to thank
        # them for, unless the user already wrote notes about them or has a follow-up.
        attendance.no_followup, attendance.capacity = True, spec.capacity
        line = DECLINED_NOTE + spec.name + "."
        if line not in meeting.general_notes:
            meeting.general_notes = "\n\n".join(filter(None, [meeting.general_notes, line]))


def _organizer_company(s: Session, invite: Invite) -> str:
    organizer = next((a for a in invite.attendees if a.is_organizer), None)
    person = find_person(s, organizer.email) if organizer else None
    return person.company.name if person is not None and person.company is not None else ""


def import_cards(library: Library, data: bytes | str) -> dict[str, list[int]]:
    """Business cards become people (matched by email to those already known)."""
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
    person = find_person(s, card.email)
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
