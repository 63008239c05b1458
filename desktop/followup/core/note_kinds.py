"""What a note line is about, beyond its marker: logistics, a personal line, the user's verdict.

These decide which lines may become the specific points of a draft (never logistics, never the
user's private verdict on their own answer) and which line becomes the short, warm personal
sentence near the end that the guides recommend for rapport ("could be non-tech related or
funny"). Plain word lists, tested by `tests/core/test_phrasing.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup.core.shorthand import clean, split_parts

# Salary, benefits, decision timing, next steps and the rounds still to come (a take-home, a
# bar raiser, the onsite), travel and scheduling: the guides' "don't
# mention next steps" and a coach's "the note is about the conversation, not the process".
_LOGISTICS_RE = re.compile(r"""\b(?:
    drug\s+(?:test|screen)s?|(?:^|\bi\s+)(?:need|have|must|remember|want)\s+to\s+ask\b|(?:class|academy|training|orientation)\s+starts?\s+(?:in\s+)?
     (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|background\s+check|fingerprint\w*|pre-?employment
    |(?:would|will|'d)\s+be\s+my\s+(?:[\w-]+\s+)?(?:boss|manager|supervisor|lead|co-?teacher|mentor
     |preceptor|trainer)|(?:i'?d|i\s+would)\s+report\s+to
    |hiring\s+(?:manager|mgr)\s+(?:is|=|would\s+be)|\brequired\s+(?:on\s+|by\s+)?day\s+(?:1|one)\b
    |(?:pays?\s+for|covers?|reimburs\w*)\s+(?:the\s+|my\s+|your\s+)?(?:[\w-]+\s+){0,3}
     (?:exam|cert\w*|licen[cs]e|course|tuition|prep|classes|cpd|ceus?|conference)s?(?:\s+fees)?
    |\d+k\s+(?:eur|usd|gbp|cad|aud|chf|€|\$|£)?\s*(?:base|ote|salary)\b
    |(?:exam|test|certification|licen[cs]e)\s+(?:is\s+)?(?:booked|scheduled)
    |salary|salaries|comp|compensation|(?:pay|salary|comp)\s+(?:band|range|scale|step|review)|equity
    |(?:pay|salary|performance|annual)\s+reviews?|reviews?\s+in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*
    |(?<!lake\s)(?<!square\s)(?<!station\s)(?<!tenants\s)(?<!tenant\s)(?<!tenants'\s)(?<!students\s)(?<!credit\s)(?<!european\s)union(?!\s+(?:square|station|street|st|bay|pacific))|probation\w*|pay\s+step|step\s+\d|grade\s+\d+
    |offers?\s+(?:would|will|is|was|of|at|around|could|might)\b|\$?\d{2,3}(?:[.,]\d+)?k?\s*(?:-|–|to)\s*\$?\d{2,3}(?:[.,]\d+)?k(?=\s*(?:$|[,.;+)/]|base|salary|plus|bonus|a\s+year|per\s+year|annual|dollars|range|depending|doe|neg))|(?:the\s+|your\s+|their\s+)?range\s+is\s+\$?\d|offers?\s+(?:decisions?\s+)?go(?:es)?\s+out|(?:panel\s+)?debrief\s+(?:is|on|by|next)\b|offer\s+decisions?|copy\s+of\s+my\s+(?:\w+\s+)?(?:cert\w*|licen[cs]e|id|transcript|diploma|degree|passport|references?)
    |^\s*results?\s+(?:in|by|within|after)\b|(?:moving|relocating|transferring)\s+to\s+(?:the\s+)?[\w\s]{0,25}?(?:office|site|branch|team|store|location)\b
    |band\s+\d+[a-z]?|(?:pay\s+)?grade\s+\d+|ote|quota|commission|pay\s+steps|split\s+\d+\s*/|\d+\s*/\s*\d+\s+split|desk\s+fee|step\s+\d+|per\s+hour|/hr|hourly\s+rate
    |stock\s+options|rsus?|bonus(?:es)?|401k|pension|benefits?|perks?|pto|vacation\s+(?:days|policy)
    |spiffs?|(?:make|makes|earn|earns|paid|pays)\s+(?:about\s+|~\s*)?\$?\d{2,3}(?:[.,]\d+)?k?
     (?:\s*-\s*\$?\d{2,3}(?:[.,]\d+)?)?k\b(?=\s*(?:$|[,.;+]|a\s+year|per|base|with|w/|plus|before
     |after|salary|bonus|ote))
    |unlimited\s+vacation|(?:health|dental|life|medical|vision)\s+(?:insurance|plan|cover(?:age)?)
    |insurance\s+(?:plan|cover(?:age)?|benefits?)|parental\s+leave|relocation|relocate
    |visa|sponsorship|notice\s+period|start\s+date|offer\s+(?:letter|stage|details|call)
    |decisions?\s+(?:in|by|expected|next|soon|within|after)|final\s+decision|decide\s+by|(?:hiring|decision|interview|recruiting|process)\s+timeline
    |timeline\s+(?:for|is|of)\s+(?:the\s+)?(?:decision|hiring|process|next\s+steps?|interviews?)
    |next\s+(?:steps?|rounds?|stages?|week|call)|final\s+round|get\s+back\s+to
    |(?:i'?ll|we'?ll|will|should|to|i\s+would|would)\s+hear\s+back|hear\s+back\s+(?:by|within|in
     |next|soon|from\s+(?:them|him|her|hr|the\s+recruiter|the\s+hiring))
    |follow[- ]?up\s+call|onsite\s+(?:on|is|next)|calendar\s+(?:invite|link|hold)
    |(?:my|our|his|her|their)\s+calendar|(?:my|our)\s+availability
    |^\s*(?:(?:he|she|they)\s+)?said\s+\$?\d{2,3}(?:[.,]\d+)?k\b|\$?\d{2,3}k\s*\+\s*(?:\d|bonus|commission|equity)
    |\d[\d.,]*\s*(?:an|a|per)\s+(?:hour|hr)\b|\d[\d.,]*k?\s+a\s+year\s*$|\b(?:pay|wage|wages|rate)\s+(?:is|of|was)\s+\$?\d
    |recruiter\s+will|need(?:s|ed)?\s+(?:someone|somebody|a\s+hire|the\s+role\s+filled|to\s+hire)
     \s+(?:by|before|in|starting|for\s+(?:q[1-4]|the\s+(?:summer|fall|autumn|spring|winter|season
     |busy|holidays?|new\s+year)|next|this|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b
    |fill\s+the\s+role\s+by|start(?:ing)?\s+(?:by|on|in)\s+
     (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*
    |(?:re)?schedul(?:e|ed|ing)\s+(?:for\b|(?:(?:the|a|an|my|our|next|another)\s+(?:\w+\s+)?)?
     (?:call|interview|onsite|on-site|meeting|chat|round|visit|tour|time|follow[- ]?up)s?\b)
    |rescheduled?|take[- ]home\s+due|travel(?!\s+(?:time|distance|industry|agency|nurs\w+|tech))
    |(?:ranking|rank)\s+list|results?\s+(?:list\s+)?out\s+(?:by|~|about|around|in|on|\d)
    |travels?\s+(?:about\s+|~\s*)?\d+(?=\s*%)|rotate\s+weekends|weekends?\s+1\s+in\s+\d
    |1\s+(?:wk|week|weekend)\s+in\s+\d|\d+\s*(?:-|to)?\s*\d*\s*-?\s*(?:hr|hour)s?\s+(?:work\s*)?(?:weeks?|wks?)
    |flights?|hotel|reimburs\w*|expenses|parking|lobby
    |(?:at|to|from)\s+the\s+front\s+desk|badge|visitor|headcount|let\s+me\s+know|will\s+(?:let|send|get\s+back|follow\s+up)
    |by\s+(?:mon|tues?|wed|thu|thurs|fri|monday|tuesday|wednesday|thursday|friday|end\s+of)
    |calendar\s+invite|hiring\s+\d+|(?:is|are)\s+hiring|hiring\s+for|hiring\s+in\b
    |hiring\s+(?:next|this|soon|now|again|freeze|a|an|\d+|for|in|first|their\s+first|our\s+first)\b|\bnot\s+hiring
    |\d+\s+(?:open\s+)?(?:roles|positions|openings|hires)|learning\s+budget|stipend|allowance
    |\b[2-7]\s*x\s*(?:8|10|12)s?\b|\bshifts?\s+(?:is|are|pattern|rotat\w*|starts?|bids?|bidding)\b
    |\b(?:starts?|begins?|at|by|from|until|til)\s+\d{1,2}(?::\d\d\s*(?:am|pm)?|\s*(?:am|pm))(?!\w)
    |\bin\s+\d+[\s-]*(?:hr|hour|min|minute)s?\s+blocks\b|\bblocks?\s+of\s+\d+\s*(?:hrs?|hours?)\b
    |(?<!\d\s)hybrid(?!\s+(?:ors?|rooms?|suites?|cars?|vehicles?|cloud|apps?|models?|approach|seeds?))
    |days?\s+(?:a\s+week\s+)?in\s+(?:the\s+)?office|in-office|office\s+days|return\s+to\s+office
    |interview\s+(?:loop|process)|rounds?\s+(?:left|to\s+go)|(?:'re|are|is)\s+hiring
    |(?:\d+|two|three|four|one|more|another|remaining|further|last|later)\s+(?:more\s+)?
     (?:rounds?|interviews?|stages?|steps?|calls?(?!\s+(?:at\s+once|a\s+day|an\s+hour|per|a\s+shift
       |a\s+week|in\s+(?:the\s+)?queue|on\s+hold)))
    |take[- ]?homes?(?:\s+(?:test|task|exercise|assignment))?
     \s+(?:then|next|due|first|after|before|and\s+then)
    |^\s*(?:a\s+|the\s+)?take[- ]?homes?
     (?:\s+(?:test|task|exercise|assignment))?\s*$
    |bar[- ]?raisers?|on-?sites?|super[- ]?day|loop\s+(?:next|on|is)|small\s+talk
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
# "office coord", "talent coordinator", "ops mgr": who the person is, at the head of a line
_TITLE_PIECE_RE = re.compile(
    r"^(?:(?:their|the|our)\s+)?(?:[\w&-]+\s+){0,3}(?:coord|coordinator|manager|mgr|director|dir"
    r"|recruiter|vp|chief|person|guy|gal"
    r"|officer|assistant|admin|administrator|specialist|supervisor|assoc|associate|partner"
    r"|owner|analyst|advocate|lead|engineer|eng)(?:\s+(?:at|@)\s+[\w&.-]+)?$",
    re.IGNORECASE)

# Hobbies, family, pets, food, sport, places from home: the rapport line.
_PERSONAL_RE = re.compile(r"""\b(?:
    hobby|hobbies|fan|weekends?|vacation\s+in|holiday|triathlons?|trains\s+for|\d+\s?yo
    |daughter|son|kids?|children|toddler|baby|wife|husband|family|dog|cat|puppy|pets?
    |(?:my|his|her|their|a|life)\s+partner(?!\s+(?:apis?|teams?|companies|company|banks?|program\w*|integrations?|networks?|portal|platform|ecosystem|success|engineering|manager))
    |sourdough|baking|bakes?|cook(?:s|ing)?|recipes?|coffee\s+snob|tea|wine|beer|chess|board\s+games?
    |cycling|cyclist|bike|bikes|rides?\s+to|runner|running\s+club|marathons?|climb(?:s|ing|er)?
    |ultra(?:marathon)?s?|trail\s+run\w*|futsal|coach(?:es|ing)?\s+(?:u\d+|youth|kids|little|junior|under)
    |(?:huge|big|total|massive)\s+[\w-]+\s+(?:nerd|geek|buff|fan|fanatic)
    |hik(?:e|es|ing)
    |surf(?:s|ing)?|swim(?:s|ming)?|ski(?:s|ing)?|yoga|soccer|football|basketball|tennis|golf
    |guitar|piano|plays\s+in\s+a\s+band|sings?|choir|music|podcast|novels?|garden(?:s|ing)?|photograph\w*
    |grew\s+up|moved\s+here|originally\s+from|(?:he's|she's|they're|is|are)\s+from|hometown
    |volunteers?|robotics\s+team
    |just\s+back\s+from|funny|joke|laughed
    |bird(?:ing|er|s|watch\w*)|feeder|ballet|danc(?:e|es|er|ing)|theat(?:er|re)|opera|concerts?
    |jazz|bass|drums?|violin|cello|trio|quartet|festival|fringe|museums?|painting|knit\w*|pottery
    |ceramics|woodwork\w*|fish(?:es|ing)?|fly-fish\w*|sailing|kayak\w*|rowing|rugby|cricket|hockey|baseball|pickleball
    |padel|crossfit|half[- ]marathons?|triathlete|ride\s+bikes|bikes?|biking
    |peace\s+corps|americorps|geysers?|pho|ramen|sushi|tacos|bbq|barbecue|brew(?:s|ing|ery)
    |scottish|irish|welsh
    )\b""", re.IGNORECASE | re.VERBOSE)

# The user's verdict on their own answer: private, never in the email.
SELF_ASSESSMENT_RE = re.compile(r"""\b(?:
    \d+\s*wpm|typing\s+test|my\s+(?:aptitude\s+|test\s+|assessment\s+|exam\s+|written\s+)?(?:score|scores|ranking|rank|percentile)|got\s+\d+\s+(?:of|out\s+of)\s+\d+|scored\s+\d+|passed\s+(?:the|my)\s+\w+\s+test
    |vague|vaguely|fumbled?|fumbling|blank(?:ed)?|rambl(?:ed|ing|e)|weak|weakly|poor(?:ly)?|badly
    |bombed|botched|froze|stumbled|flubbed|messed\s+up|screwed\s+up|hand[- ]?wav(?:ed|ing|e)
    |couldn'?t\s+(?:remember|recall|answer|explain|think)|could\s+not|didn'?t\s+(?:know|remember)
    |did\s+not|i\s+didn'?t|i\s+wasn'?t|(?<!that\s)(?<!who\s)(?<!which\s)(?<!they\s)(?:forgot|forget)|not\s+(?:quite\s+)?(?:true|right|correct|great|sure)|(?<!\bthe\s)wrong|the\s+wrong\s+answer|mistakes?
    |no\s+idea|unsure|(?:(?<!s\s)(?<!\bare\s)(?<!\bwere\s)|(?<=\bwas\s)|(?<=\bis\s))nervous|should\s+have|should'?ve|meh|my\s+answer|i\s+said|i\s+answered
    |i\s+think\s+i|struggled|awkward|embarrass\w*|not\s+my\s+best|went\s+blank|brain\s+fart
    |flustered|fluster|panick?(?:ed|ing)?|tongue[- ]tied|mumbl\w*|stammer\w*|overthought
    |over[- ]?explain\w*|talked\s+too\s+(?:much|long|fast)|went\s+off\s+on|tangent|sweat\w*
    |shaky|took\s+(?:forever|ages|too\s+long)|slow\s+on\s+the|took\s+a\s+while|drew\s+a\s+blank|wing(?:ed)?\s+it|made\s+(?:it|something|stuff)\s+up|guessed
    |face\s+(?:went|got|turned)\s+(?:hot|red)|went\s+red|blush\w*|lost\s+(?:him|her|them|the\s+thread
    |my\s+(?:train|place|way))|not\s+great|(?<!\bare\s)too\s+(?:long|short)(?!\s+for\b)|oof|ugh|yikes|cringe\w*
    |never\s+got\s+to|didn'?t\s+get\s+to|didn'?t\s+(?:say|mention|talk\s+about|bring\s+up|cover)
    |forgot\s+to|ran\s+out\s+of\s+time\s+(?:on|before)|left\s+out
    |i\s+was\s+(?:bad|off|slow|unclear|rusty)|rusty|off\s+the\s+cuff|bs'?d|waffl\w*
    )\b""", re.IGNORECASE | re.VERBOSE)

# How the meeting ran, not what was said: a late start, the camera, who took notes, the agenda,
# where anyone sat, the room, lunch, a badge. A reader never wants these as a highlight ("What
# stayed with me most was hearing that you joined 10 minutes in"); an impression of the day may
# only shape the thanks, which the templates already do for a coordinator. Perks are here too.
_MECHANICS_RE = re.compile(r"""(?:
    \b(?:started|starting|joined|arrived|came\s+in|showed\s+up|was|were|running|ran|got\s+there)
     \s+(?:\w+\s+){0,2}(?:late|early)(?=\s*(?:$|[,.;!]|to\b|for\b|by\b|and\b|so\b|because\b
     |from\b|after\b|due\b|as\b|b/c\b|with\b|on\b))
    |\b(?:is|are|was|were)\s+always\s+(?:running\s+)?late\b
    |^(?:he|she|they)?\s*(?:did|gave|led|took|ran)\s+(?:me\s+|us\s+)?(?:the|a)\s+(?:quick\s+)?
     (?:[\w-]+\s+)?tour
     (?:\s+(?:after|afterwards|before|first|at\s+the\s+end))?\s*$
    |\b(?:\d{1,2}\s*(?:am|pm)|midnight|\d{1,2}(?::\d\d)?\s*(?:at\s+night|in\s+the\s+morning))\s+
     (?:his|her|their)\s+time\b
    |\b(?:he|she|they)\s+(?:was|were)\s+driving\b|\broad\s+noise\b|\bfrom\s+(?:her|his|their)\s+car\b
    |\blate\s+(?:start|join|arrival)\b|^\s*(?:ran\s+|running\s+|was\s+)?late\b(?!\s+[a-z]+(?:s|ies)\b(?<!starts))
    |\b(?:started|ended|finished)\s+on\s+time\b|\bjoined\s+(?:\d+|a\s+few|few)\s+min\w*
    |\bmin\w*\s+(?:late|in)\b
    |\bcamera\b|\bvideo\s+(?:was|kept|froze|off|on|dropped|lag\w*)|\baudio\b|\bmic\b|\bmuted\b
    |\bwi-?fi\b|\bconnection\b|\bkept\s+(?:freezing|dropping|cutting)|\bfr(?:oze|ozen|eezing)\b
    |\b(?:took|taking|takes)\s+(?:a\s+lot\s+of\s+|all\s+the\s+|most\s+of\s+the\s+)?notes\b
    |\bnote[- ]?tak\w*|\bmostly\s+(?:listened|quiet|silent|typed|typing)
    |\bagenda\b|\bitinerary\b|\bcalendar\s+(?:invite|link|hold)|\b(?:my|his|her|their)\s+calendar\b
    |\bzoom\b|\bteams\s+(?:link|call)
    |\bbike\s+(?:storage|rack|racks|shed|parking)\b|\blockers?\b|\bstudio\s+lunch\b|\bvisitor\s+pass\b
    |\b(?:sat|seated|sitting)\s+(?:in(?!\s+on)|at|next|across|beside|by|on)\b|\b(?:took|grabbed|had|offered|found|saved|swapped)\s+(?:me\s+)?(?:a\s+|our\s+|my\s+|their\s+|the\s+)?seats?\b|\bseating\s+(?:chart|plan)\b
    |\b(?:conference|meeting|interview|waiting|board)\s+room\b|\blunch\b|\bsnacks?\b
    |\b(?:bought|got|grabbed|paid\s+for|brought)\s+(?:me\s+|us\s+)?(?:a\s+|the\s+)?(?:coffee|tea|water|drinks?)
    |\b(?:gave|handed|passed|got|took|grabbed)\s+(?:me\s+)?(?:his|her|their|a|my)\s+(?:business\s+)?card\b
    |\b(?:swapped|exchanged|traded)\s+(?:business\s+)?cards\b|\bconnected\s+on\s+linkedin\b
    |\b(?:set\s+up|organi[sz]ed|arranged|coordinated|booked|ran)\s+(?:the\s+|my\s+|our\s+)?(?:whole\s+|entire\s+)?
       (?:loop|day|panel|interviews?|schedule|call|meeting|room|visit)\b|\bmet\s+me\s+(?:at|in|outside)\b
    |(?:^\s*|\b(?:he|she|they|someone|the\s+\w+)\s+)(?:dropped|popped|stopped|jumped)\s+in\b(?!\s+the\s+(?:deep|water|pool|tank|river|lake|sea|bin|box))|\bapologi[sz]\w*
    |\bhad\s+to\s+(?:drop|leave|go|run|hop|jump|step\s+out|take\s+a\s+call)\b
    |\bleft\s+(?:(?:about\s+|~\s*)?\d+\s+min\w*\s+|a\s+(?:bit|few\s+min\w*)\s+|half\s+an\s+hour\s+)?early\b
    |\b(?:radio|phone|pager|bleep|walkie)\w*\s+(?:kept\s+)?(?:going\s+off|ringing|buzzing|rang)\b
    |\bkept\s+(?:walking|moving|getting\s+(?:pinged|paged|called))\b|\bstep(?:ped)?\s+out\b
    |\b(?:dog|dogs|baby|kid|kids|cat)\s+(?:kept\s+)?(?:barked|barking|cried|crying|meowing|screaming)
    |\b(?:smelled|smelt|smells|smelling)\s+(?:like|of)\b
    |\b(?:wearing|wore|dressed\s+in|in\s+(?:his|her|their))\s+(?:\w+\s+)?(?:carhartts?|scrubs|suit|uniform
       |hoodie|boots|hi-?vis|overalls|jeans|blazer|tie|coveralls|work\s+clothes|jacket|coat|dress
       |shirt|sweater|scarf|hat|glasses)\b
    |\b(?:booked|reserved|got)\s+(?:us\s+)?(?:the\s+)?(?:conf\w*\s+|meeting\s+)?(?:room|rm)\b
    |\b(?:said|say|saying)\s+hi\b|\bto\s+say\s+hello\b
    |\bcame\s+(?:straight\s+|over\s+|in\s+)?from\s+(?:the|a|another|his|her|their)\s+(?:set|meeting|call
       |site|clinic|surgery|hospital|airport|ward|unit|floor|shoot|rehearsal|class|round|appointment)\b
    |\b(?:left|dropped\s+off|hopped\s+off)\s+(?:early|the\s+call|halfway|after\s+\d+)
    |\b(?:ran|led|gave)\s+(?:me\s+)?the\s+(?:case|exercise|interview|test|role[- ]play)\b
    |\b(?:last|first|final)\s+\d+\s+min\w*|\bcamera\s+on\b|\bbeep\w*
    |\bonly\s+(?:\d+|a\s+few|few)\s+min\w*|\b\d+\s+min\w*\s+at\s+the\s+(?:end|start)\b|\bshowed\s+me\s+round
    |\bwritten\s+task\b|\bwe\s+restarted\b|\bwalk\w*\s+me\s+(?:between|to|around|round)\b
    |\b(?:gave|handed|got)\s+(?:me\s+)?(?:a|an|some)\s+(?:[\w-]+\s+)?(?:tote|bag|mug|t-?shirt|hoodie|sticker|stickers|pen|swag|lanyard)\b
    |\borgani[sz]ed\s+(?:everything|it\s+all|the\s+(?:day|whole\s+thing))|\bpizza\b|\bafter\s+the\s+talk\b|\bat\s+the\s+bar\b|\bdrinks\b|\bswag\b
    |\bparking\b|\bbadge\b|\blobby\b|\breception(?:ist)?\b|\belevator\b|\bescort(?:ed)?\b
    |\b(?:sorted|arranged|organi[sz]ed|booked|got)\s+(?:out\s+)?(?:me\s+)?my\s+(?!own\b)
    |\b(?:checked|verified|collected|processed|copied|scanned)\s+my\b
    |\bscheduled\s+(?:everything|it\s+all|the\s+(?:whole\s+|entire\s+)?(?:day|interviews?|visit
     |tour|calls?|loop))
    |\bjoined\s+(?:by|on|over|via)\s+(?:phone|zoom|video|teams|meet|the\s+phone)\b
    |\bwalked\s+me\s+(?:to|out|back|down)\b|\bscreen[- ]?shar\w*|\blaptop\b|\bkept\s+time\b
    |\bran\s+(?:over|long|short|late)\b|\bcut\s+short\b|\bin\s+(?:the\s+)?background\b
    |\bfree\s+(?:lunch|food|snacks|coffee|gym|parking)\b|\bgym\b|\bcatered\b|\bping[- ]?pong\b
    |\bwfh\b|\bwork\s+from\s+home\b|\bshift\s+differential\b|\bsign[- ]on\s+bonus\b
    |\btuition\s+(?:reimbursement|assistance)\b|\bdress\s+code\b|\buniform\b
    |\b(?:seemed|seems|looked|looks)\s+(?:tired|busy|rushed|distracted|bored|stressed|annoyed
       |impatient|happy|pleased|interested|nice|friendly|skeptical|sceptical)
    |\bhard\s+to\s+read\b|\bpoker\s+face\b|\bchecked\s+(?:his|her|their)\s+phone
    |\b(?:tough|intense|stern|cold|strict)\s+(?:interviewer|one|person)\b
    |^\s*(?:we\s+|i\s+)?met\s+(?:up\s+)?(?:at|in|outside|near)\b
    |\b(?:stretch\w*|pac\w+|stood|standing|eating|knitting|doodl\w+)\s+(?:\w+\s+)?the\s+whole\s+time\b
    |\boffered\s+(?:me\s+|us\s+)?(?:a\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:water|coffee|tea|drinks?|snacks?|soda|la\s+croix|seltzer|juice)\b
    |\b(?:was|were)\s+already\s+there\b|\bgot\s+there\s+(?:first|early|late|before)|\b(?:offered|brought|got|gave)\s+(?:me\s+|us\s+)?(?:some\s+|a\s+)?(?:water|glass\s+of\s+water)\b|\bspilled\b|\bknocked\s+over\b
    |\b(?:toured|tour\s+of\s+the|gave\s+(?:me\s+|us\s+)?(?:a|the)\s+(?:quick\s+)?tour|showed\s+(?:me|us)\s+around)\b
    |(?:^|\b(?:he|she|they)\s+)(?:laughed|smiled|nodded|grinned|chuckled|frowned|winced|sighed)\b
    |\b(?:quick|short|brief)\s+(?:[\w-]+\s+)?(?:walk|walkthrough|walk-through|look\s+around)\b
    |\bthe\s+barking\b|\b(?:dog|dogs|baby|kid|kids)\s+in\s+the\s+background\b
    |\b(?:i|we|he|she|they)\s+(?:got|ordered|had|grabbed|drank)\s+(?:a\s+|an\s+|the\s+|my\s+)?(?:[\w-]+\s+)?
       (?:drip|latte|coffee|tea|cappuccino|espresso|americano|flat\s+white|mocha|chai|matcha|cortado
       |macchiato|beer|pint|juice|smoothie|croissant|muffin|bagel|pastry)\b
    )""", re.IGNORECASE | re.VERBOSE)

# Life events that are no rapport line for a follow-up: health, and family milestones (a baby,
# a son starting college, a wedding). A hobby, a race or coaching a kid's team is rapport.
_PRIVATE_LIFE_RE = re.compile(r"""(?:
    \b(?:his|her|their|my)\s+(?:\w+\s+)?injur(?:y|ies)\b|\binjured\b
    |\b(?:sick|illness|ill\s+(?:last|this)|surgery|chemo|hospitali[sz]ed
       |recovering|covid|flu|migraines?|diagnos\w*|pregnan\w*|expecting\s+(?:a|twins|their|her|his)
       |maternity|paternity|medical\s+leave|sick\s+leave
       |(?:in|starting|started|after|from|his|her|their|my|couples|grief)\s+therapy|funeral(?!\s+(?:home|homes|director|directors|services?|industry|parlou?r|arrangements?))|passed\s+away|died
       |divorc\w*|grief(?!\s+(?:follow|program|programme|services?|coordinator|mailings?|support|team|calls?|care|counsel\w*|groups?|letters?|outreach|visits?|policy|work|model))|grieving|bereave\w*(?!\s+(?:follow|program|programme|services?|coordinator|mailings?|support|team|calls?|care|counsel\w*|groups?|letters?|outreach|visits?|policy|work|model))|newborn|new\s+(?:baby|dad|mom|mum|father|mother|parent)
       |baby|babies|wedding|engaged|fianc[eé]e?|married|honeymoon|on\s+leave
       |(?:is|are|was|'s|just|recently|about\s+to|ready\s+to|plans?\s+to|planning\s+to)\s+retir\w+
       |retiring|retirement\s+(?:party|plans?|date|next|this|in)
       |(?:mat|pat|maternity|paternity|parental|family|medical|sick)\s+leave|back\s+from\s+leave
       |(?:1st|2nd|3rd|4th|first|second|third|fourth|new)\s+(?:kid|child|baby|grandchild|grandkid))\b
    |\b(?:partner|wife|husband|girlfriend|boyfriend|spouse)(?:'s)?\s+(?:is\s+)?(?:expecting|due|pregnant)
    |\b(?:partner|wife|husband|spouse|mom|mum|mother|dad|father|parents?|son|daughter|brother
       |sister|grand\w+|aunt|uncle|cousin|friend|dog|cat)\s+(?:just\s+|recently\s+|sadly\s+)?
       (?:passed|died|is\s+dying|is\s+in\s+hospice)\b
    |\b(?:has|have|had)\s+(?:a|an|two|three|\d)\s+(?:[\w-]+\s+)?(?:yr|year|month|mo)s?[\s-]+olds?\b
    |\b(?:has|have)\s+(?:\d+|two|three|four|five|six)\s+(?:kids|children|sons|daughters|boys|girls
       |grandkids|grandchildren)\b
    |\b(?:she|he)(?:'s|\s+is)\s+moving\s+to\s+(?!an?\b|the\b)[a-z]+\s+(?:in|next|this|after|by|soon)\b
    |\b(?:twins|triplets)\b|\bsprain\w*|\bin\s+a\s+(?:boot|sling|neck\s+brace)\b|\btonsils?\b|\bappendix\b|\bstitches\b|\bhad\s+(?:his|her|their)\s+\w+\s+(?:out|removed|done)\b|\b(?:had|having)\s+a\s+(?:baby|boy|girl|son|daughter)\b
    |\b(?:on|running\s+on)\s+(?:no|little|\d+\s+hrs?|\d+\s+hours?)\s+(?:of\s+)?sleep\b
    |\bexpecting\s+(?:a\s+baby|in\s+\w+|twins|their\s+first|a\s+(?:boy|girl))
    |\b(?:his|her|their|a|the|my)\s+(?:cancer|knee|back|hip|shoulder)\b
    |\blost\s+(?:our|his|her|their|my|a|both)\s+(?:dads?|moms?|mums?|fathers?|mothers?|parents?|wife
       |husband|partner|sons?|daughters?|brothers?|sisters?|child|children|baby|grand\w+)\b
    |\b(?:widow\w*|orphan\w*|bereave\w*(?!\s+(?:follow|program|programme|services?|coordinator|mailings?|support|team|calls?|care|counsel\w*|groups?|letters?|outreach|visits?|policy|work|model))|miscarriage|cancer|stroke|heart\s+attack|(?<=in\s)rehab|(?<=to\s)rehab|(?<=from\s)rehab|(?<=of\s)rehab
       |(?:bike|car|ski|skiing|climbing|work)\s+accident|concussion|broken\s+\w+|cast\b|crutches)\b
    |\b(?:son|daughter|kid|kids|child|children|boy|girl|twins)(?:'s)?\s+(?:just\s+|recently\s+)?
       (?:started|starting|starts|graduat\w*|got\s+into|getting\s+into|left\s+for|leaving\s+for
       |off\s+to|moved|moving|turned|turning|applying|born|was\s+born|going\s+to\s+(?:college|uni)
       |heading\s+to|in\s+(?:college|university|uni))\b
    |\b(?:college|university|uni)\s+(?:drop[- ]?off|move[- ]?in|applications?)\b
    |\b(?:son|daughter|kid|kids|child|children|baby|boy|girl|wife|husband|partner|spouse|mom|mum
       |dad|mother|father|parents?|brother|sister)\s+(?:was|is|were|are|'s|has\s+been|had\s+been)
       \s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+)?(?:hospital|ER|A&E|ICU|NICU|PICU|emergency)\b
    |\bbe\s+kind\b
    |\b(?:mom|mum|dad|mother|father|parent)\s+(?:of|to)\s+(?:a|an|two|three|four|\d+|twins)\b
    )""", re.IGNORECASE | re.VERBOSE)

_SHARED_RE = re.compile(r"^\s*(?:we|both\s+of\s+us)\s+(?:both\s+|all\s+|each\s+)?\w+", re.I)


@lru_cache(maxsize=4096)
def is_mechanics(text: str) -> bool:
    """Whether a note is about how the meeting ran (a late start, the camera, the agenda, who
    took notes, where anyone sat), a perk, or an impression of the person's mood."""
    return _MECHANICS_RE.search(text) is not None


@lru_cache(maxsize=4096)
def is_private_life(text: str) -> bool:
    """Whether a note is about health or a family milestone: never a point, never rapport.
    "push alerts are her baby" is her pet project, no baby."""
    text = re.sub(r"\b(?:is|are|was|were)\s+(?:her|his|their|my)\s+baby\b", "is theirs", text,
                  flags=re.IGNORECASE)
    return _PRIVATE_LIFE_RE.search(text) is not None


def is_shared(text: str) -> bool:
    """`we both ran the Lisbon marathon`, `we argued abt the best pho`: something the user and
    the person share, or a moment of the conversation the two had."""
    if same_as_me(text):
        return True
    return re.match(r"^\s*we\s+both\b|^\s*both\s+of\s+us\b|^\s*we\s+\w+\s+both\b"
                    r"|^\s*both\s+(?:grew|went|played|ran|run|did|do|love|lived|live|studied|worked"
                    r"|started|swam|swim|moved|have|had|like|hate)\b"
                    r"|^\s*we\s+(?:\w+ed|laughed|swapped|talked|joked|compared|bonded|argued"
                    r"|traded|shared|chatted|geeked)\b", text, re.I) is not None


_SAME_AS_ME_RE = re.compile(r"^\s*(?:he|she|they)\s+(?:also\s+)?(\w+)\s+(.+?),?\s+(?:-\s+)?"
                            r"(?:same\s+as\s+me|like\s+me|me\s+too|as\s+do\s+i|so\s+do\s+i)\b",
                            re.IGNORECASE)


def same_as_me(text: str) -> str | None:
    """`he runs the bridge 10k every yr, same as me` -> "we both run the bridge 10k every yr":
    something shared, said as the user's "we both"; None for any other line."""
    from followup.core.word_forms import verb_base  # a late import: word forms load lazily

    match = _SAME_AS_ME_RE.match(text)
    if not match:
        return None
    return f"we both {verb_base(match[1].lower())} {match[2]}"


def is_moment(text: str) -> bool:
    """`we argued about the best pho`: a moment of the conversation, not a shared fact."""
    return is_shared(text) and re.match(
        r"^\s*we\s+(?:(?!both\b|all\b)\w+|both\s+(?:laughed|joked|talked|chatted|bonded|argued"
        r"|agreed|swapped|compared|geeked|nerded))\b", text, re.I) is not None


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
    """Whether a note line is about the person's life outside work (hobby, family, food). A
    sport or hobby word in a line about work ("soccer side, tracking data", "golf clients")
    is the work, unless a word of liking or free time says otherwise."""
    if _PERSONAL_RE.search(text) is None or is_logistics(text):
        return False
    return _WORK_CONTEXT_RE.search(text) is None or _LIKING_RE.search(text) is not None


_WORK_CONTEXT_RE = re.compile(
    r"\b(?:side|data|analytics|team|department|dept|clients?|customers?|accounts?|product|"
    r"project|pipeline|model|models|platform|vertical|segment|division|unit|business|market|"
    r"league\s+office|tracking|scouting|contracts?|sales|revenue|sponsors?|vendor|liaison"
    r"|families|caseload|patients|students)\b", re.I)  # "family liaison": a job
_LIKING_RE = re.compile(
    r"\b(?:loves?|enjoys?|likes?|plays?|played|fan|weekends?|hobby|free\s+time|spare\s+time|"
    r"for\s+fun|we\s+both|both\s+of\s+us|grew\s+up|coaches|volunteers?|trains?|runs?\s+in)\b",
    re.I)


@lru_cache(maxsize=4096)
def is_self_assessment(text: str) -> bool:
    """Whether a note (or a piece of one) is the user's verdict on how they did."""
    return SELF_ASSESSMENT_RE.search(text) is not None


# "dont mention", "off the record": the user's own mark that a line stays out of every email
_CONFIDENTIAL_RE = re.compile(
    r"\b(?:don'?t|do\s+not|never)\s+(?:mention|bring\s+(?:it|this|that)\s+up|repeat|share)\b"
    r"|\basked\s+(?:me\s+)?not\s+to\s+(?:mention|share|repeat|say)\b"
    r"|\boff\s+(?:the\s+)?record\b|\bconfidential\b|\bbetween\s+us\b|\bnot\s+public(?:\s+yet)?\b"
    r"|\b(?:told|said)\s+(?:me\s+|it\s+)?(?:privately|in\s+confidence|quietly)\b|\bin\s+private\b"
    r"|\bunder\s+nda\b|\bkeep\s+(?:it|this)\s+(?:quiet|private)\b"
    r"|\b(?:don'?t|do\s+not|not\s+to)\s+quote\b|\bnot\s+for\s+(?:quoting|attribution)\b",
    re.IGNORECASE)


def is_confidential(text: str) -> bool:
    """Whether the user marked a note line as not to be repeated ("offer would be 61k, dont
    mention", "off the record", "not public yet")."""
    return _CONFIDENTIAL_RE.search(text) is not None


# What a person let slip about their own workplace: someone who quit or was let go, the team
# understaffed, people lost to a rival, their own view of their employer. Said in the room,
# never written back ("the last apprentice quit after 4 months", "she thinks the team is
# understaffed", "lost 2 seniors to big 4": readers counted each as a leak).
_INTERNAL_RE = re.compile(
    r"\b(?:the\s+)?(?:last|previous|old|former|prior)\s+(?:\w+\s+)?(?:apprentice|hire|person|guy"
    r"|manager|mgr|director|lead|nurse|tech|analyst|associate|engineer|coordinator|intern|one"
    r"|assistant|admin|chef|teacher|rep|(?!year|month|week|season|quarter|time)[a-z]+)\s+(?:quit|left|was\s+fired|got\s+fired|was\s+let\s+go"
    r"|(?:only\s+)?lasted|burned\s+out|burnt\s+out|walked\s+out)\b"
    r"|\b(?:is|'s|are)\s+leaving\s+(?:in|at|next|this|by|after|before|soon|for)\b"
    r"|\b(?:they|we|he|she)\s+lost\s+(?:a|an|the|their|our|\d+|two|three)\s+(?:big\s+|major\s+|key\s+)?"
    r"(?:clients?|customers?|accounts?|contracts?|deals?|bids?)\b"
    r"|\b(?:understaffed|under-staffed|short[- ]staffed|short\s+\d+\s+(?:fte|people|staff|nurses"
    r"|techs|heads)|(?:got|was|were|being|getting)\s+(?:fired|laid\s+off|let\s+go|pushed\s+out)"
    r"|layoffs?|lay-?offs?|laid\s+off|poached)\b"
    r"|\blost\s+(?:\d+|two|three|four|five|several|a\s+few|some|a\s+couple\s+of)\s+(?:\w+\s+)?"
    r"(?:seniors|people|staff|nurses|engineers|techs|associates|hires|employees|managers"
    r"|team\s+members|teachers|analysts|devs|developers|tellers|cashiers|drivers|reporters|agents"
    r"|planners|therapists|medics|chefs|cooks|operators|welders|electricians|mechanics"
    r"|installers|advisors|coordinators|assistants)\s+(?:to|this|last|in)\b"
    r"|\b(?:new\s+hires|hires|recruits|trainees|apprentices)\s+(?:often\s+|usually\s+)?wash\s+out\b"
    r"|\blost\s+(?:\w+\s+){1,4}?to\s+(?:a|an|the|another|big|bigger|rival|competitor|private"
    r"|industry)\b|\bbecause\s+(?:of\s+)?(?:the\s+)?(?:pay|salary|money)\b"
    r"|\bover\s+budget\b|\bbleed(?:s|ing)?\s+money\b|\blos(?:e|es|ing|t)\s+money\b"
    r"|\bin\s+the\s+red\b"
    r"|\b(?:she|he|they)\s+thinks?\s+(?:the\s+|their\s+|her\s+|his\s+)?(?:team|company|firm|org"
    r"|management|mgmt|leadership|boss|department|dept|ceo|owner|board)\b", re.IGNORECASE)


def is_internal(text: str) -> bool:
    """Whether a note repeats what a person let slip about their workplace (someone who quit,
    the team understaffed, their view of their employer): never a point."""
    return _INTERNAL_RE.search(text) is not None


# "3 yrs", "~6 years here": how long someone has been in the job, beside their title
_TENURE_RE = re.compile(r"(?:~\s*|about\s+)?\d+\+?\s*(?:yrs?|years?|mos?|months?)"
                        r"(?:\s+(?:here|there|in\s+the\s+role|in\s+role))?")


# Where the person worked before and for how long: their career, not the conversation's point.
_CAREER_RE = re.compile(r"\s*(?:(?:he|she|they)\s+)?(?:worked|was|spent\s+(?:~\s*|about\s+)?\d+\+?"
                        r"\s*(?:yrs?|years?))\s+(?:at|with|in)\s+[\w&.' -]+?\s+(?:for\s+)?"
                        r"(?:~\s*|about\s+)?\d+\+?\s*(?:yrs?|years?|mos?|months?)\s*$"
                        r"|\s*(?:(?:he|she|they)\s+)?spent\s+(?:~\s*|about\s+)?\d+\+?\s*(?:yrs?"
                        r"|years?)\s+(?:at|with|in)\s+[\w&.' -]+$", re.IGNORECASE)


def _wish_beside(text: str) -> bool:
    """Whether a line that lets something slip ("last PSM left mid-season") also holds, in a
    piece of its own, what the person wants ("she wants a book anyone could call the show
    from"): that piece may be said, the rest never (phrasing drops what is internal)."""
    return any(re.match(r"(?:(?:he|she|they)\s+)?(?:wants?|needs?|hopes?|is\s+looking\s+for)\b",
                        p.strip(), re.I) and not is_internal(p)
               for _s, p in split_parts(clean(text))[1:])


def _theirs_unsure(text: str) -> bool:
    """"wants the show on youtube w/ video, unsure how": a line of what the person wants, with
    no word of mine in it, whose doubt is theirs, not my verdict on an answer."""
    return re.match(r"\s*(?:(?:he|she|they)\s+)?(?:wants?|needs?|hopes?|plans?|would\s+like)\b",
                    text, re.IGNORECASE) is not None \
        and not re.search(r"\b(?:i|i'm|i'd|i've|my|me)\b", text, re.IGNORECASE) \
        and re.search(r"\b(?:unsure|not\s+sure|no\s+idea)\b", text, re.IGNORECASE) is not None


def never_a_point(text: str, rapport: bool = False) -> bool:
    """Whether a note line can never be a follow-up's point: health and family milestones, the
    user's verdict (anywhere in the line: its other pieces share that context), or a line whose
    every piece is logistics or the meeting's mechanics ("very organized, sent agenda in
    advance"). Drafting and the checklist's `specifics` both ask this, so the checklist never
    asks for a point that drafting rightly leaves out."""
    if is_internal(text) and not _wish_beside(text):
        return True
    if is_private_life(text) or is_confidential(text) or is_self_assessment(
            split_parts(clean(text))[0][1] if rapport else text) and not _theirs_unsure(text):
        return True  # a rapport line may carry a joke at the user's expense later on:
        # "we both played in youth orchestra - me viola (badly)"
    pieces = split_parts(clean(text))
    if len(pieces) > 1 and pieces[1][0] == ":" and (is_logistics(pieces[0][1])
                                                    or is_mechanics(pieces[0][1])):
        return True  # "benefits: 4-day week pilot", "he ran the case: ...": the label says
        # what all of it is about
    if _CAREER_RE.match(pieces[0][1]) and len(pieces) == 1:
        return True  # "worked at wnyc 9 yrs": where they were before, which readers took for
        # a misread when it was the highlight
    if is_mechanics(pieces[0][1]) and all(len(p.split()) <= 3 for _s, p in pieces[1:]):
        return True  # "popped in for 2 min to say hi, had a clinic": why, not a point
    aside = [is_mechanics(p) or is_logistics(p) or is_descriptor(p)
             or i == 0 and _TITLE_PIECE_RE.match(p.strip()) is not None
             or re.fullmatch(r"[\d\s.,%$£€+~-]+", p) is not None
             or _TENURE_RE.fullmatch(p.strip()) is not None
             for i, (_s, p) in enumerate(pieces)]  # "50%" alone is its line's context's
    # "union position, afscme local, 6 mo probation": the line is about logistics, though a
    # fragment of it is not
    return all(aside) or is_logistics(pieces[0][1]) and sum(aside) * 2 >= len(aside)
