"""The `thanks` rule: the note thanks the person, in the body, in a sentence that means it.

"Thank you for…", "I'm grateful for…", "I appreciate you taking…", "it was kind of you to…"
thank someone; "Thanks to the traffic I was late", "I'd appreciate it if…", "I would be
grateful if…", "thankfully" and a sign-off line that is only "Thanks," do not.
"""

from __future__ import annotations

import re

from followup.core.checklist.reading import Draft, body_spans, said_by_writer
from followup.core.checklist.results import RuleResult, result

# "thanks to X" thanks someone only when X is a person ("thanks to you", "to everyone") or the
# phrase goes on to say for what ("thanks to Nate for the pairing session").
# "thanks to your map app, I found…" is a cause again: only "you" itself, or someone thanked
# "for" something, makes it thanks.
_THANKS_TO_PEOPLE = (r"(?:you\b|everyone|all\s+of\s+you|each\s+of\s+you|both\s+of\s+you|"
                     r"the\s+(?:whole\s+)?team|(?:\w+\s+){1,3}for\b|[a-z]+\s+and\s+[a-z]+\b)")
# What a person gives in a meeting, which "I appreciate the …" thanks them for.
_GIVEN = (r"(?:time|times|opportunity|chance|conversation|conversations|chat|call|tour|insights?|"
          r"advice|help|hospitality|welcome|feedback|introductions?|meeting|interview|discussion|"
          r"invitation|consideration|candou?r|honesty|openness|patience|coffee|lunch|walkthrough|"
          r"demo|visit|session|update|information|questions|answers|guidance|support|generosity|"
          r"kindness|thoughts|perspective|tips|offer|note|email|reply|response|hour|morning|"
          r"afternoon|evening|day|explanation|overview|effort|efforts|assistance|recommendation)"
          r"\b")
_GRATITUDE_RE = re.compile(
    # thank you / thanks, followed by what makes it an act of thanking
    r"\b(?:thank\s*-?\s*you|thanks|many\s+thanks|big\s+thanks)"
    r"(?!\s*-?\s*(?:note|notes|letter|letters|email|e-mail|card|cards|message)\b)"
    r"(?=\s*(?:[!.,;:)]|$|for\b|so\b|very\b|again\b|a\s+(?:lot|ton|million|bunch)\b|kindly\b|"
    rf"sincerely\b|once\s+(?:more|again)\b|too\b|also\b|both\b|all\b|as\s+well\b|to\s+{_THANKS_TO_PEOPLE}|"
    r"and\b|[-—]|(?:(?:so|very)\s+)?much\b|truly\b|ever\s+so\b|[a-z]+\s*[,!.]|"
    r"(?!to\b)[a-z]+\s+(?:[a-z]+\s+)?for\b))"
    r"|\bto\s+thank\b|\b(?:i|we)\s+(?:\w+\s+){0,2}thank\s+you\b"
    r"|\bthank\s+(?:him|her|them|everyone|the\s+team|[a-z]+\s+and\s+[a-z]+)\s+(?:again\s+|all\s+)?for\b"
    r"|\b(?:a|my|our|the)\s+(?:(?:big|huge|heartfelt|sincere|special|quick|warm|genuine|"
    r"massive|enormous|very)\s+)*(?:thank\s*-?\s*you|thanks|gratitude|appreciation)\b"
    r"(?!\s*-?\s*(?:note|notes|letter|letters|email|card|cards|message)\b)"
    r"|\b(?:grateful|thankful|appreciative|indebted)\b"
    r"|\bgratitude\b"
    # "I appreciate the time you took" thanks; "I appreciate the team's focus on tests" values.
    r"|\bappreciat(?:e|ed|ing)\s+(?:(?:really|truly|so|very|greatly|also|all|again)\s+)?(?:you\b|"
    r"(?:your|the|our|this|that|a|an)\s+(?:\w+\s+){0,2}?" + _GIVEN + r"|that\s+you|"
    r"everything|it(?!\s+if)\b|(?:getting|being|having|hearing|meeting|speaking|talking|learning|"
    r"chatting|taking|seeing|visiting)\b|how\s+(?:\w+\s+){0,2}(?:you|your)\b|so\s+much|"
    r"very\s+much|[a-z]+'s\s+(?:\w+\s+)?" + _GIVEN + r")"
    r"|\b(?:much|greatly|really|truly|very\s+much|deeply|so\s+much|most)\s+appreciated\b"
    r"|\b(?:was|were|is|are)\s+(?:\w+\s+)?appreciated\b"
    r"|\b(?:kind|generous|good|thoughtful|gracious)\s+of\s+you\b"
    r"|\bgenerous\s+with\s+(?:your|his|her|their)\s+time\b"
    r"|\bcheers\s+for\b")
# Not thanking anyone: a request ("I'd appreciate it if…", "would be grateful if…"), a cause
# ("thanks to the traffic"), an adverb ("thankfully").
_NOT_GRATITUDE_RE = re.compile(
    r"\b(?:would|'d|will|should|might)\s+(?:\w+\s+)?(?:be\s+)?(?:\w+\s+)?"
    r"(?:grateful|thankful|appreciative|appreciate|appreciated)\b(?![^.!?\n]{0,30}\b(?:for|to)\s+"
    r"(?:your|the|our|you|this|being|having|meeting))"
    r"|\bappreciat(?:e|ed)\s+(?:it|that)\s+if\b|\bif\s+you\s+(?:\w+\s+)?appreciat"
    r"|\b(?:received|got|earned|won|get|gets)\s+(?:\w+\s+){0,2}(?:thanks|thank-yous|gratitude)\b"
    # "thanks to the traffic" is a cause; "my thanks to Marco and Yuki" is thanks.
    r"|(?<!my\s)(?<!our\s)(?<!on\s)(?<!along\s)\bthanks\s+to\s+(?!" + _THANKS_TO_PEOPLE + r")"
    r"|\bthankfully\b|\bno\s+thanks\b|\bthankless\b"
    # "Thanks in advance for a quick decision" asks for something yet to come.
    r"|\bthank(?:s|\s*-?\s*you)\s+(?:\w+\s+){0,2}in\s+advance\b")
_BARE_THANKS_RE = re.compile(
    r"^\W*(?:many\s+|again\s+|with\s+)?thank(?:s|\s+you)(?:\s+(?:again|so\s+much|very\s+much|a\s+lot|"
    r"kindly))?\s*[,!.]*(?:\s+[A-Za-z][\w.'-]*){0,2}\s*$")


def rule_thanks(d: Draft) -> RuleResult:
    """Passes on a sentence of the body that thanks the person.

    Passes: "Thanks heaps for the chat", "I appreciate how openly you talked about…", "It was
    kind of you to…". Fails: "Thanks to the traffic I arrived late", "Thankfully…", "I'd
    appreciate it if…", a "Thanks," sign-off alone. Source: "thanks the interviewer for their
    time".
    """
    for s, e in d.all_sentences:
        sentence = d.folded[s:e]
        for match in _GRATITUDE_RE.finditer(sentence):
            if _is_gratitude(d, s, sentence, match):
                return result("thanks", True, f"Says thank you to {d.first_name}.",
                              body_spans([(s, e)]))
    return result("thanks", False, f"Thank {d.first_name} for the time or the conversation "
                  '(a "Thanks," sign-off alone does not count).')


def _is_gratitude(d: Draft, sentence_start: int, sentence: str, match: re.Match) -> bool:
    window = sentence[max(0, match.start() - 30):match.end() + 40]
    local = match.start() - max(0, match.start() - 30)
    for bad in _NOT_GRATITUDE_RE.finditer(window):
        if bad.start() <= local + (match.end() - match.start()) and bad.end() >= local:
            return False
    if _in_bare_thanks_line(d, sentence_start + match.start()):
        return False
    word = match.group()
    if re.match(r"(?:grateful|thankful|appreciat|indebted)", word):
        return said_by_writer(sentence, 0, match.start())
    return True


def _in_bare_thanks_line(d: Draft, offset: int) -> bool:
    start = d.folded.rfind("\n", 0, offset) + 1
    end = d.folded.find("\n", offset)
    return bool(_BARE_THANKS_RE.match(d.folded[start:end if end >= 0 else None]))
