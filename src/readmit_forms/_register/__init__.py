"""The case register: cases and their versions, documents, the data-protection record, deadlines.

_store     where the register lives (URL, SQLite file, engine) and its schema version
_schema    the tables (SQLAlchemy 2 typed models); migrations/ changes them (Alembic)
_api       `Register`: one unit of work per method
_records   what an entry of the record must contain, and how long it is kept
_changes   what a version changed, the case's data subjects, the kinds of data
_subjects  finding a person; _report: the subject report as a `Document`
"""

from __future__ import annotations

from ._api import Clock, Register
from ._results import (
    STATES,
    CaseState,
    DataRecord,
    OpenDeadline,
    PurgeReport,
    RegisteredCase,
    RegisteredDocument,
    SavedVersion,
    Subject,
)
from ._store import ENV, default_url

__all__ = [
    "ENV",
    "STATES",
    "CaseState",
    "Clock",
    "DataRecord",
    "OpenDeadline",
    "PurgeReport",
    "Register",
    "RegisteredCase",
    "RegisteredDocument",
    "SavedVersion",
    "Subject",
    "default_url",
]
