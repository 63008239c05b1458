"""`followup search` as a user runs it: a real process on a real library folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec

pytestmark = pytest.mark.slow


def run(folder, *args: str):
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), "search",
                           *args], capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    library.create_meeting(MeetingInput(company="Café Nord", role="Platform Engineer", people=[
        PersonSpec(name="Jürgen Weiß", title="CTO", notes="! the checkout rewrite ships in May"),
        PersonSpec(name="Ana Ruiz", title="Recruiter", notes="mentioned Kafka once")]))
    library.create_meeting(MeetingInput(company="Globex", people=[
        PersonSpec(name="Bo Lin", title="Staff Engineer", notes="runs Kafka on-prem")]))
    library.close()
    return folder


def test_json_has_the_meeting_person_snippet_and_match_offsets(folder):
    out = run(folder, "jurgen", "checkout", "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert [m["company"] for m in doc["meetings"]] == ["Café Nord"]
    hit = doc["meetings"][0]["hits"][0]
    assert (hit["person"], hit["title"], hit["kind"]) == ("Jürgen Weiß", "CTO", "notes")
    assert [hit["snippet"][a:b] for a, b in hit["matches"]] == ["checkout"]


def test_text_lists_each_meeting_with_its_people(folder):
    out = run(folder, "kafka")
    assert out.returncode == 0, out.stderr
    assert "Café Nord — Platform Engineer" in out.stdout and "Globex" in out.stdout
    assert "Ana Ruiz, Recruiter: mentioned Kafka once" in out.stdout
    assert "\x1b[" not in out.stdout  # no terminal codes when piped


def test_a_company_narrows_and_a_minus_word_leaves_out(folder):
    assert "Globex" not in run(folder, "kafka", "cafe").stdout
    assert "Café Nord" not in run(folder, "--", "kafka", "-recruiter").stdout


@pytest.mark.parametrize("query", ['"', "NEAR(", "(", '"kafka', "kafka -", "*", "AND"])
def test_bad_syntax_is_a_plain_message_never_a_traceback(folder, query):
    out = run(folder, "--", query)
    assert out.returncode in (0, 1, 2)
    assert "Traceback" not in out.stderr + out.stdout
    assert out.stderr == "" or out.stderr.startswith("followup: ")


def test_nothing_to_search_is_a_usage_error_with_what_to_do(folder):
    out = run(folder, "--", "-")
    assert out.returncode == 2
    assert "Put - right before a word" in out.stderr


def test_nothing_found_exits_1(folder):
    out = run(folder, "zeppelin")
    assert out.returncode == 1 and "Nothing found" in out.stdout
