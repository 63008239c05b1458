"""The preflight for one follow-up of the library, before a send or a "mark sent": the facts
gathered here, the policy itself in core.preflight. Both front ends call these (a send's
through `sending.delivery.prepare`, which also composes the message)."""

from __future__ import annotations

from collections.abc import Sequence

from followup.core.checklist import check_draft, failing_required
from followup.core.preflight import BY_HAND, Intent, Preflight, SendFacts, preflight
from followup.core.status import Status
from followup.store import followups as fu
from followup.store.library import Library

__all__ = ["BY_HAND", "check_before_mark_sent", "check_view"]


def check_before_mark_sent(library: Library, followup_id: int) -> Preflight:
    """Everything the user must confirm before this follow-up is recorded as sent another way
    (a mail app, a copy, in person). Raises sqlalchemy.exc.NoResultFound when it is gone."""
    return check_view(library, *fu.followup_and_siblings(library, followup_id),
                      intent=Intent.MARK_SENT)


def check_view(library: Library, view: fu.FollowUpView, siblings: Sequence[fu.FollowUpView],
               *, intent: Intent = Intent.SEND, compose_problem: str = "") -> Preflight:
    """The preflight of `view` as read (its meeting's follow-ups in `siblings`), without
    reading it again; `compose_problem` is why its message could not be built, if it could
    not (sending.delivery.prepare)."""
    context = fu.check_context(library, view, siblings)
    failing = failing_required(check_draft(view.subject, view.body, context))
    return preflight(SendFacts(
        person=view.person_name, address=view.person_email,
        address_guessed=view.email_is_guess, subject=view.subject, body=view.body,
        status=view.status, channel=view.channel,
        # unread sentences are their own finding (below), not one more failing rule to confirm
        failing_rules=tuple(r.message for r in failing if r.id != "read"),
        sent_by_followup=not _last_sent_by_hand(view),
        unread_phrased=len(context.unread_phrased)
        if intent is Intent.SEND and view.status not in (Status.SENT, Status.SENDING) else 0,
        compose_problem=compose_problem), intent)


def _last_sent_by_hand(view: fu.FollowUpView) -> bool:
    sent = [h for h in view.history if h.status == Status.SENT]
    return bool(sent) and sent[-1].detail == BY_HAND
