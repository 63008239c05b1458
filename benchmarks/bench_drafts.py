"""Drafting and checking the follow-ups of a six-person panel from the big library's notes.

After one warm-up call (templates read, patterns compiled), `generate_draft` and `check_draft`
run for all six people; the median over repeats is compared with just parsing the same notes
(`parse_notes`). Phrases of note lines are cached, so drafting is also timed with the caches
emptied before each repeat, as when every line is new. The spelling dictionary loads once per
process: it is timed on its own, cold. The same panel is also drafted through the store
(`ensure_drafts`), reading and writing rows.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_library import load_facts  # noqa: E402
from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402

PANEL_TARGET_MS = 50


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def panel_requests(library, meeting_id: int):
    """One DraftRequest per person of the meeting, as the store builds them."""
    from followup.core.drafting import DraftRequest
    from followup.store.followups import draft_profile

    profile = draft_profile(library.profile())
    meeting = library.meeting(meeting_id)
    names = [a.name for a in meeting.attendees]
    return [DraftRequest(
        company=meeting.company, role=meeting.role, kind=meeting.kind, person_name=a.name,
        person_title=a.title, capacity=a.capacity, notes=a.notes,
        general_notes=meeting.general_notes, profile=profile,
        others_met=tuple(n for n in names if n != a.name)) for a in meeting.attendees]


def draft_all(requests, template_dirs) -> list:
    from followup.core.drafting import generate_draft

    return [generate_draft(r, template_dirs) for r in requests]


def check_all(requests, drafts, profile_view) -> None:
    from followup.core.checklist import CheckContext, check_draft

    for request, draft in zip(requests, drafts, strict=True):
        check_draft(draft.subject, draft.body, CheckContext(
            company=request.company, recipient=request.person_name,
            sender_name=profile_view.name, sender_phone=profile_view.phone,
            notes=request.notes, other_drafts=tuple(d.body for d in drafts if d is not draft),
            known_terms=frozenset({request.company, *profile_view.skills})))


def draft_all_cold(requests, template_dirs) -> list:
    """Drafting with the phrase caches emptied first, as after every note line changed."""
    from followup.core.drafting import clear_caches

    clear_caches()
    return draft_all(requests, template_dirs)


def draft_and_check(requests, template_dirs, profile_view) -> None:
    check_all(requests, draft_all(requests, template_dirs), profile_view)


def parse_only(requests) -> None:
    from followup.core.markers import parse_notes

    for request in requests:
        parse_notes(request.notes)


def median_ms(action, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(_ms(start))
    return statistics.median(timings)


def measure(folder: Path, repeats: int) -> list[Figure]:
    from followup.core import spelling
    from followup.paths import library_path
    from followup.store.followups import ensure_drafts, template_dirs
    from followup.store.library import Library

    facts = load_facts(folder)
    library = Library(library_path(folder))
    try:
        start = time.perf_counter()
        spelling.speller()  # Enchant's dictionary, as the app opens it on a worker
        dictionary = _ms(start)
        start = time.perf_counter()
        spelling.checker()  # pyspellchecker's word counts, for the checklist
        counts = _ms(start)
        requests = panel_requests(library, facts.panel_meeting_id)
        dirs, profile = template_dirs(library), library.profile()
        start = time.perf_counter()
        draft_and_check(requests, dirs, profile)  # warm-up
        first = _ms(start)
        panel = median_ms(lambda: draft_and_check(requests, dirs, profile), repeats)
        drafts = draft_all(requests, dirs)
        drafting = median_ms(lambda: draft_all(requests, dirs), repeats)
        cold = median_ms(lambda: draft_all_cold(requests, dirs), repeats)
        checking = median_ms(lambda: check_all(requests, drafts, profile), repeats)
        parsed = median_ms(lambda: parse_only(requests), repeats)
        stored = median_ms(lambda: ensure_drafts(library, facts.panel_meeting_id,
                                                 regenerate=True), max(3, repeats // 4))
    finally:
        library.close()
    people = len(requests)
    return [
        Figure("drafts", f"draft + check {people} people", panel, "parse_notes only", parsed,
               max_value=PANEL_TARGET_MS),
        Figure("drafts", f"  of which drafting {people} people", drafting,
               "parse_notes only", parsed),
        Figure("drafts", f"drafting {people} people, every note line new", cold,
               "parse_notes only", parsed),
        Figure("drafts", f"  of which checking {people} drafts", checking,
               "parse_notes only", parsed),
        Figure("drafts", f"first draft + check {people} people (warm-up)", first,
               "parse_notes only", parsed),
        Figure("drafts", f"ensure_drafts through the store, {people} people", stored,
               "parse_notes only", parsed),
        Figure("drafts", f"spell dictionary open (once per process): {spelling.engine()}",
               dictionary),
        Figure("drafts", "  word counts load (once per process, pyspellchecker's list)", counts),
    ]


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(args.data_dir, 5 if args.quick else 21):
        emit(figure, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
