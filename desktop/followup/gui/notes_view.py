"""Notes rendered as Markdown, read-only, beside the editor: one person's notes or the whole
meeting's, with the `!`, `?` and `+` lines led by a badge.

`core.rendering` does the rendering (imported when the view is first shown: Python-Markdown
and nh3 cost about 30 ms, which the first frame does not pay). Links open in the browser only
when they are http, https or mailto.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser

from followup.gui.theme import MARKER_COLOURS, is_dark

EDIT, RENDERED, WHOLE_MEETING = range(3)
MODE_NAMES = ("Edit", "Rendered", "Whole meeting")


def badge_style(dark: bool) -> str:
    """The badges' look in Qt's rich text (a colour, a weight and a tint behind the text; Qt
    draws no rounded border), in the marker colours of the editor."""
    tints = {"!": ("#FFF3E8", "#4A2A0C"), "?": ("#EAF4FB", "#0D2C40"),
             "+": ("#E8F7F1", "#0B3A2C")}
    rules = []
    for mark, name in (("!", "key"), ("?", "question"), ("+", "contribute")):
        colour = MARKER_COLOURS[mark][1 if dark else 0]
        tint = tints[mark][1 if dark else 0]
        rules.append(f"span.{name} {{ color: {colour}; background-color: {tint}; "
                     "font-weight: 600; }")
    return "\n".join(rules)


def meeting_html(sections: list[tuple[str, str, str]]) -> str:
    """The whole meeting's notes as one fragment: for each (name, detail, notes), the name as
    a heading with an anchor `person-<n>` (n counts from 0, the general notes), the detail and
    the notes rendered, or "No notes." in italics."""
    from followup.core.rendering import render_notes

    parts = []
    for number, (name, detail, notes) in enumerate(sections):
        parts.append(f'<h3><a name="person-{number}"></a>{escape(name)}</h3>')
        if detail:
            parts.append(f"<p><small>{escape(detail)}</small></p>")
        parts.append(render_notes(notes) or "<p><i>No notes.</i></p>")
    return "\n".join(parts)


class RenderedNotes(QTextBrowser):
    """The read-only rendered view; `source_html` is the fragment it was last given."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("renderedNotes")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.source_html = ""
        self.document().setDefaultStyleSheet(badge_style(is_dark()))

    def show_notes(self, text: str) -> None:
        """One note, rendered."""
        from followup.core.rendering import render_notes

        self.show_fragment(render_notes(text) or "<p><i>No notes yet.</i></p>")

    def show_fragment(self, fragment: str) -> None:
        self.document().setDefaultStyleSheet(badge_style(is_dark()))  # the theme may change
        self.source_html = fragment
        self.setHtml(fragment)

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        from followup.core.rendering import link_allowed

        if link_allowed(url.toString()):
            QDesktopServices.openUrl(url)
