"""Build one follow-up email per person and send it over SMTP, reporting the outcome in plain words.

Everything here is plain Python: the caller supplies the account, the password and the text, and
gets back an `EmailMessage` or a `SendResult`. No exception that could carry the password leaves
`send_message` or `test_connection`; every failure becomes a sentence the user can act on.
Markdown (`core.rendering`: Python-Markdown, nh3) is imported when a body is first rendered: the
sending account and the mailbox's settings use this module without it.
"""

from __future__ import annotations

import base64
import ipaddress
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, localtime, make_msgid

from followup.core.addresses import has_control_character, usable_address

SECURITIES = ("ssl", "starttls", "none")
DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
EHLO_NAME = "[127.0.0.1]"


@dataclass(frozen=True)
class Account:
    """An SMTP account; the password is kept apart (see `followup.mail.secrets`)."""

    host: str
    port: int
    security: str  # "ssl" (implicit TLS), "starttls" or "none" (loopback only)
    username: str
    sender_name: str
    sender_address: str


@dataclass(frozen=True)
class SendResult:
    """What happened to one message or connection test, in words fit to show the user.

    `maybe_sent` is True when the connection broke after the message text went out: the server
    may have accepted it, so the caller must not resend without asking.
    """

    ok: bool
    message_id: str | None = None
    reason: str = ""
    retryable: bool = False
    maybe_sent: bool = False
    password_refused: bool = False  # the server refused the sign-in: forget that password


class ComposeError(ValueError):
    """A message cannot be built; the text says what the user should fix."""


# ---- checking what goes into headers ----------------------------------------------------------

def check_header_text(label: str, text: str) -> str:
    """`text` stripped, or ComposeError when it could smuggle extra headers into the message."""
    if has_control_character(text):
        raise ComposeError(
            f"The {label} contains a line break or another control character. "
            "Remove it and keep the " + label + " on one line."
        )
    return text.strip()


def check_recipient(name: str, address: str | None) -> str:
    """The person's address normalised, or ComposeError pointing the user to their card."""
    who = name.strip() or "this person"
    if not address or not address.strip():
        raise ComposeError(f"Add {who}'s email address on their card.")
    if has_control_character(address):
        raise ComposeError(
            f"{who}'s email address contains a line break or another control character. "
            "Correct it on their card.")
    normal = usable_address(address)
    if normal is None:
        raise ComposeError(
            f"{who}'s email address \u201c{address.strip()}\u201d does not look right. "
            "Correct it on their card."
        )
    return normal


def check_sender(account: Account) -> str:
    normal = usable_address(account.sender_address or "")
    if normal is None:
        raise ComposeError(
            "Your own email address in the account settings is missing or does not look right."
        )
    return normal


def is_loopback(host: str) -> bool:
    """True for a host on this machine, the only place a plain-text connection is allowed."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def account_problem(account: Account) -> str | None:
    """Why `account` cannot be used, or None when it looks complete."""
    if not account.host.strip():
        return "Enter the name of your mail server (for example smtp.example.com)."
    if not 0 < account.port < 65536:
        return f"The port {account.port} is not valid; SSL uses 465 and STARTTLS 587."
    if account.security not in SECURITIES:
        return "Choose the connection security: SSL (port 465) or STARTTLS (port 587)."
    if account.security == "none" and not is_loopback(account.host):
        return (
            f"An unencrypted connection is only allowed to a server on this computer, "
            f"not to {account.host}. Choose SSL (port 465) or STARTTLS (port 587)."
        )
    if usable_address(account.sender_address or "") is None:
        return "Your own email address in the account settings is missing or does not look right."
    if has_control_character(account.sender_name) or has_control_character(account.username):
        return "Your name or user name in the account settings contains a control character."
    return None


# ---- the body ---------------------------------------------------------------------------------

def render_html(body: str) -> str:
    """A draft as the HTML document of the message's HTML part: the Markdown the user typed
    rendered for prose by `core.rendering.render_prose` (paragraphs, line breaks, lists,
    emphasis, strong, http/https/mailto links, code), everything else shown as written.
    Nothing in it loads or runs anything (no images, styles or scripts). The Preview tab shows
    exactly this."""
    from followup.core.rendering import render_prose

    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n'
    return head + render_prose(body) + "\n</body></html>\n"


def plain_text(body_markdown: str) -> str:
    """The text part: the Markdown as the user typed it (it reads well as is); only the line
    ends are made one kind, and spaces at line ends and blank lines around it dropped."""
    lines = [line.rstrip() for line in body_markdown.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def plain_and_html(body_markdown: str) -> tuple[str, str]:
    """The plain-text and sanitised HTML renderings of one body."""
    return plain_text(body_markdown), render_html(body_markdown)


# ---- composing --------------------------------------------------------------------------------

# A display name made only of these goes into the header as it is; any other (a comma, a
# quote, an accent...) is sent as RFC 2047 encoded words, which hold no character a mail
# program could take for an address separator.
_PLAIN_PHRASE_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$")
FOLD_AT = 78  # RFC 5322's recommended line length


class MailboxHeader(str):
    """A From/To/Reply-To header holding one mailbox, folded by us rather than by the email
    package: its folder drops the quotes of a long display name with commas (CPython
    gh-80222), and `Doe, Jane` then reads as two more addresses, which Reply-all would reach.
    Quacks like the email package's address header (`name`, `addresses`, `fold`)."""

    name: str  # the header's name: "To", "From", "Reply-To"
    addresses: tuple[Address, ...]
    defects: tuple[()]
    _words: list[str]
    _address: str
    _display_name: str

    def __new__(cls, header: str, display_name: str, address: str):
        words = _phrase_words(display_name)
        value = " ".join([*words, f"<{address}>"]) if words else address
        self = super().__new__(cls, value)
        self.name = header
        self._words = words
        self._address = address
        local, domain = address.split("@")
        self.addresses = (Address(display_name=display_name, username=local, domain=domain),)
        self.defects = ()
        self._display_name = display_name
        return self

    def __reduce__(self):  # copied with the message (copy.deepcopy, pickle)
        return (MailboxHeader, (self.name, self._display_name, self._address))

    def fold(self, *, policy) -> str:
        lines, line = [], f"{self.name}:"
        for word in [*self._words, f"<{self._address}>" if self._words else self._address]:
            if len(line) + 1 + len(word) > FOLD_AT and line.strip() and not line.endswith(":"):
                lines.append(line)
                line = ""
            line += " " + word
        lines.append(line)
        return policy.linesep.join(lines) + policy.linesep


EW_MAX_BYTES = 45  # base64 of 45 bytes in =?utf-8?b?...?= is 72 characters (RFC 2047: 75)


def _phrase_words(name: str) -> list[str]:
    """The display name as header words: plain words as they are, anything else as base64
    encoded words. Encoded words break only where the name has a space, and carry that space
    inside them, since RFC 2047 readers drop the blanks between encoded words."""
    if not name:
        return []
    if _PLAIN_PHRASE_RE.match(name):
        return name.split()
    chunks: list[str] = []
    for number, word in enumerate(name.split()):
        text = word if number == 0 else " " + word
        if chunks and len((chunks[-1] + text).encode()) <= EW_MAX_BYTES:
            chunks[-1] += text
            continue
        while len(text.encode()) > EW_MAX_BYTES:  # one very long word: split by characters
            cut = EW_MAX_BYTES
            while len(text[:cut].encode()) > EW_MAX_BYTES:
                cut -= 1
            chunks.append(text[:cut])
            text = text[cut:]
        chunks.append(text)
    return [f"=?utf-8?b?{base64.b64encode(c.encode()).decode('ascii')}?=" for c in chunks]


def check_display_name(label: str, name: str) -> str:
    """`name` fit for a From/To header: no control characters and no `@`, which would make a
    name look like an address of its own."""
    name = check_header_text(label, name)
    if "@" in name:
        raise ComposeError(
            f"The {label} “{name}” contains @, so mail programs could show it as an "
            "address. Correct it on the card (the address goes in the email field).")
    return name


def compose_message(
    account: Account,
    to_name: str,
    to_address: str | None,
    subject: str,
    body_markdown: str,
    *,
    reply_to: str | None = None,
    address_optional: bool = False,
) -> EmailMessage:
    """One message to one person, with a text part and a sanitised HTML alternative.

    Raises ComposeError (a user-facing sentence) before anything is built when a header would
    carry a line break or an address is missing or malformed. With `address_optional` (an .eml
    file, whose mail program asks for the address) a missing address leaves out the To line;
    a malformed one is still refused.
    """
    to_name = check_display_name("person's name", to_name)
    unaddressed = address_optional and not (to_address or "").strip()
    recipient = "" if unaddressed else check_recipient(to_name, to_address)
    subject = check_header_text("subject", subject)
    if not subject:
        raise ComposeError("Add a subject line; a note without one is easy to overlook.")
    if not body_markdown.strip():
        raise ComposeError(f"The note to {to_name or recipient or 'this person'} is empty.")
    sender = check_sender(account)
    sender_name = check_display_name("sender name", account.sender_name)
    message = EmailMessage()
    message["From"] = MailboxHeader("From", sender_name, sender)
    if recipient:
        message["To"] = MailboxHeader("To", to_name, recipient)
    if reply_to:
        normal = usable_address(reply_to)
        if normal is None:
            raise ComposeError(
                f"The reply-to address \u201c{reply_to.strip()}\u201d does not look right.")
        message["Reply-To"] = MailboxHeader("Reply-To", sender_name, normal)
    message["Subject"] = subject
    message["Date"] = format_datetime(localtime())
    message["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    text, html = plain_and_html(body_markdown)
    # Quoted-printable keeps the message 7-bit clean for servers without 8BITMIME.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


def recipients_of(message: EmailMessage) -> list[str]:
    return [addr.addr_spec for addr in message["To"].addresses] if message["To"] else []


# ---- sending ----------------------------------------------------------------------------------

class _Refusal(Exception):
    """A failure already put in words, raised inside the session to end it."""

    def __init__(self, reason: str, retryable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


def _server_text(response: bytes | str) -> str:
    text = response.decode("utf-8", "replace") if isinstance(response, bytes) else str(response)
    return " ".join(text.split())


def _is_temporary(code: int) -> bool:
    return 400 <= code < 500


@contextmanager
def _session(account: Account, password: str, timeout: float,
             ssl_context: ssl.SSLContext | None) -> Iterator[smtplib.SMTP]:
    """A connected, secured and signed-in SMTP session, closed on the way out."""
    context = ssl_context or ssl.create_default_context()
    # A fixed EHLO name: smtplib's default looks up this machine's name (slow when DNS is poor)
    # and hands it to the server.
    options = {"timeout": timeout, "local_hostname": EHLO_NAME}
    if account.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            account.host, account.port, context=context, **options)
    else:
        smtp = smtplib.SMTP(account.host, account.port, **options)
    try:
        smtp.ehlo()
        if account.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise _Refusal(
                    f"The server {account.host} does not offer STARTTLS on port {account.port}, "
                    "so the connection cannot be encrypted. Check the port (587) or choose SSL "
                    "on port 465.")
            smtp.starttls(context=context)
            smtp.ehlo()
        if account.username:
            _sign_in(smtp, account, password)
        yield smtp
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # the work is done; a rude goodbye changes nothing
    finally:
        smtp.close()


def _sign_in(smtp: smtplib.SMTP, account: Account, password: str) -> None:
    if not smtp.has_extn("auth"):
        raise _Refusal(
            f"The server {account.host} does not offer sign-in on this connection. "
            "Check the security setting, or clear the user name if no sign-in is needed.")
    if (account.username + password).isascii():
        smtp.login(account.username, password)
        return
    # smtplib encodes credentials as ASCII; AUTH PLAIN is defined on UTF-8 (RFC 4616).
    if "PLAIN" not in smtp.esmtp_features.get("auth", "").upper().split():
        raise _Refusal(
            "The user name or password contains characters this server's sign-in cannot "
            "take (it does not offer AUTH PLAIN).")
    token = base64.b64encode(f"\0{account.username}\0{password}".encode()).decode("ascii")
    code, response = smtp.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, response)


def _transmit(smtp: smtplib.SMTP, sender: str, recipient: str, payload: bytes,
              mark_data: Callable[[], None]) -> None:
    code, response = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, response, sender)
    code, response = smtp.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, response)})
    mark_data()
    code, response = smtp.data(payload)
    if code != 250:
        raise smtplib.SMTPDataError(code, response)


def message_bytes(message: EmailMessage) -> bytes:
    """The message exactly as it goes over SMTP (CRLF line ends); the copy in Sent is these
    same bytes."""
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def send_message(
    account: Account,
    password: str,
    message: EmailMessage,
    *,
    timeout: float = 20.0,
    ssl_context: ssl.SSLContext | None = None,
) -> SendResult:
    """Send `message` to its single `To:` recipient; `ok` only when the server accepted it."""
    message_id = message.get("Message-ID")
    recipients = recipients_of(message)
    problem = account_problem(account)
    if problem is None and len(recipients) != 1:
        problem = "A follow-up note goes to exactly one person; this message has " + (
            f"{len(recipients)} recipients." if recipients else "no recipient.")
    if problem:
        return SendResult(False, message_id, problem, retryable=False)
    stage = {"data": False}

    def mark_data() -> None:
        stage["data"] = True

    try:
        with _session(account, password, timeout, ssl_context) as smtp:
            _transmit(smtp, check_sender(account), recipients[0], message_bytes(message),
                      mark_data)
    except Exception as error:  # every failure becomes a sentence, never a traceback
        return _failure(error, account, password, timeout, message_id, stage["data"])
    return SendResult(True, message_id, f"Sent to {recipients[0]}.", retryable=False)


def test_connection(
    account: Account,
    password: str,
    *,
    timeout: float = 10.0,
    ssl_context: ssl.SSLContext | None = None,
) -> SendResult:
    """Connect, secure the connection and sign in, without sending anything."""
    problem = account_problem(account)
    if problem:
        return SendResult(False, None, problem)
    try:
        with _session(account, password, timeout, ssl_context) as smtp:
            smtp.noop()
    except Exception as error:  # as in send_message
        return _failure(error, account, password, timeout, None, False)
    signed = " and signed in" if account.username else ""
    return SendResult(True, None, f"Connected to {account.host}{signed}. Sending will work.")


test_connection.__test__ = False  # not a pytest test, despite its name


# ---- failures in words ------------------------------------------------------------------------

def _failure(error: BaseException, account: Account, password: str, timeout: float,
             message_id: str | None, after_data: bool) -> SendResult:
    reason, retryable = explain(error, account, timeout)
    maybe_sent = after_data and isinstance(
        error, (smtplib.SMTPServerDisconnected, TimeoutError, ConnectionError))
    if maybe_sent:
        reason += (" The message text had already gone out, so it may have been delivered: "
                   "check your Sent folder or ask before sending it again.")
        retryable = False
    return SendResult(False, message_id, scrub(reason, account.username, password),
                      retryable=retryable, maybe_sent=maybe_sent,
                      password_refused=isinstance(error, smtplib.SMTPAuthenticationError))


def _explain_smtp(error: smtplib.SMTPException, account: Account) -> tuple[str, bool]:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        address, (code, response) = next(iter(error.recipients.items()))
        return (f"The server refused the recipient {address}: {code} {_server_text(response)}",
                _is_temporary(code))
    if isinstance(error, smtplib.SMTPSenderRefused):
        return (f"The server refused the sender address {error.sender}: {error.smtp_code} "
                f"{_server_text(error.smtp_error)}", _is_temporary(error.smtp_code))
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (f"The server did not accept the password for {account.username} "
                f"({error.smtp_code} {_server_text(error.smtp_error)}). Check the user name "
                "and password; some providers need an app password.", False)
    if isinstance(error, smtplib.SMTPDataError):
        return (f"The server refused the message: {error.smtp_code} "
                f"{_server_text(error.smtp_error)}", _is_temporary(error.smtp_code))
    if isinstance(error, smtplib.SMTPConnectError):
        return (f"The server {account.host} refused the connection: {error.smtp_code} "
                f"{_server_text(error.smtp_error)}", True)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return (f"The server {account.host} closed the connection unexpectedly. "
                "Check the port and security setting, then try again.", True)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return f"The server {account.host} does not support a step this account needs.", False
    if isinstance(error, smtplib.SMTPResponseException):
        return (f"The server {account.host} answered {error.smtp_code} "
                f"{_server_text(error.smtp_error)}", _is_temporary(error.smtp_code))
    return f"The conversation with {account.host} failed ({type(error).__name__}).", True


def _explain_network(error: OSError, account: Account, timeout: float) -> tuple[str, bool]:
    where = f"{account.host} on port {account.port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or "unknown reason"
        return (f"The certificate of {account.host} is not trusted ({detail}), so nothing was "
                "sent. Check the server name; it must match the name on the certificate.", False)
    if isinstance(error, ssl.SSLError):
        detail = error.reason or type(error).__name__
        return (f"The secure connection to {where} failed ({detail}). Check the security "
                "setting: SSL uses port 465, STARTTLS port 587.", False)
    if isinstance(error, TimeoutError):
        unit = "second" if timeout == 1 else "seconds"
        return (f"The server {where} did not answer within {timeout:g} {unit}. Check the port "
                "and security setting, or try again later.", True)
    if isinstance(error, socket.gaierror):
        return (f"Cannot find the server {account.host}. Check its name and your internet "
                "connection.", True)
    if isinstance(error, ConnectionRefusedError):
        return (f"Cannot reach {where}: the connection was refused. Check the server name, "
                "port and security setting.", True)
    detail = error.strerror or type(error).__name__
    return f"Cannot reach {where}: {detail}.", True


def explain(error: BaseException, account: Account, timeout: float) -> tuple[str, bool]:
    """A plain sentence for `error` and whether trying again later may help."""
    if isinstance(error, smtplib.SMTPServerDisconnected) and isinstance(
            error.__context__, OSError):
        # smtplib turns a timeout or reset while reading a reply into "disconnected".
        error = error.__context__
    if isinstance(error, _Refusal):
        return error.reason, error.retryable
    if isinstance(error, smtplib.SMTPException):
        return _explain_smtp(error, account)
    if isinstance(error, OSError):
        return _explain_network(error, account, timeout)
    return f"Sending failed unexpectedly ({type(error).__name__}).", False


def scrub(text: str, username: str, password: str) -> str:
    """`text` with the password, and the encodings a server could echo back, blanked out."""
    if not password:
        return text
    secrets = {password}
    for raw in (password, f"\0{username}\0{password}"):
        try:
            secrets.add(base64.b64encode(raw.encode("utf-8")).decode("ascii"))
        except UnicodeError:
            pass
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "\u2022" * 6)
    return text
