"""Replies and check-ins: when an answer came, the copy in Sent, and the check-in draft.

Adds to `followup`: `replied_at` (when the first reply arrived; its status stays `sent`, and
both front ends show "replied"), `sent_copy` (what became of the copy in the Sent folder:
"appended", "already there", "filed by server", "failed", or "" when none was attempted),
and the check-in: `checkin_due`, `checkin_subject`, `checkin_body` and `checkin_state`
("" none yet, "due" drafted, "withdrawn" a reply came, "done" the user dealt with it).
The upgrade only adds columns (SQLite's ADD COLUMN: no table is copied); the downgrade
copies `followup` without them and rebuilds the search index its triggers belong to.

Revision ID: replies01
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from followup.store import search
from followup.store.timestamps import UTCDateTime

revision = "replies01"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("checkin_state", "checkin_body", "checkin_subject", "checkin_due", "sent_copy",
           "replied_at")


def upgrade() -> None:
    with op.batch_alter_table("followup") as batch:
        batch.add_column(sa.Column("replied_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("sent_copy", sa.String(20), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("checkin_due", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("checkin_subject", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("checkin_body", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("checkin_state", sa.String(20), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    connection = op.get_bind()
    keys_on = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    if keys_on and connection.exec_driver_sql("SELECT 1 FROM status_event LIMIT 1").first():
        raise RuntimeError("downgrading replies01 copies the followup table; run it with "
                           "PRAGMA foreign_keys=OFF or the status history would be deleted")
    with op.batch_alter_table("followup") as batch:
        for column in COLUMNS:
            batch.drop_column(column)
    search.rebuild(connection)
