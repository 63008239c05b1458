"""A business card imported for someone the library already knows by address."""

from __future__ import annotations

import pytest

from followup.store import models as m
from followup.store.contacts_import import import_cards, import_invite


def card(fn: str, email: str) -> bytes:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{fn}\r\nEMAIL:{email}\r\n"
            "END:VCARD\r\n").encode()


def invite_with(attendee: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:c-1",
             "DTSTART:20260310T150000Z", "DURATION:PT1H",
             "ORGANIZER;CN=Rita Recruiter:mailto:rita@kettle.co", attendee,
             "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def names(library) -> dict[str, str]:
    with library.session() as s:
        return {p.email: p.name for p in s.query(m.Person)}


@pytest.mark.parametrize("attendee", [
    "ATTENDEE:mailto:ingrid.bjornstad@kettle.co",  # no CN: the name is read from the address
    "ATTENDEE;CN=ingrid.bjornstad@kettle.co:mailto:ingrid.bjornstad@kettle.co",
])
def test_a_card_names_a_person_whose_name_came_from_the_address(library, attendee):
    import_invite(library, invite_with(attendee))
    assert names(library)["ingrid.bjornstad@kettle.co"] == "Ingrid Bjornstad"
    import_cards(library, card("Ingrid Bjørnstad", "ingrid.bjornstad@kettle.co"))
    assert names(library)["ingrid.bjornstad@kettle.co"] == "Ingrid Bjørnstad"


def test_a_card_for_a_bare_address_names_the_person(library):
    import_invite(library, invite_with("ATTENDEE:mailto:ib7@kettle.co"))
    import_cards(library, card("Ingrid Bjørnstad", "ib7@kettle.co"))
    assert names(library)["ib7@kettle.co"] == "Ingrid Bjørnstad"


def test_a_card_never_renames_a_person_named_by_a_person(library):
    import_invite(library, invite_with(
        "ATTENDEE;CN=Inga Bjørnstad:mailto:ingrid.bjornstad@kettle.co"))
    import_cards(library, card("Ingrid Bjørnstad", "ingrid.bjornstad@kettle.co"))
    assert names(library)["ingrid.bjornstad@kettle.co"] == "Inga Bjørnstad"
