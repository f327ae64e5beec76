"""readmit_forms: the forms of Kazakhstan's bilateral readmission agreements.

    >>> import readmit_forms as rf
    >>> case = rf.load_case("samples/kz-at-family.yaml")
    >>> rf.validate(case, form="readmission-request")
    [...]
    >>> pdf = rf.render(case, form="readmission-request", lang="en")
    >>> for due in rf.deadlines(case).items: ...
    >>> register = rf.Register()          # the case register (SQLite in the data folder)
    >>> entry = register.add(case, by="A. Clerk")

The whole public API is here; modules starting with ``_`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._agreements import Agreement, agreement_ids, agreements, get_agreement
from ._calendars import Holiday
from ._case import Case
from ._compose import compose
from ._deadlines import DueDate, Extended, Schedule, deadlines
from ._document import Document
from ._errors import (
    CaseFileError,
    CaseRefusedError,
    CaseSchemaError,
    LanguageNotAllowedError,
    ReadmitFormsError,
    RecordIncompleteError,
    RegisterError,
    RegisterRefusedError,
    RegisterSchemaError,
    RegisterUnavailableError,
    StaleDocumentError,
    TemplateError,
    UnknownAgreementError,
    UnknownCaseError,
    UnknownDocumentError,
    UnknownFormatError,
    UnknownFormError,
    UnknownLanguageError,
    UnknownPersonError,
    UnknownPurposeError,
    UsageError,
    VersionConflictError,
)
from ._findings import Finding, Severity
from ._lang import Lang
from ._languages import PURPOSES, LanguageStatus, language_status
from ._loading import load_case
from ._proof import proof, render_proof
from ._register._results import (
    DataRecord,
    OpenDeadline,
    PurgeReport,
    RegisteredCase,
    RegisteredDocument,
    SavedVersion,
)
from ._render import render
from ._template_check import TemplateReport, check_templates
from ._validate import validate
from .backends import FORMATS

if TYPE_CHECKING:
    from ._register._api import Register

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The register needs SQLAlchemy; import it when a program first asks for it, so that
    # rendering a form never pays for it.
    if name == "Register":
        from ._register._api import Register

        return Register
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "FORMATS",
    "PURPOSES",
    "Agreement",
    "Case",
    "CaseFileError",
    "CaseRefusedError",
    "CaseSchemaError",
    "DataRecord",
    "Document",
    "DueDate",
    "Extended",
    "Finding",
    "Holiday",
    "Lang",
    "LanguageNotAllowedError",
    "LanguageStatus",
    "OpenDeadline",
    "PurgeReport",
    "ReadmitFormsError",
    "RecordIncompleteError",
    "Register",
    "RegisterError",
    "RegisterRefusedError",
    "RegisterSchemaError",
    "RegisterUnavailableError",
    "RegisteredCase",
    "RegisteredDocument",
    "SavedVersion",
    "Schedule",
    "Severity",
    "StaleDocumentError",
    "TemplateError",
    "TemplateReport",
    "UnknownAgreementError",
    "UnknownCaseError",
    "UnknownDocumentError",
    "UnknownFormError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "UnknownPersonError",
    "UnknownPurposeError",
    "UsageError",
    "VersionConflictError",
    "__version__",
    "agreement_ids",
    "agreements",
    "check_templates",
    "compose",
    "deadlines",
    "get_agreement",
    "language_status",
    "load_case",
    "proof",
    "render",
    "render_proof",
    "validate",
]
