"""Sending for real from the library: one person per message, statuses that stay true,
never twice, recovery after a crash mid-send, and no password in any file Followup writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from followup.core.preflight import RESEND, Finding, unfilled_gaps
from followup.mail.outbox import Account
from followup.sending.delivery import load_account, save_account, send_many, send_one
from followup.store import followups as fu
from followup.store.interchange import export_library
from followup.store.library import Library
from tests import smtp_server as servers

SECRET = "correct horse battery staple 9!"


@pytest.fixture(scope="module")
def certificates():
    return servers.make_certificates()


@pytest.fixture
def server(certificates):
    with servers.running_server("starttls", certificates=certificates,
                                password=SECRET) as running:
        yield running


def _account(server) -> Account:
    return Account(server.host, server.port, server.security, server.username, "Sam Rivera",
                   "sam.rivera@example.com")


# What the user said yes to in the confirmation: the rules still failing and the sentences not
# read yet (a resend, a guessed address are confirmed where a test says so).
YES = frozenset(Finding) - RESEND - {Finding.ADDRESS_GUESSED}


@pytest.fixture
def drafted(demo_library):
    """The demo panel's drafts, each `[...]` gap filled in as the user would before sending."""
    ids = fu.ensure_drafts(demo_library, 1)
    for followup_id in ids:
        view = fu.followup_view(demo_library, followup_id)
        body = view.body
        for gap in unfilled_gaps(body):
            body = body.replace(gap, "I would now start from the replay log.")
        fu.save_draft(demo_library, followup_id, view.subject, body)
    return demo_library, ids


def test_each_follow_up_goes_to_its_own_person_and_is_recorded(drafted, server):
    library, ids = drafted
    with_email = [i for i in ids if fu.followup_view(library, i).person_email]
    outcomes = send_many(library, [(i, YES) for i in with_email], _account(server), SECRET,
                         pause=0, ssl_context=server.ssl_context)
    assert all(o.ok for o in outcomes), outcomes
    assert len(server.received) == len(with_email)
    for received, followup_id in zip(server.received, with_email, strict=True):
        view = fu.followup_view(library, followup_id)
        assert received.rcpt_tos == [view.person_email]
        assert received.message["To"].addresses[0].addr_spec == view.person_email
        assert received.message["Message-ID"] == view.message_id
        assert view.status == "sent" and view.sent_at is not None
        assert [h.status for h in view.history][-2:] == ["sending", "sent"]
        others = [fu.followup_view(library, i) for i in ids if i != followup_id]
        text = received.message.get_body(("plain",)).get_content()
        for other in others:  # never another person's address: never a mass email
            if other.person_email:
                assert other.person_email not in received.raw.decode("latin-1")
        assert view.person_name.split()[0] in text


def test_sent_follow_up_is_not_sent_twice(drafted, server):
    library, ids = drafted
    account = _account(server)
    assert send_one(library, ids[0], account, SECRET, confirmed=YES,
                    ssl_context=server.ssl_context).ok
    again = send_one(library, ids[0], account, SECRET, confirmed=YES,
                     ssl_context=server.ssl_context)
    assert not again.ok and "already sent" in again.reason
    assert len(server.received) == 1
    explicit = send_one(library, ids[0], account, SECRET, confirmed=YES | RESEND,
                        ssl_context=server.ssl_context)
    assert explicit.ok and len(server.received) == 2


def test_wrong_password_fails_with_reason_and_no_resend(drafted, server):
    library, ids = drafted
    outcome = send_one(library, ids[0], _account(server), "not it", confirmed=YES,
                       ssl_context=server.ssl_context)
    view = fu.followup_view(library, ids[0])
    assert not outcome.ok and view.status == "failed"
    assert "password" in view.failure_reason.lower()
    assert server.received == []


def test_refused_recipient_is_failed_and_retry_works(drafted, server):
    library, ids = drafted
    view = fu.followup_view(library, ids[0])
    server.refuse(view.person_email)
    outcome = send_one(library, ids[0], _account(server), SECRET, confirmed=YES,
                       ssl_context=server.ssl_context)
    assert not outcome.ok and fu.followup_view(library, ids[0]).status == "failed"
    assert view.person_email in outcome.reason
    server.handler.refused_recipients.clear()
    retry = send_one(library, ids[0], _account(server), SECRET, confirmed=YES,
                     ssl_context=server.ssl_context)
    assert retry.ok and fu.followup_view(library, ids[0]).status == "sent"


def test_server_down_and_hanging_end_in_failed(drafted):
    library, ids = drafted
    host, port = servers.closed_port()
    down = Account(host, port, "none", "", "Sam", "sam@example.com")
    assert send_one(library, ids[0], down, "", confirmed=YES).status == "failed"
    with servers.hanging_server() as (host, port):
        hanging = Account(host, port, "none", "", "Sam", "sam@example.com")
        outcome = send_one(library, ids[1], hanging, "", timeout=1.0, confirmed=YES)
    assert outcome.status == "failed"
    assert fu.followup_view(library, ids[1]).failure_reason == outcome.reason != ""


def test_missing_address_points_to_the_card(drafted, server):
    library, ids = drafted
    tom = next(i for i in ids if not fu.followup_view(library, i).person_email)
    outcome = send_one(library, tom, _account(server), SECRET, confirmed=YES,
                       ssl_context=server.ssl_context)
    assert not outcome.ok and "card" in outcome.reason
    assert fu.followup_view(library, tom).status == "draft"  # nothing was attempted


def test_crash_between_sending_and_sent_is_never_resent_by_itself(demo_library, server):
    """A child process marks `sending` and dies before the server is asked."""
    ids = fu.ensure_drafts(demo_library, 1)
    code = (
        "import os, sys\n"
        "from followup.store.library import Library\n"
        "from followup.store import followups as fu\n"
        f"lib = Library({str(demo_library.path)!r})\n"
        f"fu.set_status(lib, {ids[0]}, 'sending', channel='email (Followup)', message_id='<x@y>')\n"
        "os._exit(9)\n")
    done = subprocess.run([sys.executable, "-c", code], env=os.environ.copy())
    assert done.returncode == 9
    reopened = Library(demo_library.path)
    stuck = fu.unconfirmed_sends(reopened)
    assert [v.id for v in stuck] == [ids[0]]
    outcome = send_one(reopened, ids[0], _account(server), SECRET, confirmed=YES,
                       ssl_context=server.ssl_context)
    assert not outcome.ok and "Sent folder" in outcome.reason
    assert server.received == []
    reopened.close()


def test_password_never_reaches_a_file(drafted, server, data_dir, tmp_path):
    library, ids = drafted
    save_account(library, _account(server))
    assert load_account(library) == _account(server)
    send_one(library, ids[0], _account(server), SECRET, confirmed=YES,
             ssl_context=server.ssl_context)
    send_one(library, ids[1], _account(server), SECRET + "x", confirmed=YES,
             ssl_context=server.ssl_context)
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_library(library)))
    written = [p for p in [*data_dir.rglob("*"), export] if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in written)
    for path in written:
        assert SECRET.encode() not in path.read_bytes(), path


# --- the preflight runs inside send_one and mark_sent: no caller goes around it ---------------

def _named(library, ids, first: str) -> int:
    return next(i for i in ids if fu.followup_view(library, i).person_name.startswith(first))


def test_send_one_without_the_users_yes_sends_nothing(demo_library, server):
    ids = fu.ensure_drafts(demo_library, 1)
    dana = _named(demo_library, ids, "Dana")  # no gap; sentences from her notes not read yet
    outcome = send_one(demo_library, dana, _account(server), SECRET, confirmed=set(),
                       ssl_context=server.ssl_context)
    assert not outcome.ok and "not read yet" in outcome.reason
    assert server.received == [] and fu.followup_view(demo_library, dana).status == "draft"
    assert fu.followup_view(demo_library, dana).history[-1].status == "draft"


def test_a_gap_is_never_sent_whatever_was_confirmed(demo_library, server):
    ids = fu.ensure_drafts(demo_library, 1)
    priya = _named(demo_library, ids, "Priya")
    outcome = send_one(demo_library, priya, _account(server), SECRET, confirmed=set(Finding),
                       ssl_context=server.ssl_context)
    assert not outcome.ok and "Fill in the gap [write your better answer here]" in (
        outcome.reason)
    assert server.received == [] and fu.followup_view(demo_library, priya).status == "draft"


def test_the_message_prepared_is_the_one_the_server_receives(demo_library, server):
    from followup.sending.delivery import prepare

    ids = fu.ensure_drafts(demo_library, 1)
    dana = _named(demo_library, ids, "Dana")
    outgoing = prepare(demo_library, dana, _account(server))
    assert outgoing.message is not None and not outgoing.check.blocked
    outcome = send_one(demo_library, outgoing, _account(server), SECRET, confirmed=YES,
                       ssl_context=server.ssl_context)
    assert outcome.ok, outcome
    [received] = server.received
    assert received.message["Message-ID"] == outgoing.message["Message-ID"]
    assert fu.followup_view(demo_library, dana).message_id == outgoing.message["Message-ID"]


def test_a_note_marked_sent_after_its_confirmation_is_not_sent(demo_library, server):
    """The preflight the user confirmed is not read again, but the status writer still is
    the last word: a note recorded sent meanwhile never leaves a second time."""
    from followup.sending.delivery import mark_sent, prepare

    ids = fu.ensure_drafts(demo_library, 1)
    dana = _named(demo_library, ids, "Dana")
    outgoing = prepare(demo_library, dana, _account(server))
    assert mark_sent(demo_library, dana, "phone", confirmed=set()).ok
    outcome = send_one(demo_library, outgoing, _account(server), SECRET, confirmed=YES,
                       ssl_context=server.ssl_context)
    assert not outcome.ok and "already sent" in outcome.reason
    assert server.received == [] and fu.followup_view(demo_library, dana).channel == "phone"


def test_mark_sent_applies_the_same_preflight(demo_library):
    from followup.core.preflight import BY_HAND
    from followup.sending.delivery import mark_sent

    ids = fu.ensure_drafts(demo_library, 1)
    priya = _named(demo_library, ids, "Priya")
    refused = mark_sent(demo_library, priya, "in person", confirmed=set())
    assert not refused.ok and "[write your better answer here]" in refused.reason
    assert fu.followup_view(demo_library, priya).status == "draft"
    marked = mark_sent(demo_library, priya, "in person",
                       confirmed={Finding.UNFILLED_GAP, Finding.RULES_FAILING})
    assert marked.ok and marked.status == "sent"
    view = fu.followup_view(demo_library, priya)
    assert (view.status, view.channel, view.history[-1].detail) == ("sent", "in person", BY_HAND)
    again = mark_sent(demo_library, priya, "phone",
                      confirmed={Finding.UNFILLED_GAP, Finding.RULES_FAILING})
    assert not again.ok and "already recorded as sent (in person)" in again.reason
