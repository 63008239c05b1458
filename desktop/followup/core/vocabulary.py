"""The domain's words, defined once: kinds of meeting and the capacity a person came in.

Each mapping goes from the stored key to the label a person reads. The store's CHECK
constraints, the interchange format, drafting (which picks a template by kind and capacity) and
both front ends read them from here; the follow-up statuses live beside them in `core.status`.
The kinds follow the guides' list of when to send a follow-up note (an interview of any kind,
an informational interview, a networking coffee, a meetup or conference).
"""

from __future__ import annotations

from followup.core.status import STATUSES, Status

__all__ = ["CAPACITIES", "MEETING_KINDS", "STATUSES", "Status"]

MEETING_KINDS: dict[str, str] = {
    "panel_interview": "Panel interview",
    "one_on_one_interview": "One-on-one interview",
    "phone_screen": "Phone screen",
    "informational_interview": "Informational interview",
    "networking_coffee": "Networking coffee",
    "meetup": "Meetup or conference",
    "other": "Other",
}
CAPACITIES: dict[str, str] = {
    "interviewer": "Interviewer",
    "coordinator": "Recruiter or coordinator",
    "other": "Other",
}
