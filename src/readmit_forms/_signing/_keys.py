"""Signing keys: a PKCS#12 file, or a key on a PKCS#11 token (an ID card, an HSM).

A `SigningKey` holds a pyHanko signer and the signer's certificate. Passphrases and
PINs are used to open the key and are never kept, logged or put in a message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .._errors import CertificateError, KeyAccessError

__all__ = ["SigningKey", "certificate_name"]


def certificate_name(certificate: asn1_x509.Certificate) -> str:
    """The name to show for a certificate's subject: its common name, else the whole subject."""
    subject = certificate.subject.native
    name = subject.get("common_name") or subject.get("organization_name")
    if isinstance(name, list):
        name = name[0]
    return str(name) if name else str(certificate.subject.human_friendly)


class SigningKey:
    """A private key and its certificate, ready to sign.

    Make one with `SigningKey.from_pkcs12` or `SigningKey.from_pkcs11`; a token's
    session stays open until `close` (or the end of a ``with`` block).
    """

    def __init__(self, signer: Signer, source: str, session: Any = None) -> None:
        self.signer = signer
        self.source = source
        self._session = session
        certificate = signer.signing_cert
        if certificate is None:
            raise KeyAccessError(source, "no certificate for the key")
        self.certificate: asn1_x509.Certificate = certificate

    @property
    def name(self) -> str:
        """The signer's name as the certificate gives it (common name)."""
        return certificate_name(self.certificate)

    def check(self, at: dt.datetime) -> None:
        """Refuse a certificate that may not sign at ``at``: expired, not yet valid, or
        without the key usage for signatures (non-repudiation or digital signature)."""
        validity = self.certificate["tbs_certificate"]["validity"]
        not_before = validity["not_before"].native
        not_after = validity["not_after"].native
        if at > not_after:
            raise CertificateError(
                self.source, f"the certificate of {self.name!r} expired on {not_after:%Y-%m-%d}"
            )
        if at < not_before:
            raise CertificateError(
                self.source,
                f"the certificate of {self.name!r} is valid only from {not_before:%Y-%m-%d}",
            )
        usage = self.certificate.key_usage_value
        if usage is not None and not ({"non_repudiation", "digital_signature"} & usage.native):
            raise CertificateError(
                self.source,
                f"the certificate of {self.name!r} is not for signatures "
                "(its key usage has neither non-repudiation nor digital signature)",
            )

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def __enter__(self) -> SigningKey:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @classmethod
    def from_pkcs12(
        cls, p12: bytes | str | Path, passphrase: str | bytes | None, *, source: str = ""
    ) -> SigningKey:
        """The key and certificate (with its chain) of a PKCS#12 file (.p12/.pfx)."""
        if isinstance(p12, bytes):
            data, source = p12, source or "<pkcs12>"
        else:
            source = source or str(p12)
            try:
                data = Path(p12).read_bytes()
            except FileNotFoundError:
                raise KeyAccessError(source, "no such file") from None
            except OSError as exc:
                raise KeyAccessError(source, f"cannot be read ({exc.strerror})") from None
        try:
            asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parses the structure
        except (ValueError, TypeError):
            raise KeyAccessError(source, "not a PKCS#12 file (.p12/.pfx)") from None
        secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(data, secret or None)
        except ValueError:
            raise KeyAccessError(source, "wrong passphrase for the PKCS#12 file") from None
        except TypeError:
            raise KeyAccessError(source, "the PKCS#12 file needs a passphrase") from None
        if key is None or cert is None:
            raise KeyAccessError(source, "the PKCS#12 file holds no key with its certificate")
        signer = SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER)),
            signing_key=asn1_keys.PrivateKeyInfo.load(
                key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
            ),
            cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in extra]
            ),
        )
        return cls(signer, source)

    @classmethod
    def from_pkcs11(
        cls,
        module: str | Path,
        *,
        token: str,
        key: str,
        pin: str | None,
        certificate: str | None = None,
    ) -> SigningKey:
        """The key labelled ``key`` on the token labelled ``token``, through the PKCS#11
        ``module`` (e.g. /usr/lib/softhsm/libsofthsm2.so); its certificate is the one
        labelled ``certificate`` (default: the key's label)."""
        import pkcs11.exceptions as p11_errors
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.general import SigningError as HankoSigningError
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

        source = f"token {token!r}"
        if not Path(module).is_file():
            raise KeyAccessError(str(module), "no such PKCS#11 module")
        try:
            session = open_pkcs11_session(
                str(module), token_criteria=TokenCriteria(label=token), user_pin=pin
            )
        except p11_errors.PinIncorrect:
            raise KeyAccessError(source, "wrong PIN") from None
        except p11_errors.PinLocked:
            raise KeyAccessError(source, "the PIN is locked (too many wrong PINs)") from None
        except (p11_errors.PKCS11Error, HankoSigningError, RuntimeError, OSError) as exc:
            reason = "no such token" if "token" in str(exc).lower() else type(exc).__name__
            raise KeyAccessError(source, f"cannot open the token ({reason})") from None
        try:
            signer = PKCS11Signer(
                session, key_label=key, cert_label=certificate or key, other_certs_to_pull=None
            )
            found = cls(signer, source, session)
            # Tokens (SoftHSM2, many ID cards) sign EC keys with raw ECDSA only: hash here.
            signer.use_raw_mechanism = found.certificate.public_key.algorithm == "ec"
            return found
        except (p11_errors.PKCS11Error, HankoSigningError, KeyError):
            session.close()
            hint = " (no PIN given: the key is private)" if pin is None else ""
            raise KeyAccessError(
                source, f"no key {key!r} with its certificate on the token{hint}"
            ) from None
        except BaseException:
            session.close()
            raise
