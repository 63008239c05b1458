"""The send-status list order: the follow-up needing attention soonest comes first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup.core.deadlines import countdown, deadline_for
from followup.core.urgency import sort_key

NOW = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)


def row(name: str, ended_hours_ago: float, status: str = "draft", sent_hours_ago: float = 0):
    """One list row: a name and its countdown at NOW."""
    deadline = deadline_for(NOW - timedelta(hours=ended_hours_ago))
    sent_at = NOW - timedelta(hours=sent_hours_ago) if status == "sent" else None
    return name, status, countdown(deadline, NOW, status, sent_at)


def ordered(rows) -> list[str]:
    return [name for name, status, cd in sorted(
        rows, key=lambda r: sort_key(r[2], failed=r[1] == "failed"))]


def test_states_in_order_of_urgency():
    rows = [
        row("sent", 20, "sent", sent_hours_ago=10),
        row("comfortable", 2),
        row("upcoming", -1),
        row("skipped", 5, "skipped"),
        row("urgent", 23.5),
        row("overdue", 30),
        row("soon", 20),
    ]
    assert ordered(rows) == [
        "overdue", "urgent", "soon", "comfortable", "upcoming", "sent", "skipped"]


def test_most_overdue_first_then_least_time_left():
    rows = [row("overdue 1 h", 25), row("overdue 9 h", 33), row("soon 5 h", 19),
            row("soon 2 h", 22), row("comfortable 20 h", 4), row("comfortable 10 h", 14)]
    assert ordered(rows) == ["overdue 9 h", "overdue 1 h", "soon 2 h", "soon 5 h",
                             "comfortable 10 h", "comfortable 20 h"]


def test_failed_leads_its_state_but_not_a_more_urgent_state():
    rows = [row("draft soon", 21), row("failed comfortable", 4, "failed"),
            row("draft comfortable", 14), row("failed soon", 19, "failed")]
    assert ordered(rows) == ["failed soon", "draft soon", "failed comfortable",
                             "draft comfortable"]


def test_sent_and_skipped_keep_the_given_order():
    rows = [row("sent b", 30, "sent", sent_hours_ago=1), row("skipped a", 40, "skipped"),
            row("sent a", 20, "sent", sent_hours_ago=19), row("skipped b", 2, "skipped")]
    assert ordered(rows) == ["sent b", "sent a", "skipped a", "skipped b"]
