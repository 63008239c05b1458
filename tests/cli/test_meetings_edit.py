"""`followup meetings edit` as a user runs it: a real invite imported into a real library
folder comes in with no company, and the command line corrects it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.core.templates import gap
from followup.paths import library_path
from followup.store import followups as fu
from followup.store.library import Library

pytestmark = pytest.mark.slow

# A past coffee chat whose people write from free mail: nothing names the company.
INVITE = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Calendar//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:coffee-2025-06-12@example.org
DTSTAMP:20250601T090000Z
DTSTART:20250612T160000Z
DTEND:20250612T164500Z
SUMMARY:Coffee chat
ORGANIZER;CN=Mina Park:mailto:mina.park@gmail.com
ATTENDEE;CN=Mina Park;ROLE=REQ-PARTICIPANT:mailto:mina.park@gmail.com
ATTENDEE;CN=Leo Grant;ROLE=REQ-PARTICIPANT:mailto:leo.grant@outlook.com
END:VEVENT
END:VCALENDAR
"""


def run(folder: Path, *args: str):
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


@pytest.fixture
def imported(tmp_path):
    folder = tmp_path / "lib"
    invite = tmp_path / "coffee.ics"
    invite.write_text(INVITE.replace("\n", "\r\n"))
    out = run(folder, "import", str(invite), "--format", "json")
    assert out.returncode == 0, out.stderr
    meeting = json.loads(out.stdout)["meetings"][0]
    assert run(folder, "profile", "--name", "Sam Rivera", "--phone", "+1 415 555 0134"
               ).returncode == 0
    drafts = run(folder, "drafts", "--meeting", str(meeting), "--format", "json")
    assert drafts.returncode == 0, drafts.stderr
    return folder, meeting, json.loads(drafts.stdout)


def test_an_invite_without_a_company_is_corrected(imported):
    folder, meeting, drafts = imported
    assert all(gap("company") in d["body"] for d in drafts)
    out = run(folder, "meetings", "edit", str(meeting), "--company", "Northwind",
              "--domain", "northwind.io", "--role", "Data Engineer", "--kind",
              "networking coffee", "--start", "2025-06-12T16:00+00:00", "--end",
              "2025-06-12T17:00Z", "--location", "Blue Bottle, Market St", "--format", "json")
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["company"] == "Northwind" and shown["company_domain"] == "northwind.io"
    assert shown["kind"] == "networking_coffee" and shown["drafts_rewritten"] == len(drafts)
    assert shown["end"].startswith("2025-06-12") and shown["location"].startswith("Blue Bottle")
    after = json.loads(run(folder, "drafts", "--meeting", str(meeting), "--format", "json")
                       .stdout)
    assert all(gap("company") not in d["body"] and "Northwind" in d["body"] for d in after)
    listed = json.loads(run(folder, "meetings", "--format", "json").stdout)
    assert listed[0]["company"] == "Northwind" and listed[0]["role"] == "Data Engineer"


def test_an_edited_draft_says_the_meeting_changed(imported):
    folder, meeting, drafts = imported
    library = Library(library_path(folder))
    try:
        first = drafts[0]
        fu.save_draft(library, first["id"], first["subject"], "Hello Mina,\n\nMy own words.")
    finally:
        library.close()
    out = run(folder, "meetings", "edit", str(meeting), "--company", "Northwind")
    assert out.returncode == 0, out.stderr
    assert "1 edited draft(s) now say the meeting changed" in out.stdout
    after = {d["id"]: d for d in json.loads(
        run(folder, "drafts", "--meeting", str(meeting), "--format", "json").stdout)}
    assert after[first["id"]]["body"] == "Hello Mina,\n\nMy own words."
    assert after[first["id"]]["out_of_date"] and after[first["id"]]["meeting_out_of_date"]


@pytest.mark.parametrize(("args", "words"), [
    (["--kind", "brunch"], "--kind 'brunch' is not a meeting kind; use one of: "),
    (["--start", "tomorrow at noon"], "--start 'tomorrow at noon' is not a date and time"),
    (["--end", "2025-06-12 10:00"], "--end (2025-06-12 10:00) must come after the start"),
    (["--domain", "northwind"], "--domain 'northwind' is not a domain"),
    (["--role", "x" * 600], "--role is 600 characters long; the most Followup keeps is 500"),
    ([], "say what to change"),
])
def test_bad_values_are_refused_with_exit_2_and_change_nothing(imported, args, words):
    folder, meeting, _drafts = imported
    before = run(folder, "meetings", "--format", "json").stdout
    end = ["--end", "2025-06-12 10:00"] == args
    out = run(folder, "meetings", "edit", str(meeting), *args,
              *(["--start", "2025-06-12 12:00"] if end else []))
    assert out.returncode == 2 and words in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1
    assert run(folder, "meetings", "--format", "json").stdout == before


def test_an_unknown_meeting(imported):
    folder, _meeting, _drafts = imported
    out = run(folder, "meetings", "edit", "999", "--role", "Engineer")
    assert out.returncode == 2 and "there is no meeting 999" in out.stderr
