"""After a follow-up went out: is a message its answer, and when is a check-in due.

Plain Python, no mailbox and no library: the IMAP side (`mail.imap`) hands in message headers,
the store hands in what was sent and when.

A reply is a message whose In-Reply-To or References holds the Message-ID that was sent
(RFC 5322 §3.6.4), or any message from the person's address dated after the send (people
often answer from a new message, or from their phone). A check-in is due the day after a date
the notes name for a decision ("decision by Friday", "they'll let me know by March 3"), else
`CHECKIN_AFTER_DAYS` after the send; the named date wins because a check-in before the date
the company gave would be pushy, and one a week after it would be late.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

CHECKIN_AFTER_DAYS = 7  # the default of the setting: a week without an answer
CHECKIN_HOUR = 9  # a check-in falls due at this local hour, never at midnight
# Where a follow-up's check-in stands: none yet, drafted and due, withdrawn (an answer came),
# done (sent or put aside). Stored in `followup.checkin_state`; `store.replies.CheckinState`.
CHECKIN_STATES = ("", "due", "withdrawn", "done")
# The history's word for an answer found: a line of a follow-up's history, never its status
# (that stays `sent`).
REPLIED = "replied"

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_WHEN = (
    r"(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
    rf"|(?P<md>{_MONTH}\s+{_DAY})\b"
    rf"|(?P<dm>{_DAY}\s+(?:of\s+)?{_MONTH})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})\b"
)
# Words that announce a decision or an answer, then "by/before/on/until" and a date, within a
# sentence: "decision by Friday", "they decide before March 3", "will let me know on the 3rd
# of March", "hear back by 2026-12-11", "offers go out by Fri".
_NAMED_DATE_RE = re.compile(
    r"\b(?:decision|decide[sd]?|deciding|decide|hear(?:ing)? back|let (?:me|us|you) know"
    r"|get back to (?:me|us|you)|answer|news|update|offers?|feedback|respond|response|"
    r"next steps?|back to me)\b[^.!?\n]{0,40}?\b(?:by|before|on|until|till)\s+(?:the\s+)?"
    rf"(?:next\s+|this\s+)?(?:{_WHEN})",
    re.IGNORECASE)


@dataclass(frozen=True)
class Headers:
    """The header fields of one mailbox message that decide whether it answers a follow-up
    (read with BODY.PEEK[HEADER.FIELDS ...]; no body is ever read)."""

    from_address: str  # the From mailbox's address, lower-cased
    message_id: str  # as written, angle brackets kept
    in_reply_to: tuple[str, ...]  # Message-IDs, angle brackets kept
    references: tuple[str, ...]
    date: datetime | None  # the Date field, else the server's INTERNALDATE; aware


@dataclass(frozen=True)
class Awaited:
    """A follow-up that went out and awaits an answer: what a reply is matched against."""

    followup_id: int
    message_id: str  # the Message-ID sent ("" when it was sent another way)
    address: str  # the person's address
    sent_at: datetime  # aware


_MSGID_RE = re.compile(r"<[^<>\s]+>")


def message_ids(field: str | None) -> tuple[str, ...]:
    """The Message-IDs in an In-Reply-To or References field, angle brackets kept (RFC 5322
    §3.6.4: `msg-id` is `<id-left@id-right>`, separated by folding white space or comments)."""
    return tuple(_MSGID_RE.findall(field or ""))


def headers_from(fields, internal_date: datetime | None = None) -> Headers:
    """`Headers` from a parsed header block (`email.message.Message` or any mapping with
    `get`); `internal_date` stands in for a missing or unreadable Date field."""
    pairs = getaddresses([str(fields.get("From", "") or "")])
    address = pairs[0][1].strip().lower() if pairs else ""
    when = internal_date
    raw_date = fields.get("Date")
    if raw_date:
        try:
            parsed = parsedate_to_datetime(str(raw_date))
            if parsed.tzinfo is not None:
                when = parsed
        except (TypeError, ValueError, IndexError):
            pass
    return Headers(address, str(fields.get("Message-ID", "") or "").strip(),
                   message_ids(str(fields.get("In-Reply-To", "") or "")),
                   message_ids(str(fields.get("References", "") or "")), when)


def answers(message: Headers, awaited: Awaited) -> bool:
    """True when `message` is a reply to the follow-up `awaited`: in its thread (In-Reply-To
    or References holds the sent Message-ID), or from the person's address after the send."""
    sent_id = awaited.message_id.strip()
    if sent_id and sent_id in (*message.in_reply_to, *message.references):
        return True
    address = awaited.address.strip().lower()
    if not address or message.from_address != address:
        return False
    return message.date is not None and message.date > awaited.sent_at


def first_replies(messages: Sequence[Headers], awaited: Sequence[Awaited]
                  ) -> dict[int, Headers]:
    """Follow-up id -> the earliest message that answers it, for those answered."""
    found: dict[int, Headers] = {}
    for message in messages:
        for item in awaited:
            if not answers(message, item):
                continue
            known = found.get(item.followup_id)
            if known is None or _earlier(message, known):
                found[item.followup_id] = message
    return found


def _earlier(one: Headers, other: Headers) -> bool:
    if one.date is None:
        return False
    return other.date is None or one.date < other.date


# ---- when a check-in is due -------------------------------------------------------------------

def named_date(notes: str, after: date) -> date | None:
    """The date the notes name for a decision or an answer, on or after `after` (the day of
    the meeting); None when they name none. A weekday is the first one after `after`; a day
    and month without a year is the next one on or after `after`."""
    for match in _NAMED_DATE_RE.finditer(notes):
        found = _date_of(match, after)
        if found is not None and found >= after:
            return found
    return None


def _date_of(match: re.Match, after: date) -> date | None:
    if match["weekday"]:
        wanted = next(i for i, name in enumerate(_WEEKDAYS)
                      if name.startswith(match["weekday"].lower()[:3]))
        return after + timedelta(days=(wanted - after.weekday() - 1) % 7 + 1)
    if match["iso"]:
        try:
            return date.fromisoformat(match["iso"])
        except ValueError:
            return None
    text = (match["md"] or match["dm"]).lower().replace("of ", "")
    day = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
    month_word = re.search(r"[a-z]{3,}", re.sub(r"(st|nd|rd|th)\b", "", text))
    if month_word is None:
        return None
    month = next((i + 1 for i, name in enumerate(_MONTHS)
                  if name.startswith(month_word.group()[:3])), None)
    if month is None:
        return None
    for year in (after.year, after.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= after:
            return candidate
    return None


def checkin_due(sent_at: datetime, notes: str, meeting_day: date | None = None,
                days: int = CHECKIN_AFTER_DAYS, tz: tzinfo | None = None) -> datetime:
    """When a check-in falls due for a follow-up sent at `sent_at` (aware): `CHECKIN_HOUR`
    local time the day after the date the notes name, else `days` after the send. `tz` is
    the local zone (default: the system's)."""
    local_sent = sent_at.astimezone(tz)
    named = named_date(notes, meeting_day or local_sent.date())
    if named is None:
        return sent_at + timedelta(days=days)
    day_after = named + timedelta(days=1)
    zone = tz or local_sent.tzinfo
    return datetime.combine(day_after, time(CHECKIN_HOUR), tzinfo=zone)


def days_setting(text: str) -> int:
    """The "check in after N days" setting as stored; the default for anything unusable.
    Raises nothing: a bad value in the library must not stop the list from opening."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        return CHECKIN_AFTER_DAYS
    return value if 1 <= value <= 90 else CHECKIN_AFTER_DAYS


# ---- the check-in's text ----------------------------------------------------------------------

CHECKIN_TEMPLATE = "checkins/checkin.md"  # under a templates folder; the user's copy wins


@dataclass(frozen=True)
class CheckinRequest:
    """What a check-in says: to whom, about which role at which company, the date the notes
    named (if any) and the closing with the phone (`core.drafting.signature_block`)."""

    person_name: str
    company: str
    role: str
    signature: str
    named: date | None = None


def draft_checkin(request: CheckinRequest, template_dirs: Sequence = ()) -> tuple[str, str]:
    """(subject, body) of a short check-in after the guides' status-update examples: the
    role and the company by name, continued interest, a question about the timeline, the
    phone in the closing. Gaps such as `[company]` are left visible, as in drafts."""
    # Drafting's module loads its word tables: imported when a check-in is written, not
    # whenever a reply is matched.
    from followup.core import templates
    from followup.core.drafting import first_name

    folders = [Path(d) for d in template_dirs] + [templates.builtin_templates_dir()]
    path = next((f / CHECKIN_TEMPLATE for f in folders if (f / CHECKIN_TEMPLATE).is_file()),
                None)
    if path is None:
        raise FileNotFoundError(f"no check-in template ({CHECKIN_TEMPLATE})")
    template = templates.parse_template(path.name, path.read_text(encoding="utf-8"))
    company = request.company.strip() or templates.gap("company")
    role = request.role.strip()
    about = f"the {role} role at {company}" if role else f"my application at {company}"
    named = ""
    if request.named is not None:
        named = (f"You mentioned a decision by {request.named.strftime('%A')} "
                 f"{request.named.day} {request.named.strftime('%B')}, so I thought I'd ask.")
    values = {"first_name": first_name(request.person_name) or None, "company": company,
              "role": role or None, "about": about, "named_date": named,
              "signature": request.signature}
    seed = sum(map(ord, request.person_name))
    return templates.fill(template, values, seed)
