"""People typed one a line, as in the New meeting dialog and the add-person field:
"Jane Doe, Engineering Manager, jane@acme.com", "Doe, Jane <jane@acme.com>",
'"Roe, Bob" <bob@acme.com>, Recruiter'. Each line is read by `cards.parse_person_line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.core.cards import DEFAULT_REGION, CardPerson, ParseError, parse_person_line

__all__ = ["TypedPerson", "capacity_from_title", "parse_people"]

COORDINATOR_TITLE = re.compile(
    r"recruit|coordinat|talent|sourcer|people partner|\bhr\b|human resources", re.IGNORECASE)


@dataclass(frozen=True)
class TypedPerson:
    person: CardPerson
    capacity: str  # "coordinator" or "interviewer", from the title


def capacity_from_title(title: str) -> str:
    """A recruiter or coordinator is thanked for organising, not for interviewing."""
    return "coordinator" if COORDINATOR_TITLE.search(title) else "interviewer"


def parse_people(text: str, region: str = DEFAULT_REGION) -> list[TypedPerson]:
    """One person per non-blank line; raises ParseError naming the line that cannot be read."""
    people = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            person = parse_person_line(line, region)
        except ParseError as exc:
            raise ParseError(f"line {number}: {exc}") from None
        people.append(TypedPerson(person, capacity_from_title(person.title)))
    return people
