"""From sent to replied, on real servers: a note sent over SMTP (aiosmtpd on loopback) lands
once in Dovecot's Sent folder, answers in and out of the thread are found, and a check-in is
drafted when nobody answers, and withdrawn when they do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.core.preflight import RESEND, Finding, unfilled_gaps
from followup.mail.imap import ImapAccount
from followup.mail.outbox import Account
from followup.sending import mailbox
from followup.sending.delivery import save_account, send_one
from followup.store import followups as fu
from followup.store import replies
from followup.store.status_list import status_rows
from tests import imap_server
from tests import smtp_server as smtp


@pytest.fixture
def smtp_plain():
    with smtp.running_server("none", auth=False) as server:
        yield server


def _setup(library, smtp_server, imap, **imap_changes):
    save_account(library, Account(smtp_server.host, smtp_server.port, "none", "",
                                  "Sam Rivera", "sam.rivera@example.com"))
    values = {"host": imap.host, "port": imap.port, "security": "none",
              "username": imap.username, **imap_changes}
    mailbox.save_imap(library, mailbox.ImapSettings(ImapAccount(**values), own_password=True))


# The user's yes to the rules still failing and the sentences not read yet.
YES = frozenset(Finding) - RESEND - {Finding.ADDRESS_GUESSED}


def _filled(library, followup_id: int) -> int:
    """The draft with its `[...]` gaps filled in, as the user does before sending."""
    view = fu.followup_view(library, followup_id)
    body = view.body
    for gap in unfilled_gaps(body):
        body = body.replace(gap, "I would now start from the replay log.")
    fu.save_draft(library, followup_id, view.subject, body)
    return followup_id


def _sent(library, smtp_server, imap, person="Priya"):
    """Send the demo panel's follow-up to `person` for real; its view afterwards."""
    ids = fu.ensure_drafts(library, 1)
    followup_id = _filled(library, next(i for i in ids if fu.followup_view(library, i)
                                        .person_name.startswith(person)))
    outcome = send_one(library, followup_id, Account(smtp_server.host, smtp_server.port, "none",
                                                     "", "Sam Rivera", "sam.rivera@example.com"),
                       "", confirmed=YES, imap_password=imap.password, timeout=10)
    assert outcome.ok, outcome
    return outcome, fu.followup_view(library, followup_id)


def test_a_sent_note_lands_once_in_sent_exactly_as_sent(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    outcome, view = _sent(demo_library, smtp_plain, dovecot)
    assert "A copy is in Sent." in outcome.reason
    assert view.sent_copy == "appended"
    stored = dovecot.messages("Sent")
    assert len(stored) == 1
    # The same bytes the SMTP server took (aiosmtpd hands the text over with the CRLF of
    # the wire and without the final line end of the DATA terminator).
    assert stored[0][1].rstrip(b"\r\n") == smtp_plain.received[0].raw.rstrip(b"\r\n")
    assert f"Message-ID: {view.message_id}".encode() in stored[0][1]


def test_without_imap_sending_works_as_before(demo_library, smtp_plain):
    save_account(demo_library, Account(smtp_plain.host, smtp_plain.port, "none", "",
                                       "Sam Rivera", "sam.rivera@example.com"))
    ids = fu.ensure_drafts(demo_library, 1)
    outcome = send_one(demo_library, _filled(demo_library, ids[0]),
                       Account(smtp_plain.host, smtp_plain.port, "none", "", "Sam Rivera",
                               "sam.rivera@example.com"), "", confirmed=YES, timeout=10)
    assert outcome.ok and outcome.reason == f"Sent to {smtp_plain.received[0].rcpt_tos[0]}."
    assert fu.followup_view(demo_library, ids[0]).sent_copy == ""
    result = mailbox.check_replies(demo_library, "", datetime.now(UTC))
    assert "No IMAP account" in result.error and result.found == []


def test_a_server_that_files_sent_mail_itself_gets_no_second_copy(demo_library, smtp_plain,
                                                                   need_dovecot):
    with imap_server.running_dovecot(extra_capability="X-GM-EXT-1") as gmail:
        _setup(demo_library, smtp_plain, gmail)
        outcome, view = _sent(demo_library, smtp_plain, gmail)
        assert view.sent_copy == "filed by server"
        assert "files a copy in Sent itself" in outcome.reason
        assert gmail.messages("Sent") == []


def test_a_reply_in_the_thread_is_found_and_shown(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    # Answered by someone else on the thread (an assistant), from another address.
    dovecot.deliver(imap_server.message(sender="assistant@brightwave.io",
                                        in_reply_to=view.message_id,
                                        references=view.message_id))
    dovecot.deliver(imap_server.message(sender="news@example.org"))
    result = mailbox.check_replies(demo_library, dovecot.password, timeout=10)
    assert result.error == "" and [f.followup_id for f in result.found] == [view.id]
    after = fu.followup_view(demo_library, view.id)
    assert after.shown_status == "replied" and after.replied_at is not None
    assert after.status == "sent"  # what went out stays recorded as sent
    assert after.history[-1].status == "replied"
    assert "assistant@brightwave.io" in after.history[-1].detail
    row = next(r for r in status_rows(demo_library, datetime.now(UTC), "all")
               if r.view.id == view.id)
    assert row.view.shown_status == "replied" and row.view.replied_at is not None
    # Nothing in the mailbox was touched: both messages still unread, still there.
    assert len(dovecot.flags("INBOX")) == 2
    assert all(b"\\Seen" not in line for line in dovecot.flags("INBOX"))
    # A second check finds nothing new.
    assert mailbox.check_replies(demo_library, dovecot.password, timeout=10).found == []


def test_a_reply_out_of_the_thread_is_found_by_address(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    earlier = datetime.now(UTC) - timedelta(days=1)
    dovecot.deliver(imap_server.message(sender=view.person_email, subject="Old thread",
                                        date=earlier), when=earlier)
    assert mailbox.check_replies(demo_library, dovecot.password, timeout=10).found == []
    assert view.sent_at is not None
    dovecot.deliver(imap_server.message(sender=f"Priya <{view.person_email.upper()}>",
                                        subject="Quick question",
                                        date=view.sent_at + timedelta(minutes=1)))
    result = mailbox.check_replies(demo_library, dovecot.password, timeout=10)
    assert [f.followup_id for f in result.found] == [view.id]


def _due_for(library, followup_id, now):
    return [c for c in replies.due_checkins(library, now) if c.followup_id == followup_id]


def test_no_reply_after_seven_days_drafts_a_check_in_never_before(demo_library, smtp_plain,
                                                                  dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    assert view.sent_at is not None
    six_days = view.sent_at + timedelta(days=6, hours=23)
    assert view.id not in mailbox.check_replies(demo_library, dovecot.password, six_days,
                                                timeout=10).checkins
    assert _due_for(demo_library, view.id, six_days) == []
    week = view.sent_at + timedelta(days=7, minutes=1)
    result = mailbox.check_replies(demo_library, dovecot.password, week, timeout=10)
    assert view.id in result.checkins
    (checkin,) = _due_for(demo_library, view.id, week)
    assert checkin.person == view.person_name and checkin.company == "Brightwave"
    assert "Senior Backend Engineer" in checkin.subject and "timeline" in checkin.body
    assert "(415) 555-0134" in checkin.body  # the demo profile's phone, in the closing
    # One per person and meeting: a later check drafts no second one.
    later = week + timedelta(days=7)
    assert view.id not in mailbox.check_replies(demo_library, dovecot.password, later,
                                                timeout=10).checkins
    assert len(_due_for(demo_library, view.id, later)) == 1
    # Unless the user asks for another.
    replies.close_checkin(demo_library, view.id)
    assert _due_for(demo_library, view.id, later) == []
    replies.another_checkin(demo_library, view.id, later)
    assert len(_due_for(demo_library, view.id, later)) == 1


def test_a_reply_after_the_check_in_withdraws_it(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    assert view.sent_at is not None
    week = view.sent_at + timedelta(days=8)
    assert view.id in mailbox.check_replies(demo_library, dovecot.password, week,
                                            timeout=10).checkins
    dovecot.deliver(imap_server.message(sender=view.person_email, in_reply_to=view.message_id))
    result = mailbox.check_replies(demo_library, dovecot.password, week, timeout=10)
    assert [(f.followup_id, f.withdrew_checkin) for f in result.found] == [(view.id, True)]
    assert _due_for(demo_library, view.id, week) == []
    assert fu.followup_view(demo_library, view.id).checkin_state == "withdrawn"
    with pytest.raises(ValueError, match="already answered"):
        replies.another_checkin(demo_library, view.id, week)


def test_the_notes_date_sets_the_check_in(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    ids = fu.ensure_drafts(demo_library, 1)
    view = next(fu.followup_view(demo_library, i) for i in ids
                if fu.followup_view(demo_library, i).person_name.startswith("Priya"))
    demo_library.save_notes(view.attendance_id,
                            demo_library.notes(view.attendance_id) + "\ndecision by Friday")
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    assert view.sent_at is not None
    mailbox.check_replies(demo_library, dovecot.password, view.sent_at + timedelta(days=8),
                          timeout=10)
    after = fu.followup_view(demo_library, view.id)
    assert after.checkin_due is not None
    assert after.checkin_due.astimezone().weekday() == 5  # the Saturday after that Friday
    assert "decision by Friday" in after.checkin_body


def test_a_wrong_password_is_reported_and_check_ins_still_come(demo_library, smtp_plain,
                                                               dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    assert view.sent_at is not None
    result = mailbox.check_replies(demo_library, "not-it", view.sent_at + timedelta(days=8),
                                   timeout=10)
    assert result.password_refused and "did not accept the password" in result.error
    assert result.found == [] and view.id in result.checkins


def test_a_dropped_connection_records_nothing(demo_library, smtp_plain, dovecot):
    _setup(demo_library, smtp_plain, dovecot)
    _outcome, view = _sent(demo_library, smtp_plain, dovecot)
    dovecot.deliver(imap_server.message(sender=view.person_email, in_reply_to=view.message_id))
    with imap_server.dropping_proxy(dovecot.port, after_commands=3) as port:
        _setup(demo_library, smtp_plain, dovecot, port=port)
        result = mailbox.check_replies(demo_library, dovecot.password, timeout=5)
    assert "closed the connection unexpectedly" in result.error
    assert result.found == []
    assert fu.followup_view(demo_library, view.id).replied_at is None


def test_a_refused_mailbox_password_never_takes_the_smtp_one_with_it(demo_library,
                                                                      memory_keyring):
    from followup.mail.secrets import PasswordStore, account_key
    from followup.sending.delivery import secret_key

    account = Account("smtp.example.com", 587, "starttls", "sam@example.com", "Sam Rivera",
                      "sam@example.com")
    save_account(demo_library, account)
    imap = ImapAccount("imap.example.com", 993, "ssl", "sam@example.com")
    store = PasswordStore()
    store.store(secret_key(account), "smtp-secret")
    store.store(account_key("sam@example.com", "imap.example.com"), "imap-secret")
    mailbox.save_imap(demo_library, mailbox.ImapSettings(imap))  # shared: the SMTP entry
    assert mailbox.imap_secret_key(demo_library, mailbox.load_imap(demo_library)) == \
        secret_key(account)
    mailbox.forget_refused_password(demo_library, PasswordStore())  # as both front ends
    assert store.load(secret_key(account)) == "smtp-secret"
    mailbox.save_imap(demo_library, mailbox.ImapSettings(imap, own_password=True))
    mailbox.forget_refused_password(demo_library, PasswordStore())  # as both front ends
    assert store.load(account_key("sam@example.com", "imap.example.com")) is None
    assert store.load(secret_key(account)) == "smtp-secret"
