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
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import compress
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
    def from_sections(cls, sections, meta: dict, prefix: str = "",
                      read: Callable | None = None) -> WordCounts:
        """A read-only table over `sections(prefix)`'s arrays as mapped back from a file
        (memoryviews), with `meta` as `sections` gave it. `read(key)` gives a private copy of
        a section (`core/table_files.py` reads it from the file), so that checking every value
        does not bring the whole mapping into memory; by default the sections themselves.

        Raises ValueError for sections that do not fit together: a table file is checked by
        its CRC-32, and this checks its meaning, so that a file that passes its CRC but lies
        (an index past the last word, ends that go back, a word cut inside a character, letters
        or a longest word that are not the words') is refused rather than answering wrong,
        raising IndexError or looping for ever in a look-up.
        """
        counts = cls.__new__(cls)
        try:
            counts._tags, counts._index = sections[prefix + "tags"], sections[prefix + "index"]
            counts._text, counts._ends = sections[prefix + "text"], sections[prefix + "ends"]
            counts._counts = sections[prefix + "counts"]
            letters, longest = meta[prefix + "letters"], meta[prefix + "longest"]
        except KeyError as exc:
            raise ValueError(f"the word table has no {exc}") from None
        counts._mask = len(counts._tags) - 1
        counts._read_only = True
        read = read or section_reader(sections)
        if not (typecode_of(counts._tags) == typecode_of(counts._index) == typecode_of(counts._ends)
                == "I" and typecode_of(counts._text) == "B"
                and typecode_of(counts._counts) in ("I", "Q")):
            raise ValueError("the word table's sections are not of their types")
        words = len(counts._ends)
        if (not len(counts._tags) or len(counts._tags) & counts._mask
                or len(counts._tags) > Lanes.BELOW
                or len(counts._index) != len(counts._tags) or words >= len(counts._tags)
                or len(counts._counts) != words
                or (counts._ends[-1] if words else 0) != len(counts._text)):
            raise ValueError("the word table's sections do not fit together")
        _check_slots(read(prefix + "tags"), read(prefix + "index"), words)
        text = read(prefix + "text")
        ends = read(prefix + "ends")
        check_pieces(text, ends, "word table")
        if not (isinstance(letters, str) and _is_longest(longest, text, ends)
                and _letters_of(text) == frozenset(letters)):
            raise ValueError("the word table's letters or longest word are not its words'")
        counts._letters, counts.longest = frozenset(letters), longest
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


def section_reader(sections) -> Callable:
    """A `read` over the sections themselves (arrays, bytes, or memoryviews: text as bytes)."""
    def read(key: str):
        section = sections[key]
        return bytes(section) if typecode_of(section) == "B" else section

    return read


def typecode_of(section) -> str:
    """The array typecode of a section: an array's own, a memoryview's format, "B" for bytes."""
    if isinstance(section, array):
        return section.typecode
    return section.format if isinstance(section, memoryview) else "B"


# Numbers checked at a time: each check's big numbers then stay near 64 KB, where a whole
# section at once (a million bytes) held several MB for a moment, and the running app's peak
# memory with them.
_CHUNK_NUMBERS = 1 << 14


def lanes_of(numbers, overlap: int = 0):
    """(start, Lanes) over `numbers` a chunk at a time; with `overlap`, each chunk after the
    first also holds the `overlap` numbers before it (its start is theirs)."""
    for start in range(0, len(numbers), _CHUNK_NUMBERS):
        begin = max(0, start - overlap)
        yield begin, Lanes(numbers[begin:start + _CHUNK_NUMBERS])


def count_at_least(numbers, bound: int) -> int:
    """How many of `numbers` are at least `bound` (0 to 2**31)."""
    return sum(lanes.count_at_least(bound) for _start, lanes in lanes_of(numbers))


def _check_slots(tags, index, words: int) -> None:
    """ValueError unless `words` slots are taken and every other one empty (a look-up for an
    absent word stops at an empty slot) and every index names a word."""
    taken = count_at_least(tags, 1)
    if taken != words:
        raise ValueError(f"the word table has {taken} slots taken for {words} words")
    if words and count_at_least(index, words):
        raise ValueError("the word table's index names words past its last")


def check_pieces(text, ends, what: str = "table") -> None:
    """ValueError unless `ends` (where each piece of `text` ends) never go back, the last is
    the text's end, and `text` is UTF-8 cut only between characters: the checks that let
    every piece be decoded (a word, a row)."""
    if len(ends) and (ends[-1] != len(text) or len(text) >= Lanes.BELOW
                      or any(lanes.falls() for _start, lanes in lanes_of(ends, overlap=1))):
        raise ValueError(f"the {what}'s pieces do not follow one another")
    if not _is_utf8(text):
        raise ValueError(f"the {what}'s text is not UTF-8")
    if not text.isascii() and _cuts_a_character(text, ends):
        raise ValueError(f"the {what}'s pieces are cut inside a character")


def _is_utf8(text) -> bool:
    """Whether bytes `text` are UTF-8, decoded a piece at a time (never as one str)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    piece = 4 * _CHUNK_NUMBERS
    try:
        for start in range(0, len(text), piece):
            decoder.decode(text[start:start + piece])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _cuts_a_character(text, ends) -> bool:
    """Whether a piece starts on a byte that continues a character (10xxxxxx). Those bytes
    are few (a dictionary's non-ASCII letters), so each is found with `find` and looked up
    in `ends`, rather than each end's byte looked at."""
    marks = bytes(text).translate(_CONTINUATIONS)
    at = marks.find(1)
    while at >= 0:
        place = bisect_left(ends, at)
        if place < len(ends) and ends[place] == at:
            return True
        at = marks.find(1, at + 1)
    return False


class Lanes:
    """An array of unsigned 32-bit numbers read as one Python int, a number to each 32-bit
    lane, so that a check of every number is a few big-number sums and masks, in C: about
    3 ms for 262,144 numbers, where even `max()` over them takes 6. Comparisons work on the
    low 31 bits (a sum there never carries into the next lane) and bit 31 gives the answer."""

    BELOW = 1 << 31  # numbers compared must be below this

    def __init__(self, numbers):
        raw = bytes(numbers)
        self.size = len(raw) // 4
        self.value = int.from_bytes(raw, "little")
        self.ones = int.from_bytes(b"\x01\x00\x00\x00" * self.size, "little")
        self.top = self.ones << 31

    def at_least(self, bound: int) -> int:
        """Bit 31 of each lane set where the number is at least `bound` (0 to 2**31)."""
        high = self.value & self.top  # numbers from 2**31 are at least any bound
        return (((self.value ^ high) + (self.BELOW - bound) * self.ones) & self.top) | high

    def count_at_least(self, bound: int) -> int:
        return self.at_least(bound).bit_count()

    def above_their_places(self, first: int = 1) -> bool:
        """Whether each number is above its place (the first above `first` - 1, the next above
        `first`...): `first` is 1 for a whole array, one more than a chunk's start for a chunk."""
        places = Lanes(array("I", range(first, first + self.size)))
        high = self.value & self.top
        low = self.value ^ high
        return (((low + self.top - places.value) & self.top) | high) == self.top

    def falls(self) -> bool:
        """Whether any number is below the one before it, or is 2**31 or more (past what the
        lanes compare: taken as a fall, never as an order they cannot tell)."""
        if self.value & self.top:
            return True
        if self.size < 2:
            return False
        lanes = 32 * (self.size - 1)
        later, earlier = self.value >> 32, self.value & ((1 << lanes) - 1)
        top = self.top >> 32
        return ((later + top - earlier) & top) != top

    def count_equal(self, number: int) -> int:
        return self.size - self._like(self.value ^ number * self.ones).count_at_least(1)

    def differences(self) -> Lanes:
        """Each number less the one before it (the first less 0), for numbers that never fall."""
        return self._like(self.value - ((self.value << 32) & ((1 << (32 * self.size)) - 1)))

    def _like(self, value: int) -> Lanes:
        lanes = Lanes(b"")
        lanes.size, lanes.ones, lanes.top, lanes.value = self.size, self.ones, self.top, value
        return lanes

    def flags(self, marked: int) -> bytes:
        """One byte a lane, not 0 where `marked` (from `at_least`) has its bit 31 set."""
        return marked.to_bytes(4 * self.size, "little")[3::4]


_CONTINUATIONS = bytes(0x80) + b"\x01" * 0x40 + bytes(0x40)  # 1 for each 10xxxxxx byte
_ASCII = bytes(range(0x80))


def _letters_of(text) -> frozenset[str]:
    """Every character of UTF-8 `text`, found without a set of its million characters: the
    ASCII ones by which bytes occur, the others from what is left once ASCII is removed."""
    absent = bytes(range(128)).translate(None, bytes(text))
    return (frozenset(map(chr, _ASCII.translate(None, absent)))
            | frozenset(str(bytes(text).translate(None, _ASCII), "utf-8")))


def _is_longest(longest, text, ends) -> bool:
    """Whether `longest` is the length, in characters, of the longest piece of `text` (whose
    `ends` never fall). Only pieces of at least that many bytes can be that long (a character
    takes 1 to 4 bytes), so only those few are decoded."""
    if not isinstance(longest, int) or isinstance(longest, bool) or longest < 0:
        return False
    if not len(ends):
        return longest == 0
    if longest >= Lanes.BELOW:
        return False
    found = -1
    for start, lanes in lanes_of(ends, overlap=1):
        sizes = lanes.differences()  # a chunk's first is its own end, less 0, when start > 0
        flags = sizes.flags(sizes.at_least(longest))
        places = range(start, start + lanes.size)
        if start:
            flags, places = flags[1:], places[1:]
        for n in compress(places, flags):
            found = max(found, len(str(text[ends[n - 1] if n else 0:ends[n]], "utf-8")))
    return found == longest
