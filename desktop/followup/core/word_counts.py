"""A compact map from words to counts, for a dictionary of a few hundred thousand words.

A Python `dict` of 160,000 English words with their counts takes about 13 MB (a string object
per word, an int object per count, the hash table), and building it from the packaged JSON
briefly takes 31 MB; the running app keeps it for its whole life. `WordCounts` keeps the same
answers in about 5 MB: the words' UTF-8 bytes back to back in one buffer, their counts and end
offsets in typed arrays, and an open-addressing hash table of array slots. A look-up
compares the word itself once its hash matches, so answers are exact, never probabilistic.
The same arrays can be written to a file and mapped back (`sections`, `from_sections`, with
`core/table_files.py`), so that a read-only table costs the process no memory of its own.
The slots come from the CRC-32 of the word's UTF-8, not from `hash()`: Python salts string
hashes per process, and a table placed by one process is read by the next.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from zlib import crc32

_MIN_SLOTS = 1 << 10
# Up to two words in three slots: 160,000 words fit 2**18 slots. A look-up for an absent word
# (most of those a correction search makes) then reads about four slots; at one in three, two.
_MAX_LOAD = 2 / 3


def _tag(hashed: int) -> int:
    """A word's tag: its CRC-32 made odd, so never 0 (0 marks an empty slot). The CRC's low
    bits pick the slot; the tag's other bits keep most other words of a cluster from being
    compared byte by byte."""
    return hashed | 1


class WordCounts:
    """Words with their counts: `counts[word]` (0 when absent, like a `Counter`), `word in
    counts`, `counts.add(word, n)`. Words are stored as given (callers fold case first); counts
    are whole numbers from 0 (OverflowError otherwise).

    Not safe to change from two threads at once; safe to read from many once built.
    """

    def __init__(self, expected: int = 0):
        """`expected`: about how many words will be added (a hint: the table grows if need be)."""
        slots = _MIN_SLOTS
        while slots * _MAX_LOAD < expected:
            slots *= 2
        self._mask = slots - 1
        self._tags = array("I", bytes(4 * slots))  # slot -> tag of the word there, 0 = empty
        self._index = array("I", bytes(4 * slots))  # slot -> the word's number
        self._text = bytearray()  # every word's UTF-8, back to back
        self._ends = array("I")  # word number -> where its bytes end in _text
        self._counts = array("I")  # word number -> its count (as "Q" once one passes 2**32-1)
        self._letters: frozenset[str] | None = frozenset()
        self.longest = 0  # the longest word's length, in characters
        self._read_only = False

    @classmethod
    def from_sections(cls, sections, meta: dict, prefix: str = "") -> WordCounts:
        """A read-only table over `sections(prefix)`'s arrays as mapped back from a file
        (memoryviews), with `meta` as `sections` gave it. Raises ValueError for sections that
        do not fit together (a table file is checked by its CRC-32, but not its meaning)."""
        counts = cls.__new__(cls)
        counts._tags, counts._index = sections[prefix + "tags"], sections[prefix + "index"]
        counts._text, counts._ends = sections[prefix + "text"], sections[prefix + "ends"]
        counts._counts = sections[prefix + "counts"]
        counts._mask = len(counts._tags) - 1
        counts._letters = frozenset(meta[prefix + "letters"])
        counts.longest = meta[prefix + "longest"]
        counts._read_only = True
        if (not len(counts._tags) or len(counts._tags) & counts._mask
                or len(counts._index) != len(counts._tags)
                or len(counts._counts) != len(counts._ends)
                or (len(counts._ends) and counts._ends[-1] != len(counts._text))):
            raise ValueError("the word table's sections do not fit together")
        return counts

    def sections(self, prefix: str = "") -> tuple[dict, dict]:
        """(name -> array or bytes, meta of small JSON values) for `from_sections`."""
        return ({prefix + "tags": self._tags, prefix + "index": self._index,
                 prefix + "text": bytes(self._text), prefix + "ends": self._ends,
                 prefix + "counts": self._counts},
                {prefix + "letters": "".join(sorted(self.letters)),
                 prefix + "longest": self.longest})

    def __len__(self) -> int:
        return len(self._ends)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __getitem__(self, word: str) -> int:
        number = self._find(word)
        return self._counts[number] if number >= 0 else 0

    def add(self, word: str, count: int = 1) -> None:
        """Add `count` to `word`'s count, adding the word if it is new."""
        self.update([(word, count)])

    def update(self, pairs: Iterable[tuple[str, int]]) -> None:
        """`add` each (word, count) of `pairs`: one loop, for hundreds of thousands of words.
        Raises TypeError on a table mapped from a file (`from_sections`): it is read-only."""
        if self._read_only:
            raise TypeError("this word table is mapped from a file: it is read-only")
        tags, index, mask, ends, text = self._tags, self._index, self._mask, self._ends, self._text
        counts, longest, number = self._counts, self.longest, len(self._ends)
        room = int((mask + 1) * _MAX_LOAD)
        for word, count in pairs:
            encoded = word.encode("utf-8")
            hashed = crc32(encoded)
            slot, tag = hashed & mask, hashed | 1
            while held := tags[slot]:
                if held == tag:
                    found = index[slot]
                    if text[ends[found - 1] if found else 0:ends[found]] == encoded:
                        try:
                            counts[found] += count
                        except OverflowError:
                            counts = self._widen()
                            counts[found] += count
                        break
                slot = (slot + 1) & mask
            else:
                if number >= room:
                    self._grow()
                    tags, index, mask = self._tags, self._index, self._mask
                    room = int((mask + 1) * _MAX_LOAD)
                    slot = hashed & mask
                    while tags[slot]:
                        slot = (slot + 1) & mask
                try:  # first: a count that fails leaves nothing half-added
                    counts.append(count)
                except OverflowError:
                    counts = self._widen()
                    counts.append(count)
                tags[slot] = tag
                index[slot] = number
                number += 1
                text += encoded
                ends.append(len(text))
                if len(word) > longest:
                    longest = len(word)
        self.longest = longest
        self._letters = None

    @property
    def letters(self) -> frozenset[str]:
        """Every character of every word."""
        if self._letters is None:
            self._letters = frozenset(str(self._text, "utf-8"))
        return self._letters

    def known(self, words: Iterable[str]) -> set[str]:
        """The words of `words` that are in the map (one pass, for thousands of candidates)."""
        tags, index, mask, ends, text = self._tags, self._index, self._mask, self._ends, self._text
        found = set()
        for word in words:
            encoded = word.encode("utf-8")
            hashed = crc32(encoded)
            slot, tag = hashed & mask, hashed | 1
            while (held := tags[slot]) != 0:
                if held == tag:
                    number = index[slot]
                    start = ends[number - 1] if number else 0
                    if text[start:ends[number]] == encoded:
                        found.add(word)
                        break
                slot = (slot + 1) & mask
        return found

    def number(self, word: str) -> int:
        """The word's number (0 for the first word added, 1 for the next...), or -1."""
        return self._find(word)

    def words(self):
        """Every word, in the order added."""
        start = 0
        for end in self._ends:
            yield str(self._text[start:end], "utf-8")
            start = end

    def items(self):
        """(word, count) of every word, in the order added."""
        return zip(self.words(), self._counts, strict=True)

    def _find(self, word: str) -> int:
        """The word's number, or -1."""
        encoded = word.encode("utf-8")
        hashed = crc32(encoded)
        mask = self._mask
        slot, tag = hashed & mask, _tag(hashed)
        tags = self._tags
        while (held := tags[slot]) != 0:
            if held == tag:
                number = self._index[slot]
                start = self._ends[number - 1] if number else 0
                if self._text[start:self._ends[number]] == encoded:
                    return number
            slot = (slot + 1) & mask
        return -1

    def _place(self, hashed: int, number: int) -> None:
        mask, tags = self._mask, self._tags
        slot = hashed & mask
        while tags[slot] != 0:
            slot = (slot + 1) & mask
        tags[slot] = _tag(hashed)
        self._index[slot] = number

    def _widen(self) -> array:
        """The counts as 64-bit numbers, for a count past 2**32 - 1 (a negative one still fails)."""
        self._counts = array("Q", self._counts)
        return self._counts

    def _grow(self) -> None:
        slots = 2 * (self._mask + 1)
        self._mask = slots - 1
        self._tags = array("I", bytes(4 * slots))
        self._index = array("I", bytes(4 * slots))
        text, start = self._text, 0
        for number, end in enumerate(self._ends):
            self._place(crc32(text[start:end]), number)
            start = end
