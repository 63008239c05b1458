"""Rows of text grouped by a key, packed: for look-up tables of tens of thousands of words.

A `dict` of word -> small dict of tuples of strings (a word's parts of speech and lemmas, a
verb's forms) takes about 500 bytes a word, 40 MB for lemminflect's 70,000 words, kept for the
app's whole life. `PackedRows` keeps each word's source rows as UTF-8 bytes (about 30 bytes
a row) and a `WordCounts` hash table of the keys, and the caller turns a key's few rows into
its answer when it is asked for (and caches the answers it needs).
"""

from __future__ import annotations

from array import array

from followup.core.word_counts import WordCounts

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
            rows.append(self._text[start:self._ends[row]].decode("utf-8"))
            row = self._next[row]
        return rows
