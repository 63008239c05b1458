"""From the end of a meeting to a sent note, on real library files, real .ics files, real
processes and a real SMTP server on loopback: follow-ups exist as soon as a meeting is over,
a real library is the user's own, and nothing leaves without the user's yes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followup.core.reminders import due_reminders
from followup.core.status import Status
from followup.paths import library_path
from followup.store import followups as fu
from followup.store.library import Library, MeetingInput, PersonSpec
from followup.store.status_list import due_count, status_rows

DATA = Path(__file__).parent.parent / "data"
ENDED = datetime(2030, 3, 4, 15, 0, tzinfo=UTC)


def run(folder: Path, *args: str, env_extra=None, stdin=subprocess.DEVNULL):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=env, timeout=120, stdin=stdin)


def past_meeting(library: Library, end: datetime = ENDED, people=None) -> int:
    people = people or [
        PersonSpec("Ada Byron", "Engineering Manager", "ada@analytical.example",
                   notes="! the queue rewrite\n+ I ran the same migration at my last job"),
        PersonSpec("Charles Babbage", "Staff Engineer", "charles@analytical.example",
                   notes="! difference engine backlog\n? asked about sharding, I was vague"),
        PersonSpec("Skipped Person", "Office manager", "office@analytical.example")]
    meeting = library.create_meeting(MeetingInput(
        company="Analytical", role="Backend Engineer", kind="panel_interview",
        scheduled_start=end - timedelta(hours=1), scheduled_end=end, people=people))
    skipped = library.meeting(meeting).attendees[-1]
    if skipped.name == "Skipped Person":
        fu.set_no_followup(library, skipped.attendance_id, True)
    return meeting


# --- deadlines exist the moment a meeting ends ----------------------------------------------

def test_follow_ups_open_when_the_scheduled_end_passes_not_when_drafts_are_asked_for(library):
    meeting = past_meeting(library)
    assert fu.open_ended_followups(library, now=ENDED - timedelta(minutes=1)) == []
    assert fu.followups_for_meeting(library, meeting) == []
    opened = fu.open_ended_followups(library, now=ENDED + timedelta(seconds=1))
    views = fu.followups_for_meeting(library, meeting)
    assert [v.id for v in views] == opened
    assert [v.person_name for v in views] == ["Ada Byron", "Charles Babbage"]
    assert all(v.status is Status.DRAFT and not v.drafted for v in views)
    assert all(v.deadline.due == ENDED + timedelta(hours=24) for v in views)
    assert views[0].history[0].detail.startswith("meeting ended")
    # Drafting later fills the same follow-ups: no second row, the clock unchanged.
    ids = fu.ensure_drafts(library, views[0].meeting_id)
    assert ids == [v.id for v in views]
    assert all(fu.followup_view(library, i).body.startswith("Hi ") for i in ids)


def test_end_pressed_opens_the_follow_ups_at_once(library):
    meeting = library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Jo Li")]))
    assert fu.followups_for_meeting(library, meeting) == []
    library.start_meeting(meeting)
    library.end_meeting(meeting)
    assert [v.person_name for v in fu.followups_for_meeting(library, meeting)] == ["Jo Li"]
    assert due_count(library, datetime.now(UTC)) == 1


def test_an_imported_past_ics_meeting_is_listed_and_reminds(library):
    from followup.store.formats import import_file

    created = import_file(library, DATA / "google_calendar.ics")
    meeting = library.meeting(created["meetings"][0])
    end = meeting.scheduled_end
    soon = end + timedelta(hours=19)  # 5 hours left of the 24
    items = fu.reminder_items(library, soon)
    assert len(items) == len(meeting.attendees) > 0
    reminders = due_reminders(items, set(), soon)
    assert {r.threshold for r in reminders} == {"soon"}
    overdue = end + timedelta(hours=30)
    assert {r.view.person_name for r in status_rows(library, overdue, "overdue")} == {
        a.name for a in meeting.attendees}
    assert due_count(library, overdue) == len(meeting.attendees)


def test_an_imported_past_json_meeting_is_due_without_drafts(library):
    from followup.store.interchange import import_library

    import_library(library, {"format": "followup", "version": 1, "meetings": [{
        "company": "Globex", "role": "SRE", "kind": "phone_screen",
        "scheduled_start": (ENDED - timedelta(hours=1)).isoformat(),
        "scheduled_end": ENDED.isoformat(),
        "people": [{"name": "Hank Scorpio", "email": "hank@globex.example"}]}]})
    rows = status_rows(library, ENDED + timedelta(hours=2), "to do")
    assert [r.view.person_name for r in rows] == ["Hank Scorpio"]


def test_status_command_lists_an_ended_meeting_before_any_drafts(tmp_path):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    past_meeting(library, end=datetime.now(UTC) - timedelta(hours=2))
    library.close()
    out = run(folder, "status", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert sorted(r["person"]["name"] for r in rows) == ["Ada Byron", "Charles Babbage"]
    assert {r["state"] for r in rows} == {"comfortable"}
    assert {r["state_label"] for r in rows} == {"plenty of time"}
    text = run(folder, "status").stdout
    assert "plenty of time" in text and "comfortable" not in text


# --- a real library is the user's own -------------------------------------------------------

def test_a_fresh_library_starts_empty(tmp_path):
    folder = tmp_path / "new"
    out = run(folder, "--smoke", env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    library = Library(library_path(folder))
    try:
        assert library.list_meetings() == []
        profile = library.profile()
        assert (profile.name, profile.phone) == ("", "")
        now = datetime.now(UTC)
        assert status_rows(library, now) == [] and due_count(library, now) == 0
    finally:
        library.close()
    assert run(folder, "status").stdout.strip() == "No follow-ups yet."


def test_demo_leaves_no_folder_behind(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = subprocess.run([sys.executable, "-m", "followup", "--demo", "--smoke"],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TMPDIR": str(scratch),
                              "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert list(scratch.iterdir()) == []


def test_profile_command_changes_the_signature_of_untouched_drafts_only(tmp_path):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    library.save_profile(name="Sam Rivera", phone="+1 415 555 0134")
    meeting = past_meeting(library)
    ada, charles = fu.ensure_drafts(library, meeting)
    edited = fu.followup_view(library, charles)
    fu.save_draft(library, charles, edited.subject, edited.body.replace("Hi ", "Hello ", 1))
    library.close()

    shown = run(folder, "profile", "--format", "json")
    assert json.loads(shown.stdout)["name"] == "Sam Rivera"
    out = run(folder, "profile", "--name", "Samira Rivera", "--phone", "+44 20 7946 0958")
    assert out.returncode == 0, out.stderr
    library = Library(library_path(folder))
    try:
        untouched = fu.followup_view(library, ada).body
        assert "Samira Rivera" in untouched and "+44 20 7946 0958" in untouched
        assert "555" not in untouched  # never two phone numbers
        assert not fu.followup_view(library, ada).signature_out_of_date
        kept = fu.followup_view(library, charles)
        assert kept.body.startswith("Hello ") and "+1 415 555 0134" in kept.body
        assert kept.signature_out_of_date
    finally:
        library.close()
    bad = run(folder, "profile", "--email", "not an address")
    assert bad.returncode == 2 and "not an email address" in bad.stderr


# --- nothing leaves without the user's yes ----------------------------------------------------

@pytest.fixture
def sendable(tmp_path):
    """A library with a profile, an account on a loopback server and an ended meeting: Ada's
    draft is complete, Charles's has a gap for his `?` note."""
    from tests import smtp_server as servers

    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    library.save_profile(name="Sam Rivera", phone="+1 415 555 0134", email="sam@example.com")
    meeting = past_meeting(library, end=datetime.now(UTC) - timedelta(hours=1))
    ada, charles = fu.ensure_drafts(library, meeting)
    library.close()
    with servers.running_server("none", auth=False) as server:
        assert run(folder, "account", "--host", server.host, "--port", str(server.port),
                   "--security", "none", "--from", "Sam Rivera <sam@example.com>"
                   ).returncode == 0
        yield folder, server, ada, charles


def status_of(folder: Path, followup_id: int) -> Status:
    library = Library(library_path(folder))
    try:
        return fu.followup_view(library, followup_id).status
    finally:
        library.close()


def test_send_with_a_gap_sends_nothing_and_names_the_gap(sendable):
    folder, server, _ada, charles = sendable
    out = run(folder, "send", str(charles), "--yes")
    assert out.returncode == 1
    assert "not sent: Fill in the gap [" in out.stderr
    assert server.received == [] and status_of(folder, charles) is Status.DRAFT


def test_send_without_a_terminal_and_without_yes_sends_nothing(sendable):
    folder, server, ada, _charles = sendable
    out = run(folder, "send", str(ada))
    assert out.returncode == 2 and "nobody to ask" in out.stderr
    assert "To:      Ada Byron <ada@analytical.example>" in out.stderr
    assert server.received == [] and status_of(folder, ada) is Status.DRAFT


def test_send_yes_to_a_guessed_address_sends_nothing_until_confirmed(sendable):
    folder, server, ada, _charles = sendable
    library = Library(library_path(folder))
    library.update_person(fu.followup_view(library, ada).person_id, email_is_guess=True)
    library.close()
    out = run(folder, "send", str(ada), "--yes")
    assert out.returncode == 1 and "--address-confirmed" in out.stderr
    assert "(guessed, not confirmed)" in out.stderr
    assert server.received == []
    sent = run(folder, "send", str(ada), "--yes", "--address-confirmed")
    assert sent.returncode == 0, sent.stderr
    assert [r.rcpt_tos for r in server.received] == [["ada@analytical.example"]]
    again = run(folder, "send", str(ada), "--yes", "--address-confirmed")
    assert again.returncode == 1 and "already sent" in again.stderr
    assert len(server.received) == 1
    assert status_of(folder, ada) is Status.SENT


def test_send_asks_on_a_terminal(sendable):
    import pty

    folder, server, ada, _charles = sendable
    for answer, sent in (("n\n", 0), ("y\n", 1)):
        leader, follower = pty.openpty()
        os.write(leader, answer.encode())
        out = run(folder, "send", str(ada), stdin=follower)
        os.close(follower)
        os.close(leader)
        assert len(server.received) == sent, out.stderr
        assert out.returncode == (0 if sent else 1), out.stderr


# --- marking sent by hand: the same preflight, asked the same way ------------------------------

def test_mark_sent_with_a_gap_and_no_terminal_records_nothing_without_yes(sendable):
    folder, server, _ada, charles = sendable
    sent = run(folder, "send", str(charles), "--yes")
    out = run(folder, "mark-sent", str(charles), "--channel", "Gmail")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "not marked sent: The draft still has the gap [" in out.stderr
    assert "--yes" in out.stderr and "run it in a terminal" in out.stderr
    # One policy: the send names the same gap.
    gap = out.stderr.split("gap ")[1].split("]")[0]
    assert f"Fill in the gap {gap}]" in sent.stderr
    assert status_of(folder, charles) is Status.DRAFT
    yes = run(folder, "mark-sent", str(charles), "--channel", "Gmail", "--yes")
    assert yes.returncode == 0, yes.stderr
    assert yes.stdout.startswith("sent: ") and "(Gmail)" in yes.stdout
    assert status_of(folder, charles) is Status.SENT
    assert server.received == []  # recorded, never sent


def test_mark_sent_of_a_complete_draft_asks_nothing_and_a_second_record_needs_yes(sendable):
    folder, _server, ada, _charles = sendable
    out = run(folder, "mark-sent", str(ada), "--channel", "in person")
    assert out.returncode == 0, out.stderr
    assert status_of(folder, ada) is Status.SENT
    again = run(folder, "mark-sent", str(ada), "--channel", "phone")
    assert again.returncode == 2 and "already recorded as sent (in person)" in again.stderr
    library = Library(library_path(folder))
    try:
        assert [h.status for h in fu.followup_view(library, ada).history].count("sent") == 1
    finally:
        library.close()


def test_mark_sent_of_no_follow_up_needed_is_refused(sendable):
    folder, _server, ada, _charles = sendable
    library = Library(library_path(folder))
    try:
        view = fu.followup_view(library, ada)
        fu.set_no_followup(library, view.attendance_id, True)
    finally:
        library.close()
    out = run(folder, "mark-sent", str(ada), "--channel", "phone", "--yes")
    assert out.returncode == 1 and "No follow-up needed" in out.stderr
    assert "Traceback" not in out.stderr and status_of(folder, ada) is Status.SKIPPED


def test_mark_sent_asks_on_a_terminal(sendable):
    import pty

    folder, _server, _ada, charles = sendable
    for answer, recorded in (("n\n", False), ("y\n", True)):
        leader, follower = pty.openpty()
        os.write(leader, answer.encode())
        out = run(folder, "mark-sent", str(charles), "--channel", "Gmail", stdin=follower)
        os.close(follower)
        os.close(leader)
        assert "Record it as sent anyway? [y/N]" in out.stdout, out.stdout
        assert out.returncode == (0 if recorded else 1), out.stderr
        assert (status_of(folder, charles) is Status.SENT) is recorded


def test_send_of_a_note_without_a_subject_is_refused_before_anything_leaves(sendable):
    """A message that cannot be built is a blocking finding of the same preflight: said with
    the summary, nothing recorded, nothing sent."""
    folder, server, ada, _charles = sendable
    library = Library(library_path(folder))
    try:
        fu.save_draft(library, ada, "", fu.followup_view(library, ada).body)
    finally:
        library.close()
    out = run(folder, "send", str(ada), "--yes")
    assert out.returncode == 1 and "not sent: Add a subject line" in out.stderr
    assert "Traceback" not in out.stderr
    assert server.received == [] and status_of(folder, ada) is Status.DRAFT
