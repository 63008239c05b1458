"""Read-only word tables kept in cache files that the process maps, not in its own memory.

The spelling dictionary (160,000 words) and drafting's word tables (lemminflect's 70,000
words) are built from the data their packages ship. Built in memory at every start, they
cost the running app about 12 MB (twice their size, for what the build leaves fragmented) and
half a second of a core. So the first build is written to one file per table in the user's
cache folder (typed arrays and UTF-8 back to back, behind a small JSON header), and later
starts map that file read-only (`mmap`): a look-up reads a few pages, which the kernel shares
between processes and can drop and read again, and nothing is rebuilt.

A file is used only if its header names this format and the same source (the caller's key:
the CRC-32 of the files the table is built from) and its body's CRC-32 matches, checked by
reading the file, not by touching the mapping. Anything else (a stale, damaged or truncated
file, a cache folder that cannot be written) builds the table in memory as before and logs
why; the answers are the same either way.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 2  # 2: slots from CRC-32 (1 placed words by the per-process hash())
MAGIC = b"Followup tables\n"
_HEADER_SIZE = struct.Struct("<I")
_MAX_HEADER = 1 << 20
_ALIGN = 16
_CHUNK = 1 << 18  # the body's CRC is read in pieces, so checking it needs no big buffer

# A section: typed numbers (array) or bytes; mapped, a memoryview of the same shape.
Section = array | bytes | bytearray | memoryview
Sections = dict[str, Section]
Build = Callable[[], tuple[Sections, dict]]


def cache_folder() -> Path:
    """Where the table files live: `tables` in the platform's user cache folder
    (`XDG_CACHE_HOME` or ~/.cache on Linux). Deleting it only costs a rebuild."""
    from platformdirs import user_cache_path

    return user_cache_path("followup", appauthor=False) / "tables"


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


def load_tables(name: str, source: str, build: Build,
                folder: Path | None = None) -> tuple[Sections, dict]:
    """The sections and metadata (small JSON values) of table `name`: mapped from its cache
    file when that file was built from `source` (a key that changes whenever the data does),
    else from `build()`, whose result is then written there for the next start.

    Never raises for the cache file itself (OSError, a bad file): it falls back to `build()`'s
    own result, in memory, and logs why. Errors of `build()` propagate.
    """
    path = (folder or cache_folder()) / f"{name}.tables"
    try:
        return map_tables(path, source)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        log.info("rebuilding the %s tables: %s", name, exc)
    sections, meta = build()
    try:
        write_tables(path, source, sections, meta)
        return map_tables(path, source)
    except (OSError, ValueError) as exc:
        log.warning("the %s tables stay in memory: %s", name, exc)
        return sections, meta


def write_tables(path: Path, source: str, sections: Sections, meta: dict) -> None:
    """Write `sections` (name -> array or bytes) and `meta` to `path`, whole or not at all.
    Raises OSError (a full disk, no permission); the old file, if any, is then untouched."""
    from followup.core.atomic_files import write_atomically

    layout, body, offset = [], [], 0
    for key, section in sections.items():
        data = memoryview(section).cast("B")
        typecode = section.typecode if isinstance(section, array) else "B"
        layout.append([key, typecode, offset, data.nbytes])
        body += [data, bytes(-data.nbytes % _ALIGN)]
        offset += data.nbytes + (-data.nbytes % _ALIGN)
    crc = 0
    for piece in body:
        crc = zlib.crc32(piece, crc)
    header = json.dumps({"format": FORMAT, "source": source, "sections": layout, "meta": meta,
                         "body_length": offset, "body_crc": crc}).encode("utf-8")
    start = len(MAGIC) + _HEADER_SIZE.size + len(header)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, b"".join([MAGIC, _HEADER_SIZE.pack(len(header)), header,
                                     bytes(-start % _ALIGN), *body]))


def map_tables(path: Path, source: str) -> tuple[Sections, dict]:
    """The sections of the file at `path`, mapped read-only, and its metadata.

    Raises FileNotFoundError when there is no file, ValueError when it is of another format or
    source, or damaged (its CRC-32 or its layout does not match), OSError when it cannot be read.
    """
    with open(path, "rb") as stream:
        header, body_start = _read_header(stream)
        if header.get("format") != FORMAT or header.get("source") != source:
            raise ValueError(f"{path.name} was built from other data")
        size = os.fstat(stream.fileno()).st_size
        if size != body_start + header["body_length"]:
            raise ValueError(f"{path.name} is {size} bytes, not the {body_start} + "
                             f"{header['body_length']} its header gives")
        if _crc_from(stream, body_start) != header["body_crc"]:
            raise ValueError(f"{path.name} is damaged (its CRC-32 does not match)")
        mapping = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapping)
    sections: Sections = {}
    for key, typecode, offset, length in header["sections"]:
        item = array(typecode).itemsize
        if offset < 0 or offset % item or length % item or offset + length > header["body_length"]:
            raise ValueError(f"{path.name}: section {key} lies outside the file")
        part = view[body_start + offset:body_start + offset + length]
        sections[key] = part if typecode == "B" else part.cast(typecode)
    return sections, header["meta"]


def _read_header(stream) -> tuple[dict, int]:
    lead = stream.read(len(MAGIC) + _HEADER_SIZE.size)
    if len(lead) != len(MAGIC) + _HEADER_SIZE.size or not lead.startswith(MAGIC):
        raise ValueError("not a tables file")
    (length,) = _HEADER_SIZE.unpack(lead[len(MAGIC):])
    if length > _MAX_HEADER:
        raise ValueError("a tables header of implausible size")
    try:
        header = json.loads(stream.read(length))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"an unreadable tables header ({exc})") from None
    if not (isinstance(header, dict) and isinstance(header.get("sections"), list)
            and isinstance(header.get("body_length"), int)
            and isinstance(header.get("body_crc"), int) and isinstance(header.get("meta"), dict)
            and all(_is_section(entry) for entry in header["sections"])):
        raise ValueError("a tables header of the wrong shape")
    start = len(lead) + length
    return header, start + (-start % _ALIGN)


def _is_section(entry) -> bool:
    return (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
            and entry[1] in ("B", "I", "Q") and all(isinstance(n, int) for n in entry[2:]))


def _crc_from(stream, start: int) -> int:
    stream.seek(start)
    crc = 0
    while chunk := stream.read(_CHUNK):
        crc = zlib.crc32(chunk, crc)
    return crc
