"""Marker lines typed for a whole interview never crash the app (PySide6 6.12.0 regression).

With PySide6 6.12.0 on Python 3.11 every `QSyntaxHighlighter.setFormat` on a document with a
`QPlainTextDocumentLayout` dropped one reference to `None`; after about 6,000 typed characters of
marker lines the interpreter aborted with "Fatal Python error: none_dealloc". The version in
`pyproject.toml` is pinned to one without the fault; these tests catch a return of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec
from tests.gui.marker_typist import marker_text

TYPIST = Path(__file__).with_name("marker_typist.py")


def test_highlighting_thousands_of_marker_lines_keeps_none_refcount(qtbot):
    from PySide6.QtCore import QObject

    from followup.gui.note_editor import NoteEditor, new_note_document

    owner = QObject()
    editor = NoteEditor()
    qtbot.addWidget(editor)
    document = new_note_document("", owner)
    editor.setDocument(document)
    text = marker_text(50_000)
    document.setPlainText(text[:2_000])  # first use: the bindings cache what they need
    before = sys.getrefcount(None)
    document.setPlainText(text)  # about 1,300 marker lines, each highlighted
    for _ in range(3):
        document.setPlainText(text)
    drift = sys.getrefcount(None) - before
    # The fault dropped a reference per highlighted line: thousands below zero here. New
    # objects that point at None may add a few.
    assert drift > -100, drift
    assert document.blockCount() > 1_000


def test_typing_20000_characters_of_marker_lines_in_the_window(tmp_path):
    data = tmp_path / "lib"
    library = Library(library_path(data))
    library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Jane Doe")]))
    library.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(TYPIST), str(data), "20000"], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    drift = int(done.stdout.split("none_drift")[1].split()[0])
    assert drift > -1_000, drift  # the fault: one reference lost per keystroke, -20,000
    reopened = Library(library_path(data))
    notes = reopened.meeting(1).attendees[0].notes
    reopened.close()
    assert notes.rstrip("\n") == marker_text(20000).rstrip("\n")
