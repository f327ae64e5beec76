"""Language status: every document states it (footer, metadata); submission keeps to the rules."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from conftest import Result, pdf_text, sample_paths
from readmit_forms._lang import LANGS
from readmit_forms._languages import language_metadata, purpose_decision, status_line
from readmit_forms._structure import structure_for
from readmit_forms._templates import texts

AGREEMENTS = {a.id: a for a in rf.agreements()}

# (agreement, lang) -> (status, working language?) as INDEX.md states the sources.
EXPECTED = {
    ("kz-at", "kk"): ("authentic", "no"),
    ("kz-at", "ru"): ("translation", "no"),
    ("kz-at", "en"): ("authentic-prevailing", "yes"),
    ("kz-by", "kk"): ("authentic", "no"),
    ("kz-by", "ru"): ("authentic-prevailing", "yes"),
    ("kz-by", "en"): ("translation", "no"),
    ("kz-hu", "kk"): ("authentic", "not-stated"),
    ("kz-hu", "ru"): ("translation", "not-stated"),
    ("kz-hu", "en"): ("authentic-prevailing", "not-stated"),
    ("kz-fr", "kk"): ("not-stated", "not-stated"),
    ("kz-fr", "ru"): ("not-stated", "not-stated"),
    ("kz-fr", "en"): ("not-stated", "not-stated"),
}

# Words each footer must contain (its own language), and the articles it must cite: what
# the wording of the form is (the annex text, a translation by this project, a model
# form), what the language is under the Agreement, and the language of requests.
FOOTER = {
    ("kz-at", "kk"): [
        "Осы нысан қосымшаның қазақ тіліндегі мәтінін дереккөздердегідей қайталайды (7-қосымша)",
        "Қазақ тілі Келісімнің күші бірдей мәтіндерінің тілі болып табылады",
        "ағылшын тіліндегі мәтін пайдаланылады",
        "ағылшын тілінде ресімделеді",
        "(18-бап, қорытынды ережелер)",
        "(14-бап)",
    ],
    ("kz-at", "ru"): [
        "этот текст — перевод, а не аутентичный текст (Приложение 7)",
        "Русский язык не является аутентичным языком Соглашения",
        "преимущественную силу имеет текст на английском языке",
        "составляются на английском языке",
        "(ст. 18, заключительные положения)",
        "(ст. 14)",
    ],
    ("kz-at", "en"): [
        "This form is a translation made by readmit_forms from the Kazakh and Russian texts",
        "not an authentic text",
        "the authentic English text of the annex is not in the sources (Annex 7)",
        "English is an authentic language of the Agreement",
        "prevails",
        "Requests and forms are made in this language",
        "(Art. 18, closing clause)",
        "(Art. 14)",
    ],
    ("kz-by", "kk"): [
        "қазақ тіліндегі мәтінін дереккөздердегідей қайталайды",
        "орыс тіліндегі мәтін пайдаланылады",
        "орыс тілінде ресімделеді",
        "(Атқару хаттамасы, 10-бап)",
    ],
    ("kz-by", "ru"): [
        "воспроизводит текст приложения на русском языке",
        "Русский язык является аутентичным языком Соглашения",
        "преимущественную силу",
        "на этом языке",
        "(ст. 10 Исполнительного протокола)",
    ],
    ("kz-by", "en"): [
        "This form is a translation made by readmit_forms",
        "English is not an authentic language",
        "the Russian text prevails",
        "made in Russian",
        "(Protocol Art. 10)",
    ],
    ("kz-hu", "kk"): [
        "ҮЛГІЛІК НЫСАН",
        "оның мәтіні Келісімнің күші бірдей мәтіні емес",
        "ағылшын тіліндегі мәтін пайдаланылады",
        "дереккөздерде көрсетілмеген",
    ],
    ("kz-hu", "ru"): [
        "ТИПОВАЯ ФОРМА",
        "не является аутентичным текстом",
        "на английском языке",
        "Язык запросов и форм в источниках не указан",
    ],
    ("kz-hu", "en"): [
        "MODEL FORM drawn up by readmit_forms",
        "its wording is not an authentic text (Art. 7(5))",
        "prevails",
        "The sources do not state the language of requests and forms",
    ],
    ("kz-fr", "kk"): ["ҮЛГІЛІК НЫСАН", "ештеңе айтылмаған", "белгісіз"],
    ("kz-fr", "ru"): ["ТИПОВАЯ ФОРМА", "ничего не сообщают", "не известен"],
    ("kz-fr", "en"): ["MODEL FORM", "The sources state nothing", "not known"],
}

# Texts that would call a wording authentic that is not (audit X1): never in a footer.
NOT_AUTHENTIC = {
    "en": ["This English text is an authentic text", "is an authentic text of the Agreement"],
    "kk": ["Осы қазақ тіліндегі мәтін Келісімнің күші бірдей мәтіндерінің бірі"],
    "ru": ["является аутентичным текстом Соглашения"],
}


@pytest.mark.parametrize(("agreement", "lang"), sorted(EXPECTED))
def test_status_of_each_language(agreement: str, lang: str) -> None:
    status = rf.language_status(AGREEMENTS[agreement], rf.Lang(lang))
    assert (status.authenticity, status.working) == EXPECTED[(agreement, lang)]


@pytest.mark.parametrize(("agreement", "lang"), sorted(FOOTER))
def test_footer_states_the_status_in_its_own_language(agreement: str, lang: str) -> None:
    language = rf.Lang(lang)
    form = AGREEMENTS[agreement].form_ids[0]
    line = status_line(AGREEMENTS[agreement], language, texts(language), form)
    for fragment in FOOTER[(agreement, lang)]:
        assert fragment in line, (fragment, line)
    for claim in NOT_AUTHENTIC[lang]:
        assert claim not in line, (claim, line)
    if lang != "en":
        # cited in the document's language; the toolkit's name is the one Latin word
        assert not re.search(r"[A-Za-z]", line.replace("readmit_forms", "")), line
    assert "{" not in line and "  " not in line and line.endswith(".")


PINNED_FOOTERS = {
    # The English KZ–AT wording is this project's translation: the footer says what English
    # is under the Agreement (Art. 18) and that this text is not the authentic one.
    ("en", "readmission-request"): (
        "This form is a translation made by readmit_forms from the Kazakh and Russian texts of "
        "the annex, not an authentic text; the authentic English text of the annex is not in "
        "the sources (Annex 7). English is an authentic language of the Agreement, and the "
        "English text of the Agreement prevails in case of divergence (Art. 18, closing "
        "clause). Requests and forms are made in this language (Art. 14)."
    ),
    # The Russian annex text of the decree is itself a translation.
    ("ru", "handover-notice"): (
        "Настоящая форма воспроизводит текст приложения на русском языке так, как он приведен "
        "в источниках; этот текст — перевод, а не аутентичный текст (Приложение 2). Русский "
        "язык не является аутентичным языком Соглашения; при расхождениях преимущественную "
        "силу имеет текст на английском языке (ст. 18, заключительные положения). Запросы и "
        "формы составляются на английском языке (ст. 14)."
    ),
}


@pytest.mark.parametrize(("lang", "form"), sorted(PINNED_FOOTERS))
def test_footer_of_kz_at_reads_as_issue_9_asks(lang: str, form: str) -> None:
    language = rf.Lang(lang)
    line = status_line(AGREEMENTS["kz-at"], language, texts(language), form)
    assert line == PINNED_FOOTERS[(lang, form)]


@pytest.mark.parametrize(
    ("agreement", "form", "lang", "kind"),
    [
        ("kz-at", "readmission-request", "kk", "annex-text"),
        ("kz-at", "readmission-request", "ru", "annex-translation"),
        ("kz-at", "readmission-request", "en", "project-translation"),
        ("kz-by", "transit-request", "ru", "annex-text"),
        ("kz-by", "transit-request", "en", "project-translation"),
        ("kz-by", "handover-notice", "ru", "model-form"),
        ("kz-hu", "readmission-request", "kk", "model-form"),
        ("kz-fr", "transit-request", "en", "model-form"),
    ],
)
def test_form_wording_is_data_with_its_source(
    agreement: str, form: str, lang: str, kind: str
) -> None:
    wording = AGREEMENTS[agreement].form_wording(form, rf.Lang(lang))
    assert wording.kind == kind and wording.note
    if kind != "model-form" or agreement == "kz-hu":
        assert wording.source is not None
    meta = language_metadata(AGREEMENTS[agreement], rf.Lang(lang), form)
    assert meta["form_wording"] == kind and meta["form_wording_note"] == wording.note


def test_nothing_is_guessed_for_kz_fr() -> None:
    meta = language_metadata(AGREEMENTS["kz-fr"], rf.Lang.RU, "readmission-request")
    assert meta["language_status"] == "not-stated"
    assert meta["prevailing_language"] == meta["agreement_working_language"] == "not stated"
    assert meta["language_sources"] == "not stated in the sources"


# -- submission ----------------------------------------------------------------------------

SUBMISSION = {  # agreement -> (languages allowed, article named when refused)
    "kz-at": ({"en"}, "Art. 14"),
    "kz-by": ({"ru"}, "Protocol Art. 10"),
    "kz-hu": ({"kk", "ru", "en"}, None),
    "kz-fr": ({"kk", "ru", "en"}, None),
}


def _case_under(agreement: str) -> rf.Case:
    """The KZ–AT sample moved under ``agreement`` (the purpose check needs no form of it)."""
    sample = Path(__file__).parent.parent / "samples" / "kz-at-family.yaml"
    data = yaml.safe_load(sample.read_text("utf-8"))
    other = AGREEMENTS[agreement].parties[1]
    return rf.load_case({**data, "agreement": agreement, "requesting_state": other})


@pytest.mark.parametrize("agreement", sorted(SUBMISSION))
@pytest.mark.parametrize("lang", [lang.value for lang in LANGS])
def test_submission_keeps_to_the_working_language(agreement: str, lang: str) -> None:
    allowed, article = SUBMISSION[agreement]
    decision = purpose_decision(AGREEMENTS[agreement], rf.Lang(lang), "submission")
    assert decision.allowed == (lang in allowed)
    case = _case_under(agreement)
    if lang in allowed:
        if article is None:
            assert "do not state the language of requests and forms" in decision.reason
            assert "no language is assumed" in decision.reason
        try:
            rf.render(case, form="readmission-request", lang=lang, purpose="submission", draft=True)
        except rf.LanguageNotAllowedError:  # pragma: no cover
            pytest.fail(f"{lang} refused for submission under {agreement}")
        except rf.ReadmitFormsError:
            pass  # the agreement's forms may not be built yet; the language was not refused
    else:
        with pytest.raises(rf.LanguageNotAllowedError) as caught:
            rf.render(case, form="readmission-request", lang=lang, purpose="submission")
        assert article is not None and article in str(caught.value)
        assert caught.value.lang == lang and caught.value.purpose == "submission"
    # the default purpose never refuses a language
    assert purpose_decision(AGREEMENTS[agreement], rf.Lang(lang), "default").allowed


def test_unknown_purpose_is_a_usage_error() -> None:
    with pytest.raises(rf.UnknownPurposeError) as caught:
        rf.render(sample_paths()[0], form="readmission-request", lang="en", purpose="archive")
    assert caught.value.allowed == rf.PURPOSES


def test_cli_submission_refuses_and_names_the_article(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    sample = str(sample_paths()[0])
    refused = cli(
        "render",
        sample,
        "--form",
        "readmission-request",
        "--lang",
        "ru",
        "--purpose",
        "submission",
        "-o",
        str(tmp_path / "ru.pdf"),
    )
    assert refused.code == 1
    assert "may not be used for submission" in refused.err and "Art. 14" in refused.err
    assert not (tmp_path / "ru.pdf").exists()
    ok = cli(
        "render",
        sample,
        "--form",
        "readmission-request",
        "--lang",
        "en",
        "--purpose",
        "submission",
        "-o",
        str(tmp_path / "en.pdf"),
    )
    assert ok.code == 0, ok.err
    working_copy = cli(
        "render",
        sample,
        "--form",
        "readmission-request",
        "--lang",
        "ru",
        "-o",
        str(tmp_path / "ru.pdf"),
    )
    assert working_copy.code == 0 and (tmp_path / "ru.pdf").exists()


def test_cli_agreements_shows_the_rules_with_articles(cli: Callable[..., Result]) -> None:
    result = cli("agreements")
    assert result.code == 0
    assert "ru  translation (not an authentic language)" in result.out
    en = "en  authentic, prevails; the language of requests and forms; for submission"
    assert en in result.out
    assert "Art. 14" in result.out and "Protocol Art. 10" in result.out
    assert "submission not restricted (no language is assumed)" in result.out


# -- every sample, form, language and format carries its status ----------------------------


def _sample_jobs() -> list[tuple[Path, str, str, str]]:
    jobs = []
    for path in sample_paths():
        case = rf.load_case(path)
        for form in rf.get_agreement(case.agreement).form_ids:
            try:
                structure_for(case.agreement, form)
            except rf.UnknownFormError:
                continue  # not built yet
            jobs += [
                (path, form, lang.value, fmt) for lang in LANGS for fmt in sorted(rf.formats())
            ]
    return jobs


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.meta: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.meta += [value or "" for _, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read_back(fmt: str, data: bytes) -> tuple[str, str]:
    """(visible text, metadata as text) of a rendered document."""
    if fmt == "pdf":
        from pypdf import PdfReader

        info = PdfReader(io.BytesIO(data)).metadata or {}
        return pdf_text(data), " ".join(f"{k}={v}" for k, v in info.items())
    if fmt == "html":
        parser = _HTMLText()
        parser.feed(data.decode("utf-8"))
        return html.unescape(" ".join(parser.text)), " ".join(parser.meta)
    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for section in document.sections:
            parts += [p.text for p in section.footer.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        props = document.core_properties
        meta: list[Any] = [
            props.title,
            props.subject,
            props.keywords,
            props.comments,
            props.category,
            props.content_status,
            props.identifier,
        ]
        return "\n".join(parts), " ".join(str(m) for m in meta if m)
    pytest.skip(f"no reader for format {fmt}")  # pragma: no cover


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "form", "lang", "fmt"),
    _sample_jobs(),
    ids=lambda v: v.stem if isinstance(v, Path) else str(v),
)
def test_every_document_carries_its_status(path: Path, form: str, lang: str, fmt: str) -> None:
    case = rf.load_case(path)
    agreement = rf.get_agreement(case.agreement)
    language = rf.Lang(lang)
    data = rf.render(case, form=form, lang=lang, format=fmt, draft=True)
    text, meta = _read_back(fmt, data)
    # the footer sentence, whatever the line breaks
    assert _squash(status_line(agreement, language, texts(language), form)) in _squash(text)
    codes = language_metadata(agreement, language, form)
    assert codes["language_status"] in meta
    assert codes["form_wording"] in meta
    if fmt == "pdf":
        assert f"/LanguageStatus={codes['language_status']}" in meta
        assert f"/WorkingLanguage={codes['working_language']}" in meta
        assert f"/PrevailingLanguage={codes['prevailing_language']}" in meta
        assert f"/FormWording={codes['form_wording']}" in meta
        assert "/Purpose=default" in meta


# -- citations in the document's language ----------------------------------------------------

CITATIONS = [
    ("Art. 14", "ст. 14", "14-бап"),
    ("Annexes 2, 7 and 8 (Kazakh text)", "Приложения 2, 7 и 8", "2, 7 және 8-қосымшалар"),
    (
        "Protocol Annexes 1–4 (Russian text)",
        "Приложения 1–4 к Исполнительному протоколу",
        "Атқару хаттамасына 1–4-қосымшалар",
    ),
    (
        "Annexes 2, 7 and 8 (Russian text); Art. 18, closing clause",
        "Приложения 2, 7 и 8; ст. 18, заключительные положения",
        "2, 7 және 8-қосымшалар; 18-бап, қорытынды ережелер",
    ),
    ("Art. 5(3)(6)", "подп. 6 п. 3 ст. 5", "5-баптың 3-тармағының 6-тармақшасы"),
    ("Protocol Art. 10", "ст. 10 Исполнительного протокола", "Атқару хаттамасы, 10-бап"),
    ("Art. 4(1), (6)", "п. 1 ст. 4, п. 6 ст. 4", "4-баптың 1-тармағы, 4-баптың 6-тармағы"),
    ("Art. 3(1)–(2)", "п. 1–2 ст. 3", "3-баптың 1–2-тармағы"),
    (
        "Protocol Arts. 10 and 12",
        "ст. 10 Исполнительного протокола и ст. 12 Исполнительного протокола",
        "Атқару хаттамасы, 10-бап және Атқару хаттамасы, 12-бап",
    ),
    (
        "Annex 7, section E, item 4",
        "Приложение 7, раздел E, пункт 4",
        "7-қосымша, E бөлімі, 4-тармақ",
    ),
    ("Art. 1(4) ('30 дней', counted as calendar days)", "п. 4 ст. 1", "1-баптың 4-тармағы"),
    ("news item: the Agreement regulates transit and escort", "сообщение СМИ", "БАҚ хабарламасы"),
    ("Decree No. 1023, paras 1–2", "постановление № 1023, пп. 1–2", "№ 1023 қаулы, 1–2-тармақтар"),
]


@pytest.mark.parametrize(("ref", "ru", "kk"), CITATIONS)
def test_citations_in_each_language(ref: str, ru: str, kk: str) -> None:
    from readmit_forms._citations import cite

    assert cite(ref, rf.Lang.RU, texts(rf.Lang.RU)) == ru
    assert cite(ref, rf.Lang.KK, texts(rf.Lang.KK)) == kk
    assert cite(ref, rf.Lang.EN, texts(rf.Lang.EN)) == ref


def test_every_citation_of_the_agreement_data_reads_in_kk_and_ru() -> None:
    """No English word is left in a Kazakh or Russian citation (section letters aside)."""
    from conftest import bundled_agreements
    from readmit_forms._agreements import sources_in
    from readmit_forms._citations import cite

    refs = {  # a pack may cite what the patterns do not read
        source.ref for agreement in bundled_agreements() for _, source, _ in sources_in(agreement)
    }
    for ref in sorted(refs):
        for lang in (rf.Lang.RU, rf.Lang.KK):
            cited = cite(ref, lang, texts(lang))
            assert not re.search(r"[A-Za-z]{2,}", cited), (ref, cited)
