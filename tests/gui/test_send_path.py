"""A draft's path from the Send button to the mail server, in the real window against a real
SMTP server on loopback: the draft is read from the library once and composed once, and the
message the server receives is the one whose preflight the user confirmed."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from followup.gui.send_ui import ConfirmSendDialog
from followup.mail import outbox
from followup.mail.outbox import Account
from followup.sending.delivery import save_account
from followup.store import followups as fu
from tests import smtp_server as servers


def _on_the_path() -> bool:
    """Whether the caller runs under the Send button's slot or under `send_one`."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name in ("request_send", "send_one"):
            return True
        frame = frame.f_back
    return False


@pytest.fixture
def counted(monkeypatch):
    """How often each follow-up is read into a view on its way from the Send button to the
    server, and how often a message is composed: the real functions run, only their calls are
    counted. The status writer's read-back of what it wrote (`set_status` returns the new
    view) is not a read of the draft on its way, nor is what the window's timers read
    meanwhile (the countdowns)."""
    reads: dict = {}
    composed: list[str] = []
    writing: list[bool] = []
    real_view, real_compose, real_set_status = fu._view, outbox.compose_message, fu.set_status

    def view(*args, **kwargs):
        found = real_view(*args, **kwargs)
        if not writing and _on_the_path():
            reads[found.id] = reads.get(found.id, 0) + 1
        return found

    def set_status(*args, **kwargs):
        writing.append(True)
        try:
            return real_set_status(*args, **kwargs)
        finally:
            writing.pop()

    def compose(*args, **kwargs):
        message = real_compose(*args, **kwargs)
        composed.append(str(message["Message-ID"]))
        return message

    monkeypatch.setattr(fu, "_view", view)
    monkeypatch.setattr(fu, "set_status", set_status)
    monkeypatch.setattr(outbox, "compose_message", compose)
    import followup.sending.delivery as delivery

    monkeypatch.setattr(delivery, "compose_message", compose)
    real_send = delivery.send_message

    def send_message(*args, **kwargs):
        reads["at the server"] = dict(reads)  # what was read before the server was asked
        return real_send(*args, **kwargs)

    monkeypatch.setattr(delivery, "send_message", send_message)
    return reads, composed


def test_a_send_from_the_window_reads_the_draft_once_and_composes_it_once(
        window, qtbot, monkeypatch, counted):
    reads, composed = counted
    confirmed = []

    def exec_(dialog):
        confirmed.append(dialog.check)
        dialog.send_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConfirmSendDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(str(a)))
    ws = window.workspace
    ws.editor.setFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ws.select_row(3)  # Dana: a draft without gaps
    panel = ws.followups
    dana = panel.view.id
    qtbot.waitUntil(lambda: panel.checklist.count() >= 15, timeout=5000)  # its timer has run
    with servers.running_server("none", auth=False) as server:
        save_account(window.library, Account(server.host, server.port, "none", "",
                                             "Sam Rivera", "sam.rivera@example.com"))
        reads.clear()
        panel.send_button.click()
        qtbot.waitUntil(lambda: len(server.received) == 1, timeout=10000)
        qtbot.waitUntil(lambda: panel.send_button.text() == "Send again…", timeout=5000)
        [received] = server.received
    at_the_server = reads["at the server"]
    # Dana's draft once; the other drafts of the meeting once each, in the same reading, for
    # the checklist to compare hers with.
    assert at_the_server[dana] == 1 and set(at_the_server.values()) == {1}
    assert composed == [received.message["Message-ID"]]
    assert fu.followup_view(window.library, dana).message_id == received.message["Message-ID"]
    [check] = confirmed
    assert received.message["Subject"] == check.facts.subject


def test_a_message_that_cannot_be_built_blocks_send_in_the_confirmation(
        window, qtbot, monkeypatch):
    """What used to be a warning after the confirmation is one of its problems now: the
    dialog says it and Send stays disabled."""
    shown = []

    def exec_(dialog):
        shown.append((dialog.problems.text(), dialog.send_button.isEnabled()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConfirmSendDialog, "exec", exec_)
    ws = window.workspace
    ws.editor.setFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dana = next(v for v in fu.followups_for_meeting(window.library, 1)
                if v.person_name == "Dana Okafor")
    fu.save_draft(window.library, dana.id, "", dana.body)  # its subject line deleted
    ws.select_row(3)
    panel = ws.followups
    assert panel.view.id == dana.id and panel.subject.text() == ""
    with servers.running_server("none", auth=False) as server:
        save_account(window.library, Account(server.host, server.port, "none", "",
                                             "Sam Rivera", "sam.rivera@example.com"))
        panel.send_button.click()
        qtbot.wait(200)
        assert server.received == []
    [(problems, enabled)] = shown
    assert "✖ Add a subject line" in problems and not enabled
    assert fu.followup_view(window.library, panel.view.id).status == "draft"
