"""Search on a real library file: the index follows every write, survives an upgrade, is rebuilt
when missing, and no query a person can type raises."""

from __future__ import annotations

import random
import sqlite3

import pytest

from followup.store import schema
from followup.store import search as s
from followup.store.interchange import export_library, import_library
from followup.store.library import Library, MeetingInput, PersonSpec
from tests.library_checks import check_index, current_revision


def _meeting(library, company="Acme", people=(), role="Backend Engineer", notes=""):
    return library.create_meeting(MeetingInput(
        company=company, role=role, general_notes=notes,
        people=[PersonSpec(name=n, title=t, notes=x) for n, t, x in people]))


def _hits(library, query):
    return [(h.kind, h.person, h.meeting_id) for g in s.search(library, query).groups
            for h in g.hits]


def _people_found(library, query):
    return {h.person for g in s.search(library, query).groups for h in g.hits if h.person}


def _assert_no_drift(library):
    """The index agrees token for token with the text it points at, and lists exactly the
    documents a rebuild from the source tables would."""
    expected = " UNION ALL ".join(
        f"SELECT {s._doc_id(kind)} FROM {parts[-1]}" for kind, parts in s._PARTS.items())
    with library.engine.connect() as conn:
        check_index(conn)
        listed = conn.exec_driver_sql("SELECT id FROM search_doc ORDER BY id").scalars().all()
        assert listed == sorted(conn.exec_driver_sql(expected).scalars().all())


@pytest.fixture
def acme(library):
    meeting = _meeting(library, people=[
        ("Jürgen Weiß", "CTO", "! the checkout rewrite ships in March\nwants Kafka everywhere"),
        ("Zoë Café", "Recruiter", "salary band shared"),
    ], notes="office near the station")
    return library, meeting


def test_fresh_library_has_the_index_and_every_trigger(library):
    with library.engine.connect() as conn:
        assert s.index_is_complete(conn)
        options = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'").scalar()
    assert "remove_diacritics 2" in options


def test_diacritics_and_case_are_folded(acme):
    library, _ = acme
    assert _people_found(library, "jurgen") == {"Jürgen Weiß"}
    assert _people_found(library, "CAFE") == {"Zoë Café"}
    assert _people_found(library, "zoe") == {"Zoë Café"}


def test_prefix_as_the_user_types_and_whole_word_after_a_space(acme):
    library, _ = acme
    for typed in ("ch", "che", "chec", "checkou"):
        assert ("notes", "Jürgen Weiß", acme[1]) in _hits(library, typed), typed
    assert _hits(library, "checkou ") == []


def test_phrases_must_appear_together(acme):
    library, _ = acme
    assert _people_found(library, '"checkout rewrite"') == {"Jürgen Weiß"}
    assert _people_found(library, '"rewrite checkout"') == set()


def test_a_name_a_title_or_a_company_narrows_the_results(library):
    _meeting(library, "Acme", [("Ann Lee", "CTO", "Kafka for billing")])
    _meeting(library, "Globex", [("Bob Roy", "Staff Engineer", "Kafka for search")])
    assert _people_found(library, "kafka") == {"Ann Lee", "Bob Roy"}
    assert _people_found(library, "kafka globex") == {"Bob Roy"}
    assert _people_found(library, "kafka ann") == {"Ann Lee"}
    assert _people_found(library, "cto kafka") == {"Ann Lee"}
    assert _people_found(library, "kafka -globex") == {"Ann Lee"}
    assert _people_found(library, "kafka NOT globex") == {"Ann Lee"}
    assert _people_found(library, "kafka AND globex") == {"Bob Roy"}
    assert _people_found(library, "kafka OR") == {"Ann Lee", "Bob Roy"}  # OR awaits a word
    assert _people_found(library, "billing OR search") == {"Ann Lee", "Bob Roy"}


def test_results_are_grouped_by_meeting_with_a_marked_snippet(acme):
    library, meeting = acme
    result = s.search(library, "kafka")
    assert [g.meeting_id for g in result.groups] == [meeting]
    group = result.groups[0]
    assert group.heading == "Acme — Backend Engineer" and group.when is not None
    hit = group.hits[0]
    assert (hit.person, hit.title, hit.kind) == ("Jürgen Weiß", "CTO", "notes")
    assert [p for p, matched in hit.snippet.parts if matched] == ["Kafka"]


def test_people_and_companies_met_in_no_meeting_come_last(acme):
    from followup.store import models as m

    library, meeting = acme
    with library.session() as session:
        initech = m.Company(name="Initech", domain="initech.example")
        session.add(m.Person(name="Zed Quinn", title="CTO", email="", phone="", web="",
                             card_notes="knows Kafka", company=initech, email_is_guess=False))
    result = s.search(library, "kafka")
    assert [g.meeting_id for g in result.groups] == [meeting, None]
    assert result.groups[-1].heading == "People and companies"
    assert [(h.kind, h.person, h.company) for h in result.groups[-1].hits] == [
        ("person", "Zed Quinn", "Initech")]
    only_company = s.search(library, "initech")
    assert {(h.kind, h.person, h.company) for g in only_company.groups for h in g.hits} == {
        ("company", "", "Initech"), ("person", "Zed Quinn", "Initech")}
    # a company whose meetings are listed is not listed again on its own
    assert [h.kind for g in s.search(library, "acme").groups for h in g.hits
            if h.meeting_id is None] == []


def test_index_follows_typing_general_notes_and_drafts(acme):
    from followup.store.followups import ensure_drafts, save_draft

    library, meeting = acme
    attendance = library.meeting(meeting).attendees[0].attendance_id
    library.save_notes(attendance, "now talks about Terraform only")
    assert _people_found(library, "terraform") == {"Jürgen Weiß"}
    assert _hits(library, "checkout") == []
    library.save_general_notes(meeting, "parking behind the warehouse")
    assert _hits(library, "warehouse") == [("general", "", meeting)]
    followup_id = ensure_drafts(library, meeting)[0]
    save_draft(library, followup_id, "Thanks", "Loved hearing about the zeppelin project")
    assert [k for k, *_ in _hits(library, "zeppelin")] == ["draft"]
    _assert_no_drift(library)


def test_index_follows_renames_of_people_and_companies(acme):
    library, meeting = acme
    person = library.meeting(meeting).attendees[0].person_id
    library.update_person(person, name="Jürgen Schmidt", title="VP Engineering",
                          card_notes="met at PyCon")
    assert _people_found(library, "schmidt kafka") == {"Jürgen Schmidt"}
    assert _people_found(library, "weiss") == set()
    assert _people_found(library, "pycon") == {"Jürgen Schmidt"}
    library.edit_meeting_row(meeting, {"company": "Initech", "role": "Platform Engineer"}, False,
                             False)
    assert _people_found(library, "kafka initech") == {"Jürgen Schmidt"}
    assert _hits(library, "kafka acme") == []
    with library.session() as session:  # a company renamed in place reaches its documents
        session.connection().exec_driver_sql("UPDATE company SET name = 'Hooli' "
                                             "WHERE name = 'Initech'")
    assert _people_found(library, "kafka hooli") == {"Jürgen Schmidt"}
    _assert_no_drift(library)


def test_deleted_meeting_and_removed_person_leave_the_index(acme):
    from followup.store.followups import ensure_drafts

    library, meeting = acme
    ensure_drafts(library, meeting)
    library.remove_person(library.meeting(meeting).attendees[1].attendance_id)
    assert _hits(library, "salary") == []
    library.delete_meeting(meeting)
    assert [k for k, *_ in _hits(library, "kafka")] == []
    assert _hits(library, "station") == []
    _assert_no_drift(library)


def test_merged_person_is_found_under_the_name_kept(library):
    first = _meeting(library, "Acme", [("J. Weiss", "", "talked about Kafka")])
    second = _meeting(library, "Acme", [("Jurgen Weiss", "CTO", "checkout rewrite")])
    keep = library.meeting(second).attendees[0].person_id
    drop = library.meeting(first).attendees[0].person_id
    with library.engine.begin() as conn:  # what merging two cards does to the rows
        conn.exec_driver_sql(f"UPDATE attendance SET person_id = {keep} "
                             f"WHERE person_id = {drop}")
        conn.exec_driver_sql(f"DELETE FROM person WHERE id = {drop}")
    assert _people_found(library, "kafka") == {"Jurgen Weiss"}
    assert _people_found(library, '"J. Weiss"') == set()
    assert {e.meeting_id for e in s.met_before(library, "Jurgen Weiss", keep)} == {first, second}
    _assert_no_drift(library)


def test_imported_meetings_are_searchable(acme, tmp_path):
    library, _ = acme
    document = export_library(library)
    other = Library(tmp_path / "other.sqlite3")
    try:
        import_library(other, document)
        assert _people_found(other, "checkout jurgen") == {"Jürgen Weiß"}
        _assert_no_drift(other)
    finally:
        other.close()


def test_library_from_previous_schema_is_upgraded_and_indexed(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = schema.make_engine(path)
    schema.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO company (id, name, domain) VALUES (1, 'Café Oz', '')")
        conn.exec_driver_sql(
            "INSERT INTO meeting (id, company_id, role, kind, location, general_notes, created_at)"
            " VALUES (1, 1, 'Dev', 'panel_interview', '', '', '2026-01-01 10:00:00')")
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, title, email, email_is_guess, phone, web, card_notes)"
            " VALUES (1, 'Søren Kim', 'CTO', '', 0, '', '', '')")
        conn.exec_driver_sql(
            "INSERT INTO attendance (id, meeting_id, person_id, capacity, position, notes,"
            " no_followup) VALUES (1, 1, 1, 'interviewer', 0, 'checkout rewrite', 0)")
    engine.dispose()
    library = Library(path)
    try:
        assert current_revision(library.engine) == schema.SCHEMA_HEAD
        assert _hits(library, "soren checkout cafe") == [("notes", "Søren Kim", 1)]
    finally:
        library.close()


def test_migration_round_trip_removes_and_restores_the_index(tmp_path):
    engine = schema.make_engine(tmp_path / "lib.sqlite3")
    schema.upgrade(engine, "head")
    schema.downgrade(engine, "0002")
    with engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.startswith("search")}
    schema.upgrade(engine, "head")
    with engine.connect() as conn:
        assert s.index_is_complete(conn)
    engine.dispose()


def test_a_later_migration_may_copy_a_table_and_the_index_comes_back(acme):
    import sqlalchemy as sa
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    library, meeting = acme
    path = library.path
    with library.engine.begin() as conn, s.tables_may_be_copied(conn):  # as migrations/env.py
        operations = Operations(MigrationContext.configure(conn))
        with operations.batch_alter_table("attendance", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.Text(), nullable=True))
    library.close()
    reopened = Library(path)
    try:
        reopened.save_notes(1, "now about giraffes")
        assert _hits(reopened, "giraffes") == [("notes", "Jürgen Weiß", meeting)]
        _assert_no_drift(reopened)
    finally:
        reopened.close()


@pytest.mark.parametrize("damage", [
    s.drop_statements(),  # no index at all, then a write it did not see
    ["DROP TRIGGER search_attendance_update1_after"],  # a write the index missed
    ["DROP TRIGGER search_attendance_update1_before"],
])
def test_missing_index_or_trigger_is_rebuilt_at_open(acme, damage):
    library, meeting = acme
    path = library.path
    library.close()
    with sqlite3.connect(path) as conn:
        for statement in damage:
            conn.execute(statement)
        conn.execute("UPDATE attendance SET notes = 'typed while the index was gone: zebra'"
                     " WHERE id = 1")
    reopened = Library(path)
    try:
        assert _hits(reopened, "zebra") == [("notes", "Jürgen Weiß", meeting)]
        reopened.save_notes(1, "back to giraffe")
        assert _hits(reopened, "giraffe") == [("notes", "Jürgen Weiß", meeting)]
        _assert_no_drift(reopened)
    finally:
        reopened.close()


def test_index_table_dropped_alone_is_rebuilt_at_open(acme):
    library, meeting = acme
    path = library.path
    library.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE search_index")
    reopened = Library(path)
    try:
        assert _people_found(reopened, "kafka") == {"Jürgen Weiß"}
        _assert_no_drift(reopened)
    finally:
        reopened.close()


def test_names_with_letters_that_are_not_accented_letters_have_an_ascii_spelling(library):
    _meeting(library, "Ørsted", [("Søren Łukasz", "Leiter Straßenbau", "Æsir project")])
    for typed in ("soren", "lukasz", "strassenbau", "orsted", "Søren", "Æsir", "æsir"):
        assert _people_found(library, typed) == {"Søren Łukasz"}, typed


@pytest.mark.parametrize("query", [
    '"', '"kafka', 'kafka "checkout', '-', '- -', 'kafka -', 'NEAR(', 'NEAR(kafka checkout',
    'NEAR("a" "b", 2)', '(', ')', '*', '^kafka', 'body:kafka', '{who}: x', 'kafka AND', 'AND',
    'OR', 'NOT', 'kafka NOT', 'OR kafka', '""', '"" ""', '-"', "'", "\\", '+', 'a:b:c',
    '\x00', '\x02kafka\x03', 'k' * 5000, '-kafka', '- "checkout rewrite"',
])
def test_bad_query_syntax_gives_a_plain_message_never_an_exception(acme, query):
    library, _ = acme
    result = s.search(library, query)
    assert isinstance(result.message, str)
    assert "Traceback" not in result.message and "fts5" not in result.message.lower()


@pytest.mark.parametrize("query,fragment", [
    ('"kafka', "quote is not closed"),
    ("-", "“-” ignored"),
    ("NEAR(", "searched as words"),
    ("-kafka", "Add a word"),
])
def test_messages_say_what_was_done_and_what_to_do(acme, query, fragment):
    assert fragment in s.search(acme[0], query).message


def test_an_open_quote_still_searches_the_phrase_so_far(acme):
    assert _people_found(acme[0], '"checkout rew') == {"Jürgen Weiß"}


def test_random_punctuation_never_raises(acme):
    library, _ = acme
    rng = random.Random(16)
    alphabet = list('"-*^:(){}+ ,.\'\\') + ["NEAR", "AND", "OR", "NOT", "kafka", "é", "\t"]
    for _ in range(400):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        result = s.search(library, query)
        assert isinstance(result, s.SearchResult), query


def test_match_spans_point_at_the_match_in_the_full_text(acme):
    library, meeting = acme
    hit = s.search(library, "kafka").groups[0].hits[0]
    notes = library.meeting(meeting).attendees[0].notes
    spans = s.match_spans(library, "kafka", hit.rowid)
    assert [notes[a:b] for a, b in spans] == ["Kafka"]


def test_met_before_lists_earlier_meetings_newest_first(library):
    from datetime import UTC, datetime

    old = library.create_meeting(MeetingInput(
        company="Acme", scheduled_start=datetime(2026, 1, 5, tzinfo=UTC),
        people=[PersonSpec(name="Dana Novák", email="dana@acme.io", notes="first chat")]))
    new = library.create_meeting(MeetingInput(
        company="Acme", scheduled_start=datetime(2026, 3, 5, tzinfo=UTC),
        people=[PersonSpec(name="Dana Novák", email="dana@acme.io", notes="second chat")]))
    person = library.meeting(old).attendees[0].person_id
    found = s.met_before(library, "Dana Novák", person, except_meeting=None)
    assert [e.meeting_id for e in found] == [new, old]
    assert [e.notes for e in s.met_before(library, "dana novak", except_meeting=new)] == [
        "first chat"]
    assert s.met_before(library, "Dana") == []  # a first name alone is not the same person
    assert s.met_before(library, '"*(') == []


def test_many_matches_say_there_are_more_and_come_newest_first(library):
    from datetime import UTC, datetime

    for month in range(1, 13):
        library.create_meeting(MeetingInput(
            company=f"Firm {month}", scheduled_start=datetime(2026, month, 1, tzinfo=UTC),
            people=[PersonSpec(name=f"P{month} N{n}", notes="kafka") for n in range(30)]))
    result = s.search(library, "kafka")
    assert result.more and result.hit_count == s.MAX_DOCUMENTS
    whens = [g.when for g in result.groups]
    assert whens == sorted(whens, reverse=True) and whens[0].month == 12
    few = s.search(library, "kafka firm 3")
    assert not few.more and {g.heading for g in few.groups} == {"Firm 3"}
