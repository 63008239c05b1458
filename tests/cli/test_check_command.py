"""`followup check`: reading the note, the JSON and text reports, and exit statuses."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.commands import check

GOOD = """\
Subject: Kafka telemetry chat: thank you

Hi Priya,

Thank you for taking the time to meet with me this afternoon.

I enjoyed our conversation about moving the fleet telemetry from nightly batches to Kafka.

I built a similar pipeline at my last job and can bring that experience to Acme Robotics.

I am excited about the role and look forward to continuing the conversation.

Best,
Sam Ortiz
(555) 123-4567
"""
BAD = """\
Subject: Next Steps

Hi Amelia,

I am very excited about the prospect of working as a Fellow at Conde Nast! Is there any further
information you require from me for this process to move forward?

Thanks,

Kevin Stephenson
"""


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="followup")
    check.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["check", *argv])


def run(monkeypatch, capsys, *argv: str, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    args = parse(*argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_good_note_from_a_file_passes_as_json(tmp_path, monkeypatch, capsys):
    note = tmp_path / "note.txt"
    note.write_text(GOOD, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, str(note), "--company", "Acme Robotics",
                         "--to", "Priya", "--format", "json")
    report = json.loads(out)
    assert code == 0 and err == ""
    assert report["passed"] is True
    rules = {r["id"]: r for r in report["rules"]}
    assert list(rules)[0] == "thanks" and set(rules["thanks"]) == {
        "id", "passed", "severity", "message", "spans"}
    assert rules["subject"]["passed"]  # the Subject: line was read as the subject
    span = rules["company_named"]["spans"][0]
    assert span["field"] == "body"
    body = GOOD.split("\n\n", 1)[1]
    assert body[span["start"]:span["end"]] == "Acme Robotics"


def test_a_bad_note_from_stdin_fails_with_exit_1(monkeypatch, capsys):
    code, out, _err = run(monkeypatch, capsys, "--format", "json", "--company", "Conde Nast",
                          stdin=BAD.encode())
    report = json.loads(out)
    assert code == 1 and report["passed"] is False
    failed = {r["id"] for r in report["rules"] if not r["passed"]}
    assert {"next_steps", "specifics", "subject", "thanks"} <= failed
    subject_spans = [s for r in report["rules"] for s in r["spans"] if s["field"] == "subject"]
    assert {"start": 0, "end": 10, "field": "subject"} in subject_spans


def test_subject_option_overrides_the_subject_line(monkeypatch, capsys):
    code, out, _err = run(monkeypatch, capsys, "-", "--subject", "Thanks", "--format", "json",
                          stdin=GOOD.encode())
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert not rules["subject"]["passed"]


def test_notes_file_feeds_the_specifics_rule(tmp_path, monkeypatch, capsys):
    notes = tmp_path / "notes.md"
    notes.write_text("! the robot arm calibration rig\n? how to shard events\n", "utf-8")
    code, out, _err = run(monkeypatch, capsys, "--notes", str(notes), "--format", "json",
                          stdin=GOOD.encode())
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert code == 1
    assert not rules["specifics"]["passed"] and "calibration" in rules["specifics"]["message"]
    assert not rules["redeem"]["passed"]


def test_text_report_lists_required_first_with_marks(monkeypatch, capsys):
    code, out, _err = run(monkeypatch, capsys, stdin=BAD.encode())
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("✗ thanks") and "required" in lines[0]
    assert any(line.startswith("✓ ") for line in lines)
    severities = [line.split()[2] for line in lines if line.startswith(("✓", "✗"))]
    assert severities.index("optional") > severities.index("recommended") > 0
    assert "required point(s) missing" in lines[-1]


@pytest.mark.parametrize("content, message", [
    (None, "cannot read"),
    (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "not text"),
    (b"Hi \xff\xfe there", "not UTF-8"),
    (b"  \n\n", "no note"),
])
def test_input_errors_exit_2_with_one_line(tmp_path, monkeypatch, capsys, content, message):
    path = tmp_path / "note.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(monkeypatch, capsys, str(path))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_split_subject():
    assert check.split_subject("Subject: Hello Mark\n\nHi Mark,") == ("Hello Mark", "Hi Mark,")
    assert check.split_subject("subject:Re: x\r\nbody") == ("Re: x", "body")
    assert check.split_subject("Hi Mark,\nSubject: no") == (None, "Hi Mark,\nSubject: no")


def _subprocess(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, *args], input=stdin.encode(), capture_output=True,
                          env=env, timeout=60, check=False)


@pytest.mark.slow
def test_through_the_followup_command():
    main = Path(check.__file__).parents[1] / "__main__.py"
    if main.exists():
        args = ["-m", "followup", "check", "--company", "Acme Robotics", "--format", "json"]
    else:  # the main command is not wired yet: build the parser the same way it will
        script = ("import argparse, sys; from followup.commands import check; "
                  "p = argparse.ArgumentParser(); check.add_parser(p.add_subparsers()); "
                  "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))")
        args = ["-c", script, "check", "--company", "Acme Robotics", "--format", "json"]
    good = _subprocess(args, GOOD)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["passed"] is True
    bad = _subprocess(args, BAD)
    assert bad.returncode == 1 and json.loads(bad.stdout)["passed"] is False
    missing = _subprocess([*args, "/no/such/note.txt"], "")
    assert missing.returncode == 2
    assert missing.stderr.decode().strip().startswith("followup: check: cannot read")


def test_an_unfilled_gap_alone_fails_the_check(monkeypatch, capsys):
    gap = GOOD.replace("moving the fleet telemetry from nightly batches to Kafka",
                       "[something you discussed]")
    code, out, _err = run(monkeypatch, capsys, "--company", "Acme Robotics", "--to", "Priya",
                          stdin=gap.encode())
    assert code == 1
    missing = out.splitlines()[-1]
    assert "placeholders" in missing and "specifics" in missing
    assert any(line.startswith("✗ placeholders") and " required " in line
               for line in out.splitlines())


def test_a_phone_number_of_another_country_passes(monkeypatch, capsys):
    uk = GOOD.replace("(555) 123-4567", "020 7946 0958")
    code, out, _err = run(monkeypatch, capsys, "--company", "Acme Robotics", "--format", "json",
                          stdin=uk.encode())
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert code == 0 and rules["phone_in_closing"]["passed"]


def _rules(out: str) -> dict:
    return {r["id"]: r for r in json.loads(out)["rules"]}


def test_a_first_line_of_thanks_is_no_greeting_by_name(monkeypatch, capsys):
    note = GOOD.replace("Hi Priya,", "Thanks!")
    _code, out, _err = run(monkeypatch, capsys, "--format", "json", stdin=note.encode())
    greeting = _rules(out)["greeting"]
    assert not greeting["passed"] and "Thanks" not in greeting["message"]
    _code, out, _err = run(monkeypatch, capsys, stdin=note.encode())
    assert "Greets Thanks" not in out


def test_footnotes_are_kept_and_angle_bracket_gaps_block_sending(monkeypatch, capsys):
    kept = GOOD.replace("to Kafka.", 'to Kafka [1], "faster than [sic] before".\n\n[1] My notes.')
    code, out, _err = run(monkeypatch, capsys, "--format", "json", "--company", "Acme Robotics",
                          stdin=kept.encode())
    assert code == 0 and _rules(out)["placeholders"]["passed"]
    gap = GOOD.replace("Sam Ortiz", "<your name>").replace("Acme Robotics", "<company>")
    code, out, _err = run(monkeypatch, capsys, "--format", "json", stdin=gap.encode())
    assert code == 1 and not _rules(out)["placeholders"]["passed"]
    assert len(_rules(out)["placeholders"]["spans"]) == 2


def test_the_names_typed_lowercase_are_not_misspellings(monkeypatch, capsys):
    note = GOOD.replace("Hi Priya,", "hi priya,").replace(
        "Acme Robotics.", "zalando, and priya's team was great.")
    _code, out, _err = run(monkeypatch, capsys, "--format", "json", "--to", "Priya Shah",
                           "--company", "Zalando SE", stdin=note.encode())
    assert _rules(out)["spelling"]["passed"], _rules(out)["spelling"]["message"]
    # Without --to, the name greeted is the recipient's; an unknown company is still checked.
    _code, out, _err = run(monkeypatch, capsys, "--format", "json", stdin=note.encode())
    assert '"priya"' not in _rules(out)["spelling"]["message"]


BRITISH_NOTE = """\
Subject: Thank you

Hi Priya,

Thank you for the tour of the centre. The colour coding of the programme was my favourite part,
and the team is well organised.

Best,
Sam Ortiz
"""


def _installed(language: str) -> bool:
    try:
        return language in check.spelling.available_languages()
    except (ImportError, OSError):  # no Enchant here
        return False


def _spelling_rule(out: str) -> dict:
    return next(r for r in json.loads(out)["rules"] if r["id"] == "spelling")


@pytest.mark.parametrize("language, passed", [("en_US", False), ("en_GB", True)])
def test_spelling_is_checked_in_the_english_asked_for(tmp_path, monkeypatch, capsys,
                                                      language, passed):
    if not _installed(language):
        pytest.skip(f"no {language} dictionary here (./dev installs it)")
    note = tmp_path / "note.txt"
    note.write_text(BRITISH_NOTE, encoding="utf-8")
    _code, out, _err = run(monkeypatch, capsys, "--spelling", language, "--format", "json",
                           str(note))
    rule = _spelling_rule(out)
    assert rule["passed"] is passed
    if not passed:
        assert "colour" in rule["message"] and "programme" in rule["message"]


def test_the_profiles_english_is_checks_default(tmp_path, monkeypatch, capsys):
    from followup.__main__ import main

    if not _installed("en_GB"):
        pytest.skip("no en_GB dictionary here (./dev installs it)")
    note = tmp_path / "note.txt"
    note.write_text(BRITISH_NOTE, encoding="utf-8")
    assert _spelling_rule(run(monkeypatch, capsys, "--format", "json", str(note))[1])[
        "passed"] is False  # no library yet: the locale's English, American in tests
    assert main(["profile", "--spelling", "en_GB"]) == 0
    assert "spelling: en_GB" in capsys.readouterr().out
    assert _spelling_rule(run(monkeypatch, capsys, "--format", "json", str(note))[1])["passed"]
    with pytest.raises(SystemExit) as refused:
        main(["profile", "--spelling", "en_NZ"])
    assert refused.value.code == 2
    assert "invalid choice: 'en_NZ'" in capsys.readouterr().err
