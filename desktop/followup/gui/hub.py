"""What changed, said once: one `Hub` per window, with a typed signal for each kind of change.

A widget that changes something emits on the hub; a widget that cares connects to it. The
window builds the hub and hands it to its children (`MeetingWorkspace(library, notes, hub)`);
it does not relay changes from one child to another.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class SendRoute(StrEnum):
    """How a follow-up leaves: the ways offered beside the Send button."""

    SEND = "send"  # by Followup, over SMTP
    MAIL_APP = "mail_app"  # a new message in the desktop mail app
    EML = "eml"  # a .eml file to send from anywhere
    COPY = "copy"  # subject and note on the clipboard

    @property
    def writes(self) -> bool:
        """Whether taking this route changes the library (so a read-only one refuses it)."""
        return self in (SendRoute.SEND, SendRoute.MAIL_APP)


class Hub(QObject):
    """The window's changes, announced by the widget that made them."""

    # A meeting's details, people or state changed (the meeting's id).
    meetingChanged = Signal(int)
    # A follow-up's status changed (its id; 0 when several changed, as after a batch send).
    followupStatusChanged = Signal(int)
    # Notes or a draft were written at this time.
    notesSaved = Signal(datetime)
    # The library refused a note's or a draft's write (the reason); it is retried shortly.
    saveFailed = Signal(str)
    # Meetings came or went: created, imported, deleted.
    libraryChanged = Signal()
    # A follow-up is to leave by a route (a SendRoute's value; the follow-up's id).
    routeRequested = Signal(str, int)
