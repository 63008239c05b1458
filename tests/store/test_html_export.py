"""The HTML export from a real library file, read back with a real HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from followup.store.formats import export_text, write_export
from followup.store.html_export import export_html
from followup.store.interchange import FORMAT, import_library

NOTES = """Runs the platform team; we use List<Event> and 2*3*4 shards
! moving ingestion to *Kafka* this quarter
? asked how I'd size partitions
+ I led the cron-to-Kafka move
- a bullet with a [link](https://acme.example/post)
<script>alert("from a note")</script> and <img src="https://track.example/p.gif">
[trick](javascript:alert(1))"""


def _document() -> dict:
    sent = {"subject": "Kafka at Acme", "body": "Hi Priya,\n\nThanks for the **great** talk.\n\n"
            "- one\n- two\n\nSam", "status": "sent", "channel": "email (Followup)",
            "sent_at": "2026-03-02T10:00:00+00:00"}
    failed = {"subject": "Thank you", "body": "Hi Marcus,\n\nThanks.", "status": "failed",
              "failure_reason": "The server refused the recipient"}
    return {"format": FORMAT, "meetings": [
        {"company": "Acme", "role": "Platform Engineer", "kind": "panel_interview",
         "scheduled_start": "2026-03-01T14:00:00+00:00",
         "ended_at": "2026-03-01T15:00:00+00:00", "general_notes": "! they ship daily",
         "people": [
             {"name": "Priya Natarajan", "title": "Engineering Manager",
              "email": "priya@acme.example", "notes": NOTES, "followup": sent},
             {"name": "Marcus <Feld>", "notes": "", "followup": failed},
             {"name": "Dana Okafor", "capacity": "coordinator", "no_followup": True},
         ]},
        {"company": "Globex", "role": "Data Engineer", "kind": "networking_coffee",
         "people": [{"name": "Tom Becker", "notes": "coffee chat"}]},
    ]}


@pytest.fixture
def filled(library):
    import_library(library, _document())
    return library


class Page(HTMLParser):
    """Elements, attributes and text of a page, with the text under each tag class kept."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.doctype = ""
        self.style = ""
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.text += data

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]

    def with_class(self, css: str) -> list[dict]:
        return [attrs for _, attrs in self.tags if css in (attrs.get("class") or "").split()]


def test_one_self_contained_document_that_loads_and_runs_nothing(filled):
    page = Page(export_html(filled))
    assert page.doctype.lower() == "doctype html"
    names = page.names()
    assert names.count("html") == names.count("body") == names.count("style") == 1
    for banned in ("script", "img", "link", "iframe", "object", "embed", "form", "input"):
        assert banned not in names, banned
    assert not any(name in attrs for _, attrs in page.tags for name in ("src", "style")), \
        "only the one style sheet, no inline style or source"
    assert not any(attr.startswith("on") for _, attrs in page.tags for attr in attrs)
    hrefs = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    assert hrefs and all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs)
    assert "@import" not in page.style and "url(" not in page.style
    assert "@media print" in page.style  # printable: one meeting a page


def test_notes_are_rendered_and_raw_html_shown_as_text(filled):
    page = Page(export_html(filled))
    assert [a["class"] for a in page.with_class("marker")] == [
        "marker key",  # the general notes
        "marker key", "marker question", "marker contribute"]
    assert "em" in page.names() and "li" in page.names()
    assert "List<Event> and 2*3*4 shards" in page.text
    assert '<script>alert("from a note")</script>' in page.text
    assert '<img src="https://track.example/p.gif">' in page.text
    assert "[trick](javascript:alert(1))" in page.text
    assert "https://acme.example/post" in [a.get("href") for t, a in page.tags if t == "a"]


def test_each_person_has_their_follow_up_and_its_status(filled):
    page = Page(export_html(filled))
    statuses = [a["class"] for a in page.with_class("status")]
    assert statuses == ["status sent", "status failed", "status skipped", "status none"]
    assert "Sent Mon 2 Mar 2026" in page.text and "(email (Followup))" in page.text
    assert "Not sent: The server refused the recipient" in page.text
    assert "No follow-up needed" in page.text
    assert "No follow-up yet: the meeting is not over" in page.text
    assert "Subject: Kafka at Acme" in page.text
    # The draft is rendered as the email's HTML part renders it.
    assert "strong" in page.names() and "Marcus <Feld>" in page.text
    assert [h for t, h in page.tags if t == "h2"] == [{}, {}]  # both meetings, one each


def test_one_meeting(filled):
    page = Page(export_html(filled, meeting_id=2))
    assert "Globex — Data Engineer" in page.text and "Acme" not in page.text
    assert "coffee chat" in page.text and "Networking coffee" in page.text


def test_unknown_meeting_is_a_clear_error(filled):
    with pytest.raises(LookupError, match="there is no meeting 99"):
        export_html(filled, meeting_id=99)


def test_an_empty_library_exports_a_page_that_says_so(library):
    assert "No meetings yet." in Page(export_html(library)).text


def test_registered_as_an_export_format_chosen_by_suffix(filled, tmp_path):
    path = write_export(filled, tmp_path / "notes.html")
    assert Page(path.read_text(encoding="utf-8")).doctype.lower() == "doctype html"
    with pytest.raises(ValueError, match="--meeting works with --format html only"):
        export_text(filled, "json", meeting_id=1)
