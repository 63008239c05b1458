"""Agreement with a careful reader on notes written and labelled by hand for this check.

tests/data/checklist_notes.txt holds varied thank-you notes in different voices (formal, chatty,
British, German, Japanese, nurses, teachers, engineers, chefs…), each labelled rule by rule
before the checklist was run on it. The rules a reader can decide exactly (thanks, the company,
the phone, next steps) must agree on at least 95% of the labels; the judged ones (specifics,
contribution, interest) on at least 85%. Run with `-s` to see the figures and each miss.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from followup.core.checklist import CheckContext, check_draft

NOTES = Path(__file__).resolve().parents[1] / "data" / "checklist_notes.txt"
EXACT = ("thanks", "company_named", "phone_in_closing", "next_steps")
JUDGED = ("specifics", "contribution", "interest")


class LabelledNote(NamedTuple):
    name: str
    subject: str | None
    body: str
    context: CheckContext
    labels: dict[str, bool]


def load_notes(path: Path = NOTES) -> list[LabelledNote]:
    """The notes of `path`, in order (format described at the top of the file)."""
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#"))
    notes = []
    for chunk in text.split("\n=== ")[1:]:
        name, _newline, rest = chunk.partition("\n")
        head, _sep, body = rest.partition("\n---\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        labels = {k: v == "y" for k, v in (p.split("=") for p in fields["labels"].split())}
        context = CheckContext(company=fields.get("company"), recipient=fields.get("to"),
                               sender_phone=fields.get("phone"))
        notes.append(LabelledNote(name.strip(), fields.get("subject"), body.strip() + "\n",
                                  context, labels))
    return notes


def agreement(notes: list[LabelledNote], rules: tuple[str, ...]) -> tuple[float, list[str]]:
    """(share of labels the checklist agrees with, a line for each disagreement)."""
    agree, misses = 0, []
    for note in notes:
        found = {r.id: r for r in check_draft(note.subject, note.body, note.context)}
        for rule in rules:
            if rule not in note.labels:
                continue
            if found[rule].passed == note.labels[rule]:
                agree += 1
            else:
                misses.append(f"{note.name}: {rule} labelled {note.labels[rule]}, "
                              f"checklist says {found[rule].passed} ({found[rule].message})")
    total = agree + len(misses)
    return agree / total, misses


def test_the_notes_are_many_and_varied():
    notes = load_notes()
    assert len(notes) >= 40
    for rule in EXACT + JUDGED:  # each rule has notes that pass and notes that fail
        assert {n.labels[rule] for n in notes} == {True, False}, rule


@pytest.mark.parametrize("rules, floor", [(EXACT, 0.95), (JUDGED, 0.85)],
                         ids=["exact", "judged"])
def test_agreement_with_a_careful_reader(rules, floor):
    share, misses = agreement(load_notes(), rules)
    print(f"\n{'/'.join(rules)}: {share:.1%} agreement", *misses, sep="\n  ")
    assert share >= floor, "\n".join(misses)


def test_any_text_gives_eighteen_results_with_spans_inside_their_field():
    notes = load_notes()
    odd = ["", " ", "\n\n\n", "Thanks,", "[", "]" * 50, "Hi\r\n\r\nThanks!\r\n",
           "Ünïcödé – “quotes” — İstanbul’s ﬁrm", "555-" * 40, "A" * 5000,
           "Dear X,\n\n" + "word " * 3000, "\t\x0b\x0c", "(((((((((((", "Mr. Mrs. Dr. Ms."]
    for body in odd + [n.body for n in notes[:10]]:
        for subject in (None, "", "[None]", "Re: Fwd: thanks"):
            found = check_draft(subject, body, CheckContext(company="İstanbul Ltd",
                                                            recipient="Dr. X"))
            assert len(found) == 18
            for result in found:
                assert result.message and "\n" not in result.message
                for span in result.spans:
                    text = body if span.field == "body" else (subject or "")
                    assert 0 <= span.start < span.end <= len(text), (result.id, span)
