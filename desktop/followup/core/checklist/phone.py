"""The `phone_in_closing` rule: the writer's phone number is in the closing of the note.

Numbers of any country count, in national or international format ("(555) 123-4567", "020 7946
0958", "+49 30 12345678", "+81 3-1234-5678"); national numbers are read in the writer's region
(from their own number in the profile, else the system locale). See followup.core.phones.
"""

from __future__ import annotations

import re

from followup.core.checklist.reading import (
    CLOSING_PARAGRAPH_SENTENCES,
    Draft,
    body_spans,
    sentences_of,
)
from followup.core.checklist.results import RuleResult, result
from followup.core.phones import distinct_numbers


def closing_region_start(d: Draft) -> int:
    """The sign-off block, with the last paragraph before it when that is a sentence or two."""
    before = [p for p in d.paragraphs if p[1] <= d.closing_start]
    if before:
        s, e = before[-1]
        if len(sentences_of(d.text, s, e)) <= CLOSING_PARAGRAPH_SENTENCES and len(before) > 1:
            return s
    return d.closing_start


# A local number alone on a signature line ("555-0143"): too short to be sure of anywhere else.
_LOCAL_NUMBER_LINE_RE = re.compile(r"(?m)^[^\S\n]*(?:[A-Za-z.:]+\s*)?(\d{3}[-. ]\d{4})\s*$")


def rule_phone_in_closing(d: Draft) -> RuleResult:
    """Passes on a phone number of any country in the closing; a number only higher up fails,
    spanned.

    Passes: "Best,\nSam\n020 7946 0958", "+49 30 12345678" under the name, "You can reach me on
    (555) 640-8128." as the last short paragraph. Fails: no number, "[Your Phone Number]", a
    number only in the second paragraph, two different numbers in the closing (an old one
    left in the signature: the reader cannot tell which to call). Source: "contains your phone
    number in the closing".
    """
    start = closing_region_start(d)
    closing = [(s, e) for s, e, _raw in d.phones if s >= start]
    numbers = distinct_numbers([raw for s, _e, raw in d.phones if s >= start], d.region)
    if len(numbers) > 1:
        return result("phone_in_closing", False, _conflict(numbers, d.context.sender_phone),
                      body_spans(closing))
    closing += [m.span(1) for m in _LOCAL_NUMBER_LINE_RE.finditer(d.text, d.closing_start)]
    if closing:
        return result("phone_in_closing", True, "Gives your phone number in the closing.",
                      body_spans(closing))
    own = f" ({d.context.sender_phone})" if d.context.sender_phone else ""
    if d.phones:
        return result("phone_in_closing", False, f"Put your phone number{own} in the closing, "
                      "under your name, not only in the body.",
                      body_spans((s, e) for s, e, _raw in d.phones))
    return result("phone_in_closing", False,
                  f"Add your phone number{own} to the closing, under your name.")


def _conflict(numbers: list[str], own: str | None) -> str:
    """What to do about a closing with several numbers: keep yours (from the profile)."""
    listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
    keep = f" (your profile says {own})" if own else ""
    return (f"The closing gives {len(numbers)} different phone numbers, {listed}: keep the one "
            f"to call you on{keep} and remove the other.")
