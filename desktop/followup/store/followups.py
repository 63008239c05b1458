"""Follow-ups in the library: opening them when a meeting ends, drafting them from notes,
saving edits, and every status change.

A follow-up belongs to one person in one meeting. It exists, with its deadline, from the moment
the meeting is over (`open_ended_followups`), whether or not a draft was written yet. Its status
only moves through `set_status`, the one writer of the status and its history, which asks
`core.status.transition` first, so the history is complete and no promise is broken.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, NoResultFound
from sqlalchemy.orm import Session, joinedload, selectinload

from followup.core import spelling
from followup.core.checkins import REPLIED
from followup.core.checklist import CheckContext, check_draft, failing_required
from followup.core.deadlines import Countdown, Deadline, countdown, deadline_for, meeting_end
from followup.core.drafting import (
    DraftRequest,
    Link,
    Profile,
    generate_draft,
    notes_fingerprint,
    notes_for_checking,
    signature_block,
    works_elsewhere,
)
from followup.core.phones import signature_for_new_phone
from followup.core.reminders import ReminderItem
from followup.core.status import Status, TransitionRefused, has_left, is_editable, transition
from followup.store import models as m
from followup.store.library import Library, ProfileView, read_profile
from followup.store.limits import fitted
from followup.store.timestamps import utcnow

# Kept under its old name: callers catch StatusError.
StatusError = TransitionRefused
# Put before the notes fingerprint of an edited draft when its meeting's company, role or kind
# changed (`follow_meeting_change`): the draft then reads as out of date, and says why, until
# it is written again. No column of its own: the fingerprint already means "written from".
MEETING_CHANGED = "meeting-changed:"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HistoryEntry:
    status: str  # as recorded (an imported history may hold a status of its own)
    at: datetime
    channel: str
    detail: str


@dataclass(frozen=True)
class FollowUpView:
    id: int
    attendance_id: int
    meeting_id: int
    person_id: int
    person_name: str
    person_email: str
    person_title: str
    capacity: str
    company: str
    role: str
    kind: str
    subject: str
    body: str
    status: Status
    channel: str
    sent_at: datetime | None
    message_id: str
    failure_reason: str
    edited: bool
    out_of_date: bool
    deadline: Deadline | None
    history: tuple[HistoryEntry, ...] = ()
    email_is_guess: bool = False
    drafted: bool = True  # False while the follow-up exists but no draft was written yet
    signature_out_of_date: bool = False  # an edited draft lacks the profile's signature
    cancelled: bool = False  # its meeting was cancelled: nothing is due, so no deadline
    meeting_out_of_date: bool = False  # edited, and the meeting's details changed since
    replied_at: datetime | None = None  # when the first answer arrived (status stays sent)
    sent_copy: str = ""  # what became of the copy in Sent (`mail.imap.CopyResult.state`)
    checkin_state: str = ""  # "" none yet, "due", "withdrawn", "done" (`store.replies`)
    checkin_due: datetime | None = None
    checkin_subject: str = ""
    checkin_body: str = ""

    @property
    def shown_status(self) -> str:
        """The status as both front ends name it: "replied" once an answer came."""
        return "replied" if self.replied_at is not None else str(self.status)

    def countdown(self, now: datetime) -> Countdown | None:
        if self.deadline is None:
            return None
        return countdown(self.deadline, now, self.status, self.sent_at)


# --- drafting ---------------------------------------------------------------------------------


def draft_profile(profile: ProfileView):
    return Profile(
        name=profile.name, phone=profile.phone, email=profile.email,
        signature=profile.signature, skills=tuple(profile.skills),
        links=tuple(Link(title=link.get("title", ""), url=link["url"],
                         tags=tuple(link.get("tags", ()))) for link in profile.links))


def _request(a: m.Attendance, profile, notes: str | None = None):
    meeting = a.meeting
    others = tuple(o.person.name for o in meeting.attendees if o.id != a.id)
    return DraftRequest(
        company=meeting.company.name if meeting.company else "", role=meeting.role,
        kind=meeting.kind, person_name=a.person.name, person_title=a.person.title,
        capacity=a.capacity, notes=a.notes if notes is None else notes,
        general_notes=meeting.general_notes, others_met=others, profile=profile,
        elsewhere=works_elsewhere("" if a.person.email_is_guess else a.person.email,
                                  meeting.company.domain if meeting.company else ""))


def _fingerprint(a: m.Attendance) -> str:
    return notes_fingerprint(a.notes, a.meeting.general_notes)


def template_dirs(library: Library) -> tuple[Path, ...]:
    """The user's own templates (a `templates` folder beside the library) come first."""
    return (library.path.parent / "templates",)


def ensure_drafts(library: Library, meeting_id: int, regenerate: bool = False) -> list[int]:
    """Make the missing drafts of a meeting; with `regenerate`, also rewrite drafts the user has
    not edited and not sent. Edited drafts are never replaced here. Returns the follow-up ids."""
    if library.read_only:  # drafts are shown as they are (`generate_for` writes nothing)
        with library.session() as s:
            return list(s.scalars(select(m.FollowUp.id).join(m.Attendance).where(
                m.Attendance.meeting_id == meeting_id).order_by(m.Attendance.position)))
    profile = draft_profile(library.profile())
    dirs = template_dirs(library)
    ids = []
    with library.session() as s:
        meeting = s.get_one(m.Meeting, meeting_id)
        existing = {f.attendance_id: f for f in s.scalars(select(m.FollowUp).where(
            m.FollowUp.attendance_id.in_([a.id for a in meeting.attendees])))}
        for a in meeting.attendees:
            if a.no_followup:
                continue
            followup = existing.get(a.id)
            if followup is None:
                followup = _new_followup(s, a.id, "drafted from notes")
            undrafted = not _is_drafted(followup)
            replace = (regenerate and not followup.edited and is_editable(followup.status))
            if undrafted or replace:
                draft = generate_draft(_request(a, profile), dirs)
                _store_generated(followup, draft.subject, draft.body, _fingerprint(a))
            s.flush()
            ids.append(followup.id)
    return ids


def _is_drafted(followup: m.FollowUp) -> bool:
    return bool(followup.generated_body or followup.body)


def _new_followup(s, attendance_id: int, why: str) -> m.FollowUp:
    """A follow-up's first status: the only status not written by `set_status`."""
    followup = m.FollowUp(attendance_id=attendance_id, status=Status.DRAFT.value)
    followup.events = [m.StatusEvent(status=Status.DRAFT.value, detail=why)]
    s.add(followup)
    s.flush()
    return followup


def open_ended_followups(library: Library, now: datetime | None = None) -> list[int]:
    """Open a follow-up (status draft, no text yet) for every person of every meeting that is
    over at `now` and has none: ended by the user, past its scheduled end, or imported from the
    past. Every reading of follow-ups goes through this, so the deadline, the reminders and the
    send-status list never wait for a draft. Returns the ids it opened (usually none).

    People marked "no follow-up needed" get none (and get one when the mark is taken off), nor
    does anyone in a meeting the organizer cancelled (`Meeting.cancelled_at`; they get one
    if a later invite reinstates it).
    One light read of the attendances without a follow-up (an indexed probe per attendance,
    about a millisecond for a few thousand); a write only when there is something to open.
    """
    if library.read_only:  # nothing is written; what was opened before is what shows
        return []
    now = now or utcnow()
    meeting = m.Meeting
    query = (select(m.Attendance.id, meeting.scheduled_start, meeting.scheduled_end,
                    meeting.started_at, meeting.ended_at)
             .join(meeting, m.Attendance.meeting_id == meeting.id)
             .outerjoin(m.FollowUp, m.FollowUp.attendance_id == m.Attendance.id)
             .where(m.FollowUp.id.is_(None), m.Attendance.no_followup.is_(False),
                    meeting.cancelled_at.is_(None)))
    with library.engine.connect() as conn:
        rows = conn.execute(query).all()
    over = [attendance_id for attendance_id, *times in rows
            if (end := meeting_end(*times)) is not None and end <= now]
    if not over:
        return []
    for _attempt in range(3):
        try:
            with library.session() as s:
                taken = set(s.scalars(select(m.FollowUp.attendance_id)
                                      .where(m.FollowUp.attendance_id.in_(over))))
                return [_new_followup(s, attendance_id, "meeting ended: 24-hour clock started").id
                        for attendance_id in over if attendance_id not in taken]
        except IntegrityError:
            # The window's badge count and its follow-ups pane read on two threads at start;
            # when the other opened one of these first, this transaction is rolled back and the
            # rest are opened again, without the ones it took.
            log.debug("follow-ups opened by another reader at the same time; opening the rest")
    return []


def _store_generated(followup: m.FollowUp, subject: str, body: str, fingerprint: str) -> None:
    # Within what the library keeps (a 500-character company and role make a longer subject).
    subject, body = fitted("subject", subject), fitted("body", body)
    followup.subject = followup.generated_subject = subject
    followup.body = followup.generated_body = body
    followup.notes_fingerprint = fingerprint
    followup.updated_at = utcnow()


def generate_for(library: Library, followup_id: int, notes: str | None = None):
    """A fresh draft for this follow-up's person (not saved): the GUI asks before using it."""
    profile = draft_profile(library.profile())
    with library.session() as s:
        a = s.get_one(m.FollowUp, followup_id).attendance
        return generate_draft(_request(a, profile, notes), template_dirs(library))


def drafted_in_memory(library: Library, view: FollowUpView) -> FollowUpView:
    """`view` with a draft written now and not saved, when it has none yet: how both front
    ends show the drafts of a library that cannot be written."""
    if view.drafted:
        return view
    draft = generate_for(library, view.id)
    return replace(view, subject=draft.subject, body=draft.body)


# ---- sentences phrased from notes, read or not ------------------------------------------------

_READ_KEY = "phrased-read:{}"


def _sentence_key(sentence: str) -> str:
    return hashlib.sha256(" ".join(sentence.split()).encode()).hexdigest()[:12]


def phrased_sentences(library: Library, followup_id: int, body: str | None = None):
    """The sentences of the draft's body that drafting phrased from this person's notes and
    the user has not changed since, each with its note (`drafting.Phrased`), in body order.
    Drafting is deterministic, so the draft of the current notes says which they are."""
    if body is None:
        body = followup_view(library, followup_id).body
    return [p for p in generate_for(library, followup_id).phrased if p.sentence in body]


def read_sentences(library: Library, followup_id: int) -> frozenset[str]:
    """Keys of the phrased sentences of this follow-up the user has read."""
    raw = library.setting(_READ_KEY.format(followup_id), "")
    return frozenset(k for k in raw.split(",") if k)


def mark_read(library: Library, followup_id: int, sentences: Sequence[str]) -> None:
    """Remember that the user has read these phrased sentences (they are marked no more)."""
    keys = read_sentences(library, followup_id) | {_sentence_key(s) for s in sentences}
    library.set_setting(_READ_KEY.format(followup_id), ",".join(sorted(keys)))


def unread_phrased(library: Library, followup_id: int, body: str | None = None):
    """The phrased sentences still in the body that the user has neither read nor edited."""
    read = read_sentences(library, followup_id)
    return [p for p in phrased_sentences(library, followup_id, body)
            if _sentence_key(p.sentence) not in read]


def is_read(keys: frozenset[str], sentence: str) -> bool:
    return _sentence_key(sentence) in keys


def accept_generated(library: Library, followup_id: int, subject: str, body: str) -> None:
    """Store a regenerated draft as both the text and the generator's baseline."""
    with library.session() as s:
        followup = s.get_one(m.FollowUp, followup_id)
        _refuse_if_sent(followup, "regenerate")
        _store_generated(followup, subject, body, _fingerprint(followup.attendance))


def save_draft(library: Library, followup_id: int, subject: str, body: str) -> datetime:
    now = utcnow()
    with library.session() as s:
        followup = s.get_one(m.FollowUp, followup_id)
        # What went out stays what the library says went out.
        _refuse_if_sent(followup, "change")
        followup.subject, followup.body, followup.updated_at = subject, body, now
    return now


def _refuse_if_sent(followup: m.FollowUp, action: str) -> None:
    if has_left(followup.status):
        raise StatusError(f"This follow-up was already sent; Followup will not {action} it.")


# --- statuses ---------------------------------------------------------------------------------

def set_status(library: Library, followup_id: int, status: str, *, channel: str = "",
               detail: str = "", now: datetime | None = None, allow_resend: bool = False,
               message_id: str = "", failure_reason: str | None = None) -> FollowUpView:
    """Move a follow-up to `status`, recording when, how (channel) and why (detail).

    The one writer of a follow-up's status and history. `allow_resend` is the user's explicit
    confirmation to send again (see `core.status.transition`); `failure_reason` overrides the
    stored reason (a send not confirmed keeps `sending` with a reason). Raises StatusError when
    the move is not allowed, and then nothing changes.
    """
    now = now or utcnow()
    with library.session() as s:
        followup = s.get_one(m.FollowUp, followup_id)
        _write_status(followup, transition(followup.status, status, resend=allow_resend),
                      now=now, channel=channel, detail=detail, message_id=message_id,
                      failure_reason=failure_reason)
    return followup_view(library, followup_id)


def _write_status(followup: m.FollowUp, status: Status, *, now: datetime, channel: str,
                  detail: str, message_id: str = "", failure_reason: str | None = None) -> None:
    followup.status = status.value
    if status is Status.SENT:
        followup.sent_at, followup.channel = now, channel or followup.channel
        followup.failure_reason = ""
    elif status is Status.FAILED:
        followup.failure_reason = detail
    elif status is Status.SENDING:
        followup.channel = channel or followup.channel
    elif status in (Status.DRAFT, Status.READY):
        followup.sent_at = None
    if message_id and status in (Status.SENT, Status.SENDING):
        followup.message_id = message_id
    if failure_reason is not None:
        followup.failure_reason = failure_reason
    followup.events.append(m.StatusEvent(status=status.value, at=now, channel=channel,
                                         detail=detail))


def record_answer(followup: m.FollowUp, at: datetime, detail: str) -> None:
    """An answer to this sent follow-up came at `at` (`store.replies`): kept with a "replied"
    line in its history. Its status stays `sent`: what went out stays recorded as sent, and
    both front ends say "replied" (`FollowUpView.shown_status`)."""
    followup.replied_at = at
    followup.events.append(m.StatusEvent(status=REPLIED, at=at, channel="email",
                                         detail=detail))


def unconfirmed_sends(library: Library) -> list[FollowUpView]:
    """Follow-ups left in `sending` by a crash: never resent by themselves."""
    with library.session() as s:
        ids = s.scalars(select(m.FollowUp.id).where(
            m.FollowUp.status == Status.SENDING.value)).all()
    return [followup_view(library, i) for i in ids]


def set_no_followup(library: Library, attendance_id: int, value: bool) -> None:
    """Mark a person as needing no follow-up; an unsent draft of theirs becomes `skipped`, and
    back to `draft` when the mark is taken off. A sent follow-up stays sent. One
    transaction: the mark and the status change are written together."""
    with library.session() as s:
        s.get_one(m.Attendance, attendance_id).no_followup = value
        followup = s.scalar(select(m.FollowUp).where(m.FollowUp.attendance_id == attendance_id))
        if followup is None or has_left(followup.status):
            return
        target = Status.SKIPPED if value else Status.DRAFT
        if followup.status != target:
            _write_status(followup, transition(followup.status, target), now=utcnow(),
                          channel="", detail="no follow-up needed" if value
                          else "follow-up wanted")


# --- reading ----------------------------------------------------------------------------------


def _view(f: m.FollowUp, target_hours: float | None, signature: str = "") -> FollowUpView:
    a = f.attendance
    meeting = a.meeting
    end = meeting_end(meeting.scheduled_start, meeting.scheduled_end, meeting.started_at,
                      meeting.ended_at)
    cancelled = meeting.cancelled_at is not None
    return FollowUpView(
        id=f.id, attendance_id=a.id, meeting_id=meeting.id, person_id=a.person.id,
        person_name=a.person.name, person_email=a.person.email, person_title=a.person.title,
        capacity=a.capacity, company=meeting.company.name if meeting.company else "",
        role=meeting.role, kind=meeting.kind, subject=f.subject, body=f.body,
        status=Status(f.status),
        channel=f.channel, sent_at=f.sent_at, message_id=f.message_id,
        failure_reason=f.failure_reason, edited=f.edited and bool(f.generated_body),
        out_of_date=bool(f.notes_fingerprint) and f.notes_fingerprint != _fingerprint(a),
        deadline=deadline_for(end, target_hours) if end and not cancelled else None,
        history=tuple(HistoryEntry(e.status, e.at, e.channel, e.detail)
                      for e in f.events),
        email_is_guess=a.person.email_is_guess, drafted=_is_drafted(f),
        signature_out_of_date=bool(signature) and f.edited and is_editable(f.status)
        and _without_blanks(signature) not in _without_blanks(f.body), cancelled=cancelled,
        meeting_out_of_date=f.notes_fingerprint.startswith(MEETING_CHANGED)
        and is_editable(f.status),
        replied_at=f.replied_at, sent_copy=f.sent_copy, checkin_state=f.checkin_state,
        checkin_due=f.checkin_due, checkin_subject=f.checkin_subject,
        checkin_body=f.checkin_body)


def _without_blanks(text: str) -> str:
    return " ".join(text.split())


def _reading(library: Library, s: Session | None = None) -> tuple[float | None, str]:
    """The profile's part in every view: the personal target and the signature drafts end with
    (empty while the profile has no name, so nothing is judged against a gap). Read in the
    session `s` when given."""
    profile = library.profile() if s is None else read_profile(s)
    signature = ""
    if profile.signature.strip() or profile.name.strip():

        signature = signature_block(draft_profile(profile))
    return profile.target_hours, signature


def followup_view(library: Library, followup_id: int) -> FollowUpView:
    """The view of follow-up `followup_id`; raises sqlalchemy.exc.NoResultFound if it is gone."""
    found = _view_where(library, m.FollowUp.id == followup_id)
    if found is None:
        raise NoResultFound(f"follow-up {followup_id} is gone")
    return found


def _view_where(library: Library, condition) -> FollowUpView | None:
    """The view of the one follow-up that meets `condition`, or None: one session and three
    queries (the follow-up with its person and meeting, its history, the profile), where
    reading each relation on first use took nine. It runs at every switch of person while the
    follow-up pane is shown."""
    with library.session() as s:
        found = s.scalars(_eager(select(m.FollowUp)).where(condition)).unique().one_or_none()
        return _view(found, *_reading(library, s)) if found is not None else None


def _eager(query):
    """Load what a view needs in a few queries rather than several per follow-up."""
    attendance = joinedload(m.FollowUp.attendance)
    return query.options(
        attendance.joinedload(m.Attendance.meeting).joinedload(m.Meeting.company),
        attendance.joinedload(m.Attendance.person), selectinload(m.FollowUp.events))


def followup_and_siblings(library: Library, followup_id: int
                          ) -> tuple[FollowUpView, list[FollowUpView]]:
    """Follow-up `followup_id` and every follow-up of its meeting (itself among them), read in
    one session: what its checklist compares it with. Raises NoResultFound if it is gone."""
    with library.session() as s:
        meeting_id = s.scalar(select(m.Attendance.meeting_id).join(
            m.FollowUp, m.FollowUp.attendance_id == m.Attendance.id)
            .where(m.FollowUp.id == followup_id))
        if meeting_id is None:
            raise NoResultFound(f"follow-up {followup_id} is gone")
        reading = _reading(library, s)
        rows = s.scalars(_eager(select(m.FollowUp)).join(m.Attendance)
                         .where(m.Attendance.meeting_id == meeting_id)
                         .order_by(m.Attendance.position)).unique().all()
        siblings = [_view(f, *reading) for f in rows]
    return next(v for v in siblings if v.id == followup_id), siblings


def followups_for_meeting(library: Library, meeting_id: int) -> list[FollowUpView]:
    open_ended_followups(library)
    reading = _reading(library)
    with library.session() as s:
        rows = s.scalars(_eager(select(m.FollowUp)).join(m.Attendance)
                         .where(m.Attendance.meeting_id == meeting_id)
                         .order_by(m.Attendance.position)).unique().all()
        return [_view(f, *reading) for f in rows]


def followup_for_attendance(library: Library, attendance_id: int) -> FollowUpView | None:
    """This person's follow-up, or None (the meeting is not over and nothing was drafted)."""
    return _view_where(library, m.FollowUp.attendance_id == attendance_id)


def update_profile(library: Library, rewrite_signature: bool = True, **values) -> int:
    """Save profile fields (as `Library.save_profile`) and rewrite every draft the user has not
    touched, so its signature (and anything else taken from the profile) follows at once.
    Edited drafts keep their text; their view says when the signature is out of date.

    A new phone with the signature left as it was also changes the number in the signature
    (`core.phones.signature_for_new_phone`), so no draft ends with the old number and the new
    one; `rewrite_signature=False` keeps the signature as it is. Raises core.phones.PhoneChoice,
    saving nothing, when the signature holds several numbers and none is the old phone: the
    caller asks which one to replace (`core.phones.replace_number`) and passes the signature.
    Returns how many drafts were rewritten."""
    if rewrite_signature and "phone" in values:
        values = _with_signature_phone(library.profile(), values)
    library.save_profile(**values)
    with library.session() as s:
        rows = s.execute(select(m.Attendance.meeting_id, m.FollowUp)
                         .join(m.FollowUp, m.FollowUp.attendance_id == m.Attendance.id)).all()
        untouched = [meeting_id for meeting_id, f in rows
                     if is_editable(f.status) and not f.edited and _is_drafted(f)]
    for meeting_id in sorted(set(untouched)):
        _redraft_untouched(library, meeting_id)
    return len(untouched)


def _with_signature_phone(profile: ProfileView, values: dict) -> dict:
    """`values` with the signature's number following a changed phone, when the signature is
    the one stored (a signature the user just rewrote is theirs)."""
    signature = values.get("signature", profile.signature)
    if signature.strip() != profile.signature.strip():
        return values
    if values["phone"].strip() == profile.phone.strip():
        return values
    rewritten = signature_for_new_phone(profile.signature, profile.phone, values["phone"])
    return {**values, "signature": rewritten} if rewritten != profile.signature else values


def _redraft_untouched(library: Library, meeting_id: int,
                       mark_edited: bool = False) -> tuple[int, int]:
    """Rewrite the untouched (unedited, unsent) drafts of a meeting from its current notes;
    with `mark_edited`, mark the edited unsent ones as written for the meeting as it was
    (MEETING_CHANGED). Returns (drafts rewritten, drafts marked)."""
    profile = draft_profile(library.profile())
    dirs = template_dirs(library)
    rewritten = marked = 0
    with library.session() as s:
        meeting = s.get_one(m.Meeting, meeting_id)
        for a in meeting.attendees:
            f = s.scalar(select(m.FollowUp).where(m.FollowUp.attendance_id == a.id))
            if f is None or not _is_drafted(f) or not is_editable(f.status):
                continue
            if f.edited:
                if mark_edited and not f.notes_fingerprint.startswith(MEETING_CHANGED):
                    f.notes_fingerprint = MEETING_CHANGED + f.notes_fingerprint
                    marked += 1
                continue
            draft = generate_draft(_request(a, profile), dirs)
            _store_generated(f, draft.subject, draft.body, _fingerprint(a))
            rewritten += 1
    return rewritten, marked


def follow_meeting_change(library: Library, meeting_id: int) -> tuple[int, int]:
    """After a meeting's company, role or kind changed: its unedited drafts are written again,
    its edited ones say the meeting changed since they were written. (rewritten, marked)."""
    return _redraft_untouched(library, meeting_id, mark_edited=True)


# --- checking ---------------------------------------------------------------------------------


def check_context(library: Library, view: FollowUpView, others: Sequence[FollowUpView] = (),
                  notes: str | None = None, profile: ProfileView | None = None,
                  unread: Sequence[str] | None = None):
    """What the checklist needs to know about this follow-up. `unread`: the sentences written
    from the notes still unread, when the caller already knows them (the draft pane's marks);
    otherwise the draft is written again to find them."""
    profile = profile or library.profile()
    if notes is None:
        notes = library.notes(view.attendance_id)
    notes = notes_for_checking(notes, library.general_notes(view.meeting_id), view.capacity,
                               view.kind)
    # The user's own words (signature, links, skills: "cron zoo") are not typos; the window's
    # spelling underlines read the same words (gui.main_window).
    terms = {view.company, *view.person_name.split(), *profile_words(profile)}
    return CheckContext(
        company=view.company or None, recipient=view.person_name,
        sender_name=profile.name or None, sender_phone=profile.phone or None, notes=notes,
        other_drafts=tuple(o.body for o in others if o.id != view.id),
        other_recipients=tuple(o.person_name for o in others if o.id != view.id),
        user_words=user_words(library), known_terms=frozenset(t for t in terms if t),
        unread_phrased=tuple(unread) if unread is not None else _unread_in(library, view),
        organiser=view.capacity == "coordinator", role=view.role or None)


def _unread_in(library: Library, view: FollowUpView) -> tuple[str, ...]:
    """The sentences drafting wrote that are still in this draft, unread: none once it left
    (what was sent is history) or when it was never drafted."""
    if has_left(view.status) or not view.drafted:
        return ()
    return tuple(p.sentence for p in unread_phrased(library, view.id, view.body))


def user_dictionary_path(library: Library) -> Path:
    return library.path.parent / "dictionary.txt"


def user_words(library: Library) -> frozenset[str]:
    return spelling.load_user_words(user_dictionary_path(library))


def profile_words(profile: ProfileView) -> set[str]:
    """The words of the user's profile (name, email, signature, skills, links' titles,
    addresses and tags): never misspellings in their notes and drafts."""
    links = (f"{link.get('title', '')} {link.get('url', '')} {' '.join(link.get('tags', []))}"
             for link in profile.links)
    return spelling.own_words(profile.name, profile.email, profile.signature, *profile.skills,
                              *links)


SPELLING_SETTING = "spelling"  # the user's English: one of spelling.LANGUAGES


def spelling_language(library: Library) -> str | None:
    """The English the profile checks spelling in, or None for the locale's."""
    return library.setting(SPELLING_SETTING) or None


def spelling_language_at(path: Path) -> str | None:
    """The profile's English in the library file at `path`, read without opening the library
    for writing (`followup check` only reads it); None when there is no library or no choice."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM setting WHERE key = ?",
                             (SPELLING_SETTING,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row and row[0] in spelling.LANGUAGES else None


def set_spelling_language(library: Library, language: str) -> None:
    """Check spelling in `language` from now on; raises ValueError (the message is for the
    user) when it is not one of `spelling.LANGUAGES`."""
    problem = spelling.language_problem(language)
    if problem:
        raise ValueError(problem)
    library.set_setting(SPELLING_SETTING, language)
    use_library_spelling(library)


def use_library_spelling(library: Library, language: str | None = None) -> None:
    """Check spelling in `language` (None: the profile's English) with the library's personal
    word list."""
    spelling.use(language or spelling_language(library), user_dictionary_path(library))


def failing_required_count(library: Library, view: FollowUpView,
                           others: Sequence[FollowUpView] = ()) -> int:
    results = check_draft(view.subject, view.body, check_context(library, view, others))
    return len(failing_required(results))


# --- reminders --------------------------------------------------------------------------------


def reminder_items(library: Library, now: datetime | None = None):
    """Every unsent follow-up with a deadline at `now`, in one query after opening those whose
    meeting is over (this runs on the timer). A cancelled meeting has no deadline: a draft
    written before the cancellation is not nagged about."""
    open_ended_followups(library, now)
    target = library.profile().target_hours
    with library.session() as s:
        rows = s.execute(
            select(m.FollowUp.id, m.Person.name, m.Company.name, m.FollowUp.status,
                   m.Meeting.scheduled_start, m.Meeting.scheduled_end, m.Meeting.started_at,
                   m.Meeting.ended_at)
            .join(m.Attendance, m.FollowUp.attendance_id == m.Attendance.id)
            .join(m.Person, m.Attendance.person_id == m.Person.id)
            .join(m.Meeting, m.Attendance.meeting_id == m.Meeting.id)
            .outerjoin(m.Company, m.Meeting.company_id == m.Company.id)
            .where(m.FollowUp.status.not_in((Status.SENT.value, Status.SKIPPED.value)),
                   m.Meeting.cancelled_at.is_(None))).all()
    items = []
    for followup_id, person, company, status, *times in rows:
        end = meeting_end(*times)
        if end is not None:
            items.append(ReminderItem(followup_id=followup_id, person=person,
                                      company=company or "", status=status,
                                      deadline=deadline_for(end, target)))
    return items


def shown_reminders(library: Library) -> set[tuple[int, str]]:
    with library.session() as s:
        return set(s.execute(select(m.ReminderShown.followup_id, m.ReminderShown.threshold)))
