"""Imports are checked at the door: every value that would break the library, the export or the
window is refused whole, with the JSON path and what to do, never in Python's words."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store.demo import demo_document
from followup.store.formats import ImportFailed, import_file
from followup.store.interchange import export_library
from followup.store.library import Library
from followup.store.limits import MAX_NOTE_CHARS, MAX_PEOPLE_PER_MEETING
from tests.faults.conftest import KILL_AFTER_STATEMENT, run_followup, run_python

PYTHON_WORDS = ("Python", "recursion", "surrogate", "Traceback", "int too large", "Overflow",
                "codec", "sqlite", "SQLite INTEGER")


def _raw_document(meeting_extra: str = "", person_extra: str = "", profile: str = "{}",
                  people: str | None = None) -> str:
    person = '{"name": "Jane Doe"' + person_extra + "}"
    return ('{"format": "followup/1", "profile": ' + profile + ', "meetings": [{"company": '
            '"Acme"' + meeting_extra + ', "people": [' + (people or person) + "]}]}")


CASES = [
    # (document text, path the message must name, a word the message must hold)
    (_raw_document(profile='{"target_hours": Infinity}'), "profile.target_hours", "hours"),
    (_raw_document(profile='{"target_hours": -Infinity}'), "profile.target_hours", "hours"),
    (_raw_document(profile='{"target_hours": NaN}'), "profile.target_hours", "hours"),
    (_raw_document(profile='{"target_hours": -5}'), "profile.target_hours", "hours"),
    (_raw_document(profile='{"target_hours": 0}'), "profile.target_hours", "hours"),
    (_raw_document(profile='{"target_hours": 1e400}'), "profile.target_hours", "hours"),
    (_raw_document(person_extra=', "email": "jane.acme.com"'),
     "meetings[0].people[0].email", "not an email address"),
    (_raw_document(person_extra=', "email": "jane@acme.com\\r\\nBcc: all@acme.com"'),
     "meetings[0].people[0].email", "line break"),
    (_raw_document(person_extra=', "email": "jane@@acme.com"'),
     "meetings[0].people[0].email", "not an email address"),
    (_raw_document(person_extra=', "email": "jane@acme"'),
     "meetings[0].people[0].email", "not an email address"),
    (_raw_document().replace('"Jane Doe"', '"Jane\\nBcc: x@evil.example"'),
     "meetings[0].people[0].name", "line break"),
    (_raw_document(meeting_extra=', "role": "Dev\\u0000"'), "meetings[0].role",
     "control character"),
    (_raw_document(person_extra=', "notes": "' + "x" * (MAX_NOTE_CHARS + 1) + '"'),
     "meetings[0].people[0].notes", "Shorten"),
    (_raw_document(people=", ".join(f'{{"name": "P{i}"}}'
                                    for i in range(MAX_PEOPLE_PER_MEETING + 1))),
     "meetings[0].people", "at most"),
    (_raw_document(meeting_extra=', "id": ' + str(2**70)), "meetings[0].id", "whole number"),
    (_raw_document(meeting_extra=', "id": -3'), "meetings[0].id", "whole number"),
    (_raw_document(meeting_extra=', "id": ' + "9" * 5000), "meetings[0].id", "whole number"),
    (_raw_document(person_extra=', "notes": "\\ud800 lone"'), "meetings[0].people[0].notes",
     "broken character"),
    ('{"format": "followup/1", "meetings": ' + "[" * 100_000 + "]" * 100_000 + "}", "",
     "nested too deeply"),
    ('{"format": "followup/1", "meetings": ' + "[" * 500 + "]" * 500 + "}", "",
     "nested too deeply"),
    (_raw_document(meeting_extra=', "ended_at": "0001-01-01T00:00:00+05:00"'),
     "meetings[0].ended_at", "years"),
    (_raw_document(person_extra=', "followup": {"history": [{"status": "lost", '
                   '"at": "2026-01-01T10:00:00+00:00"}]}'),
     "meetings[0].people[0].followup.history[0].status", "use one of"),
]


@pytest.mark.parametrize(("text", "path", "word"), CASES,
                         ids=[f"case{i}" for i in range(len(CASES))])
def test_bad_value_is_refused_by_path_and_nothing_written(library, tmp_path, text, path, word):
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(ImportFailed) as caught:
        import_file(library, source)
    message = str(caught.value)
    assert path in message and word in message, message
    assert not any(w in message for w in PYTHON_WORDS), message
    assert len(message) < 400, message
    assert library.list_meetings() == []
    assert library.profile().target_hours is None
    json.loads(json.dumps(export_library(library), allow_nan=False))


def test_the_command_line_says_the_same_and_exits_2(tmp_path):
    data = tmp_path / "data"
    Library(library_path(data)).close()
    for text, path, _word in (CASES[0], CASES[7], CASES[12], CASES[16], CASES[18]):
        source = tmp_path / "in.json"
        source.write_text(text, encoding="utf-8")
        done = run_followup("import", str(source), data=data)
        assert done.returncode == 2, done.stderr
        assert "nothing was imported" in done.stderr and path in done.stderr, done.stderr
        assert not any(w in done.stderr for w in PYTHON_WORDS), done.stderr
    exported = run_followup("export", data=data)
    assert exported.returncode == 0
    json.loads(exported.stdout, parse_constant=lambda name: pytest.fail(name))


def test_values_at_the_limits_are_accepted(library, tmp_path):
    doc = demo_document()
    doc["profile"]["target_hours"] = 24
    doc["meetings"][0]["people"][0]["notes"] = "! point\n" * (MAX_NOTE_CHARS // 9)
    doc["meetings"][0]["people"][0]["email"] = "jane.o'neil+jobs@b\u00fccher.example"
    source = tmp_path / "ok.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    import_file(library, source)
    assert library.profile().target_hours == 24


IMPORT_IN_CHILD = KILL_AFTER_STATEMENT + """
from followup.store.formats import import_file
from followup.store.library import Library
from pathlib import Path
library = Library(sys.argv[1])
import_file(library, Path(sys.argv[2]))
library.close()
print("statements", statements())
"""


@pytest.mark.slow
def test_kill_during_an_import_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    doc = demo_document()
    base = doc["meetings"]
    doc["meetings"] = []
    for i in range(30):  # enough statements that kills land all through the write
        for mt in base:
            copy = json.loads(json.dumps(mt))
            copy.pop("id", None)
            copy["role"] = f"{copy['role']} {i}"
            for p in copy["people"]:
                p.pop("id", None)
                p["email"] = ""
            doc["meetings"].append(copy)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    path = library_path(tmp_path / "count")
    Library(path).close()
    monkeypatch.setenv("KILL_AFTER", "0")
    done = run_python(IMPORT_IN_CHILD, str(path), str(source))
    assert done.returncode == 0, done.stderr
    total = int(done.stdout.split()[-1])
    for after in range(total // 10, total, max(1, total // 6)):
        path = library_path(tmp_path / f"kill-{after}")
        Library(path).close()
        monkeypatch.setenv("KILL_AFTER", str(after))
        child = run_python(IMPORT_IN_CHILD, str(path), str(source))
        assert child.returncode == -signal.SIGKILL, (after, child.stderr)
        library = Library(path)
        assert library.list_meetings() == [], after  # all or nothing
        import_file(library, source)  # and the same import works afterwards
        assert len(library.list_meetings()) == len(doc["meetings"])
        library.close()
        assert not any(p.name.startswith(".") for p in Path(path).parent.iterdir())


@pytest.mark.parametrize("email", [
    "jane.acme.com", "jane@acme", "jane@acme.com\\nBcc: x@evil.example"])
def test_cards_are_checked_at_the_door_too(library, tmp_path, email):
    """A card whose address no message could go to comes in without it: the person is kept
    (nothing the card said is lost: the text stays in the card's notes), no bad value reaches
    the address field, and the import says so."""
    card = tmp_path / "jane.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nORG:Acme\r\n"
                    f"EMAIL:{email}\r\nEND:VCARD\r\n", encoding="utf-8")
    created = import_file(library, card)
    assert created["people_without_a_usable_address"] == created["people"]
    from followup.store.library import person_card

    jane = person_card(library, created["people"][0])
    assert jane.email == ""
    assert "Email address left out" in jane.card_notes
    with library.session() as s:
        emails = s.execute(__import__("sqlalchemy").text("SELECT email FROM person")).scalars()
        assert list(emails) == [""]


def test_a_bad_address_typed_on_a_card_is_refused_with_the_person_named(library):
    from followup.store.library import MeetingInput, PersonSpec
    from followup.store.limits import LimitError

    meeting = library.create_meeting(MeetingInput(company="Acme", people=[
        PersonSpec("Jane Doe", email="jane@acme.com")]))
    person = library.meeting(meeting).attendees[0].person_id
    with pytest.raises(LimitError, match="Jane Doe.*not an email address"):
        library.update_person(person, email="jane@acme")
    with pytest.raises(LimitError, match="line break"):
        library.update_person(person, name="Jane\nBcc: x")
    assert library.meeting(meeting).attendees[0].email == "jane@acme.com"
    library.update_person(person, title="CTO")  # other fields still save
