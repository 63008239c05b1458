"""The spell checker (Enchant with the system's Hunspell dictionaries, pyspellchecker where
Enchant cannot load), the user's Englishes, the personal word list, and phone numbers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from followup.core import spelling
from followup.core.phones import find_phone_numbers
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
    assert "really" in suggestions("realy")
    assert suggestions("platfrom")[0] == "platform"
    assert "Manager" in suggestions("Managr", limit=2)
    assert len(suggestions("teh", limit=3)) <= 3
    assert all(w.lower() != "realy" for w in suggestions("realy"))


def test_the_dictionary_and_the_word_counts_are_loaded_once():
    assert spelling.speller() is spelling.speller()
    assert spelling.checker() is spelling.checker()
    counts = spelling.checker().word_frequency
    assert counts["the"] > counts["moment"] > counts["kubernetes"] == counts["zqxwv"] == 0
    assert counts["sourdough"] == 0  # rarer than COUNTED_FROM: what the checklist asks is the same


def installed(*languages: str) -> bool:
    try:
        return set(languages) <= set(spelling.available_languages())
    except (ImportError, OSError):
        return False


needs = pytest.mark.skipif(not installed("en_US", "en_GB"),
                           reason="the hunspell-en-us and hunspell-en-gb dictionaries (./dev)")
BRITISH = ["colour", "organised", "programme", "centre", "favourite"]


@needs
def test_british_spellings_pass_in_british_english_and_are_flagged_in_american():
    note = "The colour of the programme, the centre I organised, my favourite part."
    spelling.use("en_US")
    assert "Hunspell, American English" in spelling.engine()
    assert flagged(note) == ["colour", "programme", "centre", "organised", "favourite"]
    spelling.use("en_GB")
    assert "Hunspell, British English" in spelling.engine()
    assert flagged(note) == []
    assert flagged("The color of the program.") == ["color"]


@needs
@pytest.mark.parametrize("language", ["en_US", "en_GB"])
def test_each_english_knows_the_workplace_and_flags_slips(language):
    spelling.use(language)
    assert flagged("We refactored the cron jobs and the linkedin microservices at standup.") == []
    assert flagged("I realy enjoyed it and recieved the deck.") == ["realy", "recieved"]
    assert spelling.has_close_correction("platfrom") and not spelling.has_close_correction(
        "pgbouncer")


@needs
def test_an_english_that_is_not_installed_uses_the_nearest_that_is():
    if installed("en_IN"):
        pytest.skip("en_IN is installed here")
    spelling.use("en_IN")
    assert spelling.speller().language == "en_GB"
    assert "no Indian English dictionary here" in spelling.engine()
    assert flagged(" ".join(BRITISH)) == []


def test_the_default_english_is_the_locales(monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert spelling.default_language() == "en_GB"
    monkeypatch.setenv("LC_ALL", "en_AU.UTF-8")
    assert spelling.default_language() == "en_AU"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert spelling.default_language() == "en_US"
    assert spelling.language_problem("en_NZ") and spelling.language_problem("en_GB") is None


def test_the_personal_word_list_is_enchants(tmp_path):
    path = tmp_path / "dictionary.txt"
    path.write_text("pgbouncer\nZyntrax\n", encoding="utf-8")
    spelling.use("en_US", path)
    assert flagged("pgbouncer and zyntrax and kafkaesqe") == ["kafkaesqe"]
    assert "pgbouncer" in [w.lower() for w in suggestions("pgbouncerr")]
    add_user_word(path, "kafkaesqe")  # known at once, and kept for the next start
    assert flagged("pgbouncer and zyntrax and kafkaesqe") == []
    assert load_user_words(path) == {"kafkaesqe", "pgbouncer", "Zyntrax"}
    spelling.use("en_GB", path)
    assert flagged("kafkaesqe in the colour scheme") == []


def test_the_users_own_words_are_never_misspellings():
    signature = "Jo Maxwell\n+1 415 555 0199 · linkedin.com/in/jmaxwelldev · jmxw.github.io/blgo"
    own = spelling.own_words("Jo Maxwell", "jo.mxwll@example.com", signature,
                             "Spotify playlists | https://open.spotify.com/user/jmxw | cron, zoo")
    assert {"jmaxwelldev", "mxwll", "spotify", "jmxw", "cron"} <= own
    note = "Best,\nJo\nlinkedin.com/in/jmaxwelldev\nmy spotify and jmxw scripts"
    assert flagged(note) == ["spotify", "jmxw"]  # the address is skipped, bare words are not
    assert flagged(note, own) == []


def run_without_enchant(code: str) -> dict:
    """Run `code` in a new Python whose `import enchant` fails, as in a build without it;
    `code` sets `result`, printed back as JSON."""
    program = ("import sys, json\nsys.modules['enchant'] = None  # import enchant: ImportError\n"
               + code + "\nprint(json.dumps(result))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_without_enchant_the_word_list_checks_and_says_so(tmp_path):
    path = tmp_path / "dictionary.txt"
    path.write_text("pgbouncer\n", encoding="utf-8")
    result = run_without_enchant(f"""
from followup.core import spelling
spelling.use("en_GB", {str(path)!r})
result = {{"engine": spelling.engine(),
          "flagged": [w for _s, _e, w in spelling.misspellings(
              "I realy liked pgbouncer and the platfrom.")],
          "suggestions": spelling.suggestions("platfrom"),
          "close": spelling.has_close_correction("platfrom")}}
""")
    assert result["engine"].startswith("pyspellchecker ")
    assert "Enchant could not load" in result["engine"]
    assert result["flagged"] == ["realy", "platfrom"]
    assert result["suggestions"][0] == "platform" and result["close"]


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


@needs
def test_suggestions_take_tens_of_ms_not_a_second():
    spelling.speller()
    started = time.perf_counter()
    for word in ("pgbouncerr", "Kubernetesified"):
        suggestions(word)
    assert time.perf_counter() - started < 1.0  # pyspellchecker's took 0.85-1.35 s each


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


@pytest.mark.parametrize("text", ["We grew to 1200000 users in 2023.",
                                  "Ticket 123456789 was closed on 2024-05-01 at 10:30.",
                                  "On 3/14/2024 we met.", "call me"])
def test_numbers_that_are_not_phones(text):
    assert find_phone_numbers(text) == []


def test_national_format_of_another_region():
    assert find_phone_numbers("020 7946 0958")[0][2] == "020 7946 0958"  # a trunk 0: any region
    assert find_phone_numbers("020 7946 0958", default_region="GB")[0][2] == "020 7946 0958"
