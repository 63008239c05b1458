"""The send-status list: every follow-up across meetings, most urgent first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup.core.deadlines import Countdown, State
from followup.core.status import Status, is_open
from followup.core.urgency import sort_key
from followup.store.followups import FollowUpView, all_followups
from followup.store.library import Library

FILTERS = ("to do", "overdue", "sent", "all")


@dataclass(frozen=True)
class StatusRow:
    view: FollowUpView
    countdown: Countdown | None

    @property
    def state(self) -> str:
        return self.countdown.state.value if self.countdown else "no deadline"


def status_rows(library: Library, now: datetime, which: str = "all",
                search: str = "") -> list[StatusRow]:
    rows = [StatusRow(v, v.countdown(now)) for v in all_followups(library, now)]
    rows = [r for r in rows if _keep(r, which) and _matches(r.view, search)]
    return sorted(rows, key=_urgency)


def _urgency(row: StatusRow):
    if row.countdown is None:
        return (98, 0, 0)
    return sort_key(row.countdown, failed=row.view.status is Status.FAILED)


def _keep(row: StatusRow, which: str) -> bool:
    status = row.view.status
    if which == "to do":
        return is_open(status)
    if which == "overdue":
        return row.countdown is not None and row.countdown.state is State.OVERDUE
    if which == "sent":
        return status is Status.SENT
    return True


def _matches(view: FollowUpView, search: str) -> bool:
    needle = search.strip().lower()
    return not needle or any(needle in text.lower() for text in (
        view.person_name, view.company, view.role, view.person_email, view.subject))


def due_count(library: Library, now: datetime) -> int:
    """Follow-ups still to send whose meeting is over (one light query: it runs on a timer)."""
    from followup.core.deadlines import countdown
    from followup.store.followups import reminder_items

    return sum(1 for item in reminder_items(library, now)
               if countdown(item.deadline, now, item.status).state is not State.UPCOMING)
