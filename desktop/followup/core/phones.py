"""Phone-number recognition in free text, national and international formats.

Built on phonenumbers' matcher at its most tolerant leniency, so fictional 555 numbers and
numbers from regions other than the default are still found; short digit runs that are more
likely counts or ids (1200000, 123456789) are then dropped.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

_MIN_NATIONAL_DIGITS = 10  # (555) 123-4567 and 020 7946 0958 have 10 and 11
_MIN_INTERNATIONAL_DIGITS = 8  # "+" plus country code and subscriber number


def find_phone_numbers(text: str, default_region: str = "US") -> list[tuple[int, int, str]]:
    """(start, end, raw text) of each phone number in `text`, in order."""
    found = []
    for match in PhoneNumberMatcher(text, default_region, leniency=Leniency.POSSIBLE):
        if _looks_like_phone(match.raw_string):
            found.append((match.start, match.end, match.raw_string))
    return found


def is_plausible_phone(text: str, default_region: str = "US") -> bool:
    """Whether `text` as a whole is one phone number (as a user would type it in a field)."""
    stripped = text.strip()
    if not stripped:
        return False
    try:
        number = phonenumbers.parse(stripped, default_region)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_possible_number(number):
        return False
    found = find_phone_numbers(stripped, default_region)
    return len(found) == 1 and found[0][2] == stripped


def _looks_like_phone(raw: str) -> bool:
    digits = sum(ch.isdigit() for ch in raw)
    if raw.lstrip().startswith("+"):
        return digits >= _MIN_INTERNATIONAL_DIGITS
    return digits >= _MIN_NATIONAL_DIGITS
