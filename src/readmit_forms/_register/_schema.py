"""The register's tables, as typed SQLAlchemy 2 models.

The schema changes only through the Alembic migrations in ``migrations/versions``
(a test proves that upgrading an empty database gives exactly these tables)::

    cases ─┬─ case_versions   every saved version: who, when, what changed, the case data
           ├─ documents       generated from a version: form, language, format, SHA-256
           ├─ records         transmissions, receipts and deletions (the data-protection record)
           ├─ deadlines       the open time limits of the current version, by due date
           └─ subjects        the people whose data the case holds, for the subject report
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

__all__ = [
    "Base",
    "CaseRow",
    "DeadlineRow",
    "DocumentRow",
    "RecordRow",
    "SubjectRow",
    "UTCDateTime",
    "VersionRow",
]


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment, stored in UTC without a zone (the same in SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the register stores aware datetimes only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = value
        return moment.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str | None] = mapped_column(String(40), unique=True)
    agreement: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="case", order_by="VersionRow.number", passive_deletes=True
    )


class VersionRow(Base):
    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_case_versions_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    saved_by: Mapped[str] = mapped_column(String(200))
    changes: Mapped[list[str]] = mapped_column(JSON)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    case: Mapped[CaseRow] = relationship(back_populates="versions")


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_case_sha", "case_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(2))
    format: Mapped[str] = mapped_column(String(10))
    purpose: Mapped[str] = mapped_column(String(20))
    draft: Mapped[bool] = mapped_column(Boolean)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    derived_from: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)


class RecordRow(Base):
    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_case", "case_id"),
        Index("ix_records_retain_until", "retain_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
    agreement: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str | None] = mapped_column(Text)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    sender_authority: Mapped[str | None] = mapped_column(Text)
    sender_person: Mapped[str | None] = mapped_column(Text)
    recipient_authority: Mapped[str | None] = mapped_column(Text)
    recipient_person: Mapped[str | None] = mapped_column(Text)
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    retain_until: Mapped[dt.date | None] = mapped_column(Date)


class DeadlineRow(Base):
    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_due", "due", "due_time"),
        Index("ix_deadlines_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[str] = mapped_column(String(60))
    due: Mapped[dt.date] = mapped_column(Date)
    due_time: Mapped[dt.time | None] = mapped_column(Time)
    actor: Mapped[str] = mapped_column(String(12))
    actor_state: Mapped[str | None] = mapped_column(String(2))
    optional: Mapped[bool] = mapped_column(Boolean)


class SubjectRow(Base):
    __tablename__ = "subjects"
    __table_args__ = (Index("ix_subjects_case", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    names: Mapped[str] = mapped_column(Text)
    born: Mapped[dt.date | None] = mapped_column(Date)
