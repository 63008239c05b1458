"""What a note line is about, beyond its marker: logistics, a personal line, the user's verdict.

These decide which lines may become the specific points of a draft (never logistics, never the
user's private verdict on their own answer) and which line becomes the short, warm personal
sentence near the end that the guides recommend for rapport ("could be non-tech related or
funny"). Plain word lists, tested by `tests/core/test_phrasing.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Salary, benefits, decision timing, next steps and the rounds still to come (a take-home, a
# bar raiser, the onsite), travel and scheduling: the guides' "don't
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
    |(?:\d+|two|three|four|one|more|another|remaining|further|last|later)\s+(?:more\s+)?
     (?:rounds?|interviews?|stages?|steps?|calls?)
    |take[- ]?homes?(?:\s+(?:test|task|exercise|assignment))?
     \s+(?:then|next|due|first|after|before|and\s+then)
    |^\s*(?:a\s+|the\s+)?take[- ]?homes?
     (?:\s+(?:test|task|exercise|assignment))?\s*$
    |bar[- ]?raisers?|on-?sites?|super[- ]?day|loop\s+(?:next|on|is)
    |(?:send|do|complete|submit|finish)\w*\s+(?:me\s+)?(?:a\s+|the\s+|my\s+)?take[- ]?home
    |\d+(?:st|nd|rd|th)\s+(?:round|interview|stage)|(?:first|second|third)\s+(?:round|stage)
    |then\s+(?:an?\s+|the\s+)?(?:offer|panel|onsite|round|interview|final)
    |(?:panel|offer)\s+(?:is\s+)?(?:next|after|then)
    |(?:hiring|recruiting)\s+(?:process|loop|committee|manager\s+(?:call|round|chat))
    |(?:reference|background)\s+checks?|references|recruiter\s+(?:call|screen|chat)
    |steps?\s*:
    |remote(?:$|\?|[- ](?:first|friendly|team|work|working|policy|ok|okay|only|possible|allowed))
    )\b""", re.IGNORECASE | re.VERBOSE)

# An invitation's own text pasted into the meeting's notes (an imported invite's description):
# a greeting, the invitation, an agenda, a dial-in, a link, a time, a sign-off, or a line
# written to the invitee ("you're looking forward to the onsite!"). Never a point.
_INVITE_RE = re.compile(r"""(?:
    ^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b
    |^(?:best|regards|kind\s+regards|thanks|thank\s+you|cheers|sincerely|see\s+you)\b
    |^(?:you|you'?re|you'?ll|your)\b|\byou\s+(?:are|will)\b|^please\b
    |^(?:date|time|when|where|location|interview|interviewers?|duration|length|format|subject
       |organi[sz]er|attendees|participants|host|dress\s+code|what\s+to\s+bring)\s*:
    |\byou(?:'re|'ll|'ve|r|rs)?\b|\bexcited\s+to\s+(?:meet|speak|talk|see)
    |\binvit(?:e|es|ed|ing|ation)\b|^agenda\b|\bagenda\s*:|\bdial[- ]?in\b
    |\bmeeting\s+(?:id|link|number)
    |\bpass(?:code|word)\b|\bpin\s*:|^join\b|\bjoin\s+(?:the\s+|us\s+|via\s+|by\s+)?(?:zoom|teams|meet|call
    |meeting|video|interview|link)|\b(?:zoom|google\s+meet|microsoft\s+teams|webex|calendly)\b
    |https?://|www\.|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b|\b\d{4}-\d{2}-\d{2}\b
    |\b(?:utc|gmt|cet|cest|pst|pdt|est|edt|bst|ist)\b|\bminutes?\b.*\b(?:interview|call|slot)\b
    |\b(?:video|phone|virtual|online)\s+(?:interview|call|meeting)\b|\blooking\s+forward\b
    )""", re.IGNORECASE | re.VERBOSE)
_AGENDA_RE = re.compile(r"^\W*agenda\b", re.IGNORECASE)


def is_invite_text(text: str) -> bool:
    """Whether a line of the meeting's general notes is an invitation's own text (a greeting,
    the invitation, an agenda, a dial-in, a link, a time, a sign-off) rather than a note the
    user took; see `meeting_notes`."""
    return _INVITE_RE.search(text.strip().lstrip("-*• ").strip()) is not None


def meeting_notes(text: str) -> str:
    """The meeting's general notes without an invitation's own text: the lines of
    `is_invite_text` and the list items right under an "Agenda" line.
    Source: issue "Drafts a person would send" (an invite's boilerplate is never a point)."""
    kept, in_agenda = [], False
    for line in text.splitlines():
        in_agenda = in_agenda and re.match(r"\s*(?:[-*\u2022]\s|\d+[.)]\s)", line) is not None
        if _AGENDA_RE.match(line.strip()):
            in_agenda = True
        elif not in_agenda and not is_invite_text(line):
            kept.append(line)
    return "\n".join(kept)


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
    |daughter|son|kids?|children|toddler|baby|wife|husband|family|dog|cat|puppy|pets?
    |(?:my|his|her|their|a|life)\s+partner(?!\s+(?:apis?|teams?|companies|company|banks?|program\w*|integrations?|networks?|portal|platform|ecosystem|success|engineering|manager))
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
