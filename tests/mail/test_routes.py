"""The mailto link and the .eml file, for sending from the user's own mail program."""

from __future__ import annotations

import os
from email import message_from_bytes, policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from followup.mail.outbox import Account, ComposeError, compose_message
from followup.mail.routes import MAILTO_LIMIT, fits_mailto, mailto_url, write_eml

ACCOUNT = Account("smtp.example.com", 587, "starttls", "sam", "Sam Seeker", "sam@seeker.example")


def test_mailto_is_percent_encoded():
    url = mailto_url("jane+jobs@acme.com", "Thanks & see you — soon?",
                     "Hi Jane,\n\n100% worth it: a=b&c #1\nSam")
    assert url.startswith("mailto:jane%2Bjobs@acme.com?subject=")
    assert " " not in url and "\n" not in url and "—" not in url
    assert "%0D%0A%0D%0A" in url  # RFC 6068: line breaks as CRLF
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    assert unquote(parts.path) == "jane+jobs@acme.com"
    assert query["subject"] == ["Thanks & see you — soon?"]
    assert query["body"] == ["Hi Jane,\r\n\r\n100% worth it: a=b&c #1\r\nSam"]


def test_mailto_refuses_bad_input():
    with pytest.raises(ComposeError, match="on their card"):
        mailto_url("", "Hi", "Body", to_name="Jane Doe")
    with pytest.raises(ComposeError, match="line break"):
        mailto_url("jane@acme.com", "Hi\r\nBcc: x@example.com", "Body")


def test_fits_mailto():
    short = mailto_url("jane@acme.com", "Hi", "Short note")
    long = mailto_url("jane@acme.com", "Hi", "é" * 400)  # 6 characters each once encoded
    assert fits_mailto(short)
    assert len(long) > MAILTO_LIMIT and not fits_mailto(long)
    assert fits_mailto("m" * MAILTO_LIMIT) and not fits_mailto("m" * (MAILTO_LIMIT + 1))


def make_message():
    return compose_message(ACCOUNT, "Jane Doe", "jane@acme.com", "Thank you",
                           "Hi Jane,\n\n**Thanks**\n\nSam")


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_write_eml_round_trips(folder):
    message = make_message()
    path = write_eml(message, folder / "jane.eml")
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    parsed = message_from_bytes(data, policy=policy.default)
    assert parsed["To"] == "Jane Doe <jane@acme.com>"
    assert parsed["Message-ID"] == message["Message-ID"]
    assert parsed["X-Unsent"] == "1"
    assert "<strong>Thanks</strong>" in parsed.get_body(("html",)).get_content()
    assert message["X-Unsent"] is None  # the caller's message is left alone
    assert os.listdir(folder) == ["jane.eml"]  # no temporary file left behind
    if os.name == "posix":  # a note to a person is private: owner-only, as mkstemp made it
        assert path.stat().st_mode & 0o777 == 0o600


def test_write_eml_replaces_whole_file(folder):
    target = folder / "jane.eml"
    target.write_bytes(b"old content " * 1000)
    message = make_message()
    write_eml(message, target)
    data = target.read_bytes()
    assert b"old content" not in data
    assert message_from_bytes(data, policy=policy.default)["Message-ID"] == message["Message-ID"]


def test_write_eml_failure_leaves_nothing(folder):
    target = folder / "a-directory"
    target.mkdir()
    with pytest.raises(OSError):
        write_eml(make_message(), target)  # cannot replace a directory with a file
    assert os.listdir(folder) == ["a-directory"]
