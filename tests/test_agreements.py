"""Agreement data integrity: every fact has a source; the language rules are as the sources say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import readmit_forms as rf
from readmit_forms._agreements import Fact, Source
from readmit_forms._structure import structure_for

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"


def _facts(obj: Any, path: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(obj, BaseModel):
        found.append((path, obj))
        for name in type(obj).model_fields:
            found += _facts(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            found += _facts(item, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_fact_has_a_source_or_says_not_stated(agreement: rf.Agreement) -> None:
    for path, obj in _facts(agreement):
        if isinstance(obj, Fact):
            assert obj.not_stated or obj.source is not None, path
        fields = type(obj).model_fields
        if "source" in fields and not isinstance(obj, Fact):
            assert isinstance(obj.source, Source), path


# Every cited source line is checked in test_source_lines.py.


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_forms_are_known(agreement: rf.Agreement) -> None:
    assert agreement.forms
    for form in agreement.forms:
        assert structure_for(agreement.id, form.id).forms  # every form has its structure
        assert form.model or form.annex.stated


def test_language_rules() -> None:
    at = rf.get_agreement("kz-at").languages
    assert at.authentic.value == ("kk", "de", "en")
    assert (at.prevailing.value, at.working.value) == ("en", "en")
    by = rf.get_agreement("kz-by").languages
    assert by.authentic.value == ("kk", "ru")
    assert (by.prevailing.value, by.working.value) == ("ru", "ru")
    hu = rf.get_agreement("kz-hu").languages
    assert hu.authentic.value == ("kk", "hu", "en") and hu.prevailing.value == "en"
    assert hu.working.not_stated
    fr = rf.get_agreement("kz-fr").languages
    assert fr.authentic.not_stated and fr.prevailing.not_stated and fr.working.not_stated


def test_kz_by_authorities_by_role() -> None:
    """Protocol Art. 1(5): the Belarus MIA sends transit requests, the State Border
    Committee examines them; the MIA sends and examines readmission requests."""
    by = rf.get_agreement("kz-by")
    examines = by.authority_for("BY", "transit-request", "examines")
    assert examines is not None and examines.id == "by-sbc"
    sends = by.authority_for("BY", "transit-request", "sends")
    assert sends is not None and sends.id == "by-mia"
    readmission = by.authority_for("BY", "readmission-request", "examines")
    assert readmission is not None and readmission.id == "by-mia"


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_form_has_one_sender_and_one_examiner_per_party(agreement: rf.Agreement) -> None:
    """Where the agreement names authorities, each form has exactly one authority of each
    Party that sends it and one that examines it: the defaults are never a guess."""
    if not agreement.authorities:
        assert agreement.authorities_note is not None and agreement.authorities_note.not_stated
        return
    for form in agreement.form_ids:
        for state in agreement.states:
            for role in ("sends", "examines"):
                found = [
                    a.id
                    for a in agreement.authorities
                    if a.state == state and a.has_role(role, form)  # type: ignore[arg-type]
                ]
                assert len(found) == 1, (form, state, role, found)


def test_divergences_of_the_index_are_recorded() -> None:
    at = {d.id for d in rf.get_agreement("kz-at").divergences}
    assert {
        "at-annex2-attention",
        "at-annex7-spouse-letter",
        "at-annex7-resmi-typo",
        "at-annex8-leitet",
        "at-handover-deadline",
        "at-citation-handover",
        "at-citation-interview",
    } <= at
    by = rf.get_agreement("kz-by").divergences
    assert sum("signature" in (d.template_key or "") for d in by) == 4


def test_agreements_cli_json_lists_language_rules(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    result = cli("agreements", "--json")
    assert result.code == 0
    data = {a["id"]: a for a in json.loads(result.out)}
    assert set(data) == set(rf.agreement_ids())
    assert {"kz-at", "kz-by", "kz-hu", "kz-fr"} <= set(data)  # the bundled ones, and any pack
    assert data["kz-at"]["languages"]["working"]["value"] == "en"
    assert data["kz-at"]["languages"]["working"]["source"]["ref"] == "Art. 14"
    assert data["kz-fr"]["languages"]["prevailing"]["not_stated"] is True
    assert data["kz-hu"]["languages"]["working"]["not_stated"] is True


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_form_has_a_structure_and_texts_in_three_languages(agreement: rf.Agreement) -> None:
    from readmit_forms._structure import structure_for
    from readmit_forms._templates import texts

    for form in agreement.form_ids:
        structure = structure_for(agreement.id, form)
        assert structure.agreement == agreement.id
        for lang in rf.Lang:
            assert f"{structure.texts}.title" in texts(lang) or any(
                key.startswith(structure.texts) for key in texts(lang)
            )


@pytest.mark.parametrize(
    ("agreement", "source"),
    [("kz-at", "003_28cab8fd1c094838.txt"), ("kz-by", "004_450247c9c5df390a.txt")],
)
def test_official_form_texts_are_quoted_to_the_letter(agreement: str, source: str) -> None:
    """Every Russian and Kazakh text of an annexed form stands in its source as written."""
    import re

    from readmit_forms._templates import texts

    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not next to the checkout")
    raw = (SOURCES / source).read_text("utf-8").replace("\xa0", " ")
    flat = re.sub(r"\s+", " ", raw)
    # KZ–BY: a caption of the right-hand column, "(инициалы, фамилия)", stands inside the
    # lines of the signature caption on the left; read the left column without it too.
    for right in ("(инициалы, фамилия)", "(аты-жөні, тегі)"):
        raw = raw.replace(right, " ")
    flat += " " + re.sub(r"\s+", " ", raw)
    missing = []
    for lang in (rf.Lang.RU, rf.Lang.KK):
        words = texts(lang)
        for key in words:
            if not key.startswith(f"{agreement}.annex-"):
                continue
            text = re.sub(r"\s+", " ", words[key]).strip()
            if text and text not in flat:
                missing.append((lang.value, key, text))
    assert not missing, missing
