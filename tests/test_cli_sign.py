"""The clerk's path on the command line: render → bundle → sign (PKCS#12) → seal (PKCS#11 on
SoftHSM2) → verify → one flipped byte → verify fails → extract; the outside signer; and one
clear line for each bad input."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLES, Result
from pki import PASSPHRASE, Pki
from requires import require_program
from signing_env import Clerk
from softhsm import Token

SAMPLE = SAMPLES / "kz-at-family.yaml"
Cli = Callable[..., Result]


def _one_line(result: Result, *fragments: str) -> None:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_the_clerks_path(
    cli: Cli,
    tmp_path: Path,
    clerk: Clerk,
    pki: Pki,
    token: Token,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLERK_PASS", PASSPHRASE)
    monkeypatch.setenv("TOKEN_PIN", token.pin)
    form = tmp_path / "request.pdf"
    assert (
        cli(
            "render", str(SAMPLE), "--form", "readmission-request", "--lang", "kk", "-o", str(form)
        ).code
        == 0
    )
    bundle = tmp_path / "case.pdf"
    assert cli("bundle", str(SAMPLE), "--lang", "en", "--lang", "kk", "-o", str(bundle)).code == 0
    signed = tmp_path / "case.signed.pdf"
    result = cli(
        "sign", str(bundle), "--p12", str(clerk.p12), "--pin-env", "CLERK_PASS", "-o", str(signed)
    )
    assert result.code == 0, result.err
    assert PASSPHRASE not in result.err + result.out
    result = cli(
        "sign", str(signed), "--pkcs11", str(token.module), "--token", token.label,
        "--key", token.key, "--pin-env", "TOKEN_PIN", "--field", "seal", "-o", str(signed),
    )  # fmt: skip
    assert result.code == 0, result.err
    assert token.pin not in result.err + result.out
    result = cli("verify", str(signed), "--trust", str(pki.ca_pem))
    assert result.code == 0, result.out + result.err
    assert result.out.count("VALID") == 2 and "NOT VALID" not in result.out
    result = cli("verify", str(signed), "--trust", str(pki.ca_pem), "--json")
    report = json.loads(result.out)
    assert report["ok"] and [s["field"] for s in report["signatures"]] == ["signature", "seal"]
    # one flipped byte in the middle of the first signed range
    damaged = tmp_path / "damaged.pdf"
    data = bytearray(signed.read_bytes())
    data[len(data) // 3] ^= 0x20
    damaged.write_bytes(bytes(data))
    assert cli("verify", str(damaged), "--trust", str(pki.ca_pem)).code == 1
    # extract: the original case, as JSON that loads to the same case
    back = tmp_path / "case.json"
    result = cli("extract", str(signed), "-o", str(back))
    assert result.code == 0, result.err
    assert "4 document(s) and the case data" in result.err
    assert json.loads(back.read_text("utf-8"))["letter"]["number"] == "BFA-2026/RÜ/004517"
    # a signed file is never re-rendered, re-bundled or replaced
    before = signed.read_bytes()
    result = cli(
        "render", str(SAMPLE), "--form", "readmission-request", "--lang", "en", "-o", str(signed)
    )
    assert result.code == 2
    assert "is signed (2 signatures)" in result.err and "Traceback" not in result.err
    result = cli("bundle", str(SAMPLE), "-o", str(signed))
    _one_line(result, "is signed (2 signatures)", "write to another file")
    assert signed.read_bytes() == before


def test_external_signer_on_the_command_line(
    cli: Cli, tmp_path: Path, clerk: Clerk, pki: Pki
) -> None:
    openssl = require_program("openssl", package="openssl")
    form = tmp_path / "request.pdf"
    cli("render", str(SAMPLE), "--form", "readmission-request", "--lang", "ru", "-o", str(form))
    cert = tmp_path / "clerk.pem"
    cert.write_bytes(clerk.issued.pem())
    prepared = tmp_path / "prepared.pdf"
    result = cli("sign", str(form), "--external-prepare", "--cert", str(cert), "-o", str(prepared))
    assert result.code == 0, result.err
    tbs, about = tmp_path / "prepared.tbs", tmp_path / "prepared.tbs.json"
    assert json.loads(about.read_text("utf-8"))["to_be_signed_bytes"] == tbs.stat().st_size
    key = tmp_path / "clerk.key"
    key.write_bytes(clerk.issued.key_pem())
    cms = tmp_path / "signature.cms"
    subprocess.run(
        [openssl, "cms", "-sign", "-binary", "-outform", "DER", "-in", tbs, "-signer", cert,
         "-inkey", key, "-out", cms],
        check=True, capture_output=True,
    )  # fmt: skip
    signed = tmp_path / "signed.pdf"
    result = cli("sign", str(prepared), "--external-embed", str(cms), "-o", str(signed))
    assert result.code == 0, result.err
    result = cli("verify", str(signed), "--trust", str(pki.ca_pem))
    assert result.code == 0, result.out + result.err


def test_bad_inputs_get_one_clear_line_each(
    cli: Cli,
    tmp_path: Path,
    clerk: Clerk,
    pki: Pki,
    token: Token,
    bundle_pdf: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = tmp_path / "case.pdf"
    bundle.write_bytes(bundle_pdf)
    out = str(tmp_path / "out.pdf")
    monkeypatch.setenv("WRONG", "not the passphrase")
    result = cli("sign", str(bundle), "--p12", str(clerk.p12), "--pin-env", "WRONG", "-o", out)
    assert result.code == 2
    _one_line(result, "clerk.p12: wrong passphrase")
    assert "not the passphrase" not in result.err
    monkeypatch.setenv("WRONG_PIN", "9999")
    result = cli(
        "sign", str(bundle), "--pkcs11", str(token.module), "--token", token.label,
        "--key", token.key, "--pin-env", "WRONG_PIN", "-o", out,
    )  # fmt: skip
    assert result.code == 2
    _one_line(result, "wrong PIN")
    monkeypatch.setenv("CLERK_PASS", PASSPHRASE)
    expired = pki.p12("expired-clerk", pki.issue("Old Clerk", days=(-90, -1)))
    result = cli("sign", str(bundle), "--p12", str(expired), "--pin-env", "CLERK_PASS", "-o", out)
    assert result.code == 2
    _one_line(result, "the certificate of 'Old Clerk' expired on")
    not_pdf = tmp_path / "photo.pdf"
    not_pdf.write_bytes(b"\xff\xd8\xff\xe0 a JPEG named .pdf")
    result = cli(
        "sign", str(not_pdf), "--p12", str(clerk.p12), "--pin-env", "CLERK_PASS", "-o", out
    )
    assert result.code == 2
    _one_line(result, "photo.pdf: not a PDF file")
    for command in (("verify", str(not_pdf)), ("extract", str(not_pdf))):
        result = cli(*command)
        assert result.code == 2
        _one_line(result, "not a PDF file")
    assert not Path(out).exists()


def test_a_corrupt_attachment_is_one_line(cli: Cli, tmp_path: Path, bundle_pdf: bytes) -> None:
    import io

    import pikepdf

    pdf = pikepdf.open(io.BytesIO(bundle_pdf))
    stream = pdf.attachments["01-readmission-request.kk.pdf"].obj.EF.F
    stream.write(stream.read_bytes()[:-10])
    damaged = tmp_path / "damaged.pdf"
    pdf.save(damaged)
    result = cli("extract", str(damaged), "-o", str(tmp_path / "case.json"))
    assert result.code == 1
    _one_line(result, "01-readmission-request.kk.pdf is corrupt or was changed")
    assert not (tmp_path / "case.json").exists()


def test_no_secret_on_the_command_line(
    cli: Cli, clerk: Clerk, bundle_pdf: bytes, tmp_path: Path
) -> None:
    """There is no option that takes a passphrase or PIN (it would show in process lists)."""
    bundle = tmp_path / "case.pdf"
    bundle.write_bytes(bundle_pdf)
    for option in ("--pin", "--passphrase", "--password"):
        result = cli("sign", str(bundle), "--p12", str(clerk.p12), option, "x", "-o", "o.pdf")
        assert result.code == 2 and "unrecognized arguments" in result.err
    result = cli(
        "sign", str(bundle), "--p12", str(clerk.p12), "--pin-env", "NO_SUCH_VAR_13", "-o", "o.pdf"
    )
    assert result.code == 2
    _one_line(result, "NO_SUCH_VAR_13 (--pin-env) is not set")
