"""`followup status`: the send-status list, most urgent first."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from followup.commands import open_library
from followup.core.deadlines import STATE_STYLE, format_local
from followup.core.status import label as status_label


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("status", help="print who still needs a follow-up")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--filter", choices=("to do", "todo", "to-do", "overdue", "sent", "all"),
                        default="all", help='which follow-ups: todo (or "to do"), overdue, '
                        "sent, all")
    parser.set_defaults(func=run)


def run(args) -> int:
    from followup.store.replies import due_checkins
    from followup.store.status_list import status_rows

    now = datetime.now(UTC)
    with open_library(args, write=False) as library:
        which = "to do" if args.filter in ("todo", "to-do") else args.filter
        rows = status_rows(library, now, which)
        # Check-ins are due like a follow-up still to send: listed under "to do" and "all".
        nudges = due_checkins(library, now) if which in ("to do", "all") else []
    if args.format == "json":
        entries = [_nudge_json(n) for n in nudges] + [_row_json(r) for r in rows]
        print(json.dumps(entries, indent=2, ensure_ascii=False))
        return 0
    if not rows and not nudges:
        print("No follow-ups yet.")
    for n in nudges:
        since = format_local(n.due, now=now)
        print(f"{n.followup_id:>4}  {'↻ check-in due':<17} {'since ' + since:<34} "
              f"{n.person} ({n.company}) [check-in]")
    for r in rows:
        v = r.view
        when = r.countdown.text if r.countdown else "no meeting time"
        print(f"{v.id:>4}  {_state_name(r):<17} {when:<34} {v.person_name} ({v.company}) "
              f"[{_status_words(v, now)}]")
    return 0


def _status_words(view, now: datetime) -> str:
    if view.replied_at is not None:
        return f"replied {format_local(view.replied_at, now=now)}"
    return status_label(view.status)


def _nudge_json(n) -> dict:
    """A check-in that is due, as `status --format json` lists it (`"kind": "nudge"`)."""
    return {
        "kind": "nudge", "draft_id": n.followup_id, "meeting_id": n.meeting_id,
        "person": {"name": n.person, "email": n.address}, "company": n.company,
        "role": n.role, "status": "due", "state": "due",
        "due": n.due.astimezone().isoformat(), "subject": n.subject, "body": n.body,
    }


def _state_name(row) -> str:
    """The state as the window names it ("plenty of time", "due soon"), with its symbol."""
    if row.countdown is None:
        return "no deadline"
    style = STATE_STYLE[row.countdown.state]
    return f"{style.glyph} {style.label.lower()}"


def _row_json(r) -> dict:
    v = r.view
    return {
        "draft_id": v.id, "meeting_id": v.meeting_id,
        "person": {"name": v.person_name, "email": v.person_email},
        "kind": "followup",
        "company": v.company, "role": v.role, "status": v.shown_status, "state": r.state,
        "state_label": _state_name(r)[2:] if r.countdown else r.state,
        "deadline": v.deadline.due.astimezone().isoformat() if v.deadline else None,
        "target": v.deadline.target.astimezone().isoformat()
        if v.deadline and v.deadline.target else None,
        "seconds_left": r.countdown.seconds_left if r.countdown else None,
        "countdown": r.countdown.text if r.countdown else None,
        "sent_at": v.sent_at.astimezone().isoformat() if v.sent_at else None,
        "drafted": v.drafted,
        "channel": v.channel or None,
        "replied_at": v.replied_at.astimezone().isoformat() if v.replied_at else None,
    }
