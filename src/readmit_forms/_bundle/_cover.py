"""The cover page of a case bundle, composed like any form: a `Document` of a title,
texts and a table, drawn by the PDF backend. Its words come from
``templates/<lang>/bundle.yaml`` (and the proof's short language-status words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .._agreements import Agreement
from .._document import Block, Document, Run, Table, TableRow, Text, Title
from .._lang import Lang
from .._languages import language_status
from .._presentation import heading, page_label, subject
from .._templates import texts

__all__ = ["Listed", "cover"]

STANDARD = "PDF/A-3b (ISO 19005-3)"
ALGORITHM = "SHA-256"


@dataclass(frozen=True, slots=True)
class Listed:
    """A document of the bundle as the cover lists it."""

    file: str
    form: str
    lang: Lang
    pages: tuple[int, int]
    sha256: str


def _status(agreement: Agreement, lang: Lang, words_lang: Lang) -> str:
    words = texts(words_lang)
    status = language_status(agreement, lang)
    short = words[f"proof.status.{status.authenticity}"]
    return f"{short}, {words['proof.status.working']}" if status.working == "yes" else short


def cover(
    agreement: Agreement,
    reference: str | None,
    documents: Sequence[Listed],
    case_file: tuple[str, str, str],
    lang: Lang,
) -> Document:
    """The cover in ``lang``; ``case_file`` is (file name, schema version, SHA-256)."""
    words = texts(lang)

    def say(key: str, **params: object) -> str:
        return words.format(f"bundle.{key}", **params)

    rows = tuple(
        TableRow(
            (
                (Run(str(number)),),
                (Run(agreement.form(doc.form).title[lang]),),
                (Run(words[f"common.language.{doc.lang.value}.name"]),),
                (Run(_status(agreement, doc.lang, lang)),),
                (Run(say("pages", first=doc.pages[0], last=doc.pages[1])),),
                (Run(doc.sha256),),
            )
        )
        for number, doc in enumerate(documents, start=1)
    )
    table = Table(
        header=tuple(
            say(f"column.{c}", algorithm=ALGORITHM)
            for c in ("number", "form", "lang", "status", "pages", "hash")
        ),
        rows=rows,
        widths=(0.05, 0.27, 0.11, 0.19, 0.09, 0.29),
    )
    name, version, digest = case_file
    title = say("title")
    blocks: list[Block] = [
        Title(title),
        Text(
            say(
                "intro", agreement=agreement.short[lang], reference=reference or say("no_reference")
            )
        ),
        heading("", say("documents")),
        table,
        Text(
            say(
                "case_data",
                file=name,
                format="JSON",
                version=version,
                algorithm=ALGORITHM,
                hash=digest,
            )
        ),
        Text(say("attached", algorithm=ALGORITHM, standard=STANDARD), small=True, italic=True),
    ]
    return Document(
        lang=lang,
        title=f"{title}: {reference}" if reference else title,
        subject=subject(agreement.id, "case-bundle", lang),
        blocks=tuple(blocks),
        status=say("footer"),
        page_label=page_label(words["common.page"]),
        metadata={"document": "case-bundle", "agreement": agreement.id, "language": lang.value},
    )
