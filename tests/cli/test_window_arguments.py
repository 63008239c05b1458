"""The window's own options are read by the small parser, without loading the commands; the
result is what the whole parser gives."""

from __future__ import annotations

import itertools

import pytest

from followup.commands import build_parser, parse_arguments

WORDS = (["--demo"], ["--smoke"], ["--data-dir", "/tmp/lib"],
         ["--data-dir", "~/Zoë Łukasz/面试 notes"])


@pytest.mark.parametrize("argv", [
    list(itertools.chain(*combo)) for n in range(len(WORDS) + 1)
    for combo in itertools.permutations(WORDS, n)])
def test_window_options_are_what_the_whole_parser_reads(argv):
    assert vars(parse_arguments(argv)) == vars(build_parser().parse_args(argv))
