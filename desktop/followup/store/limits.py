"""What the library accepts: sizes, ranges and characters, checked at every door.

One table for every way in: an import that breaks one of these is refused whole, naming the
JSON path of the value; the store's own writers (notes, drafts, a meeting's details, the profile)
refuse the same values with the same words, and the window's editors stop at the same sizes. So
what the app stores, its own export imports again. The limits are far above anything a job
search produces (twenty minutes of interview notes are about 6,000 characters; a panel has two
to eight people) and low enough that the window stays quick. See docs/interchange.md, "Limits".
"""

from __future__ import annotations

import math
import re

MAX_NOTE_CHARS = 100_000  # one person's notes, the general notes, a draft body
MAX_TEXT_CHARS = 10_000  # a location, card notes, a signature, a setting
MAX_LINE_CHARS = 500  # a name, title, company, role, subject, phone: one line
MAX_EMAIL_CHARS = 254  # RFC 5321's limit for a forward path
MAX_PEOPLE_PER_MEETING = 100
MAX_MEETINGS = 100_000
MAX_NESTING = 64  # a followup/1 document nests 5 levels deep
LARGEST_ID = 2**63 - 1  # SQLite's INTEGER
TARGET_HOURS = (0.0, 24.0)  # a personal target earlier than the 24-hour limit
MAX_UID_CHARS = 1000  # an invite's UID (RFC 5545 §3.8.4.7) as the meeting table holds it

# Per field (the key of the followup/1 format, the column of the library): the most characters,
# and whether it stays on one line. A field not listed is longer free text (MAX_TEXT_CHARS, line
# breaks allowed): a location, card notes, a signature, a status's detail.
_ONE_LINE = ("name", "title", "phone", "company", "company_domain", "role", "kind", "capacity",
             "subject", "generated_subject", "status", "channel", "message_id",
             "notes_fingerprint", "skill", "tag", "sent_copy", "checkin_state",
             "checkin_subject")
FIELD_LIMITS: dict[str, tuple[int, bool]] = {
    **{key: (MAX_LINE_CHARS, True) for key in _ONE_LINE},
    "web": (MAX_TEXT_CHARS, True),
    "url": (MAX_TEXT_CHARS, True),
    "ical_uid": (MAX_UID_CHARS, True),
    **{key: (MAX_NOTE_CHARS, False) for key in (
        "notes", "general_notes", "body", "generated_body", "checkin_body")},
}


# Text of several lines keeps its line breaks and tabs, the line separator Shift+Enter types in
# the window's editors (U+2028) included; every other control character (Unicode's Cc, Zl and
# Zp: U+0000-001F, U+007F-009F, U+2028, U+2029) is refused. As patterns, so checking 100,000
# characters of notes at each autosave costs well under a millisecond.
_HALF_CHARACTER = re.compile("[\ud800-\udfff]")
_REFUSED = {True: re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]"),  # one line
            False: re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")}  # several


class LimitError(ValueError):
    """A value the library does not accept; the text says what is wrong, without a path."""


def check_text(value: str, limit: int, one_line: bool) -> str:
    """`value` when it is storable text within `limit` characters; else LimitError."""
    bad = _HALF_CHARACTER.search(value)
    if bad is not None:
        raise LimitError(
            f"contains a broken character (\\u{ord(bad.group()):04x}, half of a two-part "
            "character); remove it or re-save the file as UTF-8")
    if len(value) > limit:
        raise LimitError(f"is {len(value):,} characters long; the most Followup keeps is "
                         f"{limit:,}. Shorten it or split it")
    found = _REFUSED[one_line].search(value)
    if found is not None:
        control = found.group()
        what = "a line break" if control in "\r\n\u2028\u2029" else (
            f"a control character (U+{ord(control):04X})")
        raise LimitError(f"contains {what}; {'keep it on one line' if one_line else 'remove it'}")
    return value


def storable(value: str, one_line: bool = False) -> str:
    """`value` without the characters `check_text` refuses (control characters, halves of a
    two-part character; line breaks too when `one_line`): what the window's editors keep of
    pasted text, so what they store, the import takes again."""
    return _REFUSED[one_line].sub("", _HALF_CHARACTER.sub("", value))


def field_limit(key: str) -> tuple[int, bool]:
    """(most characters, one line only) of the field `key` (see FIELD_LIMITS)."""
    return FIELD_LIMITS.get(key, (MAX_TEXT_CHARS, False))


def check_field(key: str, value: str) -> str:
    """`value` when field `key` may hold it (FIELD_LIMITS; an email must be an address);
    else LimitError saying what is wrong, without naming the field."""
    if key == "email":
        return check_email(value)
    limit, one_line = field_limit(key)
    return check_text(value, limit, one_line)


def fitted(key: str, value: str) -> str:
    """`value` cut to what field `key` keeps, at a space when there is one near the end, with
    "…" where it was cut: for text Followup writes itself (a draft's subject from a very long
    company and role), never for the user's own, which is refused instead."""
    value = storable(value, one_line=field_limit(key)[1])
    limit = field_limit(key)[0]
    if len(value) <= limit:
        return value
    cut = value[:limit - 1]
    space = cut.rfind(" ", limit - 80)
    return (cut[:space] if space > 0 else cut).rstrip() + "…"


def check_id(value: int) -> int:
    if not 1 <= value <= LARGEST_ID:
        raise LimitError(f"is {_short(value)}; an id is a whole number from 1 to {LARGEST_ID}")
    return value


def check_target_hours(value: float) -> float:
    low, high = TARGET_HOURS
    if not math.isfinite(value) or not low < value <= high:
        raise LimitError(f"is {_short(value)}; a target is a number of hours above {low:g} and "
                         f"at most {high:g} (leave it out for no earlier target)")
    return value


def check_email(value: str) -> str:
    """`value` stripped when empty or a usable address; else LimitError."""
    value = check_text(value, MAX_EMAIL_CHARS, one_line=True).strip()
    if not value:
        return value
    # Imported here: email_validator costs 0.1 s, and the window's editors read these limits
    # before their first frame.
    from followup.core.addresses import usable_address

    if usable_address(value) is None:
        raise LimitError(f"is {value!r}, which is not an email address (name@example.com); "
                         "correct it or leave it empty")
    return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"a number with {len(text)} digits"
