"""A test PKI made at test time: a CA, a signer with non-repudiation, an e-seal, an expired
signer and a timestamp authority; keys never leave the temporary folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSPHRASE = "correct horse: Қазақстан"


def _name(common: str, organization: str = "Migration Service (test)") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _usage(*, signing: bool = False, seal: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=seal or (not signing and not ca),
        content_commitment=signing or seal,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class Issued:
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    cert: x509.Certificate

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


class Pki:
    """Issues certificates from a fresh CA; ``folder`` holds the files tests pass to the CLI."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.now = dt.datetime.now(dt.UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        name = _name("readmit_forms Test CA")
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(self.now - dt.timedelta(days=1))
            .not_valid_after(self.now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_usage(ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        self.ca = Issued(key, cert)
        self.ca_pem = self.write("ca.pem", self.ca.pem())

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    def issue(
        self,
        common: str,
        *,
        public_key: ec.EllipticCurvePublicKey | None = None,
        days: tuple[int, int] = (-1, 30),
        seal: bool = False,
        tsa: bool = False,
    ) -> Issued:
        # pyHanko's test timestamper signs with RSA only; people and seals get EC keys.
        key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
        if tsa:
            key = rsa.generate_private_key(65537, 2048)
        else:
            key = ec.generate_private_key(ec.SECP256R1())
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common))
            .issuer_name(self.ca.cert.subject)
            .public_key(public_key or key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(self.now + dt.timedelta(days=days[0]))
            .not_valid_after(self.now + dt.timedelta(days=days[1]))
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca.key.public_key()), False
            )
        )
        if tsa:
            builder = builder.add_extension(_usage(), critical=True).add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        else:
            builder = builder.add_extension(_usage(signing=not seal, seal=seal), critical=True)
        return Issued(key, builder.sign(self.ca.key, hashes.SHA256()))

    def p12(self, name: str, issued: Issued, passphrase: str = PASSPHRASE) -> Path:
        data = pkcs12.serialize_key_and_certificates(
            name.encode(),
            issued.key,
            issued.cert,
            [self.ca.cert],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
        return self.write(f"{name}.p12", data)
