"""Real faults in the word tables' cache files: other processes, other hash seeds, files that
pass their CRC-32 but lie about their layout, folders that cannot hold the files. Each must end
in the right answers, from the file or from a rebuild in memory, never in a crash or a hang."""

from __future__ import annotations

import json
import logging
import os
import struct
import subprocess
import sys
import textwrap
import threading
import zlib
from array import array
from pathlib import Path

import pytest

from followup.core.packed_rows import PackedRows
from followup.core.table_files import FORMAT, MAGIC, load_tables, write_tables
from followup.core.word_counts import WordCounts
from tests.core.test_table_files import Builds, mapped, rewrite_header, small_table

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")


def run_python(code: str, env: dict | None = None, timeout: float = 120) -> str:
    """Run `code` in a new Python process (its own hash seed, unless `env` sets one); its
    stdout. Fails the test on a non-zero exit."""
    environment = {**os.environ, "PYTHONPATH": DESKTOP, **(env or {})}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=timeout, env=environment)
    assert done.returncode == 0, done.stderr
    return done.stdout


SPELLING_ANSWERS = """
    from pathlib import Path
    from followup.core import spelling
    english = spelling.load_english(Path({folder!r}))
    print(type(english.word_frequency._tags).__name__, "interview" in english,
          english["the"] > 0, sorted(english.candidates("platfrom") or ()),
          spelling.misspellings("I had a great interview with the tem today"))
"""


def test_a_table_built_by_one_process_answers_the_same_in_another(tmp_path):
    """Python salts str hashes per process: a table placed by one process's hash() would
    answer "absent" for every word in the next."""
    code = SPELLING_ANSWERS.format(folder=str(tmp_path))
    built = run_python(code, {"PYTHONHASHSEED": "1"})
    again = run_python(code, {"PYTHONHASHSEED": "2"})
    assert built.split(" ", 1)[1] == again.split(" ", 1)[1]
    assert again.startswith("memoryview True True ['platform'] [(")
    assert "'tem'" in again and "'interview'" not in again


# --- Files that pass their CRC-32 but lie -------------------------------------------------

def lying_file(folder: Path, change_sections=None, change_header=None) -> Path:
    """A table file of the small test table, written by `write_tables` (so every CRC-32
    matches) after `change_sections(sections, meta)` altered its arrays, then with its header
    altered by `change_header(header)` (the header's CRC-32 made to match again)."""
    sections, meta = small_table().sections("w.")
    sections = {key: array(value.typecode, value) if isinstance(value, array) else value
                for key, value in sections.items()}
    if change_sections:
        change_sections(sections, meta)
    path = folder / "test.tables"
    write_tables(path, "v1", sections, meta)
    if change_header:
        rewrite_header(path, change_header)
    return path


def section(header: dict, key: str) -> list:
    return next(entry for entry in header["sections"] if entry[0] == key)


def _occupied_slot(sections) -> int:
    return next(slot for slot, tag in enumerate(sections["w.tags"]) if tag)


HEADER_LIES = {
    "offset past the end": lambda h: section(h, "w.counts").__setitem__(2, h["body_length"]),
    "length past the end": lambda h: section(h, "w.text").__setitem__(3, h["body_length"]),
    "overlapping sections": lambda h: section(h, "w.index").__setitem__(
        2, section(h, "w.tags")[2]),
    "length not whole items": lambda h: section(h, "w.ends").__setitem__(
        3, section(h, "w.ends")[3] - 2),
    "tags not a power of two": lambda h: section(h, "w.tags").__setitem__(
        3, section(h, "w.tags")[3] - 4),
    "a section twice": lambda h: h["sections"].append(list(section(h, "w.ends"))),
    "a section missing": lambda h: h["sections"].remove(section(h, "w.counts")),
    "a section of another type": lambda h: section(h, "w.tags").__setitem__(1, "B"),
    "negative offset": lambda h: section(h, "w.tags").__setitem__(2, -16),
    "offset true": lambda h: section(h, "w.tags").__setitem__(2, True),
    "longest word too short": lambda h: h["meta"].__setitem__("w.longest", 3),
    "longest word too long": lambda h: h["meta"].__setitem__("w.longest", 99),
    "longest word not a number": lambda h: h["meta"].__setitem__("w.longest", "8"),
    "letters missing one": lambda h: h["meta"].__setitem__(
        "w.letters", h["meta"]["w.letters"].replace("ë", "")),
    "letters one too many": lambda h: h["meta"].__setitem__(
        "w.letters", h["meta"]["w.letters"] + "ж"),
    "letters not text": lambda h: h["meta"].__setitem__("w.letters", 12),
    "meta missing": lambda h: h["meta"].pop("w.longest"),
    "body length short": lambda h: h.__setitem__("body_length", h["body_length"] - 16),
}


def _index_past_the_words(sections, meta):
    sections["w.index"][_occupied_slot(sections)] = len(sections["w.ends"]) + 5


def _no_empty_slot(sections, meta):
    tags = sections["w.tags"]
    for slot, tag in enumerate(tags):
        if not tag:
            tags[slot] = 7


def _ends_fall(sections, meta):
    ends = sections["w.ends"]
    ends[10], ends[11] = ends[11], ends[10]


def _word_cut_inside_a_character(sections, meta):
    ends = sections["w.ends"]
    ends[0] -= 1  # "zoë" ends inside its ë; the next word starts with ë's second byte


def _text_not_utf8(sections, meta):
    text = bytearray(sections["w.text"])
    text[0] = 0xFF
    sections["w.text"] = bytes(text)


def _last_end_short(sections, meta):
    sections["w.ends"][-1] -= 1


def _an_end_past_the_text(sections, meta):
    sections["w.ends"][5] = 0xFFFFFFF0  # past what 31-bit lanes compare, then back


def _a_tag_past_31_bits_in_every_slot(sections, meta):
    tags = sections["w.tags"]
    for slot, tag in enumerate(tags):
        tags[slot] = tag or 0x80000000  # no empty slot left, each empty one looks taken


BODY_LIES = {"index past the words": _index_past_the_words, "no empty slot": _no_empty_slot,
             "ends fall": _ends_fall, "a word cut inside a character": _word_cut_inside_a_character,
             "text not UTF-8": _text_not_utf8, "last end short of the text": _last_end_short,
             "an end past the text": _an_end_past_the_text,
             "empty slots past 31 bits": _a_tag_past_31_bits_in_every_slot}


def answers_in_time(table: WordCounts, seconds: float = 20) -> dict:
    """The table's answers to a few words, present and absent, from a thread given `seconds`:
    a table with no empty slot would loop for ever on an absent word."""
    found = {}

    def ask():
        found.update({word: table[word] for word in ["zoë", "面试", "word2999", "absent", ""]})
        found["words"] = list(table.words())[:3]

    worker = threading.Thread(target=ask, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "a look-up never ended"
    return found


RIGHT = {"zoë": 3, "面试": 7, "word2999": 2999, "absent": 0, "": 9,
         "words": ["zoë", "łukasz", "面试"]}


LIES = {**{("header", name): {"change_header": change} for name, change in HEADER_LIES.items()},
        **{("body", name): {"change_sections": change} for name, change in BODY_LIES.items()}}


@pytest.mark.parametrize("lie", sorted(LIES), ids="-".join)
def test_a_file_that_lies_is_refused_and_the_table_rebuilt(tmp_path, lie, caplog):
    """A header or a body that passes its CRC but lies about the table."""
    lying_file(tmp_path, **LIES[lie])
    builds = Builds()
    with caplog.at_level(logging.INFO, logger="followup.core.table_files"):
        table = mapped(tmp_path, build=builds)
    assert builds.calls == 1, "the lying file was trusted"
    assert "rebuilding the test tables" in caplog.text
    assert answers_in_time(table) == RIGHT
    assert isinstance(table._tags, memoryview)  # the rebuilt file is mapped


def test_a_header_nested_past_the_parsers_depth_is_refused(tmp_path):
    text = b"[" * 200_000 + b"]" * 200_000
    path = tmp_path / "test.tables"
    path.write_bytes(MAGIC + struct.pack("<III", FORMAT, len(text), zlib.crc32(text)) + text)
    builds = Builds()
    assert answers_in_time(mapped(tmp_path, build=builds)) == RIGHT
    assert builds.calls == 1


def test_a_file_of_the_older_format_is_rebuilt(tmp_path, caplog):
    """Format 1 had no format number nor header CRC in its lead, and placed words by hash()."""
    header = json.dumps({"format": 1, "source": "v1", "sections": [], "meta": {},
                         "body_length": 0, "body_crc": 0}).encode()
    (tmp_path / "test.tables").write_bytes(MAGIC + struct.pack("<I", len(header)) + header)
    builds = Builds()
    with caplog.at_level(logging.INFO, logger="followup.core.table_files"):
        assert answers_in_time(mapped(tmp_path, build=builds)) == RIGHT
    assert builds.calls == 1 and "another version" in caplog.text


def test_any_byte_changed_anywhere_is_caught(tmp_path):
    """One byte changed by one bit (a digit of the header becomes the next digit: still JSON)
    at positions over the whole file: lead, header, padding, every section."""
    path = lying_file(tmp_path)
    good = path.read_bytes()
    positions = sorted({*range(0, 400), *range(400, len(good), 331), len(good) - 1})
    for position in positions:
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        builds = Builds()
        assert answers_in_time(mapped(tmp_path, build=builds)) == RIGHT, position
        assert builds.calls == 1, f"a change at byte {position} went unseen"


def small_rows() -> PackedRows:
    rows = PackedRows()
    for n in range(400):
        rows.add(f"key{n % 150}", f"row {n}, ë{n}")
    return rows


def _rows_loop(sections, meta):
    following = sections["r.next"]
    first = next(row for row, later in enumerate(following) if later != 0xFFFFFFFF)
    following[following[first]] = first  # the key's second row leads back to its first


def _rows_next_past_the_end(sections, meta):
    following = sections["r.next"]
    following[following.index(0xFFFFFFFF)] = len(following) + 3


def _rows_first_past_the_end(sections, meta):
    sections["r.first"][5] = len(sections["r.next"])


def _rows_chain_cut_short(sections, meta):
    following = sections["r.next"]
    following[next(row for row, later in enumerate(following) if later != 0xFFFFFFFF)] = \
        0xFFFFFFFF


ROWS_LIES = {"a chain that loops": _rows_loop, "a next row past the end": _rows_next_past_the_end,
             "a first row past the end": _rows_first_past_the_end,
             "a chain ended twice": _rows_chain_cut_short}


@pytest.mark.parametrize("lie", sorted(ROWS_LIES))
def test_packed_rows_that_lie_are_refused_and_rebuilt(tmp_path, lie):
    built = small_rows()
    sections, meta = built.sections("r.")
    sections = {key: array(value.typecode, value) if isinstance(value, array) else value
                for key, value in sections.items()}
    ROWS_LIES[lie](sections, meta)
    write_tables(tmp_path / "rows.tables", "v1", sections, meta)
    calls = []

    def build():
        calls.append(1)
        return built.sections("r.")

    def open_rows(sections, meta, read):
        return PackedRows.from_sections(sections, meta, "r.", read)

    rows = load_tables("rows", "v1", build, open_rows, tmp_path)
    found = {}
    worker = threading.Thread(target=lambda: found.update(
        {key: rows.get(key) for key in ("key0", "key5", "key149", "nokey")}), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "get() never ended"
    assert calls == [1], "the lying file was trusted"
    assert found == {key: built.get(key) for key in ("key0", "key5", "key149", "nokey")}
    assert found["key5"] == ["row 5, ë5", "row 155, ë155", "row 305, ë305"]


# --- Folders and files in the way, other processes -----------------------------------------

def test_a_fifo_in_the_files_place_neither_blocks_nor_stays(tmp_path):
    os.mkfifo(tmp_path / "test.tables")
    done = run_python(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        from pathlib import Path
        from tests.core.test_table_files import mapped
        table = mapped(Path({str(tmp_path)!r}))
        print(table["zoë"], type(table._tags).__name__)
    """, timeout=60)
    assert done.split() == ["3", "memoryview"]
    assert (tmp_path / "test.tables").is_file()  # the FIFO was replaced by the table file


def test_a_folder_in_the_files_place_keeps_the_table_in_memory(tmp_path, caplog):
    (tmp_path / "test.tables").mkdir()
    with caplog.at_level(logging.INFO, logger="followup.core.table_files"):
        table = mapped(tmp_path)
    assert answers_in_time(table) == RIGHT and isinstance(table._tags, array)
    assert "stay in memory" in caplog.text
    assert list((tmp_path / "test.tables").iterdir()) == []


def test_dangling_symlinks_as_the_folder_or_the_file(tmp_path):
    (tmp_path / "folder").symlink_to(tmp_path / "nowhere")
    table = mapped(tmp_path / "folder")
    assert answers_in_time(table) == RIGHT and isinstance(table._tags, array)
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "test.tables").symlink_to(tmp_path / "gone.tables")
    table = mapped(tmp_path)
    assert answers_in_time(table) == RIGHT and isinstance(table._tags, memoryview)
    assert (tmp_path / "test.tables").is_file() and not (tmp_path / "test.tables").is_symlink()


def test_a_cache_home_that_does_not_exist_yet_is_made(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not" / "yet"))
    table = load_tables("test", "v1", Builds(), lambda s, m, read: WordCounts.from_sections(
        s, m, "w.", read))
    assert answers_in_time(table) == RIGHT and isinstance(table._tags, memoryview)
    assert (tmp_path / "not/yet/followup/tables/test.tables").is_file()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="becoming a user with no password entry needs root")
def test_no_home_and_no_password_entry_keeps_the_tables_in_memory(tmp_path):
    """With HOME and XDG_CACHE_HOME unset and a user the password file does not know, the
    cache folder would be '~/.cache' relative to wherever the app started."""
    start = tmp_path / "start"
    start.mkdir(mode=0o777)
    start.chmod(0o777)
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("HOME", "XDG_CACHE_HOME")}
    environment["PYTHONPATH"] = DESKTOP
    code = f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        import platformdirs, followup.core.atomic_files
        from followup.core.table_files import load_tables
        from tests.core.test_table_files import Builds, open_words
        os.setgid(54321)
        os.setuid(54321)  # a user the password file does not know
        table = load_tables("test", "v1", Builds(), open_words)
        print(table["zoë"], type(table._tags).__name__)
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60, env=environment, cwd=start)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "array"]
    assert "stay in memory" in done.stderr
    assert list(start.iterdir()) == []  # no "~" folder left where it started


BUILD_FOREVER = """
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from followup.core.table_files import write_tables
    from followup.core.word_counts import WordCounts
    counts = WordCounts()
    counts.update((f"word{{n}}", n) for n in range(400_000))
    sections, meta = counts.sections("w.")
    print("writing", flush=True)
    while True:
        write_tables(Path({folder!r}) / "test.tables", "v1", sections, meta)
"""


def test_a_process_killed_while_writing_leaves_no_half_file(tmp_path):
    """SIGKILL at many moments of writing a 10 MB table file: the next start finds the whole
    file (and builds nothing) or none (and builds it), and leaves no temporary file."""
    import signal
    import time

    tmp_path = tmp_path / "cache"
    tmp_path.mkdir()
    for delay in (0.0, 0.05, 0.13, 0.31, 0.5):
        writer = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(BUILD_FOREVER.format(
                root=DESKTOP, folder=str(tmp_path)))], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline() == "writing\n"
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait(30)
        writer.stdout.close()
        was_whole = (tmp_path / "test.tables").exists()
        builds = BigBuilds()
        table = load_tables("test", "v1", builds,
                            lambda s, m, read: WordCounts.from_sections(s, m, "w.", read),
                            tmp_path)
        assert table["word399999"] == 399999 and table["word7"] == 7
        assert builds.calls == (0 if was_whole else 1)
        assert [path.name for path in tmp_path.iterdir()] == ["test.tables"]


class BigBuilds(Builds):
    """The table BUILD_FOREVER writes, counting its builds."""

    def __call__(self):
        self.calls += 1
        counts = WordCounts()
        counts.update((f"word{n}", n) for n in range(400_000))
        return counts.sections("w.")


def test_processes_building_at_once_all_answer_right(tmp_path):
    """Four processes start with no table file and build and write it at the same moment."""
    tmp_path = tmp_path / "cache"
    code = textwrap.dedent(SPELLING_ANSWERS.format(folder=str(tmp_path)))
    environment = {**os.environ, "PYTHONPATH": DESKTOP}
    racers = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=environment)
              for _ in range(4)]
    outputs = [racer.communicate(timeout=300) for racer in racers]
    assert [racer.returncode for racer in racers] == [0] * 4, outputs
    answers = {out.split(" ", 1)[1] for out, _err in outputs}
    assert len(answers) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["spelling-en.tables"]
    again = run_python(SPELLING_ANSWERS.format(folder=str(tmp_path)))
    assert again.startswith("memoryview") and again.split(" ", 1)[1] in answers


def _can_mount() -> bool:
    import shutil

    return (hasattr(os, "getuid") and os.getuid() == 0 and shutil.which("unshare") is not None
            and subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0)


@pytest.mark.skipif(not _can_mount(), reason="a read-only bind mount needs root and unshare")
def test_a_read_only_cache_folder_maps_a_good_file_and_keeps_a_stale_one_in_memory(tmp_path):
    """The cache folder on a read-only mount (where root's writes fail too): a good file is
    mapped; a stale one cannot be replaced, so that table is built and kept in memory."""
    cache = tmp_path / "cache"
    mapped(cache, "v2")
    (cache / "test.tables").rename(cache / "other.tables")  # built from other data: stale
    mapped(cache, "v1")
    code = f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        from pathlib import Path
        from followup.core.table_files import load_tables
        from tests.core.test_table_files import Builds, open_words
        for name in ("test", "other"):
            table = load_tables(name, "v1", Builds(), open_words, Path({str(cache)!r}))
            print(table["zoë"], table["word2999"], type(table._tags).__name__)
    """
    script = tmp_path / "read_only.py"
    script.write_text(textwrap.dedent(code))
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"'
         ' && exec "$2" "$3"', "-", str(cache), sys.executable, str(script)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": DESKTOP})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["3 2999 memoryview", "3 2999 array"]
    assert "the other tables stay in memory" in done.stderr and "Read-only" in done.stderr
    assert sorted(path.name for path in cache.iterdir()) == ["other.tables", "test.tables"]


def test_lanes_answer_as_plain_python_over_every_kind_of_number():
    """The checks' big-number arithmetic against plain loops, on numbers at the edges of its
    31-bit lanes (a sum past a lane must never hide a fall or a number past a bound)."""
    import random
    from itertools import pairwise

    from followup.core.word_counts import Lanes

    rng = random.Random(7)
    edges = [0, 1, 49, 0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF]
    for _ in range(20_000):
        numbers = [rng.choice([rng.randrange(50), rng.randrange(1 << 32), rng.choice(edges)])
                   for _ in range(rng.randrange(1, 9))]
        lanes = Lanes(array("I", numbers))
        falls = any(later < earlier for earlier, later in pairwise(numbers))
        assert lanes.falls() == (falls or max(numbers) >= 1 << 31), numbers
        for bound in (0, 1, 7, numbers[0] & 0x7FFFFFFF, 1 << 31):
            assert lanes.count_at_least(bound) == sum(n >= bound for n in numbers), numbers
        assert lanes.count_equal(0xFFFFFFFF) == numbers.count(0xFFFFFFFF), numbers
        assert lanes.above_their_places() == all(n > place for place, n in enumerate(numbers))
        if not lanes.falls():
            steps = [later - earlier for earlier, later in pairwise([0, *numbers])]
            assert lanes.differences().value == Lanes(array("I", steps)).value, numbers


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc")
def test_checking_a_file_does_not_bring_its_mapping_into_memory(tmp_path):
    """The checks read the file; the mapping stays out of the process's memory until looked
    up. Measured against the same mapping read whole, in the same process: the kernel maps
    a file's pages in blocks (up to 2 MB), so even one page read shows as a block."""
    done = run_python(f"""
        import gc
        from pathlib import Path
        from followup.core import spelling
        folder = Path({str(tmp_path)!r})
        spelling.load_english(folder)  # builds and writes the file
        gc.collect()
        english = spelling.load_english(folder)  # maps and checks it

        def resident():
            name, mapping, total = str(folder / "spelling-en.tables"), False, 0
            for line in open("/proc/self/smaps"):
                fields = line.split()
                if "-" in fields[0] and len(fields) >= 5:
                    mapping = line.rstrip().endswith(name)
                elif mapping and fields[0] == "Rss:":
                    total += int(fields[1])
            return total

        checked = resident()
        bytes(english.word_frequency._text.obj)  # every page of the mapping
        print(checked, resident())
    """)
    checked, whole = map(int, done.split())
    assert whole > 4000  # KB
    assert checked <= whole // 2, f"{checked} KB of {whole} KB in memory after the checks"


def test_mapped_sections_opened_without_a_reader_are_checked_all_the_same(tmp_path):
    """A caller that does not pass `read` gets the same checks over the mapping itself."""
    from followup.core.table_files import map_tables

    path = lying_file(tmp_path)
    table = map_tables(path, "v1", lambda s, m, read: WordCounts.from_sections(s, m, "w."))
    assert answers_in_time(table) == RIGHT
    path = lying_file(tmp_path, change_sections=_word_cut_inside_a_character)
    with pytest.raises(ValueError, match="cut inside a character"):
        map_tables(path, "v1", lambda s, m, read: WordCounts.from_sections(s, m, "w."))


@pytest.mark.skipif(not _can_mount(), reason="a small tmpfs mount needs root and unshare")
def test_a_cache_folder_on_a_full_disk_keeps_the_tables_in_memory(tmp_path):
    """The spelling dictionary's 4.8 MB file on a 1 MB file system: the write fails with
    ENOSPC, the table stays in memory with the right answers, and nothing is left behind."""
    cache = tmp_path / "cache"
    cache.mkdir()
    code = f"""
        import logging, os
        from pathlib import Path
        from followup.core import spelling
        folder = Path({str(cache)!r}) / "tables"
        english = spelling.load_english(folder)
        print(type(english.word_frequency._tags).__name__, "interview" in english,
              sorted(english.candidates("platfrom")), os.listdir(folder))
    """
    script = tmp_path / "full_disk.py"
    script.write_text(textwrap.dedent(code))
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=1m tmpfs "$1" && exec "$2" "$3"',
         "-", str(cache), sys.executable, str(script)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": DESKTOP})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["array", "True", "['platform']", "[]"]
    assert "stay in memory" in done.stderr and "No space left" in done.stderr


def test_checks_see_across_the_chunks_they_read():
    """The checks read big arrays a chunk at a time: a fall, a longest word or a chain that
    goes back exactly where one chunk ends and the next begins is still seen."""
    from followup.core import word_counts as wc
    from followup.core.packed_rows import _check_chains

    edge = wc._CHUNK_NUMBERS
    words = [b"ab"] * (3 * edge)
    ends = array("I", range(2, 2 * len(words) + 1, 2))
    text = b"".join(words)
    wc.check_pieces(text, ends)  # whole: fine
    fallen = array("I", ends)
    fallen[edge] = fallen[edge - 1] - 1  # the first of the second chunk falls below the last
    with pytest.raises(ValueError, match="do not follow"):
        wc.check_pieces(text, fallen)
    longer = b"".join(words[:edge]) + b"abcdefg" + b"".join(words[edge + 1:])
    long_ends = array("I", [e if n < edge else e + 5 for n, e in enumerate(ends)])
    assert wc._is_longest(7, longer, long_ends) and not wc._is_longest(2, longer, long_ends)
    rows = 3 * edge
    following = array("I", [n + 1 for n in range(rows - 1)] + [0xFFFFFFFF])
    _check_chains(array("I", [0]), array("I", [rows - 1]), following, rows)  # one key: fine
    following[edge] = edge - 1  # the first row of the second chunk goes back
    with pytest.raises(ValueError, match="go back"):
        _check_chains(array("I", [0]), array("I", [rows - 1]), following, rows)
