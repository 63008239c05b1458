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


def same_number(a: str, b: str, region: str = DEFAULT_REGION) -> bool:
    """Whether `a` and `b` are one phone number written two ways ("+1 415 555 0199" and
    "(415) 555-0199" in the US): equal country code and national number as phonenumbers reads
    them in `region`, else (text phonenumbers cannot read) equal digits."""
    try:
        one, two = phonenumbers.parse(a, region), phonenumbers.parse(b, region)
    except phonenumbers.NumberParseException:
        return _digits(a) != "" and _digits(a) == _digits(b)
    return (one.country_code, one.national_number) == (two.country_code, two.national_number)


def distinct_numbers(numbers: list[str], region: str = DEFAULT_REGION) -> list[str]:
    """`numbers` with each number kept once (the first way it is written), in order."""
    kept: list[str] = []
    for number in numbers:
        if not any(same_number(number, k, region) for k in kept):
            kept.append(number)
    return kept


class PhoneChoice(ValueError):
    """The signature holds several phone numbers and none is the old one, so which to replace
    is the user's call. `numbers` are the signature's numbers as written."""

    def __init__(self, numbers: tuple[str, ...], new: str):
        super().__init__(
            f"your signature holds {len(numbers)} phone numbers ({', '.join(numbers)}) and "
            f"none is your old phone, so Followup cannot tell which one {new} replaces")
        self.numbers, self.new = numbers, new


def signature_for_new_phone(signature: str, old: str, new: str) -> str:
    """`signature` with the writer's phone changed from `old` to `new`, so a draft's closing
    never carries two numbers of the writer (issue: "One number, the new one, or ask").

    The number replaced is the one that is `old` in any format (`same_number`), else the only
    number the signature holds; it is written as `new` is. Unchanged when `new` is empty, when
    the signature holds no number (the drafts add the phone under it) or already holds `new`.
    Raises PhoneChoice when it holds several numbers, none of them `old`.
    """
    new = new.strip()
    if not new or not signature.strip():
        return signature
    region = region_of(new if new.startswith("+") else old)
    found = find_phone_numbers(signature, region)
    if not found or any(same_number(raw, new, region) for _s, _e, raw in found):
        return signature
    matching = [f for f in found if old.strip() and same_number(f[2], old, region)]
    if not matching:
        if len(distinct_numbers([raw for _s, _e, raw in found], region)) > 1:
            raise PhoneChoice(tuple(raw for _s, _e, raw in found), new)
        matching = found
    for start, end, _raw in reversed(matching):
        signature = signature[:start] + new + signature[end:]
    return signature


def replace_number(signature: str, number: str, new: str) -> str:
    """`signature` with every way of writing `number` replaced by `new` (the user's answer to
    a PhoneChoice)."""
    region = region_of(new if new.strip().startswith("+") else number)
    for start, end, raw in reversed(find_phone_numbers(signature, region)):
        if same_number(raw, number, region):
            signature = signature[:start] + new.strip() + signature[end:]
    return signature


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
