"""What is handed to the store to write: a meeting and its people as typed or imported.

Kept apart from `store.views` (what the store hands out) so the first screen never loads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only its type: reading typed lines loads the card parser
    from followup.core.people_lines import TypedPerson


@dataclass(frozen=True)
class PersonSpec:
    """A person as typed or imported: everything but the name may be empty."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    web: str = ""
    card_notes: str = ""
    capacity: str = "interviewer"
    notes: str = ""
    no_followup: bool = False  # for this meeting: one who declined the invitation, say

    @classmethod
    def from_typed(cls, typed: TypedPerson) -> PersonSpec:
        """A person typed one a line (`core.people_lines.parse_people`), as the store takes
        them: the card's fields and the capacity read from the title."""
        person = typed.person
        return cls(name=person.name, title=person.title, email=person.email,
                   phone=person.phone, web=person.web, capacity=typed.capacity)


@dataclass
class MeetingInput:
    company: str
    role: str = ""
    kind: str = "panel_interview"
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    location: str = ""
    general_notes: str = ""
    company_domain: str = ""
    people: list[PersonSpec] = field(default_factory=list)
