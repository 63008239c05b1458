"""The profile's links (blog posts, a portfolio) as the user types them, one per line.

    Title | https://address | tag, tag

Drafting offers a link whose tags a person's own notes touch (see `core.drafting`).
"""

from __future__ import annotations

from collections.abc import Iterable

LINK_HELP = "One per line: Title | https://address | tag, tag"


def links_to_text(links: Iterable[dict]) -> str:
    """`links` (dicts with title, url, tags) as the lines the profile dialog shows."""
    return "\n".join(f"{link.get('title', '')} | {link['url']} | {', '.join(link.get('tags', []))}"
                     for link in links)


def text_to_links(text: str) -> list[dict]:
    """The links typed in `text`, tags lowercased; blank lines are skipped.

    Raises ValueError, quoting the line, when a line has no address.
    """
    links = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 2 or not parts[1]:
            if line.strip():
                raise ValueError(f"“{line.strip()}” needs a title and an address: {LINK_HELP}")
            continue
        tags = [t.strip().lower() for t in (parts[2] if len(parts) > 2 else "").split(",")]
        links.append({"title": parts[0], "url": parts[1], "tags": [t for t in tags if t]})
    return links
