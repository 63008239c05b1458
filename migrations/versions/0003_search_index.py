"""Search: an FTS5 index over notes, drafts, people and companies, kept in step by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from alembic import op

from followup.store import search

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The statements live with the queries that read the index, so the two cannot disagree;
    # a later change to the index gets its own migration (or `ensure_index` at open).
    connection = op.get_bind()
    search.rebuild(connection)


def downgrade() -> None:
    connection = op.get_bind()
    for statement in search.drop_statements():
        connection.exec_driver_sql(statement)
