"""Finding a person in the register: by name (any language's spelling) or by case reference."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from .._case import Case
from .._errors import UnknownPersonError
from ._changes import name_tokens, people
from ._results import DataRecord, Subject, record_of
from ._schema import CaseRow, RecordRow, SubjectRow, VersionRow

__all__ = ["find_subject"]


def _matches(session: Session, person: str, born: dt.date | None) -> list[tuple[SubjectRow, str]]:
    by_ref = session.execute(
        select(SubjectRow, CaseRow.ref)
        .join(CaseRow, CaseRow.id == SubjectRow.case_id)
        .where(CaseRow.ref == person.strip().upper(), SubjectRow.role == "person")
    ).all()
    if by_ref:
        return [(row, ref or "") for row, ref in by_ref]
    words = name_tokens(person)
    if not words:
        return []
    query = select(SubjectRow, CaseRow.ref).join(CaseRow, CaseRow.id == SubjectRow.case_id)
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(SubjectRow.names.like(f"% {escaped} %", escape="\\"))
    if born is not None:
        query = query.where(SubjectRow.born == born)
    return [(row, ref or "") for row, ref in session.execute(query)]


def find_subject(session: Session, person: str, born: dt.date | None) -> Subject:
    """The one person ``person`` names, with every case and record entry about them.

    The same person in several cases (the same names and date of birth) is one
    subject; different people who match raise `UnknownPersonError` with their cases.
    """
    found = _matches(session, person, born)
    groups: dict[tuple[str, dt.date | None], list[tuple[SubjectRow, str]]] = defaultdict(list)
    for row, ref in found:
        groups[(row.names, row.born)].append((row, ref))
    if len(groups) != 1:
        raise UnknownPersonError(sorted({ref for _row, ref in found}), len(groups))
    (members,) = groups.values()
    case_ids = sorted({row.case_id for row, _ref in members})
    first = members[0][0]
    data = session.scalars(
        select(VersionRow.data)
        .join(CaseRow, CaseRow.id == VersionRow.case_id)
        .where(VersionRow.case_id == first.case_id, VersionRow.number == CaseRow.version)
    ).one()
    who = next(p for p in people(Case.model_validate(data)) if p.role == first.role)
    agreements = {
        case_id: agreement
        for case_id, agreement in session.execute(
            select(CaseRow.id, CaseRow.agreement).where(CaseRow.id.in_(case_ids))
        )
    }
    refs = {row.case_id: ref for row, ref in members}
    records = session.execute(
        select(RecordRow)
        .where(RecordRow.case_id.in_(case_ids))
        .order_by(RecordRow.at, RecordRow.id)
    ).scalars()
    entries: tuple[DataRecord, ...] = tuple(record_of(refs[r.case_id], r) for r in records)
    return Subject(
        names={lang.value: name for lang, name in who.names.items()},
        born=who.born,
        languages=who.languages,
        cases=tuple(
            (refs[row.case_id], agreements[row.case_id], row.role)
            for row, _ref in sorted(members, key=lambda m: m[0].case_id)
        ),
        records=entries,
    )
