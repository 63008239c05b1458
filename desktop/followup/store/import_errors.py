"""The one error every import raises, and reading a file's bytes with a plain message."""

from __future__ import annotations

from pathlib import Path


class ImportFailed(Exception):
    """The file could not be imported; the message says why, nothing was written."""


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror})") from None


def as_text(data: bytes) -> str:
    """The bytes as UTF-8 text (a byte-order mark is dropped), or ImportFailed naming the
    line that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportFailed(f"line {line} is not UTF-8 text; save the file as UTF-8 and "
                           "import it again") from None
