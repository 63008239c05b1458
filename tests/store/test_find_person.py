"""One rule for "someone already in the library", used by every way people come in."""

from __future__ import annotations

from followup.store import models as m
from followup.store.library import MeetingInput, PersonSpec, find_person


def test_the_same_address_in_any_case_is_the_same_person(library):
    library.create_meeting(MeetingInput(company="Acme", people=[
        PersonSpec("Jane Doe", email="Jane.Doe@Acme.com")]))
    with library.session() as s:
        assert find_person(s, " jane.doe@ACME.com ").name == "Jane Doe"
        assert find_person(s, "someone@acme.com") is None


def test_a_name_matches_only_at_the_same_company_and_only_when_asked(library):
    library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Sam Lee")]))
    with library.session() as s:
        acme = s.query(m.Company).filter_by(name="Acme").one()
        assert find_person(s, name="sam lee", company=acme).name == "Sam Lee"
        assert find_person(s, name="Sam Lee") is None  # no company: never by name
        assert find_person(s, "") is None  # an import passes only the address


def test_a_card_with_the_same_name_and_another_address_is_another_person(library, tmp_path):
    from followup.store.formats import import_file

    library.create_meeting(MeetingInput(company="Acme", people=[
        PersonSpec("Sam Lee", email="sam@acme.com")]))
    card = tmp_path / "sam.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nORG:Acme\r\n"
                    "EMAIL:sam.lee@other.example\r\nEND:VCARD\r\n", encoding="utf-8")
    created = import_file(library, card)
    assert len(created["people"]) == 1  # a new person: two people can share a name
