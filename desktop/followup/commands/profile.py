"""`followup profile`: print the profile the drafts are signed with, or set its fields."""

from __future__ import annotations

import json

from followup.commands import open_library, print_error
from followup.core.spelling import LANGUAGES

FIELDS = ("name", "phone", "email")
SETTABLE = (*FIELDS, "signature")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "profile", help="print your profile, or set your name, phone and email",
        description="Without options, print the profile. With options, set those fields: every "
                    "draft you have not edited follows at once; edited drafts say their "
                    "signature is out of date.")
    parser.add_argument("--name", help="your name, as drafts are signed")
    parser.add_argument("--phone", help="your phone number, in the closing of every draft")
    parser.add_argument("--email", help="your email address")
    parser.add_argument("--spelling", metavar="LANG", choices=LANGUAGES,
                        help="the English your spelling is checked in: "
                             + ", ".join(LANGUAGES) + " (default: your locale's)")
    parser.add_argument("--signature", metavar="TEXT",
                        help="the closing under your drafts (a new --phone also changes the "
                             "number in it)")
    parser.add_argument("--keep-signature", action="store_true",
                        help="with --phone: leave the number in the signature as it is")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.set_defaults(func=run)


def run(args) -> int:
    from followup.core.phones import PhoneChoice
    from followup.store.followups import set_spelling_language, spelling_language, update_profile

    changes = {key: getattr(args, key) for key in SETTABLE if getattr(args, key) is not None}
    if "signature" in changes:
        changes["signature"] = changes["signature"].replace("\\n", "\n").strip()
    problem = _problem(changes)
    if problem:
        print_error(problem)
        return 2
    with open_library(args, write=bool(changes)) as library:
        try:
            redrafted = update_profile(library, rewrite_signature=not args.keep_signature,
                                       **changes) if changes else 0
            if args.spelling:
                set_spelling_language(library, args.spelling)
            profile = library.profile()
            language = spelling_language(library)
        except PhoneChoice as exc:
            print_error(f"nothing was changed: {exc}. Give the signature with the new number "
                        "(--signature), or keep it as it is (--keep-signature)")
            return 2
        except ValueError as exc:  # a value the library does not keep (store.limits)
            print_error(f"nothing was changed: {exc}")
            return 2
    values = {"name": profile.name, "phone": profile.phone, "email": profile.email,
              "signature": profile.signature,
              "skills": list(profile.skills), "target_hours": profile.target_hours,
              "spelling": language}
    if args.format == "json":
        print(json.dumps({**values, "drafts_updated": redrafted} if changes else values,
                         indent=2, ensure_ascii=False))
        return 0
    for key in FIELDS:
        print(f"{key + ':':<7} {values[key] or '(not set)'}")
    if profile.signature:
        print("signature:\n" + "\n".join(f"  {line}" for line in profile.signature.splitlines()))
    if profile.skills:
        print(f"skills: {', '.join(profile.skills)}")
    print(f"spelling: {language or '(your locale’s English)'}")
    if changes:
        print(f"{redrafted} draft(s) you had not edited now carry the new details.")
    return 0


def _problem(changes: dict[str, str]) -> str | None:
    if "name" in changes and not changes["name"].strip():
        return "--name is empty: give the name your notes are signed with"
    email = changes.get("email", "").strip()
    if email and ("@" not in email or " " in email):
        return f"--email {email!r} is not an email address (like sam@example.com)"
    phone = changes.get("phone", "")
    if phone.strip() and sum(c.isdigit() for c in phone) < 5:
        return f"--phone {phone!r} has too few digits for a phone number"
    return None
