"""A real IMAP server on 127.0.0.1 for tests: Dovecot from the system, with its own
configuration, mail folder and passwd-file user in a temporary folder, on a free port.

A plain module like `tests/smtp_server.py`; `tests/replies/conftest.py` wraps it in fixtures.
Dovecot must be installed (`apt-get install dovecot-imapd`; `./dev test` does it). Without
it the tests are skipped on a developer's machine, and fail under CI (CI=true), so a CI run
never passes by skipping them.

Run as root, Dovecot refuses mail owned by root (uid 0) and a login process run as root: the
mail then belongs to `nobody`, in a folder it can reach. Run as anyone else, every Dovecot
process runs as that user.
"""

from __future__ import annotations

import email.utils
import imaplib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import trustme

HOST = "127.0.0.1"
USERNAME = "sam.rivera@example.com"
PASSWORD = "Imap-S3cret horse"
DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot"
                                      if os.path.exists("/usr/sbin/dovecot") else None)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class ImapServer:
    """A running Dovecot and what a client needs to reach it."""

    host: str
    port: int
    security: str  # "none" or "ssl"
    username: str
    password: str
    folder: Path = field(repr=False)
    ssl_context: ssl.SSLContext | None = None  # trusts the test CA, for "ssl"
    pid: int = 0

    def client(self) -> imaplib.IMAP4:
        """A signed-in imaplib client, for a test to look at or change the mailbox."""
        if self.security == "ssl":
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(self.host, self.port,
                                                    ssl_context=self.ssl_context, timeout=10)
        else:
            conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.username, self.password)
        return conn

    def deliver(self, raw: bytes, folder: str = "INBOX", when: datetime | None = None) -> None:
        """Put a message in `folder`, as a delivery would (APPEND, unread)."""
        conn = self.client()
        try:
            stamp = imaplib.Time2Internaldate(when or datetime.now(UTC))
            typ, data = conn.append(folder, None, stamp, raw)
            assert typ == "OK", data
        finally:
            conn.logout()

    def messages(self, folder: str) -> list[tuple[bytes, bytes]]:
        """(FLAGS, whole message) of every message in `folder`, read without marking it."""
        conn = self.client()
        try:
            typ, data = conn.select(f'"{folder}"', readonly=True)
            assert typ == "OK", data
            if int(data[0] or 0) == 0:
                return []
            typ, data = conn.fetch("1:*", "(FLAGS BODY.PEEK[])")
            return [(item[0], item[1]) for item in data if isinstance(item, tuple)]
        finally:
            conn.logout()

    def flags(self, folder: str = "INBOX") -> list[bytes]:
        conn = self.client()
        try:
            conn.select(f'"{folder}"', readonly=True)
            typ, data = conn.fetch("1:*", "(FLAGS)")
            return [d for d in data if isinstance(d, bytes)]
        finally:
            conn.logout()


def _owner() -> tuple[str, str, int]:
    """(user, group, uid) that owns the mail: this user, or `nobody` when running as root."""
    if os.getuid() != 0:
        entry = pwd.getpwuid(os.getuid())
        import grp

        return entry.pw_name, grp.getgrgid(entry.pw_gid).gr_name, entry.pw_uid
    entry = pwd.getpwnam("nobody")
    import grp

    return "nobody", grp.getgrgid(entry.pw_gid).gr_name, entry.pw_uid


def _config(base: Path, port: int, *, sent_special_use: bool, sent_name: str | None,
            extra_capability: str, ssl_files: tuple[Path, Path] | None) -> str:
    user, group, _uid = _owner()
    internal = ("root", "root") if os.getuid() == 0 else (user, group)
    mailbox = ""
    if sent_name:
        use = "\n    special_use = \\Sent" if sent_special_use else ""
        mailbox = f"  mailbox \"{sent_name}\" {{{use}\n    auto = subscribe\n  }}\n"
    ssl_part = "ssl = no\n"
    listener = f"  inet_listener imap {{\n    address = {HOST}\n    port = {port}\n  }}\n" \
               "  inet_listener imaps {\n    port = 0\n  }\n"
    if ssl_files is not None:
        cert, key = ssl_files
        ssl_part = f"ssl = required\nssl_cert = <{cert}\nssl_key = <{key}\n"
        listener = "  inet_listener imap {\n    port = 0\n  }\n" \
                   f"  inet_listener imaps {{\n    address = {HOST}\n    port = {port}\n" \
                   "    ssl = yes\n  }\n"
    capability = f"imap_capability = +{extra_capability}\n" if extra_capability else ""
    return f"""base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
protocols = imap
listen = {HOST}
{ssl_part}disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {user}
default_internal_user = {internal[0]}
default_internal_group = {internal[1]}
{capability}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={base}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
{mailbox}}}
service imap-login {{
{listener}  chroot =
}}
service anvil {{
  chroot =
}}
"""


def _wait_for(port: int, process: subprocess.Popen, log: Path, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot exited ({process.returncode}): "
                               f"{_tail(log)} {process.stderr.read() if process.stderr else ''}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"dovecot did not listen on {port} within {seconds} s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return log.read_text(errors="replace")[-2000:]
    except OSError:
        return ""


@contextmanager
def running_dovecot(*, sent_special_use: bool = True, sent_name: str | None = "Sent",
                    extra_capability: str = "", security: str = "none",
                    password: str = PASSWORD) -> Iterator[ImapServer]:
    """Dovecot on a free loopback port for the duration of the block, with one user
    (`USERNAME`, `password`), an INBOX and (unless `sent_name` is None) a Sent folder,
    marked `\\Sent` when `sent_special_use`. `extra_capability` is added to what it
    advertises (X-GM-EXT-1 makes it look like Gmail). `security` "ssl" serves implicit TLS
    with a certificate from a throwaway CA (the server's `ssl_context` trusts it)."""
    if DOVECOT is None:
        raise RuntimeError("dovecot is not installed (apt-get install dovecot-imapd)")
    # Not under pytest's tmp_path: that folder is private to root, and the mail may belong
    # to `nobody`.
    base = Path(tempfile.mkdtemp(prefix="followup-imap-"))
    process = None
    try:
        user, _group, uid = _owner()
        os.chmod(base, 0o755)
        home = base / "home"
        home.mkdir()
        os.chown(home, uid, -1)
        (base / "users").write_text(f"{USERNAME}:{{PLAIN}}{password}\n", encoding="utf-8")
        ssl_files, client_context = None, None
        if security == "ssl":
            ca = trustme.CA()
            issued = ca.issue_cert(HOST, "localhost")
            cert, key = base / "cert.pem", base / "key.pem"
            cert.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
            key.write_bytes(issued.private_key_pem.bytes())
            ssl_files = (cert, key)
            client_context = ssl.create_default_context()
            ca.configure_trust(client_context)
        port = free_port()
        conf = base / "dovecot.conf"
        conf.write_text(_config(base, port, sent_special_use=sent_special_use,
                                sent_name=sent_name, extra_capability=extra_capability,
                                ssl_files=ssl_files), encoding="utf-8")
        process = subprocess.Popen([DOVECOT, "-F", "-c", str(conf)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        _wait_for(port, process, base / "dovecot.log")
        yield ImapServer(HOST, port, security, USERNAME, password, base, client_context,
                         process.pid)
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def dropping_proxy(target_port: int, after_commands: int) -> Iterator[int]:
    """A loopback port that passes IMAP traffic to `target_port` and cuts the connection
    once the client has sent `after_commands` commands: a connection dropped mid-session."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((HOST, 0))
    listener.listen(4)
    stop = threading.Event()

    def pipe(source: socket.socket, sink: socket.socket, count: bool) -> None:
        sent = 0
        try:
            while not stop.is_set():
                chunk = source.recv(65536)
                if not chunk:
                    break
                if count:
                    sent += chunk.count(b"\r\n")
                    if sent > after_commands:
                        break
                sink.sendall(chunk)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def serve() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection((HOST, target_port))
            threading.Thread(target=pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=pipe, args=(upstream, client, False), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()


def message(*, sender: str, to: str = USERNAME, subject: str = "Re: your note",
            in_reply_to: str = "", references: str = "", date: datetime | None = None,
            message_id: str | None = None, body: str = "Thanks for your note!") -> bytes:
    """A small RFC 5322 message, as a reply would arrive."""
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}",
             f"Date: {email.utils.format_datetime(date or datetime.now(UTC))}",
             f"Message-ID: {message_id or email.utils.make_msgid(domain='acme.example')}"]
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    if references:
        lines.append(f"References: {references}")
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode()
