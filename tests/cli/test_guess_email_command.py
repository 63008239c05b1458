"""`followup guess-email`, through argparse in-process and as a real subprocess."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from followup.commands import guess_email

ACME = ["--known", "Bob Roe <bob.roe@acme.com>", "--known", "Ann Lee <ann.lee@acme.com>"]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="followup")
    guess_email.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    assert args.func is guess_email.run
    return guess_email.run(args)


def test_name_and_json_output(capsys):
    assert guess_email.NAME == "guess-email"
    assert run(["guess-email", "José O'Brien", *ACME, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    guesses = json.loads(out)
    assert err == ""
    assert [set(g) for g in guesses] == [{"address", "pattern", "confidence", "evidence"}] * 5
    assert guesses[0] == {
        "address": "jose.obrien@acme.com", "pattern": "first.last",
        "confidence": guesses[0]["confidence"],
        "evidence": "2 of 2 known addresses at acme.com are first.last"}
    confidences = [g["confidence"] for g in guesses]
    assert all(isinstance(c, float) and 0 <= c <= 1 for c in confidences)
    assert confidences == sorted(confidences, reverse=True)


def test_text_output_one_guess_a_line(capsys):
    assert run(["guess-email", "Jane Doe", *ACME, "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:3] == ["jane.doe@acme.com", "0.70", "first.last"]
    assert lines[0].endswith("2 of 2 known addresses at acme.com are first.last")


def test_domain_option_without_known_addresses(capsys):
    assert run(["guess-email", "Jane Doe", "--domain", "globex.io", "--format", "json"]) == 0
    guesses = json.loads(capsys.readouterr().out)
    assert guesses[0]["address"] == "jane.doe@globex.io"
    assert all(g["evidence"].startswith("unconfirmed") for g in guesses)
    assert all(g["confidence"] <= 0.15 for g in guesses)


def test_most_common_domain_is_used_and_said(capsys):
    argv = ["guess-email", "Jane Doe", *ACME, "--known", "Tom Fox <tfox@globex.io>",
            "--format", "json"]
    assert run(argv) == 0
    best = json.loads(capsys.readouterr().out)[0]
    assert best["address"] == "jane.doe@acme.com"
    assert "acme.com is the most common domain among the known addresses, 2 of 3" in (
        best["evidence"])


@pytest.mark.parametrize(("argv", "message"), [
    (["guess-email", "Jane Doe"], "no domain known; give --domain DOMAIN or at least one"),
    (["guess-email", "Jane Doe", "--known", "Bob Roe"],
     "--known needs \"Full Name <address>\", got 'Bob Roe'"),
    (["guess-email", "Jr.", "--domain", "acme.com"], "no name to build an address from"),
    (["guess-email", "Jane Doe", "--domain", "acme.com", "--limit", "0"],
     "--limit must be at least 1"),
])
def test_errors_exit_2_with_one_line(capsys, argv, message):
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("followup: guess-email: ")
    assert message in err
    assert err.count("\n") == 1


def _followup(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "followup", *argv], capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.mark.slow
def test_through_the_real_command_line():
    done = _followup("guess-email", "Mary-Jane Smith", "--known", "Al Ng <ang@acme.com>",
                     "--format", "json")
    assert done.returncode == 0, done.stderr
    guesses = json.loads(done.stdout)
    assert guesses[0]["address"] == "msmith@acme.com"
    assert guesses[0]["evidence"] == "1 of 1 known address at acme.com is flast"

    failed = _followup("guess-email", "Jane Doe")
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert "Traceback" not in failed.stderr
    assert failed.stderr.strip().startswith("followup: guess-email: nothing to guess from")


def test_names_from_around_the_world(capsys):
    known = ["--known", "Björn Müller <bjoern.mueller@acme.de>",
             "--known", "Käthe Köhler <kaethe.koehler@acme.de>"]
    assert run(["guess-email", "Jürgen Schäfer", *known, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["address"] == "juergen.schaefer@acme.de"
    assert run(["guess-email", "王伟", "--domain", "acme.cn"]) == 2
    assert "no guess for '王伟': a name in Chinese or Japanese characters has no single Latin " \
           "spelling" in capsys.readouterr().err


def test_known_colleagues_in_directory_order(capsys):
    known = ["--known", "Roe, Bob <bob.roe@acme.com>", "--known", '"Lee, Ann" <ann.lee@acme.com>']
    assert run(["guess-email", "Jane Doe", *known, "--format", "json", "--limit", "1"]) == 0
    (best,) = json.loads(capsys.readouterr().out)
    assert best["address"] == "jane.doe@acme.com"
    assert best["evidence"] == "2 of 2 known addresses at acme.com are first.last"
