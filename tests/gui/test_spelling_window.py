"""Spelling in the window: the right-click menu never waits for corrections, the profile picks
the English, the user's own words are never underlined, Help › About names the checker."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QRunnable, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from followup.core import spelling
from followup.gui.spell import LOOKING, SpellService, suggestion_pool


class Gate(QRunnable):
    """Holds the corrections' worker until the test opens the gate."""

    def __init__(self):
        super().__init__()
        self.open = threading.Event()

    def run(self) -> None:
        self.open.wait(10)


def ready_editor(window, qtbot, text: str):
    editor = window.workspace.editor
    qtbot.waitUntil(spelling.is_ready, timeout=10_000)
    editor.setPlainText(text)
    qtbot.wait(10)
    return editor


def right_click(editor, word: str, on_menu) -> float:
    """Right-click `word`; `on_menu(menu)` runs while the menu is open (it must close it).
    Returns the seconds from the click to the menu on screen."""
    cursor = editor.document().find(word)
    pos = editor.cursorRect(cursor).center()
    shown: list[float] = []

    def menu_up():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(5, menu_up)
            return
        shown.append(time.perf_counter())
        on_menu(menu)

    QTimer.singleShot(0, menu_up)
    clicked = time.perf_counter()
    editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                              editor.viewport().mapToGlobal(pos)))
    return shown[0] - clicked


def test_the_menu_opens_at_once_and_the_corrections_come_after(window, qtbot):
    editor = ready_editor(window, qtbot, "Notes from the call.\nrecieve the deck on Friday.")
    gate = Gate()
    suggestion_pool().start(gate)  # the worker is busy: corrections cannot come yet
    seen: dict[str, list[str]] = {}

    def on_menu(menu):
        seen["first"] = [a.text() for a in menu.actions()]
        gate.open.set()

        def corrections_in():
            texts = [a.text() for a in menu.actions()]
            if LOOKING in texts:
                QTimer.singleShot(10, corrections_in)
                return
            seen["then"] = texts
            next(a for a in menu.actions() if a.text() == "receive").trigger()
            menu.close()

        corrections_in()

    waited = right_click(editor, "recieve", on_menu)
    assert seen["first"][0] == LOOKING  # shown while the worker was still held
    assert "Add “recieve” to dictionary" in seen["first"]
    assert waited < 0.5
    assert seen["then"][0] == "receive" and LOOKING not in seen["then"]
    assert editor.toPlainText() == "Notes from the call.\nreceive the deck on Friday."


def test_a_menu_closed_before_the_corrections_come_is_left_alone(window, qtbot):
    editor = ready_editor(window, qtbot, "Notes.\nplatfrom work")
    gate = Gate()
    suggestion_pool().start(gate)
    right_click(editor, "platfrom", lambda menu: menu.close())
    gate.open.set()
    qtbot.waitUntil(lambda: suggestion_pool().activeThreadCount() == 0, timeout=5000)
    qtbot.wait(20)  # the queued corrections find no menu: nothing happens, nothing breaks
    assert editor.toPlainText() == "Notes.\nplatfrom work"


def british_installed() -> bool:
    try:
        return "en_GB" in spelling.available_languages()
    except (ImportError, OSError):
        return False


@pytest.mark.skipif(not british_installed(),
                    reason="the hunspell-en-gb dictionary (./dev installs it)")
def test_the_profile_picks_the_english_and_the_editor_follows(window, qtbot, monkeypatch):
    from followup.gui.profile_dialog import ProfileDialog
    from followup.store.followups import spelling_language

    editor = ready_editor(window, qtbot, "Notes.\nthe colour of the programme")
    service = SpellService.instance()
    assert [w for _s, _e, w in service.misspellings(editor.toPlainText())] == [
        "colour", "programme"]
    dialog = ProfileDialog(window.library, window)
    choice = dialog.findChild(QComboBox, "profileSpelling")
    assert choice.currentData() == "en_US"  # the locale's (LANG=en_US.UTF-8 in tests)
    assert choice.findData("en_GB") >= 0
    choice.setCurrentIndex(choice.findData("en_GB"))
    dialog.accept()
    assert spelling_language(window.library) == "en_GB"
    service.load_in_background()
    qtbot.waitUntil(spelling.is_ready, timeout=5000)
    assert service.misspellings(editor.toPlainText()) == []
    assert spelling.speller().language == "en_GB"


def test_the_users_own_words_are_never_underlined(window, qtbot):
    from followup.store.followups import update_profile

    update_profile(window.library, signature="Jo Maxwell\nlinkedin.com/in/jmaxwelldev",
                   links=[{"title": "Spotify playlists", "url": "https://jmxw.dev/mixes",
                           "tags": ["cron"]}])
    window._update_spelling_terms()
    editor = ready_editor(window, qtbot, "Notes.\njmaxwelldev on spotify, jmxw mixes, cron")
    assert SpellService.instance().misspellings(editor.toPlainText()) == []


def test_help_about_names_the_spell_checker(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    window.show_about()
    assert "<b>Spelling:</b> " + spelling.engine() in shown[0]
    assert "Enchant" in shown[0] or "pyspellchecker" in shown[0]
