"""Sending through real aiosmtpd servers on 127.0.0.1, and every way it can go wrong."""

from __future__ import annotations

import base64
import socket
import time

import pytest

from followup.mail.outbox import (
    SendResult,
    compose_message,
    explain,
    send_message,
    test_connection,
)
from tests import smtp_server as servers
from tests.mail.conftest import account_for, make_account

BODY = "Hi Jane,\n\nThank you for your time today at **Acme**.\n\nSam\n555-0100\n"


def message_for(account, address="jane@acme.com", name="Jane Doe"):
    return compose_message(account, name, address, "Thank you for today", BODY)


def assert_secret_kept(result: SendResult, server) -> None:
    """The password, and how it travels in AUTH, appear nowhere in what the user sees."""
    plain = base64.b64encode(f"\0{server.username}\0{server.password}".encode()).decode()
    login = base64.b64encode(server.password.encode()).decode()
    for secret in (server.password, plain, login):
        assert secret not in result.reason
        assert secret not in repr(result)


def test_starttls_send_arrives_with_headers_and_both_parts(smtp_server):
    account = account_for(smtp_server)
    message = message_for(account)
    result = send_message(account, smtp_server.password, message, timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert result.ok, result.reason
    assert result.message_id == message["Message-ID"]
    assert not result.maybe_sent
    [received] = smtp_server.received
    assert received.rcpt_tos == ["jane@acme.com"]
    assert received.mail_from == "sam@seeker.example"
    got = received.message
    assert got["To"] == "Jane Doe <jane@acme.com>"
    assert got["From"] == "Sam Seeker <sam@seeker.example>"
    assert got["Subject"] == "Thank you for today"
    assert got["Message-ID"] == message["Message-ID"]
    assert got["Date"] == message["Date"]
    assert got.get_body(("plain",)).get_content().startswith("Hi Jane,")
    assert "<strong>Acme</strong>" in got.get_body(("html",)).get_content()
    assert smtp_server.authenticator.attempts == [smtp_server.username]
    assert received.tls
    assert received.ehlo == "[127.0.0.1]"  # not this machine's name


def test_each_person_gets_a_message_of_their_own(smtp_server):
    account = account_for(smtp_server)
    for name, address in [("Jane Doe", "jane@acme.com"), ("Mark Lee", "mark@acme.com")]:
        result = send_message(account, smtp_server.password, message_for(account, address, name),
                              timeout=5, ssl_context=smtp_server.ssl_context)
        assert result.ok, result.reason
    assert [r.rcpt_tos for r in smtp_server.received] == [["jane@acme.com"], ["mark@acme.com"]]


def test_implicit_tls_send(smtps_server):
    account = account_for(smtps_server)
    result = send_message(account, smtps_server.password, message_for(account), timeout=5,
                          ssl_context=smtps_server.ssl_context)
    assert result.ok, result.reason
    assert [r.tls for r in smtps_server.received] == [True]


def test_plain_connection_allowed_on_loopback(plain_smtp_server):
    account = account_for(plain_smtp_server)
    result = send_message(account, "", message_for(account), timeout=5)
    assert result.ok, result.reason
    assert [r.tls for r in plain_smtp_server.received] == [False]


def test_plain_connection_refused_for_a_remote_host():
    account = make_account("smtp.example.com", 25, "none")
    started = time.monotonic()
    result = send_message(account, "pw", message_for(account), timeout=5)
    assert not result.ok and not result.retryable
    assert "only allowed to a server on this computer" in result.reason
    assert time.monotonic() - started < 1  # refused before any lookup or connection


def test_wrong_password(smtp_server):
    account = account_for(smtp_server)
    wrong = "Wr0ng-Secret-9931"
    result = send_message(account, wrong, message_for(account), timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and not result.retryable
    assert result.reason.startswith(
        f"The server did not accept the password for {smtp_server.username} (535")
    assert wrong not in result.reason
    assert smtp_server.received == []


def test_a_server_echoing_the_password_does_not_leak_it(smtp_server):
    smtp_server.authenticator.echo_password = True
    account = account_for(smtp_server)
    wrong = "Echoed-Secret-4410"
    result = send_message(account, wrong, message_for(account), timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok
    assert "535 Bad password" in result.reason
    assert wrong not in result.reason


def test_wrong_non_ascii_password_is_reported_without_echoing_it(smtp_server):
    account = account_for(smtp_server)
    odd = "pässwörd-ünïcode"
    result = send_message(account, odd, message_for(account), timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and "did not accept the password" in result.reason
    assert odd not in result.reason and odd not in repr(result)


def test_non_ascii_password_signs_in(certificates):
    with servers.running_server("starttls", certificates=certificates,
                                password="Grüße-Ålesund-密码") as server:
        account = account_for(server)
        result = send_message(account, server.password, message_for(account), timeout=5,
                              ssl_context=server.ssl_context)
        assert result.ok, result.reason
        assert len(server.received) == 1


def test_refused_recipient(smtp_server):
    smtp_server.refuse("nobody@acme.com", "550 No such user")
    account = account_for(smtp_server)
    result = send_message(account, smtp_server.password, message_for(account, "nobody@acme.com"),
                          timeout=5, ssl_context=smtp_server.ssl_context)
    assert not result.ok and not result.retryable and not result.maybe_sent
    assert result.reason == "The server refused the recipient nobody@acme.com: 550 No such user"
    assert_secret_kept(result, smtp_server)
    assert smtp_server.received == []


def test_temporarily_refused_recipient_is_retryable(smtp_server):
    smtp_server.refuse("busy@acme.com", "451 Try again later")
    account = account_for(smtp_server)
    result = send_message(account, smtp_server.password, message_for(account, "busy@acme.com"),
                          timeout=5, ssl_context=smtp_server.ssl_context)
    assert not result.ok and result.retryable


def test_server_down():
    host, port = servers.closed_port()
    account = make_account(host, port, "starttls", "u")
    result = send_message(account, "Secret-Pass-1", message_for(account), timeout=2)
    assert not result.ok and result.retryable
    assert result.reason.startswith(f"Cannot reach {host} on port {port}: the connection was "
                                    "refused")
    assert "Secret-Pass-1" not in result.reason


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_hanging_server_times_out(security):
    with servers.hanging_server() as (host, port):
        account = make_account(host, port, security, "u")
        started = time.monotonic()
        result = send_message(account, "Secret-Pass-2", message_for(account), timeout=1)
        elapsed = time.monotonic() - started
    assert not result.ok and result.retryable and not result.maybe_sent
    assert result.reason.startswith(
        f"The server {host} on port {port} did not answer within 1 second. Check the port")
    assert elapsed < 5


def test_untrusted_certificate(smtp_server):
    account = account_for(smtp_server)
    # No ssl_context: the system's trust store, which does not know the test CA.
    result = send_message(account, smtp_server.password, message_for(account), timeout=5)
    assert not result.ok and not result.retryable
    assert result.reason.startswith(f"The certificate of {smtp_server.host} is not trusted")
    assert_secret_kept(result, smtp_server)
    assert smtp_server.received == []
    assert smtp_server.authenticator.attempts == []  # never signed in over an untrusted link


def test_untrusted_certificate_implicit_tls(smtps_server):
    account = account_for(smtps_server)
    result = send_message(account, smtps_server.password, message_for(account), timeout=5)
    assert not result.ok
    assert "is not trusted" in result.reason
    assert smtps_server.authenticator.attempts == []


def test_starttls_not_offered(plain_smtp_server):
    account = account_for(plain_smtp_server, security="starttls", username="u")
    result = send_message(account, "Secret-Pass-3", message_for(account), timeout=5)
    assert not result.ok
    assert "does not offer STARTTLS" in result.reason
    assert plain_smtp_server.received == []


def test_ssl_against_a_starttls_port(smtp_server):
    account = account_for(smtp_server, security="ssl")
    result = send_message(account, smtp_server.password, message_for(account), timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok
    assert "secure connection" in result.reason and "465" in result.reason
    assert_secret_kept(result, smtp_server)


def test_sender_refused(smtp_server):
    account = account_for(smtp_server)
    message = message_for(account)
    async def refuse_sender(server, session, envelope, address, mail_options):
        return "553 Sender address rejected"
    smtp_server.handler.handle_MAIL = refuse_sender
    result = send_message(account, smtp_server.password, message, timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and not result.retryable
    assert result.reason == ("The server refused the sender address sam@seeker.example: "
                             "553 Sender address rejected")


def test_data_refused(smtp_server):
    async def refuse_data(server, session, envelope):
        return "554 Message rejected as spam"
    smtp_server.handler.handle_DATA = refuse_data
    account = account_for(smtp_server)
    result = send_message(account, smtp_server.password, message_for(account), timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and not result.maybe_sent
    assert result.reason == "The server refused the message: 554 Message rejected as spam"


def test_no_answer_after_the_text_means_maybe_sent(smtp_server):
    smtp_server.handler.data_delay = 3.0
    account = account_for(smtp_server)
    result = send_message(account, smtp_server.password, message_for(account), timeout=1,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and result.maybe_sent and not result.retryable
    assert "may have been delivered" in result.reason


def test_message_for_several_people_is_refused(smtp_server):
    account = account_for(smtp_server)
    message = message_for(account)
    message["Cc"] = "mark@acme.com"
    del message["To"]
    message["To"] = "jane@acme.com, peter@acme.com"
    result = send_message(account, smtp_server.password, message, timeout=5,
                          ssl_context=smtp_server.ssl_context)
    assert not result.ok and "exactly one person" in result.reason
    assert smtp_server.received == []


def test_connection_check_ok(smtp_server, smtps_server):
    for server in (smtp_server, smtps_server):
        result = test_connection(account_for(server), server.password, timeout=5,
                                 ssl_context=server.ssl_context)
        assert result.ok, result.reason
        assert "signed in" in result.reason
    assert smtp_server.received == []


def test_connection_check_wrong_password(smtp_server):
    result = test_connection(account_for(smtp_server), "Nope-Nope-77", timeout=5,
                             ssl_context=smtp_server.ssl_context)
    assert not result.ok and "did not accept the password" in result.reason
    assert "Nope-Nope-77" not in result.reason


def test_name_resolution_failure_is_explained():
    # Explained directly: a real lookup would leave this machine.
    account = make_account("no-such-host.invalid", 587, "starttls", "u")
    error = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    reason, retryable = explain(error, account, 10.0)
    assert retryable
    assert reason.startswith("Cannot find the server no-such-host.invalid")
