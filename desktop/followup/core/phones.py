"""Phone-number recognition in free text, national and international formats, any country.

Built on phonenumbers' matcher at its most tolerant leniency, so fictional 555 numbers are
still found. Numbers are read in the writer's region (from their own phone number, else the
system locale, else the US); a national number of another country ("020 7946 0958" written by
someone whose region is the US) is found too, by its leading trunk 0. Short digit runs that are
more likely counts, years or ids (1200000, 2024) are dropped unless a label ("Tel:", "mobile")
says they are a phone.
"""

from __future__ import annotations

import locale
import re
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

DEFAULT_REGION = "US"
_MIN_NATIONAL_DIGITS = 10  # (555) 123-4567 has 10; 020 7946 0958 has 11
_MIN_TRUNK_DIGITS = 9  # 01 234 5678 (Dublin): a leading 0 marks a national number
_MIN_LABELLED_DIGITS = 7  # "Tel: 555-1234"
_MIN_INTERNATIONAL_DIGITS = 8  # "+" plus country code and subscriber number
_MIN_VALID_DIGITS = 8  # a number phonenumbers knows as valid in the writer's region
# A region whose plan accepts most national layouts (0 + area + subscriber, 9 to 13 digits):
# numbers of other countries written without +, as the writer dials them at home.
_TOLERANT_REGION = "DE"
_TRUNK_ZERO_RE = re.compile(r"(?<![\d+])\(?0\d")  # a digit group opening with 0: "020", "(0)20"
_LABEL_RE = re.compile(
    r"(?i)(?:\b(?:tel|telephone|phone|ph|mobile|mob|cell|cellphone|call|text|whatsapp|"
    r"handy|fon|tél|m|t|p|c)\b\.?|[☎📞📱])\s*[:.\-]?\s*(?:\(?\+?[\d\s]*\)?\s*)?$")


def find_phone_numbers(text: str, default_region: str = DEFAULT_REGION
                       ) -> list[tuple[int, int, str]]:
    """(start, end, raw text) of each phone number in `text`, in order.

    `default_region` (ISO 3166 two-letter code, e.g. "GB") is how numbers without "+" are read;
    national numbers with a leading 0 are accepted whatever the region.
    """
    found = [(m.start, m.end, m.raw_string) for m in _matches(text, default_region)
             if _looks_like_phone(text, m.start, m.raw_string)
             or _valid_at_home(m, default_region)]
    if default_region != _TOLERANT_REGION and _TRUNK_ZERO_RE.search(text):
        for m in _matches(text, _TOLERANT_REGION):
            if (m.raw_string.lstrip("(").startswith("0")
                    and _looks_like_phone(text, m.start, m.raw_string)
                    and not any(s < m.end and m.start < e for s, e, _r in found)):
                found.append((m.start, m.end, m.raw_string))
    return sorted(found)


def _valid_at_home(match, region: str) -> bool:
    """A shorter number that is a real number of the writer's own region ("44 668 18 00" in
    Switzerland), not merely a possible one."""
    digits = sum(ch.isdigit() for ch in match.raw_string)
    return digits >= _MIN_VALID_DIGITS and phonenumbers.is_valid_number(match.number)


def _matches(text: str, region: str):
    return PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE)


def is_plausible_phone(text: str, default_region: str = DEFAULT_REGION) -> bool:
    """Whether `text` as a whole is one phone number (as a user would type it in a field)."""
    stripped = text.strip()
    if not stripped:
        return False
    found = find_phone_numbers(stripped, default_region)
    return len(found) == 1 and found[0][2] == stripped


def region_of(phone: str | None) -> str:
    """The region to read national numbers in: the country of `phone` when it is written with
    "+" (e.g. "+44 20 7946 0958" → "GB"), else the system locale's country, else "US"."""
    if phone and phone.strip().startswith("+"):
        try:
            number = phonenumbers.parse(phone.strip())
            region = phonenumbers.region_code_for_country_code(number.country_code or 0)
        except phonenumbers.NumberParseException:
            region = None
        if region and region != "ZZ":
            return region
    return locale_region()


@lru_cache(maxsize=1)
def locale_region() -> str:
    """The country of the system locale ("en_GB" → "GB"), or "US" when there is none."""
    try:
        name = locale.getlocale(locale.LC_CTYPE)[0] or locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    country = name.replace("-", "_").partition("_")[2][:2].upper()
    return country if country in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION


def _looks_like_phone(text: str, start: int, raw: str) -> bool:
    digits = sum(ch.isdigit() for ch in raw)
    if raw.lstrip("( ").startswith("+"):
        return digits >= _MIN_INTERNATIONAL_DIGITS
    if digits >= _MIN_NATIONAL_DIGITS:
        return True
    if raw.lstrip("(").startswith("0") and digits >= _MIN_TRUNK_DIGITS:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return digits >= _MIN_LABELLED_DIGITS and bool(_LABEL_RE.search(text[line_start:start]))
