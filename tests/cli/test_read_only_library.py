"""The command line on a library on a read-only mount: the reading commands work (read-only,
saying so once on standard error), the writing ones say why they cannot, and nothing is
written. Real processes, a real read-only mount."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from followup.paths import library_path
from followup.store import followups as fu
from followup.store import models as m
from followup.store.library import Library, MeetingInput, PersonSpec
from tests.read_only_place import read_only_place, tree

pytestmark = pytest.mark.slow


def run(folder, *args):
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


@pytest.fixture
def locked(tmp_path):
    with read_only_place(tmp_path) as place:
        library = Library(library_path(place.folder))
        library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
        meeting = library.create_meeting(MeetingInput(
            company="Acme", role="Data Engineer",
            ended_at=datetime.now(UTC) - timedelta(hours=3), people=[
                PersonSpec("Ada Byron", "Engineering Manager", "ada@acme.io",
                           notes="! the Kafka rewrite"),
                PersonSpec("Bo Chen", "Staff Engineer", notes="! billing")]))
        _ada, bo = fu.ensure_drafts(library, meeting)
        # Bo's follow-up exists but is not drafted yet: `drafts` shows one, unsaved.
        with library.engine.begin() as conn:
            conn.execute(update(m.FollowUp).where(m.FollowUp.id == bo).values(
                subject="", body="", generated_subject="", generated_body=""))
        library.close()
        place.lock()
        yield place, meeting


@pytest.mark.parametrize("command", [
    ["export"], ["export", "--format", "markdown"], ["status", "--format", "json"],
    ["meetings"], ["people"], ["search", "kafka"], ["drafts", "--meeting", "1"], ["profile"],
])
def test_reading_commands_work_read_only(locked, command):
    place, _meeting = locked
    before = tree(place.folder)
    out = run(place.folder, *command)
    assert out.returncode == 0, out.stderr
    assert out.stderr.startswith("followup: reading ") and "read-only" in out.stderr
    assert out.stdout.strip()
    assert tree(place.folder) == before


def test_what_reading_commands_show(locked, tmp_path):
    place, meeting = locked
    exported = json.loads(run(place.folder, "export").stdout)
    assert exported["meetings"][0]["company"] == "Acme"
    drafts = json.loads(run(place.folder, "drafts", "--meeting", str(meeting), "--format",
                            "json").stdout)
    assert all(d["body"].startswith("Hi ") for d in drafts)  # Bo's drafted now, not saved
    # The export of a read-only library imports into a writable one.
    copy = tmp_path / "export.json"
    assert run(place.folder, "export", "-o", str(copy)).returncode == 0
    assert run(tmp_path / "writable", "import", str(copy)).returncode == 0


@pytest.mark.parametrize("command", [
    ["profile", "--name", "Someone"], ["meetings", "edit", "1", "--role", "CTO"],
    ["drafts", "--meeting", "1", "--regenerate"], ["mark-sent", "1", "--channel", "phone"],
])
def test_writing_commands_say_why_they_cannot(locked, command, tmp_path):
    place, _meeting = locked
    before = tree(place.folder)
    out = run(place.folder, *command)
    assert out.returncode == 2
    assert "cannot write" in out.stderr and "followup export" in out.stderr
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1
    assert tree(place.folder) == before
