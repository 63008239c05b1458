"""Where the user was: the meeting and the person the window reopens on, kept in window.ini.

Read by the main window, and at start-up before it exists (gui/app.py), so that the first
screen's read is of that meeting: reopening on an older meeting must not load the ORM before
the first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings

MEETING_KEY = "session/meeting"
PERSON_KEY = "session/person"
SETTINGS_FILE = "window.ini"


def window_settings(folder: Path) -> QSettings:
    """The window's settings file in the data folder `folder`."""
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)


def last_place(settings: QSettings) -> tuple[int | None, int | None]:
    """(meeting id, attendance id) the user was on; None for what is not known."""
    # `type=int` makes both ints, 0 when missing (PySide's stub says object).
    meeting = cast(int, settings.value(MEETING_KEY, type=int))
    person = cast(int, settings.value(PERSON_KEY, type=int))
    return meeting or None, person or None


def remember_place(settings: QSettings, meeting_id: int, attendance_id: int) -> None:
    """Keep (meeting id, attendance id or 0 for the general notes), written at once."""
    settings.setValue(MEETING_KEY, meeting_id)
    settings.setValue(PERSON_KEY, attendance_id)
    settings.sync()
