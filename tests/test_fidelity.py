"""What the forms print is true: one test per cause of the legal-fidelity audit
(../shared/audits/legal-fidelity-2026-12.md), each reading the rendered text back.

The causes are named as in the closing note of issue 9 (X1–X7 are the audit's
cross-cutting findings; the others name the form and the row).
"""

from __future__ import annotations

import copy
import datetime as dt
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


# -- X2: the travel document is the person's own valid original ---------------------------

PASSPORT = {"kind": "passport", "number": "P111", "issuing_state": "KZ"}


@pytest.mark.parametrize(
    "flaw",
    [
        {"expiry_date": "2021-03-02"},  # expired before the transfer
        {"doubtful": True},
        {"forged": True},
        {"copy_only": True},
        {"holder": "spouse"},
    ],
    ids=["expired", "doubtful", "forged", "copy", "relative"],
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_x2_travel_document_is_never_flawed(flaw: dict[str, Any], lang: str) -> None:
    case = sample("kz-by-family")
    good = {**PASSPORT, "number": "P222", "expiry_date": "2035-01-01"}
    case["documents"] = [{**PASSPORT, **flaw}, good]
    printed = text(case, "handover-notice", lang)
    assert "P222" in printed and "P111" not in printed
    case["documents"] = [{**PASSPORT, **flaw}]
    printed = text(case, "handover-notice", lang, draft=True)
    assert "P111" not in printed


def test_x2_samples_no_longer_give_the_expired_or_doubtful_document() -> None:
    """The audit's two cases: KZ–BY family (expired 2 March 2021), KZ–FR (doubtful ID card)."""
    for lang in ("kk", "ru", "en"):
        assert "HB2048317" not in text(SAMPLES / "kz-by-family.yaml", "handover-notice", lang)
        assert "041287553" not in text(SAMPLES / "kz-fr-lyon.yaml", "handover-notice", lang)


def test_x2_a_blank_travel_document_is_explained() -> None:
    """KZ–BY family: the person's passport expired in 2021; the notice leaves item 4 blank
    and the clerk is told why."""
    found = [
        f
        for f in rf.validate(SAMPLES / "kz-by-family.yaml", "handover-notice")
        if f.code == "no-valid-travel-document"
    ]
    assert len(found) == 1 and found[0].path == "documents" and not found[0].is_error
    assert "2026-12-08" in found[0].message(rf.Lang.EN)
    case = sample("kz-by-family")
    case["documents"].append({**PASSPORT, "expiry_date": "2035-01-01"})
    codes = {f.code for f in rf.validate(case, "handover-notice")}
    assert "no-valid-travel-document" not in codes


# -- X3: documents by holder; a spouse's passport is not the person's ----------------------

SPOUSE_PASSPORT = "HB3391058"
HOLDER_LINE = {
    "ru": "Документы члена семьи (супруга): Ковалёва Әйгерім Серікқызы",
    "kk": "Отбасы мүшесінің (зайыбы) құжаттары: Ковалёва Әйгерім Серікқызы",
    "en": "Documents of a family member (wife): Kovalyova Aigerim Serikkyzy",
}
PROOF_LABEL = {
    "ru": "1. Документы, подтверждающие гражданскую принадлежность:",
    "kk": "1. Азаматтық тиесілілігін растайтын құжаттар:",
    "en": "1. Documents proving nationality:",
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_x3_spouse_passport_not_among_the_persons_own(lang: str) -> None:
    family = SAMPLES / "kz-by-family.yaml"
    # Annex 1 item 4: the person's identity documents only
    assert SPOUSE_PASSPORT not in text(family, "person-statement", lang)
    # Annexes 2 and 3: under a line naming the wife, after the person's own
    for form in ("interview-request", "readmission-request"):
        printed = text(family, form, lang)
        assert HOLDER_LINE[lang] in printed
        assert printed.index(HOLDER_LINE[lang]) < printed.index(SPOUSE_PASSPORT)
    # Annex 3 В.1: the person's proof is blank; the wife's passport is hers
    printed = text(family, "readmission-request", lang)
    proof = printed.index(PROOF_LABEL[lang])
    assert printed.index(HOLDER_LINE[lang]) > proof
    assert "IV-ГМ 512347" not in printed[proof : printed.index(HOLDER_LINE[lang])]


def test_x3_kz_at_annex_7_groups_documents_by_holder() -> None:
    case = sample("kz-at-family")
    case["documents"].append(
        {"kind": "passport", "holder": "spouse", "number": "N55555555", "issuing_state": "KZ"}
    )
    printed = text(case, "readmission-request", "ru")
    line = "Документы члена семьи (супруга): Жумабекова Айгерим Кайратовна"
    assert printed.index("N12345678") < printed.index(line) < printed.index("N55555555")


# -- X6: the issuing authority is not printed as a place of issue ---------------------------

ISSUE = {
    "ru": ("дата и место выдачи: 20 июня 1985 г., Гомель;", "орган выдачи: ОВД Гомельского"),
    "kk": ("берілген күні мен жері: 1985 ж. 20 маусым, Гомель;", "берген орган: Гомель қалалық"),
    "en": ("date and place of issue: 20 June 1985, Gomel;", "issuing authority: Department"),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_x6_authority_under_its_own_words(lang: str) -> None:
    printed = text(SAMPLES / "kz-by-family.yaml", "person-statement", lang)
    place, authority = ISSUE[lang]
    assert place in printed and authority in printed


# -- X5: Kazakh "дейін" takes the dative ----------------------------------------------------


def test_x5_kazakh_until_takes_the_dative() -> None:
    printed = text(SAMPLES / "kz-by-family.yaml", "readmission-request", "kk")
    assert "2021 ж. 2 наурызға дейін" in printed
    assert "наурыз дейін" not in printed
    printed = text(SAMPLES / "kz-at-no-documents.yaml", "handover-notice", "kk")
    assert "2031 ж. 19 қыркүйекке дейін" in printed


@pytest.mark.parametrize(
    ("phrase", "dative"),
    [
        ("2026 ж. 1 қаңтар", "2026 ж. 1 қаңтарға"),
        ("2026 ж. 1 ақпан", "2026 ж. 1 ақпанға"),
        ("2026 ж. 1 наурыз", "2026 ж. 1 наурызға"),
        ("2026 ж. 1 сәуір", "2026 ж. 1 сәуірге"),
        ("2026 ж. 1 мамыр", "2026 ж. 1 мамырға"),
        ("2026 ж. 1 маусым", "2026 ж. 1 маусымға"),
        ("2026 ж. 1 шілде", "2026 ж. 1 шілдеге"),
        ("2026 ж. 1 тамыз", "2026 ж. 1 тамызға"),
        ("2026 ж. 1 қыркүйек", "2026 ж. 1 қыркүйекке"),
        ("2026 ж. 1 қазан", "2026 ж. 1 қазанға"),
        ("2026 ж. 1 қараша", "2026 ж. 1 қарашаға"),
        ("2026 ж. 1 желтоқсан", "2026 ж. 1 желтоқсанға"),
        ("мектеп", "мектепке"),  # front, voiceless
        ("кітап", "кітапқа"),  # back (last vowel а), voiceless
        ("су", "суға"),
        ("үй", "үйге"),
        ("19", "19-ға"),  # он тоғыз
        ("40", "40-қа"),  # қырық
        ("3", "3-ке"),  # үш
        ("50", "50-ге"),  # елу
        ("1000", "1000-ға"),  # мың
    ],
)
def test_x5_kazakh_dative_rule(phrase: str, dative: str) -> None:
    from readmit_forms._kazakh import dative as kk_dative

    assert kk_dative(phrase) == dative


def test_x5_an_inflection_a_language_lacks_is_refused() -> None:
    from readmit_forms._errors import TemplateError
    from readmit_forms._templates import Texts, bundled_templates

    class Ru(Texts):
        def __getitem__(self, key: str) -> str:
            return "до {date:dative}"

    words = Ru(rf.Lang.RU, bundled_templates(), "test")
    with pytest.raises(TemplateError, match="dative"):
        words.format("any", date="1 мая")


# -- KZ–AT Annex 7 E: every piece of evidence reaches the form (Art. 4(1)(в)) --------------

EVIDENCE = {
    "ru": (
        "Документы, считающиеся доказательством prima facie гражданства (Приложение 4):",
        "ИИН 960709300418",
        "заключение присяжного переводчика",
    ),
    "kk": (
        "Азаматтығына тиесілігінің prima facie дәлелдемесі деп есептелетін құжаттар (4-қосымша):",
        "ЖСН 960709300418",
        "ант берген аудармашының қорытындысы",
    ),
    "en": (
        "Documents regarded as prima facie evidence of nationality (Annex 4):",
        "IIN 960709300418",
        "opinion of a sworn interpreter",
    ),
}
SECTION = {  # the headings around section E
    "ru": ("E. ПРИЛАГАЕМЫЕ ПОДТВЕРЖДЕНИЯ", "F. ПРОВЕДЕНИЕ СОБЕСЕДОВАНИЯ"),
    "kk": ("E. ҚОСА БЕРІЛГЕН РАСТАУЛАР", "F. ОСЫ КЕЛІСІМНІҢ"),
    "en": ("E. MEANS OF EVIDENCE ATTACHED", "F. INTERVIEW"),
}


@pytest.mark.parametrize("form", ["readmission-request", "interview-request"])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_annex_7_e_prints_the_prima_facie_evidence(form: str, lang: str) -> None:
    printed = text(SAMPLES / "kz-at-no-documents.yaml", form, lang)
    start, end = (printed.index(heading) for heading in SECTION[lang])
    section = printed[start:end]
    for words in EVIDENCE[lang]:
        assert words in section, words


# -- KZ–AT Annex 7 A.8: the address in the requested state ---------------------------------


@pytest.mark.parametrize(
    ("lang", "requested"),
    [
        ("ru", "Казахстан: г. Шымкент, мкр. Нурсат, д. 14, кв. 52"),
        ("kk", "Қазақстан: Шымкент қ., Нұрсат ш/а, 14-үй, 52-пәтер"),
        ("en", "Kazakhstan: Nursat microdistrict 14, flat 52, Shymkent"),
    ],
)
def test_annex_7_a8_prints_the_address_in_the_requested_state(lang: str, requested: str) -> None:
    printed = text(SAMPLES / "kz-at-family.yaml", "readmission-request", lang)
    assert requested in printed
    assert "Фаворитенштрассе 112/4" in printed or "Favoritenstraße 112/4" in printed


# -- KZ–AT Annex 8 and KZ–BY Annex 4: the transit route ------------------------------------


@pytest.mark.parametrize(
    ("name", "lang", "route"),
    [
        ("kz-at-transit", "ru", "Транзитный маршрут: Вена – Алматы (рейс KC 942) – Ташкент"),
        ("kz-at-transit", "kk", "Транзиттік маршрут: Вена – Алматы"),
        ("kz-at-transit", "en", "Transit route: Vienna – Almaty"),
        ("kz-by-transit", "ru", "Транзитный маршрут: Алматы – Минск"),
        ("kz-by-transit", "kk", "Транзиттік маршрут: Алматы – Минск"),
        ("kz-by-transit", "en", "Transit route: Almaty – Minsk"),
    ],
)
def test_transit_request_prints_the_route(name: str, lang: str, route: str) -> None:
    """KZ–AT Art. 9(1): the transit request must contain the transit route."""
    assert route in text(SAMPLES / f"{name}.yaml", "transit-request", lang)


# -- KZ–AT Annex 7: the interview petition names the proposed place ------------------------


@pytest.mark.parametrize(
    ("lang", "place"),
    [
        ("ru", "Предлагаемое место проведения собеседования: Посольство Республики Казахстан"),
        ("kk", "Әңгімелесу өткізудің ұсынылатын орны: Қазақстан Республикасының"),
        ("en", "Proposed place of the interview: Embassy of the Republic of Kazakhstan"),
    ],
)
def test_annex_7_petition_prints_the_interview_place(lang: str, place: str) -> None:
    sample_path = SAMPLES / "kz-at-no-documents.yaml"
    assert place in text(sample_path, "interview-request", lang)
    assert place not in text(sample_path, "readmission-request", lang)


# -- handover notices name the family members transferred with the person -----------------

FAMILY = {
    "ru": ["Жумабекова Айгерим Кайратовна (супруга", "Жумабеков Нурсултан (сын", "(дочь"],
    "kk": ["Жұмабекова Әйгерім Қайратқызы (зайыбы", "Жұмабеков Нұрсұлтан (ұлы", "(қызы"],
    "en": ["Zhumabekova Aigerim Kairatkyzy (wife", "Zhumabekov Nursultan (son", "(daughter"],
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_annex_2_names_the_family_transferred_with_the_person(lang: str) -> None:
    printed = text(SAMPLES / "kz-at-family.yaml", "handover-notice", lang)
    for words in FAMILY[lang]:
        assert words in printed


def test_a_family_member_who_stays_is_not_on_the_handover_notice() -> None:
    """KZ–FR sample: the husband lives in Atyrau; he is not transferred with her."""
    for lang in ("ru", "en"):
        printed = text(SAMPLES / "kz-fr-lyon.yaml", "handover-notice", lang)
        assert "Сәрсенбаев Ғалым" not in printed and "Sarsenbayev Galym" not in printed
    case = sample("kz-at-family")
    case["children"][1]["transferred"] = False
    printed = text(case, "handover-notice", "ru")
    assert "Жумабеков Нурсултан (сын" in printed and "Аружан" not in printed


# -- KZ–AT Annex 7 F: "none of the documents of Annex 3 or 4" beside attached evidence ------


def test_petition_for_lack_of_documents_with_annex_4_evidence_warns() -> None:
    case = sample("kz-at-no-documents")
    case["interview"]["reason"] = "no-documents"
    case["evidence"][0].pop("doubtful")
    warnings = [
        f for f in rf.validate(case, "interview-request") if f.code == "interview-not-needed"
    ]
    assert len(warnings) == 1 and warnings[0].path == "interview.reason"
    assert "evidence[0], evidence[1]" in warnings[0].message(rf.Lang.EN)
    assert warnings[0].article == "Kazakhstan–Austria Readmission Agreement, Art. 5(4)"


def test_the_sample_no_longer_contradicts_itself() -> None:
    codes = {f.code for f in rf.validate(SAMPLES / "kz-at-no-documents.yaml")}
    assert not codes & {"interview-not-needed", "interview-nothing-doubtful"}
    printed = text(SAMPLES / "kz-at-no-documents.yaml", "interview-request", "en")
    assert "In case of doubts about the correctness of the documents attached" in printed


# -- KZ–HU model forms invent nothing ------------------------------------------------------

INTERVIEW_WORDS = {"ru": "собеседован", "kk": "әңгімелесу", "en": "interview"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_hu_interview_model_builds_no_interview_procedure(lang: str) -> None:
    """Art. 1(2): the requested Party clarifies nationality through its missions or posts;
    the Agreement sets no interview."""
    printed = text(SAMPLES / "kz-hu-overstay.yaml", "interview-request", lang)
    assert INTERVIEW_WORDS[lang] not in printed.lower()
    title = rf.get_agreement("kz-hu").form("interview-request").title[rf.Lang(lang)]
    assert INTERVIEW_WORDS[lang] not in title.lower()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    ("name", "form"), [("kz-hu-transit", "transit-request"), ("kz-hu-overstay", "handover-notice")]
)
def test_hu_models_send_no_escort_data(name: str, form: str, lang: str) -> None:
    """Art. 5(3) lists the personal data that may be sent; the escorts' are not on it."""
    case = sample(name)
    case["escorts"] = [
        {
            "surname": "Nagy",
            "given_names": "Péter",
            "passport": {"number": "HS0218377", "issue_date": "2023-02-10"},
            "flight": "W6 4431",
        }
    ]
    if case.get("handover"):
        case["handover"]["escorted"] = True
    printed = text(case, form, lang)
    for data in ("Nagy", "Надь", "HS0218377", "W6 4431 / KC"):
        assert data not in printed


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        ("ru", "в соответствии с подпунктом 6) пункта 3 статьи 5 Соглашения"),
        ("kk", "келісімнің 5-бабы 3-тармағының 6) тармақшасына сәйкес"),
        ("en", "pursuant to Article 5(3), point (6), of the Agreement"),
    ],
)
def test_hu_handover_model_cites_art_3_3_as_a_time_limit_only(lang: str, basis: str) -> None:
    printed = text(SAMPLES / "kz-hu-overstay.yaml", "handover-notice", lang)
    assert basis in printed
    assert "пунктом 3 статьи 3 и" not in printed and "Article 3(3) and" not in printed


# -- KZ–FR model forms: nothing the news item does not say ---------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_fr_models_claim_no_exclusivity_and_no_ground(lang: str) -> None:
    printed = text(SAMPLES / "kz-fr-lyon.yaml", "readmission-request", lang)
    for word in ("исключительно", "exclusively", "тек Келісімді"):
        assert word not in printed
    for heading in ("ОСНОВАНИЕ РЕАДМИССИИ", "GROUNDS FOR READMISSION", "РЕАДМИССИЯЛАУ НЕГІЗІ"):
        assert heading not in printed


# -- the signature block never starts a page alone ------------------------------------------

SIGNATURE = {"ru": "(Подпись)", "kk": "(Қолы)", "en": "(Signature)"}
REMARKS = {"ru": "G. ПРИМЕЧАНИЕ", "kk": "G. ЕСКЕРТПЕ", "en": "G. REMARKS"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_signature_stays_with_the_last_item(lang: str) -> None:
    """KZ–AT family sample: the captions fell alone onto page 3."""
    printed = pages(SAMPLES / "kz-at-family.yaml", "readmission-request", lang)
    (page,) = [p for p in printed if SIGNATURE[lang] in p]
    assert REMARKS[lang] in page
    assert page.index(REMARKS[lang]) < page.index(SIGNATURE[lang])


def test_every_signature_block_is_marked_to_keep_with_the_item_before() -> None:
    from readmit_forms._structure import SlotsSpec, structures

    for structure in structures():
        slots = [b for b in structure.blocks if isinstance(b, SlotsSpec)]
        assert slots[-1].keep_with_previous, structure.texts


# -- deadlines: what a limit runs from; weekend days among the days not counted --------------


def _hu_received() -> Case:
    case = sample("kz-hu-overstay")
    case["letter"]["received_on"] = "2026-10-22"
    return case


def test_take_back_runs_from_the_end_of_the_reply_period(cli: Any, tmp_path: Path) -> None:
    """KZ–HU Art. 3(3): after the time limits of Art. 3(2) expire."""
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(_hu_received(), allow_unicode=True), "utf-8")
    result = cli("deadlines", str(path), "--today", "2026-12-01", "--lang", "en")
    assert result.code == 0, result.err
    take_back = result.out.split("Take back own nationals")[1].split("\n\n")[0]
    assert (
        "runs from 2026-10-29, the end of the time limit for the reply "
        "(itself counted from letter.received_on)" in take_back
    )
    assert "runs from 2026-10-29 (letter.received_on)" not in take_back


def test_weekend_days_are_listed_with_the_holidays_not_counted(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(_hu_received(), allow_unicode=True), "utf-8")
    result = cli("deadlines", str(path), "--today", "2026-12-01", "--lang", "en")
    take_back = result.out.split("Take back own nationals")[1].split("\n\n")[0]
    assert (
        "days not counted: 2026-10-31 Saturday (weekend); 2026-11-01 Sunday (weekend); "
        "2026-11-01 All Saints' Day (Hungary); 2026-11-07 Saturday (weekend); "
        "2026-11-08 Sunday (weekend)" in take_back
    )
    ru = cli("deadlines", str(path), "--today", "2026-12-01", "--lang", "ru").out
    assert "2026-10-31 суббота (выходной день)" in ru
    schedule = rf.deadlines(_hu_received(), today=dt.date(2026, 12, 1))
    (item,) = [d for d in schedule.items if d.id == "hu-take-back-own-nationals"]
    assert [w.date.isoformat() for w in item.weekend_days][:2] == ["2026-10-31", "2026-11-01"]
    assert item.to_dict()["weekend_days"][0] == {"date": "2026-10-31", "states": ["HU", "KZ"]}


# -- every form of every agreement renders from a bundled sample, without --draft -----------


@pytest.mark.parametrize(
    ("agreement", "form"),
    [(a.id, form) for a in rf.agreements() for form in a.form_ids],
)
def test_every_form_renders_from_a_sample_without_draft(agreement: str, form: str) -> None:
    from conftest import sample_paths
    from readmit_forms._category import forms_in_play

    ready = []
    for path in sample_paths():
        case = rf.load_case(path)
        if case.agreement != agreement:
            continue
        calls_for = forms_in_play(case, rf.get_agreement(agreement))
        if form in calls_for and not any(f.is_error for f in rf.validate(case, form)):
            ready.append(path)
    assert ready, f"no sample renders {agreement} {form} without --draft"
    for lang in ("kk", "ru", "en"):
        assert rf.render(ready[0], form=form, lang=lang).startswith(b"%PDF-")


# -- KZ–AT Annex 7 C: the heading once, as the annex prints it ------------------------------


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("ru", "C. ДАННЫЕ О ДЕТЯХ (ЕСЛИ ПРИМЕНИМО)"),
        ("kk", "C. БАЛАЛАРЫ ТУРАЛЫ ДЕРЕКТЕР (ЕГЕР ҚОЛДАНЫЛСА)"),
        ("en", "C. PERSONAL DETAILS OF CHILDREN (IF APPROPRIATE)"),
    ],
)
def test_annex_7_children_heading_printed_once(lang: str, heading: str) -> None:
    printed = text(SAMPLES / "kz-at-family.yaml", "readmission-request", lang)
    assert printed.count(heading) == 1
    assert f"{heading} (1)" not in printed and "(2) 1." not in printed
