"""Killing Followup mid-sentence loses nothing typed more than a second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec
from tests.library_checks import integrity_ok

TYPIST = Path(__file__).with_name("typist.py")


def test_sigkill_while_typing_keeps_everything_up_to_one_second_before(tmp_path):
    data = tmp_path / "lib"
    library = Library(library_path(data))
    library.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Jane Doe")]))
    library.close()
    progress = tmp_path / "progress.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(TYPIST), str(data), str(progress)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            lines = progress.read_text().splitlines() if progress.exists() else []
            if len(lines) >= 150:  # a couple of seconds of typing
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the typist never got going")
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    from tests.gui.typist import TEXT

    entries = [line.split() for line in progress.read_text().splitlines() if line.strip()]
    safe = [int(i) for i, at in entries if float(at) <= killed_at - 1.0]
    assert safe, "nothing was typed more than a second before the kill"
    must_have = "".join(TEXT[i % len(TEXT)] for i in range(max(safe) + 1))
    path = library_path(data)
    assert integrity_ok(path)
    reopened = Library(path)
    notes = reopened.meeting(1).attendees[0].notes
    reopened.close()
    assert notes.startswith(must_have), (len(notes), len(must_have))
