"""The HTML part as a real SMTP server on loopback receives it: the Markdown the user typed,
rendered for prose, and the plain part exactly as typed."""

from __future__ import annotations

from html.parser import HTMLParser

from followup.mail.outbox import compose_message, render_html, send_message
from tests.mail.conftest import account_for

# What a person types in a draft: lists, emphasis, links, and prose that only looks like
# Markdown (a year at a line start, `#1`, angle brackets, stars between numbers, raw HTML).
DRAFT = """Hi Priya,

Thank you for the *very* kind welcome at **Acme** today. Three things stayed with me:
- the List<Event> type you showed
- 2*3*4 shards, one per region
- your [post on Kafka](https://blog.example/kafka)

What I would bring:
1. the cron-to-Kafka move I led
2. on-call runbooks

I joined my team in
2019. It grew from 3 to 12 people.
#1 on my list is still the API.
<script>alert("x")</script> and [a trick](javascript:alert(1))

Best,
Sam
+44 20 7946 0958
"""


class _Parts(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data


def _send(server) -> tuple[str, str]:
    account = account_for(server)
    message = compose_message(account, "Priya Natarajan", "priya@acme.example",
                              "The Kafka move at Acme", DRAFT)
    result = send_message(account, server.password, message, timeout=5,
                          ssl_context=server.ssl_context)
    assert result.ok, result.reason
    [received] = server.received
    got = received.message
    # The wire's CRLF line ends, read back as the message was composed.
    return (got.get_body(("plain",)).get_content().replace("\r\n", "\n"),
            got.get_body(("html",)).get_content().replace("\r\n", "\n"))


def test_received_html_part_renders_the_markdown_typed(smtp_server):
    plain, html = _send(smtp_server)
    assert plain == DRAFT  # the plain part is what was typed
    assert html == render_html(DRAFT)  # and the HTML part is what the Preview tab shows
    parts = _Parts(html)
    names = [tag for tag, _ in parts.tags]
    assert names.count("li") == 5 and "ul" in names and "ol" in names
    assert "em" in names and "strong" in names
    assert [attrs["href"] for tag, attrs in parts.tags if tag == "a"] == [
        "https://blog.example/kafka"]
    assert "script" not in names


def test_received_html_part_keeps_prose_as_prose(smtp_server):
    _plain, html = _send(smtp_server)
    text = _Parts(html).text
    for prose in ("the List<Event> type", "2*3*4 shards", "2019. It grew from 3 to 12 people.",
                  "#1 on my list is still the API.", '<script>alert("x")</script>',
                  "[a trick](javascript:alert(1))", "+44 20 7946 0958"):
        assert prose in text, prose
    assert html.count("<ol>") == 1  # the year did not start a second numbered list
