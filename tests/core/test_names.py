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
