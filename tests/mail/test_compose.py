"""Composing one message per person: headers, parts, sanitised HTML and refusals."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser

import pytest

from followup.core.addresses import usable_address
from followup.mail.outbox import (
    Account,
    ComposeError,
    compose_message,
    plain_and_html,
    render_html,
)

ACCOUNT = Account("smtp.example.com", 587, "starttls", "sam", "Sam Seeker", "sam@seeker.example")
BODY = """Hi Jane,

Thanks so much for taking the time to meet with me today at **Acme**.

- I enjoyed our talk about *testing*
- Here is the [post I mentioned](https://blog.example/post)

Best,
Sam
555-0100
"""


def compose(**changes):
    args = dict(to_name="Jane Doe", to_address="jane@acme.com",
                subject="Thank you for today", body_markdown=BODY)
    args.update(changes)
    return compose_message(ACCOUNT, **args)


def test_headers_name_one_person_and_carry_id_and_date():
    message = compose()
    assert [a.addr_spec for a in message["To"].addresses] == ["jane@acme.com"]
    assert message["To"].addresses[0].display_name == "Jane Doe"
    assert message["From"].addresses[0].addr_spec == "sam@seeker.example"
    assert message["From"].addresses[0].display_name == "Sam Seeker"
    assert message["Subject"] == "Thank you for today"
    assert re.fullmatch(r"<[^<>@]+@seeker\.example>", message["Message-ID"])
    assert parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["Cc"] is None and message["Bcc"] is None


def test_two_people_get_different_message_ids():
    assert compose()["Message-ID"] != compose(to_address="mark@acme.com")["Message-ID"]


def test_text_and_html_alternatives_survive_a_round_trip():
    raw = compose().as_bytes()
    assert max(len(line) for line in raw.splitlines()) <= 998
    assert all(byte < 128 for byte in raw)  # 7-bit clean, quoted-printable where needed
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "**Acme**" in text and "555-0100" in text
    # The HTML part renders the Markdown the user typed; the text part keeps it as typed.
    assert "<strong>Acme</strong>" in html and "<em>testing</em>" in html
    assert "<li>I enjoyed our talk about <em>testing</em></li>" in html
    assert ('<a href="https://blog.example/post" rel="noopener noreferrer">post I mentioned</a>'
            in html)


def test_non_ascii_names_and_text_are_encoded():
    message = compose(to_name="Zoë Ølund", subject="Merci — à bientôt",
                      body_markdown="Très heureux ☺")
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["To"].addresses[0].display_name == "Zoë Ølund"
    assert parsed["Subject"] == "Merci — à bientôt"
    assert "Très heureux ☺" in parsed.get_body(("plain",)).get_content()


def test_international_domain_is_sent_in_ascii():
    message = compose(to_address="jane@bücher.example")
    assert message["To"].addresses[0].domain == "xn--bcher-kva.example"


@pytest.mark.parametrize("subject", [
    "Thanks\r\nBcc: everyone@example.com",
    "Thanks\nBcc: x@example.com",
    "Thanks\rmore",
    "Tab\there",
    "Null\x00byte",
    "Line\u2028separator",
])
def test_subject_with_control_characters_is_refused(subject):
    with pytest.raises(ComposeError, match="subject contains a line break"):
        compose(subject=subject)


def test_name_with_a_newline_is_refused():
    with pytest.raises(ComposeError, match="line break"):
        compose(to_name="Jane\r\nBcc: x@example.com")


def test_address_with_a_line_break_is_refused():
    with pytest.raises(ComposeError, match="Jane Doe's email address contains a line break"):
        compose(to_address="jane@acme.com\r\nBcc: x@example.com")


@pytest.mark.parametrize("address", [
    "jane@acme.com, mark@acme.com",
    "Jane <jane@acme.com>",
])
def test_injection_through_the_address_is_refused(address):
    with pytest.raises(ComposeError, match="Jane Doe's email address .* does not look right"):
        compose(to_address=address)


@pytest.mark.parametrize("address", [None, "", "   "])
def test_missing_address_points_to_the_card(address):
    with pytest.raises(ComposeError) as caught:
        compose(to_address=address)
    assert str(caught.value) == "Add Jane Doe's email address on their card."


@pytest.mark.parametrize("address", [
    "jane", "jane@", "@acme.com", "jane@acme", "jane@@acme.com", "jane@acme..com",
    "jane.@acme.com", "jane@-acme.com", "ja ne@acme.com", "jane@127.0.0.1",
])
def test_invalid_address_points_to_the_card(address):
    with pytest.raises(ComposeError, match="Correct it on their card"):
        compose(to_address=address)


def test_address_is_normalised():
    assert usable_address("  Jane.Doe+jobs@ACME.com. ") == "Jane.Doe+jobs@acme.com"


def test_empty_subject_and_body_are_refused():
    with pytest.raises(ComposeError, match="subject line"):
        compose(subject="  ")
    with pytest.raises(ComposeError, match="empty"):
        compose(body_markdown="\n  \n")


def test_bad_sender_address_points_to_settings():
    bad = Account("smtp.example.com", 587, "starttls", "sam", "Sam", "not-an-address")
    with pytest.raises(ComposeError, match="account settings"):
        compose_message(bad, "Jane Doe", "jane@acme.com", "Hi", "Body")


def test_reply_to_is_set_and_checked():
    assert compose(reply_to="sam@other.example")["Reply-To"].addresses[0].addr_spec == (
        "sam@other.example")
    with pytest.raises(ComposeError, match="reply-to"):
        compose(reply_to="nope")


HOSTILE = """Hello <script>alert('x')</script>

<img src="http://track.example/pixel.gif" width="1" height="1">
![logo](https://track.example/logo.png)

[click](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)">this</a>
and <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
and <a href="//track.example/x">protocol-relative</a> and [relative](/local)

<p style="background:url(http://track.example/bg)" onclick="steal()">styled</p>
<style>body { background: url(http://track.example/css) }</style>
<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input></form>
<link rel="stylesheet" href="https://evil.example/x.css">

[mail me](mailto:sam@seeker.example) and [site](http://ok.example/)
"""


class _Elements(HTMLParser):
    """Every element and attribute of an HTML document, as a browser's parser sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_runs_and_loads_nothing():
    html = render_html(HOSTILE)
    parsed = _Elements(html)
    names = {tag for tag, _ in parsed.tags}
    assert names <= {"html", "head", "meta", "body", "p", "br", "a"}, names
    attributes = {name for _, attrs in parsed.tags for name in attrs}
    assert attributes <= {"href", "rel", "charset"}, attributes
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert all(re.match(r"(https?://[^/]|mailto:)", href or "") for href in hrefs), hrefs
    assert "mailto:sam@seeker.example" in hrefs and "http://ok.example/" in hrefs
    assert all(attrs.get("rel") == "noopener noreferrer" for tag, attrs in parsed.tags
               if tag == "a")
    assert "![logo](" in html  # an image is never shown, only its text
    # Raw HTML and unsafe links are shown as written, escaped: the reader sees the same words.
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "[click](javascript:alert(1))" in html and "[relative](/local)" in html
    assert '&lt;a href="JaVaScRiPt:alert(2)"&gt;this&lt;/a&gt;' in html


@pytest.mark.parametrize("prose", [
    "We use List<Event> everywhere.",
    "2026. was the year we shipped.",
    "I joined in\n2019. Then the team grew.",
    "#1 on my list is the API.",
    "# of people who came: 12",
    "It is 2*3*4 = 24.",
    "1) not a list",
    "> not a quote, & not an entity: &amp;",
    "    indented, not code",
    "a_b_c and __init__ and snake_case_name",
    "[1]: a line that looks like a link definition",
    "Best,\n--\nSam",
    "[your phone number] and [Company X]",
])
def test_html_shows_prose_exactly_as_written(prose):
    html = render_html(prose)
    body = html.split("<body>\n", 1)[1].split("\n</body>", 1)[0]
    assert body.startswith("<p>") and body.endswith("</p>")
    shown = re.sub(r"<br>\n", "\n", body[3:-4])
    assert "<" not in shown  # no element at all: text only
    assert unescape(shown) == prose.rstrip().lstrip()


def test_html_renders_the_markdown_the_user_typed():
    html = render_html("Hi Jane,\n\nThree things:\n- *one*\n- **two**\n\n"
                       "And in order:\n1. first\n2. second\n\nSee [my post](https://a.example/p).")
    assert ("<p>Three things:</p>\n<ul>\n<li><em>one</em></li>\n<li><strong>two</strong></li>"
            in html)
    assert "<p>And in order:</p>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert '<a href="https://a.example/p" rel="noopener noreferrer">my post</a>' in html


def test_html_keeps_paragraphs_and_line_breaks_and_links():
    html = render_html("Hi Jane,\r\n\r\nThanks for today.\nSee https://acme.example/jobs.\n\n\n"
                       "Best,\nSam")
    assert ("<p>Hi Jane,</p>\n<p>Thanks for today.<br>\nSee "
            '<a href="https://acme.example/jobs" rel="noopener noreferrer">'
            "https://acme.example/jobs</a>.</p>\n<p>Best,<br>\nSam</p>") in html


def test_plain_and_html_keep_the_words():
    text, html = plain_and_html("Line one  \r\nLine two\n\n\n")
    assert text == "Line one\nLine two\n"
    assert "Line one" in html and "Line two" in html
