"""The `subject`, `greeting` and `next_steps` rules: how the note opens, and what it leaves out.

A thank-you is about the conversation, so the guides say not to ask about (or assume) next
steps, timing or a decision in it. A question counts when it is about the hiring process;
"the next step in my career", "your decision to use Kafka" and "the migration timeline" are
not about it.
"""

from __future__ import annotations

import re

from followup.core.checklist.reading import (
    GREETING_RE,
    Draft,
    body_spans,
    first_name,
    fold,
    is_name,
    said_by_writer,
)
from followup.core.checklist.results import RuleResult, Span, result

_LONE_SUBJECTS = frozenset("""thanks|thank you|thank you so much|thanks so much|many thanks|
thank you!|follow up|follow-up|followup|following up|next steps|next step|checking in|hello|hi|
hey|interview|meeting|our meeting|our conversation|today|none|no subject|re|fwd""".replace(
    "\n", "").split("|"))


def rule_subject(d: Draft) -> RuleResult:
    """Fails on no subject, a lone "Thanks"/"Follow up"/"[None]"…, or a single word.

    Passes: "Thank You - Support Engineer Position". Fails: "Thanks", "RE: Thanks", "Next steps".
    """
    subject = re.sub(r"^(?:(?:re|fwd?)\s*:\s*)+", "", d.subject, flags=re.IGNORECASE)
    plain = re.sub(r"[^\w\s'-]", "", fold(subject)).strip()
    plain = re.sub(r"\s+", " ", plain)
    if plain in {"", "none", "no subject"}:
        return result("subject", False, "Add a subject line that says what the note is about, "
                      'e.g. "Great meeting you, Mark: Swift tooling".')
    spans = [Span(0, len(d.subject), "subject")]
    if plain in _LONE_SUBJECTS or len(plain.split()) == 1:
        return result("subject", False, f'Make the subject specific: "{d.subject}" could be '
                      "any note (add the role, the topic or the person).", spans)
    return result("subject", True, "Has a specific subject line.", spans)


_GENERIC_ADDRESSEES = frozenset("""hiring manager team sir madam all everyone there recruiter
folks friend friends colleague whom it may concern""".split())


def rule_greeting(d: Draft) -> RuleResult:
    """Passes when the first line greets the recipient by first or last name.

    Passes: "Hi Mark,", "Dear Ms. Natarajan,". Fails: "Hi there,", "Dear Hiring Manager,", and a
    first line with no name ("Thanks!", "Best,", "Greetings!"): a greeting is a greeting word
    and a name, or a name alone.
    """
    want = first_name(d.context.recipient)
    if d.greeting:
        s, e = d.greeting
        line = d.folded[s:e]
        if want and _names_recipient(line, d.context.recipient or ""):
            return result("greeting", True, f"Greets {want} by name.", body_spans([(s, e)]))
        greeting = GREETING_RE.match(d.text[s:e].lstrip("> "))
        name = ((greeting["name"] if greeting else "") or "").strip()
        if not want and is_name(name) and name.split()[0].lower() not in _GENERIC_ADDRESSEES:
            return result("greeting", True, f"Greets {name} by name.", body_spans([(s, e)]))
        return result("greeting", False, f"Greet {want or 'the person'} by name, e.g. "
                      f'"Hi {want or "Mark"},".', body_spans([(s, e)]))
    return result("greeting", False, f'Open with a greeting by name, e.g. "Hi {want or "Mark"},".')


def _names_recipient(folded_line: str, recipient: str) -> bool:
    """Whether a greeting line holds the recipient's first or last name ("Dear Mr. Howard")."""
    names = [n for n in fold(recipient).replace(",", " ").split() if len(n.strip(".")) > 2]
    names += [fold(first_name(recipient) or "")] if first_name(recipient) else []  # "Li Na"
    return any(re.search(rf"\b{re.escape(n)}\b", folded_line) for n in names)


# What a note must not wait on; "hearing from you about the position" is a courtesy, not a chase.
_PROCESS = r"(?:timeline|time\s*frame|decision|status|next\s+steps?|outcome)"
# "I hope to hear back soon about the timeline" asks without a question mark.
_WAITING_RE = re.compile(
    r"\b(?:hope|hoping|look(?:ing)?\s+forward|expect|expecting|await|awaiting|wait|waiting|eager|"
    r"keep\s+me|let\s+me\s+know)\b[^.!?\n]{0,20}\b(?:hear|hearing|update|updated|informed|posted|"
    r"news|know)\b[^.!?\n]{0,50}\b" + _PROCESS)
_NEXT_STEPS_MENTION_RE = re.compile(
    r"\b(?:next|final|further|later|following)\s+(?:steps?|rounds?|stages?|phases?|interviews?)\b")
# "Thank you for the final interview": an interview that happened, not one to come.
_PAST_EVENT_RE = re.compile(r"\b(?:for|after|during|from|since)\s+(?:the|our|my|this|today's)\s+$")
# "the next stage of the rollout" is about the work: what follows names something else.
_OF_WHAT_RE = re.compile(r"\s+(?:of|for|in|on)\s+(?:(?:the|my|our|your|this|that|a|an|its)\s+)?"
                         r"(?P<what>[a-z]+)")
_PROCESS_WORDS = frozenset("""hiring interview interviews interviewing recruiting recruitment
process selection application candidacy search""".split())
_CAREER_RE = re.compile(r"\b(?:my|your|the)\s+(?:\w+\s+)?(?:career|journey|growth|development|"
                        r"learning)\b|\bnext\s+steps?\s+(?:in|of|for)\s+my\b")
_QUESTION_TOPIC_RE = re.compile(
    r"\bwhen\s+(?:can|could|will|would|should|might|may|do|does|is|are|am|shall|to\s+expect)\b"
    r"|\btime\s*line|\btime\s*frame|\bhow\s+(?:long|soon)\b|\bby\s+when\b|\bdecision\b"
    r"|\bhear\s+back\b|\bheard\s+back\b|\bany\s+(?:news|updates?)\b|\ban\s+update\b"
    r"|\bstatus\b|\bwhere\s+(?:things|we|i|my\s+application)\s+stands?\b|\bmove\s+forward\b"
    r"|\bmoving\s+forward\b|\bprocess\s+to\s+(?:move|proceed|continue)\b"
    r"|\b(?:hiring|interview|recruiting|application|selection)\s+process\b|\bmy\s+(?:application|"
    r"candidacy)\b|\b(?:anything|something)\s+(?:else|more|further)\b"
    r"|\b(?:need|require)\b[^.?!\n]{0,40}\bfrom\s+me\b"
    r"|\bnext\s+(?:steps?|rounds?|stages?)\b"
    r"|\b(?:further|more|additional|other)\s+(?:information|materials|documents|details|"
    r"references)\b|\bexpect\s+to\s+hear\b|\bstart\s+date\b|\bwhen\s+i\s+(?:might|will|would)\b")
_INDIRECT_QUESTION_RE = re.compile(
    r"\b(?:(?:would|will)\s+be\s+(?:\w+\s+)?appreciated|i\s+would\s+(?:\w+\s+)?appreciate|"
    r"i'd\s+(?:\w+\s+)?appreciate|(?:would|'d)\s+be\s+grateful\s+for|let\s+me\s+know|i\s+was\s+wondering|i'm\s+wondering|i\s+wonder|wondering\s+(?:if|when|"
    r"whether)|could\s+you\s+(?:tell|update|share|let)|please\s+(?:tell|update|advise|share)|"
    r"(?:would|i'd)\s+(?:like|love)\s+to\s+know|keep\s+me\s+(?:posted|updated|informed)|"
    # "Thanks in advance for a quick decision" asks for it.
    r"thank(?:s|\s*-?\s*you)\s+(?:\w+\s+){0,2}in\s+advance)\b")
# A question about the work ("When will the team migrate?") is not about the hiring process.
_ABOUT_THE_WORK_RE = re.compile(r"\b(?:the|your)\s+(?:team|migration|launch|release|rollout|"
                                r"project|product|company)\s+(?:\w+\s+)?(?:decide|launch|ship|"
                                r"migrate|release|move)\b")


def asked_sentences(d: Draft) -> list[tuple[int, int]]:
    """The sentences of the draft that ask about next steps, timing or a decision."""
    return d.memo(_asked_sentences)


def _asked_sentences(d: Draft) -> list[tuple[int, int]]:
    return [(s, e) for s, e in d.all_sentences if asks_about_next_steps(d.folded[s:e])]


def rule_next_steps(d: Draft) -> RuleResult:
    """Fails on asking about (or mentioning) next steps, timing, status or a decision.

    Fails: "When can I expect to hear back?", "I look forward to the next steps in the hiring
    process", "Please keep me updated on the status of my application". Passes: "the next step
    in my career", "your decision to mill flour on site", "I look forward to hearing from you
    about the position". Source: the guides' "don't ask … what the next steps are".
    """
    asked = asked_sentences(d)
    mentioned = [(s, e) for s, e in d.all_sentences
                 if (s, e) not in asked and _mentions_next_steps(d.folded[s:e])]
    subject = fold(d.subject)
    subject_spans = [Span(m.start(), m.end(), "subject")
                     for m in _NEXT_STEPS_MENTION_RE.finditer(subject)
                     if _mentions_next_steps(subject[m.start():])]
    if asked:
        return result("next_steps", False, "Don't ask about next steps, timing or status here; "
                      "the thank-you is about the conversation.",
                      body_spans(asked + mentioned) + subject_spans)
    if mentioned or subject_spans:
        return result("next_steps", False, "Leave next steps out: don't mention or assume them "
                      "in a thank-you note.", body_spans(mentioned) + subject_spans)
    return result("next_steps", True, "Does not ask about next steps or timing.")


def _waiting(sentence: str) -> bool:
    match = _WAITING_RE.search(sentence)
    return bool(match) and said_by_writer(sentence, 0, match.start())


# "I look forward to speaking with the hiring team": assuming more interviews, which the guide
# names as a fault ("don't … assume that you'll be talking next steps with … someone else").
_OTHERS_TO_MEET_RE = re.compile(
    r"\b(?:speak|speaking|talk|talking|meet|meeting|interview|interviewing|chat|chatting)\s+"
    r"(?:with\s+|to\s+)?(?:the\s+|your\s+|a\s+|other\s+)?(?:hiring\s+(?:team|manager|panel|"
    r"committee)|rest\s+of\s+the\s+team|panel|partners|directors?|ceo|founders?|"
    r"(?:engineering\s+|team\s+)?managers?|other\s+(?:team\s+)?members|decision[- ]makers)\b")


_EXPECTING_RE = re.compile(r"\b(?:look(?:ing)?\s+forward|hope|expect|excited|eager|keen|"
                           r"can't\s+wait)\b")


def _mentions_next_steps(sentence: str) -> bool:
    if _OTHERS_TO_MEET_RE.search(sentence) and _EXPECTING_RE.search(sentence):
        return True
    for match in _NEXT_STEPS_MENTION_RE.finditer(sentence):
        if _PAST_EVENT_RE.search(sentence[max(0, match.start() - 20):match.start()]):
            continue
        what = _OF_WHAT_RE.match(sentence, match.end())
        if what and what["what"] not in _PROCESS_WORDS:
            continue
        if not _CAREER_RE.search(sentence):
            return True
    return False


def asks_about_next_steps(sentence: str) -> bool:
    """Whether a folded sentence asks about (or waits on) next steps, timing or a decision."""
    question = sentence.rstrip("\"') ").endswith("?") or _INDIRECT_QUESTION_RE.search(sentence)
    return bool(question and _QUESTION_TOPIC_RE.search(sentence)
                and not _ABOUT_THE_WORK_RE.search(sentence)) or _waiting(sentence)
