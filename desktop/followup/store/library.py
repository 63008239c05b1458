"""The library's named operations: what the GUI and the command line may ask of the store.

Each method opens a short session, does one thing and commits, and hands back plain data
(dataclasses), so no caller holds ORM objects across threads or sessions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import case, event, func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from followup.core.status import Status
from followup.store import models as m
from followup.store.inputs import MeetingInput, PersonSpec  # noqa: F401 - re-exported
from followup.store.limits import (
    LimitError,
    check_field,
    check_target_hours,
)
from followup.store.schema import (
    closed_here,
    open_engine,
    open_read_only_engine,
    opened_here,
    write_problem,
)
from followup.store.search import ensure_index
from followup.store.timestamps import utcnow
from followup.store.views import (  # noqa: F401 - the store's plain data, re-exported
    AttendeeView,
    MeetingSummary,
    MeetingView,
    ProfileView,
    aware_utc,
)


def find_person(s: Session, email: str = "", name: str = "",
                company: m.Company | None = None) -> m.Person | None:
    """The one rule for "someone already in the library": the same address, in any case (the
    oldest card when several share it); else, given a `name` and a `company`, the same name at
    that company. Calendar and card imports pass no name: they never merge people on a name
    alone (two people can share one)."""
    address = email.strip().lower()
    if address:
        found = s.scalar(select(m.Person).where(func.lower(m.Person.email) == address)
                         .order_by(m.Person.id).limit(1))
        if found is not None:
            return found
    if name.strip() and company is not None and company.id is not None:
        return s.scalar(select(m.Person).where(
            func.lower(m.Person.name) == name.strip().lower(), m.Person.company_id == company.id)
            .order_by(m.Person.id).limit(1))
    return None


def read_profile(s: Session) -> ProfileView:
    """The profile as `Library.profile` gives it, read in the session `s`."""
    base = s.get(m.Profile, 1)
    extra = s.get(m.ProfileExtra, 1)
    return ProfileView(
        name=base.name if base else "", phone=base.phone if base else "",
        email=base.email if base else "",
        signature=extra.signature if extra else "",
        skills=tuple(_lines(extra.skills)) if extra else (),
        links=tuple(json.loads(extra.links_json or "[]")) if extra else (),
        target_hours=_usable_hours(extra.target_hours) if extra else None,
    )


class Library:
    """One library file, opened, checked and migrated.

    `read_only` opens a library that cannot be written (a read-only mount, a write-protected
    file) for reading only: nothing is created, migrated or rebuilt, `read_only_reason` says
    why in the user's words, the writes that reading would do by the way (opening the
    follow-ups of meetings that ended, drafting, noting reminders shown) are skipped, and any
    other write fails with a StorageError saying the library cannot be written. None chooses:
    read-only exactly when an existing library cannot be written (`schema.write_problem`)."""

    def __init__(self, path: Path, read_only: bool | None = False):
        self.path = Path(path)
        problem = write_problem(self.path) if self.path.exists() else None
        if read_only is None:
            read_only = problem is not None
        self.read_only = read_only
        self.read_only_reason = (problem or "it was opened for reading only") if read_only else ""
        if read_only:
            self.engine, self.read_only_open = open_read_only_engine(self.path)
            if self.read_only_open == "immutable=1" and _unread_log(self.path):
                self.read_only_reason += (
                    f"; the latest changes, still in {self.path.name}-wal, cannot be read "
                    "without writing, so the newest notes may be missing")
        else:
            self.engine, self.read_only_open = open_engine(self.path), ""
        opened_here(self.path)
        if not read_only:
            ensure_index(self.engine)  # a missing search index (or trigger) is rebuilt here
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _check_fields)

    def close(self) -> None:
        self.engine.dispose()
        closed_here(self.path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    # --- profile --------------------------------------------------------------------------

    def profile(self) -> ProfileView:
        with self.session() as s:
            return read_profile(s)

    def save_profile(self, **values) -> None:
        """Update the given profile fields (name, phone, email, signature, skills, links, ...)."""
        with self.session() as s:
            base = s.get(m.Profile, 1) or m.Profile(id=1, name="", phone="", email="")
            extra = s.get(m.ProfileExtra, 1) or m.ProfileExtra(
                id=1, signature="", skills="", links_json="[]")
            s.add_all([base, extra])
            for key, value in values.items():
                if key in ("name", "phone", "email"):
                    setattr(base, key, value.strip())
                elif key == "skills":
                    extra.skills = "\n".join(_checked_items("skill", "skill", value))
                elif key == "links":
                    for link in value:  # stored as given: checked as given
                        _check_item("link", "url", link.get("url", ""))
                        _check_item("link title", "title", link.get("title", ""))
                        for tag in link.get("tags", ()):
                            _check_item("tag", "tag", tag)
                    extra.links_json = json.dumps(list(value))
                elif key == "target_hours":
                    extra.target_hours = None if value is None else check_target_hours(value)
                elif key == "signature":
                    setattr(extra, key, value)
                else:
                    raise KeyError(key)

    # --- meetings -------------------------------------------------------------------------

    def list_meetings(self, text_filter: str = "") -> list[MeetingSummary]:
        """Meetings newest first, optionally filtered by company, role or a person's name."""
        with self.session() as s:
            when = func.coalesce(m.Meeting.started_at, m.Meeting.scheduled_start,
                                 m.Meeting.created_at)
            query = (select(m.Meeting.id, m.Company.name, m.Meeting.role, m.Meeting.kind, when,
                            m.Meeting.cancelled_at.is_not(None))
                     .outerjoin(m.Company, m.Meeting.company_id == m.Company.id)
                     .order_by(when.desc(), m.Meeting.id.desc()))
            if text_filter.strip():
                like = f"%{text_filter.strip()}%"
                people = (select(m.Attendance.meeting_id).join(m.Person)
                          .where(m.Person.name.ilike(like)))
                query = query.where(m.Company.name.ilike(like) | m.Meeting.role.ilike(like)
                                    | m.Meeting.id.in_(people))
            rows = s.execute(query).all()
            counts = self._followup_counts(s)
            return [MeetingSummary(
                id=r[0], company=r[1] or "", role=r[2], kind=r[3],
                when=aware_utc(r[4]), people=counts.get(r[0], (0, 0, 0))[0],
                sent=counts.get(r[0], (0, 0, 0))[1], to_send=counts.get(r[0], (0, 0, 0))[2],
                cancelled=bool(r[5]),
            ) for r in rows]

    def _followup_counts(self, s: Session) -> dict[int, tuple[int, int, int]]:
        """meeting id -> (people, follow-ups sent, follow-ups wanted). Counted by SQLite in one
        grouped query: reading each person's row into Python took 30-60 ms at 2,000 meetings,
        at every refresh of the meeting list (benchmarks/bench_stalls.py)."""
        status = m.FollowUp.status
        wanted = (func.coalesce(m.Attendance.no_followup, False).is_(False)
                  & (status.is_(None) | (status != Status.SKIPPED.value)))
        rows = s.execute(
            select(m.Attendance.meeting_id, func.count(),
                   func.sum(case((wanted & (status == Status.SENT.value), 1), else_=0)),
                   func.sum(case((wanted, 1), else_=0)))
            .outerjoin(m.FollowUp, m.FollowUp.attendance_id == m.Attendance.id)
            .group_by(m.Attendance.meeting_id)).all()
        return {meeting_id: (people, sent, to_send) for meeting_id, people, sent, to_send in rows}

    def create_meeting(self, data: MeetingInput) -> int:
        """A new meeting with its people (matched to those already known); its id."""
        with self.session() as s:
            meeting = self.new_meeting(s, data)
            for spec in data.people:
                self.attend(s, meeting, spec)
            return meeting.id

    def new_meeting(self, s: Session, data: MeetingInput) -> m.Meeting:
        """The meeting row for `data`, without its people, added to session `s` (the window's
        form and an invite's import both make meetings here)."""
        meeting = m.Meeting(
            company=self.company_named(s, data.company, data.company_domain),
            role=data.role.strip(), kind=data.kind, scheduled_start=data.scheduled_start,
            scheduled_end=data.scheduled_end, started_at=data.started_at,
            ended_at=data.ended_at, location=data.location, general_notes=data.general_notes)
        s.add(meeting)
        s.flush()
        return meeting

    def edit_meeting_row(self, meeting_id: int, changes: dict, recorded_start: bool,
                         recorded_end: bool) -> None:
        """Write checked changes (see `store.meeting_edit`, which checks them) to one meeting,
        in one transaction. `start`/`end` go to the recorded times when the meeting has them,
        else to the scheduled ones. A new company takes along the people of the meeting who
        had the old one (or none); a domain is set on the meeting's company."""
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            if "company" in changes:
                old = meeting.company
                new = self.company_named(s, changes["company"], "")
                meeting.company = new
                for attendance in meeting.attendees:
                    if attendance.person.company in (None, old):
                        attendance.person.company = new
            if "company_domain" in changes:
                if meeting.company is None:
                    raise ValueError("a company domain needs a company: give the company too")
                meeting.company.domain = changes["company_domain"]
            for key in ("role", "kind", "location"):
                if key in changes:
                    setattr(meeting, key, changes[key])
            if "start" in changes:
                setattr(meeting, "started_at" if recorded_start else "scheduled_start",
                        changes["start"])
            if "end" in changes:
                setattr(meeting, "ended_at" if recorded_end else "scheduled_end",
                        changes["end"])

    def delete_meeting(self, meeting_id: int) -> None:
        with self.session() as s:
            s.delete(s.get_one(m.Meeting, meeting_id))

    def meeting(self, meeting_id: int) -> MeetingView:
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            others = self._meeting_counts(s, [a.person_id for a in meeting.attendees])
            return MeetingView(
                id=meeting.id, company=meeting.company.name if meeting.company else "",
                company_domain=meeting.company.domain if meeting.company else "",
                role=meeting.role, kind=meeting.kind, scheduled_start=meeting.scheduled_start,
                scheduled_end=meeting.scheduled_end, started_at=meeting.started_at,
                ended_at=meeting.ended_at, location=meeting.location,
                general_notes=meeting.general_notes, cancelled=meeting.cancelled_at is not None,
                attendees=tuple(_attendee_view(a, others.get(a.person_id, 1) - 1)
                                for a in meeting.attendees))

    def _meeting_counts(self, s: Session, person_ids: Sequence[int]) -> dict[int, int]:
        rows = s.execute(select(m.Attendance.person_id, func.count())
                         .where(m.Attendance.person_id.in_(person_ids))
                         .group_by(m.Attendance.person_id)).all()
        return dict(rows)

    def add_person(self, meeting_id: int, spec: PersonSpec, new_person: bool = False) -> int:
        """Add someone to a meeting; an existing person is reused (same email, or same name at
        the same company) unless `new_person`. Returns the attendance id."""
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            return self.attend(s, meeting, spec, new_person).id

    def likely_same_person(self, meeting_id: int, spec: PersonSpec) -> tuple[int, str] | None:
        """(person id, when last met) of someone matched by name only: the user should confirm.
        A match by email is certain and returns None."""
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            found = find_person(s, spec.email, spec.name, meeting.company)
            if found is None or (spec.email and found.email.lower() == spec.email.lower()):
                return None
            if s.scalar(select(m.Attendance.id).where(m.Attendance.meeting_id == meeting_id,
                                                       m.Attendance.person_id == found.id)):
                return None  # already in this meeting: adding again changes nothing
            last = s.scalar(select(func.max(func.coalesce(
                m.Meeting.started_at, m.Meeting.scheduled_start, m.Meeting.created_at)))
                .join(m.Attendance).where(m.Attendance.person_id == found.id))
            when = aware_utc(last)
            return found.id, f"{when.astimezone():%d %b %Y}" if when else "an earlier meeting"

    def remove_person(self, attendance_id: int) -> None:
        with self.session() as s:
            s.delete(s.get_one(m.Attendance, attendance_id))

    def update_person(self, person_id: int, **values) -> None:
        with self.session() as s:
            person = s.get_one(m.Person, person_id)
            for key, value in values.items():
                if key not in ("name", "title", "email", "phone", "web", "card_notes",
                               "email_is_guess"):
                    raise KeyError(key)
                setattr(person, key, value.strip() if isinstance(value, str) else value)

    def meeting_of_attendance(self, attendance_id: int) -> int:
        with self.session() as s:
            return s.get_one(m.Attendance, attendance_id).meeting_id

    def set_capacity(self, attendance_id: int, capacity: str) -> None:
        with self.session() as s:
            s.get_one(m.Attendance, attendance_id).capacity = capacity

    def company_named(self, s: Session, name: str, domain: str) -> m.Company | None:
        name = name.strip()
        if not name:
            return None
        company = s.scalar(select(m.Company).where(func.lower(m.Company.name) == name.lower()))
        if company is None:
            company = m.Company(name=name, domain=domain.strip().lower())
            s.add(company)
        elif domain and not company.domain:
            company.domain = domain.strip().lower()
        return company

    def attend(self, s: Session, meeting: m.Meeting, spec: PersonSpec,
                new_person: bool = False) -> m.Attendance:
        if not spec.name.strip():
            raise ValueError("A person needs a name.")
        person = None if new_person else find_person(s, spec.email, spec.name, meeting.company)
        if person is None:
            person = m.Person(name=spec.name.strip(), title=spec.title.strip(),
                              email=spec.email.strip(), phone=spec.phone.strip(),
                              web=spec.web.strip(), card_notes=spec.card_notes,
                              company=meeting.company, email_is_guess=False)
            s.add(person)
        else:  # fill what the card lacked; never overwrite what the user typed before
            for key in ("title", "email", "phone", "web"):
                if not getattr(person, key) and getattr(spec, key):
                    setattr(person, key, getattr(spec, key).strip())
        s.flush()
        existing = s.scalar(select(m.Attendance).where(
            m.Attendance.meeting_id == meeting.id, m.Attendance.person_id == person.id))
        if existing:
            return existing
        last = s.scalar(select(func.coalesce(func.max(m.Attendance.position), -1))
                        .where(m.Attendance.meeting_id == meeting.id))
        position = (last if last is not None else -1) + 1
        attendance = m.Attendance(meeting_id=meeting.id, person=person, capacity=spec.capacity,
                                  position=position, notes=spec.notes,
                                  notes_updated_at=utcnow() if spec.notes else None,
                                  no_followup=spec.no_followup)
        s.add(attendance)
        s.flush()
        return attendance

    # --- notes ----------------------------------------------------------------------------

    def save_notes(self, attendance_id: int, text: str) -> datetime:
        """Write one person's notes for one meeting (one row, one short transaction). Raises
        LimitError for notes the import would refuse (`store.limits`), unless they only
        shrink notes an older version let grow past the limit."""
        now = utcnow()
        # Core, not the ORM session: this runs on every pause in typing and must stay cheap.
        with self.engine.begin() as conn:
            _check_notes(conn, m.Attendance.notes, m.Attendance.id == attendance_id, text,
                         "notes", "The text of the notes")
            conn.execute(update(m.Attendance).where(m.Attendance.id == attendance_id)
                         .values(notes=text, notes_updated_at=now))
        return now

    def save_general_notes(self, meeting_id: int, text: str) -> datetime:
        """A meeting's general notes, as `save_notes`."""
        with self.engine.begin() as conn:
            _check_notes(conn, m.Meeting.general_notes, m.Meeting.id == meeting_id, text,
                         "general_notes", "The text of the general notes")
            conn.execute(update(m.Meeting).where(m.Meeting.id == meeting_id)
                         .values(general_notes=text))
        return utcnow()

    def general_notes(self, meeting_id: int) -> str:
        """A meeting's general notes, in one light read (the checklist asks at each check)."""
        with self.engine.connect() as conn:
            return conn.execute(select(m.Meeting.general_notes)
                                .where(m.Meeting.id == meeting_id)).scalar_one()

    def notes(self, attendance_id: int) -> str:
        with self.session() as s:
            return s.get_one(m.Attendance, attendance_id).notes

    def start_meeting(self, meeting_id: int, now: datetime | None = None) -> None:
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            meeting.started_at = now or utcnow()
            meeting.ended_at = None

    def end_meeting(self, meeting_id: int, now: datetime | None = None) -> None:
        """Record the actual end: the 24-hour follow-up clock starts here."""
        with self.session() as s:
            meeting = s.get_one(m.Meeting, meeting_id)
            meeting.ended_at = now or utcnow()
            if meeting.started_at is None:
                meeting.started_at = meeting.scheduled_start or meeting.ended_at

    # --- settings -------------------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        with self.session() as s:
            row = s.get(m.Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as s:
            s.merge(m.Setting(key=key, value=value))


# What every door writes is checked against the limits the import applies (store.limits), so
# what the library holds, its export imports again: (model, column) -> (field key, label).
_CHECKED_COLUMNS: dict[type, dict[str, tuple[str, str]]] = {
    m.Person: {"name": ("name", "The name of {who}"), "title": ("title", "The title of {who}"),
               "email": ("email", "The email address of {who}"),
               "phone": ("phone", "The phone of {who}"), "web": ("web", "The web address of {who}"),
               "card_notes": ("card_notes", "The card notes of {who}")},
    m.Company: {"name": ("company", "The company name"),
                "domain": ("company_domain", "The company's domain")},
    m.Meeting: {"role": ("role", "The meeting's role"),
                "location": ("location", "The meeting's location"),
                "general_notes": ("general_notes", "The text of the general notes")},
    m.Attendance: {"notes": ("notes", "The text of the notes")},
    m.FollowUp: {"subject": ("subject", "The draft's subject"), "body": ("body", "The draft")},
    m.Profile: {"name": ("name", "Your name"), "phone": ("phone", "Your phone"),
                "email": ("email", "Your email address")},
    m.ProfileExtra: {"signature": ("signature", "Your signature")},
}


def _check_fields(session: Session, _context, _instances) -> None:
    """Every door (a form, a card, an .ics or .vcf import, the command line) stores a value only
    within the limits the import applies (`store.limits.check_field`): a name and an address
    only when a message could carry them (one line, a real address or none), notes and drafts
    within their size. Raises LimitError (a ValueError) naming the value and whose it is; the
    whole transaction is then rolled back."""
    for row in (*session.new, *session.dirty):
        columns = _CHECKED_COLUMNS.get(type(row))
        if columns is None:
            continue
        state = inspect(row)
        for column, (key, label) in columns.items():
            if row not in session.new and not state.attrs[column].history.has_changes():
                continue
            try:
                checked = check_field(key, getattr(row, column) or "")
            except LimitError as exc:
                who = repr((getattr(row, "name", "") or "").strip()[:60] or "a person")
                raise LimitError(f"{label.format(who=who)} {exc}.") from None
            if key == "email":
                setattr(row, column, checked)


def _unread_log(path: Path) -> bool:
    """Whether a write-ahead log with changes lies beside the library (an immutable open
    does not read it)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _check_notes(conn, column, where, text: str, key: str, label: str) -> None:
    """`text` for `column` when the limits of field `key` allow it; else LimitError, but for
    text no longer than what the row already holds (left by an older version: the window lets
    it shrink, never grow)."""
    try:
        check_field(key, text)
    except LimitError as exc:
        held = conn.execute(select(func.length(column)).where(where)).scalar()
        if held is None or len(text) > held or "characters long" not in str(exc):
            raise LimitError(f"{label} {exc}.") from None


def _usable_hours(value: float | None) -> float | None:
    """A stored target that is out of range (written by an older import) reads as none."""
    try:
        return None if value is None else check_target_hours(value)
    except ValueError:
        return None


def _checked_items(what: str, key: str, values) -> list[str]:
    """The non-empty `values`, stripped, each checked as field `key` (as the import checks a
    profile's skills, links and tags); LimitError names the item."""
    kept = [v.strip() for v in values if v.strip()]
    for value in kept:
        _check_item(what, key, value)
    return kept


def _check_item(what: str, key: str, value: str) -> None:
    try:
        check_field(key, value)
    except LimitError as exc:
        raise LimitError(f"The {what} {value[:40]!r} {exc}.") from None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _attendee_view(a: m.Attendance, met_before: int) -> AttendeeView:
    p = a.person
    return AttendeeView(
        attendance_id=a.id, person_id=p.id, name=p.name, title=p.title, email=p.email,
        phone=p.phone, capacity=a.capacity, notes=a.notes, no_followup=a.no_followup,
        email_is_guess=p.email_is_guess, met_before=met_before)


@dataclass(frozen=True)
class PersonCard:
    id: int
    name: str
    title: str
    email: str
    email_is_guess: bool
    phone: str
    web: str
    card_notes: str
    company: str
    company_domain: str
    known_at_company: tuple[tuple[str, str], ...]  # (name, address) of confirmed colleagues


def person_card(library: Library, person_id: int) -> PersonCard:
    """Everything the card shows but the meetings with them (`people_list.person_meetings`):
    the person and their known colleagues."""
    with library.session() as s:
        p = s.get_one(m.Person, person_id)
        known: tuple[tuple[str, str], ...] = ()
        if p.company_id is not None:
            known = tuple(s.execute(select(m.Person.name, m.Person.email).where(
                m.Person.company_id == p.company_id, m.Person.id != p.id,
                m.Person.email != "", m.Person.email_is_guess.is_(False))).all())
        return PersonCard(
            id=p.id, name=p.name, title=p.title, email=p.email, email_is_guess=p.email_is_guess,
            phone=p.phone, web=p.web, card_notes=p.card_notes,
            company=p.company.name if p.company else "",
            company_domain=p.company.domain if p.company else "",
            known_at_company=known)
