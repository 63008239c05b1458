"""`followup search QUERY`: the same results as the window's search box (Ctrl+Shift+F)."""

from __future__ import annotations

import json
import sys

from followup.commands import open_library, print_error

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "search", help="search every note, draft, person and company",
        description='Words must all appear; "quoted words" together; -word leaves out what '
                    "contains it (put -- before a query that starts with -); OR between two "
                    "words accepts either. Accents and case do not matter.")
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.set_defaults(func=run)


def run(args) -> int:
    from followup.store.search import search

    query = " ".join(args.query)
    with open_library(args, write=False) as library:
        result = search(library, query)
    if result.message:
        print_error(result.message)
    if args.format == "json":
        print(json.dumps(result_json(result), indent=2, ensure_ascii=False))
    else:
        print_text(result, bold=sys.stdout.isatty())
    if result.groups:
        return 0
    return 2 if result.message and not result.hit_count and _nothing_searched(query) else 1


def _nothing_searched(query: str) -> bool:
    from followup.store.search import parse_query

    return parse_query(query).match is None


def result_json(result) -> dict:
    return {
        "query": result.query, "message": result.message or None, "more": result.more,
        "meetings": [{
            "meeting_id": g.meeting_id, "company": g.company, "role": g.role,
            "when": g.when.astimezone().isoformat() if g.when else None,
            "hits": [{
                "kind": h.kind, "person": h.person or None, "title": h.title or None,
                "company": h.company or None,
                "person_id": h.person_id, "attendance_id": h.attendance_id,
                "snippet": h.snippet.text, "matches": h.snippet.spans(),
            } for h in g.hits],
        } for g in result.groups],
    }


def print_text(result, bold: bool) -> None:
    if not result.groups:
        print(f"Nothing found for {result.query!r}.")
    for group in result.groups:
        when = f" · {group.when.astimezone():%a %d %b %Y}" if group.when else ""
        ref = f" (meeting {group.meeting_id})" if group.meeting_id is not None else ""
        print(f"{group.heading}{when}{ref}")
        for hit in group.hits:
            who = hit.person or {"general": "general notes", "company": hit.company}.get(
                hit.kind, hit.kind)
            if hit.title:
                who += f", {hit.title}"
            label = "" if hit.kind in ("notes", "general") else f" [{hit.kind}]"
            snippet = "".join(f"{BOLD}{piece}{PLAIN}" if matched and bold else piece
                              for piece, matched in hit.snippet.parts)
            print(f"  {who}{label}: {' '.join(snippet.split())}")
