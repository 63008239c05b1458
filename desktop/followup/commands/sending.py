"""`followup send`, `followup mark-sent` and `followup account`."""

from __future__ import annotations

import getpass
import os
import sys

from followup.commands import open_library, print_error

NAME = "send"


def add_parser(subparsers) -> None:
    send = subparsers.add_parser("send", help="send one follow-up with the configured account")
    send.add_argument("draft_id", type=int, metavar="DRAFT_ID")
    send.add_argument("--yes", action="store_true",
                      help="do not ask: send even when required checklist rules fail")
    send.set_defaults(func=run_send)
    mark = subparsers.add_parser("mark-sent", help="record a follow-up as sent another way")
    mark.add_argument("draft_id", type=int, metavar="DRAFT_ID")
    mark.add_argument("--channel", required=True, metavar="NAME",
                      help='how it was sent, e.g. "in person" or "Gmail"')
    mark.set_defaults(func=run_mark_sent)
    account = subparsers.add_parser("account", help="set up the SMTP account for sending")
    account.add_argument("--host", required=True)
    account.add_argument("--port", type=int, required=True)
    account.add_argument("--security", choices=("ssl", "starttls", "none"), required=True,
                         help="ssl: implicit TLS (465); starttls (587); none: this machine only")
    account.add_argument("--user", default="", help="user name for signing in")
    account.add_argument("--from", dest="sender", required=True, metavar='"NAME <ADDRESS>"')
    account.set_defaults(func=run_account)


def _ask(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def _password(account) -> str | None:
    from followup.mail.secrets import PasswordStore
    from followup.sending import secret_key

    env = os.environ.get("FOLLOWUP_SMTP_PASSWORD")
    if env:
        return env
    stored = PasswordStore().load(secret_key(account))
    if stored is not None:
        return stored
    if not account.username:
        return ""
    if not sys.stdin.isatty():
        print_error("no password: store one in the keyring from the app, set "
                    "FOLLOWUP_SMTP_PASSWORD, or run this in a terminal")
        return None
    return getpass.getpass(f"Password for {account.username} at {account.host}: ")


def _followup(library, draft_id: int):
    """The follow-up, or None after telling the user there is no such draft."""
    from followup.store import followups as fu

    try:
        return fu.followup_view(library, draft_id)
    except Exception:
        print_error(f"there is no follow-up {draft_id}; see `followup status`")
        return None


def run_send(args) -> int:
    from followup.core.rubric import check_draft, failing_required
    from followup.sending import load_account, send_one
    from followup.store import followups as fu

    library = open_library(args)
    try:
        view = _followup(library, args.draft_id)
        if view is None:
            return 2
        account = load_account(library)
        if account is None:
            print_error("no account yet: set one up with `followup account --host ...`")
            return 2
        siblings = fu.followups_for_meeting(library, view.meeting_id)
        failing = failing_required(check_draft(view.subject, view.body,
                                               fu.check_context(library, view, siblings)))
        if failing and not args.yes:
            for rule in failing:
                print(f"  ✖ {rule.message}", file=sys.stderr)
            if not _ask(f"{len(failing)} required checklist rule(s) fail. Send anyway?"):
                print_error("not sent (use --yes to send anyway)")
                return 1
        resend = view.status in ("sent", "sending")
        if resend and not _ask(f"This follow-up is {view.status}. Really send it again?"):
            print_error(f"not sent: follow-up {view.id} is already {view.status}")
            return 1
        password = _password(account)
        if password is None:
            return 2
        outcome = send_one(library, view.id, account, password, allow_resend=resend)
    finally:
        library.close()
    print(f"{outcome.status}: {outcome.reason}")
    return 0 if outcome.ok else 1


def run_mark_sent(args) -> int:
    from followup.store import followups as fu

    library = open_library(args)
    try:
        view = _followup(library, args.draft_id)
        if view is None:
            return 2
        if view.status == "sent" and not _ask("Already marked sent. Record it again?"):
            print(f"sent: already sent via {view.channel or 'unknown channel'}")
            return 0
        fu.set_status(library, view.id, "sent", channel=args.channel,
                      detail="marked sent by hand", allow_resend=True)
    finally:
        library.close()
    print(f"sent: follow-up {args.draft_id} to {view.person_name} marked sent ({args.channel})")
    return 0


def run_account(args) -> int:
    from email.utils import parseaddr

    from followup.mail.outbox import Account, account_problem
    from followup.sending import save_account

    name, address = parseaddr(args.sender)
    account = Account(host=args.host, port=args.port, security=args.security,
                      username=args.user, sender_name=name, sender_address=address)
    problem = account_problem(account)
    if problem:
        print_error(problem)
        return 2
    library = open_library(args)
    try:
        save_account(library, account)
    finally:
        library.close()
    print(f"account saved: {args.security} {args.host}:{args.port} as {args.sender}")
    return 0
