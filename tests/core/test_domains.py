"""What a domain says about a company, from the Public Suffix List and a free-mail list,
without any network access."""

from __future__ import annotations

import socket

import pytest

from followup.core import domains
from followup.core.domains import (
    company_from_domain,
    company_name,
    is_company_domain,
    registrable_domain,
)


@pytest.mark.parametrize(("domain", "registrable"), [
    ("mail.acme-robotics.co.uk", "acme-robotics.co.uk"), ("acme.com.au", "acme.com.au"),
    ("eu.mail.acme.com", "acme.com"), ("co.uk", ""), ("localhost", ""),
])
def test_registrable_domain(domain, registrable):
    assert registrable_domain(domain) == registrable


@pytest.mark.parametrize("domain", [
    "gmail.com", "googlemail.com", "icloud.com", "me.com", "yahoo.com", "yahoo.co.jp",
    "yahoo.com.br", "ymail.com", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.de",
    "live.co.uk", "gmx.de", "gmx.at", "gmx.ch", "xs4all.nl", "web.de", "proton.me",
    "t-online.de", "orange.fr", "qq.com", "mail.ru", "yandex.ru",
    "acme.onmicrosoft.com", "acme.github.io", "group.calendar.google.com",
    "no.where", "acme.invalid", "nord.tld",  # no such top-level domain
])
def test_free_mail_hosting_and_services_are_not_company_domains(domain):
    assert not is_company_domain(domain)
    assert company_from_domain(domain) == ""


@pytest.mark.parametrize(("domain", "company"), [
    ("acme.com", "Acme"), ("mail.acme.com", "Acme"), ("acme-robotics.co.uk", "Acme Robotics"),
    ("quarrylabs.com", "Quarrylabs"), ("initech.de", "Initech"),
    ("xn--bcher-kva.de", "Bücher"), ("bücher.de", "Bücher"),
])
def test_company_from_a_work_domain(domain, company):
    assert is_company_domain(domain)
    assert company_from_domain(domain) == company


def test_a_hint_spells_the_company_as_written():
    assert company_name("quarrylabs.com", ("Quarry Labs interview",)) == "Quarry Labs"
    assert company_name("quarrylabs.com", ("Coffee with Jane",)) == "Quarrylabs"
    assert company_name("mueller-soehne.de", ("Müller & Söhne",)) == "Mueller Soehne"
    assert company_name("gmail.com", ("Gmail interview",)) == ""


def test_nothing_is_fetched_from_the_network(monkeypatch):
    def no_network(*_args, **_kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    for cached in (domains._icann, domains._with_private, domains._free_mail):
        cached.cache_clear()
    assert registrable_domain("a.b.example.co.uk") == "example.co.uk"
    assert not is_company_domain("gmail.com")
    from followup.core.addresses import normalise_address

    assert normalise_address("mailto:Jane@Bücher.de") == "jane@bücher.de"
