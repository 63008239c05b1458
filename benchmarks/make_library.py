"""Build a big, realistic library for the benchmarks: 500 meetings, 3,000 people, 30,000 notes.

"Notes" are note lines, the unit a person types: 3,000 people met in 500 meetings (mostly
panels of six, plus ten meetups of forty), with some people met again in a later meeting, and
30,000 lines of notes spread over those attendances. Every meeting that has ended has one
follow-up per person with its status history, as a year of job hunting leaves behind. The rows
go in through the store's models in bulk, so building takes seconds, not a GUI session.

Run alone: `python benchmarks/make_library.py FOLDER`.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FACTS_FILE = "benchmark-library.json"
MEETINGS = 500
PEOPLE = 3000
NOTE_LINES = 30000
PANEL_SIZE = 6
MEETUP_SIZE = 40
MEETUP_EVERY = 50  # one meeting in fifty is a meetup where many people were met

FIRST = ("Ana Ben Chen Dana Eli Farah Gus Hana Ivan Jo Kai Lena Mo Nia Omar Pia Raj Sara Tom "
         "Uma").split()
LAST = ("Okafor Schmidt Tanaka Novak Silva Haddad Kowalski Larsen Moreau Patel Quinn Rossi "
        "Sato Varga Weber Yilmaz Zhou Brennan Costa Dubois").split()
TITLES = ("Engineering Manager", "Staff Engineer", "Senior Engineer", "Product Manager",
          "Recruiter", "Data Scientist", "Designer", "CTO")
TOPICS = ("Kafka streams", "the billing migration", "on-call health", "the design system",
          "PostgreSQL partitioning", "the mobile rewrite", "usage alerts", "the data platform",
          "onboarding for new hires", "the Rust study group", "customer interviews",
          "the search ranking work")
PLAIN = ("runs the {t} effort, team of {n}", "mentioned {t} twice", "asked how I'd approach {t}",
         "team ships weekly, cares about {t}", "was at a startup before, worked on {t}")
KEY = ("! moving to {t} this quarter", "! hiring {n} seniors for {t}",
       "! biggest pain today is {t}")
QUESTION = ("? asked about {t}, I hand-waved", "? could have explained {t} better")
CONTRIBUTE = ("+ I led {t} at my last job", "+ built a dashboard for {t}, used by support")


@dataclass(frozen=True)
class LibraryFacts:
    """What the benchmarks need to know about the library they run on."""

    folder: str
    meetings: int
    people: int
    attendances: int
    note_lines: int
    followups: int
    big_meeting_id: int  # a meetup with MEETUP_SIZE people, for switching between people
    panel_meeting_id: int  # a six-person panel that has ended, for drafting
    build_seconds: float


def note_text(rng: random.Random, lines: int) -> str:
    """`lines` lines of interview notes, about one in five a key point, some `?` and `+`."""
    out = []
    for i in range(lines):
        pool = (PLAIN if i == 0 else rng.choices((PLAIN, KEY, QUESTION, CONTRIBUTE),
                                                 weights=(6, 2, 1, 1))[0])
        out.append(rng.choice(pool).format(t=rng.choice(TOPICS), n=rng.randint(2, 12)))
    return "\n".join(out)


def _meeting_rows(now: datetime, rng: random.Random,
                  count: int = MEETINGS) -> tuple[list[dict], list[int]]:
    """Meetings one or two days apart going back in time; the five newest are still to come."""
    meetings, sizes = [], []
    for i in range(count):
        meeting_id = i + 1
        meetup = i % MEETUP_EVERY == MEETUP_EVERY // 2
        start = now - timedelta(days=1.4 * (i - 5), hours=2)
        ended = start < now - timedelta(hours=1)
        meetings.append(dict(
            id=meeting_id, company_id=1 + rng.randrange(300), role="Backend Engineer",
            kind="meetup" if meetup else "panel_interview", scheduled_start=start,
            scheduled_end=start + timedelta(hours=1), started_at=start if ended else None,
            ended_at=start + timedelta(hours=1) if ended else None, location="Office",
            general_notes=note_text(rng, 3), created_at=start - timedelta(days=3)))
        sizes.append(MEETUP_SIZE if meetup else PANEL_SIZE)
    return meetings, sizes


def _attendance_rows(sizes: list[int], rng: random.Random, people: int = PEOPLE) -> list[dict]:
    """Everyone attends at least once; the seats left over go to people met elsewhere too."""
    total = sum(sizes)
    repeats = set(rng.sample(range(100, total), total - people))
    rows, next_person = [], 1
    for index, size in enumerate(sizes):
        seated: set[int] = set()
        for position in range(size):
            if len(rows) in repeats:
                person = rng.randint(1, next_person - 1)
                while person in seated:
                    person = rng.randint(1, next_person - 1)
            else:
                person, next_person = next_person, next_person + 1
            seated.add(person)
            rows.append(dict(id=len(rows) + 1, meeting_id=index + 1, person_id=person,
                             capacity="coordinator" if position == size - 1 else "interviewer",
                             position=position, no_followup=False))
    return rows


def _add_notes(rows: list[dict], meetings: list[dict], rng: random.Random,
               lines: int = NOTE_LINES) -> None:
    per_row, extra = divmod(lines, len(rows))
    for i, row in enumerate(rows):
        row["notes"] = note_text(rng, per_row + (i < extra))
        row["notes_updated_at"] = meetings[row["meeting_id"] - 1]["scheduled_end"]


def _followup_rows(rows: list[dict], meetings: list[dict], people: list[dict], now: datetime):
    """A follow-up per person of every ended meeting: sent when older than two days."""
    followups, events = [], []
    for row in rows:
        meeting = meetings[row["meeting_id"] - 1]
        if meeting["ended_at"] is None:
            continue
        person = people[row["person_id"] - 1]
        sent = meeting["ended_at"] < now - timedelta(days=2)
        fid = len(followups) + 1
        body = (f"Hi {person['name'].split()[0]},\n\nThank you for meeting with me.\n\n"
                f"Best,\nSam Ortiz\n(555) 123-4567\n")
        followups.append(dict(
            id=fid, attendance_id=row["id"], subject="Thank you", body=body,
            generated_subject="Thank you", generated_body=body, notes_fingerprint="",
            status="sent" if sent else "draft", channel="smtp" if sent else "",
            sent_at=meeting["ended_at"] + timedelta(hours=5) if sent else None,
            message_id="", failure_reason="", updated_at=meeting["ended_at"]))
        events.append(dict(followup_id=fid, status="draft", at=meeting["ended_at"],
                           channel="", detail="drafted from notes"))
        if sent:
            events.append(dict(followup_id=fid, status="sent", channel="smtp", detail="",
                               at=meeting["ended_at"] + timedelta(hours=5)))
    return followups, events


def _people_rows(count: int = PEOPLE) -> list[dict]:
    return [dict(id=i, name=f"{FIRST[i % 20]} {LAST[i // 20 % 20]}{'' if i < 400 else i}",
                 title=TITLES[i % len(TITLES)], email=f"person{i}@company{i % 300}.example",
                 email_is_guess=False, phone="", web="", company_id=1 + i % 300, card_notes="")
            for i in range(1, count + 1)]


def make_library(folder: Path, seed: int = 7, scale: int = 1) -> LibraryFacts:
    """Create the library in `folder` (which must not hold one yet) and describe it.

    `scale` multiplies meetings, people and note lines: 4 gives the 2,000-meeting library of
    the "years of interviews" figures (12,000 people, 120,000 note lines, ~13,000 follow-ups).
    """
    from sqlalchemy import insert

    from followup.paths import library_path
    from followup.store import models as m
    from followup.store.library import Library

    started = time.perf_counter()
    rng = random.Random(seed)
    now = datetime.now(UTC)
    library = Library(library_path(folder))
    meetings, sizes = _meeting_rows(now, rng, MEETINGS * scale)
    people = _people_rows(PEOPLE * scale)
    attendances = _attendance_rows(sizes, rng, PEOPLE * scale)
    _add_notes(attendances, meetings, rng, NOTE_LINES * scale)
    followups, events = _followup_rows(attendances, meetings, people, now)
    companies = [dict(id=i, name=f"Company {i}", domain=f"company{i}.example")
                 for i in range(1, 301)]
    with library.session() as s:
        s.execute(insert(m.Profile), [dict(id=1, name="Sam Ortiz", phone="(555) 123-4567",
                                           email="sam@example.org")])
        s.execute(insert(m.ProfileExtra), [dict(
            id=1, signature="", skills="Kafka\nPostgreSQL\nPython", links_json="[]",
            target_hours=None)])
        for model, rows in ((m.Company, companies), (m.Person, people), (m.Meeting, meetings),
                            (m.Attendance, attendances), (m.FollowUp, followups),
                            (m.StatusEvent, events)):
            s.execute(insert(model), rows)
    library.close()
    big = next(i + 1 for i, size in enumerate(sizes) if size == MEETUP_SIZE)
    panel = next(i + 1 for i, size in enumerate(sizes)
                 if size == PANEL_SIZE and meetings[i]["ended_at"] is not None)
    facts = LibraryFacts(
        folder=str(folder), meetings=len(meetings), people=len(people),
        attendances=len(attendances),
        note_lines=sum(len(a["notes"].splitlines()) for a in attendances),
        followups=len(followups), big_meeting_id=big, panel_meeting_id=panel,
        build_seconds=time.perf_counter() - started)
    (folder / FACTS_FILE).write_text(json.dumps(asdict(facts), indent=1), encoding="utf-8")
    return facts


def load_facts(folder: Path) -> LibraryFacts:
    return LibraryFacts(**json.loads((folder / FACTS_FILE).read_text(encoding="utf-8")))


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    print(make_library(target, scale=int(sys.argv[2]) if len(sys.argv) > 2 else 1))
