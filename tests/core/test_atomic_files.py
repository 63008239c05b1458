"""The one recipe for writing a file whole, and the one sweeper of what a killed run left."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from followup.core.atomic_files import TEMP_RE, sweep_leftovers, write_atomically


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "out"  # tmp_path also holds the test's home folder
    out.mkdir()
    return out


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_a_file_is_written_whole_and_no_temporary_file_stays(folder):
    target = folder / "export.json"
    write_atomically(target, "first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in folder.iterdir()] == ["export.json"]


def test_a_failed_write_leaves_the_old_file(folder, monkeypatch):
    target = folder / "export.json"
    write_atomically(target, "old")

    def refuse(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text() == "old" and [p.name for p in folder.iterdir()] == [
        "export.json"]


@pytest.mark.skipif(os.name == "nt", reason="Windows goes by age alone")
def test_the_sweeper_removes_what_a_gone_process_left_and_keeps_the_rest(folder):
    gone, mine = dead_pid(), os.getpid()
    killed = folder / f".export.json.{gone}.ab12cd34.tmp"
    running = folder / f".export.json.{mine}.ef56gh78.tmp"
    old_style = folder / ".dictionary.txt.k3j4h5g6.tmp"  # no pid: by age
    other = folder / "notes.tmp"
    for path in (killed, running, old_style, other):
        path.write_text("x")
    link = folder / f".a.{gone}.zz99zz99.tmp"
    link.symlink_to(other)
    assert sweep_leftovers(folder, TEMP_RE) == [killed]
    later = time.time() + 2 * 3600
    assert sweep_leftovers(folder, TEMP_RE, now=later) == [old_style]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [running.name, other.name, link.name])


def test_the_sweeper_takes_folders_and_an_owner_of_its_own(folder):
    gone = dead_pid()
    left = folder / "followup-demo-1"
    (left / "inner").mkdir(parents=True)
    (left / "inner" / "file").write_text("x")
    owners = {left: gone}
    removed = sweep_leftovers(folder, re.compile(r"followup-demo-.+"),
                              owner=lambda entry: owners.get(entry))
    assert removed == [left] and not left.exists()
