"""readmit_forms: the forms of Kazakhstan's bilateral readmission agreements.

    >>> import readmit_forms as rf
    >>> case = rf.load_case("samples/kz-at-family.yaml")
    >>> rf.validate(case, form="readmission-request")
    [...]
    >>> pdf = rf.render(case, form="readmission-request", lang="en")
    >>> for due in rf.deadlines(case).items: ...
    >>> with rf.SigningKey.from_pkcs12("clerk.p12", passphrase) as key:
    ...     signed = rf.sign(rf.bundle(case), key, field="signature")
    >>> rf.verify(signed, trust=[ca]).ok
    >>> register = rf.Register()          # the case register (SQLite in the data folder)
    >>> entry = register.add(case, by="A. Clerk")

The whole public API is here; modules starting with ``_`` are private.
"""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module

from ._agreements import Agreement, FormInfo, agreement_ids, agreements, get_agreement
from ._calendars import Holiday
from ._case import Case
from ._compose import compose
from ._deadline_text import DeadlineText, describe_deadline, describe_schedule
from ._deadlines import DueDate, Extended, Schedule, deadlines
from ._document import Document
from ._errors import (
    BundleError,
    CaseFileError,
    CaseRefusedError,
    CaseSchemaError,
    CertificateError,
    ExternalSignatureError,
    KeyAccessError,
    LanguageNotAllowedError,
    PdfFileError,
    PhotoError,
    ReadmitFormsError,
    RecordIncompleteError,
    RegisterError,
    RegisterRefusedError,
    RegisterSchemaError,
    RegisterUnavailableError,
    SignedFileError,
    SigningError,
    StaleDocumentError,
    TemplateError,
    TimestampError,
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
from ._loading import load_case, parse_case_text
from ._photo import MAX_BYTES as MAX_PHOTO_BYTES
from ._photo import MAX_PIXELS as MAX_PHOTO_PIXELS
from ._photo import clean_photo
from ._proof import proof, render_proof
from ._register._results import (
    CaseSummary,
    DataRecord,
    OpenDeadline,
    PurgeReport,
    RegisteredCase,
    RegisteredDocument,
    SavedVersion,
)
from ._render import render
from ._saving import dump_case
from ._scope import applicable_forms
from ._template_check import TemplateReport, check_templates
from ._validate import validate
from ._vocabulary import country_names, language_names
from .backends import FORMATS, MEDIA_TYPES

if _typing.TYPE_CHECKING:
    from ._bundle import BundleContents, BundledDocument, bundle, extract
    from ._register._api import Register
    from ._signing import (
        ExternalRequest,
        SignatureStatus,
        SigningKey,
        Verification,
        embed_external,
        prepare_external,
        sign,
        verify,
    )

__version__ = "0.1.0"

# Signing and the bundle load pyHanko and pikepdf, the register SQLAlchemy: only when
# first used (PEP 562), so that rendering and the command line start as fast as before.
_LAZY = {
    "Register": "._register._api",
    **dict.fromkeys(("BundleContents", "BundledDocument", "bundle", "extract"), "._bundle"),
    **dict.fromkeys(
        (
            "ExternalRequest",
            "SignatureStatus",
            "SigningKey",
            "Verification",
            "embed_external",
            "prepare_external",
            "sign",
            "verify",
        ),
        "._signing",
    ),
}


def __getattr__(name: str) -> _typing.Any:
    if name in _LAZY:
        value = getattr(_import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "FORMATS",
    "MAX_PHOTO_BYTES",
    "MAX_PHOTO_PIXELS",
    "MEDIA_TYPES",
    "PURPOSES",
    "Agreement",
    "BundleContents",
    "BundleError",
    "BundledDocument",
    "Case",
    "CaseFileError",
    "CaseRefusedError",
    "CaseSchemaError",
    "CaseSummary",
    "CertificateError",
    "DataRecord",
    "DeadlineText",
    "Document",
    "DueDate",
    "Extended",
    "ExternalRequest",
    "ExternalSignatureError",
    "Finding",
    "FormInfo",
    "Holiday",
    "KeyAccessError",
    "Lang",
    "LanguageNotAllowedError",
    "LanguageStatus",
    "OpenDeadline",
    "PdfFileError",
    "PhotoError",
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
    "SignatureStatus",
    "SignedFileError",
    "SigningError",
    "SigningKey",
    "StaleDocumentError",
    "TemplateError",
    "TemplateReport",
    "TimestampError",
    "UnknownAgreementError",
    "UnknownCaseError",
    "UnknownDocumentError",
    "UnknownFormError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "UnknownPersonError",
    "UnknownPurposeError",
    "UsageError",
    "Verification",
    "VersionConflictError",
    "__version__",
    "agreement_ids",
    "agreements",
    "applicable_forms",
    "bundle",
    "check_templates",
    "clean_photo",
    "compose",
    "country_names",
    "deadlines",
    "describe_deadline",
    "describe_schedule",
    "dump_case",
    "embed_external",
    "extract",
    "get_agreement",
    "language_names",
    "language_status",
    "load_case",
    "parse_case_text",
    "prepare_external",
    "proof",
    "render",
    "render_proof",
    "sign",
    "validate",
    "verify",
]
