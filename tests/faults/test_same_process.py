"""A second connection inside the app (the send worker's) and a command-line process beside it
never cost the app its notes.

Closing any file descriptor on a database drops every POSIX lock the process holds on it. When
the send worker's `Library` read the file header with a plain open(), the app's SQLite locks went
with it; the next command-line process then believed it was the last user, deleted the
write-ahead log, and every note typed after that was written into a deleted file.
"""

from __future__ import annotations

import os
import subprocess
import sys

from followup.paths import library_path
from followup.store.library import Library, MeetingInput, PersonSpec


def _cli(data_dir, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_notes_typed_after_a_second_connection_and_a_cli_run_are_kept(data_dir):
    path = library_path(data_dir)
    app = Library(path)  # the window's library
    meeting = app.create_meeting(MeetingInput(company="Acme", people=[PersonSpec("Jane Doe")]))
    attendance = app.meeting(meeting).attendees[0].attendance_id
    app.save_notes(attendance, "before")
    worker = Library(path)  # the send worker opens its own, in the same process
    worker.close()
    assert _cli(data_dir, "status").returncode == 0  # another process opens and closes it
    wal = path.with_name(path.name + "-wal")
    assert wal.exists(), "the write-ahead log the app writes to was deleted under it"
    app.save_notes(attendance, "typed after the command line ran")
    found = _cli(data_dir, "search", "command line ran")
    app.close()
    assert "Jane Doe" in found.stdout, (found.stdout, found.stderr)
    reopened = Library(path)
    assert reopened.notes(attendance) == "typed after the command line ran"
    reopened.close()
