"""How text is compared when a person searches: case and accents do not matter.

One rule for every search of the app: the full-text search (`store.search`) and the
send-status list's search box (`store.status_list`) fold both the text and what was typed with
`fold`, so "nguyen" finds Nguyễn, "jurgen" Jürgen and "soren" Søren in both.
"""

from __future__ import annotations

import unicodedata

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
    if value.isascii():
        return " ".join(value.casefold().split())
    spelled = "".join(LETTER_SPELLINGS.get(c, c) for c in value)
    decomposed = unicodedata.normalize("NFKD", spelled.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
