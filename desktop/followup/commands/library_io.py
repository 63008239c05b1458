"""`followup export` and `followup import`: the whole library in the followup/1 format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from followup.commands import open_library, print_error
from followup.core.atomic_files import write_atomically

NAME = "export"


def add_parser(subparsers) -> None:
    export = subparsers.add_parser("export", help="write the whole library as JSON or Markdown")
    export.add_argument("--format", choices=("json", "markdown"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.set_defaults(func=run_export)
    imp = subparsers.add_parser("import", help="import a followup/1 JSON export, or .ics/.vcf")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", choices=("json", "text"), default="text",
                     help="how to print the ids created")
    imp.set_defaults(func=run_import)


def run_export(args) -> int:
    from followup.store.interchange import export_library, export_markdown

    library = open_library(args)
    try:
        if args.format == "json":
            text = json.dumps(export_library(library), indent=2, ensure_ascii=False) + "\n"
        else:
            text = export_markdown(library)
    finally:
        library.close()
    if args.output:
        _write_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def _write_atomic(path: Path, text: str) -> None:
    write_atomically(path, text)


def run_import(args) -> int:
    from followup.store.importers import ImportFailed, import_file

    path = Path(args.file)
    library = open_library(args)
    try:
        created = import_file(library, path)
    except ImportFailed as exc:
        print_error(f"nothing was imported from {path.name}: {exc}")
        return 2
    finally:
        library.close()
    if args.format == "json":
        print(json.dumps(created))
    else:
        for kind, ids in created.items():
            if ids:
                label = ("already in the library, skipped: meetings" if kind == "skipped_meetings"
                         else kind)
                print(f"{label}: {', '.join(map(str, ids))}")
        if not any(ids for kind, ids in created.items() if kind != "skipped_meetings"):
            print("nothing new to import")
    return 0
