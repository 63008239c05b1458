"""`followup guess-email`: likely addresses for a person, from colleagues' known addresses."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from followup.core.cards import ParseError, parse_person_line
from followup.core.email_guess import Guess, guess_addresses

NAME = "guess-email"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME, help="guess a person's address from the company's email format",
        description="Rank likely addresses for NAME from the addresses of colleagues at the "
                    "same company (for example from their business cards).")
    parser.add_argument("name", metavar="NAME", help='the person\'s full name, e.g. "Jane Doe"')
    parser.add_argument("--known", action="append", default=[], metavar='"Full Name <address>"',
                        help="a colleague's name and address; repeat for each one known")
    parser.add_argument("--domain", help="the company's email domain (default: the most "
                                         "common domain of the --known addresses)")
    parser.add_argument("--limit", type=int, default=5, help="at most this many guesses")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people, json for scripts (default: text)")
    parser.set_defaults(func=run)


def _error(message: str) -> int:
    print(f"followup: {NAME}: {message}", file=sys.stderr)
    return 2


def _parse_known(values: list[str]) -> list[tuple[str, str]]:
    """(name, address) pairs from RFC 5322 mailboxes ("Doe, Jane <jane@acme.com>" is Jane
    Doe); raises ValueError naming the first value without a valid address."""
    known = []
    for value in values:
        try:
            person = parse_person_line(value)
        except ParseError as exc:
            raise ValueError(f"--known {value!r}: {exc}") from None
        if not person.email:
            raise ValueError(f'--known needs "Full Name <address>", got {value!r}')
        known.append((person.name, person.email))
    return known


def _text(guesses: list[Guess]) -> str:
    width = max(len(g.address) for g in guesses)
    return "\n".join(f"{g.address:<{width}}  {g.confidence:4.2f}  {g.pattern:<11} {g.evidence}"
                     for g in guesses)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        return _error(f"--limit must be at least 1, got {args.limit}")
    try:
        known = _parse_known(args.known)
    except ValueError as exc:
        return _error(str(exc))
    if not args.domain and not known:
        return _error("nothing to guess from: no domain known; give --domain DOMAIN or at "
                      'least one --known "Full Name <address>"')
    try:
        guesses = guess_addresses(args.name, known, args.domain, limit=args.limit)
    except ValueError as exc:
        return _error(str(exc))
    if not guesses:
        return _error(f"no address can be built for {args.name!r}")
    if args.format == "json":
        print(json.dumps([asdict(g) for g in guesses], ensure_ascii=False, indent=2))
        return 0
    print(_text(guesses))
    return 0
