"""Note markers: what a line is, where its marker stands, and the Ctrl+K toggle."""

from __future__ import annotations

import pytest

from followup.core.markers import Marker, parse_line, parse_notes, toggle_key_marker


def test_markers_are_recognised_with_bullets_and_indentation():
    text = ("! key\n- ? question\n  + bring\n* ! bulleted key\nplain\n\n![image](x.png)\n"
            "!no space\n?\n+44 20 7946 0958")
    lines = parse_notes(text)
    assert [(line.marker, line.text) for line in lines] == [
        (Marker.KEY, "key"), (Marker.QUESTION, "question"), (Marker.CONTRIBUTE, "bring"),
        (Marker.KEY, "bulleted key"), (None, "plain"), (None, "![image](x.png)"),
        (Marker.KEY, "no space"), (None, "?"), (None, "+44 20 7946 0958")]


@pytest.mark.parametrize(("line", "marker", "text"), [
    ("!they use dbt", Marker.KEY, "they use dbt"),
    ("?asked about sharding", Marker.QUESTION, "asked about sharding"),
    ("+built a dbt pipeline", Marker.CONTRIBUTE, "built a dbt pipeline"),
    ("- !2 squads", Marker.KEY, "2 squads"),
    ("!! big deal", Marker.KEY, "big deal"),
    ("?? sharding", Marker.QUESTION, "sharding"),
    ("![diagram](x.png)", None, "![diagram](x.png)"),
    ("?", None, "?"),
    ("+1 on that", None, "+1 on that"),
    ("+49 30 1234567", None, "+49 30 1234567"),
])
def test_a_marker_typed_without_its_space_still_counts(line, marker, text):
    parsed = parse_line(line)
    assert (parsed.marker, parsed.text) == (marker, text)


def test_offsets_point_into_the_text():
    text = "intro\n- ? how to shard\n"
    line = parse_notes(text)[1]
    assert text[line.start:line.end] == "- ? how to shard"
    assert text[line.marker_pos] == "?"


def test_a_blank_line_has_no_marker():
    assert parse_line("   ") is None


@pytest.mark.parametrize(("before", "after"), [
    ("loves cycling", "! loves cycling"),
    ("! loves cycling", "loves cycling"),
    ("- loves cycling", "- ! loves cycling"),
    ("- ! loves cycling", "- loves cycling"),
    ("", "! "),
    ("? a question to keep", "? a question to keep"),
    ("+ something I bring", "+ something I bring"),
])
def test_toggle_key_marker(before, after):
    assert toggle_key_marker(before) == after
