"""Draft quality report: draft a set of meetings and print, per draft, what a coach would check.

For each draft: the required checklist rules that pass, the gaps left to fill (a `?` line's
answer gap is expected: the user writes the better answer) and the prompts that name a note
the draft could not phrase well, then a detector per defect kind a reader finds: note
fragments pasted in quotation marks or parentheses, third-person references to the recipient
and the wrong person ("you both", "your the"), the user's private words (their verdict on
their own answers), logistics (salary, benefits, timing, scheduling, travel), the meeting's
mechanics and health or family events made a point, note shorthand left in ("v", "nite"),
proper names left in lower case ("dublin"), whether the personal line was used, whether a
person with a `!` line got a sentence phrased from it, and the sentence frames shared with
each other draft of the meeting. A detector counts what a reader called a defect before; a
reader still reads the drafts (the issue "Drafts a reader would send").

    python benchmarks/draft_quality.py [--show] [--strict] [--meetings FILE]

Without `--meetings` it reads the demo library and the meetings the tests are built on
(`tests/core/drafting_meetings.json`). `--show` prints each draft; `--strict` exits 1 when a
draft fails any check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

ROOT = Path(__file__).resolve().parents[1]
MEETINGS_FILE = ROOT / "tests" / "core" / "drafting_meetings.json"
DEMO_FILE = ROOT / "resources" / "demo" / "demo-library.json"
MAX_SHARED_FRAMES = 2
_GAP_RE = re.compile(r"\[[^\]\n]{1,400}\](?!\()")
_QUOTED_RE = re.compile(r"[\"\u201c]([^\"\u201d\n]{3,200})[\"\u201d]")
_THIRD_RE = re.compile(r"\b(?:he|she|him|his|hers|himself|herself|he's|she's)\b", re.I)
_HER_RE = re.compile(r"\bher\b", re.I)
_SENTENCE_RE = re.compile(r"[^.!?:\n]+(?:[.!?:]+|$)")
_WORD_RE = re.compile(r"[\w'-]+")


CONTRIBUTION_GAP_TEXT = "[what you can contribute, from what you discussed]"
POINT_PROMPT = "[say what stayed with you about"
CONTRIBUTION_PROMPT = "[say what you can bring, from your note"
PROMPT_STARTS = (POINT_PROMPT, CONTRIBUTION_PROMPT)


@dataclass
class DraftReport:
    meeting: str
    person: str
    subject: str
    body: str
    failing_required: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    third_person: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    logistics: list[str] = field(default_factory=list)
    personal: str = "-"  # "-" no personal line, "used", "MISSING"
    honest_gap: bool = False  # nothing usable in the person's notes or the meeting's notes
    shared: dict[str, int] = field(default_factory=dict)
    fragments: list[str] = field(default_factory=list)  # asides pasted in parentheses
    wrong_person: list[str] = field(default_factory=list)
    mechanics: list[str] = field(default_factory=list)  # mechanics, health, family as a point
    shorthand: list[str] = field(default_factory=list)
    lower_names: list[str] = field(default_factory=list)
    key_unphrased: bool = False  # a `!` line, yet only prompts for points
    # A point sentence phrased from the notes is there: when `specifics` still fails, the
    # checklist did not recognise it (its words are everyday ones), which is reported, not
    # counted against the draft.
    points_phrased: bool = False

    @property
    def prompts(self) -> int:
        """Prompts that name a note the draft could not phrase well (not `?` answers, not the
        contribution gap when the notes hold nothing to bring)."""
        return sum(g.startswith(PROMPT_STARTS) for g in self.gaps)

    @property
    def answer_gaps(self) -> int:
        from followup.core.drafting import ANSWER_GAP, QUESTION_GAP

        return sum(g in (ANSWER_GAP, QUESTION_GAP) for g in self.gaps)

    @property
    def contribution_gap(self) -> bool:
        """The user is asked what they bring: nothing in the notes to tie it to."""
        return any(g in CONTRIBUTION_GAP_TEXT or g.startswith("[what you can offer")
                   for g in self.gaps)

    @property
    def ok(self) -> bool:
        # Honest gaps the user fills (a better answer, what they bring, a point when the notes
        # hold none) fail `placeholders`, and the contribution gap fails `contribution`, until
        # filled: expected. Anything else failing is not.
        # A prompt is honest too: the user writes what the draft could not phrase well, and
        # the point or contribution rule it stands for fails until they do.
        honest = self.answer_gaps + self.honest_gap + self.contribution_gap + self.prompts
        prompted = {g.split(":")[0] for g in self.gaps if g.startswith(PROMPT_STARTS)}
        unexpected = [r for r in self.failing_required
                      if not (r == "placeholders" and len(self.gaps) <= honest)
                      and not (r == "contribution" and (
                          self.contribution_gap or CONTRIBUTION_PROMPT in prompted))
                      and not (r == "specifics" and (POINT_PROMPT in prompted
                                                     or self.honest_gap or self.points_phrased))]
        return not (unexpected or self.quoted or self.third_person or self.private
                    or self.logistics or self.personal == "MISSING" or self.fragments
                    or self.wrong_person or self.mechanics or self.shorthand
                    or self.lower_names or self.key_unphrased
                    or any(n > MAX_SHARED_FRAMES for n in self.shared.values()))


# ---- loading meetings -------------------------------------------------------------------------

def _profile(data: dict):
    from followup.core.drafting import Link, Profile

    return Profile(
        name=data.get("name", ""), phone=data.get("phone", ""), email=data.get("email", ""),
        signature=data.get("signature", ""), skills=tuple(data.get("skills", ())),
        links=tuple(Link(link.get("title", ""), link["url"], tuple(link.get("tags", ())))
                    for link in data.get("links", ())))


def meeting_requests(path: Path) -> list[tuple[str, list]]:
    """(label, DraftRequests) per meeting of a file shaped like the demo library."""
    from followup.core.drafting import DraftRequest, works_elsewhere

    data = json.loads(path.read_text(encoding="utf-8"))
    profile = _profile(data.get("profile", {}))
    found = []
    for index, meeting in enumerate(data["meetings"]):
        names = [p["name"] for p in meeting["people"]]
        requests = [DraftRequest(
            company=meeting.get("company", ""), role=meeting.get("role", ""),
            kind=meeting.get("kind", "other"), person_name=p["name"],
            person_title=p.get("title", ""), capacity=p.get("capacity", "other"),
            notes=p.get("notes", ""), general_notes=meeting.get("general_notes", ""),
            others_met=tuple(n for n in names if n != p["name"]), profile=profile,
            elsewhere=works_elsewhere(p.get("email", ""), meeting.get("company_domain") or ""))
            for p in meeting["people"]]
        label = meeting.get("label") or f"{meeting.get('company', '')} {meeting.get('kind', '')}"
        found.append((f"{path.stem}#{index + 1} {label}", requests))
    return found


# ---- measures ---------------------------------------------------------------------------------

def _content(body: str) -> str:
    """The body without greeting, sign-off and signature: the sentences a person reads."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[1:-2]) if len(paragraphs) > 3 else body


def sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.findall(_content(body).replace("\n", " "))
            if len(_WORD_RE.findall(s)) >= 3]


def _own_words(request) -> set[str]:
    """Words that come from the notes, names, company, role and profile, not from a frame."""
    text = " ".join([request.notes, request.general_notes, request.company, request.role,
                     request.person_name, *request.others_met, *request.profile.skills,
                     *(f"{link.title} {link.url} {' '.join(link.tags)}"
                       for link in request.profile.links)])
    return {w.lower() for w in _WORD_RE.findall(text)}


def frame_of(sentence: str, own: set[str]) -> str:
    """A sentence with the words from the notes masked: what is left is its frame."""
    words = [("_" if w.lower() in own else w.lower()) for w in _WORD_RE.findall(sentence)]
    return re.sub(r"(?:_ )+_", "_", " ".join(words))


def frames_of(body: str, request) -> set[str]:
    own = _own_words(request)
    return {f for f in (frame_of(s, own) for s in sentences(body))
            if len([w for w in f.split() if w != "_"]) >= 3}


def shared_frames(a: set[str], b: set[str], alike: float = 0.8) -> int:
    """How many frames of one draft are the same as, or nearly the same as, one of another's:
    "I'm excited about _, and I'd love to continue our conversation" and "I'm excited about
    the chance to join _, and I'd love to continue our conversation" count as one frame."""
    import difflib

    return sum(1 for f in a if f in b or any(
        difflib.SequenceMatcher(None, f.split(), g.split()).ratio() >= alike for g in b))


def quoted_fragments(body: str, notes: str, titles: tuple[str, ...] = ()) -> list[str]:
    """Text in quotation marks that repeats three or more words of a note line (not the title
    of a post of the user's own, which the link sentence quotes)."""
    for title in titles:
        body = body.replace(title, "")
    note_words = [w.lower() for w in _WORD_RE.findall(notes)]
    grams = {tuple(note_words[i:i + 3]) for i in range(len(note_words) - 2)}
    found = []
    for match in _QUOTED_RE.finditer(body):
        words = [w.lower() for w in _WORD_RE.findall(match[1])]
        if any(tuple(words[i:i + 3]) in grams for i in range(len(words) - 2)):
            found.append(match[1])
    return found


def third_person(body: str, person_name: str) -> list[str]:
    """He, she, his, him or the recipient's first name used of the recipient in the body."""
    from followup.core.drafting import first_name

    found = []
    from followup.core.own_lines import _THIRD_PARTY_RE

    for sentence in sentences(_GAP_RE.sub(" ", body)):  # a prompt quotes the note as typed
        if _THIRD_PARTY_RE.search(sentence):
            continue  # "how I'd handle a tech who skips a step to hit his stop count"
        # In a sentence that speaks to "you", an object "him" is someone else (a dog, a son).
        addressed = re.search(r"\byou(?:r)?\b", sentence, re.I) is not None
        found += [m.group() for m in _THIRD_RE.finditer(sentence)
                  if not (addressed and m.group().lower() == "him")]
        found += [m.group() for m in _HER_RE.finditer(sentence) if not addressed]
    content = _GAP_RE.sub("", _content(body))  # the point gap names the person to remind you
    name = first_name(person_name)
    if name and re.search(rf"\b{re.escape(name)}\b", content):
        found.append(name)
    return found


def private_words(body: str) -> list[str]:
    from followup.core.note_kinds import PRIVATE_WORDS, SELF_ASSESSMENT_RE

    lowered = body.lower()
    found = [w for w in PRIVATE_WORDS if w.lower() in lowered]
    # a question about a mistake is no verdict: "your question about the biggest mistake in an
    # audit: [write your better answer here]"
    content = " ".join(s for s in _content(body).split("\n")
                       if "[write your better answer" not in s) + " " + re.sub(
        r"\b(?:wrong|mistakes?)\b", "", " ".join(s for s in _content(body).split("\n")
                                             if "[write your better answer" in s))
    return found + [m.group() for m in SELF_ASSESSMENT_RE.finditer(content)
                    if m.group().lower() not in (f.lower() for f in found)]


def logistics(body: str, request=None) -> list[str]:
    from followup.core.drafting import spoken_role
    from followup.core.note_kinds import is_logistics

    own = [o for o in ((request.role, spoken_role(request.role), request.company)
                       if request is not None else ()) if o]
    if request is not None:  # the user's own post and its tags ("PTO" to a solar permitting lead)
        own += [t for link in request.profile.links for t in (link.title, *link.tags) if t]

    def without_own(sentence: str) -> str:
        for name in own:  # "Quayside Grand Hotel", "Analyst (final round)": names, not logistics
            sentence = re.sub(re.escape(name), " ", sentence, flags=re.IGNORECASE)
        return sentence

    return [s for s in sentences(body) if is_logistics(without_own(s))]


def personal_use(body: str, request) -> str:
    """"used" when a line that could give the rapport sentence shows in the body (drafting
    tries them best first), "MISSING" when none does, "-" when the notes hold none."""
    from followup.core.drafting import personal_lines

    lines = list(personal_lines(request.notes))
    if not lines:
        return "-"
    words = [w for line in lines for w in _WORD_RE.findall(line) if len(w) >= 4]
    return "used" if any(w.lower() in body.lower() for w in words) else "MISSING"


def _prose(body: str) -> str:
    """The sentences a person reads, with gaps and links blanked: what detectors look at."""
    text = _GAP_RE.sub(" ", _content(body))
    return re.sub(r"<https?://[^>]*>|https?://\S+|\u201c[^\u201d]*\u201d", " ", text)


_WRONG_PERSON_RE = re.compile(
    r"\byou(?:'re|'ve|\s+are|\s+have)?\s+both\b|\byour\s+(?:the|a|an|you|your|my)\b"
    r"|\byou\s+(?:is|has|was|does)\b|\bI\s+(?:is|has|does)\b|\btold\s+you\s+you\b", re.I)


def pasted_fragments(body: str, request) -> list[str]:
    """Asides in parentheses in the prose (not the role's or company's own): note fragments a
    reader stumbles on."""
    prose = _prose(body).replace(request.role, " ").replace(request.company, " ")
    return re.findall(r"\(([^)]{2,})\)", prose)


def wrong_person(body: str) -> list[str]:
    return [m.group() for m in _WRONG_PERSON_RE.finditer(_prose(body))]


def mechanics_points(body: str, company: str = "") -> list[str]:
    """Sentences that make the meeting's mechanics, a perk, health or a family milestone a
    point or the rapport line (the thanks and the closing are the template's own); the
    company's name is a name ("Tidewater Audio", "Hollis & Vane Funeral Home")."""
    from followup.core.note_kinds import is_mechanics, is_private_life

    def bare(sentence: str) -> str:  # the company as the draft spells it, whatever its case
        return re.sub(re.escape(company), " ", sentence, flags=re.IGNORECASE) if company \
            else sentence

    paragraphs = [p for p in body.split("\n\n") if p.strip()][2:-3]
    return [s for p in paragraphs for s in _SENTENCE_RE.findall(_GAP_RE.sub(" ", p))
            if is_mechanics(bare(s)) or is_private_life(bare(s))]


def shorthand(body: str) -> list[str]:
    from followup.core.checklist.proofreading import shorthand_left

    return [advice for _s, _e, advice in shorthand_left(_prose(body))]


def lower_names(body: str, request) -> list[str]:
    """Words in lower case that the dictionary knows only with a capital ("dublin") or that
    the notes, the people or the company spell with one."""
    from followup.core.lexicon import dictionary_capital, name_table, notes_capitals

    capitals = notes_capitals([request.notes, request.general_notes])
    capitals.update({k: v for k, v in name_table().items() if v != k})
    found = []
    for word in re.findall(r"(?<![\w@/.#'-])[a-z][a-z]+(?![\w@/#'-])", _prose(body)):
        if word in capitals or dictionary_capital(word):
            if word not in ("may", "march", "will", "mark", "rose", "bill", "excel", "react"):
                found.append(word)
    return found


def key_unphrased(body: str, request) -> bool:
    """Whether the person has a usable `!` line, yet the points are only prompts."""
    from followup.core.drafting import pick_points
    from followup.core.markers import Marker, parse_notes

    keys = [ln.text for ln in parse_notes(request.notes) if ln.marker is Marker.KEY]
    if not keys or not pick_points(request.notes):
        return False
    points = [p for p in body.split("\n\n") if p.strip()][2:3]
    return bool(points) and not _GAP_RE.sub("", points[0]).strip(" .")


def points_phrased(body: str, request) -> bool:
    """Whether the points paragraph holds a sentence phrased from the notes, not only gaps."""
    if request.capacity == "coordinator":
        return False
    points = [p for p in body.split("\n\n") if p.strip()][2:3]
    return bool(points) and bool(_GAP_RE.sub("", points[0]).strip(" ."))


def failing_required(draft, request, others: tuple[str, ...]) -> list[str]:
    from followup.core.checklist import CheckContext, check_draft
    from followup.core.checklist import failing_required as failing
    from followup.core.drafting import notes_for_checking

    context = CheckContext(
        company=request.company, recipient=request.person_name,
        sender_name=request.profile.name, sender_phone=request.profile.phone,
        notes=notes_for_checking(request.notes, request.general_notes, request.capacity,
                                 request.kind), other_drafts=others,
        known_terms=frozenset({request.company, *request.profile.skills}),
        organiser=request.capacity == "coordinator", role=request.role or None,
        other_recipients=tuple(request.others_met)[:len(others)])
    return [r.id for r in failing(check_draft(draft.subject, draft.body, context))]


def nothing_to_say(request) -> bool:
    """Whether the person's notes and the meeting's notes hold no usable point, so that the
    draft's point gap is the honest one (an imported invite's text is no note)."""
    from followup.core.drafting import normalised, notes_for_checking, pick_points

    request = normalised(request)
    return not pick_points(notes_for_checking(request.notes, request.general_notes,
                                              request.capacity, request.kind))


def report_meeting(label: str, requests: list) -> list[DraftReport]:
    from followup.core.drafting import first_name, generate_draft

    drafts = [generate_draft(r) for r in requests]
    frame_sets = [frames_of(d.body, r) for d, r in zip(drafts, requests, strict=True)]
    reports = []
    for i, (draft, request) in enumerate(zip(drafts, requests, strict=True)):
        others = tuple(d.body for j, d in enumerate(drafts) if j != i)
        body = draft.body
        reports.append(DraftReport(
            meeting=label, person=request.person_name, subject=draft.subject, body=body,
            failing_required=failing_required(draft, request, others),
            gaps=_GAP_RE.findall(body), quoted=quoted_fragments(body, request.notes,
                                    tuple(link.title for link in request.profile.links)),
            third_person=third_person(body.replace(request.company, " ") if request.company
                                      else body, request.person_name),
            private=private_words(body), logistics=logistics(body, request),
            personal=personal_use(body, request), honest_gap=nothing_to_say(request),
            shared={first_name(requests[j].person_name): shared_frames(frame_sets[i], frame_sets[j])
                    for j in range(len(requests)) if j != i},
            fragments=pasted_fragments(body, request), wrong_person=wrong_person(body),
            mechanics=mechanics_points(body, request.company), shorthand=shorthand(body),
            lower_names=lower_names(body, request), key_unphrased=key_unphrased(body, request),
            points_phrased=points_phrased(body, request)))
    return reports


def format_report(report: DraftReport) -> str:
    required = "all" if not report.failing_required else "failing " + ",".join(
        report.failing_required)
    shared = " ".join(f"{name}:{n}" for name, n in report.shared.items()) or "-"
    return (f"  {'ok  ' if report.ok else 'FAIL'} {report.person}: required {required}; "
            f"gaps {len(report.gaps)} ({report.answer_gaps} answer); "
            f"quoted {len(report.quoted)}; third-person {len(report.third_person)}"
            f"{' ' + str(report.third_person) if report.third_person else ''}; "
            f"private {len(report.private)}{' ' + str(report.private) if report.private else ''}; "
            f"logistics {len(report.logistics)}; personal {report.personal}; "
            f"prompts {report.prompts}; " + "".join(
                f"{name} {values}; " for name, values in (
                    ("fragments", report.fragments), ("wrong-person", report.wrong_person),
                    ("mechanics", report.mechanics), ("shorthand", report.shorthand),
                    ("lower-case names", report.lower_names)) if values)
            + ("`!` line not phrased; " if report.key_unphrased else "")
            + f"shared frames {shared}")


def run(paths: list[Path], show: bool = False, out=sys.stdout) -> list[DraftReport]:
    every = []
    for path in paths:
        for label, requests in meeting_requests(path):
            print(label, file=out)
            for report in report_meeting(label, requests):
                print(format_report(report), file=out)
                if show:
                    print("    " + report.subject, file=out)
                    print("\n".join("    " + line for line in report.body.splitlines()),
                          file=out)
                every.append(report)
    failing = [r for r in every if not r.ok]
    prompts = sum(r.prompts for r in every) / len(every) if every else 0.0
    print(f"{len(every)} drafts, {len(every) - len(failing)} pass every check, "
          f"{len(failing)} do not; prompts per draft {prompts:.2f} (target <= 1)", file=out)
    return every


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=Path, action="append",
                        help="a file shaped like the demo library (may repeat)")
    parser.add_argument("--show", action="store_true", help="print each draft")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a draft fails")
    args = parser.parse_args(argv)
    reports = run(args.meetings or [DEMO_FILE, MEETINGS_FILE], args.show)
    return 1 if args.strict and not all(r.ok for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
