"""Fixtures for the reply tests: a real Dovecot on loopback (`tests/imap_server.py`), the real
SMTP server the sending tests use, and a private in-memory keyring.

Without Dovecot the tests that need it are skipped on a developer's machine and fail under
CI (CI=true): a CI run must never pass by skipping them.
"""

from __future__ import annotations

import os

import pytest

from followup.mail.imap import ImapAccount
from tests import imap_server
from tests.mail.conftest import memory_keyring  # noqa: F401  (autouse: no real keychain)


def _need_dovecot() -> None:
    if imap_server.DOVECOT is not None:
        return
    message = "dovecot is not installed (apt-get install dovecot-imapd; ./dev test does it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def dovecot():
    """Dovecot with an INBOX and a Sent folder marked \\Sent, plain text on loopback."""
    _need_dovecot()
    with imap_server.running_dovecot() as server:
        yield server


@pytest.fixture
def imap_account():
    def make(server, **changes) -> ImapAccount:
        values = {"host": server.host, "port": server.port, "security": server.security,
                  "username": server.username, **changes}
        return ImapAccount(**values)

    return make


@pytest.fixture
def need_dovecot():
    _need_dovecot()
