"""Electronic signatures: sign (PAdES B-B/B-T, PKCS#12 or PKCS#11), sign by an outside
tool (prepare / embed a detached CMS), verify.

    SigningKey.from_pkcs12 / from_pkcs11 ─▶ sign(pdf, key, field=…, timestamp_url=…) ─▶ bytes
    prepare_external(pdf, cert) ─▶ ExternalRequest ─(outside tool: CMS)─▶ embed_external ─▶ bytes
    verify(pdf, trust=[…]) ─▶ Verification(signatures=(SignatureStatus, …))
"""

from ._appearance import FIELDS, Placement, place
from ._keys import SigningKey
from ._pdf import is_pdf, signature_count
from ._sign import (
    ExternalRequest,
    cms_algorithms,
    embed_external,
    load_certificate,
    load_certificates,
    prepare_external,
    sign,
)
from ._verify import SignatureStatus, Verification, verify

__all__ = [
    "FIELDS",
    "ExternalRequest",
    "Placement",
    "SignatureStatus",
    "SigningKey",
    "Verification",
    "cms_algorithms",
    "embed_external",
    "is_pdf",
    "load_certificate",
    "load_certificates",
    "place",
    "prepare_external",
    "sign",
    "signature_count",
    "verify",
]
