"""What the app stores, it imports again: every door of the store refuses what the import
would refuse (one table of limits, store.limits), and a library filled to every limit through
the store goes through `followup export` and `followup import` whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from followup.paths import library_path
from followup.store import followups as fu
from followup.store import models as m
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.limits import (
    MAX_LINE_CHARS,
    MAX_NOTE_CHARS,
    MAX_TEXT_CHARS,
    LimitError,
    check_text,
    storable,
)

ENDED = datetime(2030, 3, 4, 15, 0, tzinfo=UTC)


def meeting_with_one(library: Library) -> tuple[int, int]:
    meeting = library.create_meeting(MeetingInput(
        company="Acme", ended_at=ENDED, people=[PersonSpec("Ada Byron", email="ada@acme.io")]))
    return meeting, library.meeting(meeting).attendees[0].attendance_id


def test_notes_past_the_limit_are_refused_and_nothing_is_written(library):
    meeting, attendance = meeting_with_one(library)
    library.save_notes(attendance, "! kafka")
    with pytest.raises(LimitError, match="is 120,051 characters long; the most Followup keeps "
                       "is 100,000"):
        library.save_notes(attendance, "x" * 120_051)
    assert library.notes(attendance) == "! kafka"
    with pytest.raises(LimitError, match="general notes"):
        library.save_general_notes(meeting, "g" * (MAX_NOTE_CHARS + 1))
    library.save_notes(attendance, "x" * MAX_NOTE_CHARS)  # the limit itself is kept


def test_notes_an_older_version_let_grow_may_shrink_but_not_grow(library):
    _meeting, attendance = meeting_with_one(library)
    with library.engine.begin() as conn:  # as an older Followup wrote it
        conn.execute(update(m.Attendance).where(m.Attendance.id == attendance)
                     .values(notes="o" * 120_051))
    library.save_notes(attendance, "o" * 120_000)  # the user deletes: saved
    assert len(library.notes(attendance)) == 120_000
    with pytest.raises(LimitError):
        library.save_notes(attendance, "o" * 120_001)


@pytest.mark.parametrize(("write", "words"), [
    (lambda lib, ids: lib.save_profile(signature="s" * (MAX_TEXT_CHARS + 1)), "Your signature"),
    (lambda lib, ids: lib.save_profile(skills=["k" * (MAX_LINE_CHARS + 1)]), "The skill"),
    (lambda lib, ids: lib.save_profile(links=[{"url": "https://x.io/\n", "title": ""}]),
     "The link"),
    (lambda lib, ids: lib.save_profile(phone="1\x002"), "Your phone"),
    (lambda lib, ids: lib.update_person(1, card_notes="c" * (MAX_TEXT_CHARS + 1)),
     "The card notes of 'Ada Byron'"),
    (lambda lib, ids: lib.update_person(1, title="two\nlines"), "The title of 'Ada Byron'"),
    (lambda lib, ids: fu.save_draft(lib, ids[0], "Thanks", "b" * (MAX_NOTE_CHARS + 1)),
     "The draft"),
    (lambda lib, ids: fu.save_draft(lib, ids[0], "t" * (MAX_LINE_CHARS + 1), "body"),
     "The draft's subject"),
])
def test_every_door_refuses_what_the_import_refuses(library, write, words):
    meeting, _attendance = meeting_with_one(library)
    ids = fu.ensure_drafts(library, meeting)
    with pytest.raises(LimitError, match=words):
        write(library, ids)


def test_text_of_several_lines_keeps_line_separators_and_loses_controls():
    assert check_text("one\u2028two\u2029three\n\tfour", 100, one_line=False)
    with pytest.raises(LimitError, match="line break"):
        check_text("one\u2028two", 100, one_line=True)
    assert storable("a\x00b\x0bc\x1b[0m\u2028d\ud800e") == "abc[0m\u2028de"
    assert storable("a\nb\u2028c", one_line=True) == "abc"


def run(folder, *args):
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


@pytest.mark.slow
def test_a_library_filled_to_every_limit_exports_and_imports_again(tmp_path):
    folder = tmp_path / "full"
    library = Library(library_path(folder))
    line, text, notes = "L" * MAX_LINE_CHARS, "T" * MAX_TEXT_CHARS, "N" * MAX_NOTE_CHARS
    library.save_profile(name=line, phone="+1 415 555 0134", signature=text,
                         skills=[line, "Kafka"],
                         links=[{"title": line, "url": "https://example.com/" + "p" * 9000,
                                 "tags": [line]}])
    meeting = library.create_meeting(MeetingInput(
        company="C" * MAX_LINE_CHARS, role=line, ended_at=ENDED, location=text,
        general_notes="G" * MAX_NOTE_CHARS, people=[
            PersonSpec(line, title=line, email="ada@acme.io", phone=line,
                       web="https://acme.io/" + "w" * 9000, card_notes=text, notes=notes)]))
    (followup_id,) = fu.ensure_drafts(library, meeting)
    fu.save_draft(library, followup_id, "S" * MAX_LINE_CHARS, "B" * MAX_NOTE_CHARS)
    library.close()

    exported = tmp_path / "export.json"
    out = run(folder, "export", "-o", str(exported))
    assert out.returncode == 0, out.stderr
    imported = run(tmp_path / "again", "import", str(exported), "--format", "json")
    assert imported.returncode == 0, imported.stderr
    again = json.loads(run(tmp_path / "again", "export").stdout)
    assert again == json.loads(exported.read_text())
