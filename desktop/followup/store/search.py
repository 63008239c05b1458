"""Full-text search over everything written in the library, kept in step by SQLite triggers.

One FTS5 table, `search_index`, holds a document per meeting notes (one person in one meeting),
general notes, follow-up draft, person card and company. Each document carries, besides its
text (`body`), who it is about (`who`: name and title) and where (`org`: company and role), so
"kafka priya" or "CTO checkout" narrow to that person or company without a second query.
Triggers on the source tables rewrite a document whenever its source row (or a name it shows)
changes, so the index follows every writer: the app, imports, deletes cascading through foreign
keys, and hand edits. `ensure_index` recreates and refills it when a table copy (a batch
migration) or anything else has dropped it.

A document's rowid is `source id * 8 + kind`, so a trigger finds it without a mapping table.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text

INDEX = "search_index"
NOTES, GENERAL, DRAFT, PERSON, COMPANY = 1, 2, 3, 4, 5
KIND_NAMES = {NOTES: "notes", GENERAL: "general", DRAFT: "draft", PERSON: "person",
              COMPANY: "company"}
MAX_DOCUMENTS = 200  # best matches fetched per query; a person reads far fewer
SNIPPET_TOKENS = 14
MARK_START, MARK_END = "\x02", "\x03"  # never typed in notes; become the highlight

CREATE_TABLE = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5(
    body, who, org, alt,
    kind UNINDEXED, meeting_id UNINDEXED, person_id UNINDEXED, attendance_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')
"""

# Letters that are not a base letter plus an accent, so unicode61 keeps them: their ASCII
# spelling goes in the `alt` column, so "soren" finds Søren and "lukasz" finds Łukasz.
LETTER_SPELLINGS = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "æ": "ae",
                    "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                    "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H"}


def _spelled(expr: str) -> str:
    for letter, ascii_ in LETTER_SPELLINGS.items():
        expr = f"replace({expr}, '{letter}', '{ascii_}')"
    return expr


_DOCUMENT_PARTS = {  # kind -> (rowid, body, who, org, meeting_id, person_id, attendance_id, FROM)
    NOTES: ("a.id * 8 + 1", "a.notes", "p.name || char(10) || p.title",
            "coalesce(c.name, '') || char(10) || mt.role", "a.meeting_id", "a.person_id", "a.id",
            "attendance a JOIN person p ON p.id = a.person_id "
            "JOIN meeting mt ON mt.id = a.meeting_id LEFT JOIN company c ON c.id = mt.company_id"),
    GENERAL: ("mt.id * 8 + 2", "mt.general_notes", "''",
              "coalesce(c.name, '') || char(10) || mt.role || char(10) || mt.location", "mt.id",
              "NULL", "NULL", "meeting mt LEFT JOIN company c ON c.id = mt.company_id"),
    DRAFT: ("f.id * 8 + 3", "f.subject || char(10) || f.body", "p.name || char(10) || p.title",
            "coalesce(c.name, '') || char(10) || mt.role", "a.meeting_id", "a.person_id", "a.id",
            "followup f JOIN attendance a ON a.id = f.attendance_id "
            "JOIN person p ON p.id = a.person_id JOIN meeting mt ON mt.id = a.meeting_id "
            "LEFT JOIN company c ON c.id = mt.company_id"),
    PERSON: ("p.id * 8 + 4", "p.card_notes", "p.name || char(10) || p.title || char(10) || p.email",
             "coalesce(c.name, '')", "NULL", "p.id", "NULL",
             "person p LEFT JOIN company c ON c.id = p.company_id"),
    COMPANY: ("c.id * 8 + 5", "''", "''", "c.name || char(10) || c.domain", "NULL", "NULL", "NULL",
              "company c"),
}
COLUMNS = "rowid, body, who, org, alt, kind, meeting_id, person_id, attendance_id"


def _documents(kind: int) -> str:
    """The documents of one kind as a SELECT of COLUMNS; callers append a WHERE clause."""
    rowid, body, who, org, meeting, person, attendance, source = _DOCUMENT_PARTS[kind]
    everything = f"{body} || ' ' || {who} || ' ' || {org}"
    alt = f"nullif({_spelled(everything)}, {everything})"
    return (f"SELECT {rowid}, {body}, {who}, {org}, {alt}, {kind}, {meeting}, {person}, "
            f"{attendance} FROM {source}")


DOCUMENTS = {kind: _documents(kind) for kind in _DOCUMENT_PARTS}
_ROWID = {kind: parts[0] for kind, parts in _DOCUMENT_PARTS.items()}


def _from_clause(kind: int) -> str:
    return _DOCUMENT_PARTS[kind][-1]


def _reindex(kind: int, where: str) -> str:
    """Statements that rewrite the documents of `kind` whose source rows match `where`."""
    return (f"DELETE FROM {INDEX} WHERE rowid IN (SELECT {_ROWID[kind]} FROM "
            f"{_from_clause(kind)} WHERE {where});\n"
            f"INSERT INTO {INDEX} ({COLUMNS}) {DOCUMENTS[kind]} WHERE {where};")


def _insert(kind: int, where: str) -> str:
    return f"INSERT INTO {INDEX} ({COLUMNS}) {DOCUMENTS[kind]} WHERE {where};"


def _delete_one(kind: int, source_id: str) -> str:
    return f"DELETE FROM {INDEX} WHERE rowid = {source_id} * 8 + {kind};"


# name -> (event, body). UPDATE OF lists only the columns a document shows, so starting a
# meeting or changing a status never touches the index. Autosave (attendance.notes) rewrites
# one document by rowid.
TRIGGERS = {
    "search_attendance_insert": ("AFTER INSERT ON attendance", _insert(NOTES, "a.id = new.id")),
    "search_attendance_notes": (
        "AFTER UPDATE OF notes ON attendance",
        _delete_one(NOTES, "old.id") + "\n" + _insert(NOTES, "a.id = new.id")),
    "search_attendance_moved": (
        "AFTER UPDATE OF person_id, meeting_id ON attendance",
        _reindex(NOTES, "a.id = new.id") + "\n" + _reindex(DRAFT, "a.id = new.id")),
    "search_attendance_delete": ("AFTER DELETE ON attendance", _delete_one(NOTES, "old.id")),
    "search_meeting_insert": ("AFTER INSERT ON meeting", _insert(GENERAL, "mt.id = new.id")),
    "search_meeting_notes": (
        "AFTER UPDATE OF general_notes, location ON meeting",
        _delete_one(GENERAL, "old.id") + "\n" + _insert(GENERAL, "mt.id = new.id")),
    "search_meeting_org": (
        "AFTER UPDATE OF company_id, role ON meeting",
        "\n".join((_reindex(GENERAL, "mt.id = new.id"), _reindex(NOTES, "mt.id = new.id"),
                   _reindex(DRAFT, "mt.id = new.id")))),
    "search_meeting_delete": ("AFTER DELETE ON meeting", _delete_one(GENERAL, "old.id")),
    "search_person_insert": ("AFTER INSERT ON person", _insert(PERSON, "p.id = new.id")),
    "search_person_card": (
        "AFTER UPDATE OF card_notes, email ON person",
        _delete_one(PERSON, "old.id") + "\n" + _insert(PERSON, "p.id = new.id")),
    "search_person_who": (
        "AFTER UPDATE OF name, title, company_id ON person",
        "\n".join((_reindex(PERSON, "p.id = new.id"), _reindex(NOTES, "p.id = new.id"),
                   _reindex(DRAFT, "p.id = new.id")))),
    "search_person_delete": ("AFTER DELETE ON person", _delete_one(PERSON, "old.id")),
    "search_company_insert": ("AFTER INSERT ON company", _insert(COMPANY, "c.id = new.id")),
    "search_company_name": (
        "AFTER UPDATE OF name, domain ON company",
        "\n".join((_reindex(COMPANY, "c.id = new.id"), _reindex(GENERAL, "c.id = new.id"),
                   _reindex(NOTES, "c.id = new.id"), _reindex(DRAFT, "c.id = new.id"),
                   _reindex(PERSON, "c.id = new.id")))),
    "search_company_delete": ("AFTER DELETE ON company", _delete_one(COMPANY, "old.id")),
    "search_followup_insert": ("AFTER INSERT ON followup", _insert(DRAFT, "f.id = new.id")),
    "search_followup_text": (
        "AFTER UPDATE OF subject, body ON followup",
        _delete_one(DRAFT, "old.id") + "\n" + _insert(DRAFT, "f.id = new.id")),
    "search_followup_delete": ("AFTER DELETE ON followup", _delete_one(DRAFT, "old.id")),
}


def create_statements() -> list[str]:
    """The DDL of the index and its triggers, in order (the migration and `ensure_index`)."""
    statements = [CREATE_TABLE]
    for name, (event, body) in TRIGGERS.items():
        statements.append(f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN\n{body}\nEND")
    return statements


def drop_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS] + [
        f"DROP TABLE IF EXISTS {INDEX}"]


def fill_statements() -> list[str]:
    """Empty the index and index every source row again."""
    return [f"DELETE FROM {INDEX}"] + [
        f"INSERT INTO {INDEX} ({COLUMNS}) {DOCUMENTS[kind]}" for kind in DOCUMENTS] + [
        f"INSERT INTO {INDEX} ({INDEX}) VALUES ('optimize')"]


def is_index_table(name: str) -> bool:
    """The FTS table and its shadow tables: not part of the SQLAlchemy models."""
    return name == INDEX or name.startswith(INDEX + "_")


def not_index_table(name, type_, _parent_names) -> bool:
    """Alembic's `include_name` hook: autogenerate and schema comparison skip the index."""
    return not (type_ == "table" and is_index_table(name))


def index_is_complete(conn) -> bool:
    """True when the table and every trigger exist (a batch migration drops a table's
    triggers with the table it copies)."""
    names = {row[0] for row in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    return INDEX in names and all(name in names for name in TRIGGERS)


def ensure_index(engine) -> bool:
    """Create and fill the index when it or a trigger is missing; True when it did.

    Cheap when nothing is missing (one read of sqlite_master), so it runs at every open.
    """
    with engine.connect() as conn:
        if index_is_complete(conn):
            return False
    with engine.begin() as conn:
        rebuild(conn)
    return True


def rebuild(conn) -> None:
    """Drop, recreate and refill the index and its triggers in the caller's transaction."""
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


def _chunks(query: str) -> tuple[list[tuple[str, bool, bool]], bool]:
    """(text, is phrase, excluded) for each word or quoted phrase, and whether a quote was
    left open."""
    chunks, i, unclosed = [], 0, False
    while i < len(query):
        if query[i].isspace():
            i += 1
            continue
        excluded = query[i] == "-" and i + 1 < len(query) and not query[i + 1].isspace()
        start = i + 1 if excluded else i
        if start < len(query) and query[start] == '"':
            end = query.find('"', start + 1)
            if end < 0:
                unclosed, end = True, len(query)
            chunks.append((query[start + 1:end], True, excluded))
            i = end + 1
        else:
            end = start
            while end < len(query) and not query[end].isspace() and query[end] != '"':
                end += 1
            chunks.append((query[start:end] if end > start else query[i], False, excluded))
            i = max(end, i + 1)
    return chunks, unclosed


def parse_query(query: str) -> ParsedQuery:
    """Turn what the user typed into a safe FTS5 MATCH expression.

    Words must all appear (in the text, the person's name or title, or the company);
    "quoted words" must appear together; -word leaves out what contains it; OR between two
    words accepts either. The last word is a prefix unless a space follows it, so results
    come as the user types. Everything else is quoted, so FTS5 syntax (NEAR, *, ^, :,
    brackets) can never make the query fail: it is searched as words and a message says so.
    """
    chunks, unclosed = _chunks(query)
    messages, ignored = [], []
    if unclosed:
        messages.append("The quote is not closed yet: searching the words after it as a "
                        "phrase; close it with another \".")
    groups: list[list[str]] = []
    excluded: list[str] = []
    or_next = False
    typing_last = bool(query) and not query[-1].isspace() and not (query.endswith('"')
                                                                    and not unclosed)
    for index, (chunk, phrase, exclude) in enumerate(chunks):
        last = index == len(chunks) - 1
        if not phrase and chunk == "OR" and groups and not last:
            or_next = True
            continue
        if not phrase and chunk in ("AND", "NOT") and not last:
            messages.append(f"{chunk} is not needed: words are all required; put - before "
                            "a word to leave it out.")
            continue
        if not _has_word(chunk):
            ignored.append(chunk or '""')
            or_next = False
            continue
        if not phrase and _OPERATOR_CHARS & set(chunk):
            messages.append(f"{chunk} was searched as words: brackets and * ^ : + are not "
                            "operators here.")
        term = _quoted(chunk, prefix=last and typing_last and (not phrase or unclosed))
        if exclude:
            excluded.append(term)
        elif or_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        or_next = False
    if ignored:
        shown = ", ".join(f"“{c}”" for c in ignored)
        messages.append(f"{shown} ignored: search looks for words. Put - right before a word "
                        "to leave it out, as in -recruiter.")
    if not groups:
        if excluded:
            messages.append("Add a word to look for: - only leaves words out of what the "
                            "other words found.")
        return ParsedQuery(None, " ".join(messages))
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    match = positive + "".join(f" NOT {term}" for term in excluded)
    return ParsedQuery(match, " ".join(messages))


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

    @property
    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


_HITS_SQL = f"""
SELECT rowid, kind, meeting_id, person_id, attendance_id, who,
       snippet({INDEX}, 0, char(2), char(3), '…', {SNIPPET_TOKENS})
FROM {INDEX} WHERE {INDEX} MATCH :match ORDER BY bm25({INDEX}, 1.0, 2.0, 1.5, 1.0) LIMIT :limit
"""


def search(library, query: str, limit: int = MAX_DOCUMENTS) -> SearchResult:
    """The best matches for `query`, grouped by meeting (best meeting first).

    Never raises for what the user typed: a query FTS5 still refuses comes back as a
    SearchResult with no groups and a message.
    """
    parsed = parse_query(query)
    if parsed.match is None:
        return SearchResult(query, (), parsed.message)
    try:
        with library.engine.connect() as conn:
            rows = conn.execute(text(_HITS_SQL), {"match": parsed.match, "limit": limit}).all()
            meetings = _meeting_facts(conn, {r[2] for r in rows if r[2] is not None})
    except Exception as exc:  # noqa: BLE001 - a query must never reach the user as a traceback
        if not isinstance(getattr(exc, "orig", exc), sqlite3.OperationalError):
            raise
        return SearchResult(query, (), "Followup could not read that search; try plain words "
                            "and \"quoted phrases\".")
    return SearchResult(query, _group(rows, meetings), parsed.message)


def _meeting_facts(conn, ids: set[int]) -> dict[int, tuple[str, str, datetime | None]]:
    if not ids:
        return {}
    marks = ",".join(str(int(i)) for i in ids)
    rows = conn.exec_driver_sql(
        "SELECT mt.id, coalesce(c.name, ''), mt.role, "
        "coalesce(mt.started_at, mt.scheduled_start, mt.created_at) FROM meeting mt "
        f"LEFT JOIN company c ON c.id = mt.company_id WHERE mt.id IN ({marks})").all()
    return {r[0]: (r[1], r[2], _as_utc(r[3])) for r in rows}


def _group(rows, meetings) -> tuple[MeetingResult, ...]:
    """Hits by meeting, best meeting first; the people and companies group comes last."""
    grouped: dict[int | None, list[Hit]] = {}
    in_meetings = {r[3] for r in rows if r[2] is not None}
    for rowid, kind, meeting_id, person_id, attendance_id, who, snippet in rows:
        if meeting_id is not None and meeting_id not in meetings:
            continue  # deleted between the two reads
        if kind == PERSON and person_id in in_meetings and MARK_START not in (snippet or ""):
            continue  # only the name matched, and their meetings already show them
        name, _, title = (who or "").partition("\n")
        grouped.setdefault(meeting_id, []).append(Hit(
            kind=KIND_NAMES[kind], meeting_id=meeting_id, person_id=person_id,
            attendance_id=attendance_id, person=name, title=title.split("\n")[0],
            snippet=Marked.from_markers(snippet or ""), rowid=rowid))
    order = sorted(grouped, key=lambda meeting_id: meeting_id is None)  # stable: rank kept
    return tuple(MeetingResult(meeting_id, *meetings.get(meeting_id, ("", "", None)),
                               hits=tuple(grouped[meeting_id])) for meeting_id in order)


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
    except Exception as exc:  # noqa: BLE001
        if not isinstance(getattr(exc, "orig", exc), sqlite3.OperationalError):
            raise
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
    except Exception as exc:  # noqa: BLE001
        if not isinstance(getattr(exc, "orig", exc), sqlite3.OperationalError):
            raise
        return []
    wanted = _fold(words)
    found = []
    for meeting_id, attendance_id, pid, who, body in rows:
        lines = who.split("\n")
        same = pid == person_id if person_id is not None else (
            _fold(lines[0]) == wanted
            or bool(email.strip()) and email.strip().casefold() == lines[-1].casefold())
        if same and meeting_id != except_meeting and meeting_id in facts:
            company, role, when = facts[meeting_id]
            found.append(EarlierMeeting(meeting_id, attendance_id, company, role, when, body))
    return sorted(found, key=lambda e: e.when or datetime.min.replace(tzinfo=UTC),
                  reverse=True)


def _fold(value: str) -> str:
    """Case and diacritics folded, as the index compares words."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _as_utc(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
