"""The case bundle: PDF/A-3b clause by clause, the cover, bookmarks, attachments,
deterministic bytes, and the case back out of it (extract)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pikepdf
import pytest
import yaml

import pdfa_checks
import readmit_forms as rf
from conftest import SAMPLES
from signing_env import Clerk, page_text, signing_key

SAMPLE = SAMPLES / "kz-at-family.yaml"
CLAUSES = [
    pdfa_checks.header_and_trailer,
    pdfa_checks.unembedded_fonts,
    pdfa_checks.symbolic_truetype_problems,
    pdfa_checks.xmp_problems,
    pdfa_checks.output_intent_problems,
    pdfa_checks.javascript_and_actions,
    pdfa_checks.embedded_file_problems,
    pdfa_checks.cmyk_colour,
    pdfa_checks.annotation_problems,
]


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c.__name__)
def test_pdfa_3b_clause(bundle_pdf: bytes, clause: object) -> None:
    assert clause(bundle_pdf) == []  # type: ignore[operator]


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c.__name__)
def test_pdfa_3b_clause_after_signing(bundle_pdf: bytes, clerk: Clerk, clause: object) -> None:
    with signing_key(clerk) as key:  # type: ignore[attr-defined]
        signed = rf.sign(rf.sign(bundle_pdf, key), key, field="seal")
    assert clause(signed) == []  # type: ignore[operator]


def test_the_checks_can_fail() -> None:
    """Each check finds the defect it is for in a plain PDF that is not PDF/A."""
    plain = rf.render(SAMPLE, form="readmission-request", lang="en")
    assert pdfa_checks.xmp_problems(plain) == ["no XMP metadata stream"]
    assert pdfa_checks.output_intent_problems(plain) == ["no single GTS_PDFA1 output intent"]
    pdf = pikepdf.open(io.BytesIO(plain))
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("1"))
    buffer = io.BytesIO()
    pdf.save(buffer)
    assert pdfa_checks.javascript_and_actions(buffer.getvalue())


def test_same_input_same_bytes(bundle_pdf: bytes) -> None:
    assert rf.bundle(SAMPLE, langs=["kk", "en"]) == bundle_pdf


def test_cover_lists_every_document_with_its_hash(bundle_pdf: bytes) -> None:
    contents = rf.extract(bundle_pdf)
    cover = page_text(bundle_pdf, 0)
    assert "Іс бойынша құжаттар топтамасы" in cover  # in the first language, Kazakh
    assert "BFA-2026/RÜ/004517" in cover
    assert [(d.form, d.lang) for d in contents.documents] == [
        ("readmission-request", "kk"),
        ("readmission-request", "en"),
        ("handover-notice", "kk"),
        ("handover-notice", "en"),
    ]
    flat, words = "".join(cover.split()), " ".join(cover.split())
    with pikepdf.open(io.BytesIO(bundle_pdf)) as opened:
        for document in contents.documents:
            data = opened.attachments[document.file].get_file().read_bytes()
            assert hashlib.sha256(data).hexdigest() == document.sha256
            assert document.sha256 in flat
            # the attached document is the form as render makes it
            assert data == rf.render(SAMPLE, form=document.form, lang=document.lang)
        assert contents.documents[-1].pages[1] == len(opened.pages)
    assert "күші бірдей мәтін, басым" in words  # English prevails (KZ–AT Art. 18)


def test_bookmarks_point_at_each_document(bundle_pdf: bytes) -> None:
    contents = rf.extract(bundle_pdf)
    with pikepdf.open(io.BytesIO(bundle_pdf)) as opened, opened.open_outline() as outline:
        pages = {page.objgen: index for index, page in enumerate(opened.pages)}
        targets = [pages[item.destination[0].objgen] for item in outline.root]
        titles = [item.title for item in outline.root]
    assert targets == [0] + [d.pages[0] - 1 for d in contents.documents]
    assert titles[1] == "Реадмиссиялау туралы сұрау салу (kk)"


def test_case_attached_as_source_with_schema_version(bundle_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(bundle_pdf)) as opened:
        spec = opened.attachments["case.json"].obj
        assert spec.AFRelationship == "/Source"
        assert spec.EF.F.Subtype == "/application/json"
        assert "case schema version 1" in str(spec.Desc)


def test_extract_gives_the_json_case_back_byte_for_byte(tmp_path: Path) -> None:
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["person"].pop("photo", None)
    source = tmp_path / "case.json"
    source.write_bytes((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
    contents = rf.extract(rf.bundle(source, forms="readmission-request", langs=["ru"]))
    assert contents.case_json == source.read_bytes()
    assert contents.schema_version == "1"


def test_a_yaml_case_comes_back_as_json_of_the_same_case(tmp_path: Path) -> None:
    contents = rf.extract(rf.bundle(SAMPLE, forms="readmission-request", langs=["en"]))
    back = tmp_path / "case.json"
    back.write_bytes(contents.case_json)
    assert json.loads(contents.case_json)["person"]["photo"] == "photos/specimen-portrait.jpg"
    assert str(SAMPLES) not in contents.case_json.decode()  # no path of this machine
    (tmp_path / "photos").symlink_to(SAMPLES / "photos")

    def without_photo(case: rf.Case) -> dict[str, object]:
        data = case.model_dump()
        data["person"].pop("photo")
        return data

    # photos/ is a symlink out of the case's folder: allowed explicitly (issue 10)
    loaded = rf.load_case(back, allow_photo_outside=True)
    assert without_photo(loaded) == without_photo(rf.load_case(SAMPLE))


def test_a_corrupt_attachment_is_named(bundle_pdf: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(bundle_pdf))
    stream = pdf.attachments["case.json"].obj.EF.F
    stream.write(stream.read_bytes().replace(b'"kz-at"', b'"kz-by"'))
    buffer = io.BytesIO()
    pdf.save(buffer)
    with pytest.raises(rf.BundleError, match=r"case\.json is corrupt or was changed"):
        rf.extract(buffer.getvalue())
    undecodable = bytearray(bundle_pdf)
    with pikepdf.open(io.BytesIO(bundle_pdf)) as opened:
        raw = opened.attachments["02-readmission-request.en.pdf"].obj.EF.F.read_raw_bytes()
    # the attached PDFs share their first bytes (the same ready font streams): damage a
    # part of this one's data that is found nowhere else in the bundle
    window = next(
        raw[i : i + 40] for i in range(100, len(raw), 40) if bundle_pdf.count(raw[i : i + 40]) == 1
    )
    at = bundle_pdf.find(window)
    assert at > 0
    undecodable[at : at + 40] = bytes(40)
    with pytest.raises(rf.BundleError, match=r"02-readmission-request\.en\.pdf is corrupt"):
        rf.extract(bytes(undecodable))


def test_not_a_bundle_and_not_a_pdf() -> None:
    plain = rf.render(SAMPLE, form="readmission-request", lang="en")
    with pytest.raises(rf.BundleError, match="not a case bundle"):
        rf.extract(plain)
    with pytest.raises(rf.PdfFileError, match="not a PDF"):
        rf.extract(b"PK\x03\x04 a zip file")


def test_forms_and_languages(tmp_path: Path) -> None:
    applicable = rf.extract(rf.bundle(SAMPLE))  # default: the working language, English
    assert {(d.form, d.lang) for d in applicable.documents} == {
        ("readmission-request", "en"),
        ("handover-notice", "en"),
    }
    chosen = rf.extract(rf.bundle(SAMPLE, forms="handover-notice", langs=["ru", "kk"]))
    assert [(d.form, d.lang) for d in chosen.documents] == [
        ("handover-notice", "ru"),
        ("handover-notice", "kk"),
    ]
    with pytest.raises(rf.UnknownFormError):
        rf.bundle(SAMPLE, forms="no-such-form")
    with pytest.raises(rf.UnknownLanguageError):
        rf.bundle(SAMPLE, langs=["de"])


def test_a_case_with_errors_is_refused() -> None:
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["person"].pop("date_of_birth")
    data["person"].pop("photo", None)
    with pytest.raises(rf.CaseRefusedError):
        rf.bundle(data, forms="readmission-request", langs=["en"])
