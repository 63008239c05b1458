"""The checklist's vocabulary: words that name nothing in particular.

A thank-you note is full of words that fit any interview ("the position", "your insight", "a
strong work ethic"); the rules that look for something specific skip them. One home for these
lists, so every rule agrees on what is generic.
"""

from __future__ import annotations

from functools import lru_cache

# Words that carry no topic of their own: function words and the vocabulary of every note.
STOPWORDS = frozenset("""
a about above after again all also am an and any are as at be because been before being below
between both but by can can't could did do does doing don't down during each even ever every few
for from further had has have having he her here hers him his how i i'd i'll i'm i've if in into
is isn't it it's its itself just let me more most much my myself no nor not now of off on once
only or other our ours out over own really same she should so some such than that that's the
their theirs them then there these they this those through to too under until up upon us very
was we we're were what when where which while who whom why will with would you you're your yours
yourself yet via well still lot lots thing things way ways get got getting go going today
yesterday tomorrow morning afternoon evening week day time times great good nice thank thanks
thanked thankful grateful appreciate appreciated pleasure glad happy enjoyed enjoy meet meeting
met talk talking talked speak speaking spoke chat chatting conversation conversations discussion
discussed discuss interview interviews interviewing learn learning learned learnt hear hearing
heard know knowing role position job opportunity company team organization organisation firm
work working looking look forward hope soon excited exciting interest interested hi hello dear
best regards sincerely cheers
""".split())

# Nouns, adjectives and verbs that fit any interview, praise of any company and any candidate's
# self-description: what follows a cue must hold more than these to name something.
GENERIC_WORDS = frozenset("""
position positions role roles job jobs opportunity opportunities company companies team teams
organization organisation organizations firm firms department office offices business industry
field work works project projects product products service services client clients customer
customers culture values value mission vision goal goals plan plans future direction growth
success challenge challenges need needs requirement requirements responsibility responsibilities
duty duties expectation expectations qualification qualifications skill skills experience
experiences background insight insights advice thought thoughts perspective perspectives time
information detail details question questions answer answers process interview interviews
conversation discussion meeting call chat day afternoon morning everything anything something
things stuff aspect aspects part parts area areas lot environment structure operation operations
strategy approach priority priorities initiative initiatives opening vacancy candidate
candidates application resume cv people employee employees staff member members colleague
colleagues everyone individuals group leadership management manager managers hiring recruitment
recruiting career careers possibility chance prospect potential way ways kind type sort bit
great exciting interesting wonderful amazing fantastic exact specific various different many
several new current upcoming open available important key main valuable helpful useful
insightful informative detailed strong good nice excellent fine best better real whole entire
general overall own certain particular unique incredible awesome fascinating cool impressive
inspiring engaging passionate dedicated hard-working talented smart personable engaged open-
minded friendly welcoming supportive collaborative is are was were be been being has have had
does do did doing make makes made making take takes took offer offers offered provide provides
provided grow grows growing expand expanding evolving change changing help helps helped like
likes seem seems seemed run runs look looks looking seek seeking want wants wanted needed
require requires required expect expected involve involves involved include includes included
handle handles manage manages create creates build builds approaches think believe believed feel
felt see saw seen said say says tell told share shared describe described explain explained
mention mentioned ask asked answered give gave given get getting learn learned hear heard know
knew find found come came went go goes use uses used put keep kept going coming today yesterday
week month within without across along among toward towards behind beyond step steps possible
possibly place shall year recently earlier later long short next last first candidate's
company's team's role's position's organisation's organization's firm's ethic ethics attitude
passion drive ability abilities talent talents dedication commitment motivation enthusiasm
personality character fit contribution contributions asset impact difference expertise knowledge
competence competencies strength strengths qualities quality confident confidence sure able
ready willing eager excited thrilled happy glad pleased possess possessed exactly perfect ideal
suited well-suited qualified capable prepared quick quickly fast learner learning meaningful
significant positive immediate solid proven track record successful effectively efficient
efficiently technical professional personal relevant transferable necessary desired suitable
matching match helping added adding bring bringing contribute contributing benefit benefits join
joining joined become becoming apply applied consider considered consideration considering
energy eagerness curiosity creativity hard addition additions busy hectic allow allowing allowed
moment moments free fill filling filled filing spare precious hour hours minute minutes guys
folks everybody somebody anybody honest honestly lovely generous patient decision decisions
motivated player players worker workers learners self-starter detail-oriented organized
organised reliable punctual flexible adaptable energetic creative hardworking diligent
dependable proactive driven ambitious keen enthusiastic committed loyal outgoing responsible
trustworthy versatile resourceful can-do people-person interpersonal communication teamwork
multitasking problem-solving add adds happen happens happening day-to-day everyday ongoing
going-on practice practices shop store stores agency studio school hospital clinic lab
laboratory site location locations branch branches facility facilities workplace premises
building headquarters hq campus impressed inspired struck fascinated intrigued surprised amazed
encouraged moved touched delighted loved liked remember remembered recall enjoyable memorable
particularly especially truly deeply really stay stayed stays stuck remain remained continue
continues continued continuing keeping staying further hopefully soon possibilities prospects
choice choices start starting caring care cares resident residents patients student students
community communities public excellence innovation innovative integrity diversity inclusion
inclusive equity commitments devotion emphasis extremely incredibly highly absolutely super
hugely massively totally completely fully sincerely genuinely gain gains gained gaining obtain
obtained acquire acquired align aligns aligned alignment understand understanding understood
overview sense idea sounds sound program programs programme programmes scheme schemes cohort
fellowship internship internships apprenticeship placement gym gyms factory factories plant
plants restaurant restaurants salon salons kitchen kitchens warehouse warehouses yard yards
depot depots floor floors reach reaching achieve achieving meet meeting tackle tackling solve
solving overcome overcoming face faces facing address addressing support supporting hit
taking pursue pursuing deliver delivering target targets ahead issue issues problem problems
succeed succeeding fresh highlighted highlight outlined wherever whatever however hurdle hurdles
obstacle obstacles objective objectives aim aims ambition ambitions task tasks effort efforts
endeavour endeavours endeavor endeavors
""".split())

# Capitalised words that name a kind of person, a title or a date, not a topic.
TITLE_WORDS = frozenset("""
i i'm i'd i've i'll company inc llc ltd corp fellow engineer engineering manager developer
designer intern director recruiter recruiting lead senior junior support software product hiring
hr ceo cto cfo coo vp team head chief officer analyst associate staff principal mr mrs ms dr mx
prof sir madam monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december linkedin email position role job
opportunity interview department human resources coordinator assistant specialist supervisor
technician nurse teacher clerk agent partner representative executive consultant administrator
marketing sales finance operations accounting customer service thank thanks dear best regards
sincerely ok okay
""".split())

EVERYDAY_COUNT = 300_000  # occurrences in the dictionary's corpus; "moment" 219k, "dog" 164k


@lru_cache(maxsize=4096)
def is_everyday(word: str) -> bool:
    """Whether `word` (lower case) is among the most frequent English words ("place",
    "taking", "shall"), which name no topic; the spelling dictionary's counts say so."""
    from followup.core.spelling import checker

    return checker().word_frequency[word] >= EVERYDAY_COUNT
