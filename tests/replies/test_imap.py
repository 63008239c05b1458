"""The mailbox over IMAP against a real Dovecot on loopback: the copy in Sent (once, in the
right folder, or not at all where the server files it), headers read without a trace, and
every failure a sentence."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest

from followup.mail import imap
from tests import imap_server
from tests import smtp_server as smtp

RAW = (b"From: Sam Rivera <sam.rivera@example.com>\r\nTo: Priya <priya@brightwave.io>\r\n"
       b"Subject: Thank you\r\nMessage-ID: <note-1@example.com>\r\n"
       b"Date: Mon, 07 Dec 2026 09:00:00 +0000\r\n\r\nThank you for your time.\r\n")
WHEN = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _copy(server, account, raw=RAW, message_id="<note-1@example.com>", **options):
    return imap.file_sent_copy(account, server.password, raw, message_id, WHEN, timeout=10,
                               **options)


def test_copy_goes_to_the_folder_marked_sent_once_with_the_exact_bytes(dovecot, imap_account):
    account = imap_account(dovecot)
    first = _copy(dovecot, account)
    assert (first.state, first.folder) == ("appended", "Sent")
    assert _copy(dovecot, account).state == "already there"
    stored = dovecot.messages("Sent")
    assert len(stored) == 1
    flags, body = stored[0]
    assert body == RAW  # the exact message, not a re-rendering
    assert b"\\Seen" in flags  # a sent note is not shown as unread
    assert dovecot.messages("INBOX") == []


@pytest.fixture
def sent_by_name(need_dovecot):
    with imap_server.running_dovecot(sent_special_use=False, sent_name="Sent") as server:
        yield server


def test_without_special_use_the_folder_named_sent_is_used(sent_by_name, imap_account):
    result = _copy(sent_by_name, imap_account(sent_by_name))
    assert (result.state, result.folder) == ("appended", "Sent")


@pytest.fixture
def no_sent(need_dovecot):
    with imap_server.running_dovecot(sent_name=None) as server:
        yield server


def test_a_missing_sent_folder_is_said_and_nothing_is_created(no_sent, imap_account):
    result = _copy(no_sent, imap_account(no_sent))
    assert result.state == "failed"
    assert "no Sent folder" in result.reason and "Create one" in result.reason
    conn = no_sent.client()
    try:
        names = b" ".join(conn.list('""', "*")[1])
    finally:
        conn.logout()
    assert b"Sent" not in names


@pytest.fixture
def gmail_like(need_dovecot):
    with imap_server.running_dovecot(extra_capability="X-GM-EXT-1") as server:
        yield server


def test_a_server_that_files_sent_mail_itself_gets_no_copy(gmail_like, imap_account):
    result = _copy(gmail_like, imap_account(gmail_like))
    assert result.state == "filed by server"
    assert gmail_like.messages("Sent") == []


def test_headers_are_read_without_marking_anything_read(dovecot, imap_account):
    sent = datetime.now(UTC) - timedelta(hours=3)
    dovecot.deliver(imap_server.message(sender="Priya <Priya@Brightwave.io>",
                                        in_reply_to="<note-1@example.com>"))
    dovecot.deliver(imap_server.message(sender="news@example.org", subject="Weekly"))
    headers = imap.fetch_headers(imap_account(dovecot), dovecot.password, sent, timeout=10)
    assert sorted(h.from_address for h in headers) == ["news@example.org",
                                                       "priya@brightwave.io"]
    reply = next(h for h in headers if h.from_address == "priya@brightwave.io")
    assert reply.in_reply_to == ("<note-1@example.com>",)
    assert reply.date is not None and reply.date.tzinfo is not None
    assert all(b"\\Seen" not in line for line in dovecot.flags("INBOX"))


def test_a_wrong_password_is_said_and_not_repeated(dovecot, imap_account):
    secret = "wrong-but-secret-pw"
    with pytest.raises(imap.ImapFailure) as caught:
        imap.fetch_headers(imap_account(dovecot), secret, WHEN, timeout=10)
    assert caught.value.password_refused
    assert "did not accept the password" in caught.value.reason
    assert secret not in caught.value.reason
    copy = imap.file_sent_copy(imap_account(dovecot), secret, RAW, "<x@y>", WHEN, timeout=10)
    assert copy.state == "failed" and "password" in copy.reason


def test_a_dropped_connection_is_said_plainly(dovecot, imap_account):
    # LOGIN, CAPABILITY, EXAMINE pass; the connection is cut at the search.
    with imap_server.dropping_proxy(dovecot.port, after_commands=3) as port:
        account = imap_account(dovecot, port=port)
        with pytest.raises(imap.ImapFailure) as caught:
            imap.fetch_headers(account, dovecot.password, WHEN, timeout=5)
    assert "closed the connection unexpectedly" in caught.value.reason
    assert caught.value.retryable


def test_a_server_that_never_answers_times_out(imap_account):
    with smtp.hanging_server() as (host, port):
        account = imap.ImapAccount(host, port, "none", "me")
        started = datetime.now(UTC)
        with pytest.raises(imap.ImapFailure) as caught:
            imap.fetch_headers(account, "pw", WHEN, timeout=0.5)
    assert "did not answer within 0.5 seconds" in caught.value.reason
    assert datetime.now(UTC) - started < timedelta(seconds=5)


def test_a_port_without_imap_is_named(certificates_free_smtp):
    account = imap.ImapAccount(certificates_free_smtp.host, certificates_free_smtp.port,
                               "none", "me")
    with pytest.raises(imap.ImapFailure) as caught:
        imap.fetch_headers(account, "pw", WHEN, timeout=5)
    assert "does not answer like an IMAP server" in caught.value.reason


@pytest.fixture
def certificates_free_smtp():
    with smtp.running_server("none", auth=False) as server:
        yield server


def test_nothing_listening_is_said(imap_account):
    host, port = smtp.closed_port()
    with pytest.raises(imap.ImapFailure) as caught:
        imap.fetch_headers(imap.ImapAccount(host, port, "none", "me"), "pw", WHEN, timeout=5)
    assert "connection was refused" in caught.value.reason


@pytest.fixture
def imaps(need_dovecot):
    with imap_server.running_dovecot(security="ssl") as server:
        yield server


def test_tls_with_a_trusted_certificate_works_and_an_untrusted_one_is_refused(
        imaps, imap_account):
    account = imap_account(imaps)
    assert _copy(imaps, account, ssl_context=imaps.ssl_context).state == "appended"
    untrusted = _copy(imaps, account, message_id="<other@x>")  # the system's CAs only
    assert untrusted.state == "failed"
    assert "certificate" in untrusted.reason and "not trusted" in untrusted.reason
    assert len(imaps.messages("Sent")) == 1


def test_plain_text_is_refused_off_this_machine():
    problem = imap.imap_problem(imap.ImapAccount("imap.example.com", 143, "none", "me"))
    assert problem and "only allowed to a server on this computer" in problem


def test_sent_folder_choice():
    folders = [imap.Folder("INBOX", frozenset()), imap.Folder("Sent", frozenset()),
               imap.Folder("[Gmail]/Sent Mail", frozenset({"\\sent"}))]
    assert imap.sent_folder(folders) == "[Gmail]/Sent Mail"
    assert imap.sent_folder(folders[:2]) == "Sent"
    assert imap.sent_folder([imap.Folder("INBOX.Sent", frozenset())]) == "INBOX.Sent"
    assert imap.sent_folder([imap.Folder("Sent", frozenset({"\\noselect"}))]) is None
    assert imap.sent_folder(folders[:1]) is None


def test_no_thread_is_left_behind(dovecot, imap_account):
    before = threading.active_count()
    imap.fetch_headers(imap_account(dovecot), dovecot.password, WHEN, timeout=10)
    assert threading.active_count() == before
    assert socket  # the module is used by the proxy helper


def test_without_dovecot_ci_fails_loudly_and_a_developer_skips(monkeypatch):
    from tests.replies import conftest

    monkeypatch.setattr(imap_server, "DOVECOT", None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="dovecot is not installed"):
        conftest._need_dovecot()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        conftest._need_dovecot()
