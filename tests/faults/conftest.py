"""Fault tests run Followup in child processes that are really killed, or on a small disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_followup(*args: str, data: Path | None = None, timeout: float = 60,
                 preexec=None, env_extra=None) -> subprocess.CompletedProcess:
    """`python -m followup ARGS` in a child process, as a user would run it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    argv = [sys.executable, "-m", "followup"]
    if data is not None:
        argv += ["--data-dir", str(data)]
    return subprocess.run([*argv, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=preexec)


def run_python(code: str, *args: str, timeout: float = 60, preexec=None, stdin: str = ""):
    """Run `code` in a child Python with Followup importable; returns the finished process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=timeout, preexec_fn=preexec, input=stdin)


# Injected into a child: SIGKILL itself right after its Nth SQL statement (SQLAlchemy's
# cursor events see every statement the library, Alembic and the import run).
KILL_AFTER_STATEMENT = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine

_limit = int(os.environ["KILL_AFTER"])
_count = 0

@event.listens_for(Engine, "after_cursor_execute")
def _maybe_die(*_args):
    global _count
    _count += 1
    if _count == _limit:
        os.kill(os.getpid(), signal.SIGKILL)

def statements():
    return _count
"""


@pytest.fixture
def killer_env(monkeypatch):
    def arm(after: int) -> None:
        monkeypatch.setenv("KILL_AFTER", str(after))

    return arm
