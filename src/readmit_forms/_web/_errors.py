"""Errors of the web application: one stable code each, the same for pages and the API.

The library's errors keep the meaning they have on the command line: ``exit_code``
is the code ``readmit-forms`` exits with for the same input (1 the case has errors,
2 usage error or unreadable input), and schema problems and findings carry the same
field paths. The codes the web adds (``body-too-large``, ``token-required``, …) have
no command-line counterpart and no exit code.

=========================  ======  =========  =============================================
code                       status  exit code  when
=========================  ======  =========  =============================================
case-schema                422     1          the case does not match the case schema
case-refused               422     1          the case has errors for the form (no draft)
language-not-allowed       422     1          a language refused for the purpose
case-file                  400     2          the body is not a JSON or YAML case at all
photo                      422     2          the photo is too large, not JPEG/PNG, corrupt
photo-path-refused         422     2          the case names a photo file: never read
unknown-agreement          404     2          no such agreement
unknown-form               400     2          the agreement has no such form
unknown-language           400     2          not kk, ru or en
unknown-format             400     2          not pdf, docx or html
unknown-purpose            400     2          not default or submission
unknown-case               404     2          no case in the register has this reference
unknown-document           404     2          the case has no such document in the register
version-conflict           409     1          the case was saved by someone else since the
                                              version the change is based on (nothing
                                              is overwritten: open the newer version)
stale-document             409     1          a document of an older version of the case
register-refused           422     1          the register refuses the change (a draft
                                              sent, a case moved to another agreement)
record-incomplete          422     1          the record lacks an item its agreement requires
register-unavailable       503     2          the register cannot be opened or reached
signing                    503     2          the server's key cannot sign (expired
                                              certificate, timestamp authority down)
signing-not-configured     400     —          a signed document from a server without a key
bad-request                400     —          a query parameter of the wrong form
unsupported-media-type     415     —          the body is not JSON, YAML or a form
body-too-large             413     —          the request body is over the limit
token-required             401     —          the access token is missing or wrong
host-not-allowed           403     —          a Host header other than this machine's
csrf                       403     —          a form post without its CSRF token, or
                                              a post from another site
not-found                  404     —          no such page
method-not-allowed         405     —          the page does not take this method
internal                   500     —          a bug: logged without the case's data
=========================  ======  =========  =============================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import readmit_forms as rf

__all__ = ["CODES", "WebError", "from_library", "photo_path_refused"]

CODES: tuple[str, ...] = (
    "case-schema",
    "case-refused",
    "language-not-allowed",
    "case-file",
    "photo",
    "photo-path-refused",
    "unknown-agreement",
    "unknown-form",
    "unknown-language",
    "unknown-format",
    "unknown-purpose",
    "unknown-case",
    "unknown-document",
    "version-conflict",
    "stale-document",
    "register-refused",
    "record-incomplete",
    "register-unavailable",
    "signing",
    "signing-not-configured",
    "bad-request",
    "unsupported-media-type",
    "body-too-large",
    "token-required",
    "host-not-allowed",
    "csrf",
    "not-found",
    "method-not-allowed",
    "internal",
)


@dataclass
class WebError(Exception):
    """An error answered to the client: HTTP status, stable code, one line, details."""

    status: int
    code: str
    message: str
    exit_code: int | None = None
    problems: list[dict[str, str]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def body(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "exit_code": self.exit_code,
                "problems": self.problems,
                "findings": self.findings,
            }
        }


_BY_KIND: tuple[tuple[type[rf.ReadmitFormsError], int, str], ...] = (
    (rf.UnknownAgreementError, 404, "unknown-agreement"),
    (rf.UnknownFormError, 400, "unknown-form"),
    (rf.UnknownLanguageError, 400, "unknown-language"),
    (rf.UnknownFormatError, 400, "unknown-format"),
    (rf.UnknownPurposeError, 400, "unknown-purpose"),
    (rf.UnknownCaseError, 404, "unknown-case"),
    (rf.UnknownDocumentError, 404, "unknown-document"),
    (rf.VersionConflictError, 409, "version-conflict"),
    (rf.StaleDocumentError, 409, "stale-document"),
    (rf.RegisterRefusedError, 422, "register-refused"),
    (rf.RecordIncompleteError, 422, "record-incomplete"),
    (rf.RegisterUnavailableError, 503, "register-unavailable"),
    (rf.RegisterSchemaError, 503, "register-unavailable"),
    (rf.SigningError, 503, "signing"),
)


def from_library(exc: rf.ReadmitFormsError) -> WebError:
    """The web error for a library error, with the CLI's exit code, paths and lines."""
    if isinstance(exc, rf.CaseSchemaError):
        problems = [{"path": p.path, "message": p.message, "kind": p.kind} for p in exc.problems]
        return WebError(422, "case-schema", str(exc), 1, problems=problems)
    if isinstance(exc, rf.CaseRefusedError):
        findings = [f.to_dict() for f in exc.findings]
        return WebError(422, "case-refused", str(exc), 1, findings=findings)
    if isinstance(exc, rf.LanguageNotAllowedError):
        return WebError(422, "language-not-allowed", str(exc), 1)
    if isinstance(exc, rf.PhotoError):
        return WebError(422, "photo", str(exc), 2, problems=[_photo_problem(exc.reason)])
    if isinstance(exc, rf.CaseFileError):
        return WebError(400, "case-file", str(exc), 2)
    for kind, status, code in _BY_KIND:
        if isinstance(exc, kind):
            return WebError(status, code, str(exc), exc.exit_code)
    return WebError(400, "bad-request", str(exc), exc.exit_code)


def _photo_problem(reason: str) -> dict[str, str]:
    return {"path": "person.photo", "message": reason, "kind": "photo"}


def photo_path_refused() -> WebError:
    """A case that names a photo file: the server never opens a path a client gives."""
    message = (
        "person.photo: the server does not open files named by a client; "
        "leave person.photo out and send the photo itself (multipart part 'photo')"
    )
    problem = {
        "path": "person.photo",
        "message": "a file path is not accepted here",
        "kind": "photo-path",
    }
    return WebError(422, "photo-path-refused", message, 2, problems=[problem])
