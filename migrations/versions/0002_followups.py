"""Follow-ups: drafts with their status history, reminders shown, settings, drafting profile.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from followup.store.timestamps import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATUSES = ("draft", "ready", "sending", "sent", "failed", "skipped")


def upgrade() -> None:
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("no_followup", sa.Boolean(), nullable=False,
                                   server_default="0"))
    op.create_table(
        "profile_extra",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("links_json", sa.Text(), nullable=False),
        sa.Column("target_hours", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_extra")),
    )
    op.create_table(
        "followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attendance_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("generated_subject", sa.Text(), nullable=False),
        sa.Column("generated_body", sa.Text(), nullable=False),
        sa.Column("notes_fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("message_id", sa.String(300), nullable=False),
        sa.Column("failure_reason", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("status IN ({})".format(", ".join(f"'{s}'" for s in STATUSES)),
                           name=op.f("ck_followup_status")),
        sa.ForeignKeyConstraint(["attendance_id"], ["attendance.id"],
                                name=op.f("fk_followup_attendance_id_attendance"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup")),
        sa.UniqueConstraint("attendance_id", name=op.f("uq_followup_attendance_id")),
    )
    op.create_table(
        "status_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("followup_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["followup_id"], ["followup.id"],
                                name=op.f("fk_status_event_followup_id_followup"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_event")),
    )
    op.create_index(op.f("ix_status_event_followup_id"), "status_event", ["followup_id"])
    op.create_table(
        "reminder_shown",
        sa.Column("followup_id", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.String(20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["followup_id"], ["followup.id"],
                                name=op.f("fk_reminder_shown_followup_id_followup"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("followup_id", "threshold", name=op.f("pk_reminder_shown")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_table("reminder_shown")
    op.drop_index(op.f("ix_status_event_followup_id"), table_name="status_event")
    op.drop_table("status_event")
    op.drop_table("followup")
    op.drop_table("profile_extra")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_column("no_followup")
