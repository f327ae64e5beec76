"""The proof as a `Document`: the table of items, the table of recorded divergences, and a
footer that states each language's status; drawn by the ordinary backends."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from .._agreements import Agreement, Divergence, get_agreement
from .._backends import backend
from .._case import Case
from .._citations import cite
from .._document import Block, Document, Table, TableRow, Text, Title
from .._lang import LANGS, Lang, parse_lang
from .._languages import language_status
from .._loading import load_case
from .._presentation import heading, page_label, subject
from .._structure import structure_for
from .._templates import load_texts
from .._values import Ctx
from ._words import Words
from .align import MARKS, align, compose_all, runs
from .checks import check_row, prevails

__all__ = ["proof", "render_proof"]


def proof(
    case: Case | str | Path | Mapping[str, Any],
    *,
    form: str,
    lang: Lang | str = "en",
    templates: Path | Traversable | str | None = None,
) -> Document:
    """The translators' proof of ``form`` for ``case``: kk, ru and en side by side, flagged.

    ``lang`` is the language of the proof's own words (headings, notes).
    ``templates`` is a folder laid out like ``templates/`` (a translator's copy)
    to proof instead of the bundled texts; ids it lacks are flagged, not fatal.
    """
    loaded = load_case(case)
    say = Words(parse_lang(lang))
    agreement = get_agreement(loaded.agreement)
    structure = structure_for(agreement.id, form)
    folder = Path(templates) if isinstance(templates, str) else templates
    words = {language: load_texts(folder, language, missing="record") for language in LANGS}
    composed = compose_all(loaded, form, words)
    ctx = Ctx(loaded, agreement, form, LANGS[0], words[LANGS[0]])
    rows = align(composed, structure, ctx)
    shown_divergences: dict[str, Divergence] = {}
    for row in rows:
        for divergence in check_row(row, words, agreement, say):
            shown_divergences[divergence.id] = divergence

    table = Table(
        header=(
            say("column.item"),
            *(say("column.lang", name=say.language(lg.value), code=lg.value) for lg in LANGS),
        ),
        rows=tuple(
            TableRow(
                (runs(row.item), *(row.cells[lg] for lg in LANGS)),
                mark=row.mark,
                note="\n".join(dict.fromkeys(note for _, note in row.flags)),
            )
            for row in rows
        ),
        widths=(0.13, 0.29, 0.29, 0.29),
    )
    divergences = [d for d in agreement.divergences if d.form == form or d.id in shown_divergences]
    divergence_table = Table(
        header=table.header,
        rows=tuple(
            TableRow(
                (
                    runs(d.id, d.template_key or ""),
                    *(
                        runs(d.versions[lg.value]) if lg.value in d.versions else None
                        for lg in LANGS
                    ),
                ),
                mark="divergence",
                note=f"{d.description[say.lang]}\n{prevails(d, agreement, say)}",
            )
            for d in divergences
        ),
        widths=table.widths,
    )
    counts = {mark: sum(1 for row in rows if mark in {k for k, _ in row.flags}) for mark in MARKS}
    flagged = sum(1 for row in rows if row.flags)
    form_title = agreement.form(form).title[say.lang]
    blocks: list[Block] = [
        Title(say("title", form=form_title)),
        Text(
            say(
                "intro",
                agreement=agreement.short[say.lang],
                reference=loaded.letter.number or say("no_reference"),
            )
        ),
        Text(say("legend"), small=True, italic=True),
        Text(say("summary", items=len(rows), flagged=flagged, **counts), bold=True),
        table,
        heading("", say("divergences.title")),
    ]
    blocks.append(divergence_table if divergences else Text(say("divergences.none")))
    language_statuses = "; ".join(
        f"{lg.value}={language_status(agreement, lg).authenticity}" for lg in LANGS
    )
    return Document(
        lang=say.lang,
        title=say("title", form=form_title),
        subject=subject(agreement.id, form, say.lang),
        blocks=tuple(blocks),
        status=_footer(agreement, say),
        page_label=page_label(say.texts["common.page"]),
        keywords=language_statuses,
        metadata={
            "document": "translators-proof",
            "agreement": agreement.id,
            "form": form,
            "languages": " ".join(lg.value for lg in LANGS),
            "proof_language": say.lang.value,
            "case_reference": loaded.letter.number or "",
            "items": str(len(rows)),
            "flagged": str(flagged),
            **{f"flagged_{mark}": str(count) for mark, count in counts.items()},
            "divergences": ", ".join(d.id for d in divergences),
            "language_status": language_statuses,
        },
    )


def _footer(agreement: Agreement, say: Words) -> str:
    """The proof's footer: not for submission, and each language's status with its articles."""
    parts = []
    sources: list[str] = []
    for lang in LANGS:
        status = language_status(agreement, lang)
        short = say(f"status.{status.authenticity}")
        if status.working == "yes":
            short = f"{short}, {say('status.working')}"
        name = say.language(lang.value)
        parts.append(f"{name[:1].upper()}{name[1:]}: {short}")
        sources += [cite(src.ref, say.lang, say.texts) for src in status.cited_sources()]
    refs = f" ({'; '.join(dict.fromkeys(sources))})" if sources else ""
    return say("footer", statuses="; ".join(parts) + refs)


def render_proof(
    case: Case | str | Path | Mapping[str, Any],
    *,
    form: str,
    format: str = "pdf",
    lang: Lang | str = "en",
    templates: Path | Traversable | str | None = None,
    **options: Any,
) -> bytes:
    """The translators' proof (see `proof`) drawn by the ``format`` backend, as bytes."""
    draw = backend(format)
    return draw(proof(case, form=form, lang=lang, templates=templates), **options)
