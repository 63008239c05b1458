"""Follow-up templates: finding the right file for a meeting and filling it in.

A template is Markdown with `$name` or `${name}` variables and an optional first line
`Subject: ...`. A paragraph whose lines all start with `| ` offers alternatives, one of which is
kept per person so that drafts of one meeting read differently. A variable with no value shows
as a visible gap such as `[your phone number]`; a variable whose value is the empty string is an
absent section, and a paragraph left empty by it disappears.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from followup import paths

TEMPLATES_SUBDIR = "templates"
SUFFIX = ".md"

# Meeting kinds that share wording, in the order a template is looked for.
FAMILIES = {
    "panel_interview": "interview",
    "one_on_one_interview": "interview",
    "phone_screen": "interview",
    "informational_interview": "conversation",
    "networking_coffee": "conversation",
    "meetup": "conversation",
}

GAPS = {
    "first_name": "[first name]",
    "company": "[company]",
    "meetup": "[the meetup]",
    "role": "[role]",
    "my_name": "[your name]",
    "my_phone": "[your phone number]",
    "my_email": "[your email]",
    "others_met": "[the people you met]",
    "contribution": "[what you can contribute]",
    "points": "[a specific point from your conversation]",
}

_CHOICE_PREFIX = "| "


@dataclass(frozen=True)
class TemplateText:
    """One template file as read: its name, its subject line (may be empty) and its body."""

    name: str
    subject: str
    body: str


def builtin_templates_dir() -> Path:
    return paths.resources_dir() / TEMPLATES_SUBDIR


def template_names(kind: str, capacity: str) -> list[str]:
    """File names to try, most specific first: panel_interview.coordinator.md ... default.md.
    Every file for the capacity comes before any without it: a coordinator of a phone screen
    gets the coordinator's note (interview.coordinator.md), not the screen's thanks for a call
    they did not make (readers)."""
    stems = [kind]
    if kind in FAMILIES:
        stems.append(FAMILIES[kind])
    stems.append("default")
    return [f"{stem}.{capacity}{SUFFIX}" for stem in stems] + [f"{stem}{SUFFIX}" for stem in stems]


def find_template(kind: str, capacity: str, template_dirs: Sequence[Path] = ()) -> Path:
    """The first template file in the chain; for each name the user's folders win over built-ins."""
    folders = [Path(d) for d in template_dirs] + [builtin_templates_dir()]
    for name in template_names(kind, capacity):
        for folder in folders:
            path = folder / name
            if path.is_file():
                return path
    raise FileNotFoundError(f"no follow-up template for {kind}/{capacity} (not even default.md)")


def parse_template(name: str, text: str) -> TemplateText:
    """Split an optional `Subject:` first line from the body."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return TemplateText(name, first[len("subject:"):].strip(), rest.strip("\n"))
    return TemplateText(name, "", text.strip("\n"))


def load_template(kind: str, capacity: str, template_dirs: Sequence[Path] = ()) -> TemplateText:
    path = find_template(kind, capacity, template_dirs)
    return parse_template(path.name, path.read_text(encoding="utf-8"))


def gap(name: str) -> str:
    """The visible placeholder for a variable that has no value."""
    return GAPS.get(name, f"[{name.replace('_', ' ')}]")


class _Variables(Template):
    idpattern = r"[A-Za-z_]\w*"  # a name in any script: `$prénom` is one variable


class _WithGaps(dict):
    def __missing__(self, name: str) -> str:
        return gap(name)


def substitute(text: str, values: Mapping[str, str | None]) -> str:
    """`text` with its variables replaced (`string.Template`'s syntax); unknown or None values
    become gaps, `$$` becomes `$`, and a `$` that starts no variable ("$5k") stays."""
    return _Variables(text).safe_substitute(
        _WithGaps({name: value for name, value in values.items() if value is not None}))


def choose_alternatives(body: str, seed: int) -> str:
    """Keep one line of each `| ` paragraph, picked by `seed` and the paragraph's position."""
    paragraphs = re.split(r"\n[ \t]*\n", body)
    kept = []
    for index, paragraph in enumerate(paragraphs):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if lines and all(line.startswith(_CHOICE_PREFIX) for line in lines):
            pick = lines[(seed + index * 7) % len(lines)]
            kept.append(pick[len(_CHOICE_PREFIX):].strip())
        else:
            kept.append(paragraph)
    return "\n\n".join(kept)


def tidy_paragraphs(body: str) -> str:
    """Drop paragraphs left empty, trim trailing spaces, one blank line between paragraphs."""
    paragraphs = re.split(r"\n[ \t]*\n", body)
    cleaned = []
    for paragraph in paragraphs:
        lines = [line.rstrip() for line in paragraph.strip("\n").split("\n")]
        text = "\n".join(lines).strip()
        if text:
            cleaned.append(text)
    return "\n\n".join(cleaned) + "\n"


def fill(template: TemplateText, values: Mapping[str, str | None],
         seed: int = 0) -> tuple[str, str]:
    """The (subject, body) of `template` filled with `values`."""
    subject = " ".join(substitute(template.subject, values).split())
    body = tidy_paragraphs(substitute(choose_alternatives(template.body, seed), values))
    return subject, body
