"""`followup replies`: look once for answers to the follow-ups sent, and list the check-ins
due.

The library, the keyring and IMAP are imported inside the command: the other commands do not
pay for them.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

from followup.commands import open_library, print_error
from followup.core.deadlines import format_local


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "replies", help="look once for replies to the follow-ups sent; list check-ins due")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--done", type=int, metavar="DRAFT_ID",
                        help="you sent or put aside this follow-up's check-in: stop listing it")
    parser.add_argument("--another", type=int, metavar="DRAFT_ID",
                        help="draft another check-in to this person now")
    parser.add_argument("--checkin-days", type=int, metavar="N",
                        help="days after the send a check-in falls due when no reply came "
                             "(default 7)")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Exit 0 after a check (answers found or not), 1 when the mailbox could not be read, 2
    when there is no IMAP account, no password, or a bad option."""
    with open_library(args) as library:
        code = _settings(library, args)
        if code is not None:
            return code
        return _check(library, args)


def _settings(library, args) -> int | None:
    from sqlalchemy.exc import NoResultFound

    from followup.store import replies

    try:
        if args.checkin_days is not None:
            replies.set_checkin_days(library, args.checkin_days)
            print(f"check-ins fall due {args.checkin_days} days after the send")
        if args.done is not None:
            replies.close_checkin(library, args.done)
            print(f"check-in of follow-up {args.done} no longer listed")
            return 0
        if args.another is not None:
            replies.another_checkin(library, args.another, datetime.now(UTC))
            print(f"another check-in drafted for follow-up {args.another}; see "
                  "`followup status`")
            return 0
    except ValueError as exc:
        print_error(str(exc))
        return 2
    except NoResultFound:
        print_error(f"there is no follow-up {args.done or args.another}; see `followup status`")
        return 2
    return 0 if args.checkin_days is not None else None


def _check(library, args) -> int:
    from followup.commands.sending import _imap_password
    from followup.mail.secrets import PasswordStore
    from followup.sending.mailbox import check_replies, forget_refused_password, load_imap
    from followup.store.replies import due_checkins

    if load_imap(library) is None:
        print_error("no IMAP account yet: add one with `followup account ... --imap-host H`")
        return 2
    password = _imap_password(library)
    if password is None:
        print_error("no IMAP password: store one in the keyring from the app, set "
                    "FOLLOWUP_IMAP_PASSWORD, or run this in a terminal")
        return 2
    now = datetime.now(UTC)
    result = check_replies(library, password, now)
    if result.password_refused:
        forget_refused_password(library, PasswordStore())
    due = due_checkins(library, now)
    if args.format == "json":
        print(json.dumps(_as_json(result, due), indent=2, ensure_ascii=False))
    else:
        _print_text(result, due, now)
    if result.error:
        print_error(f"replies not checked: {result.error}")
        return 1
    return 0


def _as_json(result, due) -> dict:
    return {
        "checked": result.checked,
        "replies": [{"draft_id": f.followup_id, "person": f.person, "company": f.company,
                     "from": f.address, "at": f.at.astimezone().isoformat() if f.at else None,
                     "checkin_withdrawn": f.withdrew_checkin} for f in result.found],
        "checkins_due": [{"draft_id": c.followup_id, "person": c.person,
                          "email": c.address, "company": c.company,
                          "due": c.due.astimezone().isoformat(), "subject": c.subject,
                          "body": c.body} for c in due],
        "error": result.error or None,
    }


def _print_text(result, due, now) -> None:
    if not result.error:
        waiting = result.checked - len(result.found)
        print(f"{len(result.found)} new repl{'y' if len(result.found) == 1 else 'ies'}; "
              f"{waiting} follow-up{'' if waiting == 1 else 's'} still awaiting an answer.")
    for f in result.found:
        when = format_local(f.at, now=now) if f.at else "just now"
        note = " (check-in withdrawn)" if f.withdrew_checkin else ""
        print(f"{f.followup_id:>4}  replied {when}: {f.person} ({f.company}) <{f.address}>{note}")
    for c in due:
        print(f"{c.followup_id:>4}  check-in due since {format_local(c.due, now=now)}: "
              f"{c.person} ({c.company})")
        print(f"      Subject: {c.subject}")
        for line in c.body.strip().splitlines():
            print(f"      | {line}", file=sys.stdout)
