"""Importing one real file into an empty library, as a user would, and what came out.

Shared by the table test and the hash-seed check (run as a script in a subprocess:
`python -m tests.store.real_files` prints every file's result as JSON)."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
# Recurring invites are imported as the occurrence after this instant (see contacts_import).
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def real_files() -> list[str]:
    return sorted(f"{p.parent.name}/{p.name}" for p in REAL.glob("*/*")
                  if p.suffix in (".ics", ".vcf"))


def import_result(name: str, empty_library: Path, work: Path) -> dict:
    """{"refused": message} or {"meetings": [...], "people": [...]} for one file."""
    from followup.store import contacts_import
    from followup.store import models as m
    from followup.store.formats import ImportFailed, import_file
    from followup.store.library import Library

    folder = work / name.replace("/", "_")
    folder.mkdir()
    path = folder / "library.sqlite3"
    shutil.copyfile(empty_library, path)
    library = Library(path)
    clock = contacts_import.current_time
    contacts_import.current_time = lambda: NOW
    try:
        import_file(library, REAL / name)
    except ImportFailed as exc:
        return {"refused": str(exc)}
    finally:
        contacts_import.current_time = clock
    try:
        with library.session() as s:
            meetings = [{
                "start": mt.scheduled_start.replace(tzinfo=UTC).isoformat()
                if mt.scheduled_start else None,
                "company": mt.company.name if mt.company else "",
                "domain": mt.company.domain if mt.company else "",
                "people": [[a.person.name, a.person.email,
                            a.capacity + (" (no follow-up)" if a.no_followup else "")]
                           for a in mt.attendees],
            } for mt in s.query(m.Meeting).order_by(m.Meeting.id)]
            people = [[p.name, p.email, p.company.name if p.company else "",
                       p.company.domain if p.company else ""]
                      for p in s.query(m.Person).order_by(m.Person.id)]
    finally:
        library.close()
    return {"meetings": meetings} if meetings else {"people": people}


def all_results(work: Path) -> dict[str, dict]:
    from followup.store.library import Library

    empty = work / "empty.sqlite3"
    Library(empty).close()  # closed: everything is in the main file, no WAL beside it
    return {name: import_result(name, empty, work) for name in real_files()}


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        json.dump(all_results(Path(folder)), sys.stdout, ensure_ascii=False, indent=1,
                  sort_keys=True)
