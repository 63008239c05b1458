"""The deadline, the countdown states at and around each threshold, and local display."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from followup.core.deadlines import (
    LIMIT,
    SOON_AT,
    STATE_STYLE,
    URGENT_AT,
    Deadline,
    State,
    countdown,
    deadline_for,
    format_duration,
    format_local,
    meeting_end,
    next_change,
)

END = datetime(2024, 5, 14, 13, 0, tzinfo=UTC)
SEC = timedelta(seconds=1)
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def at_left(deadline: Deadline, left: timedelta) -> datetime:
    """The instant at which `left` remains before the hard deadline."""
    return deadline.due - left


# --- meeting_end -------------------------------------------------------------------------------


def test_recorded_end_wins_over_schedule():
    start = datetime(2024, 5, 14, 11, 0, tzinfo=UTC)
    ended = datetime(2024, 5, 14, 12, 40, tzinfo=UTC)
    assert meeting_end(start, start + timedelta(hours=2), start, ended) == ended


def test_scheduled_end_when_no_end_was_recorded():
    start = datetime(2024, 5, 14, 11, 0, tzinfo=UTC)
    assert meeting_end(start, start + timedelta(hours=2), None, None) == start + timedelta(hours=2)


def test_start_plus_one_hour_when_no_end_at_all():
    scheduled = datetime(2024, 5, 14, 11, 0, tzinfo=UTC)
    started = datetime(2024, 5, 14, 11, 10, tzinfo=UTC)
    assert meeting_end(scheduled, None, None, None) == scheduled + timedelta(hours=1)
    assert meeting_end(scheduled, None, started, None) == started + timedelta(hours=1)


def test_scheduled_end_before_the_actual_start_is_ignored():
    scheduled = datetime(2024, 5, 14, 9, 0, tzinfo=UTC)
    started = datetime(2024, 5, 14, 15, 0, tzinfo=UTC)  # moved to the afternoon
    assert meeting_end(scheduled, scheduled + timedelta(hours=1), started, None) == (
        started + timedelta(hours=1))


def test_nothing_known_gives_none():
    assert meeting_end(None, None, None, None) is None


def test_meeting_end_comes_back_in_utc():
    ended = datetime(2024, 5, 14, 15, 0, tzinfo=BERLIN)
    result = meeting_end(None, None, None, ended)
    assert result.utcoffset() == timedelta(0)
    assert result == ended


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="aware"):
        meeting_end(None, None, None, datetime(2024, 5, 14, 12, 0))
    with pytest.raises(ValueError, match="aware"):
        countdown(deadline_for(END), datetime(2024, 5, 14, 12, 0), "draft")


# --- deadline_for ------------------------------------------------------------------------------


def test_deadline_is_24_hours_after_the_meeting():
    deadline = deadline_for(END)
    assert deadline == Deadline(due=END + LIMIT, target=None, meeting_end=END)


def test_personal_target_is_kept_beside_the_hard_deadline():
    deadline = deadline_for(END, target_hours=12)
    assert deadline.target == END + timedelta(hours=12)
    assert deadline.due == END + timedelta(hours=24)


def test_target_of_a_day_or_more_adds_nothing():
    assert deadline_for(END, 24).target is None
    assert deadline_for(END, 30).target is None


@pytest.mark.parametrize("bad", [0, -3, float("nan"), float("inf")])
def test_target_must_be_a_positive_number(bad):
    with pytest.raises(ValueError, match="target_hours"):
        deadline_for(END, bad)


# --- format_duration ---------------------------------------------------------------------------


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0:00:00"),
    (59, "0:00:59"),
    (7800, "2:10:00"),
    (83645, "23:14:05"),
    (86400, "24:00:00"),
    (86401, "1 d 00:00:01"),
    (172800, "2 d 00:00:00"),
    (93600, "1 d 02:00:00"),
    (-7800, "2:10:00"),
])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


# --- countdown: thresholds against the hard deadline -------------------------------------------


def test_comfortable_right_after_the_meeting():
    result = countdown(deadline_for(END), END, "draft")
    assert result.state is State.COMFORTABLE
    assert result.seconds_left == 24 * 3600
    assert result.text == "24:00:00 left"
    assert result.past_target is False


@pytest.mark.parametrize(("left", "state"), [
    (SOON_AT + SEC, State.COMFORTABLE),
    (SOON_AT, State.SOON),
    (SOON_AT - SEC, State.SOON),
    (URGENT_AT + SEC, State.SOON),
    (URGENT_AT, State.URGENT),
    (URGENT_AT - SEC, State.URGENT),
    (SEC, State.URGENT),
    (timedelta(0), State.OVERDUE),
    (-SEC, State.OVERDUE),
])
def test_each_boundary_belongs_to_the_later_state(left, state):
    deadline = deadline_for(END)
    assert countdown(deadline, at_left(deadline, left), "ready").state is state


def test_countdown_text_and_seconds():
    deadline = deadline_for(END)
    now = at_left(deadline, timedelta(hours=23, minutes=14, seconds=5))
    result = countdown(deadline, now, "draft")
    assert (result.seconds_left, result.text) == (83645, "23:14:05 left")


def test_a_fraction_of_a_second_left_rounds_up():
    deadline = deadline_for(END)
    result = countdown(deadline, at_left(deadline, timedelta(milliseconds=300)), "draft")
    assert (result.state, result.seconds_left, result.text) == (
        State.URGENT, 1, "0:00:01 left")


def test_overdue_counts_up_with_negative_seconds():
    deadline = deadline_for(END)
    result = countdown(deadline, deadline.due + timedelta(hours=2, minutes=10), "draft")
    assert result.state is State.OVERDUE
    assert result.seconds_left == -7800
    assert result.text == "overdue by 2:10:00"


def test_overdue_by_more_than_a_day():
    deadline = deadline_for(END)
    result = countdown(deadline, deadline.due + timedelta(days=1, hours=2), "failed")
    assert result.text == "overdue by 1 d 02:00:00"


def test_exactly_at_the_deadline_time_is_up():
    deadline = deadline_for(END)
    result = countdown(deadline, deadline.due, "draft")
    assert (result.state, result.seconds_left, result.text) == (
        State.OVERDUE, 0, "overdue by 0:00:00")


def test_transitions_as_time_moves():
    deadline = deadline_for(END)
    seen = []
    for minutes in range(0, 26 * 60, 10):
        state = countdown(deadline, END + timedelta(minutes=minutes), "draft").state
        if not seen or seen[-1] is not state:
            seen.append(state)
    assert seen == [State.COMFORTABLE, State.SOON, State.URGENT, State.OVERDUE]


def test_recomputed_from_the_clock_not_from_a_previous_tick():
    deadline = deadline_for(END)
    before_sleep = countdown(deadline, END + timedelta(hours=1), "draft")
    after_sleep = countdown(deadline, END + timedelta(hours=20), "draft")
    assert before_sleep.state is State.COMFORTABLE
    assert (after_sleep.state, after_sleep.text) == (State.SOON, "4:00:00 left")


def test_same_instant_in_another_zone_gives_the_same_countdown():
    deadline = deadline_for(END)
    now = END + timedelta(hours=3)
    assert countdown(deadline, now, "draft") == countdown(deadline, now.astimezone(NEW_YORK),
                                                          "draft")


# --- a meeting not over yet --------------------------------------------------------------------


def test_future_meeting_is_upcoming_with_the_full_time_shown():
    deadline = deadline_for(END)
    result = countdown(deadline, END - timedelta(hours=2), "draft")
    assert result.state is State.UPCOMING
    assert result.seconds_left == 26 * 3600
    assert result.text == "meeting not over yet · 1 d 02:00:00 left"


def test_meeting_without_a_recorded_end_counts_from_its_scheduled_start_plus_an_hour():
    start = datetime(2024, 5, 14, 12, 0, tzinfo=UTC)
    deadline = deadline_for(meeting_end(start, None, None, None))
    assert countdown(deadline, start + timedelta(minutes=30), "draft").state is State.UPCOMING
    result = countdown(deadline, start + timedelta(hours=1), "draft")
    assert (result.state, result.text) == (State.COMFORTABLE, "24:00:00 left")


# --- a personal target -------------------------------------------------------------------------


def test_target_sets_soon_and_urgent_but_the_text_keeps_the_hard_limit():
    deadline = deadline_for(END, target_hours=12)
    result = countdown(deadline, END + timedelta(hours=6), "draft")
    assert result.state is State.SOON  # 6 h to the target
    assert result.seconds_left == 18 * 3600
    assert result.text == "6:00:00 to your target · 18:00:00 left"
    assert result.past_target is False


def test_urgent_an_hour_before_the_target():
    deadline = deadline_for(END, target_hours=12)
    assert countdown(deadline, END + timedelta(hours=11), "draft").state is State.URGENT
    assert countdown(deadline, END + timedelta(hours=11) - SEC, "draft").state is State.SOON


def test_past_target_is_urgent_but_not_overdue():
    deadline = deadline_for(END, target_hours=12)
    result = countdown(deadline, END + timedelta(hours=14), "draft")
    assert result.state is State.URGENT
    assert result.past_target is True
    assert result.seconds_left == 10 * 3600
    assert result.text == "past your target · 10:00:00 left"


def test_overdue_only_after_the_hard_deadline_even_with_a_target():
    deadline = deadline_for(END, target_hours=12)
    result = countdown(deadline, END + timedelta(hours=25), "draft")
    assert (result.state, result.past_target, result.text) == (
        State.OVERDUE, True, "overdue by 1:00:00")


# --- sent and skipped --------------------------------------------------------------------------


def test_sent_on_time():
    deadline = deadline_for(END)
    result = countdown(deadline, END + timedelta(days=3), "sent",
                       sent_at=END + timedelta(hours=5, minutes=40))
    assert result.state is State.SENT
    assert result.text == "sent 5 h after the meeting"
    assert result.seconds_left > 0


def test_sent_late():
    deadline = deadline_for(END)
    result = countdown(deadline, END + timedelta(days=3), "sent", sent_at=END + timedelta(hours=26))
    assert result.text == "sent 26 h after the meeting (late)"
    assert result.seconds_left == -2 * 3600


def test_sent_exactly_at_24_hours_is_on_time():
    deadline = deadline_for(END)
    result = countdown(deadline, END + timedelta(days=3), "sent", sent_at=deadline.due)
    assert result.text == "sent 24 h after the meeting"


def test_sent_within_the_hour_says_minutes():
    deadline = deadline_for(END)
    result = countdown(deadline, END + timedelta(hours=2), "sent",
                       sent_at=END + timedelta(minutes=40))
    assert result.text == "sent 40 min after the meeting"


def test_sent_after_the_target_but_on_time_flags_the_target():
    deadline = deadline_for(END, target_hours=12)
    result = countdown(deadline, END + timedelta(days=1), "sent", sent_at=END + timedelta(hours=15))
    assert (result.text, result.past_target) == ("sent 15 h after the meeting", True)


def test_sent_without_a_time():
    result = countdown(deadline_for(END), END + timedelta(hours=2), "sent")
    assert (result.state, result.text) == (State.SENT, "sent")


def test_skipped_never_goes_overdue():
    deadline = deadline_for(END)
    result = countdown(deadline, END + timedelta(days=5), "skipped")
    assert (result.state, result.text) == (State.SKIPPED, "skipped")


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="status"):
        countdown(deadline_for(END), END, "archived")


# --- next_change -------------------------------------------------------------------------------


def test_next_change_walks_through_every_threshold():
    deadline = deadline_for(END)
    now = END - timedelta(hours=1)
    steps = []
    while (now := next_change([deadline], now)) is not None:
        steps.append((now - END, countdown(deadline, now, "draft").state))
    assert steps == [
        (timedelta(0), State.COMFORTABLE),
        (LIMIT - SOON_AT, State.SOON),
        (LIMIT - URGENT_AT, State.URGENT),
        (LIMIT, State.OVERDUE),
    ]


def test_next_change_state_differs_just_before_and_at_the_instant():
    deadline = deadline_for(END, target_hours=12)
    now = END
    while (change := next_change([deadline], now)) is not None:
        before = countdown(deadline, change - SEC, "draft")
        after = countdown(deadline, change, "draft")
        assert (before.state, before.past_target) != (after.state, after.past_target)
        now = change


def test_next_change_with_a_target_includes_passing_it():
    deadline = deadline_for(END, target_hours=12)
    assert next_change([deadline], END + timedelta(hours=11, minutes=30)) == (
        END + timedelta(hours=12))


def test_next_change_ignores_thresholds_before_the_meeting_ends():
    deadline = deadline_for(END, target_hours=3)  # target - 6 h falls inside the meeting
    assert next_change([deadline], END - timedelta(hours=4)) == END


def test_next_change_takes_the_earliest_across_follow_ups():
    early, late = deadline_for(END), deadline_for(END + timedelta(hours=3))
    now = END + timedelta(hours=17, minutes=30)
    assert next_change([late, early], now) == early.due - SOON_AT
    assert next_change([], now) is None
    assert next_change([early], early.due + SEC) is None


# --- format_local ------------------------------------------------------------------------------


def test_format_local_in_a_given_zone():
    instant = datetime(2024, 3, 12, 19, 4, tzinfo=UTC)
    assert format_local(instant, NEW_YORK) == "Tue 12 Mar 2024, 3:04 PM"
    assert format_local(instant, BERLIN) == "Tue 12 Mar 2024, 8:04 PM"


def test_same_instant_after_a_time_zone_change_shows_another_clock():
    deadline = deadline_for(datetime(2024, 7, 1, 15, 0, tzinfo=UTC))
    now = deadline.due - timedelta(hours=2)
    assert format_local(deadline.due, BERLIN, now=now) == "5:00 PM"
    assert format_local(deadline.due, NEW_YORK, now=now) == "11:00 AM"
    assert format_local(deadline.due, ZoneInfo("Asia/Tokyo"), now=now) == "12:00 AM tomorrow"


def test_format_local_relative_to_now():
    now = datetime(2024, 5, 14, 14, 0, tzinfo=BERLIN)
    assert format_local(datetime(2024, 5, 14, 23, 59, tzinfo=BERLIN), BERLIN, now=now) == "11:59 PM"
    assert format_local(datetime(2024, 5, 15, 0, 5, tzinfo=BERLIN), BERLIN, now=now) == (
        "12:05 AM tomorrow")
    assert format_local(datetime(2024, 5, 13, 12, 0, tzinfo=BERLIN), BERLIN, now=now) == (
        "12:00 PM yesterday")
    assert format_local(datetime(2024, 5, 17, 9, 30, tzinfo=BERLIN), BERLIN, now=now) == (
        "Fri 17 May, 9:30 AM")
    assert format_local(datetime(2023, 12, 30, 9, 30, tzinfo=BERLIN), BERLIN, now=now) == (
        "Sat 30 Dec 2023, 9:30 AM")


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset exists on Unix only")
def test_format_local_without_tz_uses_the_system_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert format_local(datetime(2024, 1, 10, 20, 0, tzinfo=UTC)) == "Wed 10 Jan 2024, 3:00 PM"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_deadline_across_spring_forward_is_24_real_hours():
    # A meeting ending 3 PM the day before New York moves its clocks forward.
    end = datetime(2024, 3, 9, 15, 0, tzinfo=NEW_YORK)
    deadline = deadline_for(end)
    assert deadline.due - deadline.meeting_end == LIMIT
    assert format_local(deadline.due, NEW_YORK) == "Sun 10 Mar 2024, 4:00 PM"


def test_deadline_across_fall_back_shows_an_hour_earlier_on_the_wall():
    end = datetime(2024, 11, 2, 15, 0, tzinfo=NEW_YORK)
    deadline = deadline_for(end)
    assert format_local(deadline.due, NEW_YORK) == "Sun 3 Nov 2024, 2:00 PM"


def test_the_repeated_hour_of_fall_back_shows_its_wall_clock_twice():
    first = datetime(2024, 11, 3, 5, 30, tzinfo=UTC)  # 1:30 AM EDT
    second = first + timedelta(hours=1)  # 1:30 AM EST
    assert format_local(first, NEW_YORK) == format_local(second, NEW_YORK) == (
        "Sun 3 Nov 2024, 1:30 AM")
    deadline = deadline_for(first)
    assert countdown(deadline, second, "draft").seconds_left == 23 * 3600


def test_fixed_offset_zone():
    plus_0530 = timezone(timedelta(hours=5, minutes=30))
    assert format_local(datetime(2024, 5, 14, 0, 0, tzinfo=UTC), plus_0530) == (
        "Tue 14 May 2024, 5:30 AM")


# --- styles ------------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_state_has_a_style():
    assert set(STATE_STYLE) == set(State)


def test_states_differ_by_glyph_and_label_not_only_colour():
    styles = STATE_STYLE.values()
    assert len({style.glyph for style in styles}) == len(State)
    assert len({style.label for style in styles}) == len(State)


def test_colours_are_distinct_within_each_theme():
    assert len({style.light for style in STATE_STYLE.values()}) == len(State)
    assert len({style.dark for style in STATE_STYLE.values()}) == len(State)


@pytest.mark.parametrize("state", list(State))
def test_glyph_colours_stand_out_on_light_and_dark_backgrounds(state):
    style = STATE_STYLE[state]
    assert _contrast(style.light, "#FFFFFF") >= 3.0
    assert _contrast(style.dark, "#353535") >= 3.0


def test_headline_names_the_state_once():
    from followup.core.deadlines import Countdown, State, headline

    assert headline(Countdown(State.UPCOMING, 60, "meeting not over yet · 1 min left", False)) \
        == "Meeting not over yet · 1 min left"
    assert headline(Countdown(State.SENT, 0, "sent 5 h after the meeting", False)) \
        == "Sent 5 h after the meeting"
    assert headline(Countdown(State.COMFORTABLE, 60, "21 h left", False)) \
        == "Plenty of time: 21 h left"
