"""`followup export`, `followup import` and `followup people`: the whole library in the
followup/1 format, as Markdown or as a web page (HTML, also one meeting), a file of any
importable kind, and everyone the library knows."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from followup.commands import open_library, print_error
from followup.store import formats


def add_parser(subparsers) -> None:
    export = subparsers.add_parser(
        "export", help="write the whole library as JSON or Markdown, or as a web page (HTML)")
    export.add_argument("--format", choices=[f.name for f in formats.EXPORTS], default=None,
                        help="json, markdown or html (default: from FILE's suffix, else json)")
    export.add_argument("--meeting", type=int, metavar="ID",
                        help="only this meeting (with --format html)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.set_defaults(func=run_export)
    kinds = ", ".join(f"{fmt.label.lower()} ({'/'.join(fmt.suffixes)})" for fmt in formats.FORMATS)
    imp = subparsers.add_parser("import", help=f"import a file: {kinds}")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", choices=("json", "text"), default="text",
                     help="how to print the ids created")
    imp.set_defaults(func=run_import)
    people = subparsers.add_parser(
        "people", help="list every person in the library, in a meeting or not")
    people.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people, json for scripts (default: text)")
    people.set_defaults(func=run_people)


def run_people(args) -> int:
    from followup.store.people_list import list_people

    with open_library(args, write=False) as library:
        everyone = list_people(library)
    if args.format == "json":
        print(json.dumps([asdict(p) for p in everyone], ensure_ascii=False, indent=2))
        return 0
    for p in everyone:
        details = " · ".join(x for x in (p.title, p.company, p.email, p.phone) if x)
        meetings = f"{len(p.meetings)} meeting" + ("" if len(p.meetings) == 1 else "s")
        print(f"{p.id:>4}  {p.name}" + (f"  ({details})" if details else "") + f"  — {meetings}")
    if not everyone:
        print("nobody yet: import cards or an invitation, or add people to a meeting")
    return 0


def run_export(args) -> int:
    output = Path(args.output) if args.output else None
    name = args.format or (formats.export_format_for(output) if output else "json")
    if args.meeting is not None and name != "html":
        print_error("--meeting works with --format html only")
        return 2
    with open_library(args, write=False) as library:
        try:
            if output:
                formats.write_export(library, output, name, args.meeting)
            else:
                sys.stdout.write(formats.export_text(library, name, args.meeting))
        except LookupError as exc:
            print_error(f"{exc}; list them with `followup meetings`")
            return 2
    return 0


# What an import's result lists, where its key alone would not say it.
_LABELS = {
    "skipped_meetings": "already in the library, skipped: meetings",
    "left_out_yearly_all_day_events_on_lines": "left out, not meetings (all-day events that "
    "repeat every year with no one invited, such as birthdays), the events on lines",
}


def run_import(args) -> int:
    path = Path(args.file)
    with open_library(args) as library:
        try:
            created = formats.import_file(library, path)
        except formats.ImportFailed as exc:
            print_error(f"nothing was imported from {path.name}: {exc}")
            return 2
    if args.format == "json":
        print(json.dumps(created))
    else:
        for kind, ids in created.items():
            if ids:
                label = _LABELS.get(kind, kind.replace("_", " "))
                print(f"{label}: {', '.join(map(str, ids))}")
        if not any(ids for kind, ids in created.items() if kind != "skipped_meetings"):
            print("nothing new to import")
    return 0
