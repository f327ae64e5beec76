"""Checking the signatures of a PDF: for each, who signed and when, whether it is
intact, whether it covers the whole file or what was added after it, and whether
its certificate chain reaches a trusted root.

A signature whose algorithm this tool cannot compute (GOST signatures from
NCALayer/KalkanCrypt) is reported as *not checked*, never as valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from .._errors import PdfFileError
from ._keys import certificate_name
from ._pdf import is_pdf, read_pdf

__all__ = ["SignatureStatus", "Verification", "verify"]

# Arcs of national algorithms pyHanko cannot compute (asn1crypto names none of them).
_NATIONAL_ARCS = {
    "1.2.643.": "a Russian GOST algorithm",
    "1.2.398.": "a Kazakhstan national (GOST) algorithm",
    "1.2.112.": "a Belarus national (STB) algorithm",
}
_GOST_NAMES = {
    "1.2.643.7.1.1.1.1": "GOST R 34.10-2012 (256 bit)",
    "1.2.643.7.1.1.1.2": "GOST R 34.10-2012 (512 bit)",
    "1.2.643.7.1.1.2.2": "GOST R 34.11-2012 (Streebog, 256 bit)",
    "1.2.643.7.1.1.2.3": "GOST R 34.11-2012 (Streebog, 512 bit)",
    "1.2.643.7.1.1.3.2": "GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)",
    "1.2.643.7.1.1.3.3": "GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)",
    "1.2.643.2.2.19": "GOST R 34.10-2001",
    "1.2.643.2.2.3": "GOST R 34.11-94 with GOST R 34.10-2001",
    "1.2.643.2.2.9": "GOST R 34.11-94",
}

_ADDED = {
    ModificationLevel.NONE: "nothing",
    ModificationLevel.LTA_UPDATES: "validation data only",
    ModificationLevel.FORM_FILLING: "further signatures or form fields",
    ModificationLevel.ANNOTATIONS: "annotations",
    ModificationLevel.OTHER: "other changes to the document",
}
_ALLOWED_AFTER = {
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
}


def _unknown_algorithm(oid: str) -> str | None:
    """A description of an algorithm pyHanko cannot compute, or None for a known one."""
    if "." not in oid:  # asn1crypto gave it a name: a standard algorithm
        return None
    name = _GOST_NAMES.get(oid) or next(
        (what for arc, what in _NATIONAL_ARCS.items() if oid.startswith(arc)), "an algorithm"
    )
    return f"{name} ({oid})"


@dataclass(frozen=True)
class SignatureStatus:
    """One signature of a PDF as checked. ``intact``, ``valid`` and ``trusted`` are
    None where they could not be checked (an algorithm this tool cannot compute)."""

    field: str
    signer: str
    signing_time: dt.datetime | None
    timestamp: dt.datetime | None
    level: str
    algorithm: str
    intact: bool | None
    valid: bool | None
    trusted: bool | None
    covers_whole_file: bool
    added_after: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Intact, cryptographically valid, trusted, and nothing but signatures added after."""
        return bool(self.intact and self.valid and self.trusted) and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "signer": self.signer,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "timestamp": self.timestamp.isoformat() if self.timestamp else None,
            "level": self.level,
            "algorithm": self.algorithm,
            "intact": self.intact,
            "valid": self.valid,
            "trusted": self.trusted,
            "covers_whole_file": self.covers_whole_file,
            "added_after": self.added_after,
            "ok": self.ok,
            "problems": list(self.problems),
        }


@dataclass(frozen=True)
class Verification:
    """Every signature of a PDF as checked, and what is wrong with the file itself."""

    signatures: tuple[SignatureStatus, ...]
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True only when the file has signatures and every one is intact and trusted."""
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "signatures": [s.as_dict() for s in self.signatures],
            "problems": list(self.problems),
        }


def _context(trust: list[asn1_x509.Certificate]) -> ValidationContext:
    # Offline: no fetching of CRLs, OCSP or missing certificates; revocation data that
    # is absent does not fail a signature (soft-fail), as for a closed test PKI.
    return ValidationContext(trust_roots=trust, allow_fetching=False, revocation_mode="soft-fail")


_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)


def _indication(indic: object) -> str:
    """pyHanko's AdES sub-indication in words, e.g. "no certificate chain found"."""
    return str(getattr(indic, "name", indic)).lower().replace("_", " ")


def _level(embedded: EmbeddedPdfSignature, timestamped: bool) -> str:
    subfilter = str(embedded.sig_object.get("/SubFilter", ""))
    if subfilter == "/ETSI.CAdES.detached":
        return "PAdES B-T" if timestamped else "PAdES B-B"
    return f"CMS ({subfilter.lstrip('/')})" + (" with timestamp" if timestamped else "")


def _check(embedded: EmbeddedPdfSignature, trust: list[asn1_x509.Certificate]) -> SignatureStatus:
    signer_info = embedded.signer_info
    digest = str(signer_info["digest_algorithm"]["algorithm"].native)
    mechanism = str(signer_info["signature_algorithm"]["algorithm"].native)
    try:
        cert = embedded.signer_cert
    except Exception:  # a damaged signature (e.g. its signing-certificate attribute)
        cert = None
    signer = (
        certificate_name(cert) if cert is not None else "(no signer certificate in the signature)"
    )
    field = str(embedded.field_name)
    unknown = [u for u in (_unknown_algorithm(mechanism), _unknown_algorithm(digest)) if u]
    if unknown:
        return SignatureStatus(
            field, signer, embedded.self_reported_timestamp, None, _level(embedded, False),
            f"{mechanism} / {digest}", None, None, None, False, "not checked",
            (f"cannot check this signature: it uses {' and '.join(unknown)}, which this tool "
             "cannot compute; it is NOT shown as valid (check it with the signer's own tool)",),
        )  # fmt: skip
    try:
        status: PdfSignatureStatus = validate_pdf_signature(
            embedded, _context(trust), key_usage_settings=_USAGE
        )
    except Exception as exc:  # one unreadable signature never hides the others
        return SignatureStatus(
            field, signer, embedded.self_reported_timestamp, None, _level(embedded, False),
            f"{mechanism} / {digest}", False, False, None, False, "not checked",
            (f"cannot check this signature ({type(exc).__name__}: {exc})",),
        )  # fmt: skip
    problems: list[str] = []
    if not status.intact:
        problems.append("not intact: the signed bytes were changed after signing")
    elif not status.valid:
        problems.append("the signature value does not match the signer's key")
    if not status.trusted:
        problems.append(
            "the certificate chain does not reach a trusted root"
            + ("" if trust else " (none given: --trust CA.pem)")
            + (
                f" ({_indication(status.trust_problem_indic)})"
                if status.trust_problem_indic
                else ""
            )
        )
    ts = status.timestamp_validity
    if ts is not None and not (ts.intact and ts.valid and ts.trusted):
        problems.append("its timestamp is not intact or its authority is not trusted")
    coverage = status.coverage
    level = status.modification_level
    whole = coverage == SignatureCoverageLevel.ENTIRE_FILE
    if whole:
        added = "nothing"
    elif coverage != SignatureCoverageLevel.ENTIRE_REVISION or level is None:
        added = "cannot tell"
        problems.append("it does not cover a whole revision of the file")
    else:
        added = _ADDED.get(level, str(level))
        if level not in _ALLOWED_AFTER or status.docmdp_ok is False:
            problems.append(f"changed after signing: {added}")
    return SignatureStatus(
        field=field,
        signer=signer,
        signing_time=status.signer_reported_dt,
        timestamp=ts.timestamp if ts is not None else None,
        level=_level(embedded, ts is not None),
        algorithm=f"{status.md_algorithm} / {mechanism}",
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        covers_whole_file=whole,
        added_after=added,
        problems=tuple(problems),
    )


def verify(
    pdf: bytes, *, trust: Iterable[asn1_x509.Certificate] = (), source: str = "<pdf>"
) -> Verification:
    """Check every signature of ``pdf`` against the ``trust`` roots (certificates).

    A file that is not a PDF at all raises `PdfFileError`; a damaged PDF (even one
    whose header was changed), or one without signatures, gives a `Verification` that
    is not ok and says why.
    """
    roots = list(trust)
    if not is_pdf(pdf):
        if b"startxref" not in pdf[-4096:]:
            raise PdfFileError(source, "not a PDF file (no %PDF- header)")
        # a PDF whose header was changed: damaged, so nothing in it is intact
        return Verification((), ("the file is damaged: its %PDF- header was changed",))
    try:
        embedded = read_pdf(pdf, source).embedded_signatures
    except PdfFileError as exc:
        return Verification((), (exc.reason,))
    except Exception as exc:  # a damaged signature dictionary
        return Verification(
            (), (f"the signatures cannot be read: the file is damaged ({type(exc).__name__})",)
        )
    if not embedded:
        return Verification((), ("the file has no signatures",))
    return Verification(tuple(_check(sig, roots) for sig in embedded))
