"""Business cards: .vcf files of every vCard version, pasted card text, quick-add lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.core.cards import (
    CardPerson,
    ParseError,
    parse_person_line,
    parse_vcards,
    split_card_text,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


# --- .vcf files ----------------------------------------------------------------------------

def test_google_contacts_export_with_two_cards():
    priya, alex = parse_vcards(read("google_contacts.vcf"))
    assert priya == CardPerson(
        name="Priya Raman", title="Engineering Manager", company="Acme Corp",
        email="priya.raman@acme.com",  # the WORK address, not the first (HOME) one
        phone="+1 415-555-0142", web="https://www.linkedin.com/in/priyaraman",
        notes="Met at the Acme panel; ask about the on-call rotation.", domain="acme.com")
    assert alex == CardPerson(name="Alex Kim", company="Acme Corp", email="alex.kim@acme.com",
                              domain="acme.com")


def test_outlook_vcard_2_1_with_quoted_printable():
    (person,) = parse_vcards(read("outlook_2_1.vcf"))
    assert person.name == "Jürgen Müller"
    assert person.title == "Head of Data Science"
    assert person.company == "Initech GmbH"
    assert person.email == "jurgen.muller@initech.de"
    assert person.phone == "+49 30 1234567"  # TEL;WORK before TEL;CELL
    assert person.web == "http://www.initech.de"


def test_apple_contacts_vcard_prefers_pref_email_and_linkedin_profile():
    (person,) = parse_vcards(read("apple_contacts.vcf"))
    assert person.name == "Marcus O'Neil"
    assert person.email == "marcus.oneil@acme.com"  # item1.EMAIL;type=pref
    assert person.phone == "(415) 555-0177"
    assert person.web == "https://www.linkedin.com/in/marcusoneil"  # X-SOCIALPROFILE
    assert person.company == "Acme Corp"


def test_vcard_4_0_with_pref_parameter_and_tel_uri():
    (person,) = parse_vcards(read("vcard_4_0.vcf"))
    assert person.name == "Zoë Schäfer"
    assert person.email == "zoe.schafer@initech.de"  # PREF=1 beats the first (home) one
    assert person.phone == "+49-30-7654321"
    assert person.title == "Interviewer"  # ROLE when there is no TITLE
    assert person.web == "https://www.linkedin.com/in/zoeschafer"


def test_name_from_n_when_fn_is_missing():
    text = "BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;Q.;Dr.;PhD\nEMAIL:jane@acme.com\nEND:VCARD\n"
    (person,) = parse_vcards(text)
    assert person.name == "Dr. Jane Q. Doe PhD"


def test_byte_order_mark_and_blank_lines_before_the_card():
    (person,) = parse_vcards("\ufeff\n\nBEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEND:VCARD\n")
    assert person.name == "Jane Doe"


@pytest.mark.parametrize(("text", "message"), [
    ("Jane Doe\njane@acme.com\n", "not a vCard file: it does not start with BEGIN:VCARD"),
    ("", "not a vCard file"),
    ("BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\n",
     r"the card that begins on line 1 never ends \(no END:VCARD\)"),
    ("BEGIN:VCARD\nVERSION:3.0\nFN:Jane\nEND:VCARD\nBEGIN:VEVENT\nEND:VEVENT\n",
     "line 5 is outside any card: a VEVENT, not a VCARD"),
])
def test_malformed_vcards_raise_parse_error(text, message):
    with pytest.raises(ParseError, match=message):
        parse_vcards(text)


def test_one_bad_card_fails_the_whole_file():
    with pytest.raises(ParseError, match='line 9 is not "NAME:value": EMAIL bob@acme.com'):
        parse_vcards(read("broken.vcf"))


def test_card_without_a_name_takes_it_from_the_address():
    (person,) = parse_vcards(read("no_name.vcf"))
    assert (person.name, person.email) == ("Someone", "someone@acme.com")


def test_card_without_a_name_or_an_address_fails():
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:Jo\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 415 555 0100\nEND:VCARD\n")
    with pytest.raises(ParseError, match=r"the card that begins on line 5 has no name \("
                                         r"neither FN nor N\) and no email address"):
        parse_vcards(text)


def test_parse_error_is_a_value_error():
    assert issubclass(ParseError, ValueError)


# --- pasted card text ----------------------------------------------------------------------

def test_split_card_text_example_from_the_issue():
    text = ("Jane Doe\nEngineering Manager\nAcme Corp\njane.doe@acme.com\n+1 (415) 555-0100\n"
            "linkedin.com/in/janedoe")
    assert split_card_text(text) == CardPerson(
        name="Jane Doe", title="Engineering Manager", company="Acme Corp",
        email="jane.doe@acme.com", phone="+1 (415) 555-0100", web="linkedin.com/in/janedoe")


def test_split_card_text_with_labels_company_first_and_extras():
    text = """
        JÜRGEN MÜLLER
        Initech GmbH
        Head of Platform
        E: jm@initech.de
        T: +49 30 12345678
        M: +49 151 23456789
        www.initech.de
        linkedin.com/in/jmuller
        Friedrichstr. 123, 10117 Berlin
    """
    person = split_card_text(text)
    assert person.name == "Jürgen Müller"  # capitals on the card, a name in the app
    assert person.company == "Initech GmbH"
    assert person.title == "Head of Platform"
    assert person.email == "jm@initech.de"
    assert person.phone == "+49 30 12345678"
    assert person.web == "linkedin.com/in/jmuller"  # LinkedIn beats the company site
    assert person.notes.splitlines() == [
        "Friedrichstr. 123, 10117 Berlin", "M: +49 151 23456789", "www.initech.de"]


def test_split_card_text_reads_national_numbers_in_the_region():
    person = split_card_text("Bob Roe\nRecruiter\n(415) 555-0123\nbob@acme.com")
    assert (person.title, person.phone, person.email) == (
        "Recruiter", "(415) 555-0123", "bob@acme.com")
    uk = split_card_text("Amy Pond\n020 7946 0958", region="GB")
    assert uk.phone == "020 7946 0958"
    assert split_card_text("Amy Pond\n020 7946 0958").phone == ""  # not a US number


def test_bare_domain_is_web_not_title():
    person = split_card_text("Jane Doe\nacme.io\nStaff Engineer")
    assert (person.web, person.title) == ("acme.io", "Staff Engineer")


def test_split_card_text_without_a_name_line_uses_the_address():
    assert split_card_text("jane.doe@acme.com\n+1 415 555 0100").name == "Jane Doe"


def test_split_card_text_empty_raises():
    with pytest.raises(ParseError, match="the card text is empty"):
        split_card_text(" \n\n ")


def test_postal_address_lines_go_to_notes_not_phone_or_title():
    person = split_card_text("Jane Doe\n500 Market St\nSuite 400\nSan Francisco, CA 94105")
    assert (person.phone, person.title, person.company) == ("", "", "")
    assert person.notes.splitlines() == ["500 Market St", "Suite 400", "San Francisco, CA 94105"]


def test_unrecognised_lines_fill_title_then_company():
    person = split_card_text("Jane Doe\nMagician\nCircus Maximus\nfree on Fridays")
    assert (person.title, person.company, person.notes) == (
        "Magician", "Circus Maximus", "free on Fridays")


@pytest.mark.parametrize(("line", "title", "company"), [
    ("Head of Data | Kettle & Co", "Head of Data", "Kettle & Co"),
    ("Designer · Figma", "Designer", "Figma"),
    ("Staff Engineer • Quarry Labs", "Staff Engineer", "Quarry Labs"),
    ("CTO – Kettle", "CTO", "Kettle"),
    ("Recruiter at Kettle", "Recruiter", "Kettle"),
    ("Product Manager @ Brightwave", "Product Manager", "Brightwave"),
])
def test_one_line_with_title_and_company_is_split(line, title, company):
    person = split_card_text(f"Aoife Byrne\n{line}\naoife@kettle.co")
    assert (person.title, person.company) == (title, company)


def test_a_dash_inside_a_company_or_name_does_not_split():
    person = split_card_text("Mary-Jane Smith\nOffice Manager\nSmith - Jones LLP")
    assert (person.name, person.title, person.company) == (
        "Mary-Jane Smith", "Office Manager", "Smith - Jones LLP")


@pytest.mark.parametrize(("line", "number"), [
    ("M: +44 7700 900123", "+44 7700 900123"),
    ("Mob. 0170 1234567", "0170 1234567"),
    ("Tel. (030) 123 456 78", "(030) 123 456 78"),
    ("T: 020 7946 0958", "020 7946 0958"),
    ("Phone 03-1234-5678", "03-1234-5678"),
    ("Cell: 0412 345 678", "0412 345 678"),
    ("Office: 01 234 5678", "01 234 5678"),
    ("Direct 415.555.0100 x12", "415.555.0100 x12"),
    ("☎ 0044 20 7946 0958", "0044 20 7946 0958"),
])
def test_labelled_phone_lines_are_phones_in_any_region(line, number):
    person = split_card_text(f"Aoife Byrne\nHead of Data\n{line}")
    assert (person.phone, person.title, person.notes) == (number, "Head of Data", "")


def test_a_fax_is_kept_in_the_notes_not_called():
    person = split_card_text("Aoife Byrne\nFax: +353 1 234 5678\nMob. 087 123 4567")
    assert (person.phone, person.notes) == ("087 123 4567", "Fax: +353 1 234 5678")


def test_a_label_word_starting_a_title_is_not_a_phone():
    person = split_card_text("Aoife Byrne\nOffice Manager\nKettle & Co")
    assert (person.title, person.phone) == ("Office Manager", "")


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Oluwaseun Adeyemi - CTO\nKettle & Co", "CTO", "Kettle & Co"),
    ("Oluwaseun Adeyemi (CTO)\nKettle", "CTO", "Kettle"),
    ("Oluwaseun Adeyemi | Head of Data\nKettle", "Head of Data", "Kettle"),
    ("Oluwaseun Adeyemi @ Kettle\nDesigner", "Designer", "Kettle"),
])
def test_a_title_on_the_name_line_of_a_card_is_split_off(text, title, company):
    person = split_card_text(text)
    assert (person.name, person.title, person.company) == ("Oluwaseun Adeyemi", title, company)


# --- quick-add lines -----------------------------------------------------------------------

def test_person_line_example_from_the_issue():
    assert parse_person_line("Jane Doe, Engineering Manager, jane@acme.com") == CardPerson(
        name="Jane Doe", title="Engineering Manager", email="jane@acme.com")


def test_person_line_fields_in_any_order():
    person = parse_person_line("Jane Doe, +1 415 555 0100, jane@acme.com, Staff Engineer")
    assert (person.name, person.title, person.email, person.phone) == (
        "Jane Doe", "Staff Engineer", "jane@acme.com", "+1 415 555 0100")


def test_person_line_with_bracketed_address_and_other_separators():
    person = parse_person_line(
        'Jane Doe <jane@acme.com>; +44 20 7946 0958 | Staff Engineer | Acme Corp')
    assert person == CardPerson(name="Jane Doe", title="Staff Engineer", company="Acme Corp",
                                email="jane@acme.com", phone="+44 20 7946 0958")


def test_person_line_with_linkedin_and_only_a_name():
    person = parse_person_line("Jane Doe, https://www.linkedin.com/in/jane-doe-123/")
    assert person.web == "https://www.linkedin.com/in/jane-doe-123/"
    assert parse_person_line("  Jane Doe  ") == CardPerson(name="Jane Doe")


def test_person_line_starting_with_an_address_derives_the_name():
    person = parse_person_line("jane.doe@acme.com, Recruiter")
    assert (person.name, person.title, person.email) == (
        "Jane Doe", "Recruiter", "jane.doe@acme.com")


def test_person_line_empty_raises():
    with pytest.raises(ParseError, match="the line is empty"):
        parse_person_line(" , ;")


# --- kinds of real-world cards, each with a small input of our own --------------------------

def card(*lines: str, version: str = "3.0", end: str = "\r\n") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""]
    return end.join(body).encode("utf-8")


def test_vcard_2_1_quoted_printable_with_soft_line_breaks():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
            b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sch=C3=A4fer;J=C3=BCr=\r\ngen\r\n"
            b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen Sch=C3=A4fer, Leiter =\r\n"
            b"Entwicklung\r\n"
            b"NOTE;ENCODING=QUOTED-PRINTABLE:Line one=0D=0ALine two=\r\n"
            b" still two\r\n"
            b"ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller & S=F6hne\r\n"
            b"EMAIL;INTERNET:juergen@mueller-soehne.de\r\nEND:VCARD\r\n")
    (person,) = parse_vcards(data)
    assert person.name == "Jürgen Schäfer, Leiter Entwicklung"
    assert person.notes == "Line one\nLine two still two"
    assert person.company == "Müller & Söhne"
    assert person.domain == "mueller-soehne.de"


def test_vcard_2_1_in_latin_1_without_a_charset():
    (person,) = parse_vcards(card("FN:Ren\xe9 Dupont", "EMAIL:rene@exemple.fr",
                                  version="2.1").replace("René".encode(), b"Ren\xe9"))
    assert person.name == "René Dupont"


def test_cr_cr_lf_line_ends_from_an_iphone():
    (person,) = parse_vcards(card("FN:Jane Doe", "EMAIL;type=WORK:jane@acme.com",
                                  end="\r\r\n"))
    assert (person.name, person.email) == ("Jane Doe", "jane@acme.com")


@pytest.mark.parametrize("unused", [
    "PROFILE:VCARD",  # RFC 2426, written by Lotus Notes
    "X-ABC/DEF:value",  # a property name with a slash
    "X-EVOLUTION-FILE-AS:Doe, Jane",
    "ADR;TYPE=work:;;Lierstr. 20a;München;;80639;Deutschland",
    "BDAY:not a date",
    "PHOTO;ENCODING=b;TYPE=JPEG:////not base64 at all////",
    "a line without a colon",
])
def test_lines_followup_does_not_use_are_skipped(unused):
    (person,) = parse_vcards(card("FN:Jane Doe", unused, "EMAIL:jane@acme.com"))
    assert (person.name, person.email) == ("Jane Doe", "jane@acme.com")


def test_a_raw_cr_inside_a_value_is_a_line_break():
    data = card("FN:Jane Doe", "NOTE:first\rsecond")
    (person,) = parse_vcards(data)
    assert person.notes == "first\nsecond"


def test_a_line_followup_uses_and_cannot_read_is_refused_with_its_number():
    with pytest.raises(ParseError, match=r'^line 5 is not "NAME:value": '
                                         r"EMAIL jane@acme.com"):
        parse_vcards(card("FN:Jane Doe", "X-SKIPPED:yes", "EMAIL jane@acme.com"))
    with pytest.raises(ParseError, match=r"^line 4 is not UTF-8 text"):
        parse_vcards(card("FN:Jane", "TEL:caf\xe9").replace("café".encode(), b"caf\xe9"))


@pytest.mark.parametrize(("fn", "n", "name"), [
    ("Mustermann\\, Heiko", "Mustermann;Heiko;;;", "Heiko Mustermann"),
    ("Mustermann, Heiko", "Mustermann;Heiko;;;", "Heiko Mustermann"),
    ("Mr. John Richter\\, James Doe Sr.", "Doe;John;Richter\\, James;Mr.;Sr.",
     "Mr. John Richter, James Doe Sr."),
    ("Jane Doe\\, PhD", "Doe;Jane;;;PhD", "Jane Doe, PhD"),
    ("Pérez Rodríguez, José", "", "José Pérez Rodríguez"),
])
def test_a_full_name_with_a_comma_is_not_cut(fn, n, name):
    (person,) = parse_vcards(card(f"FN:{fn}", *([f"N:{n}"] if n else [])))
    assert person.name == name


def test_a_fax_listed_first_is_not_the_phone():
    (person,) = parse_vcards(card("FN:Jane Doe", "TEL;TYPE=WORK,FAX:+1 415 555 0199",
                                  "TEL;TYPE=HOME:+1 415 555 0111",
                                  "TEL;TYPE=WORK,VOICE:+1 415 555 0100"))
    assert person.phone == "+1 415 555 0100"
    (only_fax,) = parse_vcards(card("FN:Jane Doe", "TEL;TYPE=FAX:+1 415 555 0199"))
    assert only_fax.phone == "+1 415 555 0199"
    (v21,) = parse_vcards(card("FN:Jane Doe", "TEL;WORK;FAX:+1 415 555 0199",
                               "TEL;CELL:+1 415 555 0123", version="2.1"))
    assert v21.phone == "+1 415 555 0123"


def test_the_company_domain_comes_from_the_work_address():
    (person,) = parse_vcards(card("FN:Jane Doe", "EMAIL;TYPE=HOME:jane@family-doe.net",
                                  "EMAIL;TYPE=INTERNET:jane.doe@gmail.com",
                                  "EMAIL;TYPE=WORK:jdoe@acme-robotics.co.uk"))
    assert person.domain == "acme-robotics.co.uk"
    assert person.company == "Acme Robotics"  # no ORG: the company the domain names
    (free,) = parse_vcards(card("FN:Jane Doe", "ORG:Acme", "EMAIL:jane.doe@gmail.com"))
    assert (free.company, free.domain) == ("Acme", "")
    (home,) = parse_vcards(card("FN:Jane Doe", "EMAIL;TYPE=HOME:jane@doe.family"))
    assert home.domain == ""


def test_a_fold_inside_a_multibyte_character_is_unfolded_before_decoding():
    line = "FN:Zoë Løvås-Schäfer".encode()
    cut = line.index("ø".encode()) + 1  # between the two bytes of "ø"
    data = card("EMAIL:zoe@acme.no").replace(b"EMAIL:", line[:cut] + b"\r\n " + line[cut:]
                                             + b"\r\nEMAIL:")
    (person,) = parse_vcards(data)
    assert person.name == "Zoë Løvås-Schäfer"


def test_an_address_that_is_not_valid_is_kept_in_the_notes_not_refused():
    (person,) = parse_vcards(card("FN:Jane Doe", "EMAIL;TYPE=PREF:jane(at)acme.com",
                                  "EMAIL:Jane.Doe@ACME.com"))
    assert person.email == "jane.doe@acme.com"
    assert person.notes == ("Email address left out: 'jane(at)acme.com' is not an email "
                            "address: it has no @")


# --- preference, photos, FN and N, vCard 1.0 --------------------------------------------------

@pytest.mark.parametrize("lines", [
    ["EMAIL;PREF=2:second@acme.com", "EMAIL;PREF=1:first@acme.com"],
    ["EMAIL;TYPE=work;PREF=2:second@acme.com", "EMAIL;TYPE=home;PREF=1:first@acme.com"],
    ["EMAIL:other@acme.com", "EMAIL;PREF=1:first@acme.com", "EMAIL;PREF=50:second@acme.com"],
])
def test_the_lowest_pref_is_the_preferred_address(lines):
    """RFC 6350 §5.3: PREF=1 is the most preferred, 100 the least; none: after all."""
    (person,) = parse_vcards(card("FN:Jane Doe", *lines, version="4.0"))
    assert person.email == "first@acme.com"


def test_the_lowest_pref_is_the_number_to_call():
    (person,) = parse_vcards(card("FN:Jane Doe", "TEL;TYPE=work;PREF=2:+1 415 555 0102",
                                  "TEL;TYPE=cell;PREF=1:+1 415 555 0101", version="4.0"))
    assert person.phone == "+1 415 555 0101"


@pytest.mark.parametrize("data", [
    # Base64 lines that are not indented, up to the blank line that ends the value (2.1).
    b"PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n/9j/4AAQSkZJRgABAQAAAQABAAD\r\nN/cGhvdG8ABCDEF\r\n"
    b"TEL+abc/def\r\nFNqq+zz09\r\n\r\n",
    # No blank line before the next property.
    b"PHOTO;JPEG;BASE64:\r\n    /9j/4AAQSkZJRgABAQAAAQABAAD\r\nTEL/cGhvdG8ABCDEF\r\n",
])
def test_a_2_1_photo_whose_lines_look_like_properties_does_not_refuse_the_card(data):
    text = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nFN:Jane Doe\r\n" + data
            + b"TEL;WORK:+1 415 555 0100\r\nEMAIL;INTERNET:jane@acme.com\r\nEND:VCARD\r\n")
    (person,) = parse_vcards(text)
    assert (person.name, person.email, person.phone) == (
        "Jane Doe", "jane@acme.com", "+1 415 555 0100")


@pytest.mark.parametrize(("lines", "name"), [
    (["FN:URI PNG, version 4.0"], "URI PNG, version 4.0"),  # no N: the FN as shown
    (["FN:Mustermann, Heiko", "N:Mustermann;Heiko;;;"], "Heiko Mustermann"),
    (["FN:Acme Support, Tier 2", "N:;Acme Support;;;"], "Acme Support, Tier 2"),
    (["FN:'Kim, Soo-jin'", "N:Kim;Soo-jin;;;"], "Soo-jin Kim"),
])
def test_n_gives_the_structure_of_an_fn_with_a_comma(lines, name):
    (person,) = parse_vcards(card(*lines, version="4.0"))
    assert person.name == name


def test_a_vcard_1_0_without_fn_is_read_from_n():
    data = (b"BEGIN:VCARD\r\nVERSION:1.0\r\nN:M\xfcller;J\xfcrgen\r\nTITLE:Leiter Einkauf\r\n"
            b"TEL;WORK:+49 30 1234567\r\nEMAIL;INTERNET:j.mueller@firma.de\r\nEND:VCARD\r\n")
    (person,) = parse_vcards(data)
    assert (person.name, person.title, person.email, person.phone) == (
        "Jürgen Müller", "Leiter Einkauf", "j.mueller@firma.de", "+49 30 1234567")


@pytest.mark.parametrize(("line", "name", "title"), [
    ("'Kim, Soo-jin' <sjkim@acme.com>", "Soo-jin Kim", ""),
    ("'Kim, Soo-jin', sjkim@acme.com", "Soo-jin Kim", ""),
    ("'Kim, Soo-jin', Staff Engineer, sjkim@acme.com", "Soo-jin Kim", "Staff Engineer"),
    ("“Soo-jin Kim”, sjkim@acme.com", "Soo-jin Kim", ""),
    ("[Jane Doe] <jane@acme.com>", "Jane Doe", ""),
])
def test_a_quoted_name_on_a_person_line_is_a_name_without_debris(line, name, title):
    person = parse_person_line(line)
    assert (person.name, person.title) == (name, title)
