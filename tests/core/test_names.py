"""Names for display: the given name without titles or suffixes."""

from __future__ import annotations

import pytest

from followup.core.names import short_name


@pytest.mark.parametrize(("name", "short"), [
    ("Dr. Wei Zhang", "Wei"), ("Prof. Anna Müller", "Anna"), ("Mr. John Smith Jr.", "John"),
    ("Ms Priya Natarajan", "Priya"), ("Mrs. Jane Doe", "Jane"), ("Mx. Sam Lee", "Sam"),
    ("Zhang, Wei", "Wei"), ("Wei Zhang, PhD", "Wei"), ("Dr. Zhang", "Dr. Zhang"),
    ("Cher", "Cher"), ("", ""),
])
def test_short_name_skips_titles_and_suffixes(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(("raw", "name"), [
    ("'Kim, Soo-jin'", "Soo-jin Kim"), ('"Doe, Jane"', "Jane Doe"), ("[Jane Doe]", "Jane Doe"),
    ("“Kim, Soo-jin”", "Soo-jin Kim"), ("<Jane Doe>", "Jane Doe"), ("'Kim", "Kim"),
    ("O'Brien, Conan", "Conan O'Brien"), ('Jane "JJ" Doe', 'Jane "JJ" Doe'),
])
def test_a_name_is_a_name_without_quotes_or_brackets_around_it(raw, name):
    from followup.core.names import display_name, greeting_name

    assert display_name(raw) == name
    assert greeting_name(raw) == name.split()[0]


@pytest.mark.parametrize(("raw", "parts"), [
    ("Martin Luther King Jr.", ("Martin", ["Luther", "King"])),  # King is no title here
    ("Dr. Martin Luther King Jr.", ("Martin", ["Luther", "King"])),
    ("Nguyễn Thị Mai", ("Mai", ["Thị", "Nguyễn"])),
])
def test_name_parts_keep_surnames_that_are_also_titles(raw, parts):
    from followup.core.names import name_parts

    assert name_parts(raw) == parts


def test_a_name_stored_with_quote_and_bracket_debris_still_greets_by_the_name():
    from followup.core.names import greeting_name, name_parts

    debris = 'Soo-jin\'"] ["\'Kim'  # what an earlier import made of CN='Kim, Soo-jin'
    assert name_parts(debris) == ("Soo-jin", ["Kim"])
    assert greeting_name(debris) == "Soo-jin"
