"""``bundle``: every form of a case in one PDF/A-3b file, with a cover page, bookmarks,
the case data attached as the source of the documents, and the same bytes for the same
input."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pikepdf

from .._agreements import Agreement, get_agreement
from .._backends.pdf import render as render_pdf
from .._case import Case
from .._category import forms_in_play
from .._lang import LANGS, Lang, parse_lang
from .._languages import language_status
from .._loading import load_case
from .._render import render
from .._saving import case_json
from .._version import __version__
from ._cover import Listed, cover
from ._manifest import CASE_FILE, CASE_SCHEMA_VERSION, FORMAT, MANIFEST_FILE
from ._pdfa import Attachment, Bookmark, assemble

__all__ = ["bundle", "bundle_forms", "bundle_langs"]


def bundle_forms(case: Case, agreement: Agreement, forms: str | Sequence[str]) -> list[str]:
    """The forms of the bundle: "applicable" (those the case is sent with), "all", or ids."""
    if isinstance(forms, str) and forms.strip().lower() in ("applicable", "all"):
        chosen = (
            set(agreement.form_ids)
            if forms.strip().lower() == "all"
            else forms_in_play(case, agreement)
        )
        return [form for form in agreement.form_ids if form in chosen]
    wanted = [f.strip() for f in (forms.split(",") if isinstance(forms, str) else forms)]
    return list(dict.fromkeys(agreement.form(f).id for f in wanted if f))


def bundle_langs(agreement: Agreement, langs: Sequence[Lang | str] | None) -> list[Lang]:
    """The languages asked for; by default the agreement's working language (KZ–AT
    Art. 14: English; KZ–BY Protocol Art. 10: Russian), else its authentic languages."""
    if langs:
        return list(dict.fromkeys(parse_lang(lang) for lang in langs))
    working = [lang for lang in LANGS if language_status(agreement, lang).working == "yes"]
    authentic = [
        lang
        for lang in LANGS
        if language_status(agreement, lang).authenticity in ("authentic", "authentic-prevailing")
    ]
    return working or authentic or list(LANGS)


def _pages(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return len(opened.pages)


def bundle(
    case: Case | str | Path | Mapping[str, Any],
    *,
    forms: str | Sequence[str] = "applicable",
    langs: Sequence[Lang | str] | None = None,
) -> bytes:
    """The case bundle as PDF/A-3b bytes: a cover page (in the first language) listing
    each document with its form, language, language status and SHA-256, then each
    form in each language, with bookmarks; the case data (JSON) and every document
    attached. A case with errors for one of the forms raises `CaseRefusedError`."""
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    chosen_forms = bundle_forms(loaded, agreement, forms)
    chosen_langs = bundle_langs(agreement, langs)
    jobs = [(form, lang) for form in chosen_forms for lang in chosen_langs]
    rendered = [render(loaded, form=form, lang=lang.value) for form, lang in jobs]
    names = [f"{n:02d}-{form}.{lang.value}.pdf" for n, (form, lang) in enumerate(jobs, 1)]
    counts = [_pages(pdf) for pdf in rendered]
    data = case_json(case, loaded)
    case_hash = hashlib.sha256(data).hexdigest()
    reference = loaded.letter.number
    lang = chosen_langs[0]
    cover_pages, cover_pdf = 1, b""
    for _ in range(3):  # the page numbers listed depend on the cover's own length
        listed, first = [], cover_pages + 1
        for name, (form, doc_lang), pdf, count in zip(names, jobs, rendered, counts, strict=True):
            sha = hashlib.sha256(pdf).hexdigest()
            listed.append(Listed(name, form, doc_lang, (first, first + count - 1), sha))
            first += count
        cover_pdf = render_pdf(
            cover(agreement, reference, listed, (CASE_FILE, CASE_SCHEMA_VERSION, case_hash), lang)
        )
        if _pages(cover_pdf) == cover_pages:
            break
        cover_pages = _pages(cover_pdf)
    manifest = {
        "format": FORMAT,
        "format_version": 1,
        "made_by": f"readmit_forms {__version__}",
        "agreement": agreement.id,
        "case_reference": reference,
        "case": {
            "file": CASE_FILE,
            "media_type": "application/json",
            "schema_version": CASE_SCHEMA_VERSION,
            "sha256": case_hash,
        },
        "documents": [
            {
                "file": item.file,
                "form": item.form,
                "lang": item.lang.value,
                "language_status": language_status(agreement, item.lang).authenticity,
                "pages": list(item.pages),
                "sha256": item.sha256,
            }
            for item in listed
        ],
    }
    words_title = cover(agreement, reference, [], ("", "", ""), lang).title
    bookmarks = [Bookmark(words_title, 0)] + [
        Bookmark(
            f"{agreement.form(item.form).title[item.lang]} ({item.lang.value})", item.pages[0] - 1
        )
        for item in listed
    ]
    attachments = [
        Attachment(
            CASE_FILE,
            data,
            "application/json",
            f"readmit_forms case data (JSON, case schema version {CASE_SCHEMA_VERSION})",
            "Source",
        ),
        Attachment(
            MANIFEST_FILE,
            (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            "application/json",
            "the bundle's list of documents with their SHA-256 (the cover page's table)",
            "Data",
        ),
        *(
            Attachment(
                item.file,
                pdf,
                "application/pdf",
                f"{item.form} ({item.lang.value}) as rendered",
                "Alternative",
            )
            for item, pdf in zip(listed, rendered, strict=True)
        ),
    ]
    return assemble(
        [cover_pdf, *rendered],
        bookmarks=bookmarks,
        attachments=attachments,
        title=words_title,
        subject=f"{agreement.id} case bundle ({', '.join(lg.value for lg in chosen_langs)})",
        lang=lang.value,
        producer=f"readmit_forms {__version__}",
    )
