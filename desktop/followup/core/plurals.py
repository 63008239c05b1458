"""A count and its noun in the right number: "1 meeting", "2 meetings", "1 person", "3 people"."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "was": "were", "does": "do", "match": "matches"}


def counted(count: int, one: str, many: str | None = None) -> str:
    """`count` followed by `one` when it is 1, else by `many` (default: `one` + "s", or the
    irregular plural this module knows, as "person" -> "people").

    Only the first word is made plural: counted(2, "meeting updated") is "2 meetings updated".
    """
    if count == 1:
        return f"1 {one}"
    if many is None:
        first, _, rest = one.partition(" ")
        many = _IRREGULAR.get(first, first + "s") + (f" {rest}" if rest else "")
    return f"{count} {many}"
