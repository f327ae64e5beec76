"""Exceptions raised by readmit_forms.

Problems *in a case* (a missing item, a date out of order) are not exceptions:
they are findings, returned by `validate`. Exceptions are for input that cannot
be read and for misuse of the API::

    ReadmitFormsError
    ├── UsageError                 a name or option the library does not know  (CLI exit 2)
    │   ├── UnknownAgreementError
    │   ├── UnknownFormError
    │   ├── UnknownLanguageError
    │   ├── UnknownFormatError
    │   └── UnknownPurposeError
    ├── CaseFileError              the case file cannot be read or parsed       (CLI exit 2)
    │   └── PhotoError             a photo is too large, not JPEG/PNG, or corrupt
    ├── CaseSchemaError            the case does not match the schema           (CLI exit 1)
    ├── CaseRefusedError           the case has errors for the requested form   (CLI exit 1)
    ├── LanguageNotAllowedError    language not allowed for the purpose         (CLI exit 1)
    ├── TemplateError              a DOCX/HTML template is broken or unknown    (CLI exit 2)
    ├── PdfFileError               not a PDF, or a PDF that cannot be read       (CLI exit 2)
    ├── SignedFileError            would change or replace a signed PDF         (CLI exit 2)
    ├── SigningError               the key or the signing service cannot sign   (CLI exit 2)
    │   ├── KeyAccessError         wrong passphrase or PIN, no such token/key
    │   ├── CertificateError       the certificate may not sign (expired, usage)
    │   ├── TimestampError         the timestamp authority gave no timestamp
    │   └── ExternalSignatureError the outside CMS does not fit the prepared file
    └── BundleError                a bundle's attachments fail their check      (CLI exit 1)

Every error carries the offending value and, where there is a closed list, the
allowed values; ``str(error)`` is one line meant for a person. ``exit_code`` is the
command line's exit code for the error. No message ever holds a passphrase, a PIN
or key material.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ._findings import Finding

__all__ = [
    "BundleError",
    "CaseFileError",
    "CaseRefusedError",
    "CaseSchemaError",
    "CertificateError",
    "ExternalSignatureError",
    "KeyAccessError",
    "LanguageNotAllowedError",
    "PdfFileError",
    "PhotoError",
    "ReadmitFormsError",
    "SchemaProblem",
    "SignedFileError",
    "SigningError",
    "TemplateError",
    "TimestampError",
    "UnknownAgreementError",
    "UnknownFormError",
    "UnknownFormatError",
    "UnknownLanguageError",
    "UnknownPurposeError",
    "UsageError",
]


class ReadmitFormsError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code: ClassVar[int] = 2


class UsageError(ReadmitFormsError, ValueError):
    """A name or option that the library does not know."""

    kind = "value"

    def __init__(self, value: object, allowed: Sequence[str]) -> None:
        self.value = value
        self.allowed = tuple(allowed)
        super().__init__(
            f"unknown {self.kind} {str(value)!r}; supported are: {', '.join(self.allowed)}"
        )


class UnknownAgreementError(UsageError):
    kind = "agreement"


class UnknownFormError(UsageError):
    kind = "form"


class UnknownLanguageError(UsageError):
    kind = "language"


class UnknownFormatError(UsageError):
    kind = "format"


class UnknownPurposeError(UsageError):
    kind = "purpose"


class CaseFileError(ReadmitFormsError):
    """The case file cannot be read: missing, a directory, empty, not JSON/YAML."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class PhotoError(CaseFileError):
    """A photo cannot be used: too large, not a JPEG or PNG by its content, or corrupt."""

    def __init__(self, reason: str, source: str = "photo") -> None:
        super().__init__(source, reason)


@dataclass(frozen=True)
class SchemaProblem:
    """One way in which a case does not match the schema.

    ``kind`` names the rule broken, stable across releases (usable as a translation
    key): ``missing``, ``extra_forbidden`` (an unknown field), ``value_error``, a type
    such as ``int_type``, … (pydantic's error types).
    """

    path: str
    message: str
    kind: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseSchemaError(ReadmitFormsError):
    """The case does not match the case schema; ``problems`` lists every mismatch."""

    def __init__(self, source: str, problems: Sequence[SchemaProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid case"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}")


class CaseRefusedError(ReadmitFormsError):
    """The case has errors for the requested form; render with ``draft=True`` to see it anyway."""

    def __init__(self, form: str, findings: Sequence[Finding]) -> None:
        self.form = form
        self.findings = tuple(findings)
        super().__init__(
            f"the case has {len(self.findings)} error(s) for form {form!r}; "
            "fix them or render a draft"
        )


class LanguageNotAllowedError(ReadmitFormsError):
    """The language may not be used for the purpose under the agreement."""

    def __init__(self, lang: str, purpose: str, reason: str) -> None:
        self.lang = lang
        self.purpose = purpose
        self.reason = reason
        super().__init__(f"language {lang!r} may not be used for {purpose}: {reason}")


class TemplateError(ReadmitFormsError):
    """A document template is broken, or uses a variable the document does not provide."""

    def __init__(self, template: str, reason: str) -> None:
        self.template = template
        self.reason = reason
        super().__init__(f"{template}: {reason}")


class _SourceError(ReadmitFormsError):
    """An error about one file, key or service (``source``) and why (``reason``)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class PdfFileError(_SourceError):
    """The file is not a PDF, or a PDF that cannot be read (damaged, encrypted)."""


class SignedFileError(ReadmitFormsError):
    """Writing would replace or change a signed PDF and so invalidate its signatures."""

    def __init__(self, path: str, signatures: int) -> None:
        self.path = path
        self.signatures = signatures
        super().__init__(
            f"{path}: is signed ({signatures} signature{'s' if signatures != 1 else ''}); "
            "replacing or changing it would invalidate the signatures, so it is left "
            "as it is (write to another file)"
        )


class SigningError(_SourceError):
    """The document cannot be signed with this key, certificate or service (``source``)."""


class KeyAccessError(SigningError):
    """The key cannot be opened: a wrong passphrase or PIN, no such token or key."""


class CertificateError(SigningError):
    """The signer's certificate may not sign now: expired, not yet valid, wrong key usage."""


class TimestampError(SigningError):
    """The timestamp authority did not answer, or answered with no usable timestamp."""


class ExternalSignatureError(SigningError):
    """A CMS from an outside signer does not fit the prepared file (other bytes, too big)."""


class BundleError(_SourceError):
    """A case bundle fails its own check: an attachment missing or corrupt, a hash that differs."""

    exit_code = 1
