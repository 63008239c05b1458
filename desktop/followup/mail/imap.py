"""The user's own mailbox over IMAP (RFC 3501, Python's imaplib): a copy of each sent note in
the Sent folder, and the headers of messages that may answer one.

Plain Python like `outbox`: the caller supplies the account, the password and what to look
for. Folders are opened with EXAMINE (read-only), messages are read with BODY.PEEK of a few
header fields, so nothing is marked read, moved or deleted, and no body is read. Every failure
comes back as a sentence the user can act on (`ImapFailure`), never as an exception carrying
the password; every network step has a timeout. `outbox` is imported where an account is
checked or a session starts: the reply check at start-up reads the settings only.
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import compat32

from followup.core.addresses import has_control_character
from followup.core.checkins import Headers, headers_from

SECURITIES = ("ssl", "starttls", "none")
DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
# Servers that file a copy of mail sent through their SMTP server in Sent by themselves, known
# by a capability they advertise: Gmail's extensions (X-GM-EXT-1). Appending there would show
# the note twice.
FILES_SENT_ITSELF = ("X-GM-EXT-1",)
HEADER_FIELDS = "(FROM DATE MESSAGE-ID IN-REPLY-TO REFERENCES)"
FETCH_BATCH = 200  # messages whose headers are asked for in one FETCH


@dataclass(frozen=True)
class ImapAccount:
    """Where the user's mailbox is; the password is kept apart (`followup.mail.secrets`)."""

    host: str
    port: int
    security: str  # "ssl" (implicit TLS, 993), "starttls" (143) or "none" (loopback only)
    username: str


class ImapFailure(Exception):
    """Something the user can act on, in words (a wrong password, no such server, an untrusted
    certificate, a missing folder). `password_refused` says to forget the stored password."""

    def __init__(self, reason: str, password_refused: bool = False, retryable: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.password_refused = password_refused
        self.retryable = retryable


@dataclass(frozen=True)
class CopyResult:
    """What became of the copy in Sent: `state` is "appended", "already there" (a copy with
    that Message-ID was found, so none was added), "filed by server" or "failed"."""

    state: str
    folder: str = ""
    reason: str = ""


def imap_problem(account: ImapAccount) -> str | None:
    """Why `account` cannot be used, or None when it looks complete."""
    if not account.host.strip():
        return "Enter the name of your IMAP server (for example imap.example.com)."
    if not 0 < account.port < 65536:
        return f"The IMAP port {account.port} is not valid; SSL uses 993 and STARTTLS 143."
    if account.security not in SECURITIES:
        return "Choose the IMAP connection security: SSL (port 993) or STARTTLS (port 143)."
    from followup.mail.outbox import is_loopback

    if account.security == "none" and not is_loopback(account.host):
        return (f"An unencrypted IMAP connection is only allowed to a server on this computer, "
                f"not to {account.host}. Choose SSL (port 993) or STARTTLS (port 143).")
    if not account.username.strip():
        return "Enter the user name of your mailbox."
    if has_control_character(account.username) or has_control_character(account.host):
        return "The IMAP user name or server contains a control character."
    return None


# ---- the session ------------------------------------------------------------------------------

@contextmanager
def session(account: ImapAccount, password: str, *, timeout: float = 20.0,
            ssl_context: ssl.SSLContext | None = None) -> Iterator[imaplib.IMAP4]:
    """A connected, secured and signed-in IMAP session, logged out on the way out. Raises
    ImapFailure (its reason scrubbed of the password) for anything that goes wrong inside."""
    from followup.mail.outbox import scrub

    problem = imap_problem(account)
    if problem:
        raise ImapFailure(problem, retryable=False)
    conn = None
    try:
        conn = _connect(account, timeout, ssl_context)
        _sign_in(conn, account, password)
        yield conn
    except ImapFailure as failure:
        failure.reason = scrub(failure.reason, account.username, password)
        raise
    except Exception as error:  # every failure becomes a sentence, never a traceback
        reason, retryable = explain(error, account, timeout)
        raise ImapFailure(scrub(reason, account.username, password),
                          retryable=retryable) from None
    finally:
        if conn is not None:
            _close(conn)


def _connect(account: ImapAccount, timeout: float,
             ssl_context: ssl.SSLContext | None) -> imaplib.IMAP4:
    context = ssl_context or ssl.create_default_context()
    if account.security == "ssl":
        return imaplib.IMAP4_SSL(account.host, account.port, ssl_context=context,
                                 timeout=timeout)
    conn = imaplib.IMAP4(account.host, account.port, timeout=timeout)
    if account.security == "starttls":
        if "STARTTLS" not in conn.capabilities:
            _close(conn)
            raise ImapFailure(
                f"The IMAP server {account.host} does not offer STARTTLS on port "
                f"{account.port}, so the connection cannot be encrypted. Check the port (143) "
                "or choose SSL on port 993.", retryable=False)
        conn.starttls(ssl_context=context)
    return conn


def _sign_in(conn: imaplib.IMAP4, account: ImapAccount, password: str) -> None:
    if "LOGINDISABLED" in conn.capabilities:
        raise ImapFailure(f"The IMAP server {account.host} does not allow signing in on this "
                          "connection. Choose SSL or STARTTLS.", retryable=False)
    try:
        if (account.username + password).isascii():
            conn.login(account.username, password)
        else:  # LOGIN is ASCII-only in imaplib; AUTHENTICATE PLAIN is UTF-8 (RFC 4616)
            token = f"\0{account.username}\0{password}".encode()
            conn.authenticate("PLAIN", lambda _challenge: token)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as error:
        raise ImapFailure(
            f"The IMAP server {account.host} did not accept the password for "
            f"{account.username} ({_server_words(error)}). Check the user name and password; "
            "some providers need an app password.", password_refused=True,
            retryable=False) from None
    # Servers advertise more once signed in (SPECIAL-USE, X-GM-EXT-1): ask again.
    typ, data = conn.capability()
    if typ == "OK" and data and data[-1]:
        conn.capabilities = tuple(data[-1].decode("ascii", "replace").upper().split())


def _close(conn: imaplib.IMAP4) -> None:
    try:
        if conn.state == "SELECTED":
            conn.close()
        conn.logout()
    except (imaplib.IMAP4.error, OSError):
        try:
            conn.shutdown()
        except OSError:
            pass


def capabilities(conn: imaplib.IMAP4) -> frozenset[str]:
    """What the server says it can do (upper case), as asked after signing in."""
    return frozenset(c.upper() for c in conn.capabilities)


def files_sent_itself(caps: frozenset[str]) -> bool:
    """True for a server known to file mail sent through its SMTP server in Sent itself."""
    return any(name in caps for name in FILES_SENT_ITSELF)


# ---- folders ----------------------------------------------------------------------------------

_LIST_RE = re.compile(rb'^\((?P<flags>[^)]*)\) (?P<sep>"(?:\\.|[^"])*"|NIL) (?P<name>.+)$')


@dataclass(frozen=True)
class Folder:
    name: str  # as the server spells it, ready to quote in a command
    flags: frozenset[str]  # lower-cased: \sent, \noselect ...


def list_folders(conn: imaplib.IMAP4) -> list[Folder]:
    """Every folder with its flags (RFC 3501 LIST; the special-use flags of RFC 6154 come with
    it on servers that have them)."""
    typ, data = conn.list('""', "*")
    if typ != "OK":
        raise ImapFailure("The IMAP server would not list its folders.")
    folders = []
    for line in data:
        if isinstance(line, tuple):  # a name sent as a literal
            head, literal = line[0], line[1]
            line = head[:head.rfind(b"{")] + b'"' + literal.replace(b'"', b'\\"') + b'"'
        if not isinstance(line, bytes):
            continue
        match = _LIST_RE.match(line)
        if match is None:
            continue
        name = match["name"].decode("utf-8", "replace").strip()
        if name.startswith('"') and name.endswith('"'):
            name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        flags = frozenset(match["flags"].decode("ascii", "replace").lower().split())
        folders.append(Folder(name, flags))
    return folders


def sent_folder(folders: Sequence[Folder]) -> str | None:
    """The folder the server marks `\\Sent` (RFC 6154), else the one named Sent (any case, at
    any level); None when there is neither."""
    usable = [f for f in folders if "\\noselect" not in f.flags and "\\nonexistent" not in f.flags]
    for folder in usable:
        if "\\sent" in folder.flags:
            return folder.name
    for folder in usable:
        if re.split(r"[./]", folder.name)[-1].lower() == "sent":
            return folder.name
    return None


def quoted(name: str) -> str:
    """A folder name as an IMAP quoted string."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _examine(conn: imaplib.IMAP4, folder: str) -> int:
    """Open `folder` read-only (EXAMINE); how many messages it holds."""
    typ, data = conn.select(quoted(folder), readonly=True)
    if typ != "OK":
        raise ImapFailure(f"The folder \u201c{folder}\u201d cannot be opened on the IMAP server "
                          f"({_words(data)}).", retryable=False)
    try:
        return int(data[0] or 0)
    except (TypeError, ValueError):
        return 0


# ---- a copy in Sent ---------------------------------------------------------------------------

def file_sent_copy(account: ImapAccount, password: str, raw: bytes, message_id: str,
                   when: datetime, *, timeout: float = 20.0,
                   ssl_context: ssl.SSLContext | None = None) -> CopyResult:
    """Append the exact message `raw` (as sent over SMTP) to the Sent folder, once: not when
    the server files sent mail itself, not when a copy with `message_id` is there already.
    `when` is the moment it was sent (the copy's INTERNALDATE). Never raises."""
    try:
        with session(account, password, timeout=timeout, ssl_context=ssl_context) as conn:
            if files_sent_itself(capabilities(conn)):
                return CopyResult("filed by server", reason=f"{account.host} files sent mail "
                                  "in Sent itself")
            folder = sent_folder(list_folders(conn))
            if folder is None:
                return CopyResult("failed", reason=f"The mailbox at {account.host} has no Sent "
                                  "folder (none marked \\Sent, none named Sent). Create one "
                                  "in your mail app; the note itself was sent.")
            if _holds(conn, folder, message_id):
                return CopyResult("already there", folder)
            typ, data = conn.append(quoted(folder), r"(\Seen)",
                                    imaplib.Time2Internaldate(when), raw)
            if typ != "OK":
                return CopyResult("failed", folder, f"The IMAP server would not add the copy "
                                  f"to {folder} ({_words(data)}).")
            return CopyResult("appended", folder)
    except ImapFailure as failure:
        return CopyResult("failed", reason=failure.reason)


def _holds(conn: imaplib.IMAP4, folder: str, message_id: str) -> bool:
    if not message_id or not _examine(conn, folder):
        return False
    typ, data = conn.uid("SEARCH", "HEADER", "Message-ID", quoted(message_id))
    found = typ == "OK" and bool(data and data[0] and data[0].split())
    conn.close()  # back to signed in, ready to APPEND
    return found


# ---- replies ----------------------------------------------------------------------------------

def fetch_headers(account: ImapAccount, password: str, since: datetime, *,
                  folder: str = "INBOX", timeout: float = 20.0,
                  ssl_context: ssl.SSLContext | None = None) -> list[Headers]:
    """The reply-deciding headers of every message in `folder` that arrived on or after the
    day of `since`, read-only. Raises ImapFailure."""
    with session(account, password, timeout=timeout, ssl_context=ssl_context) as conn:
        if not _examine(conn, folder):
            return []
        day = (since.astimezone(UTC) - timedelta(days=1)).strftime("%d-%b-%Y")
        typ, data = conn.uid("SEARCH", "SINCE", day)
        if typ != "OK":
            raise ImapFailure(f"The IMAP server could not search {folder} ({_words(data)}).")
        uids = data[0].split() if data and data[0] else []
        found: list[Headers] = []
        for start in range(0, len(uids), FETCH_BATCH):
            batch = b",".join(uids[start:start + FETCH_BATCH]).decode("ascii")
            typ, data = conn.uid("FETCH", batch,
                                 f"(INTERNALDATE BODY.PEEK[HEADER.FIELDS {HEADER_FIELDS}])")
            if typ != "OK":
                raise ImapFailure(f"The IMAP server could not read headers in {folder} "
                                  f"({_words(data)}).")
            found += _parse_fetch(data)
        return found


def _parse_fetch(data) -> list[Headers]:
    parser = BytesHeaderParser(policy=compat32)
    found = []
    for item in data:
        if not isinstance(item, tuple) or len(item) < 2:
            continue
        stamp = imaplib.Internaldate2tuple(item[0])
        internal = datetime.fromtimestamp(time.mktime(stamp), UTC) if stamp else None
        found.append(headers_from(parser.parsebytes(item[1]), internal))
    return found


def check_connection(account: ImapAccount, password: str, *, timeout: float = 10.0,
                     ssl_context: ssl.SSLContext | None = None) -> str:
    """Sign in and look for the Sent folder; a sentence saying what was found. Raises
    ImapFailure."""
    with session(account, password, timeout=timeout, ssl_context=ssl_context) as conn:
        if files_sent_itself(capabilities(conn)):
            return f"Signed in to {account.host}; it files sent mail in Sent itself."
        folder = sent_folder(list_folders(conn))
        if folder is None:
            return (f"Signed in to {account.host}, but it has no Sent folder: sent notes will "
                    "not be copied there until you create one.")
        return f"Signed in to {account.host}; sent notes will be copied to {folder}."


# ---- failures in words ------------------------------------------------------------------------

def _words(data) -> str:
    parts = [d.decode("utf-8", "replace") if isinstance(d, bytes) else str(d)
             for d in (data or []) if d is not None]
    return " ".join(" ".join(parts).split()) or "no reason given"


def _server_words(error: BaseException) -> str:
    text = str(error.args[0] if error.args else error)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return " ".join(text.split())


def explain(error: BaseException, account: ImapAccount, timeout: float) -> tuple[str, bool]:
    """A plain sentence for `error` and whether trying again later may help."""
    where = f"{account.host} on port {account.port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or "unknown reason"
        return (f"The certificate of the IMAP server {account.host} is not trusted ({detail}). "
                "Check the server name; it must match the name on the certificate.", False)
    if isinstance(error, ssl.SSLError):
        return (f"The secure connection to the IMAP server {where} failed "
                f"({error.reason or type(error).__name__}). Check the security setting: SSL "
                "uses port 993, STARTTLS port 143.", False)
    if isinstance(error, TimeoutError):
        return (f"The IMAP server {where} did not answer within {timeout:g} seconds. Check the "
                "port and security setting, or try again later.", True)
    if isinstance(error, socket.gaierror):
        return (f"Cannot find the IMAP server {account.host}. Check its name and your internet "
                "connection.", True)
    if isinstance(error, ConnectionRefusedError):
        return (f"Cannot reach the IMAP server {where}: the connection was refused. Check the "
                "server name and port.", True)
    text = _server_words(error) if isinstance(error, imaplib.IMAP4.error) else ""
    if "unexpected response" in text.lower() or "greeting" in text.lower():
        return (f"{where} does not answer like an IMAP server. Check the port: IMAP uses "
                "993 with SSL and 143 with STARTTLS.", False)
    if isinstance(error, imaplib.IMAP4.abort | EOFError | ConnectionError):
        return (f"The IMAP server {where} closed the connection unexpectedly. Try again "
                "later.", True)
    if isinstance(error, imaplib.IMAP4.error):
        return f"The IMAP server {account.host} refused a step ({text}).", True
    if isinstance(error, OSError):
        detail = error.strerror or type(error).__name__
        return f"Cannot reach the IMAP server {where}: {detail}.", True
    return f"Reading the mailbox failed unexpectedly ({type(error).__name__}).", False
