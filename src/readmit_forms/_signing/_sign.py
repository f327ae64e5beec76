"""Signing a PDF: PAdES baseline B-B, or B-T with a timestamp authority; and the two
halves of signing by an outside tool (prepare the bytes, embed the CMS it returns).

Every signature is an incremental update: what was signed before stays byte for
byte as it was, so earlier signatures still verify.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import cms as asn1_cms
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.signers.pdf_cms import ExternalSigner
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .._errors import (
    CertificateError,
    ExternalSignatureError,
    KeyAccessError,
    SigningError,
    TimestampError,
    UsageError,
)
from .._lang import Lang, parse_lang
from ._appearance import FIELDS, SignatureLook, place
from ._keys import SigningKey, certificate_name
from ._pdf import document_lang, field_page, page_lang, read_pdf

__all__ = [
    "EXTERNAL_RESERVE",
    "ExternalRequest",
    "embed_external",
    "load_certificate",
    "prepare_external",
    "sign",
]

EXTERNAL_RESERVE = 32768
"""Room, in bytes, for an outside signer's CMS (its certificate chain and a timestamp fit)."""


class UnknownFieldError(UsageError):
    kind = "signature field"


def _parse_field(name: str) -> str:
    key = str(name).strip().lower()
    if key not in FIELDS:
        raise UnknownFieldError(name, FIELDS)
    return key


def _field_state(reader: PdfFileReader, name: str, source: str) -> str:
    """ "absent", "empty" (a field waiting for a signature) or refuse a signed one."""
    for _, value, _ in fields.enumerate_sig_fields(reader, with_name=name):
        if value is not None:
            raise SigningError(
                source,
                f"the {name} field is already signed; sign the other field "
                f"(--field {'seal' if name == 'signature' else 'signature'}) or another copy",
            )
        return "empty"
    return "absent"


def _signer_setup(
    pdf: bytes, name: str, lang: Lang | str | None, source: str
) -> tuple[str, Lang, IncrementalPdfFileWriter, fields.SigFieldSpec | None, bool]:
    name = _parse_field(name)
    reader = read_pdf(pdf, source)
    state = _field_state(reader, name, source)
    spec = None
    page: int | None = None
    if state == "absent":
        where = place(pdf, name)
        spec = fields.SigFieldSpec(name, on_page=where.page, box=where.box)
        page = where.page
    else:
        page = field_page(reader, name)
    # the language of the page the box is on (a bundle's page: its document's), else the file's
    on_page = page_lang(reader, page) if page is not None else None
    language = parse_lang(lang) if lang is not None else on_page or document_lang(reader) or Lang.EN
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    _metadata_in_step(writer)
    return name, language, writer, spec, state == "empty"


def _metadata_in_step(writer: IncrementalPdfFileWriter) -> None:
    """Keep a PDF/A file's document information equal to its XMP (ISO 19005-3 6.6.2.3.1).

    pyHanko writes its own name as XMP pdf:Producer but appends it to an existing Info
    /Producer; without one it writes the same name to both. So the signing update
    carries the Info entries without /Producer.
    """
    info_ref = writer.prev.trailer_view.get("/Info")
    if "/Metadata" not in writer.root or info_ref is None:
        return
    info = info_ref.get_object()
    if "/Producer" in info:
        kept = {k: v for k, v in info.items() if k != "/Producer"}
        writer.set_info(generic.DictionaryObject(kept))  # type: ignore[no-untyped-call]


def sign(
    pdf: bytes,
    key: SigningKey,
    *,
    field: str = "signature",
    timestamp_url: str | None = None,
    lang: Lang | str | None = None,
    reason: str | None = None,
    location: str | None = None,
    source: str = "<pdf>",
) -> bytes:
    """``pdf`` signed with ``key`` into ``field`` ("signature" or "seal"), as new bytes.

    PAdES baseline B-B (the signing time in the signed signature dictionary), or B-T
    with a timestamp from the RFC 3161 authority at ``timestamp_url``. The PDF's own
    empty field of that name is used when it has one; otherwise a visible field is
    added (see `place`). The appearance is in ``lang`` (default: the document's
    language). A field that is already signed is refused.
    """
    name, language, writer, spec, existing = _signer_setup(pdf, field, lang, source)
    key.check(dt.datetime.now(dt.UTC))
    timestamper = None
    if timestamp_url is not None:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(timestamp_url, timeout=20)
    signer = PdfSigner(
        PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason,
            location=location,
        ),
        key.signer,
        timestamper=timestamper,
        stamp_style=SignatureLook(field=name, lang=language),
        new_field_spec=spec,
    )
    try:
        out = signer.sign_pdf(
            writer, existing_fields_only=existing, appearance_text_params={"who": key.name}
        )
    except (TimeoutError, TimestampRequestError, OSError) as exc:
        if timestamp_url is None:
            raise
        raise TimestampError(timestamp_url, f"no timestamp ({_reason(exc)})") from None
    except HankoSigningError as exc:
        raise SigningError(source, f"cannot sign ({exc})") from None
    except Exception as exc:  # a token's own errors (python-pkcs11) while signing
        if type(exc).__module__.startswith("pkcs11"):
            raise KeyAccessError(
                key.source, f"the token refused to sign ({type(exc).__name__})"
            ) from None
        raise
    data: bytes = out.getvalue()
    return data


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- signing by an outside tool --------------------------------------------------------


def load_certificate(data: bytes, source: str = "<certificate>") -> asn1_x509.Certificate:
    """The first certificate in PEM or DER ``data``."""
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        certificate = asn1_x509.Certificate.load(data)
        certificate.native  # noqa: B018 - parses it through
    except (ValueError, TypeError):
        raise CertificateError(source, "not an X.509 certificate (PEM or DER)") from None
    return certificate


def load_certificates(data: bytes, source: str = "<certificates>") -> list[asn1_x509.Certificate]:
    """Every certificate in PEM ``data`` (several may follow one another), or one DER."""
    if not pem.detect(data):
        return [load_certificate(data, source)]
    try:
        found = [
            asn1_x509.Certificate.load(der)
            for kind, _, der in pem.unarmor(data, multiple=True)
            if kind == "CERTIFICATE"
        ]
        for certificate in found:
            certificate.native  # noqa: B018
    except (ValueError, TypeError):
        raise CertificateError(source, "not a PEM certificate file") from None
    if not found:
        raise CertificateError(source, "holds no certificate")
    return found


@dataclass(frozen=True)
class ExternalRequest:
    """What an outside signer needs: the prepared PDF (with room for the signature),
    the exact bytes to sign into a detached CMS, and a description of them."""

    pdf: bytes
    to_be_signed: bytes
    description: dict[str, Any] = field(default_factory=dict)


def prepare_external(
    pdf: bytes,
    certificate: bytes | asn1_x509.Certificate,
    *,
    field: str = "signature",
    lang: Lang | str | None = None,
    source: str = "<pdf>",
) -> ExternalRequest:
    """Prepare ``pdf`` for a signature made outside (NCALayer/KalkanCrypt for GOST, a
    remote service): the field with its appearance for ``certificate``'s holder and a
    placeholder, and the bytes the outside tool signs as a detached CMS (e.g.
    ``openssl cms -sign -binary -outform DER``). `embed_external` finishes the file.

    The signature is a plain CMS (/SubFilter /adbe.pkcs7.detached): what an outside tool
    puts in it (signing time, its certificates) is its own.
    """
    cert = (
        certificate
        if isinstance(certificate, asn1_x509.Certificate)
        else load_certificate(certificate)
    )
    name, language, writer, spec, existing = _signer_setup(pdf, field, lang, source)
    signer = PdfSigner(
        PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.ADOBE_PKCS7_DETACHED,
        ),
        ExternalSigner(
            signing_cert=cert,
            cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
            signature_value=256,
        ),
        stamp_style=SignatureLook(field=name, lang=language),
        new_field_spec=spec,
    )
    try:
        digest, _, output = asyncio.run(
            signer.async_digest_doc_for_signing(
                writer,
                existing_fields_only=existing,
                bytes_reserved=2 * EXTERNAL_RESERVE,
                appearance_text_params={"who": certificate_name(cert)},
            )
        )
    except HankoSigningError as exc:
        raise SigningError(source, f"cannot prepare the signature ({exc})") from None
    prepared = output.read() if not isinstance(output, io.BytesIO) else output.getvalue()
    start, end = digest.reserved_region_start, digest.reserved_region_end
    to_be_signed = prepared[:start] + prepared[end:]
    description = {
        "what": "the bytes to be signed of a prepared PDF signature "
        "(readmit-forms sign --external-prepare)",
        "sign_as": "a detached CMS (PKCS #7) SignedData, DER-encoded, over these bytes exactly "
        "as they are, e.g. openssl cms -sign -binary -outform DER -in FILE.tbs "
        "-signer CERT.pem -inkey KEY.pem -out FILE.cms",
        "then": "readmit-forms sign PREPARED.pdf --external-embed FILE.cms -o SIGNED.pdf",
        "field": name,
        "signer": certificate_name(cert),
        "certificate_sha256": hashlib.sha256(cert.dump()).hexdigest(),
        "prepared_pdf_bytes": len(prepared),
        "prepared_pdf_sha256": hashlib.sha256(prepared).hexdigest(),
        "byte_range": [0, start, end, len(prepared) - end],
        "to_be_signed_bytes": len(to_be_signed),
        "to_be_signed_sha256": hashlib.sha256(to_be_signed).hexdigest(),
        "max_cms_bytes": (end - start - 2) // 2,
        "subfilter": "adbe.pkcs7.detached",
    }
    return ExternalRequest(prepared, to_be_signed, description)


def _placeholder(reader: PdfFileReader, source: str) -> tuple[int, int]:
    """The reserved region (start, end) of the prepared signature still waiting for its CMS."""
    for _, ref, _ in fields.enumerate_sig_fields(reader, filled_status=True):
        value = ref.get_object()
        contents = value.get("/Contents")
        byte_range = value.get("/ByteRange")
        if contents is not None and byte_range is not None and not any(bytes(contents)):
            _, start, end, _ = (int(v) for v in byte_range)
            return start, end
    raise ExternalSignatureError(
        source, "has no prepared signature waiting for a CMS (use --external-prepare first)"
    )


def cms_algorithms(cms: bytes) -> tuple[str, str]:
    """(digest, signature) algorithm of the first signer of a CMS: names, or dotted OIDs."""
    info = asn1_cms.ContentInfo.load(cms)
    signer_info = info["content"]["signer_infos"][0]
    return (
        str(signer_info["digest_algorithm"]["algorithm"].native),
        str(signer_info["signature_algorithm"]["algorithm"].native),
    )


def embed_external(
    prepared: bytes, cms: bytes, *, source: str = "<pdf>", cms_source: str = "<cms>"
) -> bytes:
    """The prepared PDF with the outside signer's detached CMS in its placeholder.

    The CMS must sign exactly the prepared file's bytes to be signed: where its digest
    algorithm is one this tool knows, its message digest is checked against them.
    """
    reader = read_pdf(prepared, source)
    start, end = _placeholder(reader, source)
    try:
        info = asn1_cms.ContentInfo.load(cms)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        if signed["encap_content_info"]["content"].native is not None:
            raise ExternalSignatureError(
                cms_source, "the CMS holds the content (make a detached CMS)"
            )
        signer_info = signed["signer_infos"][0]
        attributes = {a["type"].native: a["values"][0].native for a in signer_info["signed_attrs"]}
    except (ValueError, TypeError, KeyError, IndexError):
        raise ExternalSignatureError(cms_source, "not a DER-encoded CMS SignedData") from None
    if len(cms) * 2 > end - start - 2:
        raise ExternalSignatureError(
            cms_source,
            f"the CMS has {len(cms)} bytes; the prepared file has room for "
            f"{(end - start - 2) // 2}",
        )
    digest_name = str(signer_info["digest_algorithm"]["algorithm"].native)
    expected = attributes.get("message_digest")
    if expected is None:
        raise ExternalSignatureError(cms_source, "the CMS has no signed message digest attribute")
    if (
        digest_name.replace("_", "-") in hashlib.algorithms_available
        or digest_name in hashlib.algorithms_available
    ):
        actual = hashlib.new(digest_name, prepared[:start] + prepared[end:]).digest()
        if actual != expected:
            raise ExternalSignatureError(
                cms_source,
                f"the CMS signs other bytes than {source} asks for (its {digest_name} message "
                "digest differs); sign the .tbs file written with this prepared file",
            )
    buffer = io.BytesIO(bytearray(prepared))
    try:
        PreparedByteRangeDigest(b"", start, end).fill_with_cms(buffer, cms)
    except (HankoSigningError, PdfError) as exc:
        raise ExternalSignatureError(cms_source, str(exc)) from None
    return buffer.getvalue()
