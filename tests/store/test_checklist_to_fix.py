"""The send-status list's "To fix" count comes from the checklist: an unfilled gap is one."""

from __future__ import annotations

import re

from followup.store import followups as fu


def test_a_gap_left_in_a_draft_is_one_more_to_fix(demo_library):
    ids = fu.ensure_drafts(demo_library, 1)
    view = fu.followup_view(demo_library, ids[0])
    others = fu.followups_for_meeting(demo_library, 1)
    filled = re.sub(r"\[[^\]\n]*\]", "by robot id", view.body)
    fu.save_draft(demo_library, view.id, view.subject, filled)
    before = fu.failing_required_count(demo_library, fu.followup_view(demo_library, view.id),
                                       others)
    fu.save_draft(demo_library, view.id, view.subject, filled.replace(
        "Hi ", "Hi [Name] ", 1))
    after = fu.failing_required_count(demo_library, fu.followup_view(demo_library, view.id),
                                      others)
    assert after == before + 1


def test_sentences_written_from_notes_are_to_read_until_read(demo_library):
    from followup.core.checklist import check_draft

    def read_rule(view):
        context = fu.check_context(demo_library, view, fu.followups_for_meeting(demo_library, 1))
        return next(r for r in check_draft(view.subject, view.body, context) if r.id == "read")

    ids = fu.ensure_drafts(demo_library, 1)
    view = next(v for v in map(lambda i: fu.followup_view(demo_library, i), ids)
                if fu.unread_phrased(demo_library, v.id))
    unread = [p.sentence for p in fu.unread_phrased(demo_library, view.id)]
    rule = read_rule(view)
    assert not rule.passed
    assert sorted(view.body[s.start:s.end] for s in rule.spans) == sorted(unread)
    fu.mark_read(demo_library, view.id, unread[:1])  # one read: the rest still to read
    assert len(read_rule(view).spans) == len(unread) - 1
    fu.mark_read(demo_library, view.id, unread)
    assert read_rule(view).passed
