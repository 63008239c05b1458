"""Every test gets its own data folder, settings and keyring; nothing touches the user's."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("FOLLOWUP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("FOLLOWUP_SMTP_PASSWORD", raising=False)
    # Spelling in American English unless a test picks another (the machine's locale may differ).
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return home


@pytest.fixture(autouse=True)
def spelling_as_it_was():
    """A test that picks an English or a personal word list leaves the next one the default."""
    from followup.core import spelling

    before = (spelling._language, spelling._personal)
    yield
    if (spelling._language, spelling._personal) != before:
        spelling.use(*before)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def library(data_dir):
    from followup.paths import library_path
    from followup.store.library import Library

    lib = Library(library_path(data_dir))
    yield lib
    lib.close()


@pytest.fixture
def demo_library(library):
    from followup.store.demo import seed_demo

    seed_demo(library)
    return library
