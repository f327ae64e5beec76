"""What every operation of the register stands on: the engine, the clock, one unit of work per
method, finding a case and its version, and storing a new version with its deadlines.

The operations themselves are in ``_cases``, ``_documents`` and ``_recording``; `Register`
(``_api``) is all of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .._case import Case
from .._deadlines import schedule
from .._errors import (
    InvalidValueError,
    RegisterError,
    RegisterRefusedError,
    UnknownCaseError,
    UnknownDocumentError,
    VersionConflictError,
)
from . import _clock
from ._changes import changed, people
from ._results import (
    STATES,
    CaseState,
    RegisteredCase,
)
from ._schema import CaseRow, DeadlineRow, DocumentRow, SubjectRow, VersionRow
from ._store import connect, default_url, migrate, shown, unavailable

__all__ = [
    "CaseInput",
    "Clock",
    "RegisterBase",
    "case_data",
    "case_of",
    "case_state",
    "clean",
    "sha256_of",
    "who",
]

Clock = Callable[[], dt.datetime]
"""A source of the current moment (an aware datetime); tests pass a settable one."""

CaseInput = Case | str | Path | Mapping[str, Any]


def case_data(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return data


def case_of(data: dict[str, Any]) -> Case:
    return Case.model_validate(data)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class RegisterBase:
    """The plumbing of `Register`."""

    def __init__(self, url: str | None = None, *, clock: Clock | None = None) -> None:
        raw = url if url is not None else default_url()
        self._engine: Engine = connect(raw)
        self.url = shown(self._engine.url)
        self._clock = clock
        self._writer = (
            self._engine.execution_options(sqlite_begin="IMMEDIATE")
            if self._engine.dialect.name == "sqlite"
            else self._engine
        )
        try:
            self.schema_version = migrate(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise unavailable(self._engine.url, exc) from None
        except BaseException:
            self._engine.dispose()
            raise

    def close(self) -> None:
        """Close every pooled connection (the register can be opened again)."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> dt.datetime:
        """The current moment by the register's clock (aware, UTC)."""
        moment = (self._clock or _clock.now)()
        if moment.tzinfo is None:
            raise ValueError("the register's clock must give an aware datetime")
        return moment.astimezone(dt.UTC)

    def today(self) -> dt.date:
        return self.now().date()

    @contextlib.contextmanager
    def _unit(self, write: bool = False) -> Iterator[Session]:
        """One unit of work: one session, one transaction, committed at the end or rolled back."""
        try:
            bind = self._writer if write else self._engine
            with Session(bind, expire_on_commit=False) as session, session.begin():
                yield session
        except RegisterError:
            raise
        except SQLAlchemyError as exc:
            raise unavailable(self._engine.url, exc) from None

    def _row(self, session: Session, ref: str, *, lock: bool = False) -> CaseRow:
        key = str(ref).strip().upper()
        query = select(CaseRow).where(CaseRow.ref == key)
        if lock and self._engine.dialect.name == "postgresql":
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None:
            raise UnknownCaseError(str(ref).strip())
        return row

    def _version(self, session: Session, row: CaseRow, number: int | None = None) -> VersionRow:
        return session.scalars(
            select(VersionRow).where(
                VersionRow.case_id == row.id, VersionRow.number == (number or row.version)
            )
        ).one()

    @staticmethod
    def _registered(row: CaseRow, case: Case | None = None) -> RegisteredCase:
        assert row.ref is not None
        state: CaseState = row.state  # type: ignore[assignment]
        return RegisteredCase(
            row.ref, row.agreement, state, row.version, row.created_at, row.updated_at, case
        )

    def get(self, ref: str, version: int | None = None) -> RegisteredCase:
        """Case ``ref`` with its current (or the given) version's data as ``.case``."""
        with self._unit() as session:
            row = self._row(session, ref)
            if version is not None and not 1 <= version <= row.version:
                raise UnknownCaseError(f"{row.ref} version {version}")
            return self._registered(row, case_of(self._version(session, row, version).data))

    def _bump(
        self,
        session: Session,
        row: CaseRow,
        based_on: int,
        now: dt.datetime,
        state: CaseState | None,
    ) -> None:
        values: dict[str, Any] = {"version": based_on + 1, "updated_at": now}
        if state is not None:
            values["state"] = state
        done = session.execute(
            update(CaseRow)
            .where(CaseRow.id == row.id, CaseRow.version == based_on)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            session.refresh(row)
            raise VersionConflictError(row.ref or "", based_on, row.version)
        session.refresh(row)

    def _store_version(
        self,
        session: Session,
        row: CaseRow,
        before: dict[str, Any] | None,
        data: dict[str, Any],
        case: Case,
        by: str,
        now: dt.datetime,
    ) -> None:
        session.add(
            VersionRow(
                case_id=row.id,
                number=row.version,
                state=row.state,
                saved_at=now,
                saved_by=who(by),
                changes=list(changed(before, data)) if before is not None else ["*"],
                data=data,
            )
        )
        session.execute(delete(SubjectRow).where(SubjectRow.case_id == row.id))
        session.add_all(
            SubjectRow(case_id=row.id, role=p.role, names=p.tokens, born=p.born)
            for p in people(case)
        )
        self._store_deadlines(session, row, case)

    def _store_deadlines(self, session: Session, row: CaseRow, case: Case | None) -> None:
        """The open, dated limits of the current version, kept queryable by due date."""
        session.execute(delete(DeadlineRow).where(DeadlineRow.case_id == row.id))
        if row.state == "closed":
            return
        if case is None:
            case = case_of(self._version(session, row).data)
        session.add_all(
            DeadlineRow(
                case_id=row.id,
                version=row.version,
                deadline=item.id,
                due=item.due,
                due_time=item.due_time,
                actor=item.actor,
                actor_state=item.actor_state,
                optional=item.optional,
            )
            for item in schedule(case).items
            if item.due is not None and item.done_on is None
        )

    def _find_document(self, session: Session, row: CaseRow, sha256: str) -> DocumentRow:
        key = str(sha256).strip().lower()
        ref = row.ref or ""
        if len(key) < 8 or any(c not in "0123456789abcdef" for c in key):
            raise UnknownDocumentError(ref, sha256, "give its SHA-256 (at least 8 hex digits)")
        rows = list(
            session.scalars(
                select(DocumentRow)
                .where(DocumentRow.case_id == row.id, DocumentRow.sha256.startswith(key))
                .order_by(DocumentRow.version.desc(), DocumentRow.id.desc())
            )
        )
        if not rows:
            raise UnknownDocumentError(ref, sha256)
        if len({r.sha256 for r in rows}) > 1:
            raise UnknownDocumentError(ref, sha256, "the prefix fits several; give more digits")
        return rows[0]


def case_state(value: str) -> CaseState:
    key = str(value).strip().lower()
    for state in STATES:
        if key == state:
            return state
    raise InvalidValueError("case state", value, STATES)


def who(by: str) -> str:
    text = " ".join(str(by).split())
    if not text:
        raise RegisterRefusedError("", "say who does it (--by PERSON)")
    return text[:200]


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None
