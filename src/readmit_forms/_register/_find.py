"""Finding cases to work on: by reference, by the names of the people in them, by agreement,
due soonest first (the case list of the workbench)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from .._lang import LANGS
from ._changes import name_tokens
from ._results import CaseState, CaseSummary
from ._schema import CaseRow, DeadlineRow, SubjectRow, VersionRow

__all__ = ["find_cases"]


_CODES = tuple(lang.value for lang in LANGS)


def _pick(value: Any, lang: str) -> str:
    """A stored name's version for ``lang``, else the first language that has one."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for candidate in (lang, *_CODES):
            if value.get(candidate):
                return str(value[candidate])
    return ""


def _names(person: dict[str, Any]) -> dict[str, str]:
    """The person's name in kk, ru and en, from the stored case data (valid when saved):
    surnames, given names, patronymic, as the subject report shows them."""
    parts = [*person.get("surnames", ()), *person.get("given_names", ())]
    if person.get("patronymic"):
        parts.append(person["patronymic"])
    return {code: " ".join(filter(None, (_pick(p, code) for p in parts))) for code in _CODES}


def _born(person: dict[str, Any]) -> dt.date | None:
    value = person.get("date_of_birth")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_cases(
    session: Session,
    text: str | None,
    agreement: str | None,
    state: CaseState | None,
    limit: int,
    offset: int,
) -> list[CaseSummary]:
    """The cases matching, those with the earliest open time limit first, then the rest,
    most recently saved first (see `Register.find`)."""
    soonest = (
        select(DeadlineRow.case_id, func.min(DeadlineRow.due).label("due"))
        .group_by(DeadlineRow.case_id)
        .subquery()
    )
    query = select(CaseRow, soonest.c.due).outerjoin(soonest, soonest.c.case_id == CaseRow.id)
    if agreement is not None:
        query = query.where(CaseRow.agreement == agreement)
    if state is not None:
        query = query.where(CaseRow.state == state)
    wanted = " ".join((text or "").split())
    if wanted:
        words = name_tokens(wanted)
        found: list[ColumnElement[bool]] = [
            CaseRow.ref.like(f"%{_like(wanted.upper())}%", escape="\\")
        ]
        if words:  # every word starts a name of someone in the case, in any spelling
            found.append(
                exists().where(
                    SubjectRow.case_id == CaseRow.id,
                    and_(*(SubjectRow.names.like(f"% {_like(w)}%", escape="\\") for w in words)),
                )
            )
        query = query.where(or_(*found))
    query = query.order_by(
        soonest.c.due.is_(None), soonest.c.due, CaseRow.updated_at.desc(), CaseRow.id.desc()
    )
    rows = session.execute(query.limit(limit).offset(offset)).all()
    ids = [row.id for row, _due in rows]
    data = {
        case_id: case_data
        for case_id, case_data in session.execute(
            select(VersionRow.case_id, VersionRow.data)
            .join(CaseRow, CaseRow.id == VersionRow.case_id)
            .where(VersionRow.case_id.in_(ids), VersionRow.number == CaseRow.version)
        )
    }
    first: dict[int, str] = {}
    for case_id, deadline in session.execute(
        select(DeadlineRow.case_id, DeadlineRow.deadline)
        .where(DeadlineRow.case_id.in_(ids))
        .order_by(DeadlineRow.due, DeadlineRow.due_time, DeadlineRow.deadline)
    ):
        first.setdefault(case_id, deadline)
    summaries = []
    for row, due in rows:
        person = data[row.id].get("person", {})
        summaries.append(
            CaseSummary(
                ref=row.ref or "",
                agreement=row.agreement,
                state=row.state,
                version=row.version,
                updated_at=row.updated_at,
                names=_names(person),
                born=_born(person),
                next_due=due,
                next_deadline=first.get(row.id),
            )
        )
    return summaries
