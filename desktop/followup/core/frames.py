"""The sentence frames a phrase goes into, and the choice of one frame per person.

A panel compares notes, so the drafts of one meeting must differ in their frames, not only in
their content: each part of a draft has several phrasings, and the person's place among the
people of the meeting (`voice`) picks one. Two people of a meeting of up to six never get the
same frame for a part: every list holds at least six frames, and the point lists are walked
two steps per person. Source: issue "Drafts a person would send" (at most two shared frames).
"""

from __future__ import annotations

from collections.abc import Sequence

from followup.core.phrasing import Phrase, Shape, is_problem

POINT_STRIDE = 2  # consecutive people start two frames apart, so three points overlap at most once

# Neutral on purpose: a note's clause may be good news or a pain ("your conflict checks take
# two days"), and "It was exciting to learn that" fits only one of them. Readers also heard
# praise in "valuable", "great" and "eye-opening" for a plain fact ("you use Q-Pulse for
# incident reporting", "the foundation grant ends in June"), so these only take note.
_CLAUSE = (
    "I was interested to hear that {}.",
    "It was helpful to learn that {}.",
    "What stayed with me most was hearing that {}.",
    "I appreciated learning that {}.",
    "It was interesting to learn that {}.",
    "I found it really interesting that {}.",
    "It was useful to hear that {}.",
    "I took note when you mentioned that {}.",
    "It was helpful to hear that {}.",
    "I was glad you mentioned that {}.",
    "It stuck with me that {}.",
    "I was interested to learn that {}.",
)
# The second point of a draft: readers heard "It was eye-opening to hear that ... I appreciated
# learning that ..." as the same sentence twice, so the second says "also" in its own way.
_ALSO_CLAUSE = (
    "You also mentioned that {}.",
    "I also took away that {}.",
    "Another thing I took away is that {}.",
    "I also came away knowing that {}.",
    "And you mentioned that {}.",
    "I also noted that {}.",
)
_TOPIC = (
    "I especially enjoyed our conversation about {}.",
    "It was great to hear about {}.",
    "What stayed with me most was our talk about {}.",
    "I really enjoyed learning about {}.",
    "Thank you for telling me about {}.",
    "I loved hearing about {}.",
    "I'm still thinking about our discussion of {}.",
    "It was fascinating to hear more about {}.",
    "I appreciated the chance to talk through {} with you.",
    "Our exchange about {} was a highlight for me.",
    "I'm glad we got to talk about {}.",
    "I enjoyed learning more about {}.",
)
# A topic that is a difficulty ("the lockout-tagout training overdue for 15 people") is never
# "loved" or "enjoyed".
_PROBLEM_TOPIC = (
    "It was helpful to talk through {}.",
    "I've been thinking about {} since we spoke.",
    "I keep thinking about our conversation about {}.",
    "Thank you for explaining {}.",
)

# Readers heard a confession in "Thank you for being candid that", "frankly" and "openly", and
# pity in "I was sorry to hear that", for what was only a fact of the work: these stay plain.
_PROBLEM = (
    "It was helpful to understand that {}.",
    "I came away understanding that {}.",
    "I keep coming back to your point that {}.",
    "It was clarifying to hear that {}.",
    "I've been thinking about your point that {}.",
    "It was useful to hear that {}.",
    "Thank you for explaining that {}.",
    "I took note when you mentioned that {}.",
    "It was good to understand that {}.",
    "It helped me to learn that {}.",
    "It was instructive to hear that {}.",
    "It was eye-opening to learn that {}.",
)
# Points from the meeting's general notes, for someone with no notes of their own: learned
# during the meeting, not said to be this person's words.
_SHARED_CLAUSE = (
    "It was great to learn that {}.",
    "I came away glad to know that {}.",
    "I was impressed to learn that {}.",
    "It stayed with me that {}.",
    "I loved learning that {}.",
    "It was exciting to find out that {}.",
    "It was good to hear during my visit that {}.",
    "One thing I took away is that {}.",
    "I was delighted to learn that {}.",
    "It struck me that {}.",
    "I left glad to have learned that {}.",
    "It was energizing to hear that {}.",
)
_SHARED_TOPIC = (
    "It was great to learn about {}.",
    "I came away excited about {}.",
    "I left thinking about {}.",
    "I was glad to learn more about {}.",
    "It was inspiring to hear about {}.",
    "I keep thinking about {}.",
    "I was fascinated to learn about {}.",
    "One thing I took away was {}.",
    "I enjoyed finding out about {}.",
    "It was a pleasure to learn about {}.",
    "I came away curious about {}.",
    "It was great to hear more about {}.",
)
_IN_MEETING = (
    "I really appreciated that {}.",
    "It was encouraging that {}.",
    "I was grateful that {}.",
    "I was pleased that {}.",
    "I was glad that {}.",
    "It was good to know that {}.",
)
_IN_MEETING_GERUND = (  # for things given to the user: "Thank you for showing me ..."
    "Thank you for {}.",
    "I'm grateful to you for {}.",
    "Thanks again for {}.",
    "I really appreciated you {}.",
    "Many thanks for {}.",
    "I valued you {}.",
)
_MINE = (
    "I especially enjoyed the part of our conversation where {}.",
    "One highlight for me was when {}.",
    "I enjoyed the moment in our conversation when {}.",
    "A favorite part of our talk was when {}.",
    "It was fun when {}.",
    "I was glad we got to the point where {}.",
)
_PERSONAL_CLAUSE = (
    "And it was fun to learn that {}!",
    "I also loved hearing that {}.",
    "On a lighter note, I enjoyed hearing that {}.",
    "It was lovely to hear that {}.",
    "I smiled when I heard that {}.",
    "It was fun to hear that {}.",
)
_PERSONAL_TOPIC = (
    "And thank you for the fun chat about {}!",
    "I also enjoyed our detour into {}.",
    "On a lighter note, I loved our chat about {}.",
    "It was lovely to swap stories about {}.",
    "Our tangent about {} made me smile.",
    "I'll remember our chat about {}.",
)
SHARED = (  # something the user and the person share: "we both ran the Lisbon marathon"
    "It was fun to discover that {}.",
    "I smiled when we found out that {}.",
    "It was a nice surprise to find that {}.",
    "I enjoyed finding out that {}.",
    "It made me smile that {}.",
    "It was great to find out that {}.",
)
PERSONAL_THANKS = (  # something given outside work: "recommending the ramen place"
    "And thank you for {}!",
    "Thanks too for {}.",
    "I also appreciated you {}.",
    "And many thanks for {}.",
    "Thank you as well for {}.",
    "I'm grateful too for {}.",
)
MOMENT = (  # a moment of the conversation: "we argued about the best pho on Argyle St"
    "I enjoyed it when {}.",
    "It was fun when {}.",
    "I smiled later remembering how {}.",
    "I still smile thinking about how {}.",
    "One of my favorite moments was when {}.",
    "I enjoyed the moment when {}.",
)
QUESTION = (
    "Your question on {} stayed with me, so here is a fuller answer: {}",
    "I've given more thought to your question about {}: {}",
    "Thinking back on your question about {}, I'd like to add this: {}",
    "On your question about {}, here is what I would add now: {}",
    "To follow up on your question about {}: {}",
    "One more thought on your question about {}: {}",
)
QUESTION_ANSWERED = (  # a question the user answered well, named back once
    "I enjoyed your question about {}.",
    "I liked your question about {}.",
    "Thank you for your question about {}; I enjoyed thinking it through with you.",
    "I enjoyed thinking through your question about {}.",
)
CONTRIBUTION_CLAUSE = (  # "I led X", then the company
    "{}, and I'd love to bring that experience to {}.",
    "{}, and I'd be glad to do the same at {}.",
    "{}, and I'd like to put that to work at {}.",
    "{}, which I'd be excited to build on at {}.",
    "{}, and I think that experience would carry over well to {}.",
    "{}, and I'd be happy to put that experience to use at {}.",
)
CONTRIBUTION_STATE = (  # "I speak Spanish", "I know Veeva": what the user has, not did
    "{}, and I'd be glad to put that to use at {}.",
    "{}, which I'd be glad to put to work at {}.",
    "{}, and I think that would be useful at {}.",
    "{}, and I'd love to put that to use for the team at {}.",
    "{}, which I hope would be useful at {}.",
    "{}, and I'd be happy to put that to use at {}.",
)
MEETUP_INTEREST = (  # a meetup named for a company, or for a group with no event word in it:
    # true of both ("Lumen & Lark Events", "Write the Docs Portland")
    "I'm keen to learn more about {}.",
    "I'll be following what {} does next.",
    "It was good to get a glimpse of the work at {}.",
    "I'm curious to see where {} goes from here.",
    "Our conversation left me curious about {}.",
    "I hope our paths cross again through {}.",
)
MEETUP_STATE = (
    "{}, in case that's ever useful to you.",
    "{}, if that's ever useful.",
    "{}, should that ever help.",
    "{}, in case it ever comes in handy.",
    "{}, if that ever helps your work.",
    "{}, if it's ever useful to you.",
)
CONTRIBUTION_OFFER = (  # "I could share my dbt checklist", "I'd be happy to review X"
    "{}, if that would be useful to the team at {}.",
    "{}, if it would help the team at {}.",
    "{}, should that be useful to {}.",
    "{}, whenever it would be useful to {}.",
    "{}, if that would help {}.",
    "{}, if it would be helpful to {}.",
)
CONTRIBUTION_NOUN = (  # "my churn model work at Northwind"
    "I'd love to bring {} to {}.",
    "I think {} would carry over well to the work at {}.",
    "I'd be glad to put {} to work at {}.",
    "I'd be excited to contribute {} at {}.",
    "I hope to bring {} to the team at {}.",
    "I'd welcome the chance to apply {} at {}.",
)
SKILLS_ONLY = (  # skills touched, no `+` line: "{skills}", then the company
    "My experience with {} lines up well with what we discussed, and I'd love to put it to "
    "work at {}.",
    "I'd bring hands-on experience with {}, which fits the work you described at {}.",
    "I could contribute my background in {} to the work at {}.",
    "I'd be glad to apply my experience with {} at {}.",
    "My work with {} would let me contribute quickly at {}.",
    "I'd love to bring my experience with {} to the team at {}.",
)
CONTRIBUTION_PROMPT = (  # a `+` line that cannot be phrased well: the user says it
    "{}, and I'd love to bring that to {}.",
    "{}, which I'd be glad to build on at {}.",
    "{}, and I'd welcome the chance to do the same at {}.",
    "{}, and I think that would carry over well to {}.",
    "{}, and I'd be happy to bring that to the team at {}.",
    "{}, which I'd be excited to put to work at {}.",
)
# At a meetup the meeting's "company" is the event: an offer, not a place to work.
MEETUP_CLAUSE = (  # "I wrote the on-time definition doc at Harborline"
    "{}, and I'd be happy to tell you more about it.",
    "{}, and I'd be glad to compare notes on it sometime.",
    "{}, and I'm happy to share what I learned.",
    "{}, and I'd enjoy swapping notes on it.",
    "{}, and I'd be glad to share the details.",
    "{}, and I'm happy to walk you through it.",
)
MEETUP_OFFER = (  # "I could share the template"
    "{}, if that would be useful to you.",
    "{}, whenever it would help.",
    "{}, if you'd find it useful.",
    "{}, if that would help.",
    "{}, whenever suits you.",
    "{}, if it would be useful.",
)
MEETUP_NOUN = (
    "I'd be happy to share {} if it would help.",
    "I'd be glad to tell you more about {}.",
    "I'd enjoy comparing notes on {} sometime.",
    "If it's useful, I can share {}.",
    "I'm happy to share {} whenever it would help.",
    "I'd love to swap notes on {}.",
)
MEETUP_GAPS = (  # nothing in the notes to offer: the user says it, with no employer assumed
    "I'd be glad to share [what you can offer, from what you discussed] if it would help.",
    "If it's useful, I could share [what you can offer, from what you discussed].",
    "I'd be happy to help with [what you can offer, from what you discussed].",
    "I could bring [what you can offer, from what you discussed] if that would help.",
    "I'd enjoy swapping notes on [what you can offer, from what you discussed].",
    "Happy to share [what you can offer, from what you discussed] whenever it helps.",
)
MEETUP_PROMPT = (
    "{}, and I'd be happy to share it.",
    "{}, if that would be useful to you.",
    "{}, and I'd enjoy comparing notes.",
    "{}, whenever it would help.",
    "{}, and I'm happy to tell you more.",
    "{}, if you'd find it useful.",
)
# Nothing in the notes to tie a contribution to: an honest gap the user fills (the guides:
# "Emphasizes what you can contribute based on the conversation").
CONTRIBUTION_GAP = "I'd love to bring [what you can contribute, from what you discussed] to {}."
# The same gap in other words, so that a panel's drafts do not share a sentence.
CONTRIBUTION_GAPS = (
    CONTRIBUTION_GAP,
    "I'd be glad to bring [what you can contribute, from what you discussed] to {}.",
    "I believe [what you can contribute, from what you discussed] would help {}.",
    "I'd like to put [what you can contribute, from what you discussed] to work at {}.",
    "I hope to bring [what you can contribute, from what you discussed] to {}.",
    "At {}, I'd bring [what you can contribute, from what you discussed].",
)
LINK = (
    "Since we talked about {}, you might enjoy a post I wrote, \u201c{}\u201d, at <{}>.",
    "On the subject of {}, I wrote a short post, \u201c{}\u201d, which you can read at <{}>.",
    "Our talk about {} reminded me of a post I wrote, \u201c{}\u201d: <{}>.",
    "If you're curious, I wrote about {} in \u201c{}\u201d at <{}>.",
    "Since {} came up, here is a post of mine, \u201c{}\u201d: <{}>.",
    "I put some of my thinking on {} into a post, \u201c{}\u201d, at <{}>.",
)
LINK_UNTITLED = (
    "Since we talked about {}, you might enjoy a post I wrote: <{}>.",
    "On the subject of {}, I wrote a short post that you can read at <{}>.",
    "Our talk about {} reminded me of a post I wrote: <{}>.",
    "If you're curious, I wrote about {} at <{}>.",
    "Since {} came up, here is a post of mine: <{}>.",
    "I put some of my thinking on {} into a post at <{}>.",
)

LINK_OFFERED = (  # the link to the very thing a `+` line offers: no "post I wrote" about it
    "If you'd like a look, \u201c{}\u201d is at <{}>.",
    "You can find \u201c{}\u201d at <{}>, if it's useful.",
    "Here is \u201c{}\u201d, as I offered: <{}>.",
    "\u201c{}\u201d is at <{}>, whenever you'd like to look.",
    "For a first look, \u201c{}\u201d is at <{}>.",
    "In the meantime, \u201c{}\u201d is at <{}>.",
)
LINK_NO_TOPIC = (
    "After our conversation you might enjoy a post I wrote, \u201c{}\u201d: <{}>.",
    "You might enjoy a post I wrote on this, \u201c{}\u201d: <{}>.",
    "Our conversation reminded me of a post I wrote, \u201c{}\u201d, at <{}>.",
)
LINK_NO_TOPIC_UNTITLED = (
    "After our conversation you might enjoy a post I wrote: <{}>.",
    "You might enjoy a post I wrote on this: <{}>.",
    "Our conversation reminded me of a post I wrote, at <{}>.",
)


def pick(frames: Sequence[str], voice: int, slot: int = 0, stride: int = 1) -> str:
    """The frame for the person with `voice` (their place in the meeting, plus a per-meeting
    offset) at position `slot` of a part."""
    return frames[(voice * stride + slot) % len(frames)]


def point_sentence(phrase: Phrase, voice: int, slot: int, shared: bool = False) -> str:
    """A specific point as a whole sentence, in a frame that fits the phrase's shape; `shared`
    for a point of the meeting's general notes, which frames it as learned in the meeting."""
    if shared and phrase.shape in (Shape.CLAUSE, Shape.PROBLEM, Shape.TOPIC):
        options = _SHARED_TOPIC if phrase.shape is Shape.TOPIC else _SHARED_CLAUSE
        return _capital(pick(options, voice, slot, POINT_STRIDE).format(phrase.text))
    if phrase.shape is Shape.IN_MEETING and phrase.gerund:
        return pick(_IN_MEETING_GERUND, voice, slot, POINT_STRIDE).format(phrase.gerund)
    frames = {Shape.CLAUSE: _ALSO_CLAUSE if slot % 2 else _CLAUSE, Shape.TOPIC: _TOPIC,
              Shape.PROBLEM: _PROBLEM, Shape.IN_MEETING: _IN_MEETING,
              Shape.MINE: _MINE}[phrase.shape]
    if phrase.shape is Shape.TOPIC and is_problem(phrase.text):
        frames = _PROBLEM_TOPIC
    return _capital(pick(frames, voice, slot, POINT_STRIDE).format(phrase.text))


def personal_sentence(phrase: Phrase, voice: int) -> str:
    """The personal line, as one short, warm sentence."""
    clause = phrase.shape is not Shape.TOPIC and phrase.text.startswith("you")
    frames = _PERSONAL_CLAUSE if clause else _PERSONAL_TOPIC
    return _capital(pick(frames, voice).format(phrase.text))


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
