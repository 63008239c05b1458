"""Local-time display of UTC instants for the GUI."""

from __future__ import annotations

from datetime import datetime


def short_datetime(dt: datetime | None) -> str:
    if dt is None:
        return "no date"
    value = dt.astimezone()
    return value.strftime("%a %d %b, %H:%M")


def clock_time(dt: datetime | None) -> str:
    return dt.astimezone().strftime("%H:%M") if dt else ""
