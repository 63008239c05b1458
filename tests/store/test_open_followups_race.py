"""Two readers opening the follow-ups of a meeting that just ended, at the same moment: the
window's badge count and its follow-ups pane do so on two threads at start. Each person gets
exactly one follow-up, and neither reader fails (a real SQLite file, real threads)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from followup.store import followups as fu
from followup.store.inputs import MeetingInput, PersonSpec


def test_two_readers_at_once_open_each_followup_once(library):
    now = datetime.now(UTC)
    errors: list[BaseException] = []
    for round_ in range(12):
        library.create_meeting(MeetingInput(
            company=f"Harbor Kitchens {round_}", scheduled_start=now - timedelta(hours=2),
            scheduled_end=now - timedelta(hours=1),
            people=[PersonSpec(f"Person {round_}-{i}") for i in range(6)]))
        start = threading.Barrier(2)

        def read(start: threading.Barrier = start) -> None:
            try:
                start.wait()
                fu.open_ended_followups(library, now)
            except BaseException as exc:  # noqa: BLE001 - the test reports any failure
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    with library.engine.connect() as conn:
        from sqlalchemy import text

        people = conn.execute(text("SELECT count(*) FROM attendance")).scalar()
        opened = conn.execute(text("SELECT count(*) FROM followup")).scalar()
        duplicates = conn.execute(text(
            "SELECT count(*) FROM (SELECT attendance_id FROM followup GROUP BY attendance_id "
            "HAVING count(*) > 1)")).scalar()
    assert people == opened == 72 and duplicates == 0
