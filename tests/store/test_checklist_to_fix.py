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
