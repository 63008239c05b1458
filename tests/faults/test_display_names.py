"""A display name can never add a recipient: long names with commas, quotes, semicolons or
accents reach a real SMTP server on loopback as one mailbox in `To:`, and names holding `@` or
control characters are refused before anything is built."""

from __future__ import annotations

import random
import string
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.utils import getaddresses

import pytest

from followup.mail.outbox import Account, ComposeError, compose_message, send_message
from tests import smtp_server as servers

VCARD_NAMES = [
    "Doe, Jane (Engineering Manager, Platform and Infrastructure), Acme Corporation Europe",
    "Doe, Jane <boss>, Acme Corporation Europe Limited International Holdings and Partners",
    'Müller, Jürgen "JM", Abteilungsleiter Softwareentwicklung und Infrastruktur, Acme GmbH',
    "Lee; Sam: Recruiting Coordinator, Talent Acquisition, North America and EMEA region team",
    "O'Neil, Pat \\ Staff Engineer, Payments, Risk and Compliance (Dublin, Ireland) [contractor]",
    "Chen, Wei 陈伟, 高级工程师, 平台基础设施与可靠性工程, Acme 上海 研发中心 北京分部",
]


def _random_names(count: int) -> list[str]:
    rng = random.Random(80222)
    alphabet = string.ascii_letters + " ,;:<>()[]\\\".'-&ü陈"
    names = []
    for _ in range(count):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 180)))
        names.append(" ".join(text.split()) or "x")
    return names


def _visible_recipients(raw: bytes) -> list[tuple[str, str]]:
    """What Reply-all would use: every address in To and Cc, read the way mail programs do."""
    message = message_from_bytes(raw, policy=policy.compat32)
    return getaddresses(message.get_all("To", []) + message.get_all("Cc", []))


def _decoded(phrase: str) -> str:
    return str(make_header(decode_header(phrase))) if "=?" in phrase else phrase


@pytest.fixture(scope="module")
def server():
    with servers.running_server("none", auth=False,
                                certificates=servers.make_certificates()) as running:
        yield running


def _account(server, sender_name: str = "Sam Seeker") -> Account:
    return Account(server.host, server.port, "none", "", sender_name, "sam@seeker.example")


@pytest.mark.parametrize("name", VCARD_NAMES)
def test_long_names_with_commas_reach_the_server_as_one_mailbox(server, name):
    message = compose_message(_account(server, sender_name=name.replace("Jane", "Sam")),
                              name, "jane@acme.com", "Thank you", "Hi Jane")
    result = send_message(_account(server), "", message, timeout=10)
    assert result.ok, result.reason
    received = server.received[-1]
    assert received.rcpt_tos == ["jane@acme.com"]
    visible = _visible_recipients(received.raw)
    assert [address for _, address in visible] == ["jane@acme.com"], visible
    assert _decoded(visible[0][0]) == name
    sender = getaddresses(message_from_bytes(received.raw, policy=policy.compat32)
                          .get_all("From"))
    assert [address for _, address in sender] == ["sam@seeker.example"]
    assert all(len(line) <= 78 for line in received.raw.split(b"\r\n")[:12])


def test_no_name_of_any_shape_adds_an_address():
    account = Account("smtp.example.com", 587, "starttls", "", "Sam Seeker",
                      "sam@seeker.example")
    for name in _random_names(1500):
        if "@" in name:
            continue
        raw = compose_message(account, name, "jane@acme.com", "Hi", "Hi").as_bytes()
        visible = _visible_recipients(raw)
        assert [address for _, address in visible] == ["jane@acme.com"], name
        assert _decoded(visible[0][0]) == name, name
        parsed = message_from_bytes(raw, policy=policy.default)
        assert [a.addr_spec for a in parsed["To"].addresses] == ["jane@acme.com"], name


@pytest.mark.parametrize("name", [
    "jane@acme.com", "Jane Doe <jane@acme.com>",
    "Doe, Jane <boss@evil.example>, Acme Corporation Europe Limited International Holdings",
    "Jane\r\nBcc: all@acme.com", "Jane\x00Doe", "Jane\u2028Doe", "Jane\tDoe",
])
def test_names_with_at_or_control_characters_are_refused(name):
    account = Account("smtp.example.com", 587, "starttls", "", "Sam Seeker",
                      "sam@seeker.example")
    with pytest.raises(ComposeError, match="card|control character|line break"):
        compose_message(account, name, "jane@acme.com", "Hi", "Hi")
