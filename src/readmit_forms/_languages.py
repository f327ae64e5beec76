"""Language status of a document under its agreement: authentic, prevailing, working language.

Each agreement records (with sources) its authentic languages, the language
that prevails in case of divergence, and the language requests and forms must
use. Where the sources say nothing, the status says so; nothing is guessed.

Every rendered document states in its own language (the footer, from
``templates/<lang>/common.yaml`` ``status.*``) and in machine-readable metadata
what its wording is — the annex text as the sources give it, a translation made
by this project from the Kazakh and Russian annex texts, or a model form (the
agreement data, ``languages.wording``) — and what its language is under the
agreement. For KZ–AT in English the footer reads: this form is a translation by
readmit_forms of the Kazakh and Russian texts of the annex, the authentic English
text of the annex not being in the sources; English is an authentic language of
the Agreement and its English text prevails (Art. 18, closing clause); requests
are made in English (Art. 14).

Purposes. ``default`` renders any language and states its status.
``submission`` is for the copy sent to the other Party: it refuses a language
that is not the agreement's working language, naming the article (KZ–AT Art. 14:
English; KZ–BY Protocol Art. 10: Russian). Where the sources do not state a
working language (KZ–HU: left to the Executive Protocol, which is not in the
sources; KZ–FR: no treaty text) no language can be refused without guessing
one, so submission is allowed, and the document's footer and metadata say that
the language of requests and forms is not stated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._agreements import Agreement, Source
from ._citations import cite
from ._errors import LanguageNotAllowedError, UnknownPurposeError
from ._lang import Lang
from ._structure import structure_for
from ._templates import Texts

__all__ = [
    "PURPOSES",
    "LanguageStatus",
    "PurposeDecision",
    "check_purpose",
    "language_metadata",
    "language_status",
    "purpose_decision",
    "status_line",
    "wording_sentence",
]

Authenticity = Literal["authentic-prevailing", "authentic", "translation", "not-stated"]
Working = Literal["yes", "no", "not-stated"]

PURPOSES: tuple[str, ...] = ("default", "submission")
"""What a document is rendered for: a working copy (any language) or the copy submitted."""


@dataclass(frozen=True)
class LanguageStatus:
    """What ``lang`` is under ``agreement``, with the provisions that say so."""

    agreement: str
    lang: Lang
    authenticity: Authenticity
    working: Working
    authentic_languages: tuple[str, ...] | None
    prevailing_language: str | None
    working_language: str | None
    authentic_source: Source | None
    prevailing_source: Source | None
    working_source: Source | None
    working_note: str | None = None

    @property
    def prevails(self) -> bool:
        return self.authenticity == "authentic-prevailing"

    def cited_sources(self) -> tuple[Source, ...]:
        """The provisions that state the authentic, prevailing and working languages (those
        the sources state), in that order."""
        return tuple(
            source
            for source, stated in (
                (self.authentic_source, self.authentic_languages),
                (self.prevailing_source, self.prevailing_language),
                (self.working_source, self.working_language),
            )
            if source is not None and stated
        )


def language_status(agreement: Agreement, lang: Lang) -> LanguageStatus:
    """The status of ``lang`` under ``agreement``, from the agreement data alone."""
    rules = agreement.languages
    authentic = rules.authentic.value if rules.authentic.stated else None
    prevailing = rules.prevailing.value if rules.prevailing.stated else None
    working = rules.working.value if rules.working.stated else None
    authenticity: Authenticity
    if authentic is None:
        authenticity = "not-stated"
    elif lang.value == prevailing:
        authenticity = "authentic-prevailing"
    elif lang.value in authentic:
        authenticity = "authentic"
    else:
        authenticity = "translation"
    working_status: Working = (
        "not-stated" if working is None else ("yes" if working == lang.value else "no")
    )
    return LanguageStatus(
        agreement=agreement.id,
        lang=lang,
        authenticity=authenticity,
        working=working_status,
        authentic_languages=authentic,
        prevailing_language=prevailing,
        working_language=working,
        authentic_source=rules.authentic.source,
        prevailing_source=rules.prevailing.source,
        working_source=rules.working.source,
        working_note=rules.working.note if rules.working.not_stated else None,
    )


# -- the footer sentence ---------------------------------------------------------------


def _language(texts: Texts, code: str | None, form: str) -> str:
    """A language name in the form a sentence needs ("name", "subject", "of", "in", "text")."""
    if code is None:
        return ""
    key = f"common.language.{code}.{form}"
    return texts[key] if key in texts else code  # noqa: SIM401 - Texts raises TemplateError


def _with_refs(clause: str, sources: list[Source | None], lang: Lang, texts: Texts) -> str:
    """``clause (ref; ref)``: each provision once, cited in ``lang``."""
    refs = list(dict.fromkeys(cite(s.ref, lang, texts) for s in sources if s is not None))
    return f"{clause} ({'; '.join(refs)})" if refs else clause


def _same_provision(a: Source | None, b: Source | None) -> bool:
    """Both facts rest on the same provision (the lines may differ: two sentences of it)."""
    return a is not None and b is not None and (a.doc, a.ref) == (b.doc, b.ref)


def wording_sentence(agreement: Agreement, lang: Lang, texts: Texts, form: str) -> str:
    """What this wording of the form is: the annex text, a translation, or a model form.

    The annex forms cite their annex; a translation made by this project names the
    texts it was made from, and says so where the language is an authentic one whose
    text is not in the sources (KZ–AT English); a model form says it is one.
    """
    wording = agreement.form_wording(form, lang)
    kind = wording.kind.replace("-", "_")
    params = {"text": _language(texts, lang.value, "text")}
    if wording.kind == "project-translation":
        key = "-".join(sorted(code.value for code in wording.translated_from))
        params["originals"] = texts[f"common.status.wording.from.{key}"]
    sentence = texts.format(f"common.status.wording.{kind}", **params)
    if wording.kind == "model-form":
        return _with_refs(sentence, [wording.source], lang, texts)
    status = language_status(agreement, lang)
    annex = structure_for(agreement.id, form).source  # the annex the form reproduces
    if wording.kind == "project-translation" and status.authenticity in (
        "authentic",
        "authentic-prevailing",
    ):
        sentence += "; " + texts.format("common.status.wording.authentic_missing", **params)
    return _with_refs(sentence, [annex], lang, texts)


def status_line(agreement: Agreement, lang: Lang, texts: Texts, form: str) -> str:
    """The footer of ``form`` in ``lang``: what its wording is, then the language's status
    under the agreement, citing the articles.

    Three sentences: what this wording of the form is (the annex text, a translation,
    a model form); what the language is under the agreement (authentic or not) and
    which text prevails; the language of requests and forms. A provision that says
    both of the middle facts (the closing clause) is cited once. Where the sources
    state nothing on the languages, one sentence says so.
    """
    status = language_status(agreement, lang)
    own = {
        "name": _language(texts, lang.value, "name"),
        "subject": _language(texts, lang.value, "subject"),
        "of": _language(texts, lang.value, "of"),
        "in": _language(texts, lang.value, "in"),
        "text": _language(texts, lang.value, "text"),
    }
    wording = wording_sentence(agreement, lang, texts, form) + "."

    def clause(which: str, **params: str) -> str:
        return texts.format(f"common.status.{which}", **params)

    if (
        status.authenticity == "not-stated"
        and status.prevailing_language is None
        and status.working == "not-stated"
    ):
        return f"{wording} {clause('nothing_stated', **own)}."

    # What the language is under the agreement, then which text prevails.
    if status.authenticity == "not-stated":
        first, first_source = clause("authentic_not_stated"), None
    else:
        first = clause(status.authenticity.replace("-", "_"), **own)
        first_source = status.authentic_source
    prevailing_source = status.prevailing_source if status.prevailing_language else None
    if status.prevails:
        sentence = _with_refs(first, [first_source, prevailing_source], lang, texts)
    elif status.prevailing_language is None:
        sentence = (
            _with_refs(first, [first_source], lang, texts) + "; " + clause("prevailing_not_stated")
        )
    else:
        second = clause(
            "prevailing", prevailing=_language(texts, status.prevailing_language, "text")
        )
        if _same_provision(first_source, prevailing_source):
            sentence = _with_refs(f"{first}; {second}", [prevailing_source], lang, texts)
        else:
            sentence = (
                _with_refs(first, [first_source], lang, texts)
                + "; "
                + _with_refs(second, [prevailing_source], lang, texts)
            )

    # The language of requests and forms.
    if status.working == "not-stated":
        working = clause("working_not_stated")
    else:
        working = _with_refs(
            clause(
                f"working_{status.working}",
                working=_language(texts, status.working_language, "in"),
            ),
            [status.working_source],
            lang,
            texts,
        )
    return f"{wording} {sentence}. {working}."


# -- machine-readable ----------------------------------------------------------------------


def language_metadata(agreement: Agreement, lang: Lang, form: str) -> dict[str, str]:
    """Machine-readable language status and form wording, for PDF/DOCX/HTML metadata."""
    status = language_status(agreement, lang)
    wording = agreement.form_wording(form, lang)

    def source(src: Source | None) -> str:
        return str(src) if src is not None else "not stated in the sources"

    return {
        "form_wording": wording.kind,
        "form_wording_translated_from": ", ".join(code.value for code in wording.translated_from)
        or "not a translation",
        "form_wording_note": wording.note,
        "form_wording_source": source(wording.source),
        "language_status": status.authenticity,
        "working_language": status.working,
        "authentic_languages": ", ".join(status.authentic_languages or ()) or "not stated",
        "prevailing_language": status.prevailing_language or "not stated",
        "agreement_working_language": status.working_language or "not stated",
        "authentic_source": source(status.authentic_source if status.authentic_languages else None),
        "prevailing_source": source(
            status.prevailing_source if status.prevailing_language else None
        ),
        "working_source": source(status.working_source if status.working_language else None),
        "language_sources": "; ".join(str(src) for src in status.cited_sources())
        or "not stated in the sources",
    }


# -- purposes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PurposeDecision:
    """Whether ``lang`` may be used for ``purpose`` under the agreement, and why (one line)."""

    agreement: str
    lang: Lang
    purpose: str
    allowed: bool
    reason: str


def purpose_decision(agreement: Agreement, lang: Lang, purpose: str) -> PurposeDecision:
    """Decide whether ``lang`` may be used for ``purpose`` ("default" or "submission")."""
    key = str(purpose).strip().lower()
    if key not in PURPOSES:
        raise UnknownPurposeError(purpose, PURPOSES)
    status = language_status(agreement, lang)

    def decided(allowed: bool, reason: str) -> PurposeDecision:
        return PurposeDecision(agreement.id, lang, key, allowed, reason)

    if key == "default":
        return decided(True, "a working copy in any language; its footer states its status")
    if status.working == "yes":
        return decided(
            True,
            f"{lang.value} is the language of requests and forms under {agreement.id} — "
            f"{status.working_source}",
        )
    if status.working == "no":
        return decided(
            False,
            f"under {agreement.id} requests and forms are made in {status.working_language} — "
            f"{status.working_source}; render in {status.working_language} to submit, "
            "or with the default purpose for a working copy",
        )
    where = f"; see {status.working_source}" if status.working_source else ""
    return decided(
        True,
        f"the sources do not state the language of requests and forms under {agreement.id} "
        f"({status.working_note}{where}); no language is assumed, so none is refused",
    )


def check_purpose(agreement: Agreement, lang: Lang, purpose: str) -> PurposeDecision:
    """`purpose_decision`, raising `LanguageNotAllowedError` when the language is refused."""
    decision = purpose_decision(agreement, lang, purpose)
    if not decision.allowed:
        raise LanguageNotAllowedError(lang.value, decision.purpose, decision.reason)
    return decision
