"""What the forms print is true: one test per cause of the legal-fidelity audit
(../shared/audits/legal-fidelity-2026-12.md), each reading the rendered text back.

The causes are named as in the closing note of issue 9 (X1–X7 are the audit's
cross-cutting findings; the others name the form and the row).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from conftest import SAMPLES, pdf_text

Case = dict[str, Any]


def sample(name: str) -> Case:
    data: Case = yaml.safe_load((SAMPLES / f"{name}.yaml").read_text("utf-8"))
    photo = data.get("person", {}).get("photo")
    if photo:
        data["person"]["photo"] = str(SAMPLES / photo)
    return data


def pages(case: Case | Path, form: str, lang: str, *, draft: bool = False) -> list[str]:
    """The text of each page, whitespace squashed."""
    import io

    from pypdf import PdfReader

    data = rf.render(case, form=form, lang=lang, draft=draft)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def text(case: Case | Path, form: str, lang: str, *, draft: bool = False) -> str:
    """The whole rendered text, whitespace squashed (lines joined)."""
    return " ".join(pdf_text(rf.render(case, form=form, lang=lang, draft=draft)).split())


def near_empty(agreement: str, requesting: str, requested: str, **extra: Any) -> Case:
    """The audit's near-empty case: the agreement, the states and a surname."""
    return {
        "agreement": agreement,
        "requesting_state": requesting,
        "requested_state": requested,
        "person": {"surnames": ["X"]},
        **copy.deepcopy(extra),
    }


# -- X4: authorities by role ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sender", "examiner"),
    [
        ("ru", "Министерство внутренних дел Республики Беларусь", "Республики Казахстан"),
        ("kk", "Беларусь Республикасының Ішкі істер министрлігі", "Қазақстан Республикасының"),
        ("en", "Ministry of Internal Affairs of the Republic of Belarus", "of Kazakhstan"),
    ],
)
def test_x4_default_requesting_authority_is_the_one_that_sends(
    lang: str, sender: str, examiner: str
) -> None:
    """KZ–BY Protocol Art. 1(5): the Belarus MIA sends transit requests."""
    case = near_empty("kz-by", "BY", "KZ", transit={"destination": "AM"})
    printed = text(case, "transit-request", lang, draft=True)
    assert sender in printed
    committee = rf.get_agreement("kz-by").authority_for("BY", "transit-request", "examines")
    assert committee is not None and committee.name[rf.Lang(lang)] not in printed
    assert examiner in printed


@pytest.mark.parametrize(
    ("lang", "examiner"),
    [
        ("ru", "Государственный пограничный комитет Республики Беларусь"),
        ("kk", "Беларусь Республикасының Мемлекеттік шекара комитеті"),
        ("en", "State Border Committee of the Republic of Belarus"),
    ],
)
def test_x4_default_requested_authority_is_the_one_that_examines(lang: str, examiner: str) -> None:
    """KZ–BY Protocol Art. 1(5): the State Border Committee examines transit requests;
    the Belarus MIA examines readmission requests."""
    transit = near_empty("kz-by", "KZ", "BY", transit={"destination": "AM"})
    assert examiner in text(transit, "transit-request", lang, draft=True)
    readmission = near_empty("kz-by", "KZ", "BY")
    assert examiner not in text(readmission, "readmission-request", lang, draft=True)
