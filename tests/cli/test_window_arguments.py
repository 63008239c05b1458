"""The window's own options are read without building argparse's parser (a start-up cost);
the result must be exactly what argparse gives, and anything else must go to argparse."""

from __future__ import annotations

import itertools

import pytest

from followup.commands import build_parser, parse_arguments, window_arguments

WORDS = (["--demo"], ["--smoke"], ["--data-dir", "/tmp/lib"],
         ["--data-dir", "~/Zoë Łukasz/面试 notes"])


@pytest.mark.parametrize("argv", [
    list(itertools.chain(*combo)) for n in range(len(WORDS) + 1)
    for combo in itertools.permutations(WORDS, n)])
def test_window_options_read_by_hand_are_what_argparse_reads(argv):
    by_hand = window_arguments(argv)
    assert by_hand is not None
    assert vars(by_hand) == vars(build_parser(with_commands=False).parse_args(argv))
    assert vars(parse_arguments(argv)) == vars(by_hand)


@pytest.mark.parametrize("argv", [
    ["--help"], ["-h"], ["--version"], ["status"], ["--data-dir"], ["--data-dir", "--demo"],
    ["--data-dir=/tmp/lib"], ["--smok"], ["--demo", "extra"], ["-x"]])
def test_anything_else_goes_to_argparse(argv):
    assert window_arguments(argv) is None
