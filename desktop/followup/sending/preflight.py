"""The send preflight for one follow-up in the library (the policy itself is core.preflight)."""

from __future__ import annotations

from followup.core.preflight import BY_HAND, Preflight, SendFacts, preflight
from followup.core.status import Status
from followup.store import followups as fu
from followup.store.library import Library

__all__ = ["BY_HAND", "check_before_send"]


def check_before_send(library: Library, followup_id: int) -> Preflight:
    """Everything the user must see or confirm before this follow-up is sent.

    Raises sqlalchemy.exc.NoResultFound when there is no such follow-up.
    """
    from followup.core.rubric import check_draft, failing_required

    view = fu.followup_view(library, followup_id)
    siblings = fu.followups_for_meeting(library, view.meeting_id)
    failing = failing_required(check_draft(view.subject, view.body,
                                           fu.check_context(library, view, siblings)))
    return preflight(SendFacts(
        person=view.person_name, address=view.person_email,
        address_guessed=view.email_is_guess, subject=view.subject, body=view.body,
        status=view.status, channel=view.channel,
        # unread sentences are their own finding (below), not one more failing rule to confirm
        failing_rules=tuple(r.message for r in failing if r.id != "read"),
        sent_by_followup=not _last_sent_by_hand(view),
        unread_phrased=len(fu.unread_phrased(library, followup_id, view.body))
        if view.status not in (Status.SENT, Status.SENDING) else 0))


def _last_sent_by_hand(view: fu.FollowUpView) -> bool:
    sent = [h for h in view.history if h.status == Status.SENT]
    return bool(sent) and sent[-1].detail == BY_HAND
