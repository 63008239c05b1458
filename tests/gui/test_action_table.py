"""Menus, shortcuts and Help › Keyboard shortcuts come from one table (`gui.actions`): the
help lists exactly the shortcuts the window answers, and no key does two things."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from followup.gui.actions import ACTIONS, WIDGET_KEYS, Menu, shortcut_help

PORTABLE = QKeySequence.SequenceFormat.PortableText


def help_rows(text: str) -> list[tuple[str, str]]:
    """(keys, what they do) for each line of the help; headings are not indented."""
    rows = []
    for line in text.splitlines():
        if line.startswith("  "):
            keys, _, said = line.strip().partition("  ")
            rows.append((keys, said.strip()))
    return rows


def expand(keys: str) -> list[str]:
    """ "Ctrl+Z / Ctrl+Shift+Z" -> both; "Ctrl+1…9" -> Ctrl+1 to Ctrl+9."""
    found = []
    for part in keys.split(" / "):
        run = re.fullmatch(r"(.*\+)(\d)…(\d)", part)
        if run:
            found += [f"{run[1]}{n}" for n in range(int(run[2]), int(run[3]) + 1)]
        else:
            found.append(part)
    return found


def window_action_keys(window) -> list[str]:
    return [a.shortcut().toString(PORTABLE) for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()]


def window_shortcut_keys(window) -> list[str]:
    return [s.key().toString(PORTABLE) for s in window.findChildren(QShortcut)]


def test_the_help_lists_every_action_shortcut_of_the_window_and_only_those(window):
    window.fill_menus()
    menu_keys = [keys for keys, _ in help_rows(shortcut_help())
                 if keys not in {w.keys for w in WIDGET_KEYS}]
    assert sorted(menu_keys) == sorted(window_action_keys(window))
    assert "Ctrl+Shift+E" in menu_keys and "F1" in menu_keys  # read from the table, not typed
    assert QKeySequence(QKeySequence.StandardKey.New).toString(PORTABLE) in menu_keys


def test_the_keys_widgets_answer_are_real_and_no_key_does_two_things(window):
    window.fill_menus()
    workspace_keys = [key for w in WIDGET_KEYS if "workspace" in w.where
                      for key in expand(w.keys)]
    assert sorted(workspace_keys) == sorted(window_shortcut_keys(window))
    editor_keys = [key for w in WIDGET_KEYS if "editor" in w.where for key in expand(w.keys)]
    every_key = window_action_keys(window) + window_shortcut_keys(window) + editor_keys
    twice = [key for key, count in Counter(every_key).items() if count > 1]
    assert twice == []


def test_each_menu_holds_its_rows_in_the_table_order(window):
    window.fill_menus()
    for menu in Menu:
        names = [a.objectName() for a in window.menus[menu].actions()
                 if not a.isSeparator() and a.objectName().endswith("Action")
                 and not a.objectName().startswith("theme")]
        assert names == [spec.name for spec in ACTIONS if spec.menu is menu]
    assert [spec.name for spec in ACTIONS].count("sendAction") == 1


def test_f1_shows_the_help_from_the_table(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    window.fill_menus()
    window.actions_by_name["shortcutsAction"].trigger()
    assert shown == [("Keyboard shortcuts", shortcut_help())]
    assert "Send this follow-up (to this person only)" in shown[0][1]


def test_ctrl_k_in_the_notes_marks_a_key_point_as_the_help_says(window, qtbot):
    from PySide6.QtCore import Qt

    window.fill_menus()
    editor = window.workspace.editor
    editor.setFocus()
    editor.setPlainText("")
    qtbot.keyClicks(editor, "likes Rust")
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().startswith("!")
