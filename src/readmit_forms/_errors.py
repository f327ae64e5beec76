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
    │   ├── UnknownPurposeError
    │   └── InvalidValueError      a date, period, calendar or state that cannot be read
    ├── CaseFileError              the case file cannot be read or parsed       (CLI exit 2)
    │   └── PhotoError             a photo is too large, not JPEG/PNG, or corrupt
    ├── CaseSchemaError            the case does not match the schema           (CLI exit 1)
    ├── CaseRefusedError           the case has errors for the requested form   (CLI exit 1)
    │                              (with its findings: defined in _findings)
    ├── LanguageNotAllowedError    language not allowed for the purpose         (CLI exit 1)
    ├── TemplateError              a DOCX/HTML template is broken or unknown    (CLI exit 2)
    ├── DataError                  an agreement pack names what is not known     (CLI exit 2)
    ├── PdfFileError               not a PDF, or a PDF that cannot be read       (CLI exit 2)
    ├── SignedFileError            would change or replace a signed PDF         (CLI exit 2)
    ├── SigningError               the key or the signing service cannot sign   (CLI exit 2)
    │   ├── KeyAccessError         wrong passphrase or PIN, no such token/key
    │   ├── CertificateError       the certificate may not sign (expired, usage)
    │   ├── TimestampError         the timestamp authority gave no timestamp
    │   └── ExternalSignatureError the outside CMS does not fit the prepared file
    ├── BundleError                a bundle's attachments fail their check      (CLI exit 1)
    ├── FilledFormError            a filled PDF is no fillable form of this tool  (CLI exit 1)
    └── RegisterError              the case register refuses or cannot do it    (CLI exit 2 or 1)
        ├── RegisterUnavailableError   the database cannot be reached or opened     (exit 2)
        ├── RegisterSchemaError        the database has a newer schema version      (exit 2)
        ├── UnknownCaseError           no case with that reference                  (exit 2)
        ├── UnknownDocumentError       no document with that SHA-256 in the case    (exit 2)
        ├── UnknownPersonError         no (or more than one) person matches         (exit 2)
        ├── VersionConflictError       the case was saved by someone else meanwhile (exit 1)
        ├── StaleDocumentError         the document is not of the current version   (exit 1)
        ├── RegisterRefusedError       not allowed: a draft sent, an agreement moved (exit 1)
        └── RecordIncompleteError      an item the agreement's record requires      (exit 1)

Every error carries the offending value and, where there is a closed list, the
allowed values; ``str(error)`` is one line meant for a person. ``exit_code`` is the
command line's exit code for the error. No message ever holds a passphrase, a PIN
or key material, nor (register errors) a value from a case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

__all__ = [
    "BundleError",
    "CaseFileError",
    "CaseSchemaError",
    "CertificateError",
    "DataError",
    "ExternalSignatureError",
    "FilledFormError",
    "InvalidValueError",
    "KeyAccessError",
    "LanguageNotAllowedError",
    "MissingPartError",
    "PdfFileError",
    "PhotoError",
    "ReadmitFormsError",
    "RecordIncompleteError",
    "RegisterError",
    "RegisterRefusedError",
    "RegisterSchemaError",
    "RegisterUnavailableError",
    "SchemaProblem",
    "SignedFileError",
    "SigningError",
    "StaleDocumentError",
    "TemplateError",
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
    "VersionConflictError",
    "missing_part",
]


class ReadmitFormsError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code: ClassVar[int] = 2


OPTIONAL_PARTS = {
    **dict.fromkeys(("pyhanko", "pyhanko_certvalidator", "pikepdf", "asn1crypto"), "sign"),
    **dict.fromkeys(("cryptography", "pkcs11", "oscrypto"), "sign"),
    **dict.fromkeys(("sqlalchemy", "alembic"), "register"),
    **dict.fromkeys(("fastapi", "starlette", "uvicorn", "multipart", "pypdfium2"), "web"),
    "psycopg": "postgresql",
}
"""The top-level module of each library that is an optional part (``pip install
'readmit-forms[PART]'``) → the part."""


class MissingPartError(ReadmitFormsError):
    """What was asked for needs an optional part that is not installed."""

    def __init__(self, part: str, module: str) -> None:
        self.part = part
        self.module = module
        super().__init__(
            f"this needs the optional part {part!r} ({module} is not installed): "
            f"pip install 'readmit-forms[{part}]'"
        )


def missing_part(error: ImportError) -> MissingPartError | None:
    """The `MissingPartError` an import error stands for, if it is an optional part's."""
    module = (getattr(error, "name", None) or "").partition(".")[0]
    part = OPTIONAL_PARTS.get(module)
    return MissingPartError(part, module) if part else None


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


class InvalidValueError(UsageError):
    """A value of an option that cannot be read: a date, a period, a calendar, a state."""

    def __init__(self, kind: str, value: object, allowed: Sequence[str]) -> None:
        self.kind = kind
        super().__init__(value, allowed)


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

    exit_code = 1

    def __init__(self, source: str, problems: Sequence[SchemaProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid case"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}")


class LanguageNotAllowedError(ReadmitFormsError):
    """The language may not be used for the purpose under the agreement."""

    exit_code = 1

    def __init__(self, lang: str, purpose: str, reason: str) -> None:
        self.lang = lang
        self.purpose = purpose
        self.reason = reason
        super().__init__(f"language {lang!r} may not be used for {purpose}: {reason}")


class DataError(ReadmitFormsError, ValueError):
    """An agreement pack's file names something the toolkit does not know, or is malformed:
    one line naming the file, the place inside it, the value and what is allowed."""

    def __init__(
        self,
        file: str,
        path: str,
        value: object,
        allowed: Sequence[str] = (),
        reason: str | None = None,
    ) -> None:
        self.file = file
        self.path = path
        self.value = value
        self.allowed = tuple(allowed)
        self.reason = reason
        where = f"{file}: {path}" if path else file
        message = f"{where}: {reason if reason is not None else f'unknown {str(value)!r}'}"
        if self.allowed:
            message += f"; allowed: {', '.join(self.allowed)}"
        super().__init__(message)


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


class FilledFormError(_SourceError):
    """A PDF given to read filled fields from is not a fillable form (``render --fillable``)."""

    exit_code = 1


# -- the case register ----------------------------------------------------------------
#
# Messages name references, versions, SHA-256 prefixes and field names, never a value
# from a case: the register holds personal data and its errors end up in logs.


class RegisterError(ReadmitFormsError):
    """The case register refused the operation or could not do it; nothing was changed."""


class RegisterUnavailableError(RegisterError):
    """The register's database cannot be reached, opened or created."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"cannot open the register at {url}: {reason}")


class RegisterSchemaError(RegisterError):
    """The database was made by a newer readmit-forms (or is not a register at all)."""

    def __init__(self, url: str, found: str, known: Sequence[str]) -> None:
        self.url = url
        self.found = found
        self.known = tuple(known)
        super().__init__(
            f"the register at {url} has schema version {found}, which this readmit-forms does "
            f"not know (it knows {', '.join(self.known)}); upgrade readmit-forms to use it"
        )


class UnknownCaseError(RegisterError):
    """No case in the register has this reference."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        super().__init__(
            f"no case {ref!r} in the register (see 'readmit-forms register list' for references)"
        )


class UnknownDocumentError(RegisterError):
    """No document of the case has this SHA-256 (or the prefix is ambiguous)."""

    def __init__(self, ref: str, sha256: str, reason: str = "") -> None:
        self.ref = ref
        self.sha256 = sha256
        why = reason or "render it from the register first (readmit-forms register render)"
        super().__init__(f"case {ref}: no document {sha256!r} in the register; {why}")


class UnknownPersonError(RegisterError):
    """No person in the register matches, or several different people do."""

    def __init__(self, matches: Sequence[str] = (), people: int = 0) -> None:
        self.matches = tuple(matches)
        self.people = people
        if self.matches:
            message = (
                f"{people} different people match (in cases {', '.join(self.matches)}); "
                "give more of the name, the date of birth (--born) or a case reference"
            )
        else:
            message = "no person in the register matches (give a surname or a case reference)"
        super().__init__(message)


class VersionConflictError(RegisterError):
    """The case was saved by someone else since the version the change was based on."""

    exit_code = 1

    def __init__(self, ref: str, based_on: int, current: int) -> None:
        self.ref = ref
        self.based_on = based_on
        self.current = current
        super().__init__(
            f"case {ref} was saved as version {current} after version {based_on}, which your "
            "change is based on; reload the case, apply your change to it and save again"
        )


class StaleDocumentError(RegisterError):
    """The document was generated from an older version of the case than the current one."""

    exit_code = 1

    def __init__(self, ref: str, sha256: str, version: int, current: int) -> None:
        self.ref = ref
        self.sha256 = sha256
        self.version = version
        self.current = current
        super().__init__(
            f"case {ref}: document {sha256[:12]} was generated from version {version}, but the "
            f"case is at version {current}; render it again from the current version"
        )


class RecordIncompleteError(RegisterError):
    """An item the agreement requires in the record of a transmission or receipt is missing."""

    exit_code = 1

    def __init__(self, field: str, article: str, option: str) -> None:
        self.field = field
        self.article = article
        self.option = option
        super().__init__(f"the record must name the {field} ({article}); give {option}")


class RegisterRefusedError(RegisterError):
    """The register refuses the change: sending a draft, moving a case to another agreement."""

    exit_code = 1

    def __init__(self, ref: str, reason: str) -> None:
        self.ref = ref
        self.reason = reason
        super().__init__(f"case {ref}: {reason}" if ref else reason)
