"""One checklist: the window and `followup check --followup ID` give the same verdict on the
same text, and neither ticks a point rule on a gap, a prompt or a draft whose point is a gap."""

from __future__ import annotations

import argparse
import json

from PySide6.QtCore import Qt

from followup.commands import check
from followup.store import followups as fu


def _cli(data_dir, followup_id: int, capsys) -> tuple[int, dict[str, bool]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    check.add_parser(parser.add_subparsers())
    args = parser.parse_args(["--data-dir", str(data_dir), "check", "--followup",
                              str(followup_id), "--format", "json"])
    capsys.readouterr()
    code = args.func(args)
    report = json.loads(capsys.readouterr().out)
    return code, {rule["id"]: rule["passed"] for rule in report["rules"]}


def _window_verdict(panel, qtbot) -> dict[str, bool]:
    panel.run_checks()
    qtbot.waitUntil(lambda: panel.checklist.count() >= 15, timeout=2000)
    return {result.id: result.passed for result in panel.results}


def _open_drafts(window, qtbot, row: int):
    window.workspace.editor.setFocus()
    qtbot.keyClick(window.workspace.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.workspace.select_row(row)
    return window.workspace.followups


def test_the_window_and_the_command_line_agree_on_every_draft(window, qtbot, data_dir, capsys):
    for row in range(1, 5):
        panel = _open_drafts(window, qtbot, row)
        panel.flush()
        in_window = _window_verdict(panel, qtbot)
        code, on_command_line = _cli(data_dir, panel.view.id, capsys)
        assert on_command_line == in_window, panel.view.person_name
        assert code == (1 if any(not r.passed and r.severity == "required"
                                 for r in panel.results) else 0)


def test_a_point_that_is_a_prompt_is_no_point_in_either(window, qtbot, data_dir, capsys):
    panel = _open_drafts(window, qtbot, 2)
    paragraphs = panel.body.toPlainText().split("\n\n")
    # greeting, thanks, drafting's own prompt naming the note, then the closing: the note's
    # words are only inside the prompt
    prompt = ("[say what stayed with you about: they're moving from PostgreSQL to TimescaleDB "
              "for the readings tables]")
    panel.body.setPlainText("\n\n".join([*paragraphs[:2], prompt, *paragraphs[-3:]]))
    panel.flush()
    in_window = _window_verdict(panel, qtbot)
    code, on_command_line = _cli(data_dir, panel.view.id, capsys)
    assert on_command_line == in_window
    assert in_window["placeholders"] is False and in_window["specifics"] is False
    assert code == 1
    assert "TimescaleDB" in fu.followup_view(window.library, panel.view.id).body
