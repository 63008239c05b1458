"""The `placeholders` rule (required): no unfilled gap is left in the subject or the body.

Gaps are what templates and guides leave to fill in: "[Job Title]", "{name}", "<<company>>",
"<Recipient Name>", "XXX", "(xxx) xxx-xxxx", "TBD", "TODO", "___", "Insert here…", "Company X"
(unless that is the company set). A Markdown link "[my post](https://…)" is not a gap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup.core.checklist.reading import Draft, body_spans, fold
from followup.core.checklist.results import RuleResult, Span, result

_PLACEHOLDER_RE = re.compile(
    r"\[(?:[^\[\]\n]|\n(?!\s*\n)){1,80}\](?!\()"
    r"|\{[^{}\n]{1,40}\}|<<[^<>\n]{1,40}>>|<[A-Z][A-Za-z ]{0,30}>"
    r"|(?<![\w#])\(?[xX#]{3}\)?[\s.-]?[xX#]{3}[\s.-]?[xX#]{4}(?![\w#])|\b(?:XXX+|TBD|TODO|FIXME)\b|\b[Ii]nsert\s+(?:here|name|your|company|the)\b|_{3,}"
    r"|\b(?:Company|Person|Role)\s+[XYZ]\b")


@lru_cache(maxsize=64)
def placeholder_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    """(start, end) of each gap in `text`; the company's own name is never a gap. For "Insert
    here…" the gap runs to the end of its sentence."""
    own = " ".join(fold(company or "\0").split())
    found = []
    for m in _PLACEHOLDER_RE.finditer(text):
        if " ".join(fold(m.group()).split()) == own:
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
