"""What a note line is about, beyond its marker: logistics, a personal line, the user's verdict.

These decide which lines may become the specific points of a draft (never logistics, never the
user's private verdict on their own answer) and which line becomes the short, warm personal
sentence near the end that the guides recommend for rapport ("could be non-tech related or
funny"). Plain word lists, tested by `tests/core/test_phrasing.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Salary, benefits, decision timing, next steps, travel and scheduling: the guides' "don't
# mention next steps" and a coach's "the note is about the conversation, not the process".
_LOGISTICS_RE = re.compile(r"""\b(?:
    salary|salaries|comp|compensation|(?:pay|salary|comp)\s+(?:band|range|scale)|equity
    |stock\s+options|rsus?|bonus(?:es)?|401k|pension|benefits?|perks?|pto|vacation\s+(?:days|policy)
    |unlimited\s+vacation|insurance|health\s+plan|dental|parental\s+leave|relocation|relocate
    |visa|sponsorship|notice\s+period|start\s+date|offer\s+(?:letter|stage|details|call)
    |decisions?\s+(?:in|by|expected|next|soon|within|after)|final\s+decision|decide\s+by|timeline
    |next\s+(?:steps?|rounds?|stages?|week|call)|final\s+round|hear\s+back|get\s+back\s+to
    |follow[- ]?up\s+call|onsite\s+(?:on|is|next)|calendar|availability|recruiter\s+will
    |(?:re)?schedul(?:e|ed|ing)\s+(?:the|a|an|my|our|next|another|for|call|interview|onsite)
    |rescheduled?|take[- ]home\s+due|travel|flights?|hotel|reimburs\w*|expenses|parking|lobby
    |front\s+desk|badge|visitor|headcount|let\s+me\s+know|will\s+(?:let|send|get\s+back|follow\s+up)
    |by\s+(?:mon|tues?|wed|thu|thurs|fri|monday|tuesday|wednesday|thursday|friday|end\s+of)
    |calendar\s+invite|hiring\s+\d+|(?:is|are)\s+hiring|hiring\s+for
    |\d+\s+(?:open\s+)?(?:roles|positions|openings|hires)|learning\s+budget|stipend|allowance
    |hybrid|days?\s+(?:a\s+week\s+)?in\s+(?:the\s+)?office|in-office|office\s+days|return\s+to\s+office
    |interview\s+(?:loop|process)|rounds?\s+(?:left|to\s+go)|(?:'re|are|is)\s+hiring
    |remote(?:$|\?|[- ](?:first|friendly|team|work|working|policy|ok|okay|only|possible|allowed))
    )\b""", re.IGNORECASE | re.VERBOSE)

# Which part of the day it was, or a one-word impression: true, but not a point.
_DESCRIPTOR_RE = re.compile(
    r"^(?:(?:very|really|super|so|quite|extremely|incredibly)\s+[\w-]+(?:\s+lol)?|"
    r"(?:[\w-]+\s+){0,2}(?:round|interview|screen|session\s+with)|"
    r"(?:[\w-]+\s+)?(?:phone|video|zoom|intro|screening|quick|short|first|second|final)\s+"
    r"(?:call|chat)|"
    r"(?:very|really|super|so|quite)?\s*(?:friendly|nice|smart|funny|kind|chatty|warm|lovely|"
    r"sharp|busy|quiet|tired|rushed|late|great|cool)(?:\s+person|\s+guy|\s+gal)?)$",
    re.IGNORECASE)

# Hobbies, family, pets, food, sport, places from home: the rapport line.
_PERSONAL_RE = re.compile(r"""\b(?:
    hobby|hobbies|fan|weekends?|vacation\s+in|holiday|triathlons?|trains\s+for|\d+\s?yo
    |daughter|son|kids?|children|toddler|baby|wife|husband|partner|family|dog|cat|puppy|pets?
    |sourdough|baking|bakes?|cook(?:s|ing)?|recipes?|coffee\s+snob|tea|wine|beer|chess|board\s+games?
    |cycling|cyclist|bike|bikes|rides?\s+to|runner|running\s+club|marathons?|climb(?:s|ing|er)?
    |hik(?:e|es|ing)
    |surf(?:s|ing)?|swim(?:s|ming)?|ski(?:s|ing)?|yoga|soccer|football|basketball|tennis|golf
    |guitar|piano|plays\s+in\s+a\s+band|sings?|choir|music|podcast|novels?|garden(?:s|ing)?|photograph\w*
    |grew\s+up|moved\s+here|originally\s+from|hometown|volunteers?|robotics\s+team
    |just\s+back\s+from|honeymoon|wedding|birthday|funny|joke|laughed
    )\b""", re.IGNORECASE | re.VERBOSE)

# The user's verdict on their own answer: private, never in the email.
SELF_ASSESSMENT_RE = re.compile(r"""\b(?:
    vague|vaguely|fumbled?|fumbling|blank(?:ed)?|rambl(?:ed|ing|e)|weak|weakly|poor(?:ly)?|badly
    |bombed|botched|froze|stumbled|flubbed|messed\s+up|screwed\s+up|hand[- ]?wav(?:ed|ing|e)
    |couldn'?t\s+(?:remember|recall|answer|explain|think)|could\s+not|didn'?t\s+(?:know|remember)
    |did\s+not|i\s+didn'?t|i\s+wasn'?t|forgot|forget|not\s+(?:quite\s+)?(?:true|right|correct|great|sure)|wrong|mistakes?
    |no\s+idea|unsure|nervous|should\s+have|should'?ve|meh|my\s+answer|i\s+said|i\s+answered
    |i\s+think\s+i|struggled|awkward|embarrass\w*|not\s+my\s+best|went\s+blank|brain\s+fart
    )\b""", re.IGNORECASE | re.VERBOSE)

# Words of the user's verdict that must never reach a draft: the report counts them.
PRIVATE_WORDS = (
    "vague", "fumbled", "blanked", "rambled", "weak", "hand-waved", "hand waved", "forgot",
    "couldn't remember", "messed up", "bombed", "nervous", "not quite true", "didn't do it "
    "justice", "my answer was", "I said", "froze", "stumbled",
)


@lru_cache(maxsize=4096)
def is_logistics(text: str) -> bool:
    """Whether a note (or a piece of one) is about salary, benefits, timing, travel or
    scheduling rather than the conversation itself."""
    return _LOGISTICS_RE.search(text) is not None


@lru_cache(maxsize=4096)
def is_descriptor(text: str) -> bool:
    """`Product round`, `very friendly`: which part of the day it was, or an impression."""
    return _DESCRIPTOR_RE.match(text.strip().rstrip(".!")) is not None


@lru_cache(maxsize=4096)
def is_personal(text: str) -> bool:
    """Whether a note line is about the person's life outside work (hobby, family, food)."""
    return _PERSONAL_RE.search(text) is not None and not is_logistics(text)


@lru_cache(maxsize=4096)
def is_self_assessment(text: str) -> bool:
    """Whether a note (or a piece of one) is the user's verdict on how they did."""
    return SELF_ASSESSMENT_RE.search(text) is not None
