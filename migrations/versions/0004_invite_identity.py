"""Invites: a meeting keeps its invite's UID and revision, and when it was cancelled.

Until now the UID and revision (SEQUENCE, DTSTAMP) of an imported invite were kept in the
`setting` table under "invite-uid:<UID>", and a cancellation marked every attendee "no
follow-up" and put a line at the top of the meeting's notes. The upgrade moves both into
columns of `meeting` and takes the marks off again; the downgrade puts them back.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from followup.store import search
from followup.store.timestamps import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UID_KEY = "invite-uid:"
# The line the previous import put above the notes of a cancelled meeting, and its separator.
CANCELLED_NOTE = "Cancelled by the organizer: no follow-up is due."

setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
meeting = sa.table(
    "meeting", sa.column("id", sa.Integer), sa.column("general_notes", sa.Text),
    sa.column("ical_uid", sa.String), sa.column("ical_sequence", sa.Integer),
    sa.column("ical_dtstamp", UTCDateTime()), sa.column("cancelled_at", UTCDateTime()))
attendance = sa.table("attendance", sa.column("meeting_id", sa.Integer),
                      sa.column("no_followup", sa.Boolean))


def _refuse_cascading_copy(connection) -> None:
    """Batch mode copies `meeting` and drops the old table: with foreign keys on, that drop
    would delete every attendance, follow-up and status history with it. Followup migrates with
    them off (`schema._migration_pragmas`); anything else is stopped before a row is lost."""
    keys_on = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    if keys_on and connection.exec_driver_sql("SELECT 1 FROM attendance LIMIT 1").first():
        raise RuntimeError("migration 0004 copies the meeting table; run it with "
                           "PRAGMA foreign_keys=OFF or the attendances would be deleted")


def upgrade() -> None:
    _refuse_cascading_copy(op.get_bind())
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("ical_uid", sa.String(1000), nullable=True))
        batch.add_column(sa.Column("ical_sequence", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ical_dtstamp", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("cancelled_at", UTCDateTime(), nullable=True))
        batch.create_unique_constraint(op.f("uq_meeting_ical_uid"), ["ical_uid"])
    connection = op.get_bind()
    rows = connection.execute(sa.select(setting.c.key, setting.c.value)
                              .where(setting.c.key.startswith(UID_KEY))).all()
    existing = set(connection.scalars(sa.select(meeting.c.id)))
    for key, value in rows:
        record = _record(value)
        if record is not None and record[0] in existing:
            meeting_id, sequence, stamp = record
            connection.execute(meeting.update().where(meeting.c.id == meeting_id).values(
                ical_uid=key[len(UID_KEY):], ical_sequence=sequence, ical_dtstamp=stamp))
    connection.execute(setting.delete().where(setting.c.key.startswith(UID_KEY)))
    _unmark_cancelled(connection)
    _restore_search_index(connection)


def _restore_search_index(connection) -> None:
    """Copying `meeting` dropped the search index's triggers on it, and notes changed since:
    rebuild the index here (the open would, finding a trigger missing) so every revision
    leaves it whole."""
    search.rebuild(connection)


def _record(value: str) -> tuple[int, int, datetime | None] | None:
    """(meeting id, SEQUENCE, DTSTAMP) from a setting's JSON; None when it cannot be read
    (such a setting matched nothing before either)."""
    try:
        record = json.loads(value)
        stamp = record.get("stamp") or None
        if stamp is not None:
            stamp = datetime.fromisoformat(stamp)
            stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp
        return int(record["meeting"]), int(record.get("sequence", 0)), stamp
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _unmark_cancelled(connection) -> None:
    """A meeting whose notes start with the cancellation line was cancelled by an invite: it
    gets `cancelled_at` (its invite's stamp, else now), loses the line, and its attendees lose
    the "no follow-up" mark the cancellation set (the cancellation itself now says so)."""
    rows = connection.execute(
        sa.select(meeting.c.id, meeting.c.general_notes, meeting.c.ical_dtstamp)
        .where(meeting.c.ical_uid.is_not(None))
        .where(meeting.c.general_notes.startswith(CANCELLED_NOTE))).all()
    now = datetime.now(UTC)
    for meeting_id, notes, stamp in rows:
        connection.execute(meeting.update().where(meeting.c.id == meeting_id).values(
            cancelled_at=stamp or now, general_notes=notes[len(CANCELLED_NOTE):].lstrip("\n")))
        connection.execute(attendance.update().where(attendance.c.meeting_id == meeting_id)
                           .values(no_followup=False))


def downgrade() -> None:
    connection = op.get_bind()
    _refuse_cascading_copy(connection)
    rows = connection.execute(
        sa.select(meeting.c.id, meeting.c.ical_uid, meeting.c.ical_sequence,
                  meeting.c.ical_dtstamp, meeting.c.cancelled_at, meeting.c.general_notes)
        .where(meeting.c.ical_uid.is_not(None) | meeting.c.cancelled_at.is_not(None))).all()
    for meeting_id, uid, sequence, stamp, cancelled_at, notes in rows:
        if uid is not None:
            value = json.dumps({"meeting": meeting_id, "sequence": sequence or 0,
                                "stamp": stamp.isoformat() if stamp else ""})
            connection.execute(setting.insert().values(key=UID_KEY + uid, value=value))
        if cancelled_at is not None:
            connection.execute(meeting.update().where(meeting.c.id == meeting_id).values(
                general_notes="\n\n".join(filter(None, [CANCELLED_NOTE, notes]))))
            connection.execute(attendance.update().where(attendance.c.meeting_id == meeting_id)
                               .values(no_followup=True))
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint(op.f("uq_meeting_ical_uid"), type_="unique")
        batch.drop_column("cancelled_at")
        batch.drop_column("ical_dtstamp")
        batch.drop_column("ical_sequence")
        batch.drop_column("ical_uid")
    _restore_search_index(connection)
