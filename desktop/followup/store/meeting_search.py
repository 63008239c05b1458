"""What the meeting filter matches: each meeting's company, role and people's names, in one read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from followup.store import models as m

if TYPE_CHECKING:
    from followup.store.library import Library


def people_by_meeting(library: Library) -> dict[int, str]:
    """meeting id -> the names of its people, one per line (one query for the whole library)."""
    with library.session() as s:
        rows = s.execute(select(m.Attendance.meeting_id, func.group_concat(m.Person.name, "\n"))
                         .join(m.Person, m.Attendance.person_id == m.Person.id)
                         .group_by(m.Attendance.meeting_id)).all()
    return dict(rows)
