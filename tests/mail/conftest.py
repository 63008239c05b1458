"""Fixtures for the mail tests: real SMTP servers on loopback and a private in-memory keyring.

The server machinery lives in `tests/smtp_server.py` so other test folders can import it; to use
these fixtures elsewhere, add `pytest_plugins = ["tests.mail.conftest"]` to the top conftest or
copy the two fixtures.
"""

from __future__ import annotations

import dataclasses

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

from followup.mail.outbox import Account
from tests import smtp_server as servers


@pytest.fixture(scope="session")
def certificates() -> servers.Certificates:
    return servers.make_certificates()


@pytest.fixture
def smtp_server(certificates):
    """STARTTLS + AUTH on 127.0.0.1: host, port, username, password, ssl_context, received."""
    with servers.running_server("starttls", certificates=certificates) as server:
        yield server


@pytest.fixture
def smtps_server(certificates):
    """Implicit TLS (as on port 465) + AUTH on 127.0.0.1."""
    with servers.running_server("ssl", certificates=certificates) as server:
        yield server


@pytest.fixture
def plain_smtp_server(certificates):
    """No TLS and no AUTH: only reachable with security "none" on loopback."""
    with servers.running_server("none", auth=False, certificates=certificates) as server:
        yield server


def make_account(host: str, port: int, security: str, username: str = "") -> Account:
    return Account(host, port, security, username, "Sam Seeker", "sam@seeker.example")


def account_for(server, **changes) -> Account:
    """An Account that reaches `server`, with any field overridden."""
    account = make_account(server.host, server.port, server.security, server.username)
    return dataclasses.replace(account, **changes)


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict, for tests only."""

    # Raising here marks the class "not viable", so keyring's auto-detection never picks it up
    # in other tests just because this module defined it.
    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend, set explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every mail test gets a fresh in-memory keyring; the real keychain is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
