"""A new phone on a profile whose signature holds the old number: one number in every draft,
the new one, or the user is asked. Real library files and real `followup` processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.core.checklist import check_draft
from followup.core.phones import PhoneChoice, find_phone_numbers
from followup.paths import library_path
from followup.store import followups as fu
from followup.store.library import Library, MeetingInput, PersonSpec

pytestmark = pytest.mark.slow

OLD, NEW = "+1 415 555 0199", "+1 628 555 0177"
SIGNATURE = f"Sam Rivera\n{OLD} · linkedin.com/in/samrivera"


def run(folder: Path, *args: str):
    return subprocess.run([sys.executable, "-m", "followup", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


def library_with_drafts(folder: Path, phone: str = OLD, signature: str = SIGNATURE):
    """A profile signed with `signature`, and an ended panel whose second draft was edited."""
    library = Library(library_path(folder))
    library.save_profile(name="Sam Rivera", phone=phone, signature=signature)
    meeting = library.create_meeting(MeetingInput(
        company="Acme", role="Data Engineer", ended_at=datetime(2030, 3, 4, 15, tzinfo=UTC),
        people=[PersonSpec("Ada Byron", "Engineering Manager", "ada@acme.example",
                           notes="! the queue rewrite\n+ I ran the same migration before"),
                PersonSpec("Charles Babbage", "Staff Engineer", "charles@acme.example",
                           notes="! difference engine backlog")]))
    ada, charles = fu.ensure_drafts(library, meeting)
    view = fu.followup_view(library, charles)
    fu.save_draft(library, charles, view.subject, view.body.replace("Hi ", "Hello ", 1))
    library.close()
    return ada, charles


def numbers_in(text: str) -> list[str]:
    return [raw for _s, _e, raw in find_phone_numbers(text)]


def phone_rule(library: Library, followup_id: int):
    view = fu.followup_view(library, followup_id)
    results = check_draft(view.subject, view.body, fu.check_context(library, view))
    return next(r for r in results if r.id == "phone_in_closing")


@pytest.mark.parametrize("old_as_stored", [OLD, "(415) 555-0199", ""])
def test_a_new_phone_replaces_the_old_number_in_the_signature(tmp_path, old_as_stored):
    """The old number is found in any format (and, with no phone in the profile, the only
    number of the signature is the phone)."""
    folder = tmp_path / "lib"
    ada, charles = library_with_drafts(folder, phone=old_as_stored)
    out = run(folder, "profile", "--phone", NEW, "--format", "json")
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["signature"] == f"Sam Rivera\n{NEW} · linkedin.com/in/samrivera"
    assert shown["drafts_updated"] == 1
    library = Library(library_path(folder))
    try:
        untouched = fu.followup_view(library, ada)
        assert numbers_in(untouched.body) == [NEW]
        assert untouched.body.rstrip().endswith(f"{NEW} · linkedin.com/in/samrivera")
        assert phone_rule(library, ada).passed
        edited = fu.followup_view(library, charles)
        assert edited.body.startswith("Hello ") and numbers_in(edited.body) == [OLD]
        assert edited.signature_out_of_date
    finally:
        library.close()


def test_a_signature_with_two_other_numbers_asks_and_changes_nothing(tmp_path):
    folder = tmp_path / "lib"
    signature = "Sam Rivera\nmobile +1 415 555 0111\noffice +1 415 555 0122"
    ada, _charles = library_with_drafts(folder, phone="", signature=signature)
    before = Library(library_path(folder))
    body = fu.followup_view(before, ada).body
    before.close()

    out = run(folder, "profile", "--phone", NEW)
    assert out.returncode == 2
    assert "nothing was changed" in out.stderr and "+1 415 555 0111" in out.stderr
    assert "--keep-signature" in out.stderr and "Traceback" not in out.stderr
    library = Library(library_path(folder))
    try:
        assert library.profile().phone == "" and fu.followup_view(library, ada).body == body
        with pytest.raises(PhoneChoice) as asked:
            fu.update_profile(library, phone=NEW)
        assert asked.value.numbers == ("+1 415 555 0111", "+1 415 555 0122")
    finally:
        library.close()

    kept = run(folder, "profile", "--phone", NEW, "--keep-signature")
    assert kept.returncode == 0, kept.stderr
    library = Library(library_path(folder))
    try:
        assert library.profile().signature == signature
        # Three numbers now close the draft: the checklist does not tick it.
        rule = phone_rule(library, ada)
        assert not rule.passed and "3 different phone numbers" in rule.message
    finally:
        library.close()

    given = run(folder, "profile", "--signature", f"Sam Rivera\\nmobile {NEW}")
    assert given.returncode == 0, given.stderr
    library = Library(library_path(folder))
    try:
        assert library.profile().signature == f"Sam Rivera\nmobile {NEW}"
        assert numbers_in(fu.followup_view(library, ada).body) == [NEW]
        assert phone_rule(library, ada).passed
    finally:
        library.close()


def test_the_checklist_does_not_tick_a_closing_with_two_numbers(tmp_path):
    """A profile saved with a signature that holds another number than its phone (as an older
    Followup left it): the draft closes with both, and fails the phone rule naming both; the
    window and `followup check` give the same verdict."""
    folder = tmp_path / "lib"
    ada, _charles = library_with_drafts(folder, phone=NEW)
    library = Library(library_path(folder))
    try:
        body = fu.followup_view(library, ada).body
        assert numbers_in(body) == [OLD, NEW]
        rule = phone_rule(library, ada)
        assert not rule.passed and OLD in rule.message and NEW in rule.message
    finally:
        library.close()
    draft = tmp_path / "draft.txt"
    draft.write_text(body)
    out = run(folder, "check", str(draft), "--company", "Acme", "--format", "json")
    rules = {r["id"]: r for r in json.loads(out.stdout)["rules"]}
    assert out.returncode == 1 and not rules["phone_in_closing"]["passed"]
