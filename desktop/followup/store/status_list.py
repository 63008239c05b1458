"""The send-status list: every follow-up across meetings, most urgent first.

A meeting the organizer cancelled owes nobody a follow-up, so its follow-ups still to send are
left out (the list is what the user has to send, and a thank-you for a meeting that did not
happen must not be offered); those already sent, or maybe sent, stay, as the record of what
went out. They come back if a later invite reinstates the meeting.

Built to stay quick with years of follow-ups: one Core query reads the columns the list shows
(no ORM objects, no status history, no draft bodies), deadlines are worked out once per
meeting, and searching or switching filter works on the rows already read
(`select_rows`), so a keystroke never reads the library again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from followup.core.deadlines import Countdown, Deadline, State, countdown, deadline_for, meeting_end
from followup.core.status import Status, has_left, is_open
from followup.core.urgency import sort_key

if TYPE_CHECKING:
    from followup.store.library import Library

FILTERS = ("to do", "overdue", "sent", "all")
UNSENT_FILTERS = frozenset({"to do", "overdue"})  # rows still to send are all these show
DONE = (Status.SENT, Status.SKIPPED)


class StatusEntry(NamedTuple):
    """One follow-up as the list shows it (the fields `FollowUpView` has under these names).

    A named tuple: thousands are made each time the list opens, and a tuple is made fastest.
    """

    id: int
    attendance_id: int
    meeting_id: int
    person_name: str
    person_email: str
    company: str
    role: str
    kind: str
    subject: str
    status: Status
    channel: str
    sent_at: datetime | None
    deadline: Deadline | None
    search_text: str = ""  # person, company, role, email and subject, lower-cased
    drafted: bool = True  # False while the follow-up exists but no draft was written yet

    def countdown(self, now: datetime) -> Countdown | None:
        if self.deadline is None:
            return None
        return countdown(self.deadline, now, self.status, self.sent_at)


class StatusRow:
    """An entry and where it stands at `now`; the countdown is worked out when first asked
    for, so ranking thousands of sent follow-ups does not format thousands of dates."""

    __slots__ = ("view", "now", "_countdown")

    def __init__(self, view: StatusEntry, now: datetime, countdown: Countdown | None = None):
        self.view, self.now, self._countdown = view, now, countdown

    @property
    def countdown(self) -> Countdown | None:
        if self._countdown is None and self.view.deadline is not None:
            self._countdown = self.view.countdown(self.now)
        return self._countdown

    @property
    def state(self) -> str:
        return self.countdown.state.value if self.countdown else "no deadline"

    def __eq__(self, other) -> bool:
        return isinstance(other, StatusRow) and (self.view, self.now) == (other.view, other.now)

    __hash__ = None  # type: ignore[assignment]  # equal rows need not hash: never a dict key


def status_entries(library: Library, unsent_only: bool = False,
                   now: datetime | None = None) -> list[StatusEntry]:
    """Every follow-up (or those still to send), newest sent first, in two light queries,
    after opening the follow-ups of meetings over at `now` (UTC; default: the clock)."""
    from sqlalchemy import func, or_, select

    from followup.store import models as m
    from followup.store.followups import open_ended_followups

    open_ended_followups(library, now)

    target = library.profile().target_hours
    meetings = (select(m.Meeting.id, m.Meeting.cancelled_at.is_not(None), m.Company.name,
                       m.Meeting.role, m.Meeting.kind, m.Meeting.scheduled_start,
                       m.Meeting.scheduled_end, m.Meeting.started_at, m.Meeting.ended_at)
                .outerjoin(m.Company, m.Meeting.company_id == m.Company.id))
    followups = (select(m.FollowUp.id, m.Attendance.id, m.Attendance.meeting_id, m.Person.name,
                        m.Person.email, m.FollowUp.subject, m.FollowUp.status,
                        m.FollowUp.channel, m.FollowUp.sent_at,
                        or_(func.length(m.FollowUp.body) > 0,
                            func.length(m.FollowUp.generated_body) > 0))
                 .join(m.Attendance, m.FollowUp.attendance_id == m.Attendance.id)
                 .join(m.Person, m.Attendance.person_id == m.Person.id)
                 .order_by(m.FollowUp.sent_at.desc(), m.FollowUp.id.desc()))
    if unsent_only:
        followups = followups.where(m.FollowUp.status.not_in(DONE))
    with library.session() as s:
        by_meeting = {}
        cancelled = set()
        for meeting_id, is_cancelled, company, role, kind, *times in s.execute(meetings):
            end = meeting_end(*times)  # worked out once per meeting, not per follow-up
            by_meeting[meeting_id] = (company or "", role, kind,
                                      deadline_for(end, target) if end else None)
            if is_cancelled:
                cancelled.add(meeting_id)
        rows = s.execute(followups).all()
    entries = []
    for (fid, attendance_id, meeting_id, name, email, subject, status, channel, sent_at,
         drafted) in rows:
        if meeting_id in cancelled and not has_left(status):
            continue
        company, role, kind, deadline = by_meeting[meeting_id]
        entries.append(StatusEntry(
            fid, attendance_id, meeting_id, name, email, company, role, kind, subject,
            Status(status), channel, sent_at, deadline,
            "\n".join((name, company, role, email, subject)).lower(), bool(drafted)))
    return entries


def ranked(entries: Iterable[StatusEntry], now: datetime) -> list[StatusRow]:
    """Every entry with its countdown at `now`, most urgent first (as `urgency.sort_key`).

    Only the follow-ups still to send are sorted; sent, then skipped, then those without a
    meeting time follow in the order given, as a stable sort by `sort_key` would leave them.
    """
    open_rows: list[StatusRow] = []
    keys: list[tuple[int, int, int]] = []
    sent: list[StatusRow] = []
    skipped: list[StatusRow] = []
    timeless: list[StatusRow] = []
    countdowns: dict[int, Countdown] = {}  # meeting id -> countdown of its unsent ones
    for entry in entries:
        if entry.deadline is None:
            timeless.append(StatusRow(entry, now))
        elif entry.status is Status.SENT:
            sent.append(StatusRow(entry, now))
        elif entry.status is Status.SKIPPED:
            skipped.append(StatusRow(entry, now))
        else:
            # Every unsent follow-up of a meeting shares its deadline, so its countdown.
            shared = countdowns.get(entry.meeting_id) or entry.countdown(now)
            if shared is None:  # cannot be: the entry has a deadline
                timeless.append(StatusRow(entry, now))
                continue
            countdowns[entry.meeting_id] = shared
            open_rows.append(StatusRow(entry, now, shared))
            keys.append(sort_key(shared, failed=entry.status is Status.FAILED))
    order = sorted(range(len(open_rows)), key=keys.__getitem__)  # stable
    return [open_rows[i] for i in order] + sent + skipped + timeless


def select_rows(rows: Sequence[StatusRow], which: str = "all",
                search: str = "") -> list[StatusRow]:
    """The rows `which` filter and `search` keep, in the order given; no library access."""
    needle = search.strip().lower()
    return [r for r in rows
            if _keep(r, which) and (not needle or needle in r.view.search_text)]


def status_rows(library: Library, now: datetime, which: str = "all",
                search: str = "") -> list[StatusRow]:
    return select_rows(ranked(status_entries(library, now=now), now), which, search)


def _keep(row: StatusRow, which: str) -> bool:
    status = row.view.status
    if which == "to do":
        return is_open(status)
    if which == "overdue":
        return row.countdown is not None and row.countdown.state is State.OVERDUE
    if which == "sent":
        return status is Status.SENT
    return True


def due_count(library: Library, now: datetime) -> int:
    """Follow-ups still to send whose meeting is over (one light query: it runs on a timer)."""
    from followup.store.followups import reminder_items

    return count_due(reminder_items(library, now), now)


def count_due(items, now: datetime) -> int:
    """How many of these reminder items are past their meeting (no library access)."""
    return sum(1 for item in items
               if countdown(item.deadline, now, item.status).state is not State.UPCOMING)


def record_shown(library: Library, pairs: set[tuple[int, str]]) -> None:
    """Remember reminders as shown, in one statement however many there are."""
    if not pairs:
        return
    from sqlalchemy.dialects.sqlite import insert

    from followup.store import models as m

    rows = [{"followup_id": f, "threshold": t} for f, t in sorted(pairs)]
    with library.session() as s:
        s.execute(insert(m.ReminderShown).on_conflict_do_nothing(), rows)
