"""The `placeholders` rule (required): no unfilled gap is left in the subject or the body.

Gaps are what templates and guides leave to fill in, decided by their shape:

- square brackets: "[Job Title]", "[ ]", "[[company]]", except a Markdown link "[my post](…)",
  footnotes and citations ("[1]", "[a]"), "[sic]", "[emphasis added]", and any bracket inside a
  quotation (the writer's own edits: "[…]", "[he had]");
- curly and double angle brackets: "{name}", "{{first_name}}", "<<company>>";
- single angle brackets around words: "<your name>", "<company>" (not "<3" nor "<b>");
- round brackets only around template words: "(Your Name)", "(company name)", "(insert topic)",
  not "(emphasis mine)" nor "(the team)";
- template tokens "%NAME%", "__NAME__", runs of capital X ("XX", "$XX,000", "20XX",
  "(555) XXX-XXXX"; a lowercase "xx" is a sign-off kiss), "(xxx) xxx-xxxx", "TBD", "TBA", "TBC",
  "TODO", "FIXME", "___", "Insert here…", and "Company X" (unless that is the company set).
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup.core.checklist.reading import Draft, body_spans, fold, in_quotes
from followup.core.checklist.results import RuleResult, Span, result

_PLACEHOLDER_RE = re.compile(
    # drafting's prompts name the note they ask about, so they may run long
    r"\[(?:say|write|name|add|a\s+specific|what\s+you)\b[^\[\]\n]{0,400}\](?!\()"
    r"|\[\[[^\[\]\n]{1,40}\]\]|\[(?:[^\[\]\n]|\n(?!\s*\n)){0,80}\](?!\()"
    r"|\{\{[^{}\n]{1,40}\}\}|\{[^{}\n]{1,40}\}|<<[^<>\n]{1,40}>>"
    r"|(?<![\w#])\(?[xX#]{3}\)?[\s.-]?[xX#]{3}[\s.-]?[xX#]{4}(?![\w#])"
    r"|<(?P<angle>[A-Za-z][A-Za-z _-]{0,30})>|\((?P<round>[A-Za-z][A-Za-z ]{1,30})\)"
    r"|%[A-Za-z_]{2,30}%|\b__[A-Za-z_]{1,30}__\b"
    r"|(?<![A-Za-z])X{2,}(?![A-Za-z])|\b(?:TODO|FIXME|TBC)\b|\b(?i:tbd|tba)\b"
    r"|\b[Ii]nsert\s+(?:here|name|your|company|the)\b|_{3,}"
    r"|\b(?:Company|Person|Role)\s+[XYZ]\b")
# Square brackets a person writes on purpose: footnotes and citations ("[1]", "[a]"), "[sic]",
# "[emphasis added]". Inside a quotation, brackets are the writer's edits ("[…]", "[he had]").
_ON_PURPOSE_RE = re.compile(
    r"\[(?:\d{1,3}|[a-wyz]|sic!?|emphasis\s+(?:added|mine|original)|citation\s+needed|"
    r"translated|translation\s+mine)\]", re.IGNORECASE)
# "<3" is a heart and "<b>" markup, not a gap; "(your name)" is one, "(your team)" is not.
_MARKUP_TAGS = frozenset("a b i u p br hr em strong div span ul ol li sup sub small".split())
_TEMPLATE_WORDS = frozenset("""your my name first last full company organisation organization
employer title job role position phone number email address date day time recipient interviewer
hiring manager insert here topic person contact city school team department project skill
skills""".split())
_TEMPLATE_MARKS = frozenset("name insert here title number topic phone email date".split())


def _is_gap(match: re.Match[str], text: str) -> bool:
    """Whether a bracketed match is a gap to fill rather than something written on purpose."""
    found = match.group()
    if found.startswith("[") and not found.startswith("[["):
        return not (_ON_PURPOSE_RE.fullmatch(found) or in_quotes(text, match.start()))
    if match["angle"] is not None:
        return match["angle"].lower() not in _MARKUP_TAGS
    if match["round"] is not None:
        said = set(match["round"].lower().split())
        return said <= _TEMPLATE_WORDS and bool(said & _TEMPLATE_MARKS)
    return True


@lru_cache(maxsize=64)
def placeholder_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    """(start, end) of each gap in `text`; the company's own name is never a gap. For "Insert
    here…" the gap runs to the end of its sentence."""
    own = " ".join(fold(company or "\0").split())
    found = []
    for m in _PLACEHOLDER_RE.finditer(text):
        if " ".join(fold(m.group()).split()) == own or not _is_gap(m, text):
            continue
        end = m.end()
        if m.group().lower().startswith("insert"):
            stop = re.search(r"[.!?\]\n]", text[end:])
            end = end + stop.start() if stop else len(text)
        found.append((m.start(), end))
    return found


def rule_placeholders(d: Draft) -> RuleResult:
    """Fails on any gap, with a span on each one, subject and body.

    Fails: "[Job Title]", "{name}", "(xxx) xxx-xxxx", "Insert here something…". Passes: a
    Markdown link "[my post](https://…)", "Company X" when that is the company set.
    """
    spans = body_spans(placeholder_spans(d.text, d.context.company))
    spans += [Span(s, e, "subject") for s, e in placeholder_spans(d.subject, d.context.company)]
    if spans:
        first = (d.text if spans[0].field == "body" else d.subject)[spans[0].start:spans[0].end]
        first = " ".join(first.split())
        return result("placeholders", False, f'Fill in the gaps, starting with "{first}".', spans)
    return result("placeholders", True, "No unfilled gaps.")
