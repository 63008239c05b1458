"""`followup meetings`: every meeting with its id, newest first (`drafts --meeting` needs one)."""

from __future__ import annotations

import json

from followup.commands import open_library

NAME = "meetings"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("meetings", help="list meetings with their ids")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--filter", default="", metavar="TEXT",
                        help="only meetings whose company, role or a person's name contains it")
    parser.set_defaults(func=run)


def run(args) -> int:
    library = open_library(args)
    try:
        meetings = library.list_meetings(args.filter)
    finally:
        library.close()
    if args.format == "json":
        print(json.dumps([{
            "id": m.id, "company": m.company, "role": m.role, "kind": m.kind,
            "when": m.when.astimezone().isoformat() if m.when else None,
            "people": m.people, "sent": m.sent, "to_send": 0 if m.cancelled else m.to_send,
            "cancelled": m.cancelled,
        } for m in meetings], indent=2, ensure_ascii=False))
        return 0
    if not meetings:
        print("No meetings yet.")
    for m in meetings:
        when = m.when.astimezone().strftime("%Y-%m-%d %H:%M") if m.when else "no time"
        title = " — ".join(x for x in (m.company, m.role) if x) or "(no company)"
        print(f"{m.id:>4}  {when:<16}  {title}  ({_followups(m)})")
    return 0


def _followups(m) -> str:
    """"n of m sent", or "cancelled" for a meeting the organizer cancelled: none is due."""
    if m.cancelled:
        return "cancelled" + (f", {m.sent} sent" if m.sent else "")
    return f"{m.sent} of {m.to_send} sent"
