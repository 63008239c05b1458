"""Local-time display of UTC instants for the GUI: one clock format, the system locale's."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime


def locale_clock(local: datetime) -> str:
    """A local time of day in the locale's short format ("16:05", or "4:05 PM")."""
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def install_locale_clock() -> None:
    """Make every time the window shows, the countdowns and reminders included, use it."""
    from followup.core.deadlines import use_clock_format

    use_clock_format(locale_clock)


def short_datetime(dt: datetime | None) -> str:
    if dt is None:
        return "no date"
    value = dt.astimezone()
    day = QLocale().toString(QDate(value.year, value.month, value.day), "ddd d MMM")
    return f"{day}, {locale_clock(value)}"


def clock_time(dt: datetime | None) -> str:
    return locale_clock(dt.astimezone()) if dt else ""
