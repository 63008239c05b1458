"""The demo library: a sample panel interview that ended two hours ago, and an older coffee."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

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


def demo_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="followup-demo-"))
