"""The first screen, read before the ORM is imported: the meeting list and the meeting it opens.

Importing SQLAlchemy and mapping the models takes several times as long as a bare Qt window
takes to start, so the window the user types in first is filled by three read-only queries
through the standard `sqlite3` module. They hand out the store's own plain data
(`store.views`), the same values `Library.list_meetings`, `Library.meeting` and
`Library.profile` return (a test compares them), and they never write: every write, and
every other read, goes through `Library` once it is loaded (`OpeningLibrary` below).

Only a library at the current schema is read this way. A new, older (to be migrated) or
unreadable file gets `None`, and the caller opens it through `Library`, which migrates it or
says what is wrong.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import NamedTuple

from followup.store.views import AttendeeView, MeetingSummary, MeetingView, ProfileView, aware_utc

_WHEN = "COALESCE(m.started_at, m.scheduled_start, m.created_at)"
# Every meeting's summary row, packed as one JSON text: one step of SQLite, so the read (on a
# worker thread at start-up, gui/app.py ReadAhead) takes Python's lock once, not once a row,
# each retake waiting behind the main thread, busy importing. Sorted newest first in Python.
_SUMMARIES_PACKED = f"""
SELECT json_group_array(json_array(id, company, role, kind, at, people, sent, to_send, cancelled))
FROM (
SELECT m.id AS id, COALESCE(c.name, '') AS company, m.role AS role, m.kind AS kind,
       {_WHEN} AS at,
       COUNT(a.id) AS people,
       SUM(a.id IS NOT NULL AND NOT a.no_followup AND COALESCE(f.status, '') != 'skipped'
           AND f.status = 'sent') AS sent,
       SUM(a.id IS NOT NULL AND NOT a.no_followup AND COALESCE(f.status, '') != 'skipped')
           AS to_send,
       m.cancelled_at IS NOT NULL AS cancelled
FROM meeting m
LEFT JOIN company c ON c.id = m.company_id
LEFT JOIN attendance a ON a.meeting_id = m.id
LEFT JOIN followup f ON f.attendance_id = a.id
GROUP BY m.id)
"""
_MEETING = """
SELECT m.id, COALESCE(c.name, ''), COALESCE(c.domain, ''), m.role, m.kind, m.scheduled_start,
       m.scheduled_end, m.started_at, m.ended_at, m.location, m.general_notes,
       m.cancelled_at IS NOT NULL
FROM meeting m LEFT JOIN company c ON c.id = m.company_id
WHERE m.id = ?
"""
_ATTENDEES = """
SELECT a.id, p.id, p.name, p.title, p.email, p.phone, a.capacity, a.notes, a.no_followup,
       p.email_is_guess,
       (SELECT COUNT(*) FROM attendance other WHERE other.person_id = a.person_id) - 1
FROM attendance a JOIN person p ON p.id = a.person_id
WHERE a.meeting_id = ?
ORDER BY a.position, a.id
"""


class FirstScreen(NamedTuple):
    """What the window shows before the ORM is loaded."""

    meetings: list[MeetingSummary]
    opened: MeetingView | None  # the meeting the window opens (read_first_screen)
    profile: ProfileView


def read_first_screen(path: Path, schema_head: str,
                      meeting_id: int | None = None) -> FirstScreen | None:
    """The meeting list, newest first, and the meeting the window opens with its people and
    notes: `meeting_id` (where the user was when Followup closed) when the library has it,
    else the newest.

    `None` when the file is missing, not at `schema_head`, or cannot be read as expected:
    the caller then opens it through `Library`, which migrates or explains.
    """
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        if _revision(conn) != schema_head:
            return None
        (packed,) = conn.execute(_SUMMARIES_PACKED).fetchone()
        rows = sorted(json.loads(packed), key=lambda r: (r[4] or "", r[0]), reverse=True)
        meetings = [MeetingSummary(id=r[0], company=r[1], role=r[2], kind=r[3],
                                   when=aware_utc(r[4]), people=r[5], sent=r[6] or 0,
                                   to_send=r[7] or 0, cancelled=bool(r[8]))
                    for r in rows]
        opened = read_meeting(conn, meeting_id) if meeting_id else None
        if opened is None and meetings:
            opened = read_meeting(conn, meetings[0].id)
        return FirstScreen(meetings, opened, _profile(conn))
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None  # anything unexpected: the ORM path opens it and says what is wrong
    finally:
        conn.close()


def read_meeting(conn: sqlite3.Connection, meeting_id: int) -> MeetingView | None:
    row = conn.execute(_MEETING, (meeting_id,)).fetchone()
    if row is None:
        return None
    attendees = tuple(AttendeeView(
        attendance_id=a[0], person_id=a[1], name=a[2], title=a[3], email=a[4], phone=a[5],
        capacity=a[6], notes=a[7], no_followup=bool(a[8]), email_is_guess=bool(a[9]),
        met_before=a[10]) for a in conn.execute(_ATTENDEES, (meeting_id,)))
    return MeetingView(
        id=row[0], company=row[1], company_domain=row[2], role=row[3], kind=row[4],
        scheduled_start=aware_utc(row[5]), scheduled_end=aware_utc(row[6]),
        started_at=aware_utc(row[7]), ended_at=aware_utc(row[8]), location=row[9],
        general_notes=row[10], attendees=attendees, cancelled=bool(row[11]))


def _revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'alembic_version'").fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _profile(conn: sqlite3.Connection) -> ProfileView:
    base = conn.execute("SELECT name, phone, email FROM profile WHERE id = 1").fetchone()
    extra = conn.execute("SELECT signature, skills, links_json, target_hours "
                         "FROM profile_extra WHERE id = 1").fetchone()
    name, phone, email = base if base else ("", "", "")
    if extra is None:
        return ProfileView(name=name, phone=phone, email=email)
    signature, skills, links, hours = extra
    return ProfileView(
        name=name, phone=phone, email=email, signature=signature,
        skills=tuple(s.strip() for s in (skills or "").splitlines() if s.strip()),
        links=tuple(json.loads(links or "[]")), target_hours=hours)


class OpeningLibrary:
    """A `Library` whose ORM loads after the first screen is shown.

    Until `load()` has run, `list_meetings()` (unfiltered), `meeting()` of the meeting the
    window opens and `profile()` answer from the first-screen read; nothing can have changed
    them, as every write goes through the real `Library`. Any other use loads the ORM first (on the
    calling thread, if the background import has not finished yet), so a caller is never
    answered from a stale copy. `load_in_background()` imports the ORM on a worker thread;
    `load()` then only opens the engine.
    """

    read_only = False  # a library that cannot be written opens the slow way, read-only

    def __init__(self, path: Path, first: FirstScreen):
        self.path = Path(path)
        self._first: FirstScreen | None = first
        self._library = None
        self._imported = threading.Event()

    @property
    def loaded(self) -> bool:
        return self._library is not None

    def load_in_background(self, done=None) -> threading.Thread:
        """Import the ORM on a worker thread; then call `done()` there (emit a Qt signal)."""
        def work() -> None:
            try:
                import_orm()
            finally:
                self._imported.set()
            if done is not None:
                done()

        thread = threading.Thread(target=work, name="orm-import", daemon=True)
        thread.start()
        return thread

    def load(self):
        """The real `Library` (opened now if it is not yet); raises LibraryError."""
        if self._library is None:
            from followup.store.library import Library

            self._library = Library(self.path)
            self._first = None
        return self._library

    def list_meetings(self, text_filter: str = ""):
        if self._first is not None and not text_filter.strip():
            return list(self._first.meetings)
        return self.load().list_meetings(text_filter)

    def meeting(self, meeting_id: int):
        first = self._first
        if first is not None and first.opened is not None and first.opened.id == meeting_id:
            return first.opened
        return self.load().meeting(meeting_id)

    def notes(self, attendance_id: int) -> str:
        first = self._first
        if first is not None and first.opened is not None:
            for person in first.opened.attendees:
                if person.attendance_id == attendance_id:
                    return person.notes
        return self.load().notes(attendance_id)

    def profile(self):
        if self._first is not None:
            return self._first.profile
        return self.load().profile()

    def close(self) -> None:
        if self._library is not None:
            self._library.close()

    def __getattr__(self, name: str):
        # Only names this class does not define arrive here: the rest of `Library`.
        return getattr(self.load(), name)


def import_orm() -> None:
    """Import SQLAlchemy, the models, the store modules and the checklist the window uses."""
    from sqlalchemy.orm import configure_mappers

    import followup.core.checklist  # the checklist's first run would otherwise compile it
    import followup.store.followups
    import followup.store.library
    import followup.store.status_list  # noqa: F401

    configure_mappers()
