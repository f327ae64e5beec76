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


# -- X1: footers and metadata say what the wording is ---------------------------------------

WORDING = {  # (agreement, lang) -> words of the footer that say what this wording is
    ("kz-at", "kk"): "Осы нысан қосымшаның қазақ тіліндегі мәтінін дереккөздердегідей қайталайды",
    ("kz-at", "ru"): "этот текст — перевод, а не аутентичный текст",
    ("kz-at", "en"): "translation made by readmit_forms from the Kazakh and Russian texts",
    ("kz-by", "kk"): "Осы нысан қосымшаның қазақ тіліндегі мәтінін дереккөздердегідей қайталайды",
    ("kz-by", "ru"): "воспроизводит текст приложения на русском языке так, как он приведен",
    ("kz-by", "en"): "translation made by readmit_forms from the Kazakh and Russian texts",
    ("kz-hu", "kk"): "ҮЛГІЛІК НЫСАН, оны readmit_forms жасаған",
    ("kz-hu", "ru"): "ТИПОВАЯ ФОРМА, составленная readmit_forms",
    ("kz-hu", "en"): "MODEL FORM drawn up by readmit_forms",
}
CLAIMS = [  # what the footers said before: our own wording called authentic
    "This English text is an authentic text",
    "Осы қазақ тіліндегі мәтін Келісімнің күші бірдей мәтіндерінің бірі",
]
JOBS = [
    ("kz-at-no-documents", "interview-request"),
    ("kz-at-transit", "transit-request"),
    ("kz-at-family", "handover-notice"),
    ("kz-by-transit", "transit-request"),
    ("kz-hu-overstay", "readmission-request"),
]


@pytest.mark.parametrize(("name", "form"), JOBS)
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_x1_footer_says_what_the_wording_is(name: str, form: str, lang: str) -> None:
    agreement = name[:5]
    printed = text(SAMPLES / f"{name}.yaml", form, lang)
    assert WORDING[(agreement, lang)] in printed
    for claim in CLAIMS:
        assert claim not in printed


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_x1_metadata_says_what_the_wording_is(fmt: str) -> None:
    import io
    import zipfile

    data = rf.render(SAMPLES / "kz-at-transit.yaml", form="transit-request", lang="en", format=fmt)
    if fmt == "pdf":
        from pypdf import PdfReader

        meta = dict(PdfReader(io.BytesIO(data)).metadata or {})
        assert meta["/FormWording"] == "project-translation"
        assert meta["/FormWordingTranslatedFrom"] == "kk, ru"
        assert meta["/LanguageStatus"] == "authentic-prevailing"
    elif fmt == "docx":
        custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
        assert 'name="form_wording"><vt:lpwstr>project-translation<' in custom
    else:
        page = data.decode()
        assert '<meta name="readmit-forms:form_wording" content="project-translation">' in page


# -- X7: a model form is marked on every page -----------------------------------------------

MARK = {"kk": "ҮЛГІЛІК НЫСАН", "ru": "ТИПОВАЯ ФОРМА", "en": "MODEL FORM"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    ("name", "form"),
    [("kz-by-family", "handover-notice"), ("kz-hu-overstay", "readmission-request")],
)
def test_x7_model_form_marked_on_every_page(name: str, form: str, lang: str) -> None:
    printed = pages(SAMPLES / f"{name}.yaml", form, lang)
    assert len(printed) > 1
    assert all(MARK[lang] in page for page in printed)
