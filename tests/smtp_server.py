"""Real SMTP servers on 127.0.0.1 for tests: aiosmtpd with STARTTLS or implicit TLS and AUTH.

A plain module so any test folder can use it; `tests/mail/conftest.py` wraps it in fixtures.
Certificates come from a throwaway trustme CA; `ssl_context` on a server trusts only that CA.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
USERNAME = "jobseeker@example.com"
PASSWORD = "Corr3ct-Horse!battery"


@dataclass
class Received:
    """One message as the server took it: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage
    ehlo: str | None  # the name the client gave in EHLO
    tls: bool  # whether the session was encrypted (STARTTLS or implicit TLS)


class RecordingHandler:
    """Keeps every accepted message; refuses listed recipients; can stall before answering DATA."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.refused_recipients: dict[str, str] = {}  # address -> SMTP reply, e.g. "550 ..."
        self.data_delay = 0.0  # seconds to wait before accepting the message text

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.refused_recipients.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        raw = bytes(envelope.original_content or envelope.content)
        parsed = message_from_bytes(raw, policy=policy.default)
        encrypted = session.ssl is not None or server.transport.get_extra_info("sslcontext")
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), raw, parsed,
                                      session.host_name, bool(encrypted)))
        return "250 Message accepted for delivery"


class Authenticator:
    """Accepts one user name and password; records who tried, never what password."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self.password = password
        self.attempts: list[str] = []
        self.echo_password = False  # a careless server that repeats the password it got

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        self.attempts.append(login)
        ok = login == self.username and auth_data.password == self.password.encode("utf-8")
        message = None
        if not ok and self.echo_password:
            message = f"535 Bad password {auth_data.password.decode('utf-8', 'replace')}"
        return AuthResult(success=ok, handled=False, message=message)


@dataclass
class SmtpServer:
    """A running test server and what a client needs to reach it."""

    host: str
    port: int
    security: str  # "starttls", "ssl" or "none", as in followup.mail.outbox.Account
    username: str
    password: str
    ssl_context: ssl.SSLContext | None  # a client context trusting the test CA
    handler: RecordingHandler
    authenticator: Authenticator | None
    controller: Controller = field(repr=False)

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def refuse(self, address: str, reply: str = "550 No such user") -> None:
        self.handler.refused_recipients[address.lower()] = reply


def free_port() -> int:
    """A port nobody listens on right now (the server binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Certificates:
    server: ssl.SSLContext  # presents a certificate for 127.0.0.1 and localhost
    client: ssl.SSLContext  # trusts the test CA only


def make_certificates() -> Certificates:
    ca = trustme.CA()
    issued = ca.issue_cert(HOST, "localhost")
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    issued.configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    return Certificates(server, client)


def _controller(handler, port, *, certificates, security, authenticator) -> Controller:
    options: dict = {"server_hostname": "mail.test.invalid", "ready_timeout": 10.0}
    if authenticator is not None:
        options["authenticator"] = authenticator
    if security == "starttls":
        options.update(tls_context=certificates.server, require_starttls=True,
                       auth_require_tls=True)
    elif security == "ssl":
        # aiosmtpd only counts STARTTLS as "TLS" for auth_require_tls, yet this whole
        # connection is already encrypted, so the check is switched off.
        options.update(ssl_context=certificates.server, auth_require_tls=False)
    else:
        options.update(auth_require_tls=False)
    return Controller(handler, hostname=HOST, port=port, **options)


@contextmanager
def running_server(security: str = "starttls", *, auth: bool = True,
                   certificates: Certificates | None = None,
                   password: str = PASSWORD) -> Iterator[SmtpServer]:
    """Start a server on 127.0.0.1 for the duration of the block."""
    certificates = certificates or make_certificates()
    handler = RecordingHandler()
    authenticator = Authenticator(USERNAME, password) if auth else None
    port = free_port()
    controller = _controller(handler, port, certificates=certificates, security=security,
                             authenticator=authenticator)
    controller.start()
    try:
        yield SmtpServer(HOST, port, security, USERNAME if auth else "", password if auth else "",
                         certificates.client if security != "none" else None, handler,
                         authenticator, controller)
    finally:
        controller.stop()


@contextmanager
def hanging_server() -> Iterator[tuple[str, int]]:
    """A socket that accepts connections (the kernel does it) and never says a word."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind((HOST, 0))
        listener.listen(8)
        yield HOST, listener.getsockname()[1]


def closed_port() -> tuple[str, int]:
    """An address where nothing listens, so a connection is refused at once."""
    return HOST, free_port()
