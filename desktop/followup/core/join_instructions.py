"""Joining instructions that conferencing services append to a meeting's description, found
and taken out, so only what the organizer wrote becomes the meeting's notes.

Three kinds, told apart by what does not change with the language of the invite:
- Google Meet writes its block between two lines of "-::~:~::~:~:~..." marks.
- Microsoft Teams writes its block between lines of underscores, with a teams.microsoft.com
  (or teams.live.com, aka.ms/JoinTeamsMeeting) link inside; newer blocks have a shorter line
  of underscores inside, before the dial-in numbers.
- Zoom writes no marks: its block opens at a zoom.us link (or the line before it that names
  Zoom, "Join Zoom Meeting", "Zoom-Meeting beitreten") and goes on while lines hold a zoom.us
  link, a meeting ID, a passcode or a phone number, with at most a few short label lines
  ("One tap mobile", "Dial by your location") between them.
A Webex block, and a Teams block without its lines of underscores, are read the Zoom way,
by their links and numbers. A Meet link the organizer
typed outside Google's marks is the organizer's text and stays.
"""

from __future__ import annotations

import re

__all__ = ["without_join_instructions"]

_GOOGLE_MARK = re.compile(r"^\s*-::~[:~]+-*\s*$")
_UNDERSCORES = re.compile(r"^\s*_{16,}\s*$")
_TEAMS_LINK = re.compile(r"teams\.microsoft\.com|teams\.live\.com|aka\.ms/JoinTeamsMeeting|"
                         r"\bMicrosoft Teams\b", re.IGNORECASE)
# A line of a marked-less block: a conferencing link, a SIP or H.323 address, a line with a
# meeting number, passcode or phone number (six digits or more), an IP address, or a code.
_SERVICE_LINK = re.compile(
    r"(?:[\w-]+\.)?zoom\.us/|zoomcrc\.com|zoomgov\.com|\.webex\.com/|"
    r"teams\.microsoft\.com/l/meetup-join|teams\.live\.com/meet", re.IGNORECASE)
_SERVICE_NAME = re.compile(r"\b(?:zoom|webex|microsoft teams)\b", re.IGNORECASE)
# A mark written inside a line (an HTML description turned into text): put on its own line.
_INLINE_MARK = re.compile(r"[ \t]*(-::~[:~]{6,}[:~-]*|_{16,})[ \t]*")
_IP_ADDRESS = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
# "Passcode: Wq9Ut3", "Kenncode: 6x2P": a label and one code with a digit in it.
_CODE_LINE = re.compile(r"^[^:]{1,40}:\s*(?=\S*\d)\S{4,24}$")
_LABEL_GAP = 3  # short lines (labels in any language) allowed between two lines of the block
_SHORT = 60
_LEAD_LINES = 4  # lines before the link that may still be the service's (topic, time)


def without_join_instructions(text: str) -> str:
    """`text` without Google Meet, Microsoft Teams and Zoom (or Webex) joining instructions;
    what the organizer wrote before and after them stays, blank lines at the ends trimmed."""
    found = _INLINE_MARK.sub(r"\n\1\n", text.replace("\r\n", "\n")).split("\n")
    lines = _without_marked(found, _GOOGLE_MARK, None)
    lines = _without_marked(lines, _UNDERSCORES, _TEAMS_LINK)
    lines = _without_unmarked(lines)
    if len(lines) == len(found):  # nothing taken out: the text as written
        return text.strip()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _without_marked(lines: list[str], mark: re.Pattern, inside: re.Pattern | None) -> list[str]:
    """Lines without the blocks between `mark` lines (a block missing its closing mark runs
    to the end). With `inside`, a block counts only when one of its lines matches it, and it
    runs to the last mark line of that stretch (Teams' inner separator is not its end)."""
    marks = [i for i, line in enumerate(lines) if mark.match(line)]
    if not marks:
        return lines
    if inside is None:
        start = marks[0]
        end = marks[1] if len(marks) > 1 else len(lines) - 1
        return _without_marked(lines[:start] + lines[end + 1:], mark, inside)
    found = next((i for i, line in enumerate(lines) if inside.search(line)), None)
    if found is None:
        return lines
    before = [i for i in marks if i < found]
    after = [i for i in marks if i > found]
    start = before[-1] if before else found
    end = _last_of_stretch(after, lines) if after else len(lines) - 1
    return lines[:start] + lines[end + 1:]


def _last_of_stretch(after: list[int], lines: list[str]) -> int:
    """The last mark of the block: marks follow one another with only the service's lines
    between them; a mark followed by none is the end."""
    end = after[0]
    for index in after[1:]:
        between = [line for line in lines[end + 1:index] if line.strip()]
        if len(between) > 20:
            break
        end = index
    return end


def _is_service_line(line: str) -> bool:
    digits = sum(ch.isdigit() for ch in line)
    return bool(_SERVICE_LINK.search(line) or _IP_ADDRESS.search(line)
                or _CODE_LINE.match(line.strip())) or digits >= 6


def _without_unmarked(lines: list[str]) -> list[str]:
    """Lines without a Zoom-like block: from its first conferencing link to its last line
    of links and numbers, with the lines just before that name the service."""
    first = next((i for i, line in enumerate(lines) if _SERVICE_LINK.search(line)), None)
    if first is None:
        return lines
    start, looked = first, 0
    for i in range(first - 1, -1, -1):  # "Join Zoom Meeting", "… is inviting you to …"
        if not lines[i].strip():
            continue
        looked += 1
        if looked > _LEAD_LINES or len(lines[i]) > 120:
            break
        if _SERVICE_NAME.search(lines[i]):
            start = i
    end, gap = first, 0
    for i in range(first + 1, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if _is_service_line(line):
            end, gap = i, 0
        elif len(line) <= _SHORT and gap < _LABEL_GAP:
            gap += 1
        else:
            break
    return _without_unmarked(lines[:start] + lines[end + 1:]) if end >= start else lines
