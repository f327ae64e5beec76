"""Signing and verification through the library: PAdES B-B and B-T, PKCS#12 and PKCS#11
(SoftHSM2), two signatures in turn, a signature made by an outside tool, and the refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import subprocess
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from pki import PASSPHRASE, Pki
from requires import require_program
from signing_env import Clerk, signing_key, trust
from softhsm import Token


def _sign(pdf: bytes, clerk: Clerk, **options: Any) -> bytes:
    with signing_key(clerk) as key:  # type: ignore[attr-defined]
        signed: bytes = rf.sign(pdf, key, **options)
    return signed


def test_pades_b_b_signature_verifies(form_pdf: bytes, clerk: Clerk, pki: Pki) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    signed = _sign(form_pdf, clerk)
    assert signed.startswith(form_pdf), "a signature is an incremental update"
    result = rf.verify(signed, trust=trust(pki))
    assert result.ok, result.as_dict()
    (status,) = result.signatures
    assert status.field == "signature"
    assert status.signer == "Айгүл Сәрсенова"
    assert status.level == "PAdES B-B"
    assert status.covers_whole_file and status.added_after == "nothing"
    assert status.signing_time is not None
    assert before <= status.signing_time <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)


def test_without_the_root_the_chain_is_not_trusted(form_pdf: bytes, clerk: Clerk) -> None:
    result = rf.verify(_sign(form_pdf, clerk))
    (status,) = result.signatures
    assert status.intact and status.valid and status.trusted is False
    assert not result.ok
    assert "trusted root" in status.problems[0]


def test_signing_twice_keeps_both_signatures_valid(form_pdf: bytes, clerk: Clerk, pki: Pki) -> None:
    once = _sign(form_pdf, clerk, field="signature")
    twice = _sign(once, clerk, field="seal")
    assert twice.startswith(once)
    result = rf.verify(twice, trust=trust(pki))
    assert result.ok, result.as_dict()
    first, second = result.signatures
    assert (first.field, second.field) == ("signature", "seal")
    assert not first.covers_whole_file
    assert first.added_after == "further signatures or form fields"
    assert second.covers_whole_file


def test_a_signed_field_is_not_signed_again(form_pdf: bytes, clerk: Clerk) -> None:
    once = _sign(form_pdf, clerk)
    with pytest.raises(rf.SigningError, match="already signed; sign the other field"):
        _sign(once, clerk)


def test_one_flipped_byte_anywhere_in_a_signed_range_fails(
    form_pdf: bytes, clerk: Clerk, pki: Pki
) -> None:
    signed = _sign(_sign(form_pdf, clerk), clerk, field="seal")
    roots = trust(pki)
    assert rf.verify(signed, trust=roots).ok
    reader_ranges = _byte_ranges(signed)
    covered = [i for start, length in reader_ranges[-1] for i in range(start, start + length)]
    positions = {covered[0], covered[-1], *covered[:: max(1, len(covered) // 24)]}
    for position in sorted(positions):
        damaged = bytearray(signed)
        damaged[position] ^= 0x01
        result = rf.verify(bytes(damaged), trust=roots)
        assert not result.ok, f"a flipped byte at {position} went unnoticed"


def _byte_ranges(pdf: bytes) -> list[list[tuple[int, int]]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    ranges = []
    for sig in PdfFileReader(io.BytesIO(pdf)).embedded_signatures:
        values = [int(v) for v in sig.byte_range]
        ranges.append([(values[0], values[1]), (values[2], values[3])])
    return ranges


def test_b_t_with_a_local_timestamp_authority(
    form_pdf: bytes, clerk: Clerk, pki: Pki, tsa_url: str
) -> None:
    result = rf.verify(_sign(form_pdf, clerk, timestamp_url=tsa_url), trust=trust(pki))
    assert result.ok, result.as_dict()
    (status,) = result.signatures
    assert status.level == "PAdES B-T"
    assert status.timestamp is not None
    assert abs(status.timestamp - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_a_timestamp_authority_that_does_not_answer(form_pdf: bytes, clerk: Clerk) -> None:
    import socket

    with socket.socket() as probe:  # a free port on which nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(rf.TimestampError, match="no timestamp"):
        _sign(form_pdf, clerk, timestamp_url=f"http://127.0.0.1:{port}/tsa")


def test_pkcs11_seal_on_softhsm_after_a_pkcs12_signature(
    bundle_pdf: bytes, clerk: Clerk, pki: Pki, token: Token
) -> None:
    signed = _sign(bundle_pdf, clerk)
    with rf.SigningKey.from_pkcs11(
        token.module, token=token.label, key=token.key, pin=token.pin
    ) as key:
        assert key.name == "Migration Service e-seal (test)"
        sealed = rf.sign(signed, key, field="seal")
    result = rf.verify(sealed, trust=trust(pki))
    assert result.ok, result.as_dict()
    assert [s.signer for s in result.signatures] == [
        "Айгүл Сәрсенова",
        "Migration Service e-seal (test)",
    ]


def test_pkcs11_wrong_pin_and_unknown_token_or_key(token: Token) -> None:
    with pytest.raises(rf.KeyAccessError, match="wrong PIN") as wrong:
        rf.SigningKey.from_pkcs11(token.module, token=token.label, key=token.key, pin="0000")
    assert "0000" not in str(wrong.value)
    with pytest.raises(rf.KeyAccessError, match="no such token"):
        rf.SigningKey.from_pkcs11(token.module, token="no such", key=token.key, pin=token.pin)
    with pytest.raises(rf.KeyAccessError, match="no key 'nope'"):
        rf.SigningKey.from_pkcs11(token.module, token=token.label, key="nope", pin=token.pin)
    with pytest.raises(rf.KeyAccessError, match="no such PKCS#11 module"):
        rf.SigningKey.from_pkcs11("/nonexistent/lib.so", token=token.label, key="k", pin="1")


def test_pkcs12_wrong_passphrase_and_not_a_pkcs12(clerk: Clerk, tmp_path: Path) -> None:
    with pytest.raises(rf.KeyAccessError, match="wrong passphrase") as wrong:
        rf.SigningKey.from_pkcs12(clerk.p12, "guess-Қ")
    assert "guess" not in str(wrong.value) and PASSPHRASE not in str(wrong.value)
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"not a key at all")
    with pytest.raises(rf.KeyAccessError, match="not a PKCS#12 file"):
        rf.SigningKey.from_pkcs12(junk, PASSPHRASE)
    with pytest.raises(rf.KeyAccessError, match="no such file"):
        rf.SigningKey.from_pkcs12(tmp_path / "missing.p12", PASSPHRASE)


@pytest.mark.parametrize(
    ("days", "message"), [((-60, -30), "expired on"), ((10, 40), "valid only from")]
)
def test_a_certificate_outside_its_validity_does_not_sign(
    form_pdf: bytes, pki: Pki, days: tuple[int, int], message: str
) -> None:
    p12 = pki.p12(f"dated{days[0]}", pki.issue("Old Clerk", days=days))
    with (
        rf.SigningKey.from_pkcs12(p12, PASSPHRASE) as key,
        pytest.raises(rf.CertificateError, match=message),
    ):
        rf.sign(form_pdf, key)


def test_not_a_pdf(clerk: Clerk) -> None:
    with pytest.raises(rf.PdfFileError, match="not a PDF"):
        _sign(b"GIF89a this is no PDF", clerk)
    with pytest.raises(rf.PdfFileError, match="not a PDF"):
        rf.verify(b"\x00" * 100)
    assert rf.verify(b"%PDF-1.7\n%%EOF garbage").problems


def test_an_unsigned_pdf_does_not_verify(form_pdf: bytes) -> None:
    result = rf.verify(form_pdf)
    assert not result.ok and result.problems == ("the file has no signatures",)


def test_signing_into_the_forms_own_fields(form_pdf: bytes, clerk: Clerk, pki: Pki) -> None:
    """render draws empty signature and seal fields at the places the layout gives them;
    sign fills them (no new field) and both signatures verify."""
    from readmit_forms._backends.pdf import lay_out
    from signing_env import SAMPLE

    laid = lay_out(rf.compose(rf.load_case(SAMPLE), "readmission-request", "kk"))
    places = {
        role: (box.page - 1, (box.x, box.y, box.x + box.width, box.y + box.height))
        for role in ("signature", "seal")
        for box in laid.places(role)[-1:]
    }
    empty = _widgets(form_pdf)
    assert [name for name, _, _ in empty] == ["signature", "seal"]
    for name, page, rect in empty:
        assert page == places[name][0]
        assert rect == pytest.approx(places[name][1], abs=0.01)
        assert rect[3] - rect[1] >= 30, "room to show who signed and when"
    signed = _sign(_sign(form_pdf, clerk), clerk, field="seal")
    assert _widgets(signed) == empty
    result = rf.verify(signed, trust=trust(pki))
    assert result.ok and len(result.signatures) == 2


def _without_fields(pdf: bytes) -> bytes:
    """A PDF as made before forms had their signature fields (no annotations, no form)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            if "/Annots" in page.obj:
                del page.obj["/Annots"]
        del opened.Root["/AcroForm"]
        out = io.BytesIO()
        opened.save(out)
        return out.getvalue()


def test_a_pdf_without_the_fields_gets_a_new_one(form_pdf: bytes, clerk: Clerk, pki: Pki) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(_without_fields(form_pdf)))
    append_signature_field(writer, SigFieldSpec("seal", on_page=0, box=(300, 100, 500, 160)))
    out = io.BytesIO()
    writer.write(out)
    signed = _sign(out.getvalue(), clerk, field="seal")
    assert rf.verify(signed, trust=trust(pki)).ok
    assert _widgets(signed) == [("seal", 0, (300.0, 100.0, 500.0, 160.0))]


def _widgets(pdf: bytes) -> list[tuple[str, int, tuple[float, ...]]]:
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for index, page in enumerate(opened.pages):
            for annot in page.obj.get("/Annots", []):
                if annot.get("/FT") == "/Sig":
                    rect = tuple(float(v) for v in annot.Rect)
                    found.append((str(annot.T), index, rect))
    return found


def test_a_new_field_goes_on_the_last_page_below_the_text(form_pdf: bytes, clerk: Clerk) -> None:
    form_pdf = _without_fields(form_pdf)
    signed = _sign(_sign(form_pdf, clerk), clerk, field="seal")
    (name1, page1, sig), (name2, page2, seal) = _widgets(signed)
    import pikepdf

    with pikepdf.open(io.BytesIO(form_pdf)) as opened:
        last = len(opened.pages) - 1
    assert (name1, page1, name2, page2) == ("signature", last, "seal", last)
    assert sig[2] <= seal[0], "the signature on the left, the seal on the right"
    assert sig[1] == seal[1] and sig[3] - sig[1] >= 30


def test_the_appearance_shows_who_and_when_in_kazakh(clerk: Clerk) -> None:
    from readmit_forms._signing._appearance import appearance_pdf
    from signing_env import page_text

    moment = dt.datetime(2026, 3, 21, 14, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    text = page_text(appearance_pdf("seal", "Айгүл Сәрсенова", moment, rf.Lang.KK, 240, 54))
    assert "Электрондық мөр" in text
    assert "Айгүл Сәрсенова" in text
    assert "2026\u202fж. 21 наурыз, 14:30:05 (UTC+05:00)" in text


def test_the_signed_page_shows_the_appearance(
    form_pdf: bytes, clerk: Clerk, tmp_path: Path
) -> None:
    """Rendered as a viewer shows it: the box is drawn and has dark text pixels in it."""
    from pixels import dark_pixels

    signed = _sign(form_pdf, clerk)
    ((_, page, rect),) = [w for w in _widgets(signed) if w[0] == "signature"]
    dark = dark_pixels(signed, page + 1, rect, tmp_path, inset=3)
    assert dark > 100, "the signature box is empty in the rendered page"


def test_fonts_of_the_appearance_are_embedded(form_pdf: bytes, clerk: Clerk) -> None:
    from pdfa_checks import unembedded_fonts

    assert unembedded_fonts(_sign(form_pdf, clerk)) == []


# -- signing by an outside tool ----------------------------------------------------------


def _openssl_cms(tbs: bytes, pki: Pki, clerk: Clerk, folder: Path) -> bytes:
    openssl = require_program("openssl", package="openssl")
    (folder / "x.tbs").write_bytes(tbs)
    (folder / "cert.pem").write_bytes(clerk.issued.pem())
    key = folder / "key.pem"
    key.write_bytes(clerk.issued.key_pem())
    subprocess.run(
        [openssl, "cms", "-sign", "-binary", "-outform", "DER", "-in", folder / "x.tbs",
         "-signer", folder / "cert.pem", "-inkey", key, "-certfile", pki.ca_pem,
         "-out", folder / "x.cms"],
        check=True, capture_output=True,
    )  # fmt: skip
    key.unlink()
    return (folder / "x.cms").read_bytes()


def test_external_cms_from_openssl_round_trip(
    form_pdf: bytes, clerk: Clerk, pki: Pki, tmp_path: Path
) -> None:
    request = rf.prepare_external(form_pdf, clerk.issued.pem(), field="signature")
    assert request.pdf.startswith(form_pdf)
    start, end = request.description["byte_range"][1:3]
    assert request.to_be_signed == request.pdf[:start] + request.pdf[end:]
    assert (
        request.description["to_be_signed_sha256"]
        == hashlib.sha256(request.to_be_signed).hexdigest()
    )
    cms = _openssl_cms(request.to_be_signed, pki, clerk, tmp_path)
    signed = rf.embed_external(request.pdf, cms)
    assert len(signed) == len(request.pdf)
    result = rf.verify(signed, trust=trust(pki))
    assert result.ok, result.as_dict()
    assert result.signatures[0].signer == "Айгүл Сәрсенова"
    assert result.signatures[0].level == "CMS (adbe.pkcs7.detached)"


def test_external_cms_over_other_bytes_is_refused(
    form_pdf: bytes, clerk: Clerk, pki: Pki, tmp_path: Path
) -> None:
    request = rf.prepare_external(form_pdf, clerk.issued.pem())
    cms = _openssl_cms(request.to_be_signed + b"x", pki, clerk, tmp_path)
    with pytest.raises(rf.ExternalSignatureError, match="signs other bytes"):
        rf.embed_external(request.pdf, cms)
    with pytest.raises(rf.ExternalSignatureError, match="no prepared signature"):
        rf.embed_external(form_pdf, cms)
    with pytest.raises(rf.ExternalSignatureError, match="not a DER-encoded CMS"):
        rf.embed_external(request.pdf, b"\x30\x03\x02\x01\x01")


def test_an_algorithm_it_cannot_compute_is_never_called_valid(
    form_pdf: bytes, clerk: Clerk, pki: Pki, tmp_path: Path
) -> None:
    """A GOST signature (as NCALayer makes them): said plainly, not checked, not valid."""
    from asn1crypto import algos, cms

    request = rf.prepare_external(form_pdf, clerk.issued.pem())
    info = cms.ContentInfo.load(_openssl_cms(request.to_be_signed, pki, clerk, tmp_path))
    signer = info["content"]["signer_infos"][0]
    signer["signature_algorithm"] = algos.SignedDigestAlgorithm({"algorithm": "1.2.643.7.1.1.1.1"})
    signer["digest_algorithm"] = algos.DigestAlgorithm({"algorithm": "1.2.643.7.1.1.2.2"})
    result = rf.verify(rf.embed_external(request.pdf, info.dump(force=True)), trust=trust(pki))
    (status,) = result.signatures
    assert not result.ok and not status.ok
    assert status.valid is None and status.intact is None
    assert "GOST R 34.10-2012 (256 bit)" in status.problems[0]
    assert "NOT shown as valid" in status.problems[0]
