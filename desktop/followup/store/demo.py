"""The demo library: a sample panel interview that ended two hours ago, and an older coffee."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from followup.core.atomic_files import sweep_leftovers
from followup.paths import resources_dir
from followup.store.interchange import import_library
from followup.store.library import Library

DEMO_FILE = "demo/demo-library.json"


def demo_document(now: datetime | None = None) -> dict[str, Any]:
    """The demo document with every instant shifted so the panel ended two hours before now."""
    data = json.loads((resources_dir() / DEMO_FILE).read_text(encoding="utf-8"))
    anchor = datetime.fromisoformat(data["meetings"][0]["ended_at"])
    shift = (now or datetime.now(UTC)) - timedelta(hours=2) - anchor
    _shift(data, shift)
    return data


def _shift(node: Any, shift: timedelta) -> None:
    keys = ("scheduled_start", "scheduled_end", "started_at", "ended_at", "sent_at", "at")
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                node[key] = (datetime.fromisoformat(value) + shift).isoformat()
            else:
                _shift(value, shift)
    elif isinstance(node, list):
        for item in node:
            _shift(item, shift)


def seed_demo(library: Library, now: datetime | None = None) -> None:
    import_library(library, demo_document(now))


DEMO_PREFIX = "followup-demo-"
STALE_AFTER_SECONDS = 600  # a demo folder with no lock yet is still starting up until then


def demo_dir() -> Path:
    """A new temporary folder for the demo library, after removing the folders of demos that
    were killed before they could remove their own (their process is gone)."""
    remove_stale_demo_dirs(Path(tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))


def remove_stale_demo_dirs(parent: Path, now: float | None = None) -> list[Path]:
    """Remove the demo folders in `parent` whose process no longer runs (the pid in the
    library's lock file), or that never got a lock file and are older than a few minutes.
    Returns what was removed. Never touches anything but `followup-demo-*` folders."""
    return sweep_leftovers(parent, _DEMO_RE, STALE_AFTER_SECONDS, now, owner=_lock_holder)


_DEMO_RE = re.compile(re.escape(DEMO_PREFIX) + ".+")


def _lock_holder(folder: Path) -> int | None:
    """The pid in a demo folder's lock file; None while it has none (the demo is starting)."""
    if not folder.is_dir():
        raise NotADirectoryError(folder)  # only folders are demos: left alone
    try:
        text = (folder / "followup.sqlite3.lock").read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None
