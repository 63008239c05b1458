"""The library's tables: companies, people, meetings, who attended, follow-ups and settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from followup.core.vocabulary import CAPACITIES, MEETING_KINDS, STATUSES, Status  # noqa: F401
from followup.store.timestamps import UTCDateTime, utcnow

# Named constraints from the first migration on, so batch migrations can find them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime}


class Company(Base):
    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str] = mapped_column(String(200), default="")

    people: Mapped[list[Person]] = relationship(back_populates="company")


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    email_is_guess: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(64), default="")
    web: Mapped[str] = mapped_column(String(500), default="")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    card_notes: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company | None] = relationship(back_populates="people")


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (CheckConstraint("kind IN ({})".format(", ".join(
        f"'{k}'" for k in MEETING_KINDS)), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(40), default="panel_interview")
    scheduled_start: Mapped[datetime | None]
    scheduled_end: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    location: Mapped[str] = mapped_column(String(300), default="")
    general_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Added by the fourth migration. The invite this meeting came from: its UID (RFC 5545
    # §3.8.4.7; unique, and NULL for a meeting typed in), and the revision last imported,
    # SEQUENCE then DTSTAMP (RFC 5546 §2.1.4), so an older copy never overwrites a newer one.
    ical_uid: Mapped[str | None] = mapped_column(String(1000), unique=True)
    ical_sequence: Mapped[int | None] = mapped_column(Integer)
    ical_dtstamp: Mapped[datetime | None]
    # When a cancellation (METHOD:CANCEL or STATUS:CANCELLED) was imported; no follow-up is
    # due for a cancelled meeting. A later, non-cancelling revision clears it.
    cancelled_at: Mapped[datetime | None]

    company: Mapped[Company | None] = relationship()
    attendees: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", order_by="Attendance.position", cascade="all, delete-orphan")


class Attendance(Base):
    """One person in one meeting: their capacity and the notes taken about them."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        CheckConstraint("capacity IN ('interviewer', 'coordinator', 'other')", name="capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    capacity: Mapped[str] = mapped_column(String(20), default="interviewer")
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    notes_updated_at: Mapped[datetime | None]
    # Added by the second migration: the user says this person needs no follow-up.
    no_followup: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    person: Mapped[Person] = relationship()


class Profile(Base):
    """The user: one row, id 1."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(320), default="")


# --- Second migration: drafting, statuses, reminders, settings ---------------------------------


class ProfileExtra(Base):
    """Drafting parts of the profile: signature, skills, links (JSON), personal target."""

    __tablename__ = "profile_extra"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")  # one per line
    links_json: Mapped[str] = mapped_column(Text, default="[]")
    target_hours: Mapped[float | None] = mapped_column(Float)


class FollowUp(Base):
    """The follow-up draft for one attendance, and where it stands."""

    __tablename__ = "followup"
    __table_args__ = (CheckConstraint("status IN ({})".format(", ".join(
        f"'{s}'" for s in STATUSES)), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attendance_id: Mapped[int] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), unique=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # What the generator wrote last: text that differs from it was edited by the user.
    generated_subject: Mapped[str] = mapped_column(Text, default="")
    generated_body: Mapped[str] = mapped_column(Text, default="")
    notes_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(20), default=Status.DRAFT.value)
    channel: Mapped[str] = mapped_column(String(40), default="")
    sent_at: Mapped[datetime | None]
    message_id: Mapped[str] = mapped_column(String(300), default="")
    failure_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Added by the replies migration. When the first answer arrived (the status stays
    # `sent`; both front ends say "replied"), and what became of the copy in the Sent folder
    # (`followup.mail.imap.CopyResult.state`; "" when none was attempted).
    replied_at: Mapped[datetime | None]
    sent_copy: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # The check-in drafted when no answer came (`core.checkins`): when it fell due, its text,
    # and its state: "" none yet, "due", "withdrawn" (an answer came), "done".
    checkin_due: Mapped[datetime | None]
    checkin_subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    checkin_body: Mapped[str] = mapped_column(Text, default="", server_default="")
    checkin_state: Mapped[str] = mapped_column(String(20), default="", server_default="")

    attendance: Mapped[Attendance] = relationship()
    events: Mapped[list[StatusEvent]] = relationship(
        back_populates="followup", order_by="StatusEvent.at", cascade="all, delete-orphan")

    @property
    def edited(self) -> bool:
        return (self.subject, self.body) != (self.generated_subject, self.generated_body)


class StatusEvent(Base):
    __tablename__ = "status_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followup.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    channel: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")

    followup: Mapped[FollowUp] = relationship(back_populates="events")


class ReminderShown(Base):
    __tablename__ = "reminder_shown"

    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followup.id", ondelete="CASCADE"), primary_key=True)
    threshold: Mapped[str] = mapped_column(String(20), primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """Small key/value settings that belong to the library (never secrets)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
