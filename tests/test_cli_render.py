"""``readmit-forms render`` as a clerk uses it: files, standard output, batches, refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, SAMPLES, Result, pdf_text

FAMILY = SAMPLES / "kz-at-family.yaml"


def test_render_to_a_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = cli(
        "render", str(FAMILY), "--form", "readmission-request", "--lang", "kk", "-o", str(out)
    )
    assert result.code == 0, result.err
    assert "РЕАДМИССИЯЛАУ ТУРАЛЫ СҰРАУ САЛУ" in pdf_text(out.read_bytes())
    assert not list(tmp_path.glob("*.part"))


def test_render_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from readmit_forms._cli import main

    code = main(["render", str(FAMILY), "--form", "readmission-request", "--lang", "en", "-o", "-"])
    captured = capsysbinary.readouterr()
    assert code == 0
    assert captured.out.startswith(b"%PDF-") and b"%%EOF" in captured.out[-64:]


def test_a_batch_goes_on_past_a_bad_case(cli: Callable[..., Result], tmp_path: Path) -> None:
    bad = DATA / "bad" / "malformed.json"
    result = cli(
        "render",
        str(bad),
        str(FAMILY),
        "--form",
        "readmission-request",
        "--lang",
        "all",
        "-o",
        str(tmp_path),
    )
    assert result.code == 2  # the worst problem of the batch
    assert "malformed.json: not valid JSON" in result.err
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        f"kz-at-family.readmission-request.{lang}.pdf" for lang in ("en", "kk", "ru")
    ]
    assert "Traceback" not in result.err


def test_form_all_with_draft_is_still_the_forms_of_the_case(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli(
        "render", str(FAMILY), "--form", "all", "--lang", "ru", "-o", str(tmp_path), "--draft"
    )
    assert result.code == 0, result.err
    assert len(list(tmp_path.glob("*.pdf"))) == 2  # readmission request, handover notice


def test_a_case_with_errors_is_refused_and_nothing_is_written(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    result = cli("render", str(FAMILY), "--form", "transit-request", "--lang", "en", "-o", str(out))
    assert result.code == 1
    assert "section-missing" not in result.err  # a message for a person, not a code
    assert "transit" in result.err and "--draft" in result.err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_stdout_is_for_one_document_only(cli: Callable[..., Result]) -> None:
    result = cli("render", str(FAMILY), "--form", "all", "--lang", "en", "-o", "-")
    assert result.code == 2 and "one document only" in result.err


@pytest.mark.parametrize(
    ("sample", "forms"),
    [
        ("kz-at-family", ["readmission-request", "handover-notice"]),
        ("kz-at-transit", ["transit-request"]),
        ("kz-by-transit", ["transit-request"]),  # its handover data do not make it a readmission
        (
            "kz-by-family",
            ["person-statement", "interview-request", "readmission-request", "handover-notice"],
        ),
        ("kz-fr-lyon", ["readmission-request", "interview-request", "handover-notice"]),
    ],
)
def test_form_all_renders_the_forms_the_case_calls_for(
    cli: Callable[..., Result], tmp_path: Path, sample: str, forms: list[str]
) -> None:
    result = cli(
        "render",
        str(SAMPLES / f"{sample}.yaml"),
        "--form",
        "all",
        "--lang",
        "ru",
        "-o",
        str(tmp_path),
    )
    assert result.code == 0, result.err
    assert result.err.splitlines()[-1] == f"{len(forms)} written, 0 refused, 0 failed"
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{sample}.{form}.ru.pdf" for form in forms)
