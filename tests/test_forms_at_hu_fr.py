"""KZ–AT Annexes 2 and 8 and the KZ–HU and KZ–FR model forms: every sample of these
agreements renders every form of its agreement in kk, ru and en, and the text read
back holds the official lines of the form (in each language's own wording and
order) and the case's values.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from readmit_forms._compose import compose
from readmit_forms._document import Choices, Document
from readmit_forms._lang import Lang
from readmit_forms._structure import BlockSpec, Structure, structures
from readmit_forms._templates import texts
from readmit_forms._text import pick

AGREEMENTS = ("kz-at", "kz-hu", "kz-fr")
LANGS = ("kk", "ru", "en")

# The forms each sample is made for; any other form of its agreement is rendered as
# a draft (the sample is intentionally incomplete for it: no transit or handover data),
# and so is every form of a sample not listed here.
SAMPLE_FORMS: dict[str, set[str]] = {
    "kz-at-family.yaml": {"readmission-request", "handover-notice"},
    "kz-at-no-documents.yaml": {"interview-request", "handover-notice"},
    "kz-at-transit.yaml": {"transit-request"},
    "kz-hu-overstay.yaml": {"readmission-request", "interview-request", "handover-notice"},
    "kz-hu-transit.yaml": {"transit-request"},
    "kz-fr-lyon.yaml": {"readmission-request", "interview-request", "handover-notice"},
    "kz-fr-transit.yaml": {"transit-request"},
}

# Official lines of each form, per language (each language's own text).
KEY_LINES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("kz-at", "handover-notice"): {
        "ru": (
            "ПРИЛОЖЕНИЕ 2 к Соглашению",
            "Уведомление (согласно Статье 3.2 Приложения 1)",
            "Вним.:",
            "ИНФОРМАЦИЯ О ПЕРЕДАЧЕ",
            "в соответствии с пунктом 3 статьи 5 Соглашения",
            "Сведения о лице и реадмиссии",
            "ФИО (фамилии подчеркнуть):",
            "2. Способ реадмиссии (воздушным или наземным путем):",
            "5. Место передачи (пункт пограничного контроля):",
            "7. Сопровождаемая реадмиссии:",
            "если да, данные о сопровождающих лицах:",
            "8. Меры безопасности, которые необходимо предпринять в пункте назначения:",
            "(Подпись запрашивающего органа)",
        ),
        "kk": (
            "келісімге 2-ҚОСЫМША",
            "Хабарлама (1-қосымшаның 3.2-бабына сәйкес)",
            "Ескертпе:",
            "келісімнің 5-бабының 3-тармағына сәйкес",
            "БЕРУ ТУРАЛЫ АҚПАРАТ",
            "Адам және реадмиссиялау туралы мәліметтер",
            "Т.А.Ә. (тегінің астын сызу):",
            "7. Реадмиссиялау бойынша бірге жүретіндер:",
            "8. Межелі пунктте қабылдануы қажет қауіпсіздік шаралары:",
            "(Сұрау салатын органның қолы)",
        ),
        "en": (
            "ANNEX 2 to the Agreement",
            "INFORMATION ON THE TRANSFER",
            "For the attention of:",
            "pursuant to Article 5(3) of the Agreement",
            "7. Escorted readmission:",
        ),
    },
    ("kz-at", "transit-request"): {
        "ru": (
            "ПРИЛОЖЕНИЕ 8 к Соглашению",
            "ЗАПРОС О ТРАНЗИТЕ",
            "в соответствии со статьей 8",
            "A. ПЕРСОНАЛЬНЫЕ ДАННЫЕ",
            "7. Вид и номер проездного документа:",
            "B. ОСОБЫЕ ОБСТОЯТЕЛЬСТВА, СВЯЗАННЫЕ С ПЕРЕДАЧЕЙ",
            "C. ТРАНЗИТ",
            "Воздушным транспортом",
            "Наземным или морским транспортом",
            "(пункт 2 Статьи 8)",
            "(пункт 3 статьи 8)",
            "7. ТРАНЗИТ ОСУЩЕСТВЛЯЕТСЯ С СОПРОВОЖДЕНИЕМ ИЛИ БЕЗ СОПРОВОЖДЕНИЯ?",
            "с сопровождением* сопровождениемleitet*",
            "без сопровождения",
            "*ЕСЛИ С СОПРОВОЖДЕНИЕМ, УКАЖИТЕ ИМЕНА СОПРОВОЖДАЮЩИХ В ПРИМЕЧАНИЯХ ПУНКТА",
            "D. ПРИМЕЧАНИЯ",
        ),
        "kk": (
            "келісімге 8-ҚОСЫМША",
            "ТРАНЗИТТЕУ ТУРАЛЫ СҰРАУ САЛУ",
            "келісімнің 8-бабына сәйкес",
            "A. ДЕРБЕС ДЕРЕКТЕР",
            "C. ТРАНЗИТТЕУ",
            "Әуе көлігі арқылы",
            "бірге жүріп жүзеге асырылады* сопровождениемleitet*",
            "бірге жүрмей жүзеге асырылады",
            "D. ЕСКЕРТПЕЛЕР",
            "(Қолы)",
            "(Мөр/мөртабан)",
        ),
        "en": (
            "ANNEX 8 to the Agreement",
            "TRANSIT APPLICATION",
            "C. TRANSIT",
            "By air",
            "By land or by sea",
            "7. IS THE TRANSIT ESCORTED OR UNESCORTED?",
            "escorted*",
            "D. REMARKS",
        ),
    },
    ("kz-at", "readmission-request"): {
        "ru": ("ЗАПРОС О РЕАДМИССИИ",),
        "kk": ("РЕАДМИССИЯЛАУ ТУРАЛЫ СҰРАУ САЛУ",),
        "en": ("READMISSION APPLICATION",),
    },
    ("kz-at", "interview-request"): {
        "ru": ("Ходатайство о собеседовании",),
        "kk": ("Әңгімелесу туралы өтінішхат",),
        "en": ("Interview request",),
    },
}

MODEL = {"ru": "ТИПОВАЯ ФОРМА", "kk": "ҮЛГІЛІК НЫСАН", "en": "MODEL FORM"}
MODEL_TITLES = {
    "readmission-request": {
        "ru": "ЗАПРОС О РЕАДМИССИИ",
        "kk": "РЕАДМИССИЯЛАУ ТУРАЛЫ СҰРАУ САЛУ",
        "en": "READMISSION APPLICATION",
    },
    "transit-request": {
        "ru": "ЗАПРОС О ТРАНЗИТЕ",
        "kk": "ТРАНЗИТТЕУ ТУРАЛЫ СҰРАУ САЛУ",
        "en": "TRANSIT APPLICATION",
    },
    "handover-notice": {
        "ru": "УВЕДОМЛЕНИЕ О ПЕРЕДАЧЕ",
        "kk": "БЕРУ ТУРАЛЫ ХАБАРЛАМА",
        "en": "NOTIFICATION OF TRANSFER",
    },
}
MODEL_LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "kz-hu": {
        "ru": (
            "Правительством Венгрии о реадмиссии лиц",
            "Исполнительным протоколом (подпункт 5) статьи 7 Соглашения)",
            "пунктом 3 статьи 5 Соглашения",
        ),
        "kk": (
            "Венгрия Үкіметі арасындағы",
            "Атқару хаттамасында",
            "Келісімнің 5-бабының 3-тармағында",
        ),
        "en": (
            "Government of Hungary",
            "Executive Protocol (point (5) of Article 7",
            "Article 5(3) of the Agreement",
        ),
    },
    "kz-fr": {
        "ru": (
            "правительством Франции о реадмиссии лиц",
            "Текст Соглашения при составлении настоящей типовой формы доступен не был",
            "не ссылается на статьи Соглашения",
        ),
        "kk": (
            "Франция Үкіметі арасындағы",
            "Келісімнің мәтіні осы үлгілік нысанды жасау кезінде қолжетімді болған жоқ",
        ),
        "en": (
            "Government of France",
            "The text of the Agreement was not available when this model form was drawn up",
            "cites no article of the Agreement",
        ),
    },
}
MODEL_FORM_LINES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("kz-hu", "readmission-request"): {
        "ru": (
            "в соответствии со статьями 1–3",
            "(статья 1 Соглашения)",
            "(пункт 1 статьи 2 Соглашения)",
        ),
        "kk": ("1–3-баптарына", "(Келісімнің 1-бабы)"),
        "en": ("pursuant to Articles 1 to 3", "(Article 1 of the Agreement)"),
    },
    ("kz-hu", "interview-request"): {
        "ru": ("ЗАПРОС ОБ УТОЧНЕНИИ ГРАЖДАНСТВА", "в соответствии с пунктом 2 статьи 1"),
        "kk": ("АЗАМАТТЫҒЫН НАҚТЫЛАУ ТУРАЛЫ СҰРАУ САЛУ",),
        "en": ("REQUEST TO CLARIFY NATIONALITY",),
    },
    ("kz-hu", "transit-request"): {
        "ru": ("воздушным транспортом под конвоем", "(пункт 2 статьи 4 Соглашения)"),
        "kk": ("әуе көлігімен айдауылмен", "(Келісімнің 4-бабының 2-тармағы)"),
        "en": ("by air under escort", "(Article 4(2) of the Agreement)"),
    },
    ("kz-hu", "handover-notice"): {
        "ru": ("подпунктом 6) пункта 3 статьи 5",),
        "kk": ("6) тармақшасына сәйкес",),
        "en": ("Article 5(3), point (6)",),
    },
    ("kz-fr", "interview-request"): {
        "ru": ("ЗАПРОС О ПРОВЕДЕНИИ КОНСУЛЬСКОГО СОБЕСЕДОВАНИЯ",),
        "kk": ("КОНСУЛДЫҚ ӘҢГІМЕЛЕСУ ӨТКІЗУ ТУРАЛЫ СҰРАУ САЛУ",),
        "en": ("REQUEST FOR A CONSULAR INTERVIEW",),
    },
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _samples() -> list[Path]:
    return sorted(p for a in AGREEMENTS for p in SAMPLES.glob(f"{a}-*.yaml"))


@cache
def _rendered(sample: str, form: str, lang: str) -> str:
    draft = form not in SAMPLE_FORMS.get(sample, set())
    data = rf.render(SAMPLES / sample, form=form, lang=lang, draft=draft)
    assert data.startswith(b"%PDF")
    return _flat(pdf_text(data))


def _cases() -> list[tuple[str, str, str]]:
    found = []
    for path in _samples():
        agreement = rf.load_case(path).agreement
        for form in rf.get_agreement(agreement).forms:
            for lang in LANGS:
                found.append((path.name, form.id, lang))
    return found


def test_the_samples_cover_these_agreements_and_are_valid_for_their_forms() -> None:
    names = {path.name for path in _samples()}
    assert set(SAMPLE_FORMS) <= names
    assert {rf.load_case(SAMPLES / name).agreement for name in SAMPLE_FORMS} == set(AGREEMENTS)
    for name, forms in SAMPLE_FORMS.items():
        for form in forms:
            errors = [f for f in rf.validate(SAMPLES / name, form) if f.is_error]
            assert not errors, (name, form, errors)


def _values(sample: str, form: str, lang: str) -> list[str]:
    """Case values the form must show: reference, surname, and per form the
    document, escort or transit data it carries."""
    case = rf.load_case(SAMPLES / sample)
    language = Lang(lang)
    values = [case.letter.number or "", pick(case.person.surnames[0], language)]
    if form in ("readmission-request", "interview-request"):
        values += [d.number for d in case.documents if d.number]
    escorts_sent = case.agreement != "kz-hu"  # KZ–HU Art. 5(3) does not list escorts' data
    handover = form == "handover-notice" and case.handover is not None
    if handover and case.escorted_handover and escorts_sent:
        values += [e.passport.number for e in case.escorts if e.passport and e.passport.number]
    if form == "transit-request" and case.transit is not None:
        values += [d.number for d in case.documents if d.number]
        if escorts_sent:
            values += [pick(e.surname, language) for e in case.escorts]
        if case.transit.route is not None:  # KZ–AT Annex 8: under D (Art. 9(1))
            values.append(pick(case.transit.route, language))
    return [v for v in values if v]


@pytest.mark.parametrize(("sample", "form", "lang"), _cases())
def test_every_form_renders_with_its_lines_and_values(sample: str, form: str, lang: str) -> None:
    text = _rendered(sample, form, lang)
    agreement = rf.load_case(SAMPLES / sample).agreement
    expected: list[str] = list(KEY_LINES.get((agreement, form), {}).get(lang, ()))
    if agreement in MODEL_LINES:
        expected += [MODEL[lang], *MODEL_LINES[agreement][lang]]
        expected += MODEL_FORM_LINES.get((agreement, form), {}).get(lang, ())
        if form in MODEL_TITLES:
            expected.append(MODEL_TITLES[form][lang])
    expected += _values(sample, form, lang)
    for line in expected:
        assert _flat(line) in text, (sample, form, lang, line)


@pytest.mark.parametrize("lang", LANGS)
def test_english_never_carries_the_german_fragment(lang: str) -> None:
    text = _rendered("kz-at-transit.yaml", "transit-request", lang)
    assert ("leitet" in text) == (lang != "en")


def test_kazakh_annex_2_puts_the_basis_before_the_title() -> None:
    kk = _rendered("kz-at-family.yaml", "handover-notice", "kk")
    assert kk.index("5-бабының 3-тармағына сәйкес") < kk.index("БЕРУ ТУРАЛЫ АҚПАРАТ")
    ru = _rendered("kz-at-family.yaml", "handover-notice", "ru")
    assert ru.index("ИНФОРМАЦИЯ О ПЕРЕДАЧЕ") < ru.index("в соответствии с пунктом 3 статьи 5")
    en = _rendered("kz-at-family.yaml", "handover-notice", "en")
    assert en.index("INFORMATION ON THE TRANSFER") < en.index("pursuant to Article 5(3)")


def _ticked(document: Document, label: str) -> list[str]:
    for block in document.blocks:
        if isinstance(block, Choices) and label in block.caption:
            return [option.label for option in block.options if option.checked]
    raise AssertionError(f"no choices {label!r}")


def test_checkboxes_are_ticked_from_the_case() -> None:
    family = rf.load_case(SAMPLES / "kz-at-family.yaml")
    assert _ticked(compose(family, "handover-notice", "ru"), "Сопровождаемая") == ["нет,"]
    alone = rf.load_case(SAMPLES / "kz-at-no-documents.yaml")
    assert _ticked(compose(alone, "handover-notice", "kk"), "Реадмиссиялау бойынша") == ["иә"]
    transit = rf.load_case(SAMPLES / "kz-at-transit.yaml")
    document = compose(transit, "transit-request", "ru")
    assert _ticked(document, "Вид транзита") == ["Воздушным транспортом"]
    assert _ticked(document, "Гарантируется ли") == ["да"]
    assert _ticked(document, "Известны ли") == ["нет"]
    escorted = _ticked(document, "ТРАНЗИТ ОСУЩЕСТВЛЯЕТСЯ")
    assert escorted == ["с сопровождением* сопровождениемleitet*"]
    hu = rf.load_case(SAMPLES / "kz-hu-overstay.yaml")
    assert _ticked(compose(hu, "readmission-request", "en"), "") == [
        "national of the requested Contracting Party (Article 1 of the Agreement)"
    ]
    fr = rf.load_case(SAMPLES / "kz-fr-lyon.yaml")
    assert _ticked(compose(fr, "interview-request", "ru"), "") == [
        texts(Lang.RU)["model.interview.doubtful"]
    ]


def test_escort_data_per_annex_1_art_5() -> None:
    """Names, passport number, date of issue and validity, flight, arrival and departure."""
    text = _rendered("kz-at-transit.yaml", "transit-request", "en")
    remarks = text[text.index("D. REMARKS") :]
    for part in (
        "Gruber Thomas",
        "U2518834",
        "14 March 2022",
        "13 March 2032",
        "KC 942 / KC 127",
        "arrival: 8 December 2026, 05:40",
        "departure: 8 December 2026, 08:15",
    ):
        assert part in remarks, part


def test_divergence_keys_hold_the_versions_they_quote() -> None:
    """The divergences recorded for Annexes 2 and 8 point at the texts that show them."""
    checked = 0
    for divergence in rf.get_agreement("kz-at").divergences:
        key = divergence.template_key or ""
        if not key.startswith(("annex-2.", "annex-8.")):
            continue
        for lang, version in divergence.versions.items():
            words = texts(Lang(lang))
            assert _flat(version).lower() in _flat(words[f"kz-at.{key}"]).lower(), (key, lang)
            checked += 1
    assert checked == 8  # attention, basis, title (order) and C.7 escorted, each in ru and kk


# -- template contract for the namespaces of these forms ------------------------------

NAMESPACES = ("kz-at.annex-2.", "kz-at.annex-8.", "kz-hu.model.", "kz-fr.model.", "model.")


def _keys_used() -> set[str]:
    """Every text key the structures of these agreements name."""
    used: set[str] = set()

    def walk(structure: Structure, blocks: tuple[BlockSpec, ...]) -> None:
        for block in blocks:
            data = block.model_dump(by_alias=True)
            keys: list[str] = []
            if data["kind"] in ("title", "text"):
                keys.append(data["key"])
            section = data.get("section") or data.get("heading")
            if section:
                keys += [f"{section}.letter", f"{section}.title"]
            keys += [data[name] for name in ("label", "hint", "caption") if data.get(name)]
            keys += list((data.get("options") or {}).values())
            keys += [slot["caption"] for slot in data.get("slots") or () if slot.get("caption")]
            used.update(structure.key(key) for key in keys)
            walk(structure, getattr(block, "blocks", ()))

    for structure in structures():
        if structure.agreement in AGREEMENTS:
            walk(structure, structure.blocks)
    return used


def test_these_forms_use_every_text_of_their_namespaces_in_every_language() -> None:
    used = _keys_used()
    for lang in Lang:
        own = {k for k in texts(lang) if k.startswith(NAMESPACES)}
        assert own == {k for k in used if k.startswith(NAMESPACES)}, lang
