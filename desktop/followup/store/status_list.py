"""The send-status list: every follow-up across meetings, most urgent first.

A meeting the organizer cancelled owes nobody a follow-up, so its follow-ups still to send are
left out (the list is what the user has to send, and a thank-you for a meeting that did not
happen must not be offered); those already sent, or maybe sent, stay, as the record of what
went out. They come back if a later invite reinstates the meeting.

Built to open within a frame or two with years of follow-ups: one SQLite query reads the
columns the list shows and ranks them (`read_status_list`). A follow-up's deadline comes from
its meeting's end, so the "most urgent first" order is an ORDER BY on that
end, with the state bands worked out from `now` as bounds on it; Python makes no per-row
object but a tuple (`ListedFollowUp`). Countdowns, deadlines and search texts are worked out
when first asked for, for the rows on screen, and searching or switching filter works on the
rows already read (`StatusList.select`), so a keystroke never reads the library again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy.dialects.sqlite import insert

from followup.core.deadlines import (
    LIMIT,
    SOON_AT,
    URGENT_AT,
    Countdown,
    Deadline,
    State,
    countdown,
    deadline_for,
)
from followup.core.folding import fold
from followup.core.status import Status
from followup.core.status import label as status_label
from followup.store import models as m
from followup.store.followups import open_ended_followups, reminder_items
from followup.store.views import aware_utc

if TYPE_CHECKING:
    from followup.store.library import Library

FILTERS = ("to do", "overdue", "sent", "all")
UNSENT_FILTERS = frozenset({"to do", "overdue"})  # rows still to send are all these show
DONE = (Status.SENT, Status.SKIPPED)
_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how instants are stored: naive UTC, ordered as text

# When each meeting ended, best known, as stored (naive UTC text): `core.deadlines.meeting_end`
# in SQL (a test holds them to the same answers). The fraction of a second is carried over
# from the start, as strftime drops it.
_MEETING_END = """
CASE
  WHEN m.ended_at IS NOT NULL THEN m.ended_at
  WHEN m.scheduled_end IS NOT NULL
       AND (COALESCE(m.started_at, m.scheduled_start) IS NULL
            OR m.scheduled_end > COALESCE(m.started_at, m.scheduled_start))
    THEN m.scheduled_end
  WHEN COALESCE(m.started_at, m.scheduled_start) IS NULL THEN NULL
  ELSE strftime('%Y-%m-%d %H:%M:%S', COALESCE(m.started_at, m.scheduled_start), '+1 hour')
       || substr(COALESCE(m.started_at, m.scheduled_start), 20)
END"""
_MEETINGS = f"""
SELECT m.id, COALESCE(c.name, ''), m.role, m.kind, {_MEETING_END}
FROM meeting m LEFT JOIN company c ON c.id = m.company_id
"""
# Still to send (and with a meeting time) first, by state band, failed sends first within a
# band, then by deadline; then sent, then skipped, then those without a meeting time, each
# newest sent first. The bands are bounds on the meeting's end (`_bounds`), as every
# follow-up's deadline is its meeting's end plus the same 24 hours. The meeting's own columns
# are read once per meeting (`_MEETINGS`), not once per follow-up.
_LIST = f"""
SELECT id, attendance_id, meeting_id, person_name, person_email, subject, status, channel,
       sent_at, {{drafted}}, replied_at
FROM (
  SELECT f.id AS id, a.id AS attendance_id, a.meeting_id AS meeting_id, p.name AS person_name,
         p.email AS person_email, f.subject AS subject, f.status AS status,
         f.channel AS channel, f.sent_at AS sent_at, f.replied_at AS replied_at,
         e.ended AS ended, {{body}}
         CASE WHEN e.ended IS NULL THEN 3 WHEN f.status = 'sent' THEN 1
              WHEN f.status = 'skipped' THEN 2 ELSE 0 END AS grp
  FROM followup f
  JOIN attendance a ON a.id = f.attendance_id
  JOIN person p ON p.id = a.person_id
  JOIN (SELECT m.id AS id, m.cancelled_at IS NOT NULL AS cancelled, {_MEETING_END} AS ended
        FROM meeting m) e ON e.id = a.meeting_id
  WHERE NOT (e.cancelled AND f.status NOT IN ('sent', 'sending')) {{unsent}}
)
ORDER BY grp,
  CASE WHEN grp != 0 THEN 0 WHEN ended > :now THEN 4 WHEN ended <= :overdue THEN 0
       WHEN ended <= :urgent THEN 1 WHEN ended <= :soon THEN 2 ELSE 3 END,
  CASE WHEN grp = 0 AND status = 'failed' THEN 0 ELSE 1 END,
  CASE WHEN grp = 0 THEN ended END,
  sent_at DESC, id DESC
"""
_COUNT = """
SELECT count(*) FROM followup f
JOIN attendance a ON a.id = f.attendance_id
JOIN meeting m ON m.id = a.meeting_id
WHERE NOT (m.cancelled_at IS NOT NULL AND f.status NOT IN ('sent', 'sending')) {unsent}
"""
_UNSENT = "AND f.status NOT IN ('sent', 'skipped')"
_BODIES = "f.body AS body, f.generated_body AS generated_body,"
_DRAFTED = "length(body) > 0 OR length(generated_body) > 0"


class MeetingFacts(NamedTuple):
    """What the list shows of a meeting, read once per meeting."""

    company: str
    role: str
    kind: str
    ended: str | None  # when it ended, naive UTC as stored; None: no meeting time


class ListedFollowUp(NamedTuple):
    """One follow-up as the list reads it: the library's own values, made by SQLite, so
    thousands cost next to no Python. Its meeting's facts are `StatusList.meeting(row)`;
    `StatusList.entry(row)` gives the typed `StatusEntry`."""

    id: int
    attendance_id: int
    meeting_id: int
    person_name: str
    person_email: str
    subject: str
    status: str  # a `Status` value
    channel: str
    sent_at: str | None  # naive UTC, as stored
    drafted: bool  # read only when asked for (`read_status_list(drafted=True)`), else True
    replied_at: str | None = None  # when an answer came (naive UTC, as stored); None: none


class StatusEntry(NamedTuple):
    """One follow-up with typed values (the fields `FollowUpView` has under these names)."""

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
    drafted: bool = True  # False while the follow-up exists but no draft was written yet
    replied_at: datetime | None = None  # when an answer came (the status stays sent)

    def countdown(self, now: datetime) -> Countdown | None:
        if self.deadline is None:
            return None
        return countdown(self.deadline, now, self.status, self.sent_at)

    @property
    def shown_status(self) -> str:
        """The status as both front ends name it: "replied" once an answer came."""
        return shown_status(self.status, self.replied_at)


def shown_status(status: str, replied_at: object) -> str:
    """`status` as the list names it: "replied" for a sent follow-up that was answered,
    "send not confirmed" for one left sending (`core.status.label`)."""
    return "replied" if replied_at is not None else status_label(status)


class StatusRow:
    """An entry and where it stands at `now` (what `followup status` prints)."""

    __slots__ = ("view", "now", "countdown")

    def __init__(self, view: StatusEntry, now: datetime):
        self.view, self.now = view, now
        self.countdown: Countdown | None = view.countdown(now)

    @property
    def state(self) -> str:
        return self.countdown.state.value if self.countdown else "no deadline"


def _stored(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime(_STORED)


def _bounds(now: datetime, target_hours: float | None) -> dict[str, str]:
    """The meeting ends that part the states at `now` (`core.deadlines._open`): a meeting
    ended after `now` is not over; at or before `overdue`, its 24 hours are up; otherwise
    the time left to the target (else to the deadline) says urgent, soon or plenty."""
    reference = LIMIT  # from the meeting's end to what `soon` and `urgent` count down to
    if target_hours is not None and timedelta(hours=target_hours) < LIMIT:
        reference = timedelta(hours=target_hours)
    return {"now": _stored(now), "overdue": _stored(now - LIMIT),
            "urgent": _stored(now + URGENT_AT - reference),
            "soon": _stored(now + SOON_AT - reference)}


class StatusList:
    """The follow-ups read at `now`, most urgent first, and what is worked out from them on
    demand: deadlines (once per meeting), countdowns, search texts, the filters."""

    def __init__(self, rows: list[ListedFollowUp], meetings: dict[int, MeetingFacts],
                 now: datetime, target_hours: float | None, complete: bool,
                 total: int | None = None):
        self.rows, self.meetings, self.now = rows, meetings, now
        self.target_hours = target_hours
        self.complete = complete  # sent and skipped follow-ups were read too
        self.total = len(rows) if total is None else total  # how many the whole list has
        self.partial = self.total > len(rows)  # only the first rows were read
        self._deadlines: dict[int, Deadline | None] = {}  # meeting id -> its deadline
        self._search: dict[int, str] | None = None  # follow-up id -> what a search looks in

    def meeting(self, row: ListedFollowUp) -> MeetingFacts:
        return self.meetings[row.meeting_id]

    def deadline(self, row: ListedFollowUp) -> Deadline | None:
        """The follow-up's deadline (its meeting's: worked out once per meeting)."""
        try:
            return self._deadlines[row.meeting_id]
        except KeyError:
            ended = aware_utc(self.meetings[row.meeting_id].ended)
            found = None if ended is None else deadline_for(ended, self.target_hours)
            self._deadlines[row.meeting_id] = found
            return found

    def countdown(self, row: ListedFollowUp, now: datetime) -> Countdown | None:
        """Where `row` stands at `now` (UTC); None without a meeting time."""
        deadline = self.deadline(row)
        if deadline is None:
            return None
        return countdown(deadline, now, row.status, aware_utc(row.sent_at))

    def search_texts(self) -> dict[int, str]:
        """Follow-up id -> what a search looks in: person, company, role, email and subject,
        folded as every search folds (`core.folding.fold`: case and accents do not matter);
        made at the first search, so opening the list never pays for it."""
        if self._search is None:
            meetings = self.meetings
            # One fold per row; NUL between the fields, which no search holds or spans.
            self._search = {
                r.id: fold("\0".join((
                    r.person_name, meetings[r.meeting_id].company, meetings[r.meeting_id].role,
                    r.person_email, r.subject)))
                for r in self.rows}
        return self._search

    def entry(self, row: ListedFollowUp) -> StatusEntry:
        meeting = self.meetings[row.meeting_id]
        return StatusEntry(row.id, row.attendance_id, row.meeting_id, row.person_name,
                           row.person_email, meeting.company, meeting.role, meeting.kind,
                           row.subject, Status(row.status), row.channel,
                           aware_utc(row.sent_at), self.deadline(row), bool(row.drafted),
                           aware_utc(row.replied_at))

    def select(self, which: str = "all", search: str = "",
               rows: Sequence[ListedFollowUp] | None = None,
               now: datetime | None = None) -> list[ListedFollowUp]:
        """The rows (default: all read) that `which` filter and `search` keep, in the order
        given; "overdue" is judged at `now` (default: when read). No library access. `search`
        ignores case and accents ("nguyen" keeps Nguyễn), as the full-text search does."""
        rows = self.rows if rows is None else rows
        if which == "to do":
            rows = [r for r in rows if r.status not in DONE]
        elif which == "overdue":
            bound = _stored((now or self.now) - LIMIT)  # a meeting ended by then: overdue
            meetings = self.meetings
            rows = [r for r in rows if r.status not in DONE
                    and (ended := meetings[r.meeting_id].ended) is not None and ended <= bound]
        elif which == "sent":
            rows = [r for r in rows if r.status == Status.SENT]
        needle = fold(search)
        if needle:
            texts = self.search_texts()
            rows = [r for r in rows if needle in texts[r.id]]
        return list(rows)


def read_status_list(library: Library, now: datetime | None = None, unsent_only: bool = False,
                     drafted: bool = False, open_ended: bool = True,
                     first: int | None = None) -> StatusList:
    """Every follow-up (or those still to send), most urgent at `now` first (UTC; default: the
    clock), after opening the follow-ups of meetings over by then (unless `open_ended` is
    False: they were opened moments ago); in two queries. `drafted` also reads whether each
    has a draft yet (it reads every draft's text). Given `first`, only that many rows are
    read, and how many there are in all (`StatusList.total`, `partial`)."""
    now = now or datetime.now(UTC)
    if open_ended:
        open_ended_followups(library, now)
    target = library.profile().target_hours
    unsent = _UNSENT if unsent_only else ""
    query = _LIST.format(drafted=_DRAFTED if drafted else "1", body=_BODIES if drafted else "",
                         unsent=unsent)
    values: dict[str, object] = dict(_bounds(now, target))
    if first is not None:
        query += " LIMIT :first"  # SQLite keeps only the first while sorting
        values["first"] = first
    with library.engine.connect() as conn:
        sqlite = conn.connection.driver_connection
        if sqlite is None:  # pysqlite always has one; said for the type checker
            raise RuntimeError("the library's SQLite connection is closed")
        rows = list(map(ListedFollowUp._make, sqlite.execute(query, values).fetchall()))
        total = None
        if first is None:
            facts = sqlite.execute(_MEETINGS)
        else:  # only the meetings of the rows read (few: each row read gives Python's
            # lock away, and a busy worker thread may keep it a while)
            ids = sorted({row.meeting_id for row in rows})
            facts = sqlite.execute(f"{_MEETINGS} WHERE m.id IN ({','.join('?' * len(ids))})",
                                   ids)
        meetings = {mid: MeetingFacts(company, role, kind, ended)
                    for mid, company, role, kind, ended in facts}
        if first is not None and len(rows) == first:  # there may be more
            total = sqlite.execute(_COUNT.format(unsent=unsent)).fetchone()[0]
    return StatusList(rows, meetings, now, target, complete=not unsent_only, total=total)


def status_rows(library: Library, now: datetime, which: str = "all",
                search: str = "") -> list[StatusRow]:
    """The rows `which` filter and `search` keep, most urgent at `now` first."""
    listed = read_status_list(library, now, unsent_only=which in UNSENT_FILTERS, drafted=True)
    return [StatusRow(listed.entry(row), now) for row in listed.select(which, search)]


def due_count(library: Library, now: datetime) -> int:
    """Follow-ups still to send whose meeting is over (one light query: it runs on a timer)."""
    return count_due(reminder_items(library, now), now)


def count_due(items, now: datetime) -> int:
    """How many of these reminder items are past their meeting (no library access)."""
    return sum(1 for item in items
               if countdown(item.deadline, now, item.status).state is not State.UPCOMING)


def record_shown(library: Library, pairs: set[tuple[int, str]]) -> None:
    """Remember reminders as shown, in one statement however many there are (not in a library
    opened read-only: they show again next time)."""
    if not pairs or getattr(library, "read_only", False):
        return

    rows = [{"followup_id": f, "threshold": t} for f, t in sorted(pairs)]
    with library.session() as s:
        s.execute(insert(m.ReminderShown).on_conflict_do_nothing(), rows)
