"""The SMTP password: kept in the system keyring, or in memory for this session when none works.

Nothing here logs or formats the password; keyring errors are reduced to True/False/None so that
no backend message carrying it can travel further.
"""

from __future__ import annotations

import keyring
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "Followup SMTP"


def account_key(username: str, host: str) -> str:
    """The keyring user name for one account: one password per user on one server."""
    return f"{username}@{host}"


def keyring_available() -> bool:
    """True when a real keyring backend is configured (not the fail or null stand-ins)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration is the same as none
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def store_password(account_key: str, password: str) -> bool:
    """Keep `password` in the keyring; False when no backend could take it."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, account_key, password)
    except (KeyringError, RuntimeError, OSError):  # locked, refused, D-Bus gone
        return False
    return True


def load_password(account_key: str) -> str | None:
    """The stored password, or None when there is none or the keyring cannot be read."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account_key)
    except (KeyringError, RuntimeError, OSError):
        return None


def delete_password(account_key: str) -> None:
    """Forget the stored password; nothing happens when there is none."""
    if not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, account_key)
    except (PasswordDeleteError, KeyringError, RuntimeError, OSError):
        pass


class SessionPasswords:
    """Passwords held in memory until the app quits, for a session without a keyring."""

    def __init__(self) -> None:
        self._passwords: dict[str, str] = {}

    def __repr__(self) -> str:  # never show the values, even in a debugger or a log line
        return f"SessionPasswords({len(self._passwords)} stored)"

    def store(self, account_key: str, password: str) -> None:
        self._passwords[account_key] = password

    def load(self, account_key: str) -> str | None:
        return self._passwords.get(account_key)

    def delete(self, account_key: str) -> None:
        self._passwords.pop(account_key, None)


class Held:
    """Where a password is held: the keyring, this session's memory, or nowhere."""

    KEYRING = "keyring"
    SESSION = "session"


class PasswordStore:
    """The keyring when it works, otherwise the session's memory: one place to ask."""

    def __init__(self) -> None:
        self.session = SessionPasswords()
        # A keyring that is there but refused a password (locked, "Failed to unlock the
        # collection", a denied prompt) is no keyring for the rest of this session.
        self.refused = False

    @property
    def persistent(self) -> bool:
        """True when a stored password survives a restart (the keyring is in use and has
        not refused one in this session)."""
        return keyring_available() and not self.refused

    def store(self, account_key: str, password: str) -> bool:
        """Keep the password; True when it went to the keyring, False when only in memory
        (no keyring, or one that refused it: `refused` then says which)."""
        if not self.refused and store_password(account_key, password):
            self.session.delete(account_key)
            return True
        if keyring_available():
            self.refused = True
        self.session.store(account_key, password)
        return False

    def load(self, account_key: str) -> str | None:
        return self.session.load(account_key) or load_password(account_key)

    def held(self, account_key: str) -> str | None:
        """Where the password of `account_key` is held (a `Held` value), or None."""
        if self.session.load(account_key) is not None:
            return Held.SESSION
        return Held.KEYRING if load_password(account_key) is not None else None

    def delete(self, account_key: str) -> None:
        self.session.delete(account_key)
        delete_password(account_key)
