"""Where Followup keeps its library and finds its own files.

The library lives in the user's data directory (platformdirs) unless `--data-dir` or
`FOLLOWUP_DATA_DIR` says otherwise. Resources and migrations sit beside the package in a source
checkout and under `sys._MEIPASS` in a frozen build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LIBRARY_FILE = "followup.sqlite3"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("followup", appauthor=False, roaming=True)


def data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """The data directory: the command line first, then the environment, then the platform's."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("FOLLOWUP_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def library_path(directory: Path) -> Path:
    return directory / LIBRARY_FILE


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    env = os.environ.get("FOLLOWUP_RESOURCES")
    return Path(env) if env else _root() / "resources"


def migrations_dir() -> Path:
    return _root() / "migrations"
