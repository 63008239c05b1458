"""Markdown as Followup renders it: notes, the meeting view, the HTML export and the email's
HTML part. Python-Markdown is configured here, once, for prose.

What the user types is prose first. Only what a person writing a note or an email means as
formatting becomes formatting (docs/markdown.md lists it):

- paragraphs, and a line break where the user broke the line (the `nl2br` extension);
- bullet lists (`-`, `*`, `+`) and numbered lists, also straight after a line of text, as
  people type them; a numbered list starts at `1.`, so "2019. I joined" stays a sentence;
- emphasis and strong with stars (`*em*`, `**strong**`), never inside a word: `2*3*4` stays
  as written (Python-Markdown's "smart" delimiters); underscores are never emphasis, so
  `__init__`, `_id` and `snake_case` are words;
- links, `[label](https://…)`, `<https://…>` and bare `https://…` or `mailto:` addresses;
- code, `` `inline` `` and fenced ``` blocks.

Everything else is text: "List<Event>" keeps its angle brackets, `#1` or `# of people` at the
start of a line is no heading, `> 5 years` no quote, an indented line no code block, `[1]: x`
no link definition (its line would vanish), `![image](…)` no image (nothing may load remote
content), `&amp;` no entity.

Safety takes two locks, in this order:

1. Markdown's own escaping. Raw HTML is never parsed (the `html_block` preprocessor and the
   `html` and `entity` inline patterns are deregistered), so `<script>` typed in a note is
   shown as the text `<script>`, never run and never silently dropped. A link whose scheme is
   not `http`, `https` or `mailto` is not made a link (`[x](javascript:…)` stays text).
2. nh3 (the ammonia sanitizer) over the result, with an allowlist of the tags, attributes and
   link schemes this module produces. It cannot make typed HTML visible (it would delete it,
   which is why it is not the first lock), but it guarantees what the first lock promises,
   whatever a later Python-Markdown release or an extension does: no script, style, image,
   form or event attribute, no `javascript:` or `data:` link, `rel="noopener noreferrer"` on
   every link.

Uses the `md.delimiters` API of Python-Markdown 3.11.1 and later. Nothing here imports Qt.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneOListProcessor, SaneUListProcessor
from markdown.inlinepatterns import AutolinkInlineProcessor, InlineProcessor, LinkInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from followup.core.markers import Marker, parse_line

__all__ = ["LINK_SCHEMES", "MARKER_LABELS", "link_allowed", "render_notes", "render_prose"]

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# What each marker is called where it is shown as a badge (the class is `marker <name>`).
MARKER_LABELS: dict[Marker, tuple[str, str]] = {
    Marker.KEY: ("key", "key point"),
    Marker.QUESTION: ("question", "question"),
    Marker.CONTRIBUTE: ("contribute", "to bring"),
}

# The tags and attributes the renderer makes; nh3 removes anything else.
_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "code", "pre", "a", "span"}
_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_CLASSES = {"span": {"marker", *(name for name, _label in MARKER_LABELS.values())}}

# Private-use characters that stand for a note marker between the preprocessor and the inline
# pattern; removed from the input first, so a user cannot type one.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
# An ampersand the user typed, kept from Python-Markdown's serializer, which leaves `&amp;`
# alone as an entity; put back as `&amp;` after it, so "&amp;" reads as typed.
_AMPERSAND = "\ue002"
_PRIVATE = (_MARK_OPEN, _MARK_CLOSE, _AMPERSAND)
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")


def link_allowed(href: str) -> bool:
    """True when `href` is an absolute http, https or mailto address. Control characters and
    whitespace are ignored the way browsers ignore them (`java\\tscript:` is `javascript:`)."""
    match = _SCHEME_RE.match(_INVISIBLE_RE.sub("", href))
    return bool(match) and match.group(1).lower() in LINK_SCHEMES


# ---- block level --------------------------------------------------------------------------

# A list item's first line: a bullet, or a number and a dot, then a space.
_BULLET_START_RE = re.compile(r"^[ ]{0,3}[-*+][ ]+\S")
_FIRST_NUMBER_RE = re.compile(r"^[ ]{0,3}1\.[ ]+\S")
_ANY_NUMBER_RE = re.compile(r"^[ ]{0,3}\d+\.[ ]+\S")


class _ListsAfterText(Preprocessor):
    """Lists as people type them, one line each: a list may start straight after a line of
    text (CommonMark allows it too), and a line that is not indented and starts no item ends
    the list ("- two", "Best," keeps "Best," out of the last item). A blank line is put at
    each of those places. Only a numbered list that starts at 1 counts, so a line "2019. Then
    it grew." after a line of text stays in its paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_list = ""  # "ul", "ol" or "" outside a list
        for line in lines:
            kind = _item_kind(line, in_list)
            if not line.strip():
                in_list = ""
            elif kind:
                if out and out[-1].strip() and kind != in_list:
                    out.append("")
                in_list = kind
            elif in_list and not line[0].isspace():
                out.append("")
                in_list = ""
            out.append(line)
        return out


def _item_kind(line: str, in_list: str) -> str:
    """"ul" or "ol" when `line` is a list item there, else "": a bullet always, a number
    when it is 1 or continues a numbered list."""
    if _BULLET_START_RE.match(line):
        return "ul"
    if _FIRST_NUMBER_RE.match(line) or (in_list == "ol" and _ANY_NUMBER_RE.match(line)):
        return "ol"
    return ""


class _NumberedList(SaneOListProcessor):
    """A numbered list starts at 1, or continues a numbered list just above (after a blank
    line); any other number at the start of a block is prose ("2019. I joined")."""

    def test(self, parent: etree.Element, block: str) -> bool:
        if not super().test(parent, block):
            return False
        sibling = self.lastChild(parent)
        return bool(_FIRST_NUMBER_RE.match(block)) or (
            sibling is not None and sibling.tag == "ol" and bool(_ANY_NUMBER_RE.match(block)))


# ---- inline level -------------------------------------------------------------------------

class _SafeLinks:
    """A link only when its target is http, https or mailto (`link_allowed`); mixed into
    Python-Markdown's `[label](target)` and `<scheme://…>` processors."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        element, start, end = super().handleMatch(m, data)  # type: ignore[misc]
        if isinstance(element, etree.Element) and not link_allowed(element.get("href", "")):
            return None, None, None
        return element, start, end


class _SafeLink(_SafeLinks, LinkInlineProcessor):
    pass


class _SafeAutolink(_SafeLinks, AutolinkInlineProcessor):
    pass


# A bare address as people paste one; trailing punctuation belongs to the sentence.
_BARE_LINK_RE = r"\b(?:https?://|mailto:)[^\s<>]*[^\s<>.,;:!?)\]'\"*_]"


class _BareLink(InlineProcessor):
    """`https://example.com/x` or `mailto:a@b.example` typed as is, made clickable."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        element = etree.Element("a")
        element.set("href", m.group(0))
        element.text = AtomicString(m.group(0))
        return element, m.start(0), m.end(0)


class _MarkerBadge(InlineProcessor):
    """The token `_NoteMarkers` left for a `!`, `?` or `+` marker, as a badge: a span with
    the marker and its name, so colour is never the only cue."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        marker = Marker(m.group(1))
        name, label = MARKER_LABELS[marker]
        element = etree.Element("span")
        element.set("class", f"marker {name}")
        element.text = AtomicString(f"{marker.value}\u00a0{label}")
        return element, m.start(0), m.end(0)


class _NoteMarkers(Preprocessor):
    """Note lines that carry a marker (`core.markers` decides which) get a badge token in
    place of the marker, so `+ x` is a contribution, not a bullet, and `- ! x` a bullet with
    a key point."""

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            parsed = parse_line(line)
            if parsed is None or parsed.marker is None or parsed.marker_pos is None:
                out.append(line)
                continue
            lead = line[:parsed.marker_pos]
            rest = line[parsed.marker_pos:].lstrip(parsed.marker.value).lstrip(" \t")
            out.append(f"{lead}{_MARK_OPEN}{parsed.marker.value}{_MARK_CLOSE} {rest}")
        return out


class _Ampersands(Preprocessor):
    """Removes the private tokens a user might have typed; hides every `&` from the
    serializer (`_AmpersandsBack` puts them back)."""

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            for token in _PRIVATE:
                line = line.replace(token, "")
            out.append(line.replace("&", _AMPERSAND))
        return out


class _AmpersandsBack(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(_AMPERSAND, "&amp;")


# ---- the configuration ----------------------------------------------------------------------

class ProseExtension(Extension):
    """Python-Markdown set up for prose (see the module docstring); `markers=True` adds the
    note markers' badges."""

    def __init__(self, markers: bool = False, **kwargs):
        self.markers = markers
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.preprocessors.deregister("html_block")  # raw HTML is text
        md.preprocessors.register(_Ampersands(md), "ampersands", 29)
        if self.markers:  # before the lists: `+ x` is a contribution, not a bullet
            md.preprocessors.register(_NoteMarkers(md), "note_markers", 16)
        md.preprocessors.register(_ListsAfterText(md), "lists_after_text", 15)
        md.postprocessors.register(_AmpersandsBack(md), "ampersands_back", 5)
        blocks = md.parser.blockprocessors
        # Headings (`#1`, `# of people`, and a signature's `--` under a line), quotes
        # (`> 5 years`), rules, indented code and link definitions are prose.
        for name in ("hashheader", "setextheader", "quote", "hr", "code", "reference"):
            blocks.deregister(name)
        blocks.register(_NumberedList(md.parser), "olist", 40)
        blocks.register(SaneUListProcessor(md.parser), "ulist", 30)
        inline = md.inlinePatterns
        for name in ("html", "entity", "reference", "short_reference", "image_link",
                     "image_reference", "short_image_ref"):
            inline.deregister(name)
        inline.register(_SafeLink(r"(?<!\!)\[", md), "link", 160)
        inline.register(_SafeAutolink(r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>", md),
                        "autolink", 120)
        inline.register(_BareLink(_BARE_LINK_RE, md), "bare_link", 115)
        if self.markers:
            inline.register(_MarkerBadge(f"{_MARK_OPEN}([!?+]){_MARK_CLOSE}", md),
                            "note_marker", 200)
        delimiters = getattr(md, "delimiters", None)  # new in 3.11.1: not in every type stub
        if delimiters is None:  # pragma: no cover - pyproject asks for Markdown 3.11.1+
            raise RuntimeError("Followup needs Python-Markdown 3.11.1 or later")
        delimiters.add("*", "strong,em", smart=True)  # no emphasis inside a word: 2*3*4
        delimiters.remove("_")  # __init__, _id and file_names are words, not emphasis


def _new_markdown(markers: bool) -> markdown.Markdown:
    return markdown.Markdown(
        # Instances, not names: a frozen build sees these imports (names load at run time).
        extensions=[FencedCodeExtension(), Nl2BrExtension(), ProseExtension(markers=markers)],
        output_format="html")


_local = threading.local()  # a Markdown instance is not thread-safe: one per thread


def _converter(markers: bool) -> markdown.Markdown:
    key = "notes" if markers else "prose"
    md = getattr(_local, key, None)
    if md is None:
        md = _new_markdown(markers)
        setattr(_local, key, md)
    return md.reset()


def _clean(fragment: str) -> str:
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, allowed_classes=_CLASSES,
                     url_schemes=set(LINK_SCHEMES), url_relative="deny",
                     link_rel="noopener noreferrer", strip_comments=True)


def _render(text: str, markers: bool) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if not text.strip():
        return ""
    return _clean(_converter(markers).convert(text))


def render_prose(text: str) -> str:
    """A draft, or any prose the user typed, as an HTML fragment (no `<html>` around it):
    paragraphs, line breaks, lists, emphasis, strong, links and code; everything else text.
    An empty or blank `text` gives ""."""
    return _render(text, markers=False)


def render_notes(text: str) -> str:
    """A person's notes as an HTML fragment: as `render_prose`, and each `!`, `?` or `+`
    line led by a badge, `<span class="marker key|question|contribute">`."""
    return _render(text, markers=True)

