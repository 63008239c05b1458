"""Other ways out for a note when SMTP is not set up: a mailto link or an .eml file.

A mailto link opens the user's own mail program with the note filled in; links longer than
`MAILTO_LIMIT` get cut by some programs, so the caller offers the .eml file instead.
"""

from __future__ import annotations

import copy
import os
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import quote

from followup.core.atomic_files import write_atomically
from followup.mail.outbox import check_header_text, check_recipient, message_bytes

MAILTO_LIMIT = 1800


def mailto_url(to: str, subject: str, body: str, *, to_name: str = "") -> str:
    """An RFC 6068 mailto link for one person, every part percent-encoded as UTF-8.

    Raises ComposeError for a missing or malformed address or a subject with a line break.
    """
    address = check_recipient(to_name or to, to)
    subject = check_header_text("subject", subject)
    # RFC 6068 section 5: line breaks in the body are written as %0D%0A.
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(address, safe='@')}?{query}"


def fits_mailto(url: str) -> bool:
    """True when `url` is short enough for mail programs to take whole."""
    return len(url) <= MAILTO_LIMIT


def write_eml(message: EmailMessage, path: str | os.PathLike) -> Path:
    """Write the message to `path` as an .eml file (CRLF line ends), atomically: the file is
    either whole or not there at all.

    With `X-Unsent: 1`, which makes Outlook and some others open the file as a draft ready to
    send rather than as a received message.
    """
    if message.get("X-Unsent") is None:
        message = copy.deepcopy(message)
        message["X-Unsent"] = "1"
    target = write_atomically(path, message_bytes(message))
    return target
