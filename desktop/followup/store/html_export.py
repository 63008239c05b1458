"""The HTML export: the library, or one meeting, as one self-contained web page to read or print.

Notes and drafts are rendered by `core.rendering` (Markdown for prose; raw HTML typed in a note
is shown as text, never run); every other text is escaped. The page holds its own CSS, loads
nothing (no fonts, images or scripts) and prints one meeting a page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from followup.core.deadlines import format_local
from followup.core.rendering import render_notes, render_prose
from followup.core.status import Status
from followup.core.vocabulary import CAPACITIES, MEETING_KINDS
from followup.store.interchange import export_meetings
from followup.store.library import Library

# The marker colours are the light theme's (gui/theme.py), with a tint behind each badge.
STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #1b1b1b; background: #fff; max-width: 50rem; margin: 2rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #d0d4d9; padding-bottom: .2rem;
     margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .3rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; color: #444; }
.exported, .facts, .person-details { color: #555; margin-top: .2rem; }
.none { color: #777; font-style: italic; }
.notes, .draft { overflow-wrap: anywhere; }
.draft { border-left: 3px solid #d0d4d9; padding-left: 1rem; }
.subject { margin: .2rem 0 .6rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
            font-size: .9em; background: #f3f4f6; border-radius: 3px; }
code { padding: 0 .2em; }
pre { padding: .5rem .7rem; white-space: pre-wrap; }
.marker { display: inline-block; padding: 0 .45em; border: 1px solid; border-radius: .7em;
          font-size: .8em; font-weight: 600; line-height: 1.5; white-space: nowrap; }
.marker.key { color: #B35806; background: #FFF3E8; }
.marker.question { color: #0072B2; background: #EAF4FB; }
.marker.contribute { color: #007A5A; background: #E8F7F1; }
.status { display: inline-block; padding: 0 .5em; border: 1px solid #888; border-radius: 3px;
          font-size: .85em; font-weight: 600; }
.status.sent { color: #007A5A; border-color: #007A5A; }
.status.failed, .status.sending { color: #B00020; border-color: #B00020; }
.status.skipped, .status.none { color: #555; }
section.person { break-inside: avoid-page; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  article.meeting + article.meeting { break-before: page; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; }
  .marker, .status, code, pre { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_STATUS_LABELS = {
    Status.DRAFT: "Draft",
    Status.READY: "Ready to send",
    Status.SENDING: "Send not confirmed: check your Sent folder",
    Status.SENT: "Sent",
    Status.FAILED: "Not sent",
    Status.SKIPPED: "No follow-up needed",
}


def export_html(library: Library, meeting_id: int | None = None,
                now: datetime | None = None) -> str:
    """The whole library, or only the meeting `meeting_id`, as one HTML document.

    Raises LookupError when `meeting_id` names no meeting."""
    meetings = export_meetings(library, meeting_id)
    now = now or datetime.now(UTC)
    if meeting_id is not None:
        title = _meeting_title(meetings[0])
    else:
        title = "Followup: every meeting"
    body = [f"<header><h1>{escape(title)}</h1>",
            f'<p class="exported">Exported from Followup on {escape(format_local(now))}</p>',
            "</header>"]
    if not meetings:
        body.append('<p class="none">No meetings yet.</p>')
    body += [_meeting(mt, heading=meeting_id is None) for mt in meetings]
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _meeting_title(mt: dict[str, Any]) -> str:
    return " — ".join(x for x in (mt["company"], mt["role"]) if x) or "Meeting"


def _instant(value: str | None) -> str:
    return format_local(datetime.fromisoformat(value)) if value else ""


def _meeting(mt: dict[str, Any], heading: bool) -> str:
    facts = [MEETING_KINDS.get(mt["kind"], mt["kind"]),
             _instant(mt["started_at"] or mt["scheduled_start"])]
    if mt["location"]:
        facts.append(", ".join(p.strip() for p in mt["location"].splitlines() if p.strip()))
    if mt["cancelled_at"]:
        facts.insert(0, "Cancelled by the organizer")
    out = [f'<article class="meeting" id="meeting-{mt["id"]}">']
    if heading:
        out.append(f"<h2>{escape(_meeting_title(mt))}</h2>")
    out.append(f'<p class="facts">{escape(" · ".join(f for f in facts if f))}</p>')
    if mt["general_notes"].strip():
        out += ['<section class="general">', "<h3>General notes</h3>",
                f'<div class="notes">{render_notes(mt["general_notes"])}</div>', "</section>"]
    out += [_person(p) for p in mt["people"]]
    if not mt["people"]:
        out.append('<p class="none">Nobody in this meeting yet.</p>')
    out.append("</article>")
    return "\n".join(out)


def _person(p: dict[str, Any]) -> str:
    details = [p["title"], CAPACITIES.get(p["capacity"], "") if p["capacity"] != "interviewer"
               else "", p["email"]]
    notes = render_notes(p["notes"]) or '<p class="none">No notes.</p>'
    out = [f'<section class="person" id="person-{p["id"]}">', f"<h3>{escape(p['name'])}</h3>"]
    shown = [d for d in details if d]
    if shown:
        out.append(f'<p class="person-details">{escape(" · ".join(shown))}</p>')
    out += ["<h4>Notes</h4>", f'<div class="notes">{notes}</div>', _followup(p), "</section>"]
    return "\n".join(out)


def _followup(p: dict[str, Any]) -> str:
    f = p.get("followup")
    if f is None:
        label, css = (("No follow-up needed", "skipped") if p["no_followup"]
                      else ("No follow-up yet: the meeting is not over", "none"))
        return f'<h4>Follow-up <span class="status {css}">{escape(label)}</span></h4>'
    status = Status(f["status"])
    label = _STATUS_LABELS[status]
    if status is Status.SENT:
        when = _instant(f["sent_at"])
        label += (f" {when}" if when else "") + (f" ({f['channel']})" if f["channel"] else "")
    if status is Status.FAILED and f["failure_reason"]:
        label += f": {f['failure_reason']}"
    out = [f'<h4>Follow-up <span class="status {status.value}">{escape(label)}</span></h4>']
    if f["body"].strip():
        out += [f'<p class="subject"><strong>Subject:</strong> {escape(f["subject"])}</p>',
                f'<div class="draft">{render_prose(f["body"])}</div>']
    return "\n".join(out)
