"""`--demo` leaves no folder behind, even when the demo was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from followup.store.demo import remove_stale_demo_dirs


def test_a_killed_demos_folder_goes_at_the_next_demo_and_a_running_ones_stays(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-m", "followup", "--demo"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not list(tmp_path.glob("followup-demo-*/*.lock")):
            time.sleep(0.1)
        folders = list(tmp_path.glob("followup-demo-*"))
        assert len(folders) == 1, "the demo never opened its library"
        assert remove_stale_demo_dirs(tmp_path) == []  # running: kept
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert folders[0].exists()  # a kill gives it no chance to clean up
    other = tmp_path / "followup-notes"  # not a demo folder: never touched
    other.mkdir()
    assert remove_stale_demo_dirs(tmp_path) == folders
    assert not folders[0].exists() and other.exists()


def test_a_demo_folder_still_starting_is_kept(tmp_path):
    starting = tmp_path / "followup-demo-new"
    starting.mkdir()
    assert remove_stale_demo_dirs(tmp_path) == []
    assert remove_stale_demo_dirs(tmp_path, now=time.time() + 3600) == [starting]
