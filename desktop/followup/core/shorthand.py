"""Note shorthand written out, and a note line cut into its pieces.

`w/` is "with", `prev` "previous", `yrs` "years", `->` "to", `go + postgres + k8s` "go,
postgres and k8s"; asides in parentheses, quotation marks and emoji are dropped. A line is then
cut at commas, semicolons, colons and spaced dashes, but not inside a list of adjectives.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from followup.core.lexicon import expand_shorthand, is_english_word, name_table
from followup.core.word_forms import is_adjective, plain, word_classes

_DAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
         "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
_MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
           "jun": "June", "jul": "July", "aug": "August", "sep": "September",
           "sept": "September", "oct": "October", "nov": "November", "dec": "December"}


_ANY_MONTH = "|".join(sorted({*_MONTHS, *(m.lower() for m in _MONTHS.values())}, key=len,
                             reverse=True))


def _month_range(match: re.Match) -> str:
    """"in nov-dec" -> "in November and December"; "in oct-dec" -> "from October to
    December"; "jan-mar" -> "January to March"."""
    names = list(dict.fromkeys(_MONTHS.values()))
    first, last = _MONTHS[match.group(3).lower()], _MONTHS[match.group(4).lower()]
    if match.group(1) and names.index(last) - names.index(first) == 1:
        return f"{match.group(1)}{match.group(2)}{first} and {last}"
    if match.group(1):
        return f"from {first} to {last}"
    return f"{match.group(2)}{first} to {last}"


def _spelled_pair(m: re.Match[str]) -> str:
    """"docker/singularity" -> "Docker/singularity": each side as the names table spells it."""
    table = name_table()
    return f"{table.get(m[1], m[1])}/{table.get(m[2], m[2])}"


_UNIT_WORDS = {"min": "minute", "hr": "hour", "wk": "week", "mo": "month", "yr": "year"}


_SHORTHAND = (
    # "from 4h to 25 min": hours
    (r"\b(\d+(?:\.\d+)?)h\b", lambda m: f"{m[1]} hour{'' if m[1] == '1' else 's'}"),
    # "3 day min", "min order 40": a minimum, not minutes
    (r"\b(\d+)[\s-](day|week|month|night|unit|case|piece|hour)\s+min\b", r"\1-\2 minimum"),
    (r"\bmin\s+(?=order|spend|charge|stay|booking|purchase|wage)", "minimum "),
    # "harvest runs aug -> oct": a range of months
    (r"\b(" + _ANY_MONTH + r")\s*(?:->|=>|–)\s*(" + _ANY_MONTH + r")\b",
     lambda m: f"{_MONTHS[m[1].lower()[:3]]} to {_MONTHS[m[2].lower()[:3]]}"),
    (r"\bw/c\b", "week commencing"),
    # "a 20 min version", "an 8 hr shift": a length before a noun is one word, singular
    (r"\b(a|an)\s+(\d+)\s*-?\s*(?:(min|hr|wk|mo|yr)s?|(minute|hour|day|week|month|year)s?)\b"
     r"(?=\s+(?!(?:of|in|on|at|to|for|per|and|or|a|an|the|from|ago|later|before|after)\b)[a-z]{3,})",
     lambda m: f"{m[1]} {m[2]}-{_UNIT_WORDS.get(m[3], m[3]) if m[3] else m[4]}"),
    (r"(?<=\d)\s*pa\b", " Pa"),  # "at 50 pa": pascals
    # "a 14yo greyhound", "her 9 yo": an age, said as one
    (r"\b(a|an|her|his|their|my|your)\s+(\d{1,2})\s*(?:yo|y/o|yr\s+old|year\s+old)\b(?=\s+[a-z])",
     r"\1 \2-year-old"),
    (r"\b(\d{1,2})\s*(?:yo|y/o)\b", r"\1 years old"),
    # "pgy1", "mp3", "ps5": letters said one by one, then a number
    (r"\b(?!(?:wk|wks|yr|yrs|hr|hrs|mth|pt|pts|ms|px|sq|ft)\d)([b-df-hj-np-tv-z]{2,4})(\d{1,2})\b",
     lambda m: m[1].upper() + m[2]),
    # "we both did our masters at waterloo": the degree is a master's
    (r"\b(my|our|his|her|their|your|a|the|did|doing|finished|finishing|started)\s+(master|bachelor)s"
     r"\b(?!')", r"\1 \2's"),
    # "new machines arriving jan", "go-live coming q3": a month or a quarter takes "in"
    (r"\b(arriving|coming|starting|launching|opening|landing|expected|due|shipping)\s+"
     r"(?=(?:" + _ANY_MONTH + r"|q[1-4])\b)", r"\1 in "),
    # "new build opens 2028": a year takes "in"
    (r"\b(opens?|opened|launch(?:es|ed)?|starts?|started|ends?|ended|closes?|closed|begins?|began"
     r"|expires?|expired|finish(?:es|ed)?|retires?|renews?|goes\s+live|went\s+live)\s+"
     r"(?=(?:19|20)\d\d\b(?!\s*[-/]))", r"\1 in "),
    # "the mlir -> llvm lowering", "sheets -> netsuite migration": from one to the other, one noun
    (r"\b([\w.]+)\s*(?:->|=>)\s*([\w.]+)\s+(?=(?:lowering|migration|conversion|translation"
     r"|mapping|handoff|hand-off|transition|upgrade|sync|export|integration|cutover)\b)",
     r"\1-to-\2 "),
    # rates: "28%/yr" -> "28% a year", "4x/wk" -> "4 times a week", "6 hrs/wk" -> "6 hours a week"
    (r"(?<=\d)x(?=\s*/|\s+(?:a|per)\b)", " times"),
    (r"\s*/\s*(?:yr|year)\b", " a year"), (r"\s*/\s*(?:mo|month)\b", " a month"),
    (r"\s*/\s*(?:wk|week)\b", " a week"), (r"\s*/\s*day\b", " a day"),
    (r"\s*/\s*(?:hr|hour)\b", " an hour"), (r"\s*/\s*(?:min|minute)\b", " a minute"),
    (r"\s*/\s*(?:sec|s|second)\b", " a second"),
    # "asked X -> i rambled", "PMs peek early -> he wants Y": a consequence, two pieces
    (r"(?<=\w)\s*(?:->|=>|>)\s*(?=(?:i|my|so|but|then|he|she|they|we|you|it|his|her|their|our"
     r"|need|needs|want|wants|means|meant|leads?|led|which|that|someone|somebody|nobody"
     r"|no\s+one|everyone|everybody|nothing|everything|staff|people)\b)", ", "),
    # "canary 5% -> 25% -> 100%": steps, one after another
    (r"(?<![\w.])(\d[\d.,]*%?)\s*(?:->|=>)\s*(\d[\d.,]*%?)\s*(?:->|=>)\s*(?=\d)",
     r"\1 then \2 then "),
    (r"(?<=\bfrom\s)(\d[\d.,]*%?)\s*(?:->|=>)\s*(?=\d)", r"\1 to "),  # "from 52 -> 31"
    (r"(?<![\w.])(\d[\d.,]*%?)\s*(?:->|=>)\s*(?=\d)", r"from \1 to "),  # "goes 6 -> 10"
    # "still on Eaglesoft -> reporting is a mess": what follows is a clause of its own
    (r"(?<=\w)\s*(?:->|=>)\s*(?=[\w-]+\s+(?:[\w-]+\s+)?(?:is|are|was|were|has|have|means)\b)",
     ", "),
    (r"\s*(?:->|=>)\s*", lambda m: _arrow(m)),
    (r"(?<=[^s\W]s)\s+=\s+", " are "), (r"\s+=\s+", " is "),  # "targets = 4,900": are
    # "onboarding is 3 wk shadow w/ a physician": a length before its noun, with its article
    (r"\b(is|was)\s+(\d+)\s*-?\s*(?:(min|hr|wk|mo|yr)s?|(minute|hour|day|week|month|year)s?)\b"
     r"(?=\s+(?!(?:of|in|on|at|to|for|per|and|or|a|an|the|from|ago|later|before|after|long|old"
     r"|away|out|left|behind|late|early|avg|average|median|total|max|min|tops|now|so|but|with"
     r"|without|each|every|behind|over|under)\b)[a-z]{3,})",
     lambda m: f"{m[1]} a {m[2]}-{_UNIT_WORDS.get(m[3], m[3]) if m[3] else m[4]}"),
    # "have a ~6 wk wait": about a 6-week wait
    (r"\b(a|an)\s+(?:~\s*|about\s+|approx\.?\s+)(?=\d)", "about a "),
    (r"(?<=\s)~\s*(?=[\d$£€])", "about "), (r"^~\s*(?=[\d$£€])", "about "),
    # "the hard part isn't scanning, its getting depts to follow it": one contrast
    (r"\b(isn'?t|is\s+not|aren'?t|are\s+not|wasn'?t|was\s+not)\s+([^,;]{2,40}?),?\s+(?:it'?s"
     r"|its|it\s+is|they'?re|they\s+are)\s+", r"\1 \2 but "),
    # "volunteer sat transcription shifts", "every sun": the day, not "sat" or "sun"
    (r"\b(sat|sun)\b(?=\s+(?:[a-z-]+\s+)?"
     r"(?:shifts?|mornings?|afternoons?|nights?|evenings?|classes|sessions?|market|services?"
     r"|hours|brunch|games?)\b)", lambda m: "Saturday" if m[1] == "sat" else "Sunday"),
    (r"\b(on|every)\s+(sat|sun)(?=\s*(?:$|[,.;]|and\b|or\b))",
     lambda m: f"{m[1]} {'Saturday' if m[2] == 'sat' else 'Sunday'}"),
    # "a 1-pg referral status update", "2 pgs": pages
    (r"\b(\d+)-pg\b", r"\1-page"), (r"\b(\d+)\s+pgs?\b", lambda m: f"{m[1]} page"
                                                        + ("" if m[1] == "1" else "s")),
    (r"(?:(?<=\s)|^)~(?=[a-z]{3,})", "roughly "),  # "losses ~doubled"
    # "~30% of kids on ieps": a share and where it is, given its verb
    (r"(?:^|(?<=, ))((?:about\s+)?\d+%\s+of\s+(?:(?!(?:are|is|were|was)\b)[a-z]+\s+){0,2}"
     r"(?!(?:are|is|were|was)\b)[a-z]+[^s\W]s)\s+"
     r"(?=(?:on|in|with|without|at|from|under|over)\s)", r"\1 are "),
    (r"\bits\s+(?=not|a|an|the|getting|going|been|very|so|really|just|all|more|less|about)\b",
     "it's "), (r"\s\+\s", " and "),
    (r"\bu\s+r\b", "you are"), (r"\b([a-z]{3,}s)\s+r\s+(?=[a-z])", r"\1 are "),  # "complaints r"
    (r"\s&\s", " and "), (r"(?<=[a-z]{2})\+(?=[a-z]{2})", " and "),  # "rate+fee sheet"
    (r"\bk-(\d{1,2})\b", r"K-\1"),  # "k-1 groups", "k-12": the grades
    (r"\bw/o\b", "without"), (r"\bw/(?=\s|\w)", "with "),
    # "barcode/photo workflow": two words with a slash are both ("and/or" stays)
    (r"(?<![/\w])(?!and/or\b)([a-z]{3,})/([a-z]{3,})\b(?!/)",
     lambda m: _spelled_pair(m) if not (is_english_word(m[1]) or is_english_word(m[2]))
     or not set(m[1]) & set("aeiouy") or not set(m[2]) & set("aeiouy")
     else f"{m[1]} a {m[2]}" if re.search(r"\d\w*\s+$", m.string[:m.start()])  # "3 times/shift"
     else "{} and {}".format(*_spelled_pair(m).split("/"))),
    # "don't sit >30 days", "wants <8%": comparisons written out
    (r"(?<![\w>-])>\s*(?=\d)", "more than "), (r"(?<![\w<-])<\s*(?=\d)", "under "),
    # "new reps on 90 day ramp": a length before a noun is one word and takes its article
    (r"\b(on|in|for|with|after|during)\s+(\d+)[\s-](day|week|month|year|hour|minute)\s+(?=[a-z]{3,})"
     r"(?!(?:of|in|on|at|to|for|per|and|or|a|an|the|from|ago|later|before|after)\b)",
     r"\1 a \2-\3 "),
    # "60 min recall slots", "15 min frequency": a length before a noun is one word
    (r"\b(\d+)\s+(minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\s+(?=(?:[a-z-]+\s+)?"
     r"(?:slots?|frequency|shifts?|breaks?|calls?|ramp|orientation|onboarding|probation|cycles?"
     r"|window|lag|delay|wait|drive|commute|huddles?|meetings?|sessions?|lessons?|blocks?"
     r"|check-ins?|rotation|program|programme|plan|course|contract|trial|pilot|warranty|turnaround"
     r"|visits?|appointments?|sprints?|interviews?|class|classes|training|warm-ups?|residency"
     r"|fellowship|internship|placement|lead\s+time|ride-?alongs?|shadowing)\b)",
     lambda m: f"{m[1]}-{_UNIT_WORDS.get(m[2], m[2])} "),
    # "growth target 8% in written premium": a target and its figure, given their verb
    (r"^(?!(?:they|we|he|she|i|you|it)\b)((?:[a-z][\w-]*\s+){0,2}(?:target|goal|quota|budget|cap"
     r"|limit))\s+(?=(?:about\s+)?[\d$£€])",
     r"\1 is "),
    # "night crew turnover brutal": a state of things and its word for it, given its verb
    (r"\b(turnover|morale|traffic|attrition|staffing|backlog|workload|volume|pressure|churn)\s+"
     r"(?=(?:is\s+)?(?:brutal|terrible|awful|rough|insane|crazy|huge|high|low|bad)\b)(?!is\b)",
     r"\1 is "),
    # "on-call burnout big issue", "pre-need plans big growth area": a thing and what it is to
    # them, given its verb
    (r"(?:^|(?<=, ))(?!(?:not|no|never)\s)"
     r"((?:(?!(?:is|are|was|were|it's|that's|a|an)\s)[\w/&'-]+\s+){0,3}?"
     r"(?!(?:is|are|was|were|it's|that's|their|his|her|our|my|your|the|its|a|an)\s)[\w/&'-]+)"
     r"\s+(?:a\s+)?(?=(?:big|huge|major|main|top"
     r"|real|key|massive|growing)\s+(?:issue|deal|problem|growth\s+area|focus|priority|pain"
     r"|concern|challenge|win|push|thing|headache|bottleneck)\b)",
     lambda m: f"{m[1]} {'are' if _plural_word(m[1].split()[-1]) else 'is'} a "),
    # "they track activated devs not twitter followers": a contrast takes its comma
    (r"(?<!')\b([a-z0-9%]+)\s+(?=not\s+(?!(?:to|be|been|sure|yet|much|many|all|only\s+that|required"
     r"|needed|allowed|available|possible|ready|enough|included|covered|available|mandatory"
     r"|necessary|ideal|great|good|bad|worth|in|on|at|for|a\s+(?:fit|priority|problem))\b)"
     r"(?![a-z]+ed\b)[a-z])", lambda m: m[0] if m[1] in _BEFORE_A_PLAIN_NOT else m[1] + ", "),
    # "scope 3 emissions": the GHG Protocol's scopes
    (r"\bscope\s+([123])\b", r"Scope \1"),
    # "2.5 ac grids", "12,000 ac", "18 lb/ac": acres
    (r"\b(\d[\d,.]*)\s*ac\b(?=\s+(?:grids?|plots?|fields?|lots?|parcels?|blocks?|farms?)\b)",
     r"\1-acre"),
    (r"\b(\d[\d,.]*)\s*ac\b", r"\1 acres"), (r"\s*/\s*ac\b", " an acre"),
    # "trainee class starts feb": a month after its verb takes "in"
    (r"\b(starts?|started|begins?|began|opens?|launch(?:es)?|ends?|closes?|goes\s+live|kicks\s+off)"
     r"\s+(?=(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
     r"|june|july|august|september|october|november|december)\b(?!\s*\d))", r"\1 in "),
    (r"\b(in)\s+(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b(?!\s*(?:\d|[-–>/]))",
     lambda m: f"{m[1]} {_MONTHS[m[2].lower()[:3]]}"),
    # "c++", "c#": the languages' own capitals
    (r"(?<![\w+#])c(?=\+\+|#)", "C"),
    # "new patients anxious on day 1": people and how they feel, given its verb
    (r"^((?:[a-z][\w-]*\s+){0,2}(?:patients|students|parents|families|clients|customers|guests"
     r"|staff|nurses|teachers|hires|grads|residents|members|users|kids|volunteers|drivers))\s+"
     r"(?=(?:often\s+|always\s+|usually\s+|very\s+|really\s+|so\s+)?(?:anxious|nervous|scared"
     r"|worried|overwhelmed|confused|frustrated|unhappy|stressed|lost|burned\s+out|burnt\s+out"
     r"|isolated|afraid)\b)", r"\1 are "),
    # "2 truebeams + 1 halcyon": what they have, counted
    (r"^(\d+\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+(?:\+|and)\s+(\d+\s+(?:[a-z][\w-]*\s+){0,2}"
     r"[a-z][\w-]*)(?=\s*(?:,|$))",
     r"they have \1 and \2"),
    # "passed 2019", "founded 1987": a year after a past verb takes "in"
    (r"\b([a-z]+ed)\s+(?=(?:19|20)\d\d\b)", r"\1 in "),
    # "condition reports all on paper": a plural and where it all is, given its verb
    (r"(?:^|(?<=, ))((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*[^s\W]s)\s+"
     r"(?=(?:all|still|mostly|entirely)\s+(?:on|in)\s)", r"\1 are "),
    # "BC PIPA", "bc hydro": British Columbia before a name or an act, not "because"
    (r"\b(?-i:bc)\s+(?=(?:(?-i:[A-Z]{2,})|pipa|foippa|hydro|ferries|cancer|housing|transit|place|gov|govt"
     r"|ministry|wildfire|assessment|children's|interior|coast|liquor|parks|emergency|supreme"
     r"|court|health|ambulance|lottery|lions|teachers|nurses)\b)", "BC "),
    (r"\bb/c\b", "because"), (r"\b(?-i:bc)\b", "because"),  # ("BC" is British Columbia)
    (r"\bbtw\b,?\s*", ""),
    (r"\bimo\b,?\s*", ""),
    (r"\s*\b(?:lol|lmao|rofl|haha+|hehe|:\)|:D)(?=\W|$)", ""),
    (r"\b(every|per|an|a|each|one|half\s+an)\s+hr\b", r"\1 hour"),
    (r"\b(every|per|a|each|one)\s+(?:sec|min)\b",
     lambda m: f"{m[1]} {'second' if m[0].endswith('c') else 'minute'}"),
    (r"\bprev(?:ious)?\s+co\b", "previous company"),
    (r"\b(at|from|in)\s+prev(?:ious)?\s+(?=job|role|company|team|gig|employer)",
     r"\1 my previous "),
    # "coaching program at current job": whose job it is
    (r"\b(at|from|in|for)\s+(current|last|old|prior|present)\s+(?=(?:job|role|company|team|gig"
     r"|employer|workplace|position)\b)", r"\1 my \2 "),
    # "how id re-engage them": "I'd" after a question word, before a verb in lower case
    (r"\b(how|what|why|where|when|which|if|whether)\s+id\s+(?=[a-z])", r"\1 I'd "),
    (r"^prev(?:iously)?\s+(?=at\b|@)", "previously "), (r"\bprev\b", "previous"),
    (r"\bprevly\b", "previously"), (r"\byrs\b", "years"), (r"\byr\b", "year"),
    # "the 2-wk orientation": a length before a noun is singular ("2-week")
    (r"\b(\d+)-(?:wks?|weeks)\b", r"\1-week"), (r"\b(\d+)-(?:mos?|months)\b", r"\1-month"),
    (r"\b(\d+)-(?:yrs?|years)\b", r"\1-year"), (r"\b(\d+)-(?:days)\b", r"\1-day"),
    # "15-min rounding", "2-wks orientation": a length joined to its number is one word, singular
    (r"\b(\d+)-(?:(hr|min|wk|mo|yr)s?|(hour|minute|week|month|year|day)s)\b"
     r"(?!\s+(?:a|an|per|each|every|in|of|ago|later|before|after)\b)",
     lambda m: f"{m[1]}-{_UNIT_WORDS.get(m[2], m[2]) if m[2] else m[3]}"),
    (r"\b(\d+(?:st|nd|rd|th))\s+(?:c\.|cent\.|c)(?=\s+[a-z])", r"\1-century"),  # "19th c. quilts"
    # "BASIC at 68th percentile": a rank takes "the"
    (r"\b(at|in|to|above|below|under|over|into|from)\s+(\d+(?:st|nd|rd|th))\s+(?=percentile\b)",
     r"\1 the \2 "),
    (r"\bmos\b", "months"), (r"\bwks\b", "weeks"), (r"\bwk\b", "week"), (r"\bmgr\b", "manager"),
    (r"\bmgrs\b", "managers"),
    (r"\b(principal|staff|senior|sr|junior|jr|lead|software|founding)\s+eng\b", r"\1 engineer"),
    (r"\bengs\b", "engineers"), (r"\beng\b", "engineering"), (r"\bmins?\b", "minutes"),
    (r"\bmgmt\b", "management"), (r"\bppl\b", "people"),
    (r"\besp\b", "especially"), (r"\bthru\b", "through"), (r"\btho\b", "though"),
    (r"\bconvo\b", "conversation"), (r"\bexp\b", "experience"), (r"\bimpl\b", "implementation"),
    (r"\bapprox\b", "about"), (r"\bvs\.?(?=\s)", "versus"), (r"\bsr\b", "senior"),
    (r"\bjr\b", "junior"), (r"\bdept\b", "department"), (r"\bre:\s*", "about "),
    (r"(?<=[a-z] )re\s+(?=[a-z]{3,})", "about "),  # "talk to raj re tower vs centre"
    (r"(?<=\s)@\s*(?=[A-Za-z])", "at "), (r"\bteh\b", "the"), (r"\badn\b", "and"),
    (r"\bhes\b", "he's"), (r"\bshes\b", "she's"), (r"\btheyre\b", "they're"),
    (r"\babt\b", "about"), (r"\bwiht\b", "with"), (r"\bthier\b", "their"), (r"\bhte\b", "the"),
    (r"\btaht\b", "that"),
    (r"\bq\b(?![&/'-])", "question"), (r"\bqs\b", "questions"),
    (r"\bmin\s*/\s*max\b", "min-max"),  # a stock list, not minutes
    # "conf rm B", "rm 204": a room
    (r"\b(conf|conference|meeting|board)\s+rm\b", r"\1 room"),
    (r"\brm\s+(?=[A-Z0-9]\b|\d)", "room "),
    # "went down 3x in q3": three times (not "3x faster", which says how much)
    (r"\b(\d+)x(?=\s+(?:in|a|per|this|last|since|during|over|each|every|already|now)\b|\s*[,.;]|$)",
     r"\1 times"),
    # temperatures: "2-8C product" -> "2–8 °C product", "showed 11C" -> "11 °C"
    (r"\b(\d{1,2})\s?-\s?(\d{1,2})\s?°?C\b", "\\1\u2013\\2 \u00b0C"),
    (r"(?<![\w.-])(-?\d{1,3}(?:\.\d)?)\s?°?C\b", "\\1 \u00b0C"),
    (r"\b(\d+)-(year|month|week|day)\s+old\b", r"\1-\2-old"),  # "a 6-year old suit"
    # "sort starts 4:30am": a clock time after a verb of starting or ending takes "at"
    (r"\b((?:start|begin|open|close|end|finish|kick\w*\s+off|wrap\w*\s+up)(?:e?s|ed)?|began)"
     r"\s+(?=\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))", r"\1 at "),
    # "9 days avg": an average said after its number
    (r"\b(\d[\d.,]*%?(?:\s+(?!is\b|are\b|was\b|were\b)[a-z]+)?)\s+(?:avg|average)"
     r"(?=\s*(?:[,.;)]|$|\s+(?:because|and|but|so|per|a|an|each|across|for)\b))",
     r"\1 on average"),
    # "busy sat afternoons", "sun night shift": a day is a day only before a part of one
    (r"\b(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?=\s+(?:morning|afternoon|evening|night"
     r"|overnight|shift|lunch|brunch)s?\b)", lambda m: _DAYS[m.group(1).lower()[:3]]),
    # "talked ballast water retrofits": talked about them
    (r"\b(talked|chatted)\s+(?!about\b|to\b|with\b|through\b|over\b|me\b|us\b|him\b|her\b"
     r"|them\b|shop\b|a\s+lot\b|for\b|at\b|in\b|on\b|briefly\b|more\b)", r"\1 about "),
    # "first 2 weeks are the worst": the first two weeks
    (r"^(first|last|next)\s+(?=\d+\s+(?:days?|weeks?|months?|years?|shifts?|hours?)\b)",
     r"the \1 "),
    # "the spare parts budget ~$1.1M": a budget of about $1.1M
    (r"\b(budget|spend|revenue|payroll|portfolio|contract|grant|fund|book\s+of\s+business"
     r"|pipeline|deal)\s+(?:~\s*|about\s+)(?=[$£€]?\d)", r"\1 of about "),
    # "EMD certification in first 6 weeks": in the first 6 weeks
    (r"\b(in|during|for|over|within)\s+(first|last|next)\s+(?=\d)", r"\1 the \2 "),
    # "launching corvexa Q2": in Q2
    (r"(?<=[a-z])\s+(?<!\bin\s)(?<!\bby\s)(Q[1-4])(?=\s*(?:[,.;]|$))", r" in \1"),
    # "walk-in temp logs": temperature (a temp is also a worker)
    (r"\btemp\s+(?=logs?\b|checks?\b|probes?\b|readings?\b|alarms?\b|excursions?\b"
     r"|control\b|range\b)", "temperature "),
    # "inventory pts", "data pts": points (elsewhere "pts" are patients)
    (r"\b(inventory|data|bonus|talking|reference|price|touch)\s+(?:pts|patients)\b",
     r"\1 points"),
    # "16-17 yr olds": 16- to 17-year-olds
    (r"\b(\d+)\s*-\s*(\d+)\s*(?:yr|year)s?[\s-]+olds\b", r"\1- to \2-year-olds"),
    # "a 3 yr old guide" is a 3-year-old guide; "the guide is 3 yrs old" stays years old
    (r"\b(\d+)\s*(?:yr|year)s?[\s-]+old\b(?=\s+[a-z])(?!\s+(?:and|but|so|or|now|already|at|in"
     r"|by|from|to|with)\b)", r"\1-year-old"),
    (r"\b(\d+)\s*(?:yr|year)s?[\s-]+olds\b", r"\1-year-olds"),
    (r"\b(\d+)\s*(?:yrs|years)[\s-]+old\b", r"\1 years old"),
    (r"\b1\s*(?:yr|year)[\s-]+old\b", r"1 year old"),
    (r"\bch\.?\s*(\d+)\b", r"chapter \1"),  # "mbe ch 6": chapter 6
    (r"\b(from|on|since)\s+day\s+1\b", r"\1 day one"),
    # "the pier 70 seawall", "terminal 5": a numbered place is named
    (r"\b(pier|terminal|gate|berth|hangar|building|highway|route)\s+(\d+[a-z]?)\b",
     lambda m: f"{m[1].capitalize()} {m[2]}"),
    # "needs rebuild": needs a rebuild
    (r"\b(needs?|needed)\s+(rebuild|redo|rewrite|refresh|cleanup|fix|revamp|reset)\b",
     r"\1 a \2"), (r"\b(needs?|needed)\s+(overhaul|update|upgrade)\b", r"\1 an \2"),
    # "wants someone to own rollout": the rollout
    (r"\b(own|lead|run|drive|manage)\s+(rollout|migration|launch|implementation|transition"
     r"|cutover|rebuild|redesign)\b", r"\1 the \2"),
    # "been manager 6 yrs": for 6 years
    (r"\b(been\s+(?:a\s+|an\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?=\d+\+?\s+(?:years?|yrs?"
     r"|months?|mos)\b)", r"\1 for "),
    (r"\bpacific\s+nw\b", "Pacific Northwest"),
    (r"\bchem\s+(?=minor|major|degree|lab|class|background)", "chemistry "),
    (r"\b(offered|brought|got)\s+(?:me\s+)?(?:some\s+)?water\b", r"\1 me water"),
    # "3 tiers good/better/best": a list of three words
    (r"\b([a-z]+)/([a-z]+)/([a-z]+)\b", r"\1-\2-\3"),
    # "who do u tell", "thank u": you
    (r"\b(do|did|can|will|would|could|should|are|have|thank|see|if|when|told|tell|let|get"
     r"|give|gave|asked|ask|want|need)\s+u\b(?![&/'-])", r"\1 you"),
    # "14 placements incl. the oregonian": including, and no sentence ends there
    (r"\b(?:incl|including)\.\s*(?=[a-z])", "including "), (r"\be\.g\.\s*", "for example "),
    # "you been there 10 yrs": you've been
    (r"\b(you|we|they|I)\s+been\b", r"\1've been"),
    # "civil 3d", "a 2d plan": 3D, 2D
    (r"\b([1-4])d\b", r"\1D"),
    # "stm32g4", "esp32", "rp2040": a part number is written in capitals
    (r"\b[a-z]{2,5}\d{2,}[a-z0-9]*\b", lambda m: m.group().upper()),
    # "girls u12 program": an age group
    (r"\bu(\d{1,2})s?\b", r"U\1"),
    # "in nov-dec", "jan-mar": a range of months
    (r"\b(in|during|over|through|for)?(\s*)\b(" + "|".join(_MONTHS) + r")\s*-\s*("
     + "|".join(_MONTHS) + r")\b", lambda m: _month_range(m)),
)
_SHORTHAND_RE = [(re.compile(p, re.IGNORECASE), r) for p, r in _SHORTHAND]
# "search -> vectors": a change of one thing for another; not "migrating cron -> airflow" (the
# verb says so already) nor "goes 6 -> 10" (a number that moved)
# "membership -> PT handoff", "slate -> banner nightly sync": the handoff from one to the other
# (read before an arrow at the start is taken for a move)
_HANDOFF_RE = re.compile(
    r"\b([\w-]+)\s*(?:->|=>)\s*([\w-]+(?:\s+(?!nightly\b|daily\b|weekly\b|monthly\b|hourly\b"
    r"|codemod\b|code\b|schema\b|data\b|api\b|database\b|version\b)[\w-]+)?)\s+((?:nightly\s+"
    r"|daily\s+|weekly\s+|monthly\s+|hourly\s+|codemod\s+|code\s+|schema\s+|data\s+|api\s+"
    r"|database\s+|version\s+)?(?:handoffs?"
    r"|hand-offs?|syncs?|transfers?|referrals?|integrations?|feeds?|migrations?|ports?|rewrites?"
    r"|codemods?|conversions?|upgrades?|cutovers?))\b",
    re.IGNORECASE)
_CHANGE_RE = re.compile(r"^(?![\w-]+ing\b|goes\b|went\b|go\b|from\b)"
                        r"([\w.-]+(?:\s(?!\d)[\w.-]+)?)\s*(?:->|=>)\s*(?!\d)")
_PLUS_CHAIN_RE = re.compile(r"[\w.-]+(?:\s\+\s[\w.-]+){2,}")  # "go + postgres + k8s"


# A question's topic in parentheses is the line's content, not an aside.
_QUESTION_ASIDE_RE = re.compile(r"^(\s*(?:[\w-]+\s+){0,3}(?:q|question))\s*\(([^)]{3,})\)\s*$",
                                re.IGNORECASE)


_MOVING_RE = re.compile(r"\b(?:from|mov\w*|migrat\w*|switch\w*|going|go|goes|went|shift\w*"
                        r"|convert\w*|upgrad\w*|porting|ported|replac\w*|rewrit\w*|transition\w*)\b",
                        re.IGNORECASE)


def _arrow(match: re.Match) -> str:
    """An arrow is "to" in a move ("migrating from cron -> airflow"); otherwise it says what
    follows ("scorecard -> same idea for suppliers", "log -> Tableau") and splits the line."""
    after = match.string[match.end():]
    if re.match(r"(?:same|similar|like|then|also|basically)\b", after, re.IGNORECASE):
        return ", "
    if re.search(r"->|=>", match.string[:match.start()]):
        return ", "  # "paper -> amos by q2 -> planners build": a move has one "to"
    return " to " if _MOVING_RE.search(match.string[:match.start()]) else ", "


def _list_of(match: re.Match) -> str:
    items = match.group().split(" + ")
    return ", ".join(items[:-1]) + " and " + items[-1]


# Words that "not" follows as part of the verb or the sentence, not as a contrast.
_BEFORE_A_PLAIN_NOT = frozenset("""
    is are was were be been being am do does did can could will would should may might must
    have has had need needs i we they you he she it why or if and but whether probably
    definitely certainly maybe just still also really actually often usually always sometimes
    that so though perhaps hopefully ideally absolutely surely quite about of on for with to in
    at by from than as into over under
""".split())


def _plural_word(word: str) -> bool:
    """"plans", "devs": a plural by its ending ("process", "status" and "analysis" are not)."""
    word = word.lower()
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """One line with shorthand written out, quotes and asides in parentheses dropped."""
    text = _QUESTION_ASIDE_RE.sub(r"\1: \2", text)  # "system design q (rate limiter)"
    text = re.sub(r"\([^)]*\)", " ", text)  # "(not quite true)": the user's aside
    text = re.sub(r"\s+(?=[,;:])", "", text)  # ("scripts (~300 of them), not the maps")
    text = "".join(c for c in text if c.isascii()  # emoji ("ADT^A08" keeps its caret)
                   or unicodedata.category(c) not in ("So", "Sk", "Cs"))
    if text.isupper() and len(text.split()) >= 2:
        text = text.lower()  # "RUNS THE KERNEL TEAM"
    text = text.replace("\u201c", "").replace("\u201d", "").replace('"', "")
    text = _HANDOFF_RE.sub(r"\3 from \1 to \2", " ".join(text.split()))
    text = _CHANGE_RE.sub(r"moving from \1 to ", text)
    text = _PLUS_CHAIN_RE.sub(_list_of, text)
    for pattern, repl in _SHORTHAND_RE:
        text = pattern.sub(repl, text)
    text = expand_shorthand(text)  # the table: "v" -> "very", "nite" -> "night"
    text = re.sub(r"\bi(?=$|\s|'(?:d|m|ve|ll)\b)", "I", text)  # "how i'd" -> "how I'd"
    return " ".join(text.split()).strip(" .,;:!?-")




def split_parts(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) at commas, semicolons, colons and spaced dashes."""
    parts, start, sep = [], 0, ""
    # ("devs, not followers": a contrast stays with its clause)
    for match in re.finditer(r"[;:](?=\s)|,(?=\s)(?!\s+not\s)|(?<=\s)\.(?=\s+\w)"
                             r"|(?<=[a-z0-9%'\")\]])"
                             r"(?<!\b[sS]t)(?<!\b[mM]t)(?<!\b[fF]t)"
                             r"(?<!\b[dD]r)(?<!\b[mM]r)(?<!\b[mM]s)(?<!\bvs)(?<!\b[nN]o)\.(?=\s+\w)|(?<=\w)[!?]+(?=\s+\w)"
                             r"|\s[-\u2013\u2014]+\s|\s/\s", text):
        before = text[:match.start()].split()[-1:] or [""]
        after = text[match.end():].split()[:1] or [""]
        if match.group() == "," and word_classes(plain(before[0])).keys() & {"ADJ"} \
                and not word_classes(plain(before[0])).keys() & {"VERB"} and start < match.start() \
                and is_adjective(after[0]):
            continue  # "small, reversible changes": one list of adjectives
        parts.append((sep, text[start:match.start()].strip()))
        sep, start = match.group().strip(), match.end()
    parts.append((sep, text[start:].strip()))
    return [(s, p) for s, p in parts if p]


