"""Rows of text grouped by a key, packed: for look-up tables of tens of thousands of words.

A `dict` of word -> small dict of tuples of strings (a word's parts of speech and lemmas, a
verb's forms) takes about 500 bytes a word, 40 MB for lemminflect's 70,000 words, kept for the
app's whole life. `PackedRows` keeps each word's source rows as UTF-8 bytes (about 30 bytes
a row) and a `WordCounts` hash table of the keys, and the caller turns a key's few rows into
its answer when it is asked for (and caches the answers it needs). Like `WordCounts`, its
arrays can be written to a file and mapped back (`sections`, `from_sections`).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from followup.core.word_counts import (
    Lanes,
    WordCounts,
    check_pieces,
    count_at_least,
    lanes_of,
    section_reader,
    typecode_of,
)

_NONE = 0xFFFFFFFF


class PackedRows:
    """`rows.add(key, row)`; `rows.get(key)` -> the key's rows, in the order they were added
    ([] for an unknown key). Keys and rows are any text. Safe to read from many threads once
    built; not to build from two at once."""

    def __init__(self, expected_keys: int = 0):
        self._keys = WordCounts(expected_keys)
        self._first = array("I")  # key number -> its first row
        self._last = array("I")  # key number -> its last row
        self._text = bytearray()  # every row's UTF-8, back to back
        self._ends = array("I")  # row number -> where it ends in _text
        self._next = array("I")  # row number -> the same key's next row, or _NONE

    @classmethod
    def from_sections(cls, sections, meta: dict, prefix: str = "",
                      read: Callable | None = None) -> PackedRows:
        """Read-only rows over `sections(prefix)`'s arrays as mapped back from a file, their
        values checked through `read` as `WordCounts.from_sections` checks its own. Raises
        ValueError for sections that do not fit together: a key's first row or a next row
        past the last row, or a next row that does not come later (a loop in `get`)."""
        rows = cls.__new__(cls)
        read = read or section_reader(sections)
        rows._keys = WordCounts.from_sections(sections, meta, prefix + "keys.", read)
        try:
            rows._first, rows._last = sections[prefix + "first"], sections[prefix + "last"]
            rows._text, rows._ends = sections[prefix + "text"], sections[prefix + "ends"]
            rows._next = sections[prefix + "next"]
        except KeyError as exc:
            raise ValueError(f"the packed rows have no {exc}") from None
        count = len(rows._ends)
        if (any(typecode_of(rows.__dict__[name]) != "I"
                for name in ("_first", "_last", "_ends", "_next"))
                or typecode_of(rows._text) != "B" or count >= Lanes.BELOW
                or len(rows._first) != len(rows._keys) or len(rows._last) != len(rows._keys)
                or len(rows._next) != count
                or (rows._ends[-1] if count else 0) != len(rows._text)):
            raise ValueError("the packed rows' sections do not fit together")
        _check_chains(read(prefix + "first"), read(prefix + "last"), read(prefix + "next"),
                      count)
        check_pieces(read(prefix + "text"), read(prefix + "ends"), "packed rows")
        return rows

    def sections(self, prefix: str = "") -> tuple[dict, dict]:
        """(name -> array or bytes, meta of small JSON values) for `from_sections`."""
        sections, meta = self._keys.sections(prefix + "keys.")
        sections.update({prefix + "first": self._first, prefix + "last": self._last,
                         prefix + "text": bytes(self._text), prefix + "ends": self._ends,
                         prefix + "next": self._next})
        return sections, meta

    def __len__(self) -> int:
        """How many keys."""
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add(self, key: str, row: str) -> None:
        row_number = len(self._ends)
        self._text += row.encode("utf-8")
        self._ends.append(len(self._text))
        self._next.append(_NONE)
        number = self._keys.number(key)
        if number < 0:
            self._keys.add(key, 0)
            self._first.append(row_number)
            self._last.append(row_number)
        else:
            self._next[self._last[number]] = row_number
            self._last[number] = row_number

    def get(self, key: str) -> list[str]:
        number = self._keys.number(key)
        if number < 0:
            return []
        rows, row = [], self._first[number]
        while row != _NONE:
            start = self._ends[row - 1] if row else 0
            rows.append(str(self._text[start:self._ends[row]], "utf-8"))
            row = self._next[row]
        return rows


def _check_chains(first, last, following, count: int) -> None:
    """ValueError unless every key's first and last row is a row, and every row's next row is
    a later row or none: then each key's chain of rows ends (`get` cannot loop) and every row
    it reaches can be read. One chain ends per key: as many rows have no next row."""
    keys = len(first)
    if keys and (count_at_least(first, count) or count_at_least(last, count)):
        raise ValueError("the packed rows name a key's row past the last")
    ends_here = past_last = 0
    for start, lanes in lanes_of(following):
        if not lanes.above_their_places(start + 1):
            raise ValueError("the packed rows' chains go back")
        past_last += lanes.count_at_least(count)
        ends_here += lanes.count_equal(_NONE)
    if past_last != keys or ends_here != keys:
        raise ValueError("the packed rows' chains name rows past the last")
