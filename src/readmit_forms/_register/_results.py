"""What the register returns: plain, immutable, typed values (no database objects escape)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from .._agreements import get_agreement
from .._case import Case
from .._findings import articles
from .._lang import Lang, parse_lang

if TYPE_CHECKING:
    from ._schema import DocumentRow, RecordRow

__all__ = [
    "ENV",
    "STATES",
    "CaseState",
    "CaseSummary",
    "DataRecord",
    "OpenDeadline",
    "PurgeReport",
    "RegisteredCase",
    "RegisteredDocument",
    "SavedVersion",
    "Subject",
    "document_of",
    "record_of",
]

ENV = "READMIT_FORMS_DB"
"""The environment variable that names the register's database URL."""

CaseState = Literal["draft", "sent", "answered", "transferred", "closed"]
STATES: tuple[CaseState, ...] = ("draft", "sent", "answered", "transferred", "closed")


def _iso(moment: dt.datetime | dt.date | dt.time | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@dataclass(frozen=True)
class RegisteredCase:
    """A case in the register: its reference, agreement, state and current version."""

    ref: str
    agreement: str
    state: CaseState
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    case: Case | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "agreement": self.agreement,
            "state": self.state,
            "version": self.version,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
        }


@dataclass(frozen=True)
class CaseSummary:
    """A line of the case list (`Register.find`): the case, whom it is about, what is due next.

    ``names`` is the person's name in kk, ru and en (as the case gives it); ``next_due``
    the day of the case's earliest open time limit (``next_deadline`` its id), None
    when none is open."""

    ref: str
    agreement: str
    state: CaseState
    version: int
    updated_at: dt.datetime
    names: dict[str, str]
    born: dt.date | None
    next_due: dt.date | None
    next_deadline: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            item.name: _iso(value) if isinstance(value, dt.date) else value
            for item in fields(self)
            for value in [getattr(self, item.name)]
        }


@dataclass(frozen=True)
class SavedVersion:
    """One saved version of a case: who saved it, when, and which fields changed."""

    ref: str
    number: int
    state: CaseState
    saved_at: dt.datetime
    saved_by: str
    changes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "number": self.number,
            "state": self.state,
            "saved_at": _iso(self.saved_at),
            "saved_by": self.saved_by,
            "changes": list(self.changes),
        }


@dataclass(frozen=True)
class RegisteredDocument:
    """A document generated from a version of a case (the bytes only if they were kept)."""

    ref: str
    version: int
    form: str
    lang: str
    format: str
    purpose: str
    draft: bool
    sha256: str
    size: int
    created_at: dt.datetime
    created_by: str
    derived_from: str | None = None
    kept: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "version": self.version,
            "form": self.form,
            "lang": self.lang,
            "format": self.format,
            "purpose": self.purpose,
            "draft": self.draft,
            "sha256": self.sha256,
            "size": self.size,
            "created_at": _iso(self.created_at),
            "created_by": self.created_by,
            "derived_from": self.derived_from,
            "kept": self.kept,
        }


RecordKind = Literal["transmission", "receipt", "deletion"]


@dataclass(frozen=True)
class DataRecord:
    """One entry of the data-protection record: a transmission, a receipt or a deletion.

    ``content`` says what was sent, received or destroyed (form, language, format,
    SHA-256 and the kinds of personal data; or the reply; or the entry destroyed).
    ``retain_until`` is the day after which `Register.purge` destroys the entry
    (None where the agreement sets no period).
    """

    id: int
    ref: str
    agreement: str
    kind: RecordKind
    at: dt.datetime
    recorded_at: dt.datetime
    recorded_by: str
    purpose: str | None
    content: dict[str, Any]
    sender_authority: str | None
    sender_person: str | None
    recipient_authority: str | None
    recipient_person: str | None
    document_sha256: str | None
    retain_until: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ref": self.ref,
            "agreement": self.agreement,
            "kind": self.kind,
            "at": _iso(self.at),
            "recorded_at": _iso(self.recorded_at),
            "recorded_by": self.recorded_by,
            "purpose": self.purpose,
            "content": self.content,
            "sender_authority": self.sender_authority,
            "sender_person": self.sender_person,
            "recipient_authority": self.recipient_authority,
            "recipient_person": self.recipient_person,
            "document_sha256": self.document_sha256,
            "retain_until": _iso(self.retain_until),
        }


@dataclass(frozen=True)
class OpenDeadline:
    """An open time limit of a case in the register, as `Register.due` lists them."""

    ref: str
    agreement: str
    deadline: str
    due: dt.date
    due_time: dt.time | None
    actor: str
    actor_state: str | None
    optional: bool
    overdue: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "agreement": self.agreement,
            "deadline": self.deadline,
            "due": _iso(self.due),
            "due_time": self.due_time.isoformat("minutes") if self.due_time else None,
            "actor": self.actor,
            "actor_state": self.actor_state,
            "optional": self.optional,
            "overdue": self.overdue,
        }

    def about(self, lang: Lang | str) -> tuple[str, str]:
        """What the limit asks and the article behind it, in ``lang``."""
        return _about(self.agreement, self.deadline, parse_lang(lang))


@cache
def _about(agreement_id: str, deadline_id: str, lang: Lang) -> tuple[str, str]:
    """Worded once per kind of limit (a register holds a few dozen kinds)."""
    agreement = get_agreement(agreement_id)
    deadline = agreement.deadline(deadline_id)
    return deadline.action[lang], articles(agreement, [deadline.source])[lang]


@dataclass(frozen=True)
class PurgeReport:
    """What `Register.purge` destroyed (or, in a dry run, would destroy), and the new entries."""

    today: dt.date
    dry_run: bool
    destroyed: tuple[DataRecord, ...]
    recorded: tuple[DataRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": _iso(self.today),
            "dry_run": self.dry_run,
            "destroyed": [record.to_dict() for record in self.destroyed],
            "recorded": [record.to_dict() for record in self.recorded],
        }


@dataclass(frozen=True)
class Subject:
    """A person whose data the register holds: the cases they appear in and every entry."""

    names: dict[str, str]
    born: dt.date | None
    languages: tuple[str, ...]
    cases: tuple[tuple[str, str, str], ...]
    """(case reference, agreement, role: person, spouse or children[N])"""
    records: tuple[DataRecord, ...]


def document_of(ref: str, row: DocumentRow) -> RegisteredDocument:
    return RegisteredDocument(
        ref,
        row.version,
        row.form,
        row.lang,
        row.format,
        row.purpose,
        row.draft,
        row.sha256,
        row.size,
        row.created_at,
        row.created_by,
        row.derived_from,
        row.content is not None,
    )


def record_of(ref: str, row: RecordRow) -> DataRecord:
    return DataRecord(
        row.id,
        ref,
        row.agreement,
        row.kind,  # type: ignore[arg-type]
        row.at,
        row.recorded_at,
        row.recorded_by,
        row.purpose,
        dict(row.content),
        row.sender_authority,
        row.sender_person,
        row.recipient_authority,
        row.recipient_person,
        row.document_sha256,
        row.retain_until,
    )
