"""The SMTP account the user set up: its settings in the library, its password's keyring entry.

Kept apart from `delivery` so that `mailbox` (the Sent folder) can find the same account
without importing the module that sends.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from followup.mail.outbox import Account
from followup.store.library import Library

ACCOUNT_KEY = "smtp.account"

__all__ = ["ACCOUNT_KEY", "load_account", "save_account", "secret_key"]


def load_account(library: Library) -> Account | None:
    raw = library.setting(ACCOUNT_KEY)
    if not raw:
        return None
    values = json.loads(raw)
    return Account(**{k: values[k] for k in (
        "host", "port", "security", "username", "sender_name", "sender_address")})


def save_account(library: Library, account: Account) -> None:
    library.set_setting(ACCOUNT_KEY, json.dumps(asdict(account)))


def secret_key(account: Account) -> str:
    from followup.mail.secrets import account_key  # the keyring: only when a password is needed

    return account_key(account.username or account.sender_address, account.host)
