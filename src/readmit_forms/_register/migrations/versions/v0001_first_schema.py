"""The first schema of the register: cases, versions, documents, records, deadlines, subjects.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from readmit_forms._register._schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _case_id() -> sa.Column[int]:
    return sa.Column(
        "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ref", sa.String(40), unique=True),
        sa.Column("agreement", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "case_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_id(),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("saved_at", UTCDateTime, nullable=False),
        sa.Column("saved_by", sa.String(200), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_case_versions_number"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_id(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("form", sa.String(40), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("draft", sa.Boolean, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("derived_from", sa.String(64)),
        sa.Column("content", sa.LargeBinary),
    )
    op.create_index("ix_documents_case_sha", "documents", ["case_id", "sha256"])
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_id(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("agreement", sa.String(16), nullable=False),
        sa.Column("purpose", sa.Text),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("sender_authority", sa.Text),
        sa.Column("sender_person", sa.Text),
        sa.Column("recipient_authority", sa.Text),
        sa.Column("recipient_person", sa.Text),
        sa.Column("document_sha256", sa.String(64)),
        sa.Column("retain_until", sa.Date),
    )
    op.create_index("ix_records_case", "records", ["case_id"])
    op.create_index("ix_records_retain_until", "records", ["retain_until"])
    op.create_table(
        "deadlines",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_id(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deadline", sa.String(60), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("due_time", sa.Time),
        sa.Column("actor", sa.String(12), nullable=False),
        sa.Column("actor_state", sa.String(2)),
        sa.Column("optional", sa.Boolean, nullable=False),
    )
    op.create_index("ix_deadlines_due", "deadlines", ["due", "due_time"])
    op.create_index("ix_deadlines_case", "deadlines", ["case_id"])
    op.create_table(
        "subjects",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_id(),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("names", sa.Text, nullable=False),
        sa.Column("born", sa.Date),
    )
    op.create_index("ix_subjects_case", "subjects", ["case_id"])


def downgrade() -> None:
    for table in ("subjects", "deadlines", "records", "documents", "case_versions", "cases"):
        op.drop_table(table)
