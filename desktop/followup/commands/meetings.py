"""`followup meetings`: every meeting with its id, newest first (`drafts --meeting` needs one);
`followup meetings edit ID`: correct a meeting's company, domain, role, kind, times or place."""

from __future__ import annotations

import json

from followup.commands import open_library, print_error
from followup.core.vocabulary import MEETING_KINDS


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("meetings", help="list meetings with their ids")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--filter", default="", metavar="TEXT",
                        help="only meetings whose company, role or a person's name contains it")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    edit = actions.add_parser(
        "edit", help="correct a meeting: company, domain, role, kind, start, end, location",
        description="Change the given details of meeting ID (see `followup meetings` for ids). "
                    "Drafts you have not edited are written again; edited drafts say the "
                    "meeting changed. Times are ISO 8601, local unless they carry an offset: "
                    "2026-03-02 14:00 or 2026-03-02T14:00+01:00. The start and end correct the "
                    "recorded times of a meeting started or ended in the window (the 24-hour "
                    "clock runs from the end), else its scheduled ones.")
    edit.add_argument("id", type=int, metavar="ID")
    edit.add_argument("--company", help="the company (an empty value removes it)")
    edit.add_argument("--domain", dest="company_domain", metavar="DOMAIN",
                      help="the company's email domain, like acme.com")
    edit.add_argument("--role", help="the role the meeting was about")
    edit.add_argument("--kind", help="one of: " + ", ".join(MEETING_KINDS))
    edit.add_argument("--start", metavar="WHEN", help="when it started: 2026-03-02 14:00")
    edit.add_argument("--end", metavar="WHEN", help="when it ended: 2026-03-02 15:00")
    edit.add_argument("--location", help="where it took place")
    edit.add_argument("--format", choices=("json", "text"), default="text")
    edit.set_defaults(func=run_edit)


def run_edit(args) -> int:
    from sqlalchemy.exc import NoResultFound

    from followup.store.meeting_edit import FIELDS, MeetingValueError, edit_meeting, read_time

    given = {key: getattr(args, key) for key in FIELDS}
    if not any(value is not None for value in given.values()):
        print_error("say what to change: --company, --domain, --role, --kind, --start, --end "
                    "or --location")
        return 2
    try:
        for key in ("start", "end"):
            if given[key] is not None:
                given[key] = read_time(given[key], key)
    except MeetingValueError as exc:
        print_error(f"nothing was changed: {_flag(exc.field)} {exc.detail}")
        return 2
    with open_library(args) as library:
        try:
            done = edit_meeting(library, args.id, **given)
            meeting = library.meeting(args.id)
        except NoResultFound:
            print_error(f"there is no meeting {args.id}; list them with `followup meetings`")
            return 2
        except MeetingValueError as exc:
            print_error(f"nothing was changed: {_flag(exc.field)} {exc.detail}")
            return 2
    return _print_edited(args, meeting, done)


def _flag(field: str) -> str:
    return "--domain" if field == "company_domain" else f"--{field}"


def _print_edited(args, meeting, done) -> int:
    when = meeting.started_at or meeting.scheduled_start
    end = meeting.ended_at or meeting.scheduled_end
    shown = {"id": meeting.id, "company": meeting.company,
             "company_domain": meeting.company_domain, "role": meeting.role,
             "kind": meeting.kind, "start": when.astimezone().isoformat() if when else None,
             "end": end.astimezone().isoformat() if end else None,
             "location": meeting.location, "changed": list(done.changed),
             "drafts_rewritten": done.redrafted, "drafts_out_of_date": done.marked}
    if args.format == "json":
        print(json.dumps(shown, indent=2, ensure_ascii=False))
        return 0
    if not done.changed:
        print(f"meeting {meeting.id} already has these details: nothing changed")
        return 0
    for key in ("company", "company_domain", "role", "kind", "start", "end", "location"):
        print(f"{key.replace('_', ' ') + ':':<16}{shown[key] or '(none)'}")
    if done.redrafted or done.marked:
        print(f"{done.redrafted} draft(s) you had not edited were written again; "
              f"{done.marked} edited draft(s) now say the meeting changed.")
    return 0


def run(args) -> int:
    with open_library(args, write=False) as library:
        meetings = library.list_meetings(args.filter)
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
