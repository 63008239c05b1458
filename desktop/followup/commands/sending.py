"""`followup send`, `followup mark-sent` and `followup account`.

The library, the keyring and SMTP are imported when a command first uses them (`LazyModule`):
`followup --help` and the other commands do not pay for them.
"""

from __future__ import annotations

import getpass
import os
import sys

from followup.commands import open_library, print_error
from followup.lazy_import import LazyModule

delivery = LazyModule("followup.sending.delivery")
fu = LazyModule("followup.store.followups")
mail_imap = LazyModule("followup.mail.imap")
mail_secrets = LazyModule("followup.mail.secrets")
mailbox = LazyModule("followup.sending.mailbox")
outbox = LazyModule("followup.mail.outbox")
preflight = LazyModule("followup.core.preflight")
send_preflight = LazyModule("followup.sending.preflight")


def add_parser(subparsers) -> None:
    send = subparsers.add_parser("send", help="send one follow-up with the configured account")
    send.add_argument("draft_id", type=int, metavar="DRAFT_ID")
    send.add_argument("--yes", action="store_true",
                      help="do not ask: send even when required checklist rules fail "
                           "(never to a guessed address without --address-confirmed, never "
                           "twice without --resend, never with an unfilled [...] gap)")
    send.add_argument("--address-confirmed", action="store_true",
                      help="you checked the guessed address and it is right")
    send.add_argument("--resend", action="store_true",
                      help="send again a note that was already sent (or marked sent)")
    send.set_defaults(func=run_send)
    mark = subparsers.add_parser("mark-sent", help="record a follow-up as sent another way")
    mark.add_argument("draft_id", type=int, metavar="DRAFT_ID")
    mark.add_argument("--channel", required=True, metavar="NAME",
                      help='how it was sent, e.g. "in person" or "Gmail"')
    mark.add_argument("--yes", action="store_true",
                      help="do not ask: record it even when the draft still has a [...] gap, "
                           "fails required checklist rules or was already recorded as sent")
    mark.set_defaults(func=run_mark_sent)
    account = subparsers.add_parser("account", help="set up the SMTP account for sending")
    account.add_argument("--host", required=True)
    account.add_argument("--port", type=int, required=True)
    account.add_argument("--security", choices=("ssl", "starttls", "none"), required=True,
                         help="ssl: implicit TLS (465); starttls (587); none: this machine only")
    account.add_argument("--user", default="", help="user name for signing in")
    account.add_argument("--from", dest="sender", required=True, metavar='"NAME <ADDRESS>"')
    imap = account.add_argument_group(
        "IMAP (optional)", "your mailbox, to put a copy of each note in Sent and to find "
        "replies; it signs in with the SMTP password unless --imap-own-password")
    imap.add_argument("--imap-host", metavar="H")
    imap.add_argument("--imap-port", type=int, metavar="P",
                      help="default: 993 for ssl, 143 for starttls and none")
    imap.add_argument("--imap-security", choices=("ssl", "starttls", "none"), default="ssl",
                      help="ssl: implicit TLS (993, the default); starttls (143); none: this "
                           "machine only")
    imap.add_argument("--imap-user", metavar="U", help="default: the SMTP user name")
    imap.add_argument("--imap-own-password", action="store_true",
                      help="the mailbox has its own password (keyring entry), not the SMTP one")
    imap.add_argument("--no-imap", action="store_true", help="forget the IMAP settings")
    account.set_defaults(func=run_account)


def _ask(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def _password(account) -> str | None:
    env = os.environ.get("FOLLOWUP_SMTP_PASSWORD")
    if env:
        return env
    stored = mail_secrets.PasswordStore().load(delivery.secret_key(account))
    if stored is not None:
        return stored
    if not account.username:
        return ""
    if not sys.stdin.isatty():
        print_error("no password: store one in the keyring from the app, set "
                    "FOLLOWUP_SMTP_PASSWORD, or run this in a terminal")
        return None
    return getpass.getpass(f"Password for {account.username} at {account.host}: ")


def _imap_password(library, asking: bool = True) -> str | None:
    """The IMAP password: FOLLOWUP_IMAP_PASSWORD, else its keyring entry (the SMTP one by
    default), else the SMTP password given in FOLLOWUP_SMTP_PASSWORD when they share it;
    on a terminal and `asking`, asked for. None when none is known."""
    env = os.environ.get("FOLLOWUP_IMAP_PASSWORD")
    if env:
        return env
    settings = mailbox.load_imap(library)
    if settings is None:
        return None
    stored = mail_secrets.PasswordStore().load(mailbox.imap_secret_key(library, settings))
    if stored is not None:
        return stored
    if not settings.own_password and os.environ.get("FOLLOWUP_SMTP_PASSWORD"):
        return os.environ["FOLLOWUP_SMTP_PASSWORD"]
    if asking and sys.stdin.isatty():
        account = settings.account
        return getpass.getpass(f"Password for {account.username} at {account.host} (IMAP): ")
    return None


def _followup(library, draft_id: int, drafted: bool = False):
    """The follow-up, or None after telling the user there is no such draft. With `drafted`,
    the drafts of its meeting not written yet are written first (a follow-up exists once its
    meeting ended; its draft is written when first needed)."""
    try:
        view = fu.followup_view(library, draft_id)
    except Exception:
        print_error(f"there is no follow-up {draft_id}; see `followup status`")
        return None
    if drafted:
        fu.ensure_drafts(library, view.meeting_id)
    return view


def run_send(args) -> int:
    """Show what will be sent, apply the send preflight, ask (on a terminal) or take the flags,
    then send once. Exit 1 when the note cannot be sent as it is (a gap, no address) or the
    user said no; 2 when nobody could be asked and `--yes` was not given."""
    with open_library(args) as library:
        if _followup(library, args.draft_id, drafted=True) is None:
            return 2
        account = delivery.load_account(library)
        if account is None:
            print_error("no account yet: set one up with `followup account --host ...`")
            return 2
        outgoing = delivery.prepare(library, args.draft_id, account)
        check = outgoing.check
        _print_summary(account, check)
        confirmed = _asked(check, lambda: _confirmations(args, check), "sent")
        if isinstance(confirmed, int):
            return confirmed
        left = check.unconfirmed(confirmed)
        if left:
            for problem in left:
                print_error(f"not sent: {problem.message} ({_how_to_confirm(problem.kind)})")
            return 1
        password = _password(account)
        if password is None:
            return 2
        outcome = delivery.send_one(library, outgoing, account, password, confirmed=confirmed,
                                    imap_password=_imap_password(library, asking=False))
        if outcome.kind is delivery.OutcomeKind.PASSWORD_REFUSED:
            mail_secrets.PasswordStore().delete(delivery.secret_key(account))
    print(f"{outcome.status}: {outcome.reason}")
    return 0 if outcome.ok else 1


def _print_summary(account, check) -> None:
    """What would go out, as the window's confirmation shows it."""
    facts = check.facts
    guessed = "  (guessed, not confirmed)" if facts.address_guessed else ""
    print(f"From:    {account.sender_name} <{account.sender_address}>", file=sys.stderr)
    print(f"To:      {facts.person} <{facts.address or 'no address'}>{guessed}", file=sys.stderr)
    print(f"Subject: {facts.subject}", file=sys.stderr)
    for line in check.first_lines():
        print(f"  | {line}", file=sys.stderr)
    for rule in facts.failing_rules:
        print(f"  ✖ {rule}", file=sys.stderr)
    for problem in check.problems:
        if problem.kind is preflight.Finding.UNREAD_PHRASED:
            print(f"  ⚠ {problem.message}", file=sys.stderr)


def _asked(check, confirm, done: str):
    """The findings the user confirmed (`confirm()` asks), or the exit status: 1 for a finding
    that blocks or a "no", 2 when nobody could be asked. `done` is what did not happen ("sent",
    "marked sent"), said with each reason."""
    blocking = [p for p in check.problems if p.blocking]
    for problem in blocking:
        print_error(f"not {done}: {problem.message}")
    if blocking:
        return 1
    confirmed = confirm()
    if confirmed is None:
        return 2
    if confirmed is False:
        print_error(f"not {done}")
        return 1
    return confirmed


def _confirmations(args, check):
    """The findings the user confirmed, by flag or on a terminal; None when someone had to be
    asked and nobody can be (no terminal, no --yes); False when the user said no."""
    # Sentences phrased from notes and not read in the window: said in the summary above, and
    # the final "Send this note now?" (or --yes) answers for them.
    confirmed = {preflight.Finding.UNREAD_PHRASED}
    if args.address_confirmed:
        confirmed.add(preflight.Finding.ADDRESS_GUESSED)
    if args.resend:
        confirmed |= preflight.RESEND
    if args.yes:
        confirmed.add(preflight.Finding.RULES_FAILING)
        return confirmed
    if not sys.stdin.isatty():
        print_error("not sent: nobody to ask here; run it in a terminal, or add --yes "
                    "(see `followup send --help`)")
        return None
    for problem in check.unconfirmed(confirmed):
        if not _ask(f"{problem.message} Send anyway?"):
            return False
        confirmed.add(problem.kind)
    return confirmed if _ask("Send this note now?") else False


def _how_to_confirm(kind) -> str:
    if kind is preflight.Finding.ADDRESS_GUESSED:
        return "check it, then add --address-confirmed"
    if kind in preflight.RESEND:
        return "add --resend to send it again"
    return "answer yes on a terminal, or add --yes"


def run_mark_sent(args) -> int:
    """Record a note sent another way, after the mark-sent preflight (the same policy as the
    window's): what it finds is asked on a terminal, taken by `--yes`, or, with nobody to ask,
    refused with exit 2. Exit 1 when the user said no or it cannot be recorded (no follow-up
    needed)."""
    with open_library(args) as library:
        view = _followup(library, args.draft_id, drafted=True)
        if view is None:
            return 2
        check = send_preflight.check_before_mark_sent(library, args.draft_id)
        confirmed = _asked(check, lambda: _mark_sent_confirmations(args, check), "marked sent")
        if isinstance(confirmed, int):
            return confirmed
        outcome = delivery.mark_sent(library, view.id, args.channel, confirmed=confirmed)
    if not outcome.ok:
        print_error(f"not marked sent: {outcome.reason}")
        return 1
    print(f"sent: follow-up {args.draft_id} to {view.person_name} marked sent ({args.channel})")
    return 0


def _mark_sent_confirmations(args, check):
    """The findings confirmed: all of them with --yes, else all of them, listed, by one yes on
    a terminal; None when there is something to ask and nobody to ask, False on a no."""
    kinds = {p.kind for p in check.problems}
    if args.yes or not kinds:
        return kinds
    if not sys.stdin.isatty():
        for problem in check.problems:
            print_error(f"not marked sent: {problem.message}")
        print_error("nobody to ask here: fix the draft, or run it in a terminal, or add --yes "
                    "if the note you sent was right")
        return None
    for problem in check.problems:
        print(f"  ⚠ {problem.message}", file=sys.stderr)
    return kinds if _ask("Record it as sent anyway?") else False


def run_account(args) -> int:
    from email.utils import parseaddr

    name, address = parseaddr(args.sender)
    account = outbox.Account(host=args.host, port=args.port, security=args.security,
                             username=args.user, sender_name=name, sender_address=address)
    problem = outbox.account_problem(account)
    if problem:
        print_error(problem)
        return 2
    imap, problem = _imap_settings(args, account)
    if problem:
        print_error(problem)
        return 2
    with open_library(args) as library:
        delivery.save_account(library, account)
        if imap is not None or args.no_imap:
            mailbox.save_imap(library, imap)
    print(f"account saved: {args.security} {args.host}:{args.port} as {args.sender}")
    if imap is not None:
        a = imap.account
        print(f"IMAP saved: {a.security} {a.host}:{a.port} as {a.username}")
    elif args.no_imap:
        print("IMAP settings forgotten")
    return 0


def _imap_settings(args, account):
    """(the IMAP settings the flags give or None, a problem to report or None)."""
    given = any(v is not None for v in (args.imap_host, args.imap_port, args.imap_user))
    if not given:
        return None, None
    if args.no_imap:
        return None, "--no-imap cannot go with other --imap options"
    if not args.imap_host:
        return None, "add --imap-host with the other --imap options"
    port = (args.imap_port if args.imap_port is not None
            else mail_imap.DEFAULT_PORTS[args.imap_security])
    imap = mail_imap.ImapAccount(args.imap_host, port, args.imap_security,
                                 args.imap_user if args.imap_user is not None else account.username)
    if problem := mail_imap.imap_problem(imap):
        return None, problem
    return mailbox.ImapSettings(imap, args.imap_own_password), None
