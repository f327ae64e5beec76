"""Language status of a document under its agreement: authentic, prevailing, working language.

Each agreement records (with sources) its authentic languages, the language
that prevails in case of divergence, and the language requests and forms must
use. Where the sources say nothing, the status says so; nothing is guessed.
Every rendered document states its status in its own language (footer) and in
machine-readable metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._agreements import Agreement, Source
from ._citations import cite
from ._lang import Lang
from ._templates import Texts

__all__ = ["LanguageStatus", "language_metadata", "language_status", "status_line"]

Authenticity = Literal["authentic-prevailing", "authentic", "translation", "not-stated"]
Working = Literal["yes", "no", "not-stated"]


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


def language_status(agreement: Agreement, lang: Lang) -> LanguageStatus:
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
    )


def _ref(source: Source | None, lang: Lang, texts: Texts) -> str:
    return cite(source.ref, lang, texts) if source else ""


def status_line(agreement: Agreement, lang: Lang, texts: Texts) -> str:
    """The footer sentence stating the document's language status, in ``lang``."""
    status = language_status(agreement, lang)

    def language(code: str | None, form: str) -> str:
        if code is None:
            return ""
        key = f"common.language.{code}.{form}"
        return texts[key] if key in texts else code

    params = {
        "language": language(lang.value, "name"),
        "ref": _ref(status.authentic_source, lang, texts),
        "prevailing": language(status.prevailing_language, "text"),
        "prevailing_ref": _ref(status.prevailing_source, lang, texts),
    }
    if status.authenticity == "not-stated":
        first = texts.format("common.status.not_stated", language=params["language"])
    elif status.prevailing_language is None:
        first = texts.format(
            f"common.status.{status.authenticity}_no_prevailing",
            language=params["language"],
            ref=params["ref"],
        )
    else:
        first = texts.format(f"common.status.{status.authenticity}", **params)
    if status.working == "not-stated":
        second = texts["common.status.working_not_stated"]
    else:
        second = texts.format(
            f"common.status.working_{status.working}",
            working=language(status.working_language, "in"),
            ref=_ref(status.working_source, lang, texts),
        )
    return f"{first} {second}"


def language_metadata(agreement: Agreement, lang: Lang) -> dict[str, str]:
    """Machine-readable language status, for PDF/DOCX/HTML metadata."""
    status = language_status(agreement, lang)
    return {
        "language_status": status.authenticity,
        "working_language": status.working,
        "authentic_languages": ", ".join(status.authentic_languages or ()) or "not stated",
        "prevailing_language": status.prevailing_language or "not stated",
        "agreement_working_language": status.working_language or "not stated",
        "language_sources": "; ".join(
            str(source)
            for source in (status.authentic_source, status.prevailing_source, status.working_source)
            if source is not None
        )
        or "not stated in the sources",
    }
