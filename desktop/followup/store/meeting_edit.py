"""Correcting a meeting after it was created or imported: its company and the company's domain,
role, kind, start, end and location.

One policy for both front ends (Meeting › Edit in the window, `followup meetings edit` on the
command line): `check_changes` reads and checks the values, naming the field that is wrong, and
`edit_meeting` writes them in one transaction. Drafts follow: those the user has not edited are
written again at once (a company that came in empty leaves no `[company]` gap any more); edited
ones keep their text and say that the meeting changed since they were written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from followup.core.addresses import usable_address
from followup.core.vocabulary import MEETING_KINDS
from followup.store import followups
from followup.store.limits import LimitError, check_field

# The fields a meeting edit may change, in the order forms show them.
FIELDS = ("company", "company_domain", "role", "kind", "start", "end", "location")
# What drafts are written from: a change here rewrites unedited drafts and marks edited ones.
DRAFTED_FROM = frozenset({"company", "role", "kind"})


LABELS = {"company": "The company", "company_domain": "The company domain", "role": "The role",
          "kind": "The kind", "start": "The start", "end": "The end",
          "location": "The location"}


class MeetingValueError(ValueError):
    """A value a meeting cannot hold. `field` is one of FIELDS; `detail` says what is wrong and
    what to do, to follow the field's name (a form's label, a command line's option); the
    message is the whole sentence."""

    def __init__(self, field: str, detail: str):
        super().__init__(f"{LABELS[field]} {detail}.")
        self.field, self.detail = field, detail


@dataclass(frozen=True)
class MeetingEdited:
    """What an edit did: which fields changed, drafts written again, edited drafts marked."""

    changed: tuple[str, ...]
    redrafted: int
    marked: int


def read_kind(text: str) -> str:
    """A meeting kind from its key ("phone_screen") or its label ("Phone screen"), in any case,
    with spaces, hyphens or underscores; raises MeetingValueError listing the kinds."""
    wanted = " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()
    for key, label in MEETING_KINDS.items():
        if wanted in (key.replace("_", " "), label.casefold()):
            return key
    raise MeetingValueError("kind", f"{text!r} is not a meeting kind; use one of: "
                            f"{', '.join(MEETING_KINDS)}")


def read_time(text: str, field: str) -> datetime:
    """An ISO 8601 date and time ("2026-03-02 14:00", "2026-03-02T14:00+01:00"); without an
    offset it is the computer's local time. Raises MeetingValueError with an example."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise MeetingValueError(field, f"{text!r} is not a date and time; write it like "
                                "2026-03-02 14:00 (local time) or 2026-03-02T14:00+01:00"
                                ) from None
    return value.astimezone(UTC)  # a naive value is read as local time


def check_changes(current, **given) -> dict:
    """The changes `given` (keys of FIELDS; None for "unchanged") checked against the meeting
    `current` (a MeetingView): text within the library's limits, a domain that is a domain, a
    known kind, times with the end after the start. Returns them cleaned; raises
    MeetingValueError naming the first field that is wrong."""
    changes = {}
    for key, value in given.items():
        if key not in FIELDS:
            raise KeyError(key)
        if value is None:
            continue
        if key in ("start", "end"):
            if value.tzinfo is None:
                raise MeetingValueError(key, "needs a time zone")
            changes[key] = value.astimezone(UTC)
            continue
        value = value.strip()
        try:
            value = check_field(key, value)
        except LimitError as exc:
            raise MeetingValueError(key, str(exc)) from None
        if key == "kind":
            value = read_kind(value)
        elif key == "company_domain":
            value = _domain(value)
        changes[key] = value
    if changes.get("company_domain") and not changes.get("company", current.company):
        raise MeetingValueError("company_domain", "needs a company: give the company too")
    start = changes.get("start", _start(current))
    end = changes.get("end", _end(current))
    if start is not None and end is not None and end <= start:
        after = f"{end.astimezone():%Y-%m-%d %H:%M}", f"{start.astimezone():%Y-%m-%d %H:%M}"
        if "end" in changes:
            raise MeetingValueError("end", f"({after[0]}) must come after the start "
                                    f"({after[1]})")
        raise MeetingValueError("start", f"({after[1]}) must come before the end ({after[0]})")
    return changes


def _domain(value: str) -> str:
    value = value.lower().removeprefix("https://").removeprefix("http://").strip("/")
    value = value.removeprefix("www.").lstrip("@")
    if value and usable_address(f"name@{value}") is None:
        raise MeetingValueError("company_domain", f"{value!r} is not a domain; write it like "
                                "acme.com (or leave it empty)")
    return value


def _start(view) -> datetime | None:
    return view.started_at or view.scheduled_start


def _end(view) -> datetime | None:
    return view.ended_at or view.scheduled_end


def edit_meeting(library, meeting_id: int, **given) -> MeetingEdited:
    """Check (`check_changes`) and save the changes to meeting `meeting_id`, then let its drafts
    follow. The start and end correct the times the meeting has: the recorded ones when it was
    started or ended in the window (the 24-hour clock runs from the recorded end), else the
    scheduled ones. A new company is found by name or made; the meeting's people who had its
    old company (or none) move with it; a domain is set on the company. Raises
    MeetingValueError (nothing saved) or sqlalchemy's NoResultFound for an unknown id."""
    current = library.meeting(meeting_id)
    changes = check_changes(current, **given)
    changed = tuple(k for k in FIELDS if k in changes
                    and changes[k] != _current_value(current, k))
    if changed:
        library.edit_meeting_row(meeting_id, {k: changes[k] for k in changed},
                                 recorded_start=current.started_at is not None,
                                 recorded_end=current.ended_at is not None)
    redrafted = marked = 0
    if DRAFTED_FROM & set(changed):
        redrafted, marked = followups.follow_meeting_change(library, meeting_id)
    return MeetingEdited(changed, redrafted, marked)


def _current_value(view, key: str):
    if key == "start":
        return _start(view)
    if key == "end":
        return _end(view)
    return getattr(view, key)
