"""`followup people`: everyone the library knows, in a meeting or not."""

from __future__ import annotations

import json
from pathlib import Path

from followup.commands import parse_arguments, run_command
from followup.paths import library_path
from followup.store.formats import import_file
from followup.store.library import Library

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def test_people_lists_cards_in_no_meeting_and_attendees(tmp_path, capsys):
    folder = tmp_path / "lib"
    library = Library(library_path(folder))
    import_file(library, REAL / "vcf" / "ezvcard-rfc2426-example.vcf")
    import_file(library, REAL / "ics" / "nylas-invite.ics")
    library.close()
    assert run_command(parse_arguments(["--data-dir", str(folder), "people", "--format",
                                        "json"])) == 0
    people = json.loads(capsys.readouterr().out)
    by_name = {p["name"]: p for p in people}
    assert by_name["Frank Dawson"]["meetings"] == []
    assert by_name["Frank Dawson"]["company"] == "Lotus Development Corporation"
    assert by_name["Charles Gruenwald"]["meetings"] == [1]
    # 2 cards, 4 attendees: the one the invitation asks to answer is the user, not a person
    assert len(people) == 6 and "John Q. Public" not in by_name
    assert run_command(parse_arguments(["--data-dir", str(folder), "people"])) == 0
    text = capsys.readouterr().out
    assert "Frank Dawson  (Lotus Development Corporation · frank_dawson@lotus.com" in text
    assert "— 0 meetings" in text and "— 1 meeting" in text
