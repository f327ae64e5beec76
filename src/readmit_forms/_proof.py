"""The translators' proof: one form of a case in kk, ru and en side by side, item by item.

The form is composed once per language from the same structure and case; a
recorder notes, for every block, the structure entry and the scope it came
from, so the three block lists line up entry by entry. Each row shows an item's
label and value in the three languages, and is flagged when:

``missing``
    a text or a value is empty in a language but not in another, or a
    language's templates lack the text (the proof still renders: a translator's
    copy of the templates may be incomplete);
``differs``
    a value that must be the same in every language is not: numbers (reference
    and document numbers) are compared literally; names literally within a
    script — the Kazakh and Russian spellings up to the letters Kazakh adds, a
    Latin spelling being a transliteration; dates as dates — the case's raw
    date values, never the formatted strings — so a name, number or date that a
    language's template drops is flagged too;
``untranslated``
    free text has no version in a language (another language's text is
    shown), or was given once for every language;
``divergence``
    a recorded divergence between the official language versions shows at
    the item (``divergences`` in ``agreements/<agreement>.yaml``, by
    ``template_key``).

A second table lists every recorded divergence of the form with the wording of
each language version and the version that prevails under the agreement (for
KZ–AT the prevailing English text is not in the sources, and the proof says so).

The proof is a plain `Document` of `Table` blocks, drawn by the ordinary
backends. Its own words come from ``templates/<lang>/proof.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ._agreements import Agreement, Divergence, Source, get_agreement
from ._case import Case
from ._citations import cite
from ._compose import _Composer
from ._document import (
    Block,
    Choices,
    Document,
    Field,
    Heading,
    PhotoPanel,
    Rich,
    Run,
    Slots,
    Table,
    TableRow,
    Text,
    Title,
    plain,
)
from ._format import format_date, format_datetime, format_time
from ._lang import LANGS, Lang, parse_lang
from ._languages import language_status
from ._loading import load_case
from ._presentation import heading, page_label, subject
from ._structure import (
    BlockSpec,
    ChoicesSpec,
    EachSpec,
    FieldSpec,
    HeadingSpec,
    PhotoSpec,
    SlotsSpec,
    Structure,
    TextSpec,
    TitleSpec,
    structure_for,
)
from ._template_check import TemplateProblem, divergence_for, divergences_at
from ._templates import Texts, load_texts, texts
from ._text import pick
from ._values import Ctx, raw_values
from ._values._core import DATE, NAME, NUMBER, TEXT, TIME
from .backends import backend

__all__ = ["MARKS", "proof", "render_proof"]

MARKS: tuple[str, ...] = ("missing", "differs", "untranslated", "divergence")
"""Row marks, most serious first; a row is marked with the first that applies."""

_TICKED, _UNTICKED, _BLANK = "[×]", "[ ]", "…"

# -- composing in each language, recording where every block came from -------------------------


@dataclass
class _Entry:
    spec: BlockSpec
    scope: dict[str, Any]
    block: Block


class _Recorder(_Composer):
    """`compose`'s composer, noting every block with its structure entry and scope."""

    def __init__(self, structure: Structure, ctx: Ctx) -> None:
        super().__init__(structure, ctx)
        self.entries: list[_Entry] = []
        self._seen: set[int] = set()

    def block(self, spec: BlockSpec) -> Iterator[Block]:
        for block in super().block(spec):
            if id(block) not in self._seen:  # inner blocks of photo/each/with are noted already
                self._seen.add(id(block))
                self.entries.append(_Entry(spec, dict(self.ctx.scope), block))
            yield block


class _Lenient(Texts):
    """Texts that give "" for a missing id and note it: the proof shows what is missing."""

    def __init__(self, base: Texts) -> None:  # wraps ``base`` instead of reading a folder
        self.lang = base.lang
        self.origin = base.origin
        self._base = base
        self.missing: set[str] = set()

    def __getitem__(self, key: str) -> str:
        if key in self._base:
            return self._base[key]
        self.missing.add(key)
        return ""

    def __contains__(self, key: object) -> bool:
        return key in self._base

    def __iter__(self) -> Iterator[str]:
        return iter(self._base)

    def __len__(self) -> int:
        return len(self._base)


def _record(
    case: Case, agreement: Agreement, structure: Structure, form: str, words: _Lenient
) -> tuple[Ctx, list[_Entry]]:
    ctx = Ctx(case, agreement, form, words.lang, words)
    recorder = _Recorder(structure, ctx)
    for _ in recorder.blocks(structure.blocks):
        pass
    return ctx, recorder.entries


# -- one row --------------------------------------------------------------------------------


@dataclass
class _Row:
    item: str
    keys: list[str]
    cells: dict[Lang, Rich]
    values: dict[Lang, str]
    raw: Sequence[tuple[str, Any]]
    flags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def mark(self) -> str | None:
        kinds = {kind for kind, _ in self.flags}
        return next((mark for mark in MARKS if mark in kinds), None)


def _runs(*parts: Rich | str | None, sep: str = "\n") -> Rich:
    runs: list[Run] = []
    for part in parts:
        if not part:
            continue
        if runs:
            runs.append(Run(sep))
        runs.extend((Run(part),) if isinstance(part, str) else part)
    return tuple(runs)


def _show(block: Block) -> tuple[Rich, str]:
    """The block as one cell (label and value), and its value alone as text."""
    if isinstance(block, Title | Text):
        return _runs(block.text), ""
    if isinstance(block, Heading):
        return _runs(block.text), ""
    if isinstance(block, Field):
        value = block.value or _BLANK
        return _runs(block.caption, block.hint, value), plain(block.value)
    if isinstance(block, Choices):
        options = [f"{_TICKED if o.checked else _UNTICKED} {o.label}" for o in block.options]
        ticked = " ".join(str(i) for i, o in enumerate(block.options) if o.checked)
        return _runs(block.caption, *options), ticked
    if isinstance(block, Slots):
        slots = [_runs(slot.caption, slot.value or _BLANK) for slot in block.slots]
        values = "\n".join(plain(slot.value) for slot in block.slots if slot.value)
        return _runs(block.caption or block.gutter, *slots), values
    if isinstance(block, PhotoPanel):
        return _runs(block.caption), ""
    return _runs(type(block).__name__), ""  # pragma: no cover - a block kind added later


def _spec_keys(spec: BlockSpec, structure: Structure, block: Block) -> tuple[str, list[str]]:
    """A short name for the item, and the full template ids of its texts."""
    key = structure.key

    def keys(*relative: str | None) -> list[str]:
        return [key(r) for r in relative if r]

    if isinstance(spec, TitleSpec | TextSpec):
        return spec.key, keys(spec.key)
    if isinstance(spec, HeadingSpec):
        return spec.section, keys(f"{spec.section}.letter", f"{spec.section}.title")
    if isinstance(spec, EachSpec) and isinstance(block, Heading) and spec.heading:
        return spec.heading, keys(f"{spec.heading}.letter", f"{spec.heading}.title")
    if isinstance(spec, FieldSpec):
        return spec.label or spec.value or spec.n, keys(spec.label, spec.hint)
    if isinstance(spec, ChoicesSpec):
        return spec.label or spec.value, keys(spec.label, *spec.options.values())
    if isinstance(spec, SlotsSpec):
        captions = [slot.caption for slot in spec.slots]
        name = spec.label or next((c for c in captions if c), None) or "slots"
        return name, keys(spec.label, *captions)
    if isinstance(spec, PhotoSpec):
        return spec.caption, keys(spec.caption)
    return type(spec).__name__, []  # pragma: no cover


def _value_ids(spec: BlockSpec) -> list[str]:
    if isinstance(spec, FieldSpec):
        return [spec.value] if spec.value else []
    if isinstance(spec, SlotsSpec):
        return [slot.value for slot in spec.slots if slot.value]
    return []


# -- the checks -------------------------------------------------------------------------------


class _Words:
    """The proof's own words, in the proof's language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.texts = texts(lang)

    def __call__(self, which: str, **params: object) -> str:
        return self.texts.format(f"proof.{which}", **params)

    def language(self, code: str, form: str = "name") -> str:
        key = f"common.language.{code}.{form}"
        return self.texts[key] if key in self.texts else code  # noqa: SIM401 - TemplateError

    def quote(self, text: str) -> str:
        return self("quote", text=text.replace("\n", " / "))


def _codes(langs: Sequence[Lang]) -> str:
    return ", ".join(lang.value for lang in langs)


def _check_texts(row: _Row, words: dict[Lang, _Lenient], say: _Words) -> None:
    for key in row.keys:
        have = [lang for lang in LANGS if words[lang][key].strip()]
        for lang in LANGS:
            if key in words[lang].missing:
                row.flags.append(("missing", say("flag.no_text", lang=lang.value, text_id=key)))
        lack = [lang for lang in LANGS if lang not in have and key not in words[lang].missing]
        if have and lack:
            # an official text that lacks it (a recorded divergence) is not for the translator
            # to fix: the row is marked as a divergence, and the note says both
            official = all(
                divergence_for(
                    TemplateProblem("empty", key, lang.value, "", words[have[0]][key].strip())
                )
                for lang in lack
            )
            row.flags.append(
                (
                    "divergence" if official else "missing",
                    say("flag.missing_text", langs=_codes(lack), text_id=key, others=_codes(have)),
                )
            )


_ENUMERATOR = re.compile(r"(?:(?<=\s)|^)(?:\d{1,3}|[^\W\d_])\)")
"""A list marker such as "5)" or "а)" (подпункт 5) статьи 7): a parenthesis with no pair."""


def _balanced(text: str) -> bool:
    text = _ENUMERATOR.sub("", text)
    return text.count("(") == text.count(")")


def _check_wording(row: _Row, words: dict[Lang, _Lenient], say: _Words) -> None:
    """Divergences nobody recorded yet: numbers or brackets that differ between the versions."""
    for key in row.keys:
        if divergences_at(key):
            continue  # recorded: flagged as such
        worded = {lang: words[lang][key] for lang in LANGS if words[lang][key].strip()}
        numbers = {lang: sorted(re.findall(r"\d+", text)) for lang, text in worded.items()}
        # only the versions that have numbers are compared: a title whose article number
        # stands on another line in one language is a matter of layout
        if len({tuple(n) for n in numbers.values() if n}) > 1:
            listed = "; ".join(f"{lang.value} {' '.join(n) or '—'}" for lang, n in numbers.items())
            row.flags.append(("divergence", say("flag.numbers", text_id=key, numbers=listed)))
        unbalanced = [lang for lang, text in worded.items() if not _balanced(text)]
        if unbalanced and len(unbalanced) < len(worded):
            row.flags.append(
                ("divergence", say("flag.brackets", text_id=key, langs=_codes(unbalanced)))
            )


def _check_values(row: _Row, ctxs: dict[Lang, Ctx], agreement: Agreement, say: _Words) -> None:
    have = [lang for lang in LANGS if row.values[lang].strip()]
    lack = [lang for lang in LANGS if lang not in have]
    if have and lack:
        row.flags.append(
            ("missing", say("flag.missing_value", langs=_codes(lack), others=_codes(have)))
        )
    crossing_ids = {point.id for point in agreement.border_crossing_points}
    for kind, raw in row.raw:
        if kind in (NAME, NUMBER):
            versions = {
                lang: pick(raw, lang, ctxs[lang].fallback)
                if isinstance(raw, str | dict)
                else str(raw)
                for lang in LANGS
            }
            same = _same_name(versions) if kind == NAME else len(set(versions.values())) == 1
            if not same:
                listed = "; ".join(f"{lang.value} {say.quote(v)}" for lang, v in versions.items())
                row.flags.append(
                    ("differs", say("flag.differs", what=say(f"what.{kind}"), versions=listed))
                )
            shown = [lang for lang in LANGS if versions[lang] in row.values[lang]]
            _not_shown(row, say, kind, versions[LANGS[-1]], shown)
        elif kind in (DATE, TIME):
            # compared as dates: the one raw value of the case, formatted per language
            formatted = {lang: _format_when(raw, lang) for lang in LANGS}
            shown = [lang for lang in LANGS if formatted[lang] in row.values[lang]]
            _not_shown(row, say, kind, raw.isoformat(), shown)
        elif kind == TEXT:
            if isinstance(raw, dict):
                for lang in LANGS:
                    if lang not in raw and raw:
                        used = next(f for f in ctxs[lang].fallback if f in raw)
                        note = say(
                            "flag.no_version",
                            lang=say.language(lang.value, "in"),
                            fallback=say.language(used.value, "text"),
                        )
                        row.flags.append(("untranslated", note))
            elif isinstance(raw, str) and raw not in crossing_ids:
                row.flags.append(("untranslated", say("flag.one_version", text=say.quote(raw))))


_KK_TO_RU = str.maketrans("әғқңөұүһіёӘҒҚҢӨҰҮҺІЁ", "агкноуухиеАГКНОУУХИЕ")
"""Kazakh letters folded to the Russian ones that render them (and ё to е)."""


def _name_script(name: str) -> str:
    if re.search(r"[\u0400-\u04ff]", name):
        return "cyrillic"
    return "latin" if re.search(r"[A-Za-z\u00c0-\u024f]", name) else "other"


def _same_name(versions: dict[Lang, str]) -> bool:
    """The spellings of a name agree: Cyrillic ones up to the letters Kazakh adds
    ("Жақсылықов" / "Жаксылыков"); a Latin one is a transliteration, compared only with
    other Latin ones ("Kovalyov" is not checked against "Ковалёв")."""
    groups: dict[str, set[str]] = {}
    for version in versions.values():
        folded = version.translate(_KK_TO_RU).casefold().strip()
        groups.setdefault(_name_script(version), set()).add(folded)
    return all(len(spellings) == 1 for spellings in groups.values())


def _format_when(value: Any, lang: Lang) -> str:
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, dt.time):
        return format_time(value, lang)
    return str(value)


def _not_shown(row: _Row, say: _Words, kind: str, value: str, shown: list[Lang]) -> None:
    """A value that some languages show and others do not (a template dropped it)."""
    hidden = [lang for lang in LANGS if lang not in shown]
    if shown and hidden:
        row.flags.append(
            (
                "missing",
                say(
                    "flag.not_shown",
                    what=say(f"what.{kind}"),
                    value=say.quote(value),
                    langs=_codes(hidden),
                ),
            )
        )


def _source_languages(agreement: Agreement) -> set[str]:
    """The languages the sources hold (read from the line references: "ru 1296; kk 292")."""
    found: set[str] = set()

    def visit(obj: Any) -> None:
        if isinstance(obj, Source):
            found.update(re.findall(r"\b([a-z]{2}) \d", obj.lines or ""))
        elif isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                visit(getattr(obj, name))
        elif isinstance(obj, list | tuple):
            for item in obj:
                visit(item)

    visit(agreement)
    return found


def _prevails(divergence: Divergence, agreement: Agreement, say: _Words) -> str:
    rules = agreement.languages
    if not rules.prevailing.stated or rules.prevailing.value is None:
        return say("prevails.not_stated")
    code = rules.prevailing.value
    params = {
        "language": say.language(code, "text"),
        "ref": cite(rules.prevailing.source.ref, say.lang, say.texts)
        if rules.prevailing.source
        else "",
    }
    if code in divergence.versions:
        return say("prevails.quoted", wording=say.quote(divergence.versions[code]), **params)
    if code not in _source_languages(agreement):
        return say("prevails.not_in_sources", **params)
    return say("prevails.not_recorded", **params)


def _divergence_note(divergence: Divergence, agreement: Agreement, say: _Words) -> str:
    return say(
        "flag.divergence",
        id=divergence.id,
        description=divergence.description[say.lang],
        prevails=_prevails(divergence, agreement, say),
    )


# -- the document ------------------------------------------------------------------------------


def _words_for(lang: Lang, templates: Path | Traversable | None) -> _Lenient:
    return _Lenient(texts(lang) if templates is None else load_texts(templates, lang))


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
    say = _Words(parse_lang(lang))
    agreement = get_agreement(loaded.agreement)
    structure = structure_for(agreement.id, form)
    folder = Path(templates) if isinstance(templates, str) else templates
    words = {language: _words_for(language, folder) for language in LANGS}
    recorded = {
        language: _record(loaded, agreement, structure, form, words[language]) for language in LANGS
    }
    ctxs = {language: recorded[language][0] for language in LANGS}
    entries = {language: recorded[language][1] for language in LANGS}
    # Items are aligned by what they are (their text id, and which occurrence of it), not by
    # position: an official text may place an item elsewhere (KZ–AT Annex 2: the title above
    # the basis line in Russian, below it in Kazakh — structure blocks limited by `langs:`).
    aligned: dict[Lang, dict[tuple[str, int], _Entry]] = {}
    order: list[tuple[str, int]] = []
    for language in LANGS:
        counted: Counter[str] = Counter()
        aligned[language] = {}
        for entry in entries[language]:
            name = _spec_keys(entry.spec, structure, entry.block)[0]
            counted[name] += 1
            at = (name, counted[name])
            aligned[language][at] = entry
            if at not in order:
                order.append(at)

    rows: list[_Row] = []
    shown_divergences: dict[str, Divergence] = {}
    for name, occurrence in order:
        present = {
            lg: aligned[lg][(name, occurrence)] for lg in LANGS if (name, occurrence) in aligned[lg]
        }
        entry = next(iter(present.values()))
        keys = _spec_keys(entry.spec, structure, entry.block)[1]
        item = f"{name} ({occurrence})" if occurrence > 1 else name
        shown = {
            language: _show(present[language].block) if language in present else (_runs(_BLANK), "")
            for language in LANGS
        }
        raw = [
            leaf
            for value_id in _value_ids(entry.spec)
            for leaf in raw_values(dataclasses.replace(ctxs[LANGS[0]], scope=entry.scope), value_id)
        ]
        row = _Row(
            item, keys, {lg: shown[lg][0] for lg in LANGS}, {lg: shown[lg][1] for lg in LANGS}, raw
        )
        absent = [lg for lg in LANGS if lg not in present]
        if absent:
            row.flags.append(
                (
                    "missing",
                    say("flag.missing_value", langs=_codes(absent), others=_codes(list(present))),
                )
            )
        _check_texts(row, words, say)
        _check_wording(row, words, say)
        _check_values(row, ctxs, agreement, say)
        for key in keys:
            for divergence in divergences_at(key):
                row.flags.append(("divergence", _divergence_note(divergence, agreement, say)))
                shown_divergences[divergence.id] = divergence
        rows.append(row)

    table = Table(
        header=(
            say("column.item"),
            *(say("column.lang", name=say.language(lg.value), code=lg.value) for lg in LANGS),
        ),
        rows=tuple(
            TableRow(
                (_runs(row.item), *(row.cells[lg] for lg in LANGS)),
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
                    _runs(d.id, d.template_key or ""),
                    *(
                        _runs(d.versions[lg.value]) if lg.value in d.versions else None
                        for lg in LANGS
                    ),
                ),
                mark="divergence",
                note=f"{d.description[say.lang]}\n{_prevails(d, agreement, say)}",
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


def _footer(agreement: Agreement, say: _Words) -> str:
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
