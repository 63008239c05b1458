"""People typed one a line: RFC 5322 mailboxes, names in directory order, capacities."""

from __future__ import annotations

import pytest

from followup.core.cards import CardPerson, ParseError
from followup.core.people_lines import TypedPerson, capacity_from_title, parse_people


@pytest.mark.parametrize(("line", "name", "email", "title"), [
    ("Doe, Jane <jane@acme.com>", "Jane Doe", "jane@acme.com", ""),
    ('"Roe, Bob" <bob@acme.com>', "Bob Roe", "bob@acme.com", ""),
    ('"Roe, Bob" <bob@acme.com>, Recruiter', "Bob Roe", "bob@acme.com", "Recruiter"),
    ('"O\\"Brien, Pat" <pat@acme.com>', 'Pat O"Brien', "pat@acme.com", ""),
    ("Jane Doe, Staff Engineer <jane@acme.com>", "Jane Doe", "jane@acme.com", "Staff Engineer"),
    ("Mustermann, Heiko <H.Mustermann@ACME.de>; Talent Partner", "Heiko Mustermann",
     "h.mustermann@acme.de", "Talent Partner"),
    ("jane@acme.com (Jane Doe)", "Jane Doe", "jane@acme.com", ""),
    ("Jane Doe <mailto:jane@acme.com>", "Jane Doe", "jane@acme.com", ""),
    ("Jane Doe, Engineering Manager, jane@acme.com", "Jane Doe", "jane@acme.com",
     "Engineering Manager"),
])
def test_people_lines_read_as_rfc_5322_mailboxes(line, name, email, title):
    (typed,) = parse_people(line)
    assert (typed.person.name, typed.person.email, typed.person.title) == (name, email, title)


def test_one_person_per_line_with_capacity_from_the_title():
    text = ('Doe, Jane <jane@acme.com>, Engineering Manager\n\n'
            '"Roe, Bob" <bob@acme.com>, Recruiter\n')
    assert parse_people(text) == [
        TypedPerson(CardPerson(name="Jane Doe", title="Engineering Manager",
                               email="jane@acme.com"), "interviewer"),
        TypedPerson(CardPerson(name="Bob Roe", title="Recruiter", email="bob@acme.com"),
                    "coordinator"),
    ]


@pytest.mark.parametrize(("title", "capacity"), [
    ("Recruiter", "coordinator"), ("Talent Acquisition", "coordinator"),
    ("HR Business Partner", "coordinator"), ("Interview Coordinator", "coordinator"),
    ("Staff Engineer", "interviewer"), ("", "interviewer"),
])
def test_capacity_from_title(title, capacity):
    assert capacity_from_title(title) == capacity


def test_a_line_with_a_bad_address_is_refused_naming_the_line():
    with pytest.raises(ParseError, match=r"^line 2: 'jane@acme' is not an email address"):
        parse_people("Bob Roe <bob@acme.com>\nJane Doe <jane@acme>")
    with pytest.raises(ParseError, match=r"^line 1: the line is empty"):
        parse_people(" , ;")
