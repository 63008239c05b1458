"""What counts as a reply, when a check-in falls due, and what the check-in says."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from email.message import Message

import pytest

from followup.core import checkins as ci
from followup.core.checklist import CheckContext, check_draft
from followup.core.phones import find_phone_numbers

SENT = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
AWAITED = ci.Awaited(1, "<note-1@example.com>", "priya@brightwave.io", SENT)


def _headers(sender="someone@else.example", *, in_reply_to="", references="",
             date_field="Mon, 07 Dec 2026 12:00:00 +0000") -> ci.Headers:
    fields = Message()
    fields["From"] = sender
    if date_field:
        fields["Date"] = date_field
    if in_reply_to:
        fields["In-Reply-To"] = in_reply_to
    if references:
        fields["References"] = references
    return ci.headers_from(fields)


def test_a_reply_in_the_thread_counts_whoever_sends_it():
    assert ci.answers(_headers(in_reply_to="<note-1@example.com>"), AWAITED)
    assert ci.answers(_headers(references="<a@b> <note-1@example.com>\r\n <c@d>"), AWAITED)
    assert not ci.answers(_headers(in_reply_to="<note-2@example.com>"), AWAITED)


def test_a_message_from_the_person_after_the_send_counts():
    assert ci.answers(_headers("Priya Natarajan <Priya@Brightwave.IO>"), AWAITED)
    before = _headers("priya@brightwave.io", date_field="Mon, 07 Dec 2026 09:59:00 +0000")
    assert not ci.answers(before, AWAITED)
    assert not ci.answers(_headers("priya@brightwave.io", date_field=""), AWAITED)
    assert not ci.answers(_headers("marcus@brightwave.io"), AWAITED)


def test_a_missing_date_falls_back_on_the_servers_arrival_time():
    fields = Message()
    fields["From"] = "priya@brightwave.io"
    fields["Date"] = "not a date"
    arrived = SENT + timedelta(hours=1)
    assert ci.headers_from(fields, arrived).date == arrived


def test_the_earliest_answer_is_kept():
    late = _headers("priya@brightwave.io", date_field="Wed, 09 Dec 2026 12:00:00 +0000")
    early = _headers(in_reply_to="<note-1@example.com>")
    found = ci.first_replies([late, early, _headers()], [AWAITED])
    assert found == {1: early}


@pytest.mark.parametrize(("notes", "expected"), [
    ("! decision by Friday", date(2026, 12, 11)),
    ("they will decide before Wednesday", date(2026, 12, 9)),
    ("Dana: we'll let you know by Dec 18th", date(2026, 12, 18)),
    ("hear back by the 3rd of January", date(2027, 1, 3)),
    ("offers go out on 2026-12-15", date(2026, 12, 15)),
    ("Decision by next Monday.", date(2026, 12, 14)),  # Monday the 7th is the meeting day
    ("we talked about Friday deploys", None),
    ("! they use dbt", None),
])
def test_a_date_the_notes_name(notes, expected):
    assert ci.named_date(notes, date(2026, 12, 7)) == expected


def test_check_in_is_due_a_week_after_the_send_without_a_named_date():
    assert ci.checkin_due(SENT, "! they use dbt", date(2026, 12, 7)) == SENT + timedelta(days=7)
    assert ci.checkin_due(SENT, "", None, days=3) == SENT + timedelta(days=3)


def test_check_in_is_due_the_morning_after_a_named_date():
    zone = timezone(timedelta(hours=-5))
    due = ci.checkin_due(SENT, "decision by Friday", date(2026, 12, 7), tz=zone)
    assert due == datetime(2026, 12, 12, ci.CHECKIN_HOUR, tzinfo=zone)


def test_days_setting_falls_back_to_the_default():
    assert ci.days_setting("3") == 3
    assert ci.days_setting("") == ci.CHECKIN_AFTER_DAYS
    assert ci.days_setting("0") == ci.CHECKIN_AFTER_DAYS
    assert ci.days_setting("many") == ci.CHECKIN_AFTER_DAYS


def test_check_in_names_role_and_company_asks_about_the_timeline_and_closes_with_the_phone():
    request = ci.CheckinRequest("Priya Natarajan", "Brightwave", "Senior Backend Engineer",
                                "Sam Rivera\n(415) 555-0134")
    subject, body = ci.draft_checkin(request)
    assert subject == "Checking in on the Senior Backend Engineer role at Brightwave"
    assert body.startswith("Hi Priya,")
    assert "Senior Backend Engineer role at Brightwave" in body
    assert "interested" in body or "excited" in body or "keen" in body
    assert "timeline" in body and "?" in body
    closing = body.strip().split("\n\n")[-1]
    assert find_phone_numbers(closing)
    assert "[" not in body
    # The guides' own rules, as the checklist reads them, for the parts a check-in shares
    # with a thank-you note.
    context = CheckContext(company="Brightwave", recipient="Priya Natarajan",
                           sender_name="Sam Rivera", sender_phone="(415) 555-0134")
    verdicts = {r.id: r.passed for r in check_draft(subject, body, context)}
    for rule in ("company_named", "interest", "phone_in_closing", "placeholders",
                 "generic_reference", "greeting", "spelling", "concise"):
        assert verdicts[rule], rule


def test_check_in_mentions_the_named_date_and_leaves_gaps_visible():
    request = ci.CheckinRequest("Dana Okafor", "", "", "[your name]\n[your phone number]",
                                date(2026, 12, 11))
    subject, body = ci.draft_checkin(request)
    assert "my application at [company]" in subject
    assert "decision by Friday 11 December" in body
    assert "[your phone number]" in body


def test_the_users_own_check_in_template_wins(tmp_path):
    folder = tmp_path / "checkins"
    folder.mkdir()
    (folder / "checkin.md").write_text("Subject: Hello $first_name\n\nAny news, $company?\n",
                                       "utf-8")
    request = ci.CheckinRequest("Priya Natarajan", "Brightwave", "", "Sam")
    assert ci.draft_checkin(request, [tmp_path]) == ("Hello Priya", "Any news, Brightwave?\n")
