"""The library: companies, people, meetings, attendance with notes, the profile.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from followup.store.timestamps import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KINDS = ("panel_interview", "one_on_one_interview", "phone_screen", "informational_interview",
         "networking_coffee", "meetup", "other")


def upgrade() -> None:
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("domain", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
        sa.UniqueConstraint("name", name=op.f("uq_company_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("email_is_guess", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("web", sa.String(500), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("card_notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"],
                                name=op.f("fk_person_company_id_company"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_index(op.f("ix_person_email"), "person", ["email"])
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("scheduled_start", UTCDateTime(), nullable=True),
        sa.Column("scheduled_end", UTCDateTime(), nullable=True),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("general_notes", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ({})".format(", ".join(f"'{k}'" for k in KINDS)),
                           name=op.f("ck_meeting_kind")),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"],
                                name=op.f("fk_meeting_company_id_company"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("notes_updated_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("capacity IN ('interviewer', 'coordinator', 'other')",
                           name=op.f("ck_attendance_capacity")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"],
                                name=op.f("fk_attendance_meeting_id_meeting"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_attendance_person_id_person"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("meeting_id", "person_id", name=op.f("uq_attendance_meeting_id")),
    )
    op.create_index(op.f("ix_attendance_meeting_id"), "attendance", ["meeting_id"])
    op.create_index(op.f("ix_attendance_person_id"), "attendance", ["person_id"])
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )


def downgrade() -> None:
    op.drop_table("profile")
    op.drop_index(op.f("ix_attendance_person_id"), table_name="attendance")
    op.drop_index(op.f("ix_attendance_meeting_id"), table_name="attendance")
    op.drop_table("attendance")
    op.drop_table("meeting")
    op.drop_index(op.f("ix_person_email"), table_name="person")
    op.drop_table("person")
    op.drop_table("company")
