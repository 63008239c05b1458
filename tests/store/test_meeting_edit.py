"""Correcting a meeting after it was created or imported, on a real library file: the details
change, unedited drafts are written again, edited ones say the meeting changed, and a bad
value changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.core.templates import gap
from followup.store import followups as fu
from followup.store.library import MeetingInput, PersonSpec
from followup.store.meeting_edit import MeetingValueError, edit_meeting, read_kind, read_time

ENDED = datetime(2030, 3, 4, 15, 0, tzinfo=UTC)


@pytest.fixture
def no_company(library):
    """A meeting that came in as "(no company)", its follow-ups drafted; Bo's was edited."""
    library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
    meeting = library.create_meeting(MeetingInput(
        company="", kind="other", scheduled_start=ENDED - timedelta(hours=1),
        scheduled_end=ENDED, people=[
            PersonSpec("Ada Byron", "Engineering Manager", "ada@example.org",
                       notes="! the queue rewrite\n+ I ran the same migration before"),
            PersonSpec("Bo Chen", "Staff Engineer", notes="! the billing backlog")]))
    ada, bo = fu.ensure_drafts(library, meeting)
    view = fu.followup_view(library, bo)
    fu.save_draft(library, bo, view.subject, view.body.replace("Hi ", "Hello ", 1))
    return meeting, ada, bo


def test_a_company_that_came_in_empty_fills_the_drafts(library, no_company):
    meeting, ada, bo = no_company
    assert gap("company") in fu.followup_view(library, ada).body
    kept = fu.followup_view(library, bo).body

    done = edit_meeting(library, meeting, company="Acme Robotics", company_domain="acme.io",
                        role="Data Engineer", kind="Phone screen", location="Video call")
    assert done.changed == ("company", "company_domain", "role", "kind", "location")
    assert (done.redrafted, done.marked) == (1, 1)
    shown = library.meeting(meeting)
    assert (shown.company, shown.company_domain, shown.role, shown.kind, shown.location) == (
        "Acme Robotics", "acme.io", "Data Engineer", "phone_screen", "Video call")
    rewritten = fu.followup_view(library, ada)
    assert gap("company") not in rewritten.body and "Acme Robotics" in rewritten.body
    assert not rewritten.edited and not rewritten.out_of_date
    edited = fu.followup_view(library, bo)
    assert edited.body == kept  # the user's text is never replaced
    assert edited.out_of_date and edited.meeting_out_of_date
    # The people of the meeting now work there (email guesses use the company's domain).
    from followup.store.people_list import list_people

    assert {p.company for p in list_people(library)} == {"Acme Robotics"}
    # Writing the draft again (the user's choice) takes the mark away.
    fresh = fu.generate_for(library, bo)
    fu.accept_generated(library, bo, fresh.subject, fresh.body)
    assert not fu.followup_view(library, bo).out_of_date
    assert not fu.followup_view(library, bo).meeting_out_of_date
    # The same values again change nothing and mark nothing.
    again = edit_meeting(library, meeting, company="Acme Robotics", kind="phone_screen")
    assert again.changed == () and again.marked == 0


def test_times_correct_the_recorded_end_and_the_deadline_follows(library, no_company):
    meeting, ada, _bo = no_company
    library.end_meeting(meeting, now=ENDED + timedelta(minutes=5))
    before = fu.followup_view(library, ada).deadline.due
    edit_meeting(library, meeting, end=ENDED + timedelta(hours=2))
    shown = library.meeting(meeting)
    assert shown.ended_at == ENDED + timedelta(hours=2)
    assert shown.scheduled_end == ENDED  # the invite's time is kept
    assert fu.followup_view(library, ada).deadline.due == before + timedelta(minutes=115)
    # A meeting never started in the window: the scheduled times move.
    other = library.create_meeting(MeetingInput(company="Initech", people=[PersonSpec("Al")]))
    start = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
    edit_meeting(library, other, start=start, end=start + timedelta(minutes=45))
    assert library.meeting(other).scheduled_start == start
    assert library.meeting(other).scheduled_end == start + timedelta(minutes=45)


@pytest.mark.parametrize(("values", "field", "words"), [
    ({"kind": "brunch"}, "kind", "is not a meeting kind"),
    ({"end": ENDED - timedelta(hours=3)}, "end", "must come after the start"),
    ({"start": ENDED + timedelta(hours=1)}, "start", "must come before the end"),
    ({"company_domain": "acme.io"}, "company_domain", "needs a company"),
    ({"company": "Acme", "company_domain": "not a domain"}, "company_domain",
     "is not a domain"),
    ({"company": "A" * 501}, "company", "the most Followup keeps is 500"),
    ({"role": "two\nlines"}, "role", "keep it on one line"),
    ({"location": "x" * 10_001}, "location", "the most Followup keeps is 10,000"),
])
def test_a_bad_value_names_its_field_and_changes_nothing(library, no_company, values, field,
                                                         words):
    meeting, ada, _bo = no_company
    before, body = library.meeting(meeting), fu.followup_view(library, ada).body
    with pytest.raises(MeetingValueError) as refused:
        edit_meeting(library, meeting, **values)
    assert refused.value.field == field and words in str(refused.value)
    assert library.meeting(meeting) == before and fu.followup_view(library, ada).body == body


def test_kinds_and_times_as_people_type_them():
    assert read_kind("Phone screen") == read_kind("phone-screen") == "phone_screen"
    assert read_kind("NETWORKING COFFEE") == "networking_coffee"
    assert read_time("2030-03-04T15:00+01:00", "start") == datetime(2030, 3, 4, 14, tzinfo=UTC)
    local = read_time("2030-03-04 15:00", "end")
    assert local.tzinfo is UTC and local == datetime(2030, 3, 4, 15).astimezone(UTC)
    with pytest.raises(MeetingValueError, match="2026-03-02 14:00"):
        read_time("next tuesday", "start")
