"""The register's cases: adding and saving versions, their state, reading them back, the
open deadlines across the register, and the person's right to be told."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from .._agreements import get_agreement
from .._errors import (
    RegisterRefusedError,
)
from .._loading import load_case
from ._base import CaseInput, RegisterBase, case_data, case_state
from ._results import (
    CaseSummary,
    OpenDeadline,
    RegisteredCase,
    SavedVersion,
)
from ._schema import CaseRow, DeadlineRow, VersionRow

__all__ = ["Cases"]


class Cases(RegisterBase):
    """Cases and their versions."""

    def add(self, case: CaseInput, *, by: str) -> RegisteredCase:
        """Register a new case (version 1, state draft); its reference is assigned here."""
        loaded = load_case(case)
        data = case_data(loaded)
        now = self.now()
        with self._unit(write=True) as session:
            row = CaseRow(
                agreement=loaded.agreement, state="draft", version=1, created_at=now, updated_at=now
            )
            session.add(row)
            session.flush()
            row.ref = f"{loaded.agreement.upper()}-{now.year}-{row.id:06d}"
            self._store_version(session, row, None, data, loaded, by, now)
            return self._registered(row, loaded)

    def save(
        self, ref: str, case: CaseInput, *, based_on: int, by: str, state: str | None = None
    ) -> RegisteredCase:
        """Save a new version of case ``ref``, edited from version ``based_on``.

        Raises `VersionConflictError` if someone saved the case after ``based_on``
        (optimistic locking: nobody's change is ever overwritten unseen).
        """
        loaded = load_case(case)
        new_state = case_state(state) if state is not None else None
        now = self.now()
        with self._unit(write=True) as session:
            row = self._row(session, ref)
            if loaded.agreement != row.agreement:
                raise RegisterRefusedError(
                    row.ref or ref,
                    f"the case is under {row.agreement}; a version under {loaded.agreement} "
                    "cannot replace it (add it as a new case)",
                )
            before = self._version(session, row).data if row.version == based_on else None
            self._bump(session, row, based_on, now, new_state)
            self._store_version(session, row, before, case_data(loaded), loaded, by, now)
            return self._registered(row, loaded)

    def set_state(self, ref: str, state: str) -> RegisteredCase:
        """Set the state of case ``ref`` (draft, sent, answered, transferred, closed).

        A closed case has no open deadlines; the case data is not changed (no new version).
        """
        new = case_state(state)
        with self._unit(write=True) as session:
            row = self._row(session, ref, lock=True)
            row.state = new
            row.updated_at = self.now()
            self._store_deadlines(session, row, None)
            return self._registered(row)

    def cases(self, *, state: str | None = None, limit: int | None = None) -> list[RegisteredCase]:
        """The registered cases, most recently saved first."""
        query = select(CaseRow).order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
        if state is not None:
            query = query.where(CaseRow.state == case_state(state))
        if limit is not None:
            query = query.limit(limit)
        with self._unit() as session:
            return [self._registered(row) for row in session.scalars(query)]

    def find(
        self,
        text: str | None = None,
        *,
        agreement: str | None = None,
        state: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[CaseSummary]:
        """The cases to work on, due soonest first: those whose earliest open time limit
        comes first, then the cases with none open, most recently saved first.

        ``text`` finds a case by its reference (or a part of it) or by the names of the
        people in it (every word must begin a name, in any language's spelling);
        ``agreement`` and ``state`` keep the cases of one agreement or in one state.
        """
        from ._find import find_cases

        agreement_id = get_agreement(agreement).id if agreement is not None else None
        wanted = case_state(state) if state is not None else None
        with self._unit() as session:
            return find_cases(session, text, agreement_id, wanted, max(limit, 0), max(offset, 0))

    def history(self, ref: str) -> list[SavedVersion]:
        """Every saved version of case ``ref``, oldest first."""
        with self._unit() as session:
            row = self._row(session, ref)
            return [
                SavedVersion(
                    row.ref or ref,
                    v.number,
                    v.state,  # type: ignore[arg-type]
                    v.saved_at,
                    v.saved_by,
                    tuple(v.changes),
                )
                for v in session.scalars(
                    select(VersionRow)
                    .where(VersionRow.case_id == row.id)
                    .order_by(VersionRow.number)
                )
            ]

    def due(
        self,
        *,
        within: int | None = None,
        overdue: bool = False,
        today: dt.date | None = None,
        limit: int | None = None,
        ref: str | None = None,
    ) -> list[OpenDeadline]:
        """Every open time limit across the register, soonest first.

        ``within`` keeps those due from ``today`` to N days later; ``overdue`` those
        whose day has passed; both together, the two. Neither: every open limit.
        Closed cases have none. ``ref`` keeps those of one case.
        """
        day = today or self.today()
        d = DeadlineRow
        query = (
            select(
                CaseRow.ref,
                CaseRow.agreement,
                d.deadline,
                d.due,
                d.due_time,
                d.actor,
                d.actor_state,
                d.optional,
            )
            .join(CaseRow, CaseRow.id == d.case_id)
            .order_by(d.due, d.due_time, CaseRow.ref, d.deadline)
        )
        if within is not None:
            query = query.where(d.due <= day + dt.timedelta(days=within))
            if not overdue:
                query = query.where(d.due >= day)
        elif overdue:
            query = query.where(d.due < day)
        if limit is not None:
            query = query.limit(limit)
        with self._unit() as session:
            if ref is not None:
                query = query.where(d.case_id == self._row(session, ref).id)
            return [
                OpenDeadline(
                    ref or "", agreement, deadline, due, due_time, actor, state, optional, due < day
                )
                for ref, agreement, deadline, due, due_time, actor, state, optional in (
                    session.connection().execute(query)  # Core rows: no ORM work per row
                )
            ]

    def subject(self, person: str, *, born: dt.date | None = None) -> Any:
        """The person ``person`` (a name, or a case reference), every case and entry about them."""
        from ._subjects import find_subject

        with self._unit() as session:
            return find_subject(session, person, born)

    def subject_report(
        self,
        person: str,
        *,
        lang: str | None = None,
        born: dt.date | None = None,
        format: str = "pdf",
    ) -> bytes:
        """What personal data of ``person`` were sent to or received from whom, when, why and
        under which article — as a document in ``lang`` (default: the person's language
        if it is kk, ru or en, else English), drawn by the normal backends."""
        from .._backends import backend
        from ._report import subject_document

        draw = backend(format)
        subject = self.subject(person, born=born)
        return draw(subject_document(subject, lang, self.now()))
