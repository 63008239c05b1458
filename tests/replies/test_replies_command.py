"""`followup account --imap-*`, `followup send` with a copy in Sent, `followup replies` and
`followup status` as a user runs them: real processes, a real library folder, the real SMTP
server and Dovecot on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store import followups as fu
from followup.store.demo import seed_demo
from followup.store.library import Library
from tests import imap_server
from tests import smtp_server as smtp

pytestmark = pytest.mark.slow


def run(data: Path, *args: str, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    env.pop("FOLLOWUP_IMAP_PASSWORD", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def demo_dir(tmp_path):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    seed_demo(library)
    for view in fu.followups_for_meeting(library, 1):
        fu.ensure_drafts(library, 1)
        view = fu.followup_view(library, view.id)
        if view.person_name.startswith("Priya"):  # the gaps filled in, ready to send
            body = view.body.replace("[write your better answer here]",
                                     "I would shard the topic by tenant.")
            fu.save_draft(library, view.id, view.subject, body)
    library.close()
    return folder


@pytest.fixture
def smtp_plain():
    with smtp.running_server("none", auth=False) as server:
        yield server


def _account(data, smtp_server, imap, *extra):
    return run(data, "account", "--host", smtp_server.host, "--port", str(smtp_server.port),
               "--security", "none", "--from", "Sam Rivera <sam.rivera@example.com>",
               "--imap-host", imap.host, "--imap-port", str(imap.port),
               "--imap-security", "none", "--imap-user", imap.username, *extra)


def _priya(data) -> int:
    library = Library(library_path(data))
    try:
        return next(v.id for v in fu.followups_for_meeting(library, 1)
                    if v.person_name.startswith("Priya"))
    finally:
        library.close()


def test_send_files_a_copy_and_replies_finds_the_answer(demo_dir, smtp_plain, dovecot):
    saved = _account(demo_dir, smtp_plain, dovecot, "--imap-own-password")
    assert saved.returncode == 0, saved.stderr
    assert f"IMAP saved: none {dovecot.host}:{dovecot.port}" in saved.stdout
    password = {"FOLLOWUP_IMAP_PASSWORD": dovecot.password}
    draft = _priya(demo_dir)
    sent = run(demo_dir, "send", str(draft), "--yes", env_extra=password)
    assert sent.returncode == 0, sent.stderr
    assert "A copy is in Sent." in sent.stdout
    assert len(dovecot.messages("Sent")) == 1

    nothing = run(demo_dir, "replies", env_extra=password)
    assert nothing.returncode == 0, nothing.stderr
    assert "0 new replies" in nothing.stdout

    message_id = smtp_plain.received[0].message["Message-ID"]
    dovecot.deliver(imap_server.message(sender="priya.natarajan@brightwave.io",
                                        in_reply_to=message_id))
    found = run(demo_dir, "replies", "--format", "json", env_extra=password)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert [r["draft_id"] for r in result["replies"]] == [draft]
    assert result["replies"][0]["from"] == "priya.natarajan@brightwave.io"

    status = json.loads(run(demo_dir, "status", "--format", "json").stdout)
    row = next(r for r in status if r["draft_id"] == draft)
    assert row["status"] == "replied" and row["replied_at"] and row["kind"] == "followup"
    text = run(demo_dir, "status").stdout
    assert "[replied" in text


def test_a_check_in_is_listed_as_a_nudge_once_due(demo_dir, smtp_plain, dovecot):
    assert _account(demo_dir, smtp_plain, dovecot).returncode == 0
    draft = _priya(demo_dir)
    # The shared keyring entry is empty here: the SMTP password (none for this server)
    # stands in, as it does for `send`.
    env = {"FOLLOWUP_SMTP_PASSWORD": dovecot.password}
    assert run(demo_dir, "send", str(draft), "--yes", env_extra=env).returncode == 0
    assert run(demo_dir, "replies", "--checkin-days", "1").returncode == 0
    before = json.loads(run(demo_dir, "status", "--format", "json", "--filter", "all").stdout)
    assert not [r for r in before if r["kind"] == "nudge" and r["draft_id"] == draft]
    _age_send(demo_dir, draft, timedelta(days=2))
    checked = run(demo_dir, "replies", env_extra=env)
    assert checked.returncode == 0, checked.stderr
    assert "check-in due since" in checked.stdout and "timeline" in checked.stdout
    listed = json.loads(run(demo_dir, "status", "--format", "json", "--filter", "all").stdout)
    (nudge,) = [r for r in listed if r["kind"] == "nudge" and r["draft_id"] == draft]
    assert nudge["status"] == "due" and nudge["person"]["email"].startswith("priya")
    assert "Brightwave" in nudge["body"] and nudge["subject"].startswith("Checking in")
    assert run(demo_dir, "replies", "--done", str(draft)).returncode == 0
    after = json.loads(run(demo_dir, "status", "--format", "json").stdout)
    assert not [r for r in after if r["kind"] == "nudge" and r["draft_id"] == draft]


def _age_send(data: Path, followup_id: int, by: timedelta) -> None:
    """Move a send into the past, as if days had gone by."""
    from sqlalchemy import update

    from followup.store import models as m

    library = Library(library_path(data))
    try:
        with library.session() as s:
            sent_at = s.get_one(m.FollowUp, followup_id).sent_at
            assert sent_at is not None
            s.execute(update(m.FollowUp).where(m.FollowUp.id == followup_id)
                      .values(sent_at=sent_at - by))
    finally:
        library.close()


def test_a_wrong_password_exits_1_with_one_line(demo_dir, smtp_plain, dovecot):
    assert _account(demo_dir, smtp_plain, dovecot, "--imap-own-password").returncode == 0
    draft = _priya(demo_dir)
    assert run(demo_dir, "send", str(draft), "--yes",
               env_extra={"FOLLOWUP_IMAP_PASSWORD": dovecot.password}).returncode == 0
    wrong = run(demo_dir, "replies", env_extra={"FOLLOWUP_IMAP_PASSWORD": "nope-nope"})
    assert wrong.returncode == 1
    assert "did not accept the password" in wrong.stderr
    assert "Traceback" not in wrong.stderr and "nope-nope" not in wrong.stderr + wrong.stdout


def test_replies_without_imap_or_password_says_what_to_do(demo_dir, dovecot, smtp_plain):
    bare = run(demo_dir, "replies")
    assert bare.returncode == 2 and "no IMAP account yet" in bare.stderr
    assert _account(demo_dir, smtp_plain, dovecot, "--imap-own-password").returncode == 0
    nopw = run(demo_dir, "replies")
    assert nopw.returncode == 2 and "FOLLOWUP_IMAP_PASSWORD" in nopw.stderr


def test_bad_imap_options_are_refused(demo_dir):
    plain = run(demo_dir, "account", "--host", "smtp.example.com", "--port", "587",
                "--security", "starttls", "--from", "Sam <sam@example.com>",
                "--imap-host", "imap.example.com", "--imap-security", "none")
    assert plain.returncode == 2 and "only allowed to a server on this computer" in plain.stderr
    missing = run(demo_dir, "account", "--host", "smtp.example.com", "--port", "587",
                  "--security", "starttls", "--from", "Sam <sam@example.com>",
                  "--imap-user", "sam")
    assert missing.returncode == 2 and "--imap-host" in missing.stderr
    assert datetime.now(UTC)  # the library stays without IMAP settings
