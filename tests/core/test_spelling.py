"""The spell checker, the user dictionary, and phone-number recognition."""

from __future__ import annotations

import pytest

from followup.core import spelling
from followup.core.phones import find_phone_numbers, is_plausible_phone
from followup.core.spelling import add_user_word, load_user_words, misspellings, suggestions


def flagged(text: str, ignore=frozenset()) -> list[str]:
    return [word for _s, _e, word in misspellings(text, ignore)]


def test_misspellings_give_offsets_into_the_text():
    text = "I realy enjoyed the chat.\nIt was definately useful."
    found = misspellings(text, set())
    assert [(text[s:e], w) for s, e, w in found] == [("realy", "realy"),
                                                     ("definately", "definately")]


@pytest.mark.parametrize("text", [
    "See https://sam.dev/blgo/kafak-replay and www.exmple.org/pth for the post.",
    "Mail me at sam.ortz@exmple.com any time.",
    "I used `kubectl rollout` and ```\nfoo_barr = qux()\n``` in the demo.",
    "We moved logs to S3 and cut p99 latency 10x with gRPC.",
    "The AWS and GCP bills, and the SRE rota.",
    "I met Priyanka and Dmitri, who use Zyntrax and Kubernetes on iOS and GitHub.",
    "The team's roadmap, the teams' standups, and they\u2019re onboarding a meetup.",
])
def test_things_that_are_not_misspellings(text):
    assert flagged(text) == []


def test_capitalised_words_are_checked_at_the_start_of_a_sentence():
    assert flagged("Recieve it. Thnaks again!") == ["Recieve", "Thnaks"]
    assert flagged("Hi Mark,\n\nThanks.\n\nJessica Maxwell") == []  # greeting and signature


def test_ignore_words_and_terms_any_case():
    text = "We talked about pgbouncer, Objective-C and zyntrax's API."
    assert flagged(text) == ["pgbouncer", "zyntrax"]  # the owner, ready for the dictionary
    assert flagged(text, {"PgBouncer", "Zyntrax"}) == []
    assert flagged("fooq and barq", {"Fooq Barq"}) == []


def test_hyphenated_words_are_checked_by_part():
    assert flagged("an eye-opening, well-desinged session") == ["desinged"]


def test_suggestions_keep_capitals_and_the_limit():
    assert suggestions("realy")[0] == "really"
    assert "Manager" in suggestions("Managr", limit=2)
    assert len(suggestions("teh", limit=3)) <= 3
    assert suggestions("qxzqxzqxz") == []


def test_the_checker_is_loaded_once():
    assert spelling.checker() is spelling.checker()


def test_user_dictionary_round_trip(tmp_path):
    path = tmp_path / "sub" / "dictionary.txt"
    assert load_user_words(path) == frozenset()
    add_user_word(path, "Zyntrax")
    add_user_word(path, "pgbouncer")
    add_user_word(path, "zyntrax")  # already there, whatever the case
    assert path.read_text(encoding="utf-8").splitlines() == ["pgbouncer", "Zyntrax"]
    assert load_user_words(path) == {"pgbouncer", "Zyntrax"}
    assert [p.name for p in path.parent.iterdir()] == ["dictionary.txt"]  # no temp file left
    assert flagged("pgbouncer and zyntrax", load_user_words(path)) == []


def test_user_dictionary_skips_blank_lines_and_refuses_phrases(tmp_path):
    path = tmp_path / "dictionary.txt"
    path.write_text("\n  kubectl \n\n", encoding="utf-8")
    assert load_user_words(path) == {"kubectl"}
    for bad in ("", "two words", "line\nbreak"):
        with pytest.raises(ValueError):
            add_user_word(path, bad)
    assert load_user_words(path) == {"kubectl"}


def test_a_failed_write_leaves_the_old_dictionary(tmp_path, monkeypatch):
    path = tmp_path / "words" / "dictionary.txt"
    add_user_word(path, "kubectl")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(spelling.os, "replace", broken_replace)
    with pytest.raises(OSError):
        add_user_word(path, "pgbouncer")
    assert load_user_words(path) == {"kubectl"}
    assert [p.name for p in path.parent.iterdir()] == ["dictionary.txt"]


# --- phones ----------------------------------------------------------------------------------

@pytest.mark.parametrize("phone", ["(555) 123-4567", "555.123.4567", "555-123-4567",
                                   "5551234567", "+44 20 7946 0958", "+1-415-555-0100",
                                   "+1 (415) 555-0100", "+49 30 901820"])
def test_phone_formats(phone):
    text = f"Best,\nSam Ortiz\n{phone}\n"
    found = find_phone_numbers(text)
    assert [(text[s:e], raw) for s, e, raw in found] == [(phone, phone)]
    assert is_plausible_phone(phone)


@pytest.mark.parametrize("text", ["We grew to 1200000 users in 2023.",
                                  "Ticket 123456789 was closed on 2024-05-01 at 10:30.",
                                  "On 3/14/2024 we met.", "call me"])
def test_numbers_that_are_not_phones(text):
    assert find_phone_numbers(text) == []
    assert not is_plausible_phone(text)


def test_national_format_of_another_region():
    assert find_phone_numbers("020 7946 0958")[0][2] == "020 7946 0958"  # a trunk 0: any region
    assert find_phone_numbers("020 7946 0958", default_region="GB")[0][2] == "020 7946 0958"
