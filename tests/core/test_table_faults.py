"""Real faults in the word tables' cache files: other processes, other hash seeds, files that
pass their CRC-32 but lie about their layout, folders that cannot hold the files. Each must end
in the right answers, from the file or from a rebuild in memory, never in a crash or a hang."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

DESKTOP = str(Path(__file__).resolve().parents[2] / "desktop")


def run_python(code: str, env: dict | None = None, timeout: float = 120) -> str:
    """Run `code` in a new Python process (its own hash seed, unless `env` sets one); its
    stdout. Fails the test on a non-zero exit."""
    environment = {**os.environ, "PYTHONPATH": DESKTOP, **(env or {})}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=timeout, env=environment)
    assert done.returncode == 0, done.stderr
    return done.stdout


SPELLING_ANSWERS = """
    from pathlib import Path
    from followup.core import spelling
    english = spelling.load_english(Path({folder!r}))
    print(type(english.word_frequency._tags).__name__, "interview" in english,
          english["the"] > 0, sorted(english.candidates("platfrom") or ()),
          spelling.misspellings("I had a great interview with the tem today"))
"""


def test_a_table_built_by_one_process_answers_the_same_in_another(tmp_path):
    """Python salts str hashes per process: a table placed by one process's hash() would
    answer "absent" for every word in the next."""
    code = SPELLING_ANSWERS.format(folder=str(tmp_path))
    built = run_python(code, {"PYTHONHASHSEED": "1"})
    again = run_python(code, {"PYTHONHASHSEED": "2"})
    assert built.split(" ", 1)[1] == again.split(" ", 1)[1]
    assert again.startswith("memoryview True True ['platform'] [(")
    assert "'tem'" in again and "'interview'" not in again
