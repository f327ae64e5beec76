"""KZ–BY forms: Executive Protocol Annexes 1–4 and the model handover notice.

Every KZ–BY sample renders every form in kk, ru and en; the text read back from
the PDF holds each language's own official lines and the case's values. The
Kazakh and Russian texts are checked word for word against the source, and the
texts of the three languages against the structures and the recorded divergences.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from readmit_forms._structure import (
    ChoicesSpec,
    EachSpec,
    FieldSpec,
    HeadingSpec,
    PhotoSpec,
    SlotsSpec,
    Structure,
    TextSpec,
    TitleSpec,
    WithSpec,
    structures,
)
from readmit_forms._templates import texts

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "004_450247c9c5df390a.txt"
BY_SAMPLES = sorted(SAMPLES.glob("kz-by-*.yaml"))
FORMS = [form.id for form in rf.get_agreement("kz-by").forms]
LANGS = ["kk", "ru", "en"]

# Official lines of each form, per language (the Kazakh and Russian ones as printed
# in the Protocol's annexes; the handover notice is a model form of our own).
OFFICIAL: dict[str, dict[str, list[str]]] = {
    "person-statement": {
        "ru": [
            "ЗАЯВЛЕНИЕ",
            "лица, подлежащего реадмиссии",
            "от «__» _______ 2013 года",
            "1. Фамилия, имя, отчество, второе имя (фамилию подчеркнуть)",
            "11. Иные сведения",
            "(личная подпись)",
            "Место составления заявления",
            "(подпись должностного лица компетентного органа государства запрашиваемой Стороны)",
            "(инициалы, фамилия)",
            "М.П.",
        ],
        "kk": [
            "реадмиссияға жататын адамның",
            "ӨТІНІШІ",
            "2013 жылғы «___» _____________",
            "1. Тегі, аты, әкесінің аты, екінші аты (тегінің астын сызып көрсетіңіз",
            "(жеке қолы)",
            "Өтініш толтырылған жер",
            "(Сұрау салушы Тарап мемлекетінің құзыретті органы лауазымды адамының қолы)",
            "(аты-жөні, тегі)",
            "М.О.",
        ],
        "en": [
            "STATEMENT",
            "of the person to be readmitted",
            "1. Surname, first name, patronymic, second name (underline the surname)",
            "(signature of the person)",
            "(initials, surname)",
            "(Seal/stamp)",
        ],
    },
    "interview-request": {
        "ru": [
            "Запрос о проведении собеседования",
            "Герб государства запрашивающей Стороны",
            "в соответствии со статьей 5 Исполнительного протокола",
            "от «___» ______ 2013 года",
            "А. Персональные данные",
            "Фото",
            "7. Семейное положение:",
            "12. Документы, имеющиеся у лица:",
            "(дата истечения срока действия)",
            "Б. Примечание",
            "Место проведения собеседования",
            "М.П.",
        ],
        "kk": [
            "әңгімелесу өткізу туралы сұрау салу",
            "Сұрау салушы Тарап мемлекетінің елтаңбасы",
            "А. Дербес деректер",
            "Сурет",
            "12. Қолында бар құжаттары:",
            "(мерзімі өткен күні)",
            "Б. Ескертпе",
            "Әңгімелесу өткізілген орын",
            "М.О.",
        ],
        "en": [
            "Request for an interview",
            "Coat of arms of the State of the requesting Party",
            "A. Personal details",
            "12. Documents held by the person:",
            "B. Remarks",
            "Place of the interview",
            "(Seal/stamp)",
        ],
    },
    "readmission-request": {
        "ru": [
            "Запрос о реадмиссии",
            "Герб государства запрашивающей Стороны",
            "в соответствии со статьей 6 Исполнительного протокола",
            "12. Основания для принятия решения о незаконном въезде",
            "Б. Особые обстоятельства, относящиеся к передаваемому лицу",
            "В. Прилагаемые доказательства гражданской принадлежности",
            "1. Документы, подтверждающие гражданскую принадлежность:",
            "2. Документы и сведения, дающие основание предполагать гражданскую принадлежность",
            "Г. Примечание",
            "М.П.",
        ],
        "kk": [
            "реадмиссия туралы сұрау салу",
            "В. Азаматтық тиесілілігінің қоса берілетін дәлелдемелері",
            "(мерзімі өтетін күні)",
            "Г. Ескертпе",
            "М.О.",
        ],
        "en": [
            "Readmission request",
            "C. Means of evidence of nationality attached",
            "2. Documents and information giving grounds to presume nationality",
            "D. Remarks",
        ],
    },
    "transit-request": {
        "ru": [
            "Запрос о транзите",
            "в соответствии со статьей 7 Исполнительного протокола",
            "7. Тип и номер проездного документа",
            "В. Транзитная операция",
            "3. Предлагаемое место пересечения государственной границы, дата, время",
            "4. Сведения о сопровождающих лицах:",
            "Принятие лица гарантировано другим государством транзита и (или) государством "
            "назначения.",
            "М.П.",
        ],
        "kk": [
            "транзит туралы сұрау салу",
            "В. Транзиттік операция",
            "3. Мемлекеттік шекараны болжамды кесу орны, күні, уақыты",
            "Басқа транзит мемлекетінің және (немесе) межелі мемлекеттің кепілді адамды қабылдауы",
            "М.О.",
        ],
        "en": [
            "Transit request",
            "C. Transit operation",
            "Admission of the person is guaranteed by the other State of transit and/or "
            "the State of destination.",
        ],
    },
    "handover-notice": {
        "ru": [
            "ТИПОВАЯ ФОРМА",
            "Уведомление об условиях передачи лица, подлежащего реадмиссии",
            "пунктов 1, 3 и 4 статьи 9 и пункта 1 статьи 8 Исполнительного протокола",
            "не позднее 5 рабочих дней",
            "Герб государства запрашивающей Стороны",
            "в международном аэропорту государства запрашиваемой Стороны",
            "Предполагаемые сроки пребывания на территории государства запрашиваемой Стороны",
            "не позднее 3 рабочих дней",
            "М.П.",
        ],
        "kk": [
            "ҮЛГІЛІК НЫСАН",
            "Реадмиссияға жататын адамды беру шарттары туралы хабарлама",
            "9-бабының 1, 3 және 4-тармақтары және 8-бабының 1-тармағы",
            "Сұрау салушы Тарап мемлекетінің елтаңбасы",
            "М.О.",
        ],
        "en": [
            "MODEL FORM",
            "Notification of the conditions of the transfer",
            "Article 9(1), (3) and (4) and Article 8(1) of the Executive Protocol",
            "not later than 5 working days",
            "(Seal/stamp)",
        ],
    },
}

# Case values that each sample must show on every form, per language.
VALUES: dict[str, dict[str, list[str]]] = {
    "kz-by-family.yaml": {
        "kk": ["Ковалёв Сергей Николаевич"],
        "ru": ["Ковалёв Сергей Николаевич"],
        "en": ["Kovalyov Sergei Nikolayevich"],
    },
    "kz-by-transit.yaml": {
        "kk": ["Саргсян Арам Ашотович"],
        "ru": ["Саргсян Арам Ашотович"],
        "en": ["Sargsyan Aram Ashotovich"],
    },
    "kz-by-no-documents.yaml": {
        "kk": ["Тұрсынбаев Бауыржан Әділбекұлы"],
        "ru": ["Тұрсынбаев Бауыржан Әділбекұлы"],
        "en": ["Tursynbayev Bauyrzhan Adilbekuly"],
    },
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def rendered(sample: str, form: str, lang: str) -> str:
    case = rf.load_case(SAMPLES / sample)
    errors = [f for f in rf.validate(case, form) if f.is_error]
    return flat(pdf_text(rf.render(case, form=form, lang=lang, draft=bool(errors))))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("path", BY_SAMPLES, ids=lambda p: p.name)
def test_every_sample_renders_every_form(path: Path, form: str, lang: str) -> None:
    text = rendered(path.name, form, lang)
    for line in OFFICIAL[form][lang]:
        assert flat(line) in text, f"{form} ({lang}): missing {line!r}"
    for value in VALUES[path.name][lang]:
        assert value in text, f"{form} ({lang}): missing value {value!r}"


def test_samples_need_a_draft_only_for_missing_sections() -> None:
    for path in BY_SAMPLES:
        case = rf.load_case(path)
        for form in FORMS:
            codes = {f.code for f in rf.validate(case, form) if f.is_error}
            allowed = {"section-missing"}
            if "section-missing" in codes:  # without its section, the form's items go too
                allowed.add("item-missing")
            assert codes <= allowed, (path.name, form, codes)
        assert not [f for f in rf.validate(case) if f.is_error and f.path != "transit"]


def test_signature_line_follows_each_language() -> None:
    """Russian: official of the requested Party; Kazakh: of the requesting Party."""
    for form in ("person-statement", "interview-request", "readmission-request", "transit-request"):
        ru = rendered("kz-by-family.yaml", form, "ru")
        kk = rendered("kz-by-family.yaml", form, "kk")
        assert "компетентного органа государства запрашиваемой Стороны)" in ru
        assert "(Сұрау салушы Тарап мемлекетінің құзыретті органы лауазымды адамының қолы)" in kk


def test_statement_date_fills_the_printed_blank() -> None:
    family = rendered("kz-by-family.yaml", "person-statement", "ru")
    assert "8 октября 2026 г." in family
    assert "«__» _________ 2013 года" not in family  # the date under the signature is filled
    assert "от «__» _______ 2013 года" in family  # the Agreement's date stays as printed
    transit = rendered("kz-by-transit.yaml", "person-statement", "ru")  # no statement
    assert "«__» _________ 2013 года" in transit


def test_statement_items_come_from_the_case() -> None:
    text = rendered("kz-by-no-documents.yaml", "person-statement", "ru")
    for value in (
        "мать — Тұрсынбаева Гүлнар Сейітқызы",
        "г. Тараз, мкр. Карасу",
        "11 апреля 2025 г.",
        "автомобильным транспортом из Российской Федерации",
        "работа на строительстве",
        "Управление по гражданству и миграции ГУВД",
        "О. С. Гаврилович",
    ):
        assert value in text


def test_readmission_request_sorts_proof_from_presumption() -> None:
    """В.1: proof of nationality (Protocol Art. 2(2)); В.2: grounds to presume it (Art. 2(4))."""
    text = rendered("kz-by-family.yaml", "readmission-request", "ru")
    proof = text.index("1. Документы, подтверждающие гражданскую принадлежность:")
    presumption = text.index("2. Документы и сведения, дающие основание предполагать")
    assert proof < text.index("HB3391058") < presumption  # the wife's valid passport
    assert presumption < text.index("IV-ГМ 512347")  # USSR passport, Belarus stamp of 1989
    assert presumption < text.index("HB2048317")  # his own passport, expired in 2021


def test_interview_request_lists_each_document_with_its_captions() -> None:
    text = rendered("kz-by-family.yaml", "interview-request", "ru")
    assert text.count("(вид документа)") == 3
    assert text.count("(орган, выдавший документ)") == 3
    empty = rendered("kz-by-no-documents.yaml", "interview-request", "ru")
    assert empty.count("(вид документа)") == 1  # one blank set when there is no document
    assert "Посольство Республики Казахстан в Республике Беларусь" in empty


def test_transit_request_goes_to_the_border_committee_with_escorts() -> None:
    text = rendered("kz-by-transit.yaml", "transit-request", "ru")
    assert "Государственный пограничный комитет Республики Беларусь" in text
    assert "Армения" in text and "транзитная зона Национального аэропорта «Минск»" in text
    assert "Оспанов Нұрлан" in text and "S0377105" in text
    assert "заграничный паспорт № AT0456123" in text


def test_handover_notice_gives_the_escorts_of_article_8() -> None:
    text = rendered("kz-by-family.yaml", "handover-notice", "ru")
    for value in (
        "Ерлан Сәрсенбаев",
        "майор полиции",
        "служебный паспорт",
        "S0318842",
        "11 апреля 2022 г.",
        "10 апреля 2032 г.",
        "с 8 декабря 2026 г. по 9 декабря 2026 г.",
        "Национальный аэропорт «Минск»",
        "8 декабря 2026 г.",
        "10:40",
        "Ковалёв Данияр Сергеевич, 14 лет",
    ):
        assert value in text
    assert text.count("Сопровождающее лицо") == 2
    en = rendered("kz-by-transit.yaml", "handover-notice", "en")
    assert "Nurlan Ospanov" in en and "15 December 2026" in en


# -- texts against structures, sources and the recorded divergences ---------------------


def _keys(structure: Structure, specs: Any) -> set[str]:
    found: set[str] = set()
    for spec in specs:
        keys: list[str | None] = []
        if isinstance(spec, (TitleSpec, TextSpec)):
            keys.append(spec.key)
        elif isinstance(spec, HeadingSpec):
            keys += [f"{spec.section}.letter", f"{spec.section}.title"]
        elif isinstance(spec, FieldSpec):
            keys += [spec.label, spec.hint, spec.blank]
        elif isinstance(spec, ChoicesSpec):
            keys += [spec.label, *spec.options.values()]
        elif isinstance(spec, SlotsSpec):
            keys += [spec.label, *(slot.caption for slot in spec.slots)]
        elif isinstance(spec, PhotoSpec):
            keys.append(spec.caption)
        elif isinstance(spec, EachSpec) and spec.heading:
            keys += [f"{spec.heading}.letter", f"{spec.heading}.title"]
        if isinstance(spec, (PhotoSpec, EachSpec, WithSpec)):
            found |= _keys(structure, spec.blocks)
        found |= {structure.key(key) for key in keys if key}
    return found


def test_texts_and_structures_use_the_same_keys_in_every_language() -> None:
    used: set[str] = set()
    for structure in structures():
        if structure.agreement == "kz-by":
            used |= {k for k in _keys(structure, structure.blocks) if k.startswith("kz-by.")}
    for lang in rf.Lang:
        have = {key for key in texts(lang) if key.startswith("kz-by.")}
        assert have == used, (lang, sorted(have ^ used))


def test_divergences_point_at_the_texts_that_show_them() -> None:
    for divergence in rf.get_agreement("kz-by").divergences:
        if divergence.template_key is None:
            continue
        key = f"kz-by.{divergence.template_key}"
        for lang in rf.Lang:
            assert key in texts(lang), key
        for lang, version in divergence.versions.items():
            ours = flat(texts(rf.Lang(lang))[key])
            theirs = re.sub(r"^\d+\.\s*", "", flat(version))
            assert ours in theirs or theirs in ours, (key, lang, ours, theirs)


# Source lines of each annex (ru; kk); two-column lines interleave the captions of
# these keys with their neighbours', so only their words are checked.
_ANNEXES = {
    "annex-1": ((326, 367), (1012, 1053)),
    "annex-2": ((369, 461), (1055, 1131)),
    "annex-3": ((463, 578), (1133, 1234)),
    "annex-4": ((580, 677), (1236, 1319)),
}
_TWO_COLUMN = {"signature", "requesting-authority"}


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("annex", sorted(_ANNEXES))
def test_annex_texts_are_word_for_word_the_source(annex: str, lang: str) -> None:
    if not SOURCE.is_file():
        pytest.skip("../shared/sources is not next to the checkout")
    lines = SOURCE.read_text("utf-8").splitlines()
    first, last = _ANNEXES[annex][0 if lang == "ru" else 1]
    source = flat(" ".join(lines[first - 1 : last]).replace("_", " "))
    prefix = f"kz-by.{annex}."
    for key, value in texts(rf.Lang(lang)).items():
        if not key.startswith(prefix):
            continue
        ours = flat(value.replace("_", " "))
        if key.removeprefix(prefix) in _TWO_COLUMN:
            assert all(word in source for word in ours.split()), key
        else:
            assert ours in source, (key, ours)
