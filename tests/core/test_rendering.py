"""Markdown for prose (core/rendering.py): what renders, what stays text, what never runs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from benchmarks.draft_quality import MEETINGS_FILE, meeting_requests

from followup.core.drafting import generate_draft
from followup.core.rendering import (
    link_allowed,
    render_notes,
    render_prose,
)


class Parsed(HTMLParser):
    """The elements, attributes and text of an HTML fragment, as a browser's parser sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    @property
    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def words(text: str) -> str:
    return " ".join(text.split())


# ---- prose that only looks like Markdown stays prose ------------------------------------------

PROSE = [
    "We use List<Event> and Map<String, List<Id>> everywhere.",
    "2019. I joined the team.",
    "I joined in\n2019. Then it grew.",
    "#1 on my list is the API.",
    "# of people: 12, #hashtag",
    "It is 2*3*4 = 24, and 5**2 is 25.",
    "snake_case_name, __init__, _private and file_name_v2.txt",
    "1) not a list",
    "> 5 years of Go",
    "    four spaces in, not code",
    "[1]: a line that looks like a link definition",
    "[your phone number] and [Company X]",
    "Best,\n--\nSam",
    "Best,\n---\nSam",
    "Title\n=====",
    "AT&T, &amp; and &lt;b&gt; as typed",
    "![logo](diagram.png) is text",
    "a\\b and C:\\Users\\sam",
]


@pytest.mark.parametrize("prose", PROSE)
def test_prose_stays_prose(prose):
    parsed = Parsed(render_prose(prose))
    assert set(parsed.names) <= {"p", "br"}, parsed.names
    assert words(parsed.text) == words(prose)


def test_text_in_angle_brackets_is_escaped_not_dropped():
    assert render_prose("List<Event>") == "<p>List&lt;Event&gt;</p>"


def test_raw_html_is_shown_as_text_never_run():
    typed = ('<script>alert("x")</script> <img src="https://track.example/p.gif" '
             'onerror="steal()"> <b>bold?</b> <!-- note --> <style>p{}</style>')
    parsed = Parsed(render_prose(typed))
    assert set(parsed.names) <= {"p", "a"}  # the address typed is a link, as text shown
    assert words(parsed.text) == words(typed)


@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHM+)",
    "[x](vbscript:msgbox)", "[x](file:///etc/passwd)", "[x](/relative)", "[x](//host/x)",
    "<javascript://alert(1)>", "<data://x>", "[x](java\tscript:alert(1))",
])
def test_unsafe_links_stay_text(link):
    parsed = Parsed(render_prose(link))
    assert "a" not in parsed.names
    assert parsed.text.replace("    ", "\t") == link or words(parsed.text) == words(link)


@pytest.mark.parametrize(("href", "allowed"), [
    ("https://a.example", True), ("HTTP://a.example", True), ("mailto:a@b.example", True),
    ("javascript:x", False), (" javascript:x", False), ("java\nscript:x", False),
    ("data:x", False), ("/x", False), ("x", False), ("ftp://x", False),
])
def test_link_allowed(href, allowed):
    assert link_allowed(href) is allowed


# ---- the Markdown a person means --------------------------------------------------------------

def test_lists_emphasis_strong_links_and_code_render():
    html = render_prose(
        "Three things:\n- *one*\n- **two**\n- `three()`\n\nIn order:\n1. first\n2. second\n\n"
        "See [my post](https://a.example/p?x=1&y=2), <https://b.example> and "
        "https://c.example/jobs. Or mailto:sam@seeker.example")
    parsed = Parsed(html)
    assert "<p>Three things:</p>\n<ul>\n<li><em>one</em></li>" in html
    assert "<li><strong>two</strong></li>" in html and "<code>three()</code>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs == ["https://a.example/p?x=1&y=2", "https://b.example",
                     "https://c.example/jobs", "mailto:sam@seeker.example"]
    assert all(attrs["rel"] == "noopener noreferrer" for tag, attrs in parsed.tags if tag == "a")


def test_a_list_may_follow_a_line_of_text_and_a_numbered_one_starts_at_1():
    assert "<ul>" in render_prose("Points:\n- a\n- b")
    assert "<ol>" in render_prose("Steps:\n1. a\n2. b")
    assert "<ol>" not in render_prose("Steps:\n3. a\n4. b")
    # A numbered list split by a blank line goes on; a year after a paragraph does not.
    assert render_prose("1. a\n\n2. b").count("<li>") == 2
    assert "<ol>" not in render_prose("text\n\n2019. I joined")


def test_fenced_code_is_shown_as_written():
    html = render_prose("```\n<b>a && b</b>\n*not em*\n```")
    assert html == "<pre><code>&lt;b&gt;a &amp;&amp; b&lt;/b&gt;\n*not em*\n</code></pre>"


def test_a_line_break_stays_a_line_break():
    assert render_prose("Best,\r\nSam") == "<p>Best,<br>\nSam</p>"


def test_blank_text_renders_nothing():
    assert render_prose("") == "" and render_prose(" \n\t\n") == ""


# ---- notes: the markers as badges -------------------------------------------------------------

def test_note_markers_are_badges_not_bullets():
    html = render_notes("met at the lobby\n! they use dbt\n? asked about sharding\n"
                        "+ I built a pipeline\n- ! a key point in a list\n!hurried key\n"
                        "+44 20 7946 0958\n?\n![x](y)")
    parsed = Parsed(html)
    badges = [attrs["class"] for tag, attrs in parsed.tags if tag == "span"]
    assert badges == ["marker key", "marker question", "marker contribute", "marker key",
                      "marker key"]
    assert ('<li><span class="marker key">!&nbsp;key point</span> a key point in a list'
            in html)
    assert "+44 20 7946 0958" in parsed.text  # a phone number is no marker
    assert "![x](y)" in parsed.text and "img" not in parsed.names


def test_a_private_token_typed_by_the_user_is_no_badge():
    assert "span" not in Parsed(render_notes("a \ue000!\ue001 typed")).names


def test_prose_has_no_badges():
    assert "span" not in Parsed(render_prose("! key\n+ bring")).names


# ---- drafts: what Followup writes from notes stays what it says -------------------------------

def _drafts():
    return [generate_draft(request) for _name, requests in meeting_requests(MEETINGS_FILE)
            for request in requests]


def test_every_sample_draft_renders_as_its_plain_text():
    """Every draft written from the sample meetings reads the same in both parts: no note text
    Followup put in it turned into Markdown (only `<https://…>` loses its angle brackets)."""
    drafts = _drafts()
    assert len(drafts) >= 40
    for draft in drafts:
        parsed = Parsed(render_prose(draft.body))
        assert set(parsed.names) <= {"p", "br", "a"}, draft.body
        expected = re.sub(r"<((?:https?|mailto):[^>]+)>", r"\1", draft.body)
        assert words(parsed.text) == words(expected), draft.body


def test_a_line_after_a_list_is_not_glued_to_its_last_item():
    html = render_prose("Two things:\n- one\n- two\nBest,\nSam")
    assert html.endswith("<li>two</li>\n</ul>\n<p>Best,<br>\nSam</p>")
    assert "<li>a<br>\n  continued</li>" in render_prose("- a\n  continued\n- b")


def test_a_year_after_a_bullet_list_is_prose_and_list_kinds_do_not_mix():
    html = render_prose("- one\n- two\n2019. was my first year.")
    assert html.endswith("<li>two</li>\n</ul>\n<p>2019. was my first year.</p>")
    html = render_prose("1. one\n- two")
    assert "<ol>\n<li>one</li>\n</ol>\n<ul>\n<li>two</li>\n</ul>" in html
