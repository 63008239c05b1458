"""The "most urgent first" order of the send-status list.

Follow-ups still to send come first, by state (overdue, urgent, soon, plenty of time, meeting not
over) and within a state by the least time left, so the most overdue leads. A failed send is still
unsent, so it sorts by its clock like a draft, but ahead of drafts in the same state: it needs an
action the user may not expect. Sent and skipped follow-ups come last and keep the order they were
given in (`sorted` is stable), for example newest sent first from the store.
"""

from __future__ import annotations

from followup.core.deadlines import Countdown, State

_RANK = {
    State.OVERDUE: 0,
    State.URGENT: 1,
    State.SOON: 2,
    State.COMFORTABLE: 3,
    State.UPCOMING: 4,
    State.SENT: 5,
    State.SKIPPED: 6,
}
_DONE = frozenset({State.SENT, State.SKIPPED})


def sort_key(countdown: Countdown, failed: bool = False) -> tuple[int, int, int]:
    """A key for `sorted` that puts the follow-up needing attention soonest first."""
    if countdown.state in _DONE:
        return (_RANK[countdown.state], 0, 0)
    return (_RANK[countdown.state], 0 if failed else 1, countdown.seconds_left)
