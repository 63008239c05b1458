"""The user's own words are never misspellings in a draft: the LinkedIn handle and the
addresses of the signature, the words of the profile's links (issue: a new user's walk)."""

from __future__ import annotations

from followup.core.checklist import check_draft
from followup.store import followups as fu


def spelling_message(library, followup_id: int) -> tuple[bool, str]:
    view = fu.followup_view(library, followup_id)
    context = fu.check_context(library, view)
    rule = next(r for r in check_draft(view.subject, view.body, context) if r.id == "spelling")
    return rule.passed, rule.message


def test_the_signature_and_the_links_are_never_misspellings(demo_library):
    fu.update_profile(
        demo_library, name="Jo Maxwell", phone="+1 415 555 0199",
        signature="Jo Maxwell\n+1 415 555 0199 · linkedin.com/in/jmaxwelldev · jmxw.dev",
        links=[{"title": "Spotify playlists for focus", "url": "https://jmxw.dev/mixes",
                "tags": ["cron", "zoo"]}])
    followup_id = fu.ensure_drafts(demo_library, 1)[0]
    view = fu.followup_view(demo_library, followup_id)
    assert "jmaxwelldev" in view.body  # the signature is in the draft
    body = view.body.replace("\n\n", "\n\nOur spotify cron jobs and jmxw mixes came up.\n\n", 1)
    fu.save_draft(demo_library, view.id, view.subject, body)
    passed, message = spelling_message(demo_library, followup_id)
    for word in ("jmaxwelldev", "jmxw", "spotify", "cron", "Maxwell"):
        assert word not in message, message
    fu.save_draft(demo_library, view.id, view.subject, body + "\nA recieved word.\n")
    passed, message = spelling_message(demo_library, followup_id)
    assert not passed and "recieved" in message  # the rule still reads the draft
