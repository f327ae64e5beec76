"""readmit_forms: the forms of Kazakhstan's bilateral readmission agreements.

From a case file to a signed document (run from the top of the repository; this
example is run by the tests):

    >>> import readmit_forms as rf
    >>> case = rf.load_case("samples/kz-at-family.yaml")
    >>> [f.code for f in rf.validate(case, form="readmission-request") if f.is_error]
    []
    >>> pdf = rf.render(case, form="readmission-request", lang="en")
    >>> pdf[:5]
    b'%PDF-'
    >>> rf.applicable_forms(case)
    ('readmission-request', 'handover-notice')
    >>> len(rf.deadlines(case).items) > 0
    True

Then the bundle, the signatures and the register, which need a key and a database:
``rf.bundle(case)`` gives one PDF/A-3b file of the case; ``rf.sign(pdf, key)`` signs it
with a key from ``rf.SigningKey.from_pkcs12(path, passphrase)`` (or a PKCS#11 token);
``rf.verify(signed, trust=[...])`` checks every signature; ``rf.Register()`` is the
case register (SQLite in the user's data folder), ``register.add(case, by=...)``
registers a case.

The whole public API is here; modules starting with ``_`` are private.
"""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module

from ._errors import (
    BundleError,
    CaseFileError,
    CaseSchemaError,
    CertificateError,
    DataError,
    ExternalSignatureError,
    FilledFormError,
    InvalidValueError,
    KeyAccessError,
    LanguageNotAllowedError,
    MissingPartError,
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
from ._errors import missing_part as _missing_part
from ._lang import Lang
from ._version import __version__

if _typing.TYPE_CHECKING:
    from ._agreements import Agreement, FormInfo, agreement_ids, agreements, get_agreement
    from ._backends import MEDIA_TYPES, formats
    from ._bundle import BundleContents, BundledDocument, bundle, extract
    from ._calendars import Holiday
    from ._case import Case
    from ._category import EvidenceStatus, applicable_forms, evidence_report
    from ._compose import compose
    from ._deadline_text import DeadlineText, describe_deadline, describe_schedule
    from ._deadlines import DueDate, Extended, Schedule, deadlines
    from ._document import Document
    from ._fillable import FilledCase, extract_filled, is_fillable
    from ._findings import CaseRefusedError, Finding, Severity, describe_findings
    from ._languages import (
        PURPOSES,
        LanguageStatus,
        PurposeDecision,
        language_status,
        purpose_decision,
    )
    from ._loading import load_case, parse_case_text
    from ._pack_check import PackReport, check_pack
    from ._packs import ENV as AGREEMENTS_ENV
    from ._packs import add_packs, reset_packs
    from ._photo import MAX_BYTES as MAX_PHOTO_BYTES
    from ._photo import MAX_PIXELS as MAX_PHOTO_PIXELS
    from ._photo import clean_photo
    from ._proof import proof, render_proof
    from ._register._api import Register
    from ._register._due import describe_due
    from ._register._results import ENV as REGISTER_ENV
    from ._register._results import STATES as CASE_STATES
    from ._register._results import (
        CaseSummary,
        DataRecord,
        OpenDeadline,
        PurgeReport,
        RegisteredCase,
        RegisteredDocument,
        SavedVersion,
    )
    from ._render import check_format, render
    from ._saving import dump_case
    from ._signing import (
        ExternalRequest,
        SignatureStatus,
        SigningKey,
        Verification,
        cms_algorithms,
        embed_external,
        load_certificate,
        load_certificates,
        prepare_external,
        sign,
        verify,
    )
    from ._template_check import TemplateReport, check_templates
    from ._validate import validate
    from ._vocabulary import country_names, language_names


# Every name but the errors is imported when first used (PEP 562): a program, and the
# command line, load only what they use (signing and the bundle load pyHanko and pikepdf,
# the register SQLAlchemy, everything else pydantic and the agreement data). Each entry is
# a module and what it gives ("NAME" or "NAME=its name there"); the block above lists the
# same for type checkers (a test holds the two the same).
_LAZY_FROM = {
    "._agreements": ("Agreement", "FormInfo", "agreement_ids", "agreements", "get_agreement"),
    "._backends": ("MEDIA_TYPES", "formats"),
    "._calendars": ("Holiday",),
    "._case": ("Case",),
    "._category": ("EvidenceStatus", "applicable_forms", "evidence_report"),
    "._compose": ("compose",),
    "._deadline_text": ("DeadlineText", "describe_deadline", "describe_schedule"),
    "._deadlines": ("DueDate", "Extended", "Schedule", "deadlines"),
    "._document": ("Document",),
    "._findings": ("CaseRefusedError", "Finding", "Severity", "describe_findings"),
    "._languages": (
        "PURPOSES",
        "LanguageStatus",
        "PurposeDecision",
        "language_status",
        "purpose_decision",
    ),
    "._loading": ("load_case", "parse_case_text"),
    "._pack_check": ("PackReport", "check_pack"),
    "._packs": ("AGREEMENTS_ENV=ENV", "add_packs", "reset_packs"),
    "._photo": ("MAX_PHOTO_BYTES=MAX_BYTES", "MAX_PHOTO_PIXELS=MAX_PIXELS", "clean_photo"),
    "._proof": ("proof", "render_proof"),
    "._register._due": ("describe_due",),
    "._register._results": (
        "REGISTER_ENV=ENV",
        "CASE_STATES=STATES",
        "CaseSummary",
        "DataRecord",
        "OpenDeadline",
        "PurgeReport",
        "RegisteredCase",
        "RegisteredDocument",
        "SavedVersion",
    ),
    "._render": ("check_format", "render"),
    "._saving": ("dump_case",),
    "._template_check": ("TemplateReport", "check_templates"),
    "._validate": ("validate",),
    "._vocabulary": ("country_names", "language_names"),
    "._bundle": ("BundleContents", "BundledDocument", "bundle", "extract"),
    "._fillable": ("FilledCase", "extract_filled", "is_fillable"),
    "._register._api": ("Register",),
    "._signing": (
        "ExternalRequest",
        "SignatureStatus",
        "SigningKey",
        "Verification",
        "cms_algorithms",
        "embed_external",
        "load_certificate",
        "load_certificates",
        "prepare_external",
        "sign",
        "verify",
    ),
}
_LAZY = {
    name: (module, attr or name)
    for module, names in _LAZY_FROM.items()
    for name, _, attr in (entry.partition("=") for entry in names)
}


def __getattr__(name: str) -> _typing.Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        try:
            value = getattr(_import_module(module, __name__), attr)
        except ImportError as exc:  # signing, the bundle, the register: optional parts
            raise (_missing_part(exc) or exc) from None
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "AGREEMENTS_ENV",
    "CASE_STATES",
    "MAX_PHOTO_BYTES",
    "MAX_PHOTO_PIXELS",
    "MEDIA_TYPES",
    "PURPOSES",
    "REGISTER_ENV",
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
    "DataError",
    "DataRecord",
    "DeadlineText",
    "Document",
    "DueDate",
    "EvidenceStatus",
    "Extended",
    "ExternalRequest",
    "ExternalSignatureError",
    "FilledCase",
    "FilledFormError",
    "Finding",
    "FormInfo",
    "Holiday",
    "InvalidValueError",
    "KeyAccessError",
    "Lang",
    "LanguageNotAllowedError",
    "LanguageStatus",
    "MissingPartError",
    "OpenDeadline",
    "PackReport",
    "PdfFileError",
    "PhotoError",
    "PurgeReport",
    "PurposeDecision",
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
    "add_packs",
    "agreement_ids",
    "agreements",
    "applicable_forms",
    "bundle",
    "check_format",
    "check_pack",
    "check_templates",
    "clean_photo",
    "cms_algorithms",
    "compose",
    "country_names",
    "deadlines",
    "describe_deadline",
    "describe_due",
    "describe_findings",
    "describe_schedule",
    "dump_case",
    "embed_external",
    "evidence_report",
    "extract",
    "extract_filled",
    "formats",
    "get_agreement",
    "is_fillable",
    "language_names",
    "language_status",
    "load_case",
    "load_certificate",
    "load_certificates",
    "parse_case_text",
    "prepare_external",
    "proof",
    "purpose_decision",
    "render",
    "render_proof",
    "reset_packs",
    "sign",
    "validate",
    "verify",
]
