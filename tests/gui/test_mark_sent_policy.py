"""The window applies the policies of the core and shows what they say, on the real window
offscreen and a real library file: marking sent asks about what the mark-sent preflight finds
(the command line's `mark-sent` asks the same), and the draft pane's similarity is the
checklist's own measure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from followup.core.status import Status
from followup.gui.followup_panel import MarkSentDialog
from followup.sending.preflight import check_before_mark_sent
from followup.store import followups as fu


def _view_of(window, name: str):
    return next(v for v in fu.followups_for_meeting(window.library, 1)
                if v.person_name == name)


def _panel(window, qtbot):
    ws = window.workspace
    ws.editor.setFocus()
    qtbot.keyClick(ws.editor, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return ws.followups


def test_mark_sent_asks_what_the_preflight_finds_and_no_keeps_it_a_draft(
        window, qtbot, monkeypatch):
    panel = _panel(window, qtbot)
    priya = _view_of(window, "Priya Natarajan")
    window.workspace.select_person(priya.attendance_id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or a[4])
    monkeypatch.setattr(MarkSentDialog, "ask", classmethod(lambda *_a: "phone"))
    panel.mark_sent()
    [text] = asked
    for problem in check_before_mark_sent(window.library, priya.id).problems:
        assert problem.message in text  # the window says what the one policy says
    assert "[write your better answer here]" in text
    assert fu.followup_view(window.library, priya.id).status is Status.DRAFT


def test_mark_sent_of_a_draft_with_nothing_found_asks_only_how(window, qtbot, monkeypatch):
    panel = _panel(window, qtbot)
    dana = _view_of(window, "Dana Okafor")
    window.workspace.select_person(dana.attendance_id)
    assert check_before_mark_sent(window.library, dana.id).problems == ()
    monkeypatch.setattr(MarkSentDialog, "ask", classmethod(lambda *_a: "LinkedIn message"))
    panel.mark_sent()  # no question: the conftest fails the test on any unexpected box
    view = fu.followup_view(window.library, dana.id)
    assert (view.status, view.channel) == (Status.SENT, "LinkedIn message")


def test_the_mark_sent_question_after_a_copy_lists_the_findings(window, monkeypatch):
    fu.ensure_drafts(window.library, 1)
    priya = _view_of(window, "Priya Natarajan")
    texts = []

    def exec_(box):
        texts.append(box.text())
        mark = next(b for b in box.buttons() if b.text() == "&Mark as sent")
        assert mark.isEnabled()  # a gap in a note sent another way is the user's call
        mark.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window._on_route("copy", priya.id)
    [text] = texts
    assert "The draft in Followup:" in text and "[write your better answer here]" in text
    view = fu.followup_view(window.library, priya.id)
    assert (view.status, view.channel) == (Status.SENT, "copied")


def test_the_similarity_shown_is_the_checklists_measure(window, qtbot):
    panel = _panel(window, qtbot)
    priya, marcus = _view_of(window, "Priya Natarajan"), _view_of(window, "Marcus Feld")
    copy = priya.body.replace("Priya", "Marcus")
    fu.save_draft(window.library, marcus.id, marcus.subject, copy)
    window.workspace.select_person(priya.attendance_id)
    panel.show_meeting(1)  # the other drafts as saved now
    panel.run_checks()
    rule = next(r for r in panel.results if r.id == "individual")
    assert not rule.passed and rule.measures[0][0] == "Marcus Feld"
    name, value = rule.measures[0]
    assert panel.similarity.text().startswith(f"⚠ Too close to {name}'s draft, "
                                              f"{value:.0%} alike")
    for other, measured in rule.measures:
        assert f"{other}: {measured:.0%}" in panel.similarity.toolTip()
    assert panel.similarity.property("flagged") is True
