"""Replies and check-ins in the library: the follow-ups that await an answer, the answers
found, and the check-ins drafted when none came.

The rules (what is a reply, when a check-in is due, what it says) are `core.checkins`; the
mailbox and the IMAP settings are `sending.mailbox`. Here the rules meet the library. Nothing
of a reply is stored but when it came and whose address it came from (in the follow-up's
history); never a body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from followup.core import templates
from followup.core.checkins import (
    Awaited,
    CheckinRequest,
    Headers,
    checkin_due,
    days_setting,
    draft_checkin,
    first_replies,
    named_date,
)
from followup.core.status import Status
from followup.store import models as m
from followup.store.followups import (  # the follow-ups' own readers, shared in the store
    _eager,
    _reading,
    record_answer,
    template_dirs,
)
from followup.store.library import Library
from followup.store.timestamps import utcnow

CHECKIN_DAYS_KEY = "checkin.days"
AWAIT_DAYS = 60  # a follow-up sent longer ago than this is no longer watched for an answer


class CheckinState:
    """Where a follow-up's check-in stands (`FollowUp.checkin_state`; the values are
    `core.checkins.CHECKIN_STATES`)."""

    NONE = ""
    DUE = "due"  # drafted and due: listed until an answer comes or the user deals with it
    WITHDRAWN = "withdrawn"  # an answer came after it was drafted
    DONE = "done"  # sent, or put aside by the user


# ---- settings ---------------------------------------------------------------------------------

def checkin_days(library: Library) -> int:
    """Days after the send a check-in falls due (`core.checkins.CHECKIN_AFTER_DAYS` unless
    set)."""
    return days_setting(library.setting(CHECKIN_DAYS_KEY, ""))


def set_checkin_days(library: Library, days: int) -> None:
    """Raises ValueError for a number of days outside 1..90."""
    if not 1 <= days <= 90:
        raise ValueError("A check-in can be due 1 to 90 days after the send.")
    library.set_setting(CHECKIN_DAYS_KEY, str(days))


# ---- awaiting an answer -----------------------------------------------------------------------

def awaited(library: Library, now: datetime | None = None) -> list[Awaited]:
    """Follow-ups sent in the last `AWAIT_DAYS`, to a known address, with no answer yet."""
    now = now or utcnow()
    with library.session() as s:
        rows = s.execute(
            select(m.FollowUp.id, m.FollowUp.message_id, m.Person.email, m.FollowUp.sent_at)
            .join(m.Attendance, m.FollowUp.attendance_id == m.Attendance.id)
            .join(m.Person, m.Attendance.person_id == m.Person.id)
            .where(m.FollowUp.status == Status.SENT.value, m.FollowUp.replied_at.is_(None),
                   m.FollowUp.sent_at.is_not(None), m.Person.email != "",
                   m.FollowUp.sent_at >= now - timedelta(days=AWAIT_DAYS))).all()
    return [Awaited(i, message_id or "", email, sent_at)
            for i, message_id, email, sent_at in rows if sent_at is not None]


@dataclass(frozen=True)
class ReplyFound:
    """An answer found and recorded: to which follow-up, from whom, when."""

    followup_id: int
    person: str
    company: str
    address: str
    at: datetime | None
    withdrew_checkin: bool


def record_replies(library: Library, messages: Sequence[Headers],
                   waiting: Sequence[Awaited], now: datetime | None = None
                   ) -> list[ReplyFound]:
    """Match `messages` against `waiting` and record each follow-up answered: when the reply
    came (its Date, else now), a "replied" line in its history, and its check-in withdrawn.
    A follow-up already marked replied is left as it is."""
    now = now or utcnow()
    found = []
    sent = {item.followup_id: item.sent_at for item in waiting}
    with library.session() as s:
        for followup_id, reply in sorted(first_replies(messages, waiting).items()):
            followup = s.get(m.FollowUp, followup_id)
            if followup is None or followup.replied_at is not None:
                continue
            # Never before the send, never in the future: clocks differ, Date is to the second.
            at = max(min(reply.date or now, now), sent[followup_id])
            withdrew = followup.checkin_state == CheckinState.DUE
            if withdrew:
                followup.checkin_state = CheckinState.WITHDRAWN
            record_answer(followup, at, f"reply from {reply.from_address or 'the person'}"
                          + ("; the check-in was withdrawn" if withdrew else ""))
            person = followup.attendance.person
            company = followup.attendance.meeting.company
            found.append(ReplyFound(followup_id, person.name, company.name if company else "",
                                    reply.from_address, reply.date, withdrew))
    return found


# ---- check-ins --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Checkin:
    """A check-in that is due: to whom, since when, and its draft."""

    followup_id: int
    meeting_id: int
    person: str
    address: str
    company: str
    role: str
    due: datetime
    subject: str
    body: str


def update_checkins(library: Library, now: datetime | None = None) -> list[int]:
    """Draft the check-ins that fell due by `now`: one per follow-up sent with no answer, the
    day after a date its notes name, else `checkin_days` after the send; never before. Returns
    the ids of the follow-ups whose check-in was drafted now (usually none).

    Read, written and stored in three steps, so the library is held only for the reading and
    for one short write (the texts are written in between, with no transaction open)."""
    now = now or utcnow()
    due = _due_requests(library, now)
    if not due:
        return []
    dirs = template_dirs(library)
    texts = {i: (when, draft_checkin(request, dirs)) for i, (when, request) in due.items()}
    drafted = []
    with library.session() as s:
        for followup in s.scalars(select(m.FollowUp).where(m.FollowUp.id.in_(texts))):
            # An answer or the user may have come first, between the reading and now.
            if followup.checkin_state != CheckinState.NONE or followup.replied_at is not None:
                continue
            when, (subject, body) = texts[followup.id]
            _store(followup, when, subject, body)
            drafted.append(followup.id)
    return sorted(drafted)


def _due_requests(library: Library, now: datetime) -> dict[int, tuple[datetime, CheckinRequest]]:
    """Follow-up id -> (when its check-in fell due, what it says), for those due by `now`."""
    days = checkin_days(library)
    found: dict[int, tuple[datetime, CheckinRequest]] = {}
    with library.session() as s:
        # Sends older than AWAIT_DAYS get none: a first check-in months later would be odd.
        rows = s.scalars(_eager(select(m.FollowUp)).where(
            m.FollowUp.status == Status.SENT.value, m.FollowUp.replied_at.is_(None),
            m.FollowUp.sent_at >= now - timedelta(days=AWAIT_DAYS),
            m.FollowUp.checkin_state == CheckinState.NONE)).unique().all()
        signature = None
        for followup in rows:
            a = followup.attendance
            if a.meeting.cancelled_at is not None or followup.sent_at is None:
                continue
            due = checkin_due(followup.sent_at, _notes(a), _meeting_day(a.meeting), days)
            if due <= now:
                if signature is None:
                    signature = _reading(library, s)[1] or _signature_gap()
                found[followup.id] = (due, _request(a, signature, due))
    return found


def _request(a: m.Attendance, signature: str, due: datetime) -> CheckinRequest:
    """What the check-in to this person says (the profile's closing, with the phone)."""
    day = _meeting_day(a.meeting) or due.date()
    return CheckinRequest(a.person.name, a.meeting.company.name if a.meeting.company else "",
                          a.meeting.role, signature, named_date(_notes(a), day))


def _store(followup: m.FollowUp, due: datetime, subject: str, body: str) -> None:
    followup.checkin_due, followup.checkin_state = due, CheckinState.DUE
    followup.checkin_subject, followup.checkin_body = subject, body


def _notes(a: m.Attendance) -> str:
    return "\n".join((a.notes, a.meeting.general_notes))


def _signature_gap() -> str:
    return f"{templates.gap('my_name')}\n{templates.gap('my_phone')}"


def _meeting_day(meeting: m.Meeting):
    start = meeting.started_at or meeting.scheduled_start or meeting.ended_at
    return start.astimezone().date() if start else None


def due_checkins(library: Library, now: datetime | None = None) -> list[Checkin]:
    """The check-ins drafted and still due, oldest first (after drafting those due by `now`)."""
    update_checkins(library, now)
    return listed_checkins(library)


def listed_checkins(library: Library, first: int | None = None) -> list[Checkin]:
    """The check-ins drafted and still due, oldest first (only the `first` ones when given),
    without drafting any: one query, as the send-status list reads it each time it opens."""
    query = (select(m.FollowUp.id, m.Attendance.meeting_id, m.Person.name, m.Person.email,
                    m.Company.name, m.Meeting.role, m.FollowUp.checkin_due,
                    m.FollowUp.checkin_subject, m.FollowUp.checkin_body)
             .join(m.Attendance, m.FollowUp.attendance_id == m.Attendance.id)
             .join(m.Person, m.Attendance.person_id == m.Person.id)
             .join(m.Meeting, m.Attendance.meeting_id == m.Meeting.id)
             .outerjoin(m.Company, m.Meeting.company_id == m.Company.id)
             .where(m.FollowUp.checkin_state == CheckinState.DUE)
             .order_by(m.FollowUp.checkin_due, m.FollowUp.id).limit(first))
    with library.session() as s:
        return [Checkin(i, meeting_id, person, email, company or "", role, due or utcnow(),
                        subject, body)
                for i, meeting_id, person, email, company, role, due, subject, body
                in s.execute(query)]


def count_checkins(library: Library) -> int:
    """How many check-ins are due (drafted and not dealt with)."""
    with library.session() as s:
        return s.scalar(select(func.count()).select_from(m.FollowUp)
                        .where(m.FollowUp.checkin_state == CheckinState.DUE)) or 0


def close_checkin(library: Library, followup_id: int) -> None:
    """The user sent the check-in or put it aside: it is no longer listed as due."""
    with library.session() as s:
        followup = s.get_one(m.FollowUp, followup_id)
        if followup.checkin_state == CheckinState.DUE:
            followup.checkin_state = CheckinState.DONE


def another_checkin(library: Library, followup_id: int, now: datetime | None = None) -> None:
    """The user asks for another check-in to this person: one is drafted now, due now.
    Raises ValueError when they already answered or nothing was sent."""
    now = now or utcnow()
    with library.session() as s:
        followup = s.scalars(_eager(select(m.FollowUp)).where(m.FollowUp.id == followup_id)
                             ).unique().one()
        if followup.replied_at is not None:
            raise ValueError("They already answered; no check-in is needed.")
        if followup.status != Status.SENT.value:
            raise ValueError("A check-in follows a sent follow-up; this one was not sent.")
        signature = _reading(library, s)[1] or _signature_gap()
        subject, body = draft_checkin(_request(followup.attendance, signature, now),
                                      template_dirs(library))
        _store(followup, now, subject, body)
