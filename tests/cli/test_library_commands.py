"""The command line as a user runs it: real processes on a real library folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store.demo import seed_demo
from followup.store.library import Library

pytestmark = pytest.mark.slow


def run(*args: str, data: Path | None = None, stdin: str | None = None, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    argv = [sys.executable, "-m", "followup"]
    if data is not None:
        argv += ["--data-dir", str(data)]
    return subprocess.run([*argv, *args], capture_output=True, text=True, input=stdin, env=env,
                          timeout=120)


@pytest.fixture
def demo_dir(tmp_path):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    seed_demo(library)
    library.close()
    return folder


def test_export_import_round_trip_through_files(demo_dir, tmp_path):
    first = tmp_path / "first.json"
    assert run("export", "-o", str(first), data=demo_dir).returncode == 0
    empty = tmp_path / "empty"
    imported = run("import", str(first), "--format", "json", data=empty)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["meetings"] == [1, 2]
    second = run("export", data=empty)
    assert json.loads(second.stdout) == json.loads(first.read_text())


def test_markdown_export(demo_dir):
    out = run("export", "--format", "markdown", data=demo_dir)
    assert out.returncode == 0 and "### Priya Natarajan" in out.stdout


def test_html_export_of_one_meeting_to_a_file(demo_dir, tmp_path):
    from html.parser import HTMLParser

    out = run("export", "--format", "html", "--meeting", "2", "-o", str(tmp_path / "m.html"),
              data=demo_dir)
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    tags: list[str] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append(tag)
    parser.feed(page)
    assert "Northwind Analytics" in page and "Brightwave" not in page
    assert "script" not in tags and tags.count("style") == 1
    # The suffix chooses the format when --format is not given.
    assert run("export", "-o", str(tmp_path / "all.htm"), data=demo_dir).returncode == 0
    assert (tmp_path / "all.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "html", "--meeting", "99"), "there is no meeting 99"),
    (("--meeting", "1"), "--meeting works with --format html only"),
])
def test_html_export_refusals_are_one_line(demo_dir, args, message):
    out = run("export", *args, data=demo_dir)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_bad_import_says_where_and_writes_nothing(demo_dir, tmp_path):
    doc = json.loads(run("export", data=demo_dir).stdout)
    doc["meetings"][0]["people"][2]["email"] = 42
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    target = tmp_path / "target"
    out = run("import", str(bad), data=target)
    assert out.returncode == 2
    assert "meetings[0].people[2].email" in out.stderr and "Traceback" not in out.stderr
    assert json.loads(run("export", data=target).stdout)["meetings"] == []


def test_import_of_a_calendar_invite_and_cards(tmp_path):
    data = Path(__file__).parents[1] / "data"
    folder = tmp_path / "lib"
    out = run("import", str(data / "google_calendar.ics"), "--format", "json", data=folder)
    assert out.returncode == 0, out.stderr
    created = json.loads(out.stdout)
    assert len(created["meetings"]) == 1 and created["people"]
    cards = run("import", str(data / "vcard_4_0.vcf"), data=folder)
    assert cards.returncode == 0, cards.stderr
    broken = run("import", str(data / "broken.vcf"), data=folder)
    assert broken.returncode == 2 and "nothing was imported" in broken.stderr


def test_not_a_library_gets_a_clear_message(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    library_path(folder).write_text("not a database")
    out = run("export", data=folder)
    assert out.returncode == 2
    assert "not a Followup library" in out.stderr and "Traceback" not in out.stderr
    assert library_path(folder).read_text() == "not a database"


def test_drafts_status_mark_sent(demo_dir):
    drafts = run("drafts", "--meeting", "1", "--format", "json", data=demo_dir)
    assert drafts.returncode == 0, drafts.stderr
    items = json.loads(drafts.stdout)
    assert [d["person"]["name"] for d in items] == [
        "Priya Natarajan", "Marcus Feld", "Dana Okafor", "Tom Becker"]
    assert all({"id", "meeting_id", "subject", "body", "status"} <= set(d) for d in items)
    status = json.loads(run("status", "--format", "json", data=demo_dir).stdout)
    first = status[0]
    for key in ("draft_id", "meeting_id", "person", "company", "status", "state", "deadline",
                "seconds_left", "sent_at", "channel"):
        assert key in first
    assert first["seconds_left"] > 0 and first["deadline"][-6] in "+-"
    # Priya's draft still has a gap: with nobody to ask, nothing is recorded without --yes.
    refused = run("mark-sent", str(items[0]["id"]), "--channel", "in person", data=demo_dir)
    assert refused.returncode == 2 and "[write your better answer here]" in refused.stderr
    assert "--yes" in refused.stderr and "Traceback" not in refused.stderr
    marked = run("mark-sent", str(items[0]["id"]), "--channel", "in person", "--yes",
                 data=demo_dir)
    assert marked.returncode == 0 and marked.stdout.startswith("sent:")
    after = {s["draft_id"]: s for s in json.loads(
        run("status", "--format", "json", data=demo_dir).stdout)}
    assert after[items[0]["id"]]["status"] == "sent"
    assert after[items[0]["id"]]["channel"] == "in person"
    text = run("status", data=demo_dir)
    assert "Priya Natarajan" in text.stdout


def test_account_and_send_to_a_real_server(demo_dir):
    from tests import smtp_server as servers

    with servers.running_server("none", auth=False) as server:
        account = run("account", "--host", server.host, "--port", str(server.port),
                      "--security", "none", "--from", "Sam Rivera <sam@example.com>",
                      data=demo_dir)
        assert account.returncode == 0, account.stderr
        drafts = json.loads(run("drafts", "--meeting", "1", "--format", "json",
                                data=demo_dir).stdout)
        dana = next(d for d in drafts if d["person"]["name"] == "Dana Okafor")  # no gaps
        sent = run("send", str(dana["id"]), "--yes", data=demo_dir)
        assert sent.returncode == 0, sent.stderr
        assert sent.stdout.startswith("sent:")
        assert server.received[0].rcpt_tos == [dana["person"]["email"]]
        again = run("send", str(dana["id"]), "--yes", data=demo_dir)
        assert again.returncode == 1 and "already sent" in again.stderr
        assert len(server.received) == 1


def test_remote_server_without_encryption_is_refused(demo_dir):
    out = run("account", "--host", "smtp.example.com", "--port", "25", "--security", "none",
              "--from", "Sam <sam@example.com>", data=demo_dir)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_smoke_opens_window_and_exits(tmp_path):
    out = run("--smoke", data=tmp_path / "new", env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert library_path(tmp_path / "new").exists()


def test_unexpected_failure_is_one_line_and_the_traceback_goes_to_the_log(demo_dir, tmp_path):
    out = run("export", "-o", str(tmp_path / "no" / "such" / "folder.json"), data=demo_dir)
    assert out.returncode == 2
    assert out.stderr.startswith("followup: export failed:") and "details in" in out.stderr
    assert "Traceback" not in out.stderr
    assert "Traceback" in (demo_dir / "followup.log").read_text()


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path):
    """`followup status | head`: the reader leaves early; that is not a failure."""
    from followup.store.followups import ensure_drafts
    from followup.store.library import MeetingInput, PersonSpec

    folder = tmp_path / "big"
    library = Library(library_path(folder))
    for number in range(150):  # about 100 KB of status lines: well past a pipe's buffer
        meeting = library.create_meeting(MeetingInput(company=f"Company {number}", people=[
            PersonSpec(f"Person {number}-{seat}") for seat in range(6)]))
        ensure_drafts(library, meeting)
    library.close()
    argv = [sys.executable, "-m", "followup", "--data-dir", str(folder), "status"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        child.stdout.read(10)
        child.stdout.close()
        stderr = child.stderr.read().decode()
        child.wait(60)
    assert child.returncode == 0, stderr
    assert "Traceback" not in stderr and "failed" not in stderr


def test_meetings_shows_a_cancelled_meeting_as_such(tmp_path):
    real = Path(__file__).resolve().parents[1] / "data" / "real" / "ics"
    folder = tmp_path / "lib"
    for name in ("nylas-google_cancelled1.ics", "nylas-google_cancelled2.ics"):
        assert run("import", str(real / name), data=folder).returncode == 0
    text = run("meetings", data=folder)
    assert text.returncode == 0 and text.stdout.rstrip().endswith("(cancelled)")
    (row,) = json.loads(run("meetings", "--format", "json", data=folder).stdout)
    assert (row["cancelled"], row["to_send"]) == (True, 0)


def test_import_says_which_events_were_left_out_as_birthdays(tmp_path):
    real = Path(__file__).parents[1] / "data" / "real" / "ics"
    meeting = (real / "nylas-gcal_v1.ics").read_text(encoding="utf-8")
    birthday = ("BEGIN:VEVENT\r\nUID:bday-1\r\nSUMMARY:Ana's birthday\r\n"
                "DTSTART;VALUE=DATE:19900412\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n")
    path = tmp_path / "calendar.ics"
    path.write_text(meeting.replace("END:VCALENDAR", birthday + "END:VCALENDAR", 1),
                    encoding="utf-8", newline="")
    out = run("import", str(path), data=tmp_path / "lib")
    assert out.returncode == 0, out.stderr
    assert "left out, not meetings (all-day events that repeat every year with no one " \
           "invited, such as birthdays), the events on lines: " in out.stdout
    only = run("import", str(real / "recurring-ical-events-issue_179_example.ics"),
               data=tmp_path / "lib")
    assert only.returncode == 2 and "Traceback" not in only.stderr
    assert "“Our Blissful Anniversary” (line 2) is an all-day event that repeats every year" \
           in only.stderr
