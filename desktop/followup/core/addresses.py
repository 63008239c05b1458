"""Email addresses as calendar and contact files carry them, checked and normalised.

Files from the wild add noise around an address: "mailto:" twice, a parameter that leaked
into the value ("jane@acme.com;RSVP=TRUE"), a space left by a bad line fold, angle brackets.
`normalise_address` removes that noise and then checks the syntax with `email-validator`
(RFC 5321/5322 and internationalised domains; never a DNS lookup).
"""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

__all__ = ["BadAddress", "has_control_character", "normalise_address", "usable_address"]


class BadAddress(ValueError):
    """Text that is not an email address; the message says what is wrong with it."""


_SCHEME = re.compile(r"^(?:\s*mailto\s*:\s*)+", re.IGNORECASE)


def normalise_address(raw: str) -> str:
    """The address in `raw`, lowercased, or BadAddress saying why there is none.

    "MAILTO:mailto:Jane@Acme.COM" -> "jane@acme.com"; "<jane@acme.com>" -> "jane@acme.com";
    "jane@acme.com;CN=Jane" -> "jane@acme.com"; "jane.d oe@acme.com" (a space from a broken
    fold) -> "jane.doe@acme.com"; "jane@bücher.de" keeps its international domain.
    """
    text = _SCHEME.sub("", raw.strip()).strip().strip("<>").strip()
    text = re.split(r"[;?]", text, maxsplit=1)[0]  # leaked parameters, URI headers
    text = re.sub(r"\s+", "", text)
    if not text:
        raise BadAddress("the address is empty")
    if "@" not in text:
        raise BadAddress(f"{raw.strip()!r} is not an email address: it has no @")
    try:
        valid = validate_email(text, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise BadAddress(f"{raw.strip()!r} is not an email address: {exc}") from None
    return valid.normalized.lower()


def has_control_character(text: str) -> bool:
    """True when `text` holds a line break or any other control or separator character."""
    return any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in text)


def usable_address(address: str) -> str | None:
    """`address` as a message can carry it, its domain in ASCII (IDNA), or None when it is not
    a usable address. Checked by `email-validator` with no DNS lookup: RFC 5321 mailbox syntax
    with an ASCII local part; a quoted local part, a bare or bracketed IP address, a one-label
    domain or a reserved name (`localhost`, `.test`) is refused. Strict: unlike
    `normalise_address` it removes no noise, so what a person typed is either sent as it is or
    refused."""
    try:
        # A domain may end with the root's dot ("acme.com."); the message carries it without.
        valid = validate_email(address.strip().rstrip("."), check_deliverability=False,
                               allow_smtputf8=False)
    except EmailNotValidError:
        return None
    return valid.ascii_email
