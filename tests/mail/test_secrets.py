"""The password in the keyring, and the in-memory fallback when no keyring works."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from followup.mail.secrets import (
    SERVICE,
    PasswordStore,
    SessionPasswords,
    account_key,
    delete_password,
    keyring_available,
    load_password,
    store_password,
)


@pytest.fixture
def no_keyring():
    """keyring's fail backend, as on a bare Linux session without a secret service."""
    keyring.set_keyring(fail.Keyring())


def test_account_key_names_user_and_server():
    assert account_key("sam", "smtp.example.com") == "sam@smtp.example.com"


def test_round_trip_through_the_keyring(memory_keyring):
    assert keyring_available()
    assert store_password("sam@smtp.example.com", "Pa55-word")
    assert memory_keyring.passwords == {(SERVICE, "sam@smtp.example.com"): "Pa55-word"}
    assert load_password("sam@smtp.example.com") == "Pa55-word"
    delete_password("sam@smtp.example.com")
    assert load_password("sam@smtp.example.com") is None
    delete_password("sam@smtp.example.com")  # deleting twice is harmless


def test_unknown_account_has_no_password():
    assert load_password("nobody@nowhere.example") is None


@pytest.mark.usefixtures("no_keyring")
def test_fail_backend_means_no_keyring():
    assert not keyring_available()
    assert store_password("sam@smtp.example.com", "Pa55-word") is False
    assert load_password("sam@smtp.example.com") is None
    delete_password("sam@smtp.example.com")


def test_null_backend_means_no_keyring():
    keyring.set_keyring(null.Keyring())
    assert not keyring_available()


def test_a_backend_that_errors_is_reported_as_failure(memory_keyring):
    def locked(service, username, password):
        raise keyring.errors.KeyringLocked("the keyring is locked: Pa55-word")

    memory_keyring.set_password = locked
    assert store_password("sam@smtp.example.com", "Pa55-word") is False


def test_session_passwords_keep_values_out_of_repr():
    session = SessionPasswords()
    session.store("sam@smtp.example.com", "Pa55-word")
    assert session.load("sam@smtp.example.com") == "Pa55-word"
    assert "Pa55-word" not in repr(session) and "Pa55-word" not in str(session)
    session.delete("sam@smtp.example.com")
    assert session.load("sam@smtp.example.com") is None


def test_password_store_uses_the_keyring_when_it_works(memory_keyring):
    store = PasswordStore()
    assert store.persistent
    assert store.store("sam@smtp.example.com", "Pa55-word") is True
    assert store.session.load("sam@smtp.example.com") is None
    assert PasswordStore().load("sam@smtp.example.com") == "Pa55-word"  # survives a "restart"
    store.delete("sam@smtp.example.com")
    assert memory_keyring.passwords == {}


@pytest.mark.usefixtures("no_keyring")
def test_password_store_falls_back_to_memory():
    store = PasswordStore()
    assert not store.persistent
    assert store.store("sam@smtp.example.com", "Pa55-word") is False
    assert store.load("sam@smtp.example.com") == "Pa55-word"
    assert PasswordStore().load("sam@smtp.example.com") is None  # gone after a "restart"
    store.delete("sam@smtp.example.com")
    assert store.load("sam@smtp.example.com") is None


def test_the_fixture_keeps_the_real_keyring_out(memory_keyring):
    assert keyring.get_keyring() is memory_keyring
