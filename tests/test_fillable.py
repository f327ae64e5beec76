"""Fillable forms: fields named by case path, filled by another program (pypdf), shown in
any viewer (pdftoppm), read back into a case exactly; the signature fields of every form."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES

CASE = SAMPLES / "kz-at-no-documents.yaml"
HOSTILE = "Әбілқайырұлы «ҮҢҚӨҺІ» & <b>x</b> \"quoted\" 'single' {{ case.person }} Щёлков"


def _fillable(lang: str) -> bytes:
    return rf.render(CASE, form="readmission-request", lang=lang, draft=True, fillable=True)


def _fill(pdf: bytes, values: dict[str, str]) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _names(pdf: bytes) -> dict[str, str]:
    from pypdf import PdfReader

    return {name: str(f.get("/FT")) for name, f in PdfReader(io.BytesIO(pdf)).get_fields().items()}


def test_every_blank_and_choice_is_a_field_named_by_its_case_path() -> None:
    names = _names(_fillable("en"))
    assert names["person.birth_surname"] == "/Tx"
    assert names["person.marital_status"] == "/Btn"
    assert names["signature"] == names["seal"] == "/Sig"
    assert all(
        not n.startswith("form.") or n.split(".")[1][:6] in ("blank_", "choice") for n in names
    )


def test_the_same_case_gives_the_same_bytes() -> None:
    assert _fillable("kk") == _fillable("kk")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_round_trip_with_kazakh_russian_and_hostile_values(lang: str) -> None:
    values = {
        "person.birth_surname": HOSTILE,
        "person.marital_status": "/married",
    }
    filled = rf.extract_filled(_fill(_fillable(lang), values))
    case = json.loads(filled.case_json)
    assert case["person"]["birth_surname"] == HOSTILE
    assert case["person"]["marital_status"] == "married"
    assert {"person.birth_surname", "person.marital_status"} <= set(filled.read)
    assert (filled.form, filled.lang) == ("readmission-request", lang)
    loaded = rf.load_case(case)  # the case validates
    assert loaded.person.birth_surname == HOSTILE


def test_a_filled_kazakh_value_shows_in_a_viewer(tmp_path: Path) -> None:
    """The appearance pypdf draws uses the form's embedded font: Kazakh letters are ink
    (with a standard font they would be nothing)."""
    from pypdf import PdfReader

    from pixels import dark_pixels

    empty = _fillable("kk")
    filled = _fill(empty, {"person.birth_surname": "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"})
    reader = PdfReader(io.BytesIO(filled))
    ((number, rect),) = [
        (n, tuple(float(v) for v in annot.get_object()["/Rect"]))
        for n, page in enumerate(reader.pages, 1)
        for annot in page.get("/Annots", [])
        if (parent := annot.get_object().get("/Parent")) is not None
        and parent.get_object().get("/T") == "birth_surname"
    ]
    ink = [
        dark_pixels(pdf, number, (rect[0], rect[1] + 2, *rect[2:]), tmp_path / name)
        for name, pdf in (("empty", empty), ("filled", filled))
    ]
    assert ink[0] < 20 and ink[1] > 150, ink


def test_no_need_appearances_and_the_font_is_embedded() -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(_fillable("ru"))) as pdf:
        form = pdf.Root.AcroForm
        assert "/NeedAppearances" not in form
        font = form.DR.Font.RFBold
        assert font.Subtype == "/Type0" and "/ToUnicode" in font
        assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor


def test_extract_refuses_a_pdf_that_is_no_fillable_form(tmp_path: Path) -> None:
    plain = rf.render(CASE, form="readmission-request", lang="en", draft=True)
    with pytest.raises(
        rf.FilledFormError, match="were not made by readmit-forms render --fillable"
    ):
        rf.extract_filled(plain)
    (tmp_path / "plain.pdf").write_bytes(plain)
    done = _cli("extract", str(tmp_path / "plain.pdf"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_filled_value_against_the_schema_names_the_field() -> None:
    filled = _fill(_fillable("en"), {"person.marital_status": "/married"})
    case = json.loads(rf.extract_filled(filled).case_json)
    assert case["person"]["marital_status"] == "married"
    with pytest.raises(rf.PdfFileError):
        rf.extract_filled(b"not a pdf at all")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "readmit-forms"), *args], capture_output=True, text=True
    )


def test_cli_render_fillable_and_extract(tmp_path: Path) -> None:
    out, filled, case = tmp_path / "form.pdf", tmp_path / "filled.pdf", tmp_path / "c.json"
    render = ["render", str(CASE), "--form", "readmission-request", "--lang", "kk", "--draft"]
    assert _cli(*render, "--fillable", "-o", str(out)).returncode == 0
    filled.write_bytes(_fill(out.read_bytes(), {"person.birth_surname": HOSTILE}))
    done = _cli("extract", str(filled), "-o", str(case))
    assert done.returncode == 0, done.stderr
    assert json.loads(case.read_text())["person"]["birth_surname"] == HOSTILE
    refused = _cli(*render, "--format", "docx", "--fillable", "-o", str(tmp_path / "x.docx"))
    assert refused.returncode == 2 and "--fillable applies to --format pdf only" in refused.stderr


def test_a_bundles_signature_appearance_is_in_its_pages_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readmit_forms._signing import _appearance
    from readmit_forms._signing._pdf import field_page, page_lang, read_pdf

    bundle = rf.bundle(SAMPLES / "kz-at-family.yaml", langs=["kk", "en"])
    reader = read_pdf(bundle)
    page = field_page(reader, "signature")
    assert page is not None and page_lang(reader, page) == rf.Lang.EN  # the last document: en
    assert page_lang(reader, 1) == rf.Lang.KK
    seen = []
    original = _appearance.appearance_pdf

    def spy(field: str, who: str, moment: object, lang: rf.Lang, w: float, h: float) -> bytes:
        seen.append(lang)
        return original(field, who, moment, lang, w, h)  # type: ignore[arg-type]

    monkeypatch.setattr(_appearance, "appearance_pdf", spy)
    from readmit_forms._signing._sign import prepare_external

    pki_cert = _self_signed()
    prepare_external(bundle, pki_cert)
    assert seen == [rf.Lang.EN]


def _self_signed() -> bytes:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Clerk (test)")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)
