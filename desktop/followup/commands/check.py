"""`followup check`: run the follow-up checklist on a note from a file or standard input."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

from followup.commands import open_library
from followup.core import spelling
from followup.core.spelling import LANGUAGES
from followup.lazy_import import LazyModule
from followup.paths import data_dir, library_path

# Loaded when a note is checked: `--help` imports this module and pays for neither.
checklist = LazyModule("followup.core.checklist")
fu = LazyModule("followup.store.followups")

NAME = "check"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME, help="check a follow-up note against the checklist",
        description="Check a follow-up note against the checklist of the career guides. A first "
                    "line 'Subject: ...' is taken as the subject. Exit status: 0 when every "
                    "required rule passes, 1 when one fails, 2 for a usage or input error.")
    parser.add_argument("file", nargs="?", default=None, metavar="FILE",
                        help="the note as UTF-8 text, or - for standard input (default)")
    parser.add_argument("--subject", help="the subject line (overrides a 'Subject:' line)")
    parser.add_argument("--company", help="the company's name")
    parser.add_argument("--to", dest="recipient", metavar="NAME", help="the recipient's name")
    parser.add_argument("--notes", metavar="FILE", help="your notes on this person (! ? + lines)")
    parser.add_argument("--followup", type=int, metavar="ID",
                        help="check the draft of follow-up ID in your library (see `followup "
                             "status`) exactly as the window does: its notes, the meeting, your "
                             "profile and dictionary, and the other drafts of the meeting; a FILE "
                             "given as well is checked in its place")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people, json for scripts (default: text)")
    parser.add_argument("--spelling", metavar="LANG", choices=LANGUAGES,
                        help="the English to check spelling in: " + ", ".join(LANGUAGES)
                             + " (default: your profile's, else your locale's)")
    parser.set_defaults(func=run)


class InputError(Exception):
    """A file that cannot be read as text; the message is for the user."""


def read_text(name: str) -> str:
    """The UTF-8 text of file `name`, or of standard input for "-"."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    if b"\0" in data:
        raise InputError(f"{_label(name)} is not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{_label(name)} is not UTF-8 text") from exc


def _label(name: str) -> str:
    return "standard input" if name == "-" else name


def split_subject(text: str) -> tuple[str | None, str]:
    """(subject, body): a first line "Subject: ..." is the subject, the rest the body."""
    first, newline, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:"):].strip(), rest.lstrip("\r\n")
    return None, text


def to_json(results) -> dict:
    return {"passed": not checklist.failing_required(results),
            "rules": [_rule_json(r) for r in results]}


def _rule_json(result) -> dict:
    """One result as JSON; `measures` only where a rule measured something (the similarity to
    other drafts, which a single file has none of), so the format stays as it was."""
    out = {**asdict(result), "spans": [asdict(s) for s in result.spans]}
    measures = out.pop("measures")
    if measures:
        out["measures"] = [{"recipient": name, "value": value} for name, value in measures]
    return out


def to_text(results) -> str:
    lines = []
    yes, no = _marks()
    for severity in checklist.SEVERITY_ORDER:
        for r in (r for r in results if r.severity == severity):
            mark = yes if r.passed else no
            lines.append(f"{mark} {r.id:<18} {severity:<12} {r.message}")
    failing = checklist.failing_required(results)
    lines.append("")
    lines.append("All required points are covered." if not failing else
                 f"{len(failing)} required point(s) missing: {', '.join(r.id for r in failing)}.")
    return "\n".join(lines)


def _marks() -> tuple[str, str]:
    # A console that cannot show ✓ (a legacy Windows code page) gets plain letters.
    try:
        "✓✗".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+", "x"
    return "✓", "✗"


def _error(message: str) -> int:
    print(f"followup: {NAME}: {message}", file=sys.stderr)
    return 2


def _profile_spelling(args: argparse.Namespace) -> str | None:
    """The English of the profile when there is a library, else None (the locale's)."""
    return fu.spelling_language_at(library_path(data_dir(getattr(args, "data_dir", None))))


def run(args: argparse.Namespace) -> int:
    if args.followup is not None:
        return _run_followup(args)
    name = args.file or "-"
    try:
        subject, body = split_subject(read_text(name))
        notes = read_text(args.notes) if args.notes else None
    except InputError as exc:
        return _error(str(exc))
    if args.subject is not None:
        subject = args.subject
    if not body.strip():
        return _error(f"{_label(name)} holds no note to check")
    spelling.use(args.spelling or _profile_spelling(args))
    context = checklist.CheckContext(company=args.company, recipient=args.recipient, notes=notes)
    return _print(checklist.check_draft(subject, body, context), args.format)


def _run_followup(args: argparse.Namespace) -> int:
    """One follow-up of the library, checked with the context the window uses
    (`store.followups.check_context`), so both give the same verdict on the same text."""
    from sqlalchemy.exc import NoResultFound

    if args.notes or args.company or args.recipient:
        return _error("--followup takes the notes, company and recipient from the library; "
                      "leave out --notes, --company and --to")
    library = open_library(args)
    spelling.use(args.spelling or _profile_spelling(args))
    try:
        view = fu.followup_view(library, args.followup)
    except NoResultFound:
        return _error(f"there is no follow-up {args.followup}; see `followup status`")
    subject, body = view.subject, view.body
    if args.file is not None:
        try:
            subject, body = split_subject(read_text(args.file))
        except InputError as exc:
            return _error(str(exc))
        subject = view.subject if subject is None else subject
    if args.subject is not None:
        subject = args.subject
    if not body.strip():
        return _error(f"follow-up {args.followup} has no draft yet; write one with "
                      f"`followup drafts --meeting {view.meeting_id}`")
    siblings = fu.followups_for_meeting(library, view.meeting_id)
    current = replace(view, subject=subject, body=body)
    return _print(checklist.check_draft(subject, body, fu.check_context(library, current,
                                                                     siblings)), args.format)


def _print(results, output: str) -> int:
    if output == "json":
        print(json.dumps(to_json(results), ensure_ascii=False, indent=2))
    else:
        print(to_text(results))
    return 1 if checklist.failing_required(results) else 0
