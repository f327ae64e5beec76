"""The record duties as the agreement data states them, checked against the source lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import readmit_forms as rf
from readmit_forms._agreements import Source

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"


def _line(source: Source, lang: str) -> str:
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not next to the checkout")
    assert source.lines is not None
    numbers = dict(part.split() for part in source.lines.split("; "))
    first, _, last = numbers[lang].partition("–")
    lines = (SOURCES / source.doc).read_text("utf-8").splitlines()
    return "\n".join(lines[int(first) - 1 : int(last or first)])


def test_kz_at_art_12_3_purpose_content_time_authorities_three_years() -> None:
    duty = rf.get_agreement("kz-at").record
    assert duty is not None and duty.duty.source is not None
    assert duty.duty.source.ref == "Art. 12(3)"
    assert [f.id for f in duty.fields] == [
        "purpose",
        "content",
        "time",
        "sender-authority",
        "recipient-authority",
    ]
    assert duty.covers == ("transmission", "receipt", "deletion")
    assert duty.retention.value is not None
    assert (duty.retention.value.length, duty.retention.value.unit) == (3, "years")
    ru = _line(duty.duty.source, "ru")
    assert "документировать каждую передачу или каждое получение" in ru
    assert "цель, содержание и время передачи или получения" in ru
    assert "в течение трех (3) лет" in ru and "немедленно уничтожена" in ru
    kk = _line(duty.duty.source, "kk")
    assert "әрбір берілуін немесе әрбір алынуын құжаттауға" in kk and "үш (3) жыл" in kk
    assert duty.subject_access.source is not None
    assert "быть проинформированным" in _line(duty.subject_access.source, "ru")
    assert "хабардар етуіне құқығы бар" in _line(duty.subject_access.source, "kk")


def test_kz_hu_art_5_2_6_authority_and_person_no_period() -> None:
    duty = rf.get_agreement("kz-hu").record
    assert duty is not None and duty.duty.source is not None
    assert duty.duty.source.ref == "Art. 5(2)(6)"
    assert {f.id for f in duty.fields} == {
        "time",
        "sender-authority",
        "sender-person",
        "recipient-authority",
        "recipient-person",
    }
    assert "наименование органа и лица, передающего и принимающего" in _line(duty.duty.source, "ru")
    assert duty.retention.not_stated and duty.retention.source is not None
    assert "устанавливает сроки для удаления данных" in _line(duty.retention.source, "ru")
    assert duty.subject_access.source is not None
    assert "информация представляется заинтересованному лицу" in _line(
        duty.subject_access.source, "ru"
    )


def test_kz_by_art_8_prescribes_no_record_and_kz_fr_is_not_in_the_sources() -> None:
    by = rf.get_agreement("kz-by").record
    assert by is not None and by.duty.not_stated and by.fields == ()
    assert by.duty.source is not None and by.duty.source.ref == "Agreement Art. 8"
    assert "Защита персональных данных" in _line(by.duty.source, "ru")
    assert by.retention.not_stated and by.subject_access.not_stated
    fr = rf.get_agreement("kz-fr").record
    assert fr is not None and fr.duty.not_stated and fr.retention.not_stated
