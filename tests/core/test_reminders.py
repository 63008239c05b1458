"""Reminders: once per threshold, only the most severe after a gap, never for sent or skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.core.deadlines import Deadline, deadline_for, next_change
from followup.core.reminders import (
    Reminder,
    ReminderItem,
    due_reminders,
    human_duration,
    shown_pairs,
)

NEW_YORK = ZoneInfo("America/New_York")
# The meeting ended 3:04 PM in New York, so the follow-up is due 3:04 PM the next day.
END = datetime(2024, 5, 14, 15, 4, tzinfo=NEW_YORK).astimezone(UTC)


def item(deadline: Deadline | None = None, status: str = "draft", followup_id: int = 7,
         person: str = "Jane Doe", company: str = "Acme") -> ReminderItem:
    return ReminderItem(followup_id, person, company, deadline or deadline_for(END), status)


class ReminderLog:
    """What the app keeps between calls: the shown set, persisted across restarts."""

    def __init__(self) -> None:
        self.shown: set[tuple[int, str]] = set()

    def tick(self, items, now) -> list[Reminder]:
        new = due_reminders(items, self.shown, now, tz=NEW_YORK)
        self.shown |= shown_pairs(new)
        return new


def test_nothing_while_comfortable():
    assert due_reminders([item()], set(), END + timedelta(hours=2), tz=NEW_YORK) == []


def test_soon_reminder_names_the_person_and_the_local_time():
    now = END + timedelta(hours=18, minutes=2)
    [reminder] = due_reminders([item()], set(), now, tz=NEW_YORK)
    assert reminder == Reminder(
        7, "soon", "Follow-up due soon",
        "Follow-up to Jane Doe (Acme) is due in 5 h 58 min — by 3:04 PM.")


def test_urgent_reminder_matches_the_calm_example():
    now = END + timedelta(hours=23, minutes=2)
    [reminder] = due_reminders([item()], {(7, "soon")}, now, tz=NEW_YORK)
    assert reminder.threshold == "urgent"
    assert reminder.title == "Follow-up due within the hour"
    assert reminder.message == "Follow-up to Jane Doe (Acme) is due in 58 min — by 3:04 PM."


def test_overdue_reminder_is_calm_and_says_by_how_much():
    now = END + timedelta(hours=26, minutes=10)
    [reminder] = due_reminders([item()], {(7, "soon"), (7, "urgent")}, now, tz=NEW_YORK)
    assert reminder.threshold == "overdue"
    assert reminder.title == "Follow-up overdue"
    assert reminder.message == (
        "Follow-up to Jane Doe (Acme) is 2 h 10 min past the 24-hour mark (due 3:04 PM). "
        "A short, specific note is still worth sending.")


def test_each_threshold_fires_exactly_once_as_time_moves():
    log, fired = ReminderLog(), []
    for minutes in range(0, 30 * 60, 5):
        fired += [r.threshold for r in log.tick([item()], END + timedelta(minutes=minutes))]
    assert fired == ["soon", "urgent", "overdue"]


def test_fires_at_the_exact_threshold_instants():
    deadline = deadline_for(END)
    assert due_reminders([item(deadline)], set(), deadline.due - timedelta(hours=6, seconds=1),
                         tz=NEW_YORK) == []
    [soon] = due_reminders([item(deadline)], set(), deadline.due - timedelta(hours=6), tz=NEW_YORK)
    [urgent] = due_reminders([item(deadline)], {(7, "soon")}, deadline.due - timedelta(hours=1),
                             tz=NEW_YORK)
    [overdue] = due_reminders([item(deadline)], {(7, "soon"), (7, "urgent")}, deadline.due,
                              tz=NEW_YORK)
    assert (soon.threshold, urgent.threshold, overdue.threshold) == ("soon", "urgent", "overdue")


def test_a_timer_driven_by_next_change_catches_every_threshold():
    deadline = deadline_for(END)
    log, fired, now = ReminderLog(), [], END - timedelta(hours=1)
    while (now := next_change([deadline], now)) is not None:
        fired += [(r.threshold, now) for r in log.tick([item(deadline)], now)]
    assert fired == [("soon", deadline.due - timedelta(hours=6)),
                     ("urgent", deadline.due - timedelta(hours=1)),
                     ("overdue", deadline.due)]


def test_restart_in_the_middle_does_not_repeat():
    before = ReminderLog()
    assert [r.threshold for r in before.tick([item()], END + timedelta(hours=19))] == ["soon"]
    persisted = set(before.shown)  # written to the database, read back after the restart
    after = ReminderLog()
    after.shown = persisted
    assert after.tick([item()], END + timedelta(hours=20)) == []
    assert [r.threshold for r in after.tick([item()], END + timedelta(hours=23, minutes=30))] == [
        "urgent"]


def test_coming_back_overdue_shows_only_the_most_severe_and_marks_the_rest():
    log = ReminderLog()
    reminders = log.tick([item()], END + timedelta(hours=30))
    assert [r.threshold for r in reminders] == ["overdue"]
    assert log.shown == {(7, "soon"), (7, "urgent"), (7, "overdue")}
    assert log.tick([item()], END + timedelta(hours=31)) == []


def test_coming_back_urgent_skips_soon():
    log = ReminderLog()
    assert [r.threshold for r in log.tick([item()], END + timedelta(hours=23, minutes=30))] == [
        "urgent"]
    assert log.shown == {(7, "soon"), (7, "urgent")}


@pytest.mark.parametrize("status", ["sent", "skipped"])
def test_sent_or_skipped_never_notify(status):
    for hours in (19, 23.5, 30):
        now = END + timedelta(hours=hours)
        assert due_reminders([item(status=status)], set(), now, tz=NEW_YORK) == []


def test_failed_send_still_reminds():
    now = END + timedelta(hours=23, minutes=30)
    assert [r.threshold for r in due_reminders([item(status="failed")], set(), now)] == ["urgent"]


def test_meeting_not_over_yet_never_notifies():
    deadline = deadline_for(END, target_hours=2)  # a tight target still waits for the end
    assert due_reminders([item(deadline)], set(), END - timedelta(minutes=10)) == []


def test_several_follow_ups_keep_their_own_thresholds():
    items = [item(followup_id=1, person="Jane Doe"),
             item(deadline_for(END + timedelta(hours=5)), followup_id=2, person="Raj Patel")]
    log = ReminderLog()
    first = log.tick(items, END + timedelta(hours=19))
    assert [(r.followup_id, r.threshold) for r in first] == [(1, "soon")]
    second = log.tick(items, END + timedelta(hours=24))
    assert [(r.followup_id, r.threshold) for r in second] == [(1, "overdue"), (2, "soon")]


def test_target_reminders_speak_of_the_target_and_keep_the_limit_visible():
    deadline = deadline_for(END, target_hours=12)
    [reminder] = due_reminders([item(deadline)], set(), END + timedelta(hours=6, minutes=30),
                               tz=NEW_YORK)
    assert reminder.threshold == "soon"
    assert reminder.title == "Follow-up target soon"
    assert reminder.message == (
        "Your target for the follow-up to Jane Doe (Acme) is in 5 h 30 min — by 3:04 AM tomorrow. "
        "The 24-hour mark is 3:04 PM tomorrow.")


def test_coming_back_past_the_target_points_at_the_hard_limit():
    deadline = deadline_for(END, target_hours=12)
    [reminder] = due_reminders([item(deadline)], set(), END + timedelta(hours=14), tz=NEW_YORK)
    assert reminder.threshold == "urgent"
    assert reminder.title == "Follow-up past your target"
    assert reminder.message == (
        "Follow-up to Jane Doe (Acme) is past your target; the 24-hour mark is in 10 h "
        "— by 3:04 PM.")


def test_no_company_and_no_name():
    now = END + timedelta(hours=23, minutes=2)
    [reminder] = due_reminders([item(person="  ", company="")], set(), now, tz=NEW_YORK)
    assert reminder.message.startswith("Follow-up to your contact is due in 58 min")


def test_display_zone_changes_the_clock_not_the_decision():
    now = END + timedelta(hours=23, minutes=2)
    here = due_reminders([item()], set(), now, tz=NEW_YORK)
    there = due_reminders([item()], set(), now, tz=ZoneInfo("Europe/Berlin"))
    assert [r.threshold for r in here] == [r.threshold for r in there] == ["urgent"]
    assert here[0].message.endswith("by 3:04 PM.")
    assert there[0].message.endswith("by 9:04 PM.")


def test_shown_pairs_cover_the_milder_thresholds():
    reminders = [Reminder(1, "soon", "", ""), Reminder(2, "urgent", "", ""),
                 Reminder(3, "overdue", "", "")]
    assert shown_pairs(reminders) == {
        (1, "soon"), (2, "soon"), (2, "urgent"), (3, "soon"), (3, "urgent"), (3, "overdue")}


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=40), "less than a minute"),
    (timedelta(minutes=58, seconds=59), "58 min"),
    (timedelta(hours=2), "2 h"),
    (timedelta(hours=5, minutes=58), "5 h 58 min"),
    (timedelta(days=1, hours=3, minutes=5), "1 d 3 h"),
    (timedelta(days=2), "2 d"),
])
def test_human_duration(delta, text):
    assert human_duration(delta) == text
