"""Notes rendered as Markdown, read-only, beside the editor: one person's notes or the whole
meeting's, with the `!`, `?` and `+` lines led by a badge.

`core.rendering` does the rendering (imported when the view is first shown: Python-Markdown
and nh3 cost about 30 ms, which the first frame does not pay). Notes longer than
`BACKGROUND_AT` characters are rendered on a pool thread (100,000 characters take about 0.2 s),
so the window never stalls. Links open in the browser only when they are http, https or
mailto.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser

from followup.gui.theme import MARKER_COLOURS, is_dark
from followup.lazy_import import LazyModule

rendering = LazyModule("followup.core.rendering")  # when the view is first shown

# Below this many characters rendering takes under about 35 ms: done at once, on the UI thread.
BACKGROUND_AT = 20_000


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


def notes_html(text: str) -> str:
    """One note rendered, or "No notes yet." in italics."""
    return rendering.render_notes(text) or "<p><i>No notes yet.</i></p>"


def meeting_html(sections: list[tuple[str, str, str]]) -> str:
    """The whole meeting's notes as one fragment: for each (name, detail, notes), the name as
    a heading with an anchor `person-<n>` (n counts from 0, the general notes), the detail and
    the notes rendered, or "No notes." in italics."""
    parts = []
    for number, (name, detail, notes) in enumerate(sections):
        parts.append(f'<h3><a name="person-{number}"></a>{escape(name)}</h3>')
        if detail:
            parts.append(f"<p><small>{escape(detail)}</small></p>")
        parts.append(rendering.render_notes(notes) or "<p><i>No notes.</i></p>")
    return "\n".join(parts)


class _Done(QObject):
    rendered = Signal(int, str)  # the request's number, the fragment


class _RenderJob(QRunnable):
    """Renders on a pool thread; only the text goes in and the fragment comes back."""

    def __init__(self, number: int, render: Callable[..., str], *args):
        super().__init__()
        self.signals = _Done()
        self.number, self.render, self.args = number, render, args

    def run(self) -> None:
        # Nothing may escape a pool thread (the error hook would open a dialog off the GUI
        # thread): a failure is logged and said in the view.
        try:
            fragment = self.render(*self.args)
        except Exception:
            logging.getLogger(__name__).exception("rendering the notes failed")
            fragment = "<p><i>These notes could not be shown rendered; edit them as usual.</i></p>"
        self.signals.rendered.emit(self.number, fragment)


class RenderedNotes(QTextBrowser):
    """The read-only rendered view of the notes, rendered off the UI thread when long."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("renderedNotes")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self._request = 0  # the newest request: an older result arriving late is dropped
        self._anchor = ""
        self._jobs: dict[int, _RenderJob] = {}
        self.document().setDefaultStyleSheet(badge_style(is_dark()))

    def show_notes(self, text: str) -> None:
        """One note, rendered."""
        self._render(len(text), "", notes_html, text)

    def show_meeting(self, sections: list[tuple[str, str, str]], anchor: int = 0) -> None:
        """Every note of the meeting (see `meeting_html`), scrolled to section `anchor`."""
        size = sum(len(notes) for _name, _detail, notes in sections)
        self._render(size, f"person-{anchor}" if anchor else "", meeting_html, sections)

    def _render(self, size: int, anchor: str, render: Callable[..., str], *args) -> None:
        self._request += 1
        self._anchor = anchor
        if size < BACKGROUND_AT:
            self.show_fragment(render(*args))
            return
        self.show_fragment("<p><i>Rendering…</i></p>")
        job = _RenderJob(self._request, render, *args)
        job.signals.rendered.connect(self._on_rendered)
        self._jobs[self._request] = job
        QThreadPool.globalInstance().start(job)

    @Slot(int, str)
    def _on_rendered(self, number: int, fragment: str) -> None:
        self._jobs.pop(number, None)
        if number == self._request:
            self.show_fragment(fragment)

    def show_fragment(self, fragment: str) -> None:
        self.document().setDefaultStyleSheet(badge_style(is_dark()))  # the theme may change
        self.setHtml(fragment)
        if self._anchor:
            self.scrollToAnchor(self._anchor)

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        if rendering.link_allowed(url.toString()):
            QDesktopServices.openUrl(url)
