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


@pytest.mark.parametrize(("line", "name"), [
    ("Ó Súilleabháin, Aoife <aoife@kettle.co>", "Aoife Ó Súilleabháin"),
    ("Ó Súilleabháin, Aoife, aoife@kettle.co", "Aoife Ó Súilleabháin"),
    ("ó Súilleabháin, Aoife, aoife@kettle.co", "Aoife ó Súilleabháin"),
    ("Nic Giolla Phádraig, Síle, sile.nicgiollaphadraig@kettle.co",
     "Síle Nic Giolla Phádraig"),
    ("van der Berg, Jan", "Jan van der Berg"),
    ("Van der Berg, Jan, jan@kettle.co", "Jan Van der Berg"),
    ("de la Cruz, María José, mj@kettle.co", "María José de la Cruz"),
    ("MacNeil, Ruairí, ruairi.macneil@kettle.co", "Ruairí MacNeil"),
    ("Byrne, Aoife, abyrne@kettle.co", "Aoife Byrne"),
])
def test_directory_order_keeps_the_casing_as_typed(line, name):
    (typed,) = parse_people(line)
    assert (typed.person.name, typed.person.title) == (name, "")


def test_a_second_field_that_is_a_company_is_not_a_given_name():
    (typed,) = parse_people("Jane Doe, Kettle, jane@kettle.co")
    assert typed.person.name == "Jane Doe"


@pytest.mark.parametrize(("line", "name", "title", "company"), [
    ("Oluwaseun Adeyemi - CTO", "Oluwaseun Adeyemi", "CTO", ""),
    ("Oluwaseun Adeyemi – CTO, seun@kettle.co", "Oluwaseun Adeyemi", "CTO", ""),
    ("Oluwaseun Adeyemi—Head of Data", "Oluwaseun Adeyemi", "Head of Data", ""),
    ("Oluwaseun Adeyemi | CTO", "Oluwaseun Adeyemi", "CTO", ""),
    ("Oluwaseun Adeyemi - CTO <seun@kettle.co>", "Oluwaseun Adeyemi", "CTO", ""),
    ("Wei Zhang (CTO)", "Wei Zhang", "CTO", ""),
    ("Wei Zhang (Head of Data), wei@kettle.co", "Wei Zhang", "Head of Data", ""),
    ("Ana Ruiz @ Kettle", "Ana Ruiz", "", "Kettle"),
    ("Ana Ruiz at Kettle", "Ana Ruiz", "", "Kettle"),
    ("Ana Ruiz - Staff Engineer at Kettle", "Ana Ruiz", "Staff Engineer", "Kettle"),
    ("Ana Ruiz @ Senior Recruiter", "Ana Ruiz", "Senior Recruiter", ""),
    ("Mary-Jane Smith-Jones, Designer", "Mary-Jane Smith-Jones", "Designer", ""),
    ("Elizabeth Smith (Liz)", "Elizabeth Smith (Liz)", "", ""),  # a nickname stays
    ('"Adeyemi, Oluwaseun" <seun@kettle.co> - CTO', "Oluwaseun Adeyemi", "CTO", ""),
    ("seun@kettle.co (Oluwaseun Adeyemi – CTO)", "Oluwaseun Adeyemi", "CTO", ""),
])
def test_a_title_after_the_name_is_split_off(line, name, title, company):
    (typed,) = parse_people(line)
    assert (typed.person.name, typed.person.title, typed.person.company) == (
        name, title, company)


def test_a_recruiter_title_in_brackets_makes_a_coordinator():
    (typed,) = parse_people("Ana Ruiz (Talent Partner) <ana@kettle.co>")
    assert (typed.person.name, typed.capacity) == ("Ana Ruiz", "coordinator")
