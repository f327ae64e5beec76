"""Fixtures of the signing and bundle tests: the test PKI, a clerk's PKCS#12 file, a
SoftHSM2 token, a local timestamp authority, rendered and bundled sample documents."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SAMPLES
from pki import PASSPHRASE, Issued, Pki
from softhsm import Token, make_token
from tsa import timestamp_authority

SAMPLE = SAMPLES / "kz-at-family.yaml"


@dataclass
class Clerk:
    issued: Issued
    p12: Path


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def clerk(pki: Pki) -> Clerk:
    issued = pki.issue("Айгүл Сәрсенова")
    return Clerk(issued, pki.p12("clerk", issued))


@pytest.fixture(scope="session")
def token(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    with pytest.MonkeyPatch.context() as patch:
        found = make_token(tmp_path_factory.mktemp("softhsm"), pki)
        patch.setenv("SOFTHSM2_CONF", found.env["SOFTHSM2_CONF"])
        yield found


@pytest.fixture(scope="session")
def tsa_url(pki: Pki) -> Iterator[str]:
    with timestamp_authority(pki) as url:
        yield url


@pytest.fixture(scope="session")
def form_pdf() -> bytes:
    import readmit_forms as rf

    return rf.render(SAMPLE, form="readmission-request", lang="kk")


@pytest.fixture(scope="session")
def bundle_pdf() -> bytes:
    import readmit_forms as rf

    return rf.bundle(SAMPLE, langs=["kk", "en"])


def trust(pki: Pki) -> list[object]:
    from readmit_forms._signing import load_certificates

    return list(load_certificates(pki.ca_pem.read_bytes()))


def signing_key(clerk: Clerk) -> object:
    import readmit_forms as rf

    return rf.SigningKey.from_pkcs12(clerk.p12, PASSPHRASE)


def page_text(pdf: bytes, page: int = -1) -> str:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages[page].extract_text() or ""
