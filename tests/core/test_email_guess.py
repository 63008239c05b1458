"""Email-format inference: name normalisation, pattern matching and ranked guesses."""

from __future__ import annotations

import pytest

from followup.core.email_guess import (
    PATTERNS,
    company_from_domain,
    guess_addresses,
    name_from_address,
    normalise_name,
    patterns_matching,
    pick_domain,
)


@pytest.mark.parametrize(("full_name", "expected"), [
    ("Jane Doe", ("jane", "doe")),
    ("José Álvarez", ("jose", "alvarez")),
    ("Patrick O'Brien", ("patrick", "obrien")),
    ("Patrick O’Brien", ("patrick", "obrien")),
    ("Mary-Jane Smith-Jones", ("maryjane", "smithjones")),
    ("John Quincy Adams Jr.", ("john", "adams")),
    ("Jane Doe, PhD", ("jane", "doe")),
    ("Dr. Jürgen Müller III", ("jurgen", "muller")),
    ("Doe, Jane", ("jane", "doe")),
    ("Doe, Jane Marie", ("jane", "doe")),
    ("Ludwig van Beethoven", ("ludwig", "vanbeethoven")),
    ("Søren Kierkegaard", ("soren", "kierkegaard")),
    ("Elizabeth (Liz) Warren", ("elizabeth", "warren")),
    ("  JANE   DOE  ", ("jane", "doe")),
    ("Cher", ("cher", "")),
    ("", ("", "")),
])
def test_normalise_name(full_name, expected):
    assert normalise_name(full_name) == expected


def test_patterns_include_the_required_formats():
    required = {"first", "last", "first.last", "firstlast", "flast", "f.last", "firstl",
                "first_last", "first-last", "last.first", "lastf"}
    assert required <= set(PATTERNS)


@pytest.mark.parametrize(("local", "pattern"), [
    ("jane", "first"), ("doe", "last"), ("jane.doe", "first.last"), ("janedoe", "firstlast"),
    ("jdoe", "flast"), ("j.doe", "f.last"), ("janed", "firstl"), ("jane_doe", "first_last"),
    ("jane-doe", "first-last"), ("doe.jane", "last.first"), ("doej", "lastf"),
])
def test_each_pattern_is_recognised_alone(local, pattern):
    assert patterns_matching("Jane Doe", local) == [pattern]


def test_matching_ignores_case_subaddress_and_a_trailing_number():
    assert patterns_matching("Jane Doe", "JDoe") == ["flast"]
    assert patterns_matching("Jane Doe", "jane.doe+jobs") == ["first.last"]
    assert patterns_matching("Jane Doe", "jdoe2") == ["flast"]


def test_matching_accepts_hyphenated_spellings():
    assert patterns_matching("Mary-Jane Smith", "maryjane.smith") == ["first.last"]
    assert patterns_matching("Mary-Jane Smith", "mary-jane.smith") == ["first.last"]
    assert patterns_matching("Mary-Jane Smith", "mary.smith") == ["first.last"]


def test_an_address_can_fit_several_patterns():
    # With a one-letter first name, "j.doe" is both first.last and f.last.
    assert patterns_matching("J. Doe", "j.doe") == ["first.last", "f.last"]


def test_unrelated_address_fits_nothing():
    assert patterns_matching("Jane Doe", "recruiting") == []
    assert patterns_matching("", "jane") == []


def test_two_agreeing_addresses_rank_their_format_first():
    known = [("Bob Roe", "bob.roe@acme.com"), ("Ann Lee", "ann.lee@acme.com")]
    guesses = guess_addresses("Jane Doe", known)
    best = guesses[0]
    assert best.address == "jane.doe@acme.com"
    assert best.pattern == "first.last"
    assert best.evidence == "2 of 2 known addresses at acme.com are first.last"
    assert all(best.confidence > g.confidence for g in guesses[1:])
    assert len(guesses) == 5


def test_more_agreeing_evidence_raises_confidence():
    one = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com")])[0]
    three = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com"),
                                         ("Ann Lee", "ann.lee@acme.com"),
                                         ("Tom Fox", "tom.fox@acme.com")])[0]
    assert one.address == three.address == "jane.doe@acme.com"
    assert 0 < one.confidence < three.confidence <= 1
    assert one.evidence == "1 of 1 known address at acme.com is first.last"


def test_disagreeing_evidence_lowers_confidence_and_says_so():
    agree = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com"),
                                         ("Ann Lee", "ann.lee@acme.com")])[0]
    split = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com"),
                                         ("Ann Lee", "alee@acme.com")])
    assert {g.pattern for g in split[:2]} == {"first.last", "flast"}
    assert split[0].confidence == split[1].confidence < agree.confidence
    assert "1 of 2 known addresses at acme.com is first.last; 1 does not fit it" in (
        split[0].evidence + split[1].evidence)


def test_majority_format_wins():
    known = [("Bob Roe", "broe@acme.com"), ("Ann Lee", "alee@acme.com"),
             ("Tom Fox", "tom.fox@acme.com")]
    guesses = guess_addresses("Jane Doe", known)
    assert [g.address for g in guesses[:2]] == ["jdoe@acme.com", "jane.doe@acme.com"]
    assert guesses[0].evidence.startswith("2 of 3 known addresses at acme.com are flast")
    assert guesses[0].confidence > guesses[1].confidence


def test_ambiguous_address_counts_toward_each_format_and_says_so():
    guesses = guess_addresses("Jane Doe", [("J. Roe", "j.roe@acme.com")])
    top = {g.pattern: g for g in guesses[:2]}
    assert set(top) == {"first.last", "f.last"}
    assert top["first.last"].address == "jane.doe@acme.com"
    assert top["f.last"].address == "j.doe@acme.com"
    assert "j.roe@acme.com also fits f.last and counts toward each" in top["first.last"].evidence
    # Split evidence is weaker than the same address fitting one format only.
    clear = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com")])[0]
    assert top["first.last"].confidence < clear.confidence


def test_no_known_address_offers_common_formats_as_unconfirmed():
    guesses = guess_addresses("Jane Doe", [], domain="@Acme.com", limit=11)
    assert [g.pattern for g in guesses] == list(PATTERNS)
    assert guesses[0].address == "jane.doe@acme.com"
    assert all(g.confidence <= 0.15 for g in guesses)
    assert all(g.evidence.startswith("unconfirmed: no known address at acme.com")
               for g in guesses)
    confidences = [g.confidence for g in guesses]
    assert confidences == sorted(confidences, reverse=True)


def test_unsupported_formats_fall_below_supported_ones():
    guesses = guess_addresses("Jane Doe", [("Bob Roe", "bob@acme.com")], limit=3)
    assert guesses[0].address == "jane@acme.com"
    assert guesses[1].evidence == (
        "unconfirmed: the only known address at acme.com is not first.last")
    assert guesses[1].confidence < 0.1 < guesses[0].confidence


def test_known_addresses_in_no_common_format():
    guesses = guess_addresses("Jane Doe", [("Bob Roe", "br123x@acme.com")], limit=2)
    assert guesses[0].address == "jane.doe@acme.com"
    assert "is not in a common format" in guesses[0].evidence
    assert guesses[0].confidence < 0.15


def test_domain_from_the_most_common_known_domain_and_said_so():
    known = [("Bob Roe", "bob.roe@acme.com"), ("Ann Lee", "ann.lee@acme.com"),
             ("Tom Fox", "tfox@globex.io")]
    guesses = guess_addresses("Jane Doe", known)
    assert all(g.address.endswith("@acme.com") for g in guesses)
    assert guesses[0].evidence.endswith(
        "acme.com is the most common domain among the known addresses, 2 of 3")
    assert pick_domain(known) == (
        "acme.com", "acme.com is the most common domain among the known addresses, 2 of 3")
    assert pick_domain([("Bob Roe", "bob.roe@acme.com")]) == ("acme.com", "")


def test_explicit_domain_uses_only_evidence_at_that_domain():
    known = [("Bob Roe", "bob.roe@acme.com"), ("Tom Fox", "tfox@globex.io")]
    best = guess_addresses("Jane Doe", known, domain="globex.io")[0]
    assert best.address == "jdoe@globex.io"
    assert best.evidence == "1 of 1 known address at globex.io is flast"


def test_hyphenated_name_offers_the_hyphen_variant_lower():
    guesses = guess_addresses("Mary-Jane Smith", [("Bob Roe", "bob.roe@acme.com")])
    addresses = [g.address for g in guesses]
    assert addresses[:2] == ["maryjane.smith@acme.com", "mary-jane.smith@acme.com"]
    assert guesses[1].confidence < guesses[0].confidence
    assert "keeps the hyphen" in guesses[1].evidence


def test_person_already_known_comes_first():
    known = [("Jane Doe", "JDoe@acme.com"), ("Bob Roe", "bob.roe@acme.com")]
    best = guess_addresses("Jane Doe", known)[0]
    assert best.address == "jdoe@acme.com"
    assert best.confidence > 0.9


def test_single_name_gets_only_formats_it_can_fill():
    guesses = guess_addresses("Cher", [], domain="acme.com", limit=11)
    assert [g.address for g in guesses] == ["cher@acme.com"]


def test_limit_and_unique_addresses():
    guesses = guess_addresses("Jane Doe", [], domain="acme.com", limit=3)
    assert len(guesses) == 3
    everything = guess_addresses("Jane Doe", [], domain="acme.com", limit=50)
    assert len({g.address for g in everything}) == len(everything) == len(PATTERNS)


def test_no_domain_raises():
    with pytest.raises(ValueError, match="no domain known"):
        guess_addresses("Jane Doe", [])
    with pytest.raises(ValueError, match="no domain known"):
        guess_addresses("Jane Doe", [("Bob Roe", "not-an-address")])


def test_name_without_letters_raises():
    with pytest.raises(ValueError, match="no name"):
        guess_addresses("Jr.", [], domain="acme.com")


@pytest.mark.parametrize(("address", "name"), [
    ("jane.doe@acme.com", "Jane Doe"),
    ("jane_doe+jobs@acme.com", "Jane Doe"),
    ("mary-jane@acme.com", "Mary Jane"),
    ("jdoe2@acme.com", "Jdoe"),
])
def test_name_from_address(address, name):
    assert name_from_address(address) == name


@pytest.mark.parametrize(("domain", "company"), [
    ("acme.com", "Acme"), ("mail.acme.com", "Acme"), ("acme-robotics.co.uk", "Acme Robotics"),
    ("initech.de", "Initech"), ("localhost", ""),
])
def test_company_from_domain(domain, company):
    assert company_from_domain(domain) == company


# --- names from around the world ------------------------------------------------------------

GERMAN = [("Björn Müller", "bjoern.mueller@acme.de"), ("Käthe Köhler", "kaethe.koehler@acme.de")]


def test_long_umlaut_spellings_are_a_common_format_and_are_learned():
    guesses = guess_addresses("Jürgen Schäfer", GERMAN)
    assert guesses[0].address == "juergen.schaefer@acme.de"
    assert guesses[0].evidence.startswith("2 of 2 known addresses at acme.de are first.last")
    assert "writes ä, ö, ü, ø as ae, oe, ue, oe as 2 known addresses do" in guesses[0].evidence
    assert "spelling that writes ä, ö, ü, ø as a, o, u, o" in guesses[1].evidence
    assert guesses[1].address == "jurgen.schafer@acme.de"
    assert guesses[1].confidence < guesses[0].confidence


def test_short_umlaut_spellings_are_learned_too():
    known = [("Björn Müller", "bjorn.muller@acme.de")]
    assert guess_addresses("Jürgen Schäfer", known)[0].address == "jurgen.schafer@acme.de"
    assert patterns_matching("Søren Ørsted", "soeren.oersted") == ["first.last"]
    assert patterns_matching("Jürgen Groß", "jgross") == ["flast"]


def test_disagreeing_known_addresses_give_less_confidence_than_agreeing_ones():
    one_agrees = guess_addresses("Jane Doe", [("Bob Roe", "bob.roe@acme.com")])[0]
    two_of_three = guess_addresses("Jane Doe", [
        ("Bob Roe", "bob.roe@acme.com"), ("Ann Lee", "ann.lee@acme.com"),
        ("Tom Fox", "tfox@acme.com")])[0]
    all_three = guess_addresses("Jane Doe", [
        ("Bob Roe", "bob.roe@acme.com"), ("Ann Lee", "ann.lee@acme.com"),
        ("Tom Fox", "tom.fox@acme.com")])[0]
    assert two_of_three.confidence < one_agrees.confidence < all_three.confidence


@pytest.mark.parametrize(("name", "known", "best"), [
    # Spanish names: the company writes the first surname only.
    ("José Pérez Rodríguez", [("María García López", "maria.garcia@acme.es")],
     "jose.perez@acme.es"),
    ("Ana Martín Gómez", [("José Pérez Rodríguez", "jose.perez@acme.es")],
     "ana.martin@acme.es"),
    # ... or both surnames, as the known address shows.
    ("Ana Martín Gómez", [("José Pérez Rodríguez", "jose.rodriguez@acme.es")],
     "ana.gomez@acme.es"),
    # Particles kept or dropped.
    ("Jan van der Berg", [("Piet de Vries", "piet.devries@acme.nl")], "jan.vanderberg@acme.nl"),
    ("Jan van der Berg", [("Piet de Vries", "piet.vries@acme.nl")], "jan.berg@acme.nl"),
    ("Ahmad bin Abdullah", [("Ali bin Hassan", "ali.hassan@acme.my")], "ahmad.abdullah@acme.my"),
    ("Seán Ó Briain", [("Máire Nic Giolla", "maire.nicgiolla@acme.ie")], "sean.obriain@acme.ie"),
    # Apostrophes and hyphens.
    ("Conor O'Connor", [("Pat O'Neill", "pat.o'neill@acme.ie")], "conor.o'connor@acme.ie"),
    ("Conor O'Connor", [("Pat O'Neill", "pat.oneill@acme.ie")], "conor.oconnor@acme.ie"),
    ("Anne-Marie Smith-Jones", [("Jean-Luc Picard-Riker", "jean-luc.picard-riker@acme.fr")],
     "anne-marie.smith-jones@acme.fr"),
    ("Anne-Marie Smith-Jones", [("Jean-Luc Picard-Riker", "jean.picard@acme.fr")],
     "anne.smith@acme.fr"),
])
def test_name_spellings_follow_the_known_addresses(name, known, best):
    assert guess_addresses(name, known)[0].address == best


def test_a_name_in_another_alphabet_is_transliterated_and_says_so():
    (guess,) = guess_addresses("Дмитрий Иванов", [("Bob Roe", "bob.roe@acme.com")], limit=1)
    assert guess.address == "dmitriy.ivanov@acme.com"
    assert guess.evidence.endswith("Latin spelling by transliteration")
    assert guess.confidence < guess_addresses("Dmitriy Ivanov",
                                              [("Bob Roe", "bob.roe@acme.com")])[0].confidence
    assert guess_addresses("Γιώργος Παπαδόπουλος", [], domain="acme.gr")[0].address == (
        "giorgos.papadopoylos@acme.gr")


@pytest.mark.parametrize(("name", "script"), [
    ("王伟", "Chinese or Japanese characters"), ("山田 太郎", "Chinese or Japanese characters"),
    ("김민준", "Korean hangul"), ("محمد علي", "Arabic script"), ("דוד כהן", "Hebrew script"),
])
def test_a_name_without_a_reliable_latin_spelling_gets_a_clear_no_guess(name, script):
    with pytest.raises(ValueError, match=f"no guess for .*: a name in {script} has no single "
                                         "Latin spelling; type it as the person writes it"):
        guess_addresses(name, [], domain="acme.com")


def test_a_middle_initial_is_never_taken_for_a_surname():
    guesses = guess_addresses("Jane Q. Doe", [("Bob Roe", "bob.roe@acme.com")], limit=11)
    assert guesses[0].address == "jane.doe@acme.com"
    assert "jane.q@acme.com" not in [g.address for g in guesses]


def test_guesses_do_not_depend_on_the_order_of_the_known_addresses():
    known = [("Bob Roe", "bob.roe@acme.com"), ("Ann Lee", "alee@acme.com"),
             ("Björn Müller", "bjoern.mueller@acme.com")]
    assert guess_addresses("Jürgen Schäfer", known) == guess_addresses(
        "Jürgen Schäfer", list(reversed(known)))


def test_a_suffix_and_a_middle_name_do_not_take_the_surnames_place():
    (best, *_rest) = guess_addresses("Martin Luther King Jr.", [("Pat Smith", "psmith@acme.com")])
    assert best.address == "mking@acme.com"
    other = next(g for g in guess_addresses("Martin Luther King Jr.",
                                            [("Pat Smith", "psmith@acme.com")], limit=10)
                 if g.address == "mluther@acme.com")
    assert "takes Luther as the surname, not King" in other.evidence


@pytest.mark.parametrize(("name", "known", "best"), [
    ("Nguyễn Thị Mai", [("Pat Smith", "psmith@acme.com")], "mnguyen@acme.com"),
    ("Nguyễn Thị Mai", [("Trần Văn Hùng", "hung.tran@acme.vn")], "mai.nguyen@acme.vn"),
    ("Nguyen Van An", [("Pat Smith", "pat.smith@acme.com")], "an.nguyen@acme.com"),
])
def test_a_vietnamese_name_is_guessed_with_its_family_name_and_explained(name, known, best):
    guesses = guess_addresses(name, known, limit=20)
    assert guesses[0].address == best
    for guess in guesses:
        assert "surname" not in guess.evidence  # Thị and Văn are middle names
        assert "the family name (written first)" in guess.evidence
