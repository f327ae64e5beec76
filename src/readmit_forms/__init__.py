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

from ._agreements import Agreement, FormInfo, agreement_ids, agreements, get_agreement
from ._calendars import Holiday
from ._case import Case
from ._compose import compose
from ._deadline_text import DeadlineText, describe_deadline, describe_schedule
from ._deadlines import DueDate, Extended, Schedule, deadlines
from ._document import Document
from ._errors import (
    CaseFileError,
    CaseRefusedError,
    CaseSchemaError,
    LanguageNotAllowedError,
    PhotoError,
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
from ._loading import load_case, parse_case_text
from ._photos import MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, clean_photo
from ._proof import proof, render_proof
from ._render import render
from ._saving import dump_case
from ._scope import applicable_forms
from ._template_check import TemplateReport, check_templates
from ._validate import validate
from ._vocabulary import country_names, language_names
from .backends import FORMATS, MEDIA_TYPES

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "MAX_PHOTO_BYTES",
    "MAX_PHOTO_PIXELS",
    "MEDIA_TYPES",
    "PURPOSES",
    "Agreement",
    "Case",
    "CaseFileError",
    "CaseRefusedError",
    "CaseSchemaError",
    "DeadlineText",
    "Document",
    "DueDate",
    "Extended",
    "Finding",
    "FormInfo",
    "Holiday",
    "Lang",
    "LanguageNotAllowedError",
    "LanguageStatus",
    "PhotoError",
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
    "applicable_forms",
    "check_templates",
    "clean_photo",
    "compose",
    "country_names",
    "deadlines",
    "describe_deadline",
    "describe_schedule",
    "dump_case",
    "get_agreement",
    "language_names",
    "language_status",
    "load_case",
    "parse_case_text",
    "proof",
    "render",
    "render_proof",
    "validate",
]
