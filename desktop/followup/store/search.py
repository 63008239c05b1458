"""Full-text search over everything written in the library, kept in step by SQLite triggers.

An FTS5 table, `search_index`, has a document per meeting notes (one person in one meeting),
general notes, follow-up draft, person card and company. Each document carries, besides its
text (`body`), who it is about (`who`: name and title) and where (`org`: company and role), so
"kafka priya" or "CTO checkout" narrow to that person or company without a second query.

The index stores no copy of the text (external content): it reads the text back through the
view `search_source`, driven by `search_doc`, the list of documents indexed. That keeps the
library small, but FTS5 must be told a document's old values to remove it, so every change to
a table a document reads is bracketed by two triggers: BEFORE it, the documents it touches are
removed with the values the view still shows; AFTER it, they are added with the new ones. A
parent deleted first removes its children's documents (SQLite deletes the parent row before
the cascade reaches the children, so the children's own triggers then find nothing to remove).
The index therefore follows every writer: the app, imports, cascading deletes, hand edits.
`ensure_index` recreates and refills it when a table copy (a batch migration) dropped a trigger.

A document's id is `source row id * 8 + kind`, so a trigger computes it without a lookup.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from followup.core.folding import LETTER_SPELLINGS, fold
from followup.store.views import aware_utc

log = logging.getLogger(__name__)

INDEX = "search_index"
SOURCE = "search_source"
DOCS = "search_doc"
NOTES, GENERAL, DRAFT, PERSON, COMPANY = 1, 2, 3, 4, 5
KIND_NAMES = {NOTES: "notes", GENERAL: "general", DRAFT: "draft", PERSON: "person",
              COMPANY: "company"}
MAX_DOCUMENTS = 60  # best matches fetched per query; a person reads far fewer
SNIPPET_TOKENS = 14
MARK_START, MARK_END = "\x02", "\x03"  # never typed in notes; become the highlight
COLUMNS = "body, who, org, alt, kind, meeting_id, person_id, attendance_id"

def _spelled(expr: str) -> str:
    for letter, ascii_ in LETTER_SPELLINGS.items():
        expr = f"replace({expr}, '{letter}', '{ascii_}')"
    return expr


# kind -> (source id, body, who, org, meeting_id, person_id, attendance_id, FROM)
_PARTS = {
    NOTES: ("a.id", "a.notes", "p.name || char(10) || p.title",
            "coalesce(c.name, '') || char(10) || mt.role", "a.meeting_id", "a.person_id", "a.id",
            "attendance a JOIN person p ON p.id = a.person_id "
            "JOIN meeting mt ON mt.id = a.meeting_id LEFT JOIN company c ON c.id = mt.company_id"),
    GENERAL: ("mt.id", "mt.general_notes", "''",
              "coalesce(c.name, '') || char(10) || mt.role || char(10) || mt.location", "mt.id",
              "NULL", "NULL", "meeting mt LEFT JOIN company c ON c.id = mt.company_id"),
    DRAFT: ("f.id", "f.subject || char(10) || f.body", "p.name || char(10) || p.title",
            "coalesce(c.name, '') || char(10) || mt.role", "a.meeting_id", "a.person_id", "a.id",
            "followup f JOIN attendance a ON a.id = f.attendance_id "
            "JOIN person p ON p.id = a.person_id JOIN meeting mt ON mt.id = a.meeting_id "
            "LEFT JOIN company c ON c.id = mt.company_id"),
    PERSON: ("p.id", "p.card_notes", "p.name || char(10) || p.title || char(10) || p.email",
             "coalesce(c.name, '')", "NULL", "p.id", "NULL",
             "person p LEFT JOIN company c ON c.id = p.company_id"),
    COMPANY: ("c.id", "''", "''", "c.name || char(10) || c.domain", "NULL", "NULL", "NULL",
              "company c"),
}


def _doc_id(kind: int) -> str:
    return f"{_PARTS[kind][0]} * 8 + {kind}"


def _values(kind: int) -> str:
    """The indexed columns of one kind of document, in COLUMNS order."""
    _key, body, who, org, meeting, person, attendance, _source = _PARTS[kind]
    alt = f"nullif({_spelled(who + ' || char(10) || ' + org)}, {who} || char(10) || {org})"
    return f"{body}, {who}, {org}, {alt}, {kind}, {meeting}, {person}, {attendance}"


def _view_sql() -> str:
    arms = [f"SELECT d.id AS id, {_values(kind)} FROM {DOCS} d, {parts[-1]} "
            f"WHERE {parts[0]} = d.id / 8 AND d.id % 8 = {kind}" for kind, parts in _PARTS.items()]
    names = "id, " + COLUMNS
    return f"CREATE VIEW IF NOT EXISTS {SOURCE} ({names}) AS\n" + "\nUNION ALL\n".join(arms)


CREATE_STATEMENTS = [
    f"CREATE TABLE IF NOT EXISTS {DOCS} (id INTEGER PRIMARY KEY)",
    _view_sql(),
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5(
        body, who, org, alt,
        kind UNINDEXED, meeting_id UNINDEXED, person_id UNINDEXED, attendance_id UNINDEXED,
        content = '{SOURCE}', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2')""",
]


def _ids(kind: int, where: str) -> str:
    return f"SELECT {_doc_id(kind)} FROM {_PARTS[kind][-1]} WHERE {where}"


def _remove(kind: int, where: str) -> str:
    """Take the matching documents out, with the values the sources hold now (as indexed).
    Read from the sources rather than the view: SQLite pushes `id = ?` into a UNION ALL
    view, but not `id IN (SELECT ...)`, and this runs on every autosave."""
    return (f"INSERT INTO {INDEX} ({INDEX}, rowid, {COLUMNS}) "
            f"SELECT 'delete', {_doc_id(kind)}, {_values(kind)} FROM {_PARTS[kind][-1]} "
            f"WHERE {where} AND {_doc_id(kind)} IN (SELECT id FROM {DOCS});\n"
            f"DELETE FROM {DOCS} WHERE id IN ({_ids(kind, where)});")


def _add(kind: int, where: str) -> str:
    """Index the matching documents that are not indexed yet."""
    return (f"INSERT INTO {INDEX} (rowid, {COLUMNS}) SELECT {_doc_id(kind)}, {_values(kind)} "
            f"FROM {_PARTS[kind][-1]} WHERE {where} "
            f"AND {_doc_id(kind)} NOT IN (SELECT id FROM {DOCS});\n"
            f"INSERT OR IGNORE INTO {DOCS} (id) {_ids(kind, where)};")


# What each change touches: table -> [(columns updated or None for insert/delete, documents as
# (kind, WHERE on the source query))]. `row` stands for old (before) or new (after).
_TOUCHES = {
    "attendance": [
        ("notes", [(NOTES, "a.id = row.id")]),
        ("person_id, meeting_id", [(NOTES, "a.id = row.id"), (DRAFT, "a.id = row.id")]),
    ],
    "meeting": [
        ("general_notes, location", [(GENERAL, "mt.id = row.id")]),
        ("company_id, role", [(GENERAL, "mt.id = row.id"), (NOTES, "mt.id = row.id"),
                              (DRAFT, "mt.id = row.id")]),
    ],
    "person": [
        ("card_notes, email", [(PERSON, "p.id = row.id")]),
        ("name, title, company_id", [(PERSON, "p.id = row.id"), (NOTES, "p.id = row.id"),
                                     (DRAFT, "p.id = row.id")]),
    ],
    "company": [
        ("name, domain", [(COMPANY, "c.id = row.id"), (GENERAL, "c.id = row.id"),
                          (NOTES, "c.id = row.id"), (DRAFT, "c.id = row.id"),
                          (PERSON, "c.id = row.id")]),
    ],
    "followup": [
        ("subject, body, attendance_id", [(DRAFT, "f.id = row.id")]),
    ],
}
_OWN_KIND = {"attendance": NOTES, "meeting": GENERAL, "person": PERSON, "company": COMPANY,
             "followup": DRAFT}


def _triggers() -> dict[str, tuple[str, str]]:
    """name -> (event, body). Autosave (UPDATE OF notes) touches one document."""
    out: dict[str, tuple[str, str]] = {}
    for table, changes in _TOUCHES.items():
        own = _OWN_KIND[table]
        alias = _PARTS[own][0].split(".")[0]
        out[f"search_{table}_insert"] = (
            f"AFTER INSERT ON {table}", _add(own, f"{alias}.id = new.id"))
        # Deleting a row removes every document that reads it (see the module docstring).
        everything = {kind: where for _cols, docs in changes for kind, where in docs}
        out[f"search_{table}_delete"] = (f"BEFORE DELETE ON {table}", "\n".join(
            _remove(kind, where.replace("row.", "old.")) for kind, where in everything.items()))
        for number, (columns, docs) in enumerate(changes, start=1):
            out[f"search_{table}_update{number}_before"] = (
                f"BEFORE UPDATE OF {columns} ON {table}",
                "\n".join(_remove(k, w.replace("row.", "old.")) for k, w in docs))
            out[f"search_{table}_update{number}_after"] = (
                f"AFTER UPDATE OF {columns} ON {table}",
                "\n".join(_add(k, w.replace("row.", "new.")) for k, w in docs))
    return out


TRIGGERS = _triggers()


def create_statements() -> list[str]:
    """The DDL of the index, its view and its triggers, in order."""
    return CREATE_STATEMENTS + [
        f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN\n{body}\nEND"
        for name, (event, body) in TRIGGERS.items()]


def drop_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS] + [
        f"DROP TABLE IF EXISTS {INDEX}", f"DROP VIEW IF EXISTS {SOURCE}",
        f"DROP TABLE IF EXISTS {DOCS}"]


def fill_statements() -> list[str]:
    """Index every source row (on an empty index)."""
    out = []
    for kind, parts in _PARTS.items():
        out.append(f"INSERT INTO {INDEX} (rowid, {COLUMNS}) SELECT {_doc_id(kind)}, "
                   f"{_values(kind)} FROM {parts[-1]}")
        out.append(f"INSERT INTO {DOCS} (id) SELECT {_doc_id(kind)} FROM {parts[-1]}")
    return out + [f"INSERT INTO {INDEX} ({INDEX}) VALUES ('optimize')"]


def is_index_table(name: str) -> bool:
    """The FTS table, its shadow tables and its list of documents: not in the models."""
    return name in (INDEX, DOCS) or name.startswith(INDEX + "_")


def not_index_table(name, type_, _parent_names) -> bool:
    """Alembic's `include_name` hook: autogenerate and schema comparison skip the index."""
    return not (type_ == "table" and is_index_table(name))


def index_is_complete(conn) -> bool:
    """True when the table, the view and every trigger exist (a batch migration drops a
    table's triggers with the table it copies)."""
    names = {row[0] for row in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")}
    return {INDEX, SOURCE, DOCS, *TRIGGERS} <= names


@contextmanager
def tables_may_be_copied(connection):
    """Let a migration copy a table the index reads (Alembic's batch mode: create a copy, drop
    the table, rename the copy). SQLite refuses the rename while the index's view and triggers
    name the dropped table, unless in legacy mode, where it renames without checking them:
    they name the table, which exists again afterwards. The triggers dropped with the old
    table are recreated by `ensure_index` at the next open."""
    connection.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA legacy_alter_table = OFF")


def ensure_index(engine) -> bool:
    """Create and fill the index when any part of it is missing; True when it did.

    Cheap when nothing is missing (one read of sqlite_master), so it runs at every open.
    """
    with engine.connect() as conn:
        if index_is_complete(conn):
            return False
    started = time.perf_counter()
    with engine.begin() as conn:
        rebuild(conn)
    log.info("search index rebuilt in %.1f s", time.perf_counter() - started)
    return True


def rebuild(conn) -> None:
    """Drop, recreate and refill the index in the caller's transaction."""
    for statement in drop_statements() + create_statements() + fill_statements():
        conn.exec_driver_sql(statement)


# --- the query ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query as an FTS5 MATCH expression (None: nothing to search) and a plain
    message about anything in it that was ignored or read differently ('' when none)."""

    match: str | None
    message: str = ""


_OPERATOR_CHARS = set('()*^:{}+')


def _has_word(chunk: str) -> bool:
    # unicode61 makes tokens of letters and numbers; anything else only separates them.
    return any(ch.isalnum() or unicodedata.category(ch) == "Co" for ch in chunk)


def _quoted(chunk: str, prefix: bool) -> str:
    return '"' + chunk.replace('"', '""') + '"' + (" *" if prefix else "")


# A word, or a quoted phrase (to the end when the quote is not closed), each after an
# optional "-" that excludes it; a "-" alone is a word.
_CHUNK = re.compile(r'(?P<excluded>-(?=\S))?(?:"(?P<phrase>[^"]*)(?P<closed>"?)|(?P<word>[^\s"]+))')


def _chunks(query: str) -> tuple[list[tuple[str, bool, bool]], bool]:
    """(text, is phrase, excluded) for each word or quoted phrase, and whether a quote was
    left open."""
    chunks, unclosed = [], False
    for found in _CHUNK.finditer(query):
        phrase = found["word"] is None
        unclosed |= phrase and not found["closed"]
        chunks.append((found["phrase"] if phrase else found["word"], phrase,
                       found["excluded"] is not None))
    return chunks, unclosed


def parse_query(query: str) -> ParsedQuery:
    """Turn what the user typed into a safe FTS5 MATCH expression.

    Words must all appear (in the text, the person's name or title, or the company);
    "quoted words" must appear together; -word (or NOT word) leaves out what contains it;
    OR between two words accepts either. The last word (from its second letter) is a prefix
    unless a space follows it, so results come as the user types. Everything else is quoted,
    so FTS5 syntax (NEAR, *, ^, :, brackets) can never make the query fail: it is searched
    as words and a message says so.
    """
    chunks, unclosed = _chunks(query)
    messages = ["The quote is not closed yet: searching the words after it as a phrase; "
                "close it with another \"."] if unclosed else []
    groups: list[list[str]] = []  # each group: terms joined by OR; groups joined by AND
    excluded: list[str] = []
    ignored: list[str] = []
    pending = ""  # OR or NOT, waiting for the word after it
    for index, (chunk, phrase, exclude) in enumerate(chunks):
        if not phrase and chunk in ("AND", "OR", "NOT"):
            pending = "" if chunk == "AND" else chunk
            continue
        if not _has_word(chunk):
            ignored.append(chunk or '""')
            pending = ""
            continue
        if not phrase and _OPERATOR_CHARS & set(chunk):
            messages.append(f"{chunk} was searched as words: brackets and * ^ : + are not "
                            "operators here.")
        last = index == len(chunks) - 1
        term = _quoted(chunk, prefix=last and _still_typing(query, chunk, phrase, unclosed))
        if exclude or pending == "NOT":
            excluded.append(term)
        elif pending == "OR" and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending = ""
    return _expression(groups, excluded, messages + _ignored_message(ignored))


def _still_typing(query: str, chunk: str, phrase: bool, unclosed: bool) -> bool:
    """The last word is being typed (no space or closing quote after it) and has two letters
    or more: one letter would expand to most of the vocabulary."""
    if query[-1:].isspace() or (phrase and not unclosed):
        return False
    words = chunk.split()
    return len(words[-1] if words else chunk) > 1


def _ignored_message(ignored: list[str]) -> list[str]:
    if not ignored:
        return []
    shown = ", ".join(f"“{c}”" for c in ignored)
    return [f"{shown} ignored: search looks for words. Put - right before a word to leave it "
            "out, as in -recruiter."]


def _expression(groups: list[list[str]], excluded: list[str], messages: list[str]):
    if not groups:
        if excluded:
            messages.append("Add a word to look for: - only leaves words out of what the "
                            "other words found.")
        return ParsedQuery(None, " ".join(messages))
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return ParsedQuery(positive + "".join(f" NOT {t}" for t in excluded), " ".join(messages))


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    """Text with the matched words marked: (piece, is a match) in order."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.parts)

    @property
    def matched(self) -> bool:
        return any(hit for _, hit in self.parts)

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of the matches in `text`."""
        out, at = [], 0
        for piece, hit in self.parts:
            if hit:
                out.append((at, at + len(piece)))
            at += len(piece)
        return out

    @classmethod
    def from_markers(cls, value: str) -> Marked:
        parts: list[tuple[str, bool]] = []
        for i, chunk in enumerate(value.split(MARK_START)):
            if i == 0:
                parts.append((chunk, False))
                continue
            hit, _, rest = chunk.partition(MARK_END)
            parts += [(hit, True), (rest, False)]
        return cls(tuple(p for p in parts if p[0]))


@dataclass(frozen=True)
class Hit:
    """One matching document: where it lives and a snippet of it."""

    kind: str  # notes, general, draft, person or company
    meeting_id: int | None
    person_id: int | None
    attendance_id: int | None
    person: str  # the person's name, '' for general notes and companies
    title: str
    snippet: Marked
    rowid: int
    company: str = ""  # the company (of the meeting, or the person's, or the company itself)


@dataclass(frozen=True)
class MeetingResult:
    """The hits of one meeting (meeting_id None: people and companies met in no meeting)."""

    meeting_id: int | None
    company: str
    role: str
    when: datetime | None
    hits: tuple[Hit, ...]

    @property
    def heading(self) -> str:
        if self.meeting_id is None:
            return "People and companies"
        return " — ".join(x for x in (self.company, self.role) if x) or "Meeting"


@dataclass(frozen=True)
class SearchResult:
    query: str
    groups: tuple[MeetingResult, ...] = ()
    message: str = ""
    more: bool = False  # more documents matched than were fetched

    @property
    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


RANKED_AT_MOST = 300  # more matches than this (a word half typed) come newest first
_HITS = f"""
SELECT rowid, kind, meeting_id, person_id, attendance_id, who,
       snippet({INDEX}, 0, char(2), char(3), '…', {SNIPPET_TOKENS}), org
FROM {INDEX} WHERE {INDEX} MATCH :match ORDER BY {{order}} LIMIT :limit
"""
_BY_RELEVANCE = _HITS.format(order=f"bm25({INDEX}, 1.0, 2.0, 1.5, 1.5)")
_NEWEST_FIRST = _HITS.format(order="rowid DESC")
_COUNT = f"SELECT count(*) FROM (SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH :match LIMIT :cap)"


def search(library, query: str, limit: int = MAX_DOCUMENTS) -> SearchResult:
    """The matches for `query`, grouped by meeting: by relevance (BM25, a match in a name or
    title counting double) when there are up to RANKED_AT_MOST, else the most recently added, as
    ranking thousands of matches of a half-typed word would lag behind the typing.

    Never raises for what the user typed: a query FTS5 still refuses comes back as a
    SearchResult with no groups and a message.
    """
    parsed = parse_query(query)
    if parsed.match is None:
        return SearchResult(query, (), parsed.message)
    values = {"match": parsed.match, "limit": limit, "cap": RANKED_AT_MOST + 1}
    try:
        with library.engine.connect() as conn:
            ranked = conn.execute(text(_COUNT), values).scalar() <= RANKED_AT_MOST
            rows = conn.execute(text(_BY_RELEVANCE if ranked else _NEWEST_FIRST), values).all()
            meetings = _meeting_facts(conn, {r[2] for r in rows if r[2] is not None})
    except (OperationalError, sqlite3.OperationalError):  # FTS5 refused the query: no traceback
        return SearchResult(query, (), "Followup could not read that search; try plain words "
                            "and \"quoted phrases\".")
    return SearchResult(query, _group(rows, meetings, ranked), parsed.message,
                        more=len(rows) == limit)


def _meeting_facts(conn, ids: set[int]) -> dict[int, tuple[str, str, datetime | None]]:
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = conn.exec_driver_sql(
        "SELECT mt.id, coalesce(c.name, ''), mt.role, "
        "coalesce(mt.started_at, mt.scheduled_start, mt.created_at) FROM meeting mt "
        f"LEFT JOIN company c ON c.id = mt.company_id WHERE mt.id IN ({marks})").all()
    return {r[0]: (r[1], r[2], aware_utc(r[3])) for r in rows}


def _group(rows, meetings, ranked: bool) -> tuple[MeetingResult, ...]:
    """Hits by meeting, the best (or newest) meeting first; people and companies last."""
    grouped: dict[int | None, list[Hit]] = {}
    shown_people = {r[3] for r in rows if r[2] is not None}
    shown_companies = {facts[0] for facts in meetings.values()}
    for row in rows:
        meeting_id = row[2]
        if meeting_id is not None and meeting_id not in meetings:
            continue  # deleted between the two reads
        hit = _hit(row)
        if _shown_elsewhere(hit, shown_people, shown_companies):
            continue
        grouped.setdefault(meeting_id, []).append(hit)

    def newest_first(meeting_id):
        when = meetings.get(meeting_id, ("", "", None))[2]
        return -when.timestamp() if when else 0

    order = sorted(grouped, key=lambda meeting_id: (  # stable: the rank order is kept
        meeting_id is None, 0 if ranked else newest_first(meeting_id)))
    return tuple(MeetingResult(meeting_id, *meetings.get(meeting_id, ("", "", None)),
                               hits=tuple(grouped[meeting_id])) for meeting_id in order)


def _hit(row) -> Hit:
    rowid, kind, meeting_id, person_id, attendance_id, who, snippet, org = row
    name, _, title = (who or "").partition("\n")
    return Hit(kind=KIND_NAMES[kind], meeting_id=meeting_id, person_id=person_id,
               attendance_id=attendance_id, person=name, title=title.split("\n")[0],
               snippet=Marked.from_markers(snippet or ""), rowid=rowid,
               company=(org or "").split("\n")[0])


def _shown_elsewhere(hit: Hit, people: set, companies: set) -> bool:
    """A card or company that matched only by its name, when its meetings are in the results
    already: listing it again would add nothing."""
    if hit.snippet.matched:
        return False
    return (hit.kind == "person" and hit.person_id in people
            or hit.kind == "company" and hit.company in companies)


def match_spans(library, query: str, rowid: int) -> list[tuple[int, int]]:
    """Where `query` matches in the body of one document, as character offsets, so a window
    can select the match ([] when the query no longer matches it)."""
    parsed = parse_query(query)
    if parsed.match is None:
        return []
    try:
        with library.engine.connect() as conn:
            row = conn.execute(text(
                f"SELECT highlight({INDEX}, 0, char(2), char(3)) FROM {INDEX} "
                f"WHERE {INDEX} MATCH :match AND rowid = :rowid"),
                {"match": parsed.match, "rowid": rowid}).first()
    except (OperationalError, sqlite3.OperationalError):
        return []
    return Marked.from_markers(row[0] or "").spans() if row else []


# --- met before -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EarlierMeeting:
    meeting_id: int
    attendance_id: int
    company: str
    role: str
    when: datetime | None
    notes: str

    @property
    def heading(self) -> str:
        return " — ".join(x for x in (self.company, self.role) if x) or "Meeting"


def met_before(library, name: str, person_id: int | None = None, email: str = "",
               except_meeting: int | None = None) -> list[EarlierMeeting]:
    """Earlier meetings with someone, newest first, found through the index by their name.

    With `person_id`, only that person's meetings; without (someone just typed into a new
    meeting), anyone of that exact name, or with that email. Raises nothing for odd names.
    """
    words = name.strip()
    if not _has_word(words):
        return []
    match = "{who alt} : " + _quoted(words, prefix=False)
    if email.strip():
        match = f"({match}) OR (who : {_quoted(email.strip(), prefix=False)})"
    try:
        with library.engine.connect() as conn:
            rows = conn.execute(text(
                f"SELECT meeting_id, attendance_id, person_id, who, body FROM {INDEX} "
                f"WHERE {INDEX} MATCH :match AND kind = {NOTES}"), {"match": match}).all()
            facts = _meeting_facts(conn, {r[0] for r in rows})
    except (OperationalError, sqlite3.OperationalError):
        return []
    wanted = fold(words)
    found = []
    for meeting_id, attendance_id, pid, who, body in rows:
        lines = who.split("\n")
        same = pid == person_id if person_id is not None else (
            fold(lines[0]) == wanted
            or bool(email.strip()) and email.strip().casefold() == lines[-1].casefold())
        if same and meeting_id != except_meeting and meeting_id in facts:
            company, role, when = facts[meeting_id]
            found.append(EarlierMeeting(meeting_id, attendance_id, company, role, when, body))
    return sorted(found, key=lambda e: e.when or datetime.min.replace(tzinfo=UTC),
                  reverse=True)
