"""An export killed between writing and renaming leaves no hidden temporary file for long: none
at all while the data is written (an unnamed file on Linux), and any named one that a kill
did leave is removed at the next start or the next write into that folder. `followup status`
says "send not confirmed" for a send that never got the server's answer, as the window does."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from followup.paths import library_path
from followup.store import followups as fu
from followup.store.demo import seed_demo
from followup.store.library import Library
from tests.faults.conftest import run_followup, run_python

pytestmark = pytest.mark.slow

# Run `followup export -o FILE` and SIGKILL it at the named step of the atomic write.
EXPORT_KILLED_AT = """
import os, signal, sys
step = sys.argv[1]
real = getattr(os, step)

def die(*args, **kwargs):
    if step == "fsync":
        real(*args, **kwargs)  # the data is on disk, the rename has not happened
    os.kill(os.getpid(), signal.SIGKILL)

setattr(os, step, die)
from followup.__main__ import main
sys.exit(main(["--data-dir", sys.argv[2], "export", "-o", sys.argv[3]]))
"""


@pytest.fixture
def demo_folder(tmp_path):
    folder = tmp_path / "data"
    library = Library(library_path(folder))
    seed_demo(library)
    library.close()
    return folder


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_killed_export_leaves_nothing_after_the_next_write(demo_folder, tmp_path, step):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "library.json").write_text("the previous export\n")
    child = run_python(EXPORT_KILLED_AT, step, str(demo_folder), str(out / "library.json"))
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert (out / "library.json").read_text() == "the previous export\n"  # never half-written
    assert len(_hidden(out)) <= 1  # the temporary file of the killed process
    done = run_followup("export", "-o", str(out / "library.json"), data=demo_folder)
    assert done.returncode == 0, done.stderr
    assert _hidden(out) == []
    assert '"format": "followup/1"' in (out / "library.json").read_text()


def test_leftover_in_the_data_folder_is_removed_at_the_next_start(demo_folder):
    child = run_python(EXPORT_KILLED_AT, "replace", str(demo_folder),
                       str(demo_folder / "library.json"))
    assert child.returncode == -signal.SIGKILL
    leftovers = _hidden(demo_folder)
    assert len(leftovers) == 1 and (demo_folder / leftovers[0]).stat().st_size > 1000
    done = run_followup("--smoke", data=demo_folder)
    assert done.returncode == 0, done.stderr
    assert _hidden(demo_folder) == []


def test_status_says_send_not_confirmed_like_the_window(demo_folder):
    library = Library(library_path(demo_folder))
    ended = next(s for s in library.list_meetings() if library.meeting(s.id).ended_at)
    followup_id = fu.ensure_drafts(library, ended.id)[0]
    fu.set_status(library, followup_id, "sending", channel="smtp")
    library.close()
    done = run_followup("status", data=demo_folder)
    assert done.returncode == 0, done.stderr
    assert "[send not confirmed]" in done.stdout
    assert "[sending]" not in done.stdout
