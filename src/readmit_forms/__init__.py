"""readmit_forms: the forms of Kazakhstan's bilateral readmission agreements.

    >>> import readmit_forms as rf
    >>> case = rf.load_case("samples/kz-at-family.yaml")
    >>> rf.validate(case, form="readmission-request")
    [...]
    >>> pdf = rf.render(case, form="readmission-request", lang="en")
    >>> for due in rf.deadlines(case).items: ...

The whole public API is here; modules starting with ``_`` are private.
"""

from __future__ import annotations

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
    TemplateError,
    UnknownAgreementError,
    UnknownFormatError,
    UnknownFormError,
    UnknownLanguageError,
    UnknownPurposeError,
    UsageError,
)
from ._findings import Finding, Severity
from ._lang import Lang
from ._languages import PURPOSES, LanguageStatus, language_status
from ._loading import load_case
from ._proof import proof, render_proof
from ._render import render
from ._template_check import TemplateReport, check_templates
from ._validate import validate
from .backends import FORMATS

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "PURPOSES",
    "Agreement",
    "Case",
    "CaseFileError",
    "CaseRefusedError",
    "CaseSchemaError",
    "Document",
    "DueDate",
    "Extended",
    "Finding",
    "Holiday",
    "Lang",
    "LanguageNotAllowedError",
    "LanguageStatus",
    "ReadmitFormsError",
    "Schedule",
    "Severity",
    "TemplateError",
    "TemplateReport",
    "UnknownAgreementError",
    "UnknownFormError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "UnknownPurposeError",
    "UsageError",
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
