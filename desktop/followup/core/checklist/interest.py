"""The `interest` rule: the writer wants the job and wants to keep talking.

Two things are looked for, each in many wordings: the writer's own interest or excitement
("very interested in the position", "the more we talked, the more interested I became", "would
be honoured to join", "the role I most want") and the wish for a future conversation ("I look
forward to…", "I hope we can talk again", "I'd welcome an invitation to meet again", "please
don't hesitate to contact me"). Wanting to work together ("I look forward to the possibility of
working with you", "I hope to join the team") says both at once. Someone else's interest ("if
you are interested in my portfolio") is not the writer's.
"""

from __future__ import annotations

import re

from followup.core.checklist.etiquette import asked_sentences
from followup.core.checklist.reading import Draft, body_spans, said_by_writer
from followup.core.checklist.results import RuleResult, result

_JOIN = (r"(?:join(?:ing)?|be(?:ing|come|coming)?\s+(?:a\s+)?(?:part|member|apart)|work(?:ing)?\s+"
         r"(?:with|for|at|alongside|on|together)|contribut\w*|collaborat\w*|com(?:e|ing)\s+aboard|"
         r"com(?:e|ing)\s+on\s+board|be(?:ing)?\s+on\s+(?:the|your)\s+team|help(?:ing)?\s+(?:build|"
         r"grow|shape)|start(?:ing)?\s+(?:at|with|work)|hav(?:e|ing)\s+the\s+chance\s+to\s+work|"
         r"bring(?:ing)?\s+my)")
_EXCITED_RE = re.compile(
    r"\bexcit(?:ed|ing|ement|es\s+me)\b|\bthrilled\b|\b(?:stoked|psyched|pumped|buzzing|elated|"
    r"ecstatic|overjoyed|jazzed|chuffed)\b|\bover\s+the\s+moon\b|\benthusias\w*|\beager(?:ly|ness)?\b"
    r"|\bkeen\s+(?:to|on|about)\b|\bpassionate\s+about\b|\bdelighted\b|\benergi[sz]ed\b"
    r"|\bfascinat\w+|\binspir(?:ed|ing)\b|\bimpressed\b|\benjoyed\b|\bloved\b"
    r"|\b(?:even\s+|all\s+the\s+|much\s+|only\s+)?(?:keener|more\s+(?:excited|eager|enthusiastic|"
    r"interested|keen|certain|convinced|sure))\b|\bconvinced\s+(?:that\s+)?(?:i|this|the)\b"
    r"|\bfirst\s+choice\b|\btop\s+(?:choice|pick)\b|\bdream\s+(?:job|role|company|team|position)"
    r"|\bcan(?:'|no)?t\s+wait\b|\bcannot\s+wait\b|\bhonou?red\b|\bprivilege\b"
    r"|\binterest(?:ed)?\b(?=[^.!?\n]{0,40}\b(?:role|position|job|opportunity|team|company|firm|"
    r"organi[sz]ation|joining|working|contributing|being|the\s+work|this|it|post|opening)\b)"
    r"|\b(?:very|really|genuinely|truly|still|extremely|incredibly|highly|definitely|particularly"
    r"|especially|so|even\s+more|more|deeply|keenly|sincerely|strongly|all\s+the\s+more|quite|"
    r"most|remain|remained|am|i'm|became|become|grew)\s+interested\b"
    r"|\b(?:strong|genuine|real|keen|great|continued|sincere|growing|grown|increased|heightened|"
    r"deep|deepened|serious|renewed|keen|my)\s+(?:interest|enthusiasm|excitement)\b"
    r"|\b(?:reaffirm|reaffirmed|reiterate|confirmed?|strengthened|solidified|cemented|deepened)"
    r"\s+(?:\w+\s+){0,2}(?:interest|enthusiasm|desire|excitement)\b"
    r"|\b(?:would|'d|will)\s+(?:\w+\s+)?(?:love|be\s+(?:\w+\s+)?(?:delighted|honou?red|thrilled|"
    r"excited|happy|glad|pleased|proud|eager|keen|grateful|lucky|fortunate))\s+(?:to|for\s+the)\b"
    r"|\b(?:really|truly|very\s+much|genuinely|sincerely|most|i|i'd|we)\s+(?:(?:would|'d)\s+"
    r"(?:\w+\s+){0,2}like|(?:really\s+|truly\s+)?want|wish|hope)\s+to\s+" + _JOIN +
    r"|\bi\s+(?:really\s+|truly\s+|very\s+much\s+|so\s+|definitely\s+)?(?:want|would\s+love|'d\s+love)"
    r"\s+(?:this|the|that)\s+(?:job|role|position|opportunity|post)\b"
    r"|\b(?:role|position|job|team|company|place|opportunity)\s+(?:that\s+)?i\s+(?:\w+\s+)?"
    r"(?:want|would\s+(?:love|like)|'d\s+(?:love|like)|hope\s+for|am\s+looking\s+for)\b"
    r"|\bexactly\s+(?:the\s+|what\s+)?(?:kind|type|sort|i(?:'m|\s+am)\s+looking)"
    r"|\b(?:exactly|just|precisely|everything|all)\s+(?:what\s+|that\s+)?(?:i|i've|i'm)\s+(?:am\s+|have\s+)?"
    r"(?:been\s+)?(?:looking|hoping|searching|want|wanted|dreamed|dreamt)\b"
    r"|\b(?:perfect|ideal|great|excellent|strong|natural|good|right)\s+(?:fit|match|next\s+step)\b"
    r"|\b(?:motivated|determined|ready|committed|hoping|aiming|hungry|itching|raring)\s+to\s+"
    + _JOIN +
    r"|\b(?:amazing|great|wonderful|fantastic|perfect|ideal|exciting|dream|right|excellent|"
    r"brilliant|terrific|superb|inspiring|rewarding)\s+(?:place|team|"
    r"opportunity|environment)\s+(?:to|for|i)\b"
    r"|\bsee\s+myself\s+(?:\w+\s+){0,2}(?:working|joining|at|there|as|on|contributing|being|"
    r"thriving|growing|here|fitting)\b|\bappeals?\s+to\s+me\b|\bdrawn\s+to\b|\bmotivated\s+by\b"
    r"|\blook(?:ing)?\s+forward\s+to\s+(?:\w+\s+){0,4}" + _JOIN +
    r"|\bwelcome\s+the\s+(?:\w+\s+)?(?:chance|opportunity)\s+to\s+" + _JOIN +
    r"|\bhope\s+to\s+(?:\w+\s+)?" + _JOIN)
_FUTURE_RE = re.compile(
    r"\blook(?:ing|s)?\s+forward\b|\bhope\s+(?:we|to|that\s+we|you)\b[^.!?\n]{0,60}?\b(?:chance|talk|"
    r"speak|discuss|continue|meet|see|connect|touch|again|further|soon|future|conversation|hear|"
    r"work|join|chat|catch|cross\s+paths)"
    r"|\bkeep\s+(?:the|our|this)\s+conversation\s+going\b|\bkeep\s+(?:talking|chatting|in\s+touch)\b"
    r"|\bhear(?:ing)?\s+(?:back|about|more)\b|\bnext\s+(?:steps?|rounds?|stages?)\b"
    r"|\b(?:mov(?:e|ing)|go|going)\s+forward\b|\blet\s+me\s+know\s+if\b"
    r"|\bcontinu(?:e|ed|ing)\s+(?:the|this|our)\s+(?:conversation|process|discussion|dialogue|"
    r"exchange|talk|chat)"
    r"|\b(?:further|future|follow-up|another|next|second|more)\s+(?:conversations?|discussions?|"
    r"chats?|meetings?|talks?|call)\b|\bdiscuss\w*\b[^.!?\n]{0,50}\b(?:further|more\s+(?:with|"
    r"about)|again|soon)\b"
    r"|\b(?:talk|speak|chat|connect|catch\s+up|meet|reconnect)(?:ing)?\s+(?:again|more|further|"
    r"soon|in\s+the\s+future|another\s+time|sometime)\b|\breconnect\b"
    r"|\b(?:keep|stay)(?:ing)?\s+(?:in\s+touch|connected|in\s+contact)\b|\bhear(?:ing)?\s+from\s+you\b"
    r"|\bsee(?:ing)?\s+you\s+(?:at|soon|again|next|on|in)\b|\bnext\s+(?:conversation|chat|meetup)\b"
    r"|\bcan(?:'|no)?t\s+wait\s+to\b|\bcannot\s+wait\s+to\b|\buntil\s+next\s+time\b"
    r"|\b(?:would|'d)\s+(?:love|like|be\s+(?:glad|happy|delighted|pleased))\s+to\s+(?:talk|speak|"
    r"chat|continue|meet|connect|learn\s+more|discuss|hear|share|answer|follow\s+up|catch\s+up)\b"
    r"|\b(?:welcome|appreciate|hope\s+for)\s+(?:\w+\s+){0,2}(?:invitation|chance|opportunity)\s+to\s+"
    r"(?:meet|talk|speak|discuss|continue|chat|connect|interview|visit|return|come\s+back)"
    r"|\binvitation\s+to\s+(?:meet|talk|speak|return|come\s+back|continue)"
    r"|\b(?:please\s+)?(?:feel\s+free|do\s+not\s+hesitate|don't\s+hesitate|never\s+hesitate)\s+to\s+"
    r"(?:reach|contact|call|email|e-mail|get\s+in\s+touch|text|ring|write|ping|drop)"
    r"|\bplease\s+(?:reach\s+out|contact\s+me|call\s+me|get\s+in\s+touch|write|email\s+me)\b"
    r"|\b(?:happy|glad|available|here)\s+to\s+(?:talk|chat|discuss|meet|answer|share|provide|"
    r"send|help|walk|go\s+over|speak)\b[^.!?\n]{0,60}\b(?:further|more|again|anytime|any\s+time|"
    r"questions?|time|soon|details|convenient|whenever|need)"
    r"|\b(?:reach|reached)\s+(?:me|out)\s+(?:at|on|by|anytime|any\s+time|if|whenever)\b"
    r"|\bgrab\s+(?:a\s+)?(?:coffee|lunch)\b|\bcatch\s+up\b|\buntil\s+then\b")


def rule_interest(d: Draft) -> RuleResult:
    """Passes on the writer's interest in the job and a wish to talk again, or on a wish to
    work together, which says both.

    Passes: "I remain very interested in the position and hope to hear from you soon", "I look
    forward to the possibility of working with you". Fails: "I look forward to hearing from you"
    alone, "I am excited about the role." alone, "if you are interested in my portfolio".
    Source: "indicates your interest and excitement … and your desire for future conversations".
    """
    excited = _writer_matches(d, _EXCITED_RE)
    # Asking about next steps is bad form (next_steps says so) but does show the wish to go on.
    future = _writer_matches(d, _FUTURE_RE) + asked_sentences(d)
    joint = [span for span in excited if _FUTURE_RE.search(d.folded, *span)
             or _wants_to_join(d.folded[span[0]:d.sentence_at(span[0])[1]])]
    spans = body_spans(sorted(excited[:1] + future[:1]))
    if excited and future or joint:
        return result("interest", True, "Shows interest in the role and in talking again.",
                      spans or body_spans(joint[:1]))
    if excited:
        return result("interest", False, "Add that you hope to continue the conversation "
                      '(e.g. "I look forward to talking again").', spans)
    if future:
        return result("interest", False, "Say what excites you about the role or the company, "
                      "not only that you look forward to hearing back.", spans)
    return result("interest", False, "Say that you are excited about the role or company and "
                  "would like to keep talking.")


# Wanting to join says both halves: "I would be very excited to be part of your team", "eager
# to work with you", "I look forward to joining".
_JOIN_RE = re.compile(r"^[^.!?\n]{0,40}?\b(?:to|of|about|at)\s+(?:\w+\s+){0,3}?" + _JOIN)


def _wants_to_join(text: str) -> bool:
    return bool(_JOIN_RE.search(text))


def _writer_matches(d: Draft, pattern: re.Pattern) -> list[tuple[int, int]]:
    found = []
    for s, e in d.all_sentences:
        for match in pattern.finditer(d.folded, s, e):
            if said_by_writer(d.folded, s, match.start()) and not _negated(d.folded, s, match):
                found.append((match.start(), match.end()))
    return found


_NEGATION_RE = re.compile(r"\b(?:not|no\s+longer|never|n't|nor|less)\s+(?:\w+\s+)?$")


def _negated(folded: str, sentence_start: int, match: re.Match) -> bool:
    return bool(_NEGATION_RE.search(folded[max(sentence_start, match.start() - 25):match.start()]))
