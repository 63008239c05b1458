"""The `followup/1` interchange format: the whole library as JSON (and a Markdown reading copy).

Import is all-or-nothing: the document is validated first, then written in one transaction.
Ids from the file are kept when they are free, so export -> import into an empty library ->
export gives the same document. Secrets are never part of the format.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from followup.core.checkins import CHECKIN_STATES, REPLIED
from followup.core.deadlines import format_local
from followup.store import limits
from followup.store import models as m
from followup.store.library import Library, find_person

FORMAT = "followup/1"


class InterchangeError(ValueError):
    """A document that cannot be imported; the message names the path of the bad value."""


# --- export -----------------------------------------------------------------------------------


def export_library(library: Library) -> dict[str, Any]:
    profile = library.profile()
    with library.session() as s:
        settings = {r.key: r.value for r in s.scalars(select(m.Setting).order_by(m.Setting.key))}
        return {
            "format": FORMAT,
            "profile": {
                "name": profile.name, "phone": profile.phone, "email": profile.email,
                "signature": profile.signature, "skills": list(profile.skills),
                "links": list(profile.links), "target_hours": profile.target_hours,
            },
            "settings": settings,
            "meetings": _meetings(s),
            # People in no meeting (cards imported on their own), so a round trip keeps them.
            "people": [_export_card(p) for p in s.scalars(
                select(m.Person).where(m.Person.id.not_in(select(m.Attendance.person_id)))
                .order_by(m.Person.id))],
        }


def export_meetings(library: Library, meeting_id: int | None = None) -> list[dict[str, Any]]:
    """The meetings as `export_library` writes them: all of them, or only the one with
    `meeting_id` (LookupError when there is none)."""
    with library.session() as s:
        meetings = _meetings(s, meeting_id)
    if meeting_id is not None and not meetings:
        raise LookupError(f"there is no meeting {meeting_id}")
    return meetings


def _meetings(s, meeting_id: int | None = None) -> list[dict[str, Any]]:
    query = select(m.Meeting).order_by(m.Meeting.id)
    followup_query = select(m.FollowUp)
    if meeting_id is not None:
        query = query.where(m.Meeting.id == meeting_id)
        followup_query = followup_query.join(m.Attendance).where(
            m.Attendance.meeting_id == meeting_id)
    followups = {f.attendance_id: f for f in s.scalars(followup_query).all()}
    return [_export_meeting(mt, followups) for mt in s.scalars(query).all()]


def _export_card(p: m.Person) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "title": p.title, "email": p.email, "phone": p.phone,
        "web": p.web, "card_notes": p.card_notes, "email_is_guess": p.email_is_guess,
        "company": p.company.name if p.company else "",
        "company_domain": p.company.domain if p.company else "",
    }


def _export_meeting(mt: m.Meeting, followups: dict[int, m.FollowUp]) -> dict[str, Any]:
    return {
        "id": mt.id,
        "company": mt.company.name if mt.company else "",
        "company_domain": mt.company.domain if mt.company else "",
        "role": mt.role,
        "kind": mt.kind,
        "scheduled_start": _iso(mt.scheduled_start),
        "scheduled_end": _iso(mt.scheduled_end),
        "started_at": _iso(mt.started_at),
        "ended_at": _iso(mt.ended_at),
        "location": mt.location,
        "general_notes": mt.general_notes,
        # The invite it came from (UID, SEQUENCE, DTSTAMP) and when it was cancelled.
        "ical_uid": mt.ical_uid,
        "ical_sequence": mt.ical_sequence,
        "ical_dtstamp": _iso(mt.ical_dtstamp),
        "cancelled_at": _iso(mt.cancelled_at),
        "people": [_export_person(a, followups.get(a.id)) for a in mt.attendees],
    }


def _export_person(a: m.Attendance, f: m.FollowUp | None) -> dict[str, Any]:
    p = a.person
    person = {
        "id": p.id, "name": p.name, "title": p.title, "email": p.email, "phone": p.phone,
        "capacity": a.capacity, "notes": a.notes, "web": p.web, "card_notes": p.card_notes,
        "email_is_guess": p.email_is_guess, "no_followup": a.no_followup,
    }
    if f is not None:
        person["followup"] = {
            "subject": f.subject, "body": f.body, "generated_subject": f.generated_subject,
            "generated_body": f.generated_body, "notes_fingerprint": f.notes_fingerprint,
            "status": f.status, "channel": f.channel, "sent_at": _iso(f.sent_at),
            "message_id": f.message_id, "failure_reason": f.failure_reason,
            "replied_at": _iso(f.replied_at), "sent_copy": f.sent_copy,
            "checkin_state": f.checkin_state, "checkin_due": _iso(f.checkin_due),
            "checkin_subject": f.checkin_subject, "checkin_body": f.checkin_body,
            "history": [{"status": e.status, "at": _iso(e.at), "channel": e.channel,
                         "detail": e.detail} for e in f.events],
        }
    return person


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def export_markdown(library: Library) -> str:
    """A readable copy of every meeting and its notes (not meant to be imported)."""
    doc = export_library(library)
    out = ["# Followup library", ""]
    for mt in doc["meetings"]:
        title = " — ".join(x for x in (mt["company"], mt["role"]) if x) or "Meeting"
        out += [f"## {title}", "", f"- Kind: {m.MEETING_KINDS.get(mt['kind'], mt['kind'])}"]
        when = mt["started_at"] or mt["scheduled_start"]
        if when:  # read as a person reads a date, in local time
            out.append(f"- When: {format_local(datetime.fromisoformat(when))}")
        if mt["location"]:
            out.append("- Where: " + ", ".join(
                part.strip() for part in mt["location"].splitlines() if part.strip()))
        out.append("")
        if mt["general_notes"].strip():
            out += ["### General notes", "", mt["general_notes"].strip(), ""]
        for p in mt["people"]:
            details = ", ".join(x for x in (p["title"], p["email"]) if x)
            out += [f"### {p['name']}" + (f" ({details})" if details else ""), ""]
            out += [p["notes"].strip() or "_No notes._", ""]
            f = p.get("followup")
            if f and f["body"].strip():
                out += [f"#### Follow-up ({f['status']})", "", f"**Subject:** {f['subject']}", "",
                        f["body"].strip(), ""]
    return "\n".join(out).rstrip() + "\n"


# --- import -----------------------------------------------------------------------------------


class _Reader:
    """Typed access to a JSON document that reports the path of any bad value."""

    def __init__(self, data: Any, path: str = ""):
        self.data, self.path = data, path

    def _at(self, key: str | int) -> str:
        return f"{self.path}[{key}]" if isinstance(key, int) else (
            f"{self.path}.{key}" if self.path else key)

    def get(self, key: str, kind: type | tuple, default: Any = None, required: bool = False):
        if not isinstance(self.data, dict):
            raise InterchangeError(f"{self.path or 'the document'} must be an object")
        if key not in self.data or self.data[key] is None:
            if required:
                raise InterchangeError(f"{self._at(key)} is missing")
            return default
        value = self.data[key]
        if isinstance(value, _HugeNumber):
            raise InterchangeError(
                f"{self._at(key)} is a number with {len(value.digits.lstrip('-'))} digits; "
                f"an id is a whole number from 1 to {limits.LARGEST_ID}")
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(
                k.__name__ for k in kind)
            raise InterchangeError(
                f"{self._at(key)} must be {_TYPE_WORDS.get(names, names)}, "
                f"not {type(value).__name__}")
        try:
            return _checked(key, value)
        except limits.LimitError as exc:
            raise InterchangeError(f"{self._at(key)} {exc}") from None

    def choice(self, key: str, allowed, default: str | None = None, listed=None) -> str:
        """Text that must be one of `allowed`: `default` when missing (None: it is required);
        the message lists `listed` (`allowed` when not given)."""
        value = self.get(key, str, default, required=default is None)
        if value not in allowed:
            raise InterchangeError(f"{self._at(key)} is {value!r}; use one of: "
                                   f"{', '.join(listed or allowed)}")
        return value

    def child(self, key: str | int) -> _Reader:
        return _Reader(self.data[key], self._at(key))

    def items(self, key: str) -> list[_Reader]:
        values = self.get(key, list, [])
        return [_Reader(v, f"{self._at(key)}[{i}]") for i, v in enumerate(values)]

    def instant(self, key: str) -> datetime | None:
        value = self.get(key, str)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise InterchangeError(
                f"{self._at(key)} is not an ISO 8601 date and time: {value[:60]!r}") from None
        if parsed.tzinfo is None:
            raise InterchangeError(
                f"{self._at(key)} needs a UTC offset (for example {value}+00:00)")
        try:
            return parsed.astimezone(UTC)
        except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
            raise InterchangeError(
                f"{self._at(key)} is {value!r}, outside the years 1 to 9999 once in UTC; "
                "use a real date") from None

    def texts(self, key: str, limit: int) -> list[str]:
        """A list of one-line texts (skills, tags)."""
        out = []
        for item in self.items(key):
            if not isinstance(item.data, str):
                raise InterchangeError(f"{item.path} must be text")
            try:
                out.append(limits.check_text(item.data, limit, one_line=True))
            except limits.LimitError as exc:
                raise InterchangeError(f"{item.path} {exc}") from None
        return out


def _checked(key: str, value: Any) -> Any:
    """`value` after the limits for `key`; raises limits.LimitError."""
    if isinstance(value, str):
        if key == "email":
            return limits.check_email(value)
        return limits.check_field(key, value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _check_sequence(value) if key == "ical_sequence" else limits.check_id(value)
    if isinstance(value, float):
        if key == "target_hours":
            return limits.check_target_hours(value)
        if not math.isfinite(value):
            raise limits.LimitError(f"is {value}, not a number JSON can hold")
    return value


# An invite's SEQUENCE, an INTEGER (RFC 5545 §3.3.8) that starts at 0.
MAX_SEQUENCE = 2**31 - 1


def _check_sequence(value: int) -> int:
    if not 0 <= value <= MAX_SEQUENCE:
        raise limits.LimitError(f"is {value}; a SEQUENCE is a whole number from 0 to "
                                f"{MAX_SEQUENCE}")
    return value


_TYPE_WORDS = {"str": "text", "int": "a whole number", "list": "a list", "dict": "an object",
               "bool": "true or false", "float": "a number"}


def parse_document(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InterchangeError(
            "lists or objects are nested too deeply (a Followup export nests 5 levels); "
            "this is not an export Followup wrote") from None
    except ValueError as exc:  # a number with thousands of digits
        raise InterchangeError(f"holds a value Followup cannot read ({_first(exc)}); "
                               "numbers in an export are ids and hours") from None
    if _depth(data) > limits.MAX_NESTING:
        raise InterchangeError(
            "lists or objects are nested too deeply (a Followup export nests 5 levels); "
            "this is not an export Followup wrote")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InterchangeError(f'not a Followup export: it must start with "format": "{FORMAT}"')
    return data


class _HugeNumber:
    """A whole number too long to be an id, kept as text so its path can be named."""

    def __init__(self, digits: str):
        self.digits = digits


def _whole_number(digits: str) -> int | _HugeNumber:
    return int(digits) if len(digits) <= 20 else _HugeNumber(digits)


def _first(exc: Exception) -> str:
    return str(exc).split(";")[0].split(":")[0]


def _depth(data: Any, level: int = 1) -> int:
    stack = [(data, level)]
    deepest = level
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limits.MAX_NESTING:
            break
        children = value.values() if isinstance(value, dict) else (
            value if isinstance(value, list) else ())
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return deepest


def import_library(library: Library, data: dict[str, Any]) -> dict[str, list[int]]:
    """Validate then write everything in one transaction; return the ids created."""
    plan = _validate(_Reader(data))
    created: dict[str, list[int]] = {"meetings": [], "people": [], "followups": []}
    with library.session() as s:
        _apply_profile(s, plan["profile"])
        for key, value in plan["settings"].items():
            s.merge(m.Setting(key=key, value=value))
        person_map: dict[int, m.Person] = {}
        for mt in plan["meetings"]:
            _import_meeting(library, s, mt, person_map, created)
        for card in plan["people"]:
            _import_card(library, s, card, person_map, created)
    return created


def _validate(doc: _Reader) -> dict[str, Any]:
    profile = doc.child("profile") if isinstance(doc.get("profile", dict), dict) else None
    plan: dict[str, Any] = {"profile": {}, "settings": {}, "meetings": []}
    if profile is not None:
        for key in ("name", "phone", "email", "signature"):
            plan["profile"][key] = profile.get(key, str, "")
        plan["profile"]["skills"] = profile.texts("skills", limits.field_limit("skill")[0])
        plan["profile"]["links"] = [_link(r) for r in profile.items("links")]
        plan["profile"]["target_hours"] = profile.get("target_hours", float)
    settings = doc.get("settings", dict, {})
    for key, value in settings.items():
        if not isinstance(value, str):
            raise InterchangeError(f"settings.{key} must be text")
        try:
            limits.check_text(key, limits.MAX_LINE_CHARS, one_line=True)
            limits.check_text(value, limits.MAX_TEXT_CHARS, one_line=False)
        except limits.LimitError as exc:
            raise InterchangeError(f"settings.{key[:40]} {exc}") from None
    plan["settings"] = {k: v for k, v in settings.items() if not k.startswith(_OLD_UID_KEY)}
    meetings = doc.items("meetings")
    if len(meetings) > limits.MAX_MEETINGS:
        raise InterchangeError(f"meetings holds {len(meetings):,} meetings; one import takes "
                               f"at most {limits.MAX_MEETINGS:,}. Split the file")
    plan["meetings"] = [_meeting(r) for r in meetings]
    _take_old_invite_settings(plan["meetings"], settings)
    _refuse_repeated_uids(plan["meetings"])
    plan["people"] = [_card(r) for r in doc.items("people")]
    return plan


def _card(r: _Reader) -> dict[str, Any]:
    """A person in no meeting, from the top-level "people" list."""
    card = {key: r.get(key, str, "") for key in (
        "title", "email", "phone", "web", "card_notes", "company", "company_domain")}
    card.update(id=r.get("id", int), name=r.get("name", str, required=True).strip(),
                email_is_guess=r.get("email_is_guess", bool, False))
    if not card["name"]:
        raise InterchangeError(f"{r.path}.name is empty")
    return card


def _link(r: _Reader) -> dict[str, Any]:
    tags = r.texts("tags", limits.field_limit("tag")[0])
    return {"title": r.get("title", str, ""), "url": r.get("url", str, required=True),
            "tags": tags}


def _meeting(r: _Reader) -> dict[str, Any]:
    return {
        "id": r.get("id", int), "company": r.get("company", str, ""),
        "company_domain": r.get("company_domain", str, ""), "role": r.get("role", str, ""),
        "kind": r.choice("kind", m.MEETING_KINDS, "other"),
        "location": r.get("location", str, ""),
        "general_notes": r.get("general_notes", str, ""),
        **{k: r.instant(k) for k in ("scheduled_start", "scheduled_end", "started_at",
                                      "ended_at", "ical_dtstamp", "cancelled_at")},
        "ical_uid": r.get("ical_uid", str, "") or None,
        "ical_sequence": r.get("ical_sequence", int),
        "people": _people(r),
    }


# An export from before meetings held their invite kept it as a setting under this prefix,
# as JSON {"meeting": id in the file, "sequence": n, "stamp": ISO text}.
_OLD_UID_KEY = "invite-uid:"


def _take_old_invite_settings(meetings: list[dict[str, Any]], settings: dict[str, str]) -> None:
    """Give the meetings of an older export the invite its settings name, so the invite is
    still matched after the import; a setting that cannot be read, or names no meeting of the
    file, is dropped (it matched nothing before either)."""
    by_id = {mt["id"]: mt for mt in meetings if mt["id"] is not None}
    for key, value in settings.items():
        if not key.startswith(_OLD_UID_KEY):
            continue
        try:
            record = json.loads(value)
            mt = by_id.get(int(record["meeting"]))
            sequence = _check_sequence(int(record.get("sequence", 0)))
            stamp = datetime.fromisoformat(record["stamp"]) if record.get("stamp") else None
            stamp = stamp.astimezone(UTC) if stamp and stamp.tzinfo else None
        except (ValueError, TypeError, KeyError, AttributeError, limits.LimitError):
            continue
        uid = key[len(_OLD_UID_KEY):]
        if mt is not None and mt["ical_uid"] is None and uid:
            mt.update(ical_uid=uid, ical_sequence=sequence, ical_dtstamp=stamp)


def _refuse_repeated_uids(meetings: list[dict[str, Any]]) -> None:
    """A UID names one event (RFC 5545 §3.8.4.7), so one meeting."""
    first: dict[str, int] = {}
    for number, mt in enumerate(meetings):
        uid = mt["ical_uid"]
        if uid is not None and first.setdefault(uid, number) != number:
            raise InterchangeError(
                f"meetings[{number}].ical_uid repeats the invite UID of "
                f"meetings[{first[uid]}]; one invite is one meeting, so merge them or "
                "remove one UID")


def _people(r: _Reader) -> list[dict[str, Any]]:
    readers = r.items("people")
    if len(readers) > limits.MAX_PEOPLE_PER_MEETING:
        raise InterchangeError(
            f"{r.path}.people lists {len(readers)} people; a meeting holds at most "
            f"{limits.MAX_PEOPLE_PER_MEETING}. Split it into several meetings")
    people = [_person(p) for p in readers]
    seen: set[int] = set()
    for number, person in enumerate(people):
        person_id = person["id"]
        if person_id is None:
            continue
        if person_id in seen:
            raise InterchangeError(
                f"{r.path}.people[{number}] repeats person {person_id} in the same meeting")
        seen.add(person_id)
    return people


def _person(r: _Reader) -> dict[str, Any]:
    capacity = r.choice("capacity", m.CAPACITIES, "interviewer")
    person = {key: r.get(key, str, "") for key in (
        "title", "email", "phone", "notes", "web", "card_notes")}
    person.update(id=r.get("id", int), name=r.get("name", str, required=True).strip(),
                  capacity=capacity, email_is_guess=r.get("email_is_guess", bool, False),
                  no_followup=r.get("no_followup", bool, False))
    if not person["name"]:
        raise InterchangeError(f"{r.path}.name is empty")
    followup = r.get("followup", dict)
    person["followup"] = _followup(r.child("followup")) if followup is not None else None
    return person


def _followup(r: _Reader) -> dict[str, Any]:
    status = r.choice("status", m.STATUSES, "draft")
    values = {key: r.get(key, str, "") for key in (
        "subject", "body", "generated_subject", "generated_body", "notes_fingerprint",
        "channel", "message_id", "failure_reason", "sent_copy", "checkin_subject",
        "checkin_body")}
    checkin_state = r.choice("checkin_state", CHECKIN_STATES, "",
                             listed=[repr(s) for s in CHECKIN_STATES])
    values.update(checkin_state=checkin_state, checkin_due=r.instant("checkin_due"),
                  replied_at=r.instant("replied_at") if status == "sent" else None)
    values.update(status=status, sent_at=r.instant("sent_at"), history=[
        # A history line's status: a follow-up's, or "replied" (an answer found).
        {"status": h.choice("status", (*m.STATUSES, REPLIED), listed=m.STATUSES),
         "at": h.instant("at") or _missing(h, "at"),
         "channel": h.get("channel", str, ""), "detail": h.get("detail", str, "")}
        for h in r.items("history")])
    return values


def _missing(r: _Reader, key: str):
    raise InterchangeError(f"{r._at(key)} is missing")


def _apply_profile(s, values: dict[str, Any]) -> None:
    if not values:
        return
    base = s.get(m.Profile, 1) or m.Profile(id=1)
    extra = s.get(m.ProfileExtra, 1) or m.ProfileExtra(id=1)
    for key in ("name", "phone", "email"):
        if values[key]:
            setattr(base, key, values[key])
    base.name, base.phone, base.email = base.name or "", base.phone or "", base.email or ""
    extra.signature = values["signature"] or extra.signature or ""
    extra.skills = "\n".join(values["skills"]) or extra.skills or ""
    extra.links_json = json.dumps(values["links"]) if values["links"] else (
        extra.links_json or "[]")
    extra.target_hours = values["target_hours"] if values["target_hours"] is not None else (
        extra.target_hours)
    s.add_all([base, extra])


def _free(s, model, wanted: int | None) -> int | None:
    return wanted if wanted is not None and s.get(model, wanted) is None else None


def _already_there(s, mt: dict) -> int | None:
    """The id of a meeting the library already holds with the same company, role and time:
    importing the same export twice must not double meetings, drafts, or sends."""
    when = mt["started_at"] or mt["scheduled_start"]
    if when is None:
        return None
    rows = s.execute(
        select(m.Meeting.id, m.Meeting.started_at, m.Meeting.scheduled_start)
        .outerjoin(m.Company, m.Meeting.company_id == m.Company.id)
        .where(func.lower(func.coalesce(m.Company.name, "")) == mt["company"].strip().lower(),
               m.Meeting.role == mt["role"].strip())).all()
    return next((r[0] for r in rows if (r[1] or r[2]) == when), None)


def _same_invite(s, uid: str | None) -> int | None:
    """The meeting made from the same invite (its UID), even if moved since: the library
    keeps the copy it has, with whatever revision it imported."""
    if uid is None:
        return None
    return s.scalar(select(m.Meeting.id).where(m.Meeting.ical_uid == uid))


def _existing_person(s, p: dict):
    return find_person(s, p["email"])  # by address only, as the other imports


def _import_meeting(library: Library, s, mt: dict, person_map: dict, created: dict) -> None:
    same = _already_there(s, mt) or _same_invite(s, mt["ical_uid"])
    if same is not None:
        created.setdefault("skipped_meetings", []).append(same)
        return
    meeting = m.Meeting(
        id=_free(s, m.Meeting, mt["id"]),
        company=library.company_named(s, mt["company"], mt["company_domain"]), role=mt["role"],
        kind=mt["kind"], scheduled_start=mt["scheduled_start"], scheduled_end=mt["scheduled_end"],
        started_at=mt["started_at"], ended_at=mt["ended_at"], location=mt["location"],
        general_notes=mt["general_notes"], ical_uid=mt["ical_uid"],
        ical_sequence=mt["ical_sequence"], ical_dtstamp=mt["ical_dtstamp"],
        cancelled_at=mt["cancelled_at"])
    s.add(meeting)
    s.flush()
    created["meetings"].append(meeting.id)
    for position, p in enumerate(mt["people"]):
        person = person_map.get(p["id"]) if p["id"] is not None else None
        if person is None:
            person = _existing_person(s, p)  # someone met before: one card, both meetings
            if person is not None and p["id"] is not None:
                person_map[p["id"]] = person
        if person is None:
            person = m.Person(
                id=_free(s, m.Person, p["id"]), name=p["name"], title=p["title"],
                email=p["email"], phone=p["phone"], web=p["web"], card_notes=p["card_notes"],
                email_is_guess=p["email_is_guess"], company=meeting.company)
            s.add(person)
            s.flush()
            created["people"].append(person.id)
            if p["id"] is not None:
                person_map[p["id"]] = person
        attendance = m.Attendance(
            meeting_id=meeting.id, person_id=person.id, capacity=p["capacity"],
            position=position, notes=p["notes"], no_followup=p["no_followup"],
            notes_updated_at=datetime.now(UTC) if p["notes"] else None)
        s.add(attendance)
        s.flush()
        if p["followup"]:
            created["followups"].append(_import_followup(s, attendance.id, p["followup"]))


def _import_card(library: Library, s, card: dict, person_map: dict, created: dict) -> None:
    """A person in no meeting; one already known (same id in this file, or same email) is
    not added twice."""
    if (card["id"] is not None and card["id"] in person_map) or _existing_person(s, card):
        return
    person = m.Person(
        id=_free(s, m.Person, card["id"]), name=card["name"], title=card["title"],
        email=card["email"], phone=card["phone"], web=card["web"],
        card_notes=card["card_notes"], email_is_guess=card["email_is_guess"],
        company=library.company_named(s, card["company"], card["company_domain"]))
    s.add(person)
    s.flush()
    created["people"].append(person.id)


def _import_followup(s, attendance_id: int, f: dict) -> int:
    history = f.pop("history")
    followup = m.FollowUp(attendance_id=attendance_id, **f)
    followup.events = [m.StatusEvent(**h) for h in history]
    s.add(followup)
    s.flush()
    return followup.id
