"""`followup drafts --meeting ID`: draft the missing follow-ups of a meeting and print them."""

from __future__ import annotations

import json

from followup.commands import open_library, print_error


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("drafts", help="draft one follow-up per person of a meeting")
    parser.add_argument("--meeting", type=int, required=True, metavar="ID")
    parser.add_argument("--regenerate", action="store_true",
                        help="also rewrite drafts you have not edited (edited ones are kept)")
    parser.add_argument("--format", choices=("json", "markdown"), default="markdown")
    parser.set_defaults(func=run)


def _ask_for_profile(library) -> None:
    """The command line cannot open the profile dialog: it says what is missing, and how."""
    from followup.core.drafting import missing_profile_fields
    from followup.store.followups import draft_profile

    missing = missing_profile_fields(draft_profile(library.profile()))
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        print_error(f"your {' and '.join(missing)} {verb} not set, so the drafts leave a gap "
                    "for them: set them with `followup profile --name NAME --phone PHONE`")


def run(args) -> int:
    from followup.store.followups import drafted_in_memory, ensure_drafts, followups_for_meeting

    with open_library(args, write=args.regenerate) as library:
        try:
            library.meeting(args.meeting)
        except Exception:
            print_error(f"there is no meeting {args.meeting}; list them with `followup meetings`")
            return 2
        ensure_drafts(library, args.meeting, regenerate=args.regenerate)
        views = followups_for_meeting(library, args.meeting)
        if library.read_only:  # drafts not written yet are shown, not saved
            views = [drafted_in_memory(library, v) for v in views]
        _ask_for_profile(library)
    if args.format == "json":
        print(json.dumps([{
            "id": v.id, "meeting_id": v.meeting_id,
            "person": {"id": v.person_id, "name": v.person_name, "email": v.person_email},
            "subject": v.subject, "body": v.body, "status": v.status, "edited": v.edited,
            "out_of_date": v.out_of_date, "signature_out_of_date": v.signature_out_of_date,
            "meeting_out_of_date": v.meeting_out_of_date,
        } for v in views], indent=2, ensure_ascii=False))
    else:
        for v in views:
            print(f"## {v.person_name} <{v.person_email or 'no email'}> [{v.status}]\n")
            print(f"Subject: {v.subject}\n\n{v.body.rstrip()}\n")
    return 0
