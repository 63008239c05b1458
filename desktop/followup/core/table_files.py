"""Read-only word tables kept in cache files that the process maps, not in its own memory.

The spelling dictionary (160,000 words) and drafting's word tables (lemminflect's 70,000
words) are built from the data their packages ship. Built in memory at every start, they
cost the running app about 12 MB (twice their size, for what the build leaves fragmented) and
half a second of a core. So the first build is written to one file per table in the user's
cache folder (typed arrays and UTF-8 back to back, behind a small JSON header), and later
starts map that file read-only (`mmap`): a look-up reads a few pages, which the kernel shares
between processes and can drop and read again, and nothing is rebuilt.

A file is used only if its fixed lead names this format, its header's CRC-32 matches, the
header names the same source (the caller's key: the CRC-32 of the files the table is built
from), its body's CRC-32 matches, and its sections lie inside the body, one after another,
whole items of their type. All of that is checked by reading the file, never by touching the
mapping (which would bring the whole file into the process). Then the caller's `open_table`
turns the sections into its table, and refuses them (ValueError) when their values do not fit
together, reading them the same way, through `read`: a file that passes its CRC but lies is
refused, not trusted. Anything else (a stale, damaged or truncated file, a folder that
cannot be written) builds the table in memory as before and logs why; the answers are the
same either way.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import stat
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

# 2: slots from the CRC-32 of a word (1 placed words by hash(), which differs per process);
# the lead gives the format and the header's CRC-32.
FORMAT = 2
MAGIC = b"Followup tables\n"
_LEAD = struct.Struct("<III")  # format, header length, header CRC-32
_MAX_HEADER = 1 << 20
_ALIGN = 16
_CHUNK = 1 << 18  # the body's CRC is read in pieces, so checking it needs no big buffer
_TYPECODES = ("B", "I", "Q")

# A section: typed numbers (array) or bytes; mapped, a memoryview of the same shape.
Section = array | bytes | bytearray | memoryview
Sections = dict[str, Section]
Build = Callable[[], tuple[Sections, dict]]
# read(key): a private copy of section `key` (array or bytes) read from the file, for checks
# that look at every value without touching the mapping.
Read = Callable[[str], array | bytes]
Table = TypeVar("Table")


def cache_folder() -> Path:
    """Where the table files live: `tables` in the platform's user cache folder
    (`XDG_CACHE_HOME` or ~/.cache on Linux). Deleting it only costs a rebuild.
    Raises OSError when there is no such folder to name (no home folder to be found)."""
    from platformdirs import user_cache_path

    try:
        folder = user_cache_path("followup", appauthor=False) / "tables"
    except (RuntimeError, KeyError) as exc:  # HOME unset and no password entry for the user
        raise OSError(f"no user cache folder: {exc}") from None
    if not folder.is_absolute():  # "~" left as is (older platformdirs, same cause)
        raise OSError(f"no user cache folder (found only {folder})")
    return folder


def file_crc(paths: Iterable[Path]) -> str:
    """A source key from the CRC-32 and size of each file (read in pieces); raises OSError."""
    parts = []
    for path in paths:
        crc, size = 0, 0
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        parts.append(f"{path.name}:{size}:{crc:08x}")
    return " ".join(parts)


def table_path(name: str, folder: Path | None = None) -> Path:
    """Where table `name`'s file is (in `folder`, else the cache folder); raises RuntimeError
    when no home folder can be found (platformdirs)."""
    return (folder or cache_folder()) / f"{name}.tables"


def load_tables(name: str, source: str, build: Build, open_table: Callable[..., Table],
                folder: Path | None = None) -> Table:
    """Table `name` as `open_table(sections, meta, read=read)` makes it (see `map_tables`): from
    its cache file when that file was built from `source` (a key that changes whenever the
    data does) and its sections fit together, else from `build()` -> (sections, meta), whose
    result is then written there for the next start.

    Never raises for the cache file or its folder (OSError, a bad or lying file): it falls
    back to `build()`'s own result, in memory, and logs why. Errors of `build()` propagate.
    Temporary files that a killed write left in the folder are removed.
    """
    from followup.core.atomic_files import remove_stale_temporaries

    try:
        path = table_path(name, folder)
        # What a write killed midway left (where the system cannot write unnamed files):
        # removed now, or it would stay for as long as the whole file it failed to replace.
        remove_stale_temporaries(path.parent)
        return map_tables(path, source, open_table)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        log.info("rebuilding the %s tables: %s", name, exc)
    sections, meta = build()
    try:
        path = table_path(name, folder)
        write_tables(path, source, sections, meta)
        return map_tables(path, source, open_table)
    except (OSError, ValueError) as exc:
        log.warning("the %s tables stay in memory: %s", name, exc)
        return open_table(sections, meta, read=sections.__getitem__)


def write_tables(path: Path, source: str, sections: Sections, meta: dict) -> None:
    """Write `sections` (name -> array or bytes) and `meta` to `path`, whole or not at all.
    Raises OSError (a full disk, no permission); the old file, if any, is then untouched."""
    from followup.core.atomic_files import write_atomically

    layout, body, offset = [], [], 0
    for key, section in sections.items():
        data = memoryview(section).cast("B")
        layout.append([key, _typecode(section), offset, data.nbytes])
        body += [data, bytes(-data.nbytes % _ALIGN)]
        offset += data.nbytes + (-data.nbytes % _ALIGN)
    crc = 0
    for piece in body:
        crc = zlib.crc32(piece, crc)
    header = json.dumps({"format": FORMAT, "source": source, "sections": layout, "meta": meta,
                         "body_length": offset, "body_crc": crc}).encode("utf-8")
    start = len(MAGIC) + _LEAD.size + len(header)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, b"".join([MAGIC, _LEAD.pack(FORMAT, len(header), zlib.crc32(header)),
                                     header, bytes(-start % _ALIGN), *body]))


def map_tables(path: Path, source: str, open_table: Callable[..., Table]) -> Table:
    """`open_table(sections, meta, read=read)` over the sections of the file at `path`, mapped
    read-only (memoryviews of each section's type), and its metadata; `read(key)` reads a
    private copy of a section from the same file, for checks of every value.

    Raises FileNotFoundError when there is no file, ValueError when it is of another format or
    source, damaged (a CRC-32 or its layout does not match) or refused by `open_table`, OSError
    when it cannot be read (or is not a regular file).
    """
    # O_NONBLOCK: a FIFO in the file's place must not block the start; it is refused below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as stream:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path.name} is not a regular file")
        header, body_start = _read_header(stream, path.name)
        if header["source"] != source:
            raise ValueError(f"{path.name} was built from other data")
        if status.st_size != body_start + header["body_length"]:
            raise ValueError(f"{path.name} is {status.st_size} bytes, not the {body_start} + "
                             f"{header['body_length']} its header gives")
        if _crc_from(stream, body_start) != header["body_crc"]:
            raise ValueError(f"{path.name} is damaged (its CRC-32 does not match)")
        layout = _checked_layout(header, path.name)
        mapping = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        view = memoryview(mapping)
        sections: Sections = {}
        for key, (typecode, offset, length) in layout.items():
            part = view[body_start + offset:body_start + offset + length]
            if typecode == "I":
                sections[key] = part.cast("I")
            elif typecode == "Q":
                sections[key] = part.cast("Q")
            else:
                sections[key] = part

        def read(key: str) -> array | bytes:
            typecode, offset, length = layout[key]
            stream.seek(body_start + offset)
            data = stream.read(length)
            if len(data) != length:
                raise ValueError(f"{path.name} ended early")
            return data if typecode == "B" else array(typecode, data)

        return open_table(sections, header["meta"], read=read)


def _read_header(stream, name: str) -> tuple[dict, int]:
    lead = stream.read(len(MAGIC) + _LEAD.size)
    if len(lead) != len(MAGIC) + _LEAD.size or not lead.startswith(MAGIC):
        raise ValueError(f"{name} is not a tables file")
    form, length, crc = _LEAD.unpack(lead[len(MAGIC):])
    if form != FORMAT:
        raise ValueError(f"{name} was written by another version of Followup")
    if length > _MAX_HEADER:
        raise ValueError(f"{name} has a header of implausible size")
    text = stream.read(length)
    if len(text) != length or zlib.crc32(text) != crc:
        raise ValueError(f"{name} is damaged (its header's CRC-32 does not match)")
    try:
        header = json.loads(text)
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        raise ValueError(f"{name} has an unreadable header ({exc})") from None
    if not (isinstance(header, dict) and isinstance(header.get("source"), str)
            and isinstance(header.get("sections"), list) and _is_count(header.get("body_length"))
            and _is_count(header.get("body_crc")) and isinstance(header.get("meta"), dict)
            and all(_is_section(entry) for entry in header["sections"])):
        raise ValueError(f"{name} has a header of the wrong shape")
    padding = stream.read(-(len(lead) + length) % _ALIGN)
    if padding.strip(b"\0"):  # the only bytes no CRC covers: none may change unseen
        raise ValueError(f"{name} is damaged (after its header)")
    return header, len(lead) + length + len(padding)


def _checked_layout(header: dict, name: str) -> dict[str, tuple[str, int, int]]:
    """key -> (typecode, offset, length) of each section, once they are known to lie inside
    the body, one after another without overlapping, each a whole number of its items and
    aligned to them (a cast of the mapping needs both). ValueError otherwise."""
    layout, end = {}, 0
    for key, typecode, offset, length in sorted(header["sections"], key=lambda entry: entry[2]):
        item = array(typecode).itemsize
        if key in layout:
            raise ValueError(f"{name} has two sections named {key}")
        if offset < end or offset % item or length % item:
            raise ValueError(f"{name}: section {key} overlaps another or is not whole items")
        end = offset + length
        if end > header["body_length"]:
            raise ValueError(f"{name}: section {key} lies outside the file")
        layout[key] = typecode, offset, length
    return layout


def _is_count(value) -> bool:
    """A whole number from 0 (JSON's true and false are ints to Python: not these)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_section(entry) -> bool:
    return (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
            and entry[1] in _TYPECODES and _is_count(entry[2]) and _is_count(entry[3]))


def _typecode(section: Section) -> str:
    if isinstance(section, array):
        return section.typecode
    return section.format if isinstance(section, memoryview) else "B"


def _crc_from(stream, start: int) -> int:
    stream.seek(start)
    crc = 0
    while chunk := stream.read(_CHUNK):
        crc = zlib.crc32(chunk, crc)
    return crc

