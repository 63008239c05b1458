"""Nothing leaves without the user seeing it: Ctrl+Return opens the confirmation (From, To,
Subject, the first lines, what still fails), Enter never sends, a gap blocks Send, a guessed
address needs its tick, Cancel sends nothing. Against a real SMTP server on loopback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from followup.core.status import Status
from followup.gui.send_ui import ConfirmSendDialog
from followup.mail.outbox import Account
from followup.sending.delivery import save_account
from followup.store import followups as fu
from tests import smtp_server as servers


@pytest.fixture
def server(window):
    with servers.running_server("none", auth=False) as running:
        save_account(window.library, Account(running.host, running.port, "none", "",
                                             "Sam Rivera", "sam.rivera@example.com"))
        yield running


@pytest.fixture
def panel(window, qtbot):
    window.workspace.editor.setFocus()
    qtbot.keyClick(window.workspace.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.followups.isVisible()
    return window.workspace.followups


def run_dialog(monkeypatch, qtbot, script):
    """Let `script(dialog)` act on the real confirmation, as a user would, instead of a nested
    modal loop; record each dialog shown."""
    shown = []

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append(dialog)
        script(dialog)
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(ConfirmSendDialog, "exec", exec_)
    return shown


def press_enter_everywhere(dialog, qtbot) -> None:
    for widget in (dialog, dialog.send_button, dialog.address_box):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClick(widget, Qt.Key.Key_Enter)
    assert dialog.result() != QDialog.DialogCode.Accepted


def select(window, name: str) -> None:
    ws = window.workspace
    row = next(i for i, a in enumerate(ws.meeting.attendees, start=1) if a.name == name)
    ws.select_row(row)


def test_ctrl_return_opens_the_confirmation_and_a_gap_blocks_send(
        window, panel, server, qtbot, monkeypatch):
    select(window, "Priya Natarajan")
    assert "[" in panel.body.toPlainText()  # her `?` note leaves a gap for a better answer

    def script(dialog):
        sender = dialog.findChild(object, "confirmFrom")  # shown as typed, never as markup
        assert sender.text() == "Sam Rivera <sam.rivera@example.com>"
        assert sender.textFormat() == Qt.TextFormat.PlainText
        assert "priya.natarajan@brightwave.io" in dialog.findChild(object, "confirmTo").text()
        assert dialog.findChild(object, "confirmSubject").text() == panel.subject.text()
        assert dialog.findChild(object, "confirmFirstLines").text().startswith("Hi Priya,")
        assert "Fill in the gap [" in dialog.problems.text()
        assert not dialog.send_button.isEnabled()
        press_enter_everywhere(dialog, qtbot)
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        assert dialog.result() != QDialog.DialogCode.Accepted

    shown = run_dialog(monkeypatch, qtbot, script)
    followup_id = panel.view.id
    qtbot.keyClick(panel.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    qtbot.wait(300)
    assert server.received == []
    assert fu.followup_view(window.library, followup_id).status is Status.DRAFT


def test_a_guessed_address_needs_the_tick_then_sends_once(
        window, panel, server, qtbot, monkeypatch):
    select(window, "Dana Okafor")
    view = panel.view
    window.library.update_person(view.person_id, email_is_guess=True)

    def script(dialog):
        assert "guessed, not confirmed" in dialog.findChild(object, "confirmTo").text()
        assert not dialog.send_button.isEnabled()
        press_enter_everywhere(dialog, qtbot)
        dialog.address_box.setChecked(True)
        assert dialog.send_button.isEnabled()
        press_enter_everywhere(dialog, qtbot)  # even ready to go, Enter does not send
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted

    run_dialog(monkeypatch, qtbot, script)
    panel.send_button.click()
    qtbot.waitUntil(lambda: fu.followup_view(window.library, view.id).status is Status.SENT,
                    timeout=10000)
    assert [r.rcpt_tos for r in server.received] == [["dana.okafor@brightwave.io"]]
    # Ticked once, the address is confirmed on the card: the next send does not ask again.
    assert not fu.followup_view(window.library, view.id).email_is_guess


def test_cancel_sends_nothing(window, panel, server, qtbot, monkeypatch):
    select(window, "Dana Okafor")
    followup_id = panel.view.id

    def script(dialog):
        assert dialog.send_button.isEnabled()  # nothing in the way: only the user's yes
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    shown = run_dialog(monkeypatch, qtbot, script)
    qtbot.keyClick(panel.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    qtbot.wait(300)
    assert server.received == []
    assert fu.followup_view(window.library, followup_id).status is Status.DRAFT


def test_a_gap_shows_before_any_account_set_up(window, panel, qtbot, monkeypatch):
    """A first-time user with a draft that cannot go yet is told why, not asked for an SMTP
    account first."""
    from followup.gui.send_ui import AccountDialog

    select(window, "Priya Natarajan")
    monkeypatch.setattr(AccountDialog, "exec", lambda _dialog: pytest.fail(
        "asked for an account before saying the draft has a gap"))

    def script(dialog):
        assert "Fill in the gap [" in dialog.problems.text()
        assert not dialog.send_button.isEnabled()
        assert "no sending account" in dialog.findChild(object, "confirmFrom").text()

    shown = run_dialog(monkeypatch, qtbot, script)
    qtbot.keyClick(panel.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
