"""The followup/1 interchange format: round trips, all-or-nothing, clear errors."""

from __future__ import annotations

import copy
import json
import re

import pytest

from followup.store.demo import demo_document
from followup.store.interchange import (
    FORMAT,
    InterchangeError,
    export_library,
    export_markdown,
    import_library,
    parse_document,
)
from followup.store.library import Library


def test_demo_round_trips_exactly(demo_library, tmp_path):
    first = export_library(demo_library)
    assert first["format"] == FORMAT
    empty = Library(tmp_path / "empty.sqlite3")
    import_library(empty, json.loads(json.dumps(first)))
    assert export_library(empty) == first
    empty.close()


def test_export_shape(demo_library):
    doc = export_library(demo_library)
    meeting = doc["meetings"][0]
    for key in ("id", "company", "company_domain", "role", "kind", "scheduled_start",
                "scheduled_end", "started_at", "ended_at", "general_notes", "people"):
        assert key in meeting
    person = meeting["people"][0]
    for key in ("id", "name", "title", "email", "phone", "capacity", "notes"):
        assert key in person
    assert meeting["ended_at"].endswith("+00:00")
    assert set(doc["profile"]) >= {"name", "phone", "email"}


def test_minimal_document_with_unknown_keys(library):
    created = import_library(library, {
        "format": FORMAT, "shiny_new_key": 1,
        "meetings": [{"company": "Acme", "people": [{"name": "Jane Doe", "mood": "great"}]}]})
    assert len(created["meetings"]) == 1 and len(created["people"]) == 1
    view = library.meeting(created["meetings"][0])
    assert view.kind == "other" and view.attendees[0].capacity == "interviewer"


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d["meetings"][0]["people"][2].__setitem__("email", 42),
     "meetings[0].people[2].email"),
    (lambda d: d["meetings"][0].__setitem__("kind", "party"), "meetings[0].kind"),
    (lambda d: d["meetings"][0].__setitem__("ended_at", "yesterday"), "meetings[0].ended_at"),
    (lambda d: d["meetings"][0].__setitem__("ended_at", "2026-01-01T10:00:00"),
     "meetings[0].ended_at"),
    (lambda d: d["meetings"][1]["people"][0].__setitem__("name", None),
     "meetings[1].people[0].name"),
    (lambda d: d.__setitem__("meetings", {}), "meetings"),
])
def test_bad_values_name_their_path_and_nothing_is_written(library, mutate, path):
    doc = demo_document()
    mutate(doc)
    with pytest.raises(InterchangeError) as info:
        import_library(library, doc)
    assert path in str(info.value)
    assert library.list_meetings() == []
    assert library.profile().name == ""


def test_failure_inside_the_write_leaves_nothing(library):
    doc = demo_document()
    good = copy.deepcopy(doc["meetings"][0])
    doc["meetings"].append(good)
    # Same person id twice in one meeting breaks the unique (meeting, person) constraint.
    doc["meetings"][1]["people"].append(copy.deepcopy(doc["meetings"][1]["people"][0]))
    with pytest.raises(InterchangeError, match=r"meetings\[1\]\.people\[\d\] repeats"):
        import_library(library, doc)
    assert library.list_meetings() == []
    # A clash only the database sees (a company name twice with different case is fine, a
    # follow-up for a missing person is not) still leaves nothing behind.
    doc = demo_document()
    doc["meetings"][1]["people"][0]["followup"]["status"] = "draft"
    doc["meetings"].append(copy.deepcopy(doc["meetings"][1]))
    doc["meetings"][-1]["id"] = 1  # taken by then: renumbered, fine
    doc["meetings"][-1]["role"] = "Second coffee"  # another meeting, not the same one again
    import_library(library, doc)
    assert len(library.list_meetings()) == 3


def test_parse_document_rejects_other_json():
    with pytest.raises(InterchangeError, match="format"):
        parse_document('{"meetings": []}')
    with pytest.raises(InterchangeError, match="line 1"):
        parse_document("{not json")


def test_importing_the_same_export_twice_adds_nothing(demo_library):
    doc = export_library(demo_library)
    created = import_library(demo_library, doc)
    assert created["meetings"] == [] and sorted(created["skipped_meetings"]) == [1, 2]
    assert len(demo_library.list_meetings()) == 2
    assert export_library(demo_library) == doc


def test_ids_are_renumbered_when_taken_and_people_matched_by_email(demo_library):
    doc = export_library(demo_library)
    for number, meeting in enumerate(doc["meetings"]):
        meeting["role"] = f"Second round {number}"
    created = import_library(demo_library, doc)
    assert set(created["meetings"]).isdisjoint({1, 2})
    assert len(demo_library.list_meetings()) == 4
    # Everyone with an email is the same card; only Tom (no email) is new.
    assert len(created["people"]) == 1
    priya = demo_library.meeting(created["meetings"][0]).attendees[0]
    assert priya.name == "Priya Natarajan" and priya.met_before == 1


def test_markdown_export_is_readable(demo_library):
    text = export_markdown(demo_library)
    assert text.startswith("# Followup library")
    assert "## Brightwave — Senior Backend Engineer" in text
    assert "### Priya Natarajan" in text and "Kafka streams" in text
    when = next(line for line in text.splitlines() if line.startswith("- When: "))
    # not an ISO stamp ("2026-12-08T00:16:00+00:00"); "Tue" and "Thu" hold a T of their own
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d|[+-]\d\d:\d\d$", when), when
    assert any(day in when for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
