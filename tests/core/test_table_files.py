"""Word tables mapped from cache files: the same answers as built in memory, built once, and
rebuilt (never trusted, never a crash) when the file is stale, damaged, truncated or cannot
be written."""

from __future__ import annotations

import json
import logging
import struct
import subprocess
import sys
import textwrap
import zlib
from array import array
from pathlib import Path

import pytest

from followup.core import spelling, word_forms
from followup.core.packed_rows import PackedRows
from followup.core.table_files import FORMAT, MAGIC, load_tables, map_tables, write_tables
from followup.core.word_counts import WordCounts

# Words from many scripts, with counts past 2**32 (the counts widen to 64 bits).
WORDS = [("zoë", 3), ("łukasz", 1), ("面试", 7), ("ñandú", 2), ("o'brien", 5), ("a", 2**33),
         ("straße", 4), ("ålesund", 1), ("", 9)]


def small_table() -> WordCounts:
    counts = WordCounts()
    counts.update(WORDS)
    counts.update([(f"word{n}", n) for n in range(3000)])  # grows the table past its first size
    return counts


class Builds:
    """A build function that counts its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return small_table().sections("w.")


def mapped(folder: Path, source: str = "v1", build=None) -> WordCounts:
    return load_tables("test", source, build or Builds(), open_words, folder)


def open_words(sections, meta, read) -> WordCounts:
    return WordCounts.from_sections(sections, meta, "w.", read)


def test_a_mapped_table_answers_as_the_table_it_was_built_from(tmp_path):
    built, table = small_table(), mapped(tmp_path)
    assert isinstance(table._tags, memoryview)  # really mapped, not the built arrays
    assert len(table) == len(built)
    assert list(table.items()) == list(built.items())
    for word, count in [*WORDS, ("word2999", 2999), ("absent", 0), ("Zoë", 0), ("zoe", 0)]:
        assert table[word] == built[word] == count
        assert (word in table) == (count > 0 or word == "")
        assert table.number(word) == built.number(word)
    assert table.known(["zoë", "面试", "nope", "word7"]) == {"zoë", "面试", "word7"}
    assert table.letters == built.letters and table.longest == built.longest


def test_a_mapped_table_is_read_only(tmp_path):
    table = mapped(tmp_path)
    with pytest.raises(TypeError, match="read-only"):
        table.add("new")
    assert "new" not in table


def test_packed_rows_answer_the_same_mapped(tmp_path):
    rows = PackedRows()
    for key, row in [("run", "verb,run/ran"), ("run", "noun,run"), ("zoë", "propn,zoë"),
                     ("面试", "noun,面试"), ("run", "=VB,run")]:
        rows.add(key, row)
    again = load_tables("rows", "v1", lambda: rows.sections("r."),
                        lambda sections, meta, read: PackedRows.from_sections(
                            sections, meta, "r.", read), tmp_path)
    assert isinstance(again._next, memoryview)
    for key in ("run", "zoë", "面试", "walk"):
        assert again.get(key) == rows.get(key)
    assert len(again) == 3 and "run" in again and "walk" not in again


def test_the_table_is_built_once_then_mapped(tmp_path):
    builds = Builds()
    mapped(tmp_path, build=builds)
    first = (tmp_path / "test.tables").stat()
    for _ in range(3):
        assert mapped(tmp_path, build=builds)["zoë"] == 3
    assert builds.calls == 1
    assert (tmp_path / "test.tables").stat().st_mtime_ns == first.st_mtime_ns


def test_new_source_data_rebuilds_the_table(tmp_path):
    builds = Builds()
    mapped(tmp_path, "v1", builds)
    mapped(tmp_path, "v2", builds)
    assert builds.calls == 2
    mapped(tmp_path, "v2", builds)
    assert builds.calls == 2


def _damage_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _garbage_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(MAGIC) + 12] + b"\xff" * 50 + data[len(MAGIC) + 62:])


def _other_file(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(5000))


def _wrong_shape(path: Path) -> None:
    rewrite_header(path, lambda header: header["sections"][0].__setitem__(2, "zero"))


def rewrite_header(path: Path, change) -> None:
    """Let `change` alter the header of the table file at `path` and write the file back with
    the header's length and CRC-32 made to match: a file that passes its CRC but lies."""
    data = path.read_bytes()
    lead = len(MAGIC) + 12
    _form, length, _crc = struct.unpack("<III", data[len(MAGIC):lead])
    header = json.loads(data[lead:lead + length])
    change(header)
    text = json.dumps(header).encode()
    path.write_bytes(data[:len(MAGIC)] + struct.pack("<III", FORMAT, len(text), zlib.crc32(text))
                     + text + bytes(-(lead + len(text)) % 16)
                     + data[lead + length + (-(lead + length) % 16):])


@pytest.mark.parametrize("damage", [_damage_last_byte, _truncate, _garbage_header, _other_file,
                                    _wrong_shape, lambda path: path.write_bytes(b"")])
def test_a_damaged_file_is_rebuilt_not_trusted(tmp_path, damage, caplog):
    builds = Builds()
    mapped(tmp_path, build=builds)
    damage(tmp_path / "test.tables")
    with caplog.at_level(logging.INFO, logger="followup.core.table_files"):
        table = mapped(tmp_path, build=builds)
    assert builds.calls == 2
    assert table["面试"] == 7 and table["word2999"] == 2999
    assert "rebuilding the test tables" in caplog.text
    assert mapped(tmp_path, build=builds)["zoë"] == 3 and builds.calls == 2  # the file is good


def test_sections_that_do_not_fit_together_are_refused(tmp_path):
    sections, meta = small_table().sections("w.")
    sections["w.ends"] = sections["w.ends"][:-1]  # one word fewer than the counts
    write_tables(tmp_path / "test.tables", "v1", sections, meta)  # the CRC matches...
    with pytest.raises(ValueError, match="do not fit"):  # ...but the table is refused
        map_tables(tmp_path / "test.tables", "v1", open_words)


def test_an_unwritable_cache_folder_keeps_the_table_in_memory(tmp_path, caplog):
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the cache folder should be")
    builds = Builds()
    with caplog.at_level(logging.WARNING, logger="followup.core.table_files"):
        table = mapped(blocker / "tables", build=builds)
    assert table["zoë"] == 3 and isinstance(table._tags, array)
    assert "stay in memory" in caplog.text
    assert blocker.read_text() == "a file where the cache folder should be"


def test_a_full_disk_keeps_the_table_in_memory_and_leaves_no_file(tmp_path):
    """A real failed write: the process may write files of at most 64 KB (RLIMIT_FSIZE), as
    when the disk fills; the table file is 100 KB."""
    tmp_path = tmp_path / "cache"
    tmp_path.mkdir()
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path[:0] = {[str(Path(__file__).parent), *sys.path]!r}
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        from pathlib import Path
        from test_table_files import mapped
        table = mapped(Path({str(tmp_path)!r}))
        print(table["zoë"], table["word2999"], type(table._tags).__name__)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "2999", "array"]
    assert list(tmp_path.iterdir()) == []  # no table file, no temporary left behind


def test_the_spelling_dictionary_and_word_forms_come_from_their_files(tmp_path):
    tmp_path = tmp_path / "cache"
    english = spelling.load_english(tmp_path)
    assert isinstance(english.word_frequency._tags, memoryview)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["spelling-en.tables"]
    again = spelling.load_english(tmp_path)
    assert again.word_frequency["interview"] == english.word_frequency["interview"] > 0
    assert again.candidates("platfrom") == {"platform"}
    assert "kubernetes" in again  # a workplace word, in the file too
    lemmas, verbs = word_forms._tables.__wrapped__(tmp_path)
    assert isinstance(lemmas._next, memoryview)
    assert "walked" in lemmas and verbs.get("walk")
    assert (tmp_path / "word-forms.tables").stat().st_size > 1_000_000


def test_warming_up_drafting_builds_a_missing_file_and_leaves_an_existing_one(tmp_path):
    """At start-up the word forms' file is built if there is none (so the first draft does
    not wait for the build), but an existing file is left for the first draft to map: a window
    that never drafts holds none of it, and nothing checks it while the window opens."""
    from followup.core.table_files import table_path

    word_forms._tables.cache_clear()
    assert not table_path("word-forms").exists()
    word_forms.warm_up()
    built = table_path("word-forms").stat().st_mtime_ns
    assert word_forms._tables.cache_info().currsize == 1
    word_forms._tables.cache_clear()
    word_forms.warm_up()
    assert word_forms._tables.cache_info().currsize == 0  # nothing mapped, nothing rebuilt
    assert table_path("word-forms").stat().st_mtime_ns == built
    assert "walked" in word_forms._tables()[0]  # the first draft maps it
