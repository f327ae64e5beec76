"""Response bodies of the HTTP API that are not the library's own pydantic models.

Findings and schedules are the library's dataclasses; their JSON is what their
``to_dict`` gives (the same as ``readmit-forms validate --json`` and ``deadlines
--json``). These models describe that JSON for the OpenAPI document and check it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

import readmit_forms as rf

__all__ = [
    "DueDateOut",
    "ErrorOut",
    "FindingOut",
    "ScheduleOut",
    "ValidationOut",
]

ByLang = dict[str, str]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceOut(_Out):
    """Where a legal fact comes from: the source file and the provision in it."""

    doc: str
    ref: str
    lines: str | None = None


class FindingOut(_Out):
    """One problem of the case (`readmit_forms.Finding`)."""

    code: str = Field(description="stable, usable as a translation key")
    severity: Literal["error", "warning"]
    path: str = Field(description="the case field, e.g. 'children[0].date_of_birth'")
    message: ByLang = Field(description="the message in kk, ru and en")
    agreement: str
    article: str | None = Field(description="the provision, cited in English")
    articles: ByLang = Field(description="the provision, cited in kk, ru and en")
    source: SourceOut | None
    sources: list[SourceOut]
    form: str | None
    params: dict[str, Any]


class ValidationOut(_Out):
    """Every finding of the case, for one form or for every form."""

    agreement: str
    form: str | None
    valid: bool = Field(description="no finding is an error")
    applicable_forms: list[str] = Field(description="the forms the case is sent with")
    findings: list[FindingOut]


class HolidayOut(_Out):
    date: str
    state: str
    name: ByLang


class ExtensionOut(_Out):
    due: str | None
    length: int
    unit: str
    up_to: bool
    total: bool
    condition: ByLang
    article: ByLang
    source: SourceOut


class DueDateOut(_Out):
    """One time limit of the case (`readmit_forms.DueDate`)."""

    id: str
    action: ByLang
    actor: Literal["requesting", "requested", "either"]
    actor_state: str | None
    length: int
    unit: str
    relation: Literal["within", "before"]
    event: str
    start: str | None
    start_field: str = Field(description="the case field the limit runs from")
    due: str | None
    due_time: str | None
    status: Literal["unknown", "open", "met", "missed", "overdue"]
    done_on: str | None
    done_field: str | None
    optional: bool
    article: ByLang
    source: SourceOut
    calendar: list[str]
    holidays: list[HolidayOut]
    consequence: ByLang | None
    extension: ExtensionOut | None
    superseded: list[DueDateOut]
    text: rf.DeadlineText | None = Field(None, description="in words, when 'lang' is given")


class ScheduleOut(_Out):
    """Every time limit of the case (`readmit_forms.Schedule`), soonest first."""

    agreement: str
    calendar: list[str]
    both_states: bool
    today: str | None
    deadlines: list[DueDateOut]


class ProblemOut(_Out):
    path: str = Field(description="the case field, as the command line names it")
    message: str
    kind: str = Field("", description="the rule broken, e.g. 'missing' (a translation key)")


class ErrorBodyOut(_Out):
    code: str = Field(description="stable error code (see the API description)")
    message: str = Field(description="one line for a person")
    exit_code: int | None = Field(description="what readmit-forms exits with for this input")
    problems: list[ProblemOut]
    findings: list[FindingOut]


class ErrorOut(_Out):
    """Every error of the API."""

    error: ErrorBodyOut
