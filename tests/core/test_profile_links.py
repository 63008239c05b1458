"""Profile links typed one a line, and the words of them that are not typos."""

from __future__ import annotations

import pytest

from followup.core.profile_links import links_to_text, text_to_links


def test_links_round_trip_through_the_text_the_dialog_shows():
    text = ("What I learned moving a cron zoo to Kafka | https://example.com/cron | kafka, Cron\n"
            "\n"
            "Portfolio | https://example.com |")
    links = text_to_links(text)
    assert links == [
        {"title": "What I learned moving a cron zoo to Kafka", "url": "https://example.com/cron",
         "tags": ["kafka", "cron"]},
        {"title": "Portfolio", "url": "https://example.com", "tags": []}]
    assert text_to_links(links_to_text(links)) == links


def test_a_line_without_an_address_is_refused_by_quoting_it():
    with pytest.raises(ValueError, match="“My blog” needs a title and an address"):
        text_to_links("My blog")
