"""How text is compared when a person searches: case and accents do not matter.

One rule for every search of the app: the full-text search (`store.search`) and the
send-status list's search box (`store.status_list`) fold both the text and what was typed with
`fold`, so "nguyen" finds Nguyễn, "jurgen" Jürgen and "soren" Søren in both.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that are not a base letter plus an accent, so Unicode's decomposition keeps them:
# their ASCII spelling (as a person without that key types them), so "soren" finds Søren and
# "lukasz" finds Łukasz. The full-text index spells them the same way (`store.search`).
LETTER_SPELLINGS = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "æ": "ae",
                    "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                    "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H"}


def fold(value: str) -> str:
    """`value` case-folded, without accents (NFKD, combining marks dropped), the letters of
    `LETTER_SPELLINGS` spelled in ASCII, and runs of white space as one space.

    "Nguyễn Thị Mai" -> "nguyen thi mai"; "Søren  Østergård" -> "soren ostergard".
    """
    if value.isascii():  # the common case, kept cheap: the status list folds every row
        return " ".join(value.lower().split())
    spelled = value.translate(_spellings())
    decomposed = unicodedata.normalize("NFKD", spelled.casefold())
    return " ".join(decomposed.translate(_combining_marks()).split())


@lru_cache(maxsize=1)
def _spellings() -> dict[int, str]:
    return str.maketrans(LETTER_SPELLINGS)


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """Every combining mark (the accents NFKD splits off), to delete with str.translate: some
    ten times faster than testing each character, and made once (about 10 ms)."""
    return dict.fromkeys(cp for cp in range(0x30000) if unicodedata.combining(chr(cp)))
