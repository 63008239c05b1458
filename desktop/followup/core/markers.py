"""Note markers: `!` a key point, `?` a question to answer better, `+` something I can bring.

A marker stands at the start of a line, optionally after indentation or a list bullet, and is
followed by a space or, typed in a hurry, directly by a letter or digit (`!they use dbt`). A
doubled marker (`!! x`, `?? x`) is the same marker. `![` is left alone because it opens a
Markdown image, a `?` or `!` alone on a line is no marker, and `+44 20 7946 0958` is a phone
number and `+1` agreement, not something to bring.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple


class Marker(Enum):
    KEY = "!"
    QUESTION = "?"
    CONTRIBUTE = "+"


class NoteLine(NamedTuple):
    """One non-empty line of a note, its marker and the text after the marker."""

    marker: Marker | None
    text: str
    start: int  # offset of the line in the note
    end: int
    marker_pos: int | None = None  # offset of the marker character, when there is one


_LINE_RE = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*][ \t]+)?)(?P<mark>[!?+])(?P=mark)?"
    r"(?=[ \t]|[^\W_])(?!(?<=\+)(?:[\d\s().-]{7,}$|1\b))[ \t]*(?P<rest>.*)$")
_BULLET_RE = re.compile(r"^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?")


def _bullet_end(line: str) -> int:
    """Where a line's text starts after its indentation and list bullet (0 when none)."""
    match = _BULLET_RE.match(line)  # every part of the pattern is optional: it always matches
    return match.end() if match else 0


def parse_line(line: str, offset: int = 0) -> NoteLine | None:
    """The marker and text of one line, or None for a blank line."""
    if not line.strip():
        return None
    match = _LINE_RE.match(line)
    if match:
        return NoteLine(
            Marker(match["mark"]), match["rest"].strip(), offset, offset + len(line),
            offset + len(match["lead"]),
        )
    text = line[_bullet_end(line):].strip()
    return NoteLine(None, text, offset, offset + len(line))


def parse_notes(text: str) -> list[NoteLine]:
    """Every non-empty line of `text`, in order, with its marker."""
    lines: list[NoteLine] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        parsed = parse_line(line, offset)
        if parsed is not None and parsed.text:
            lines.append(parsed)
        offset += len(raw)
    return lines


def toggle_key_marker(line: str) -> str:
    """`line` with its `!` marker removed, or added when it has none (keeping any bullet);
    a `?` or `+` line is left alone, since turning it into a key point would lose it."""
    match = _LINE_RE.match(line)
    if match and match["mark"] == "!":
        return match["lead"] + match["rest"]
    if match:  # a question or a contribution stays what it is
        return line
    lead = line[:_bullet_end(line)] if line.strip() else ""
    return lead + "! " + line[len(lead):]
