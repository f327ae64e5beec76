"""Composition: case + agreement + form structure + language texts → `Document`.

This is the one place where language, labels, formatted values and blanks are
resolved. The result is a plain document that every backend draws as it is.

`compose_traced` is the hook for tools that need to know where each block came
from (the translators' proof): it also returns, for every block made, the structure
entry and the repeat variables in scope.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from ._agreements import Agreement, get_agreement
from ._case import Case
from ._document import (
    Block,
    Choices,
    Document,
    Field,
    Heading,
    PhotoPanel,
    Slot,
    Slots,
    Text,
    Title,
)
from ._lang import Lang, parse_lang
from ._languages import check_purpose, language_metadata, status_line
from ._packs import per_packs
from ._photo import read_photo
from ._presentation import caption, choice, page_label, slots_captions, subject
from ._presentation import heading as section_heading
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
    WithSpec,
    structure_for,
)
from ._templates import Texts, texts
from ._values import Ctx, check_structure, resolve, resolve_choice, resolve_items, value_paths

__all__ = ["Traced", "compose", "compose_traced"]


@dataclass(frozen=True)
class Traced:
    """A block as composition made it: the structure entry it came from, and the repeat
    variables in scope (``child``, ``document``, …) when it was made."""

    spec: BlockSpec
    scope: Mapping[str, object]
    block: Block


class _Composer:
    """Walks a form's structure and makes its blocks in one language.

    ``ctx`` holds the case, the language and the repeat variables in scope; `scoped`
    binds one for the blocks of an ``each``/``with`` entry. Every block is made once,
    by the entry it belongs to, and reported to ``trace`` when it is made (the blocks
    inside a photo panel before the panel).
    """

    def __init__(
        self, structure: Structure, ctx: Ctx, trace: Callable[[Traced], None] | None = None
    ) -> None:
        self.structure = structure
        self.ctx = ctx
        self.trace = trace

    def text(self, key: str | None) -> str:
        return self.ctx.texts[self.structure.key(key)] if key else ""

    def blocks(self, specs: tuple[BlockSpec, ...]) -> Iterator[Block]:
        for spec in specs:
            if spec.applies_to(self.ctx.form, self.ctx.lang.value):
                yield from self.block(spec)

    def made(self, spec: BlockSpec, block: Block) -> Block:
        if self.trace is not None:
            self.trace(Traced(spec, self.ctx.scope, block))
        return block

    def block(self, spec: BlockSpec) -> Iterator[Block]:
        ctx = self.ctx
        if isinstance(spec, TitleSpec):
            yield self.made(spec, Title(self.text(spec.key)))
        elif isinstance(spec, TextSpec):
            yield self.made(
                spec,
                Text(
                    self.text(spec.key),
                    spec.align,
                    spec.bold,
                    spec.italic,
                    spec.small,
                    spec.keep_with_previous,
                    spec.role,
                ),
            )
        elif isinstance(spec, HeadingSpec):
            yield self.made(spec, self.heading(spec.section))
        elif isinstance(spec, FieldSpec):
            yield self.made(spec, self.field(spec))
        elif isinstance(spec, ChoicesSpec):
            ticked = resolve_choice(ctx, spec.value) or frozenset()
            options = tuple(
                choice(self.text(key), code in ticked, code) for code, key in spec.options.items()
            )
            label = caption(spec.n, self.text(spec.label))
            paths = value_paths(ctx, spec.value, choice=True)
            yield self.made(spec, Choices(spec.n, label, options, spec.vertical, paths))
        elif isinstance(spec, SlotsSpec):
            slots = tuple(
                Slot(
                    resolve(ctx, slot.value) if slot.value else None,
                    self.text(slot.caption),
                    slot.lines,
                    slot.role,
                    value_paths(ctx, slot.value) if slot.value else (),
                )
                for slot in spec.slots
            )
            line, gutter = slots_captions(spec.n, self.text(spec.label))
            yield self.made(
                spec, Slots(spec.n, line, gutter, slots, spec.columns, spec.keep_with_previous)
            )
        elif isinstance(spec, PhotoSpec):
            photo_path = ctx.case.person.photo
            photo = read_photo(photo_path) if photo_path is not None else None
            inner = tuple(self.blocks(spec.blocks))
            yield self.made(spec, PhotoPanel(self.text(spec.caption), photo, inner))
        elif isinstance(spec, EachSpec):
            yield from self.each(spec)
        elif isinstance(spec, WithSpec):
            yield from self.scoped(spec.item, getattr(ctx.case, spec.item, None), spec.blocks)

    def field(self, spec: FieldSpec) -> Field | Text:
        """A numbered item with its value; a printed blank stands for a missing value."""
        value = resolve(self.ctx, spec.value) if spec.value else None
        if value is None and spec.blank:
            return Text(self.text(spec.blank))
        return Field(
            spec.n,
            caption(spec.n, self.text(spec.label)),
            value,
            spec.lines,
            spec.inline,
            self.text(spec.hint),
            value_paths(self.ctx, spec.value) if spec.value else (),
        )

    def heading(self, section: str, counter: str = "") -> Heading:
        title = self.text(f"{section}.title")
        return section_heading(self.text(f"{section}.letter"), f"{title} {counter}".rstrip())

    def scoped(self, name: str, item: object, specs: tuple[BlockSpec, ...]) -> Iterator[Block]:
        """The blocks of ``specs`` with ``name`` bound to ``item`` (a repeat variable).

        The blocks are made at once (``list``), while the binding holds: a generator
        would resume after the binding is undone.
        """
        outer = self.ctx
        self.ctx = dataclasses.replace(outer, scope={**outer.scope, name: item})
        try:
            yield from list(self.blocks(specs))
        finally:
            self.ctx = outer

    def each(self, spec: EachSpec) -> Iterator[Block]:
        items = list(resolve_items(self.ctx, spec.items))
        if not items:
            if spec.empty == "none":
                return
            items = [None]  # the form's blank item
        for index, item in enumerate(items, start=1):
            if spec.heading and (index == 1 or not spec.heading_once):
                counter = f"({index})" if len(items) > 1 and not spec.heading_once else ""
                yield self.made(spec, self.heading(spec.heading, counter))
            yield from self.scoped(spec.as_, item, spec.blocks)


def compose(
    case: Case, form: str, lang: Lang | str, *, draft: bool = False, purpose: str = "default"
) -> Document:
    """Compose ``form`` for ``case`` in ``lang``: every label, value and blank resolved.

    ``purpose`` ("default" or "submission") is stated in the metadata; a language the
    purpose does not allow raises `LanguageNotAllowedError` (see `render`).
    """
    return _compose(case, form, parse_lang(lang), draft=draft, purpose=purpose)


def compose_traced(
    case: Case, form: str, lang: Lang, *, language_texts: Texts
) -> tuple[Document, tuple[Traced, ...]]:
    """`compose` with ``language_texts`` (a translator's copy of the templates), and where
    every block came from, in the order the blocks were made."""
    made: list[Traced] = []
    document = _compose(case, form, lang, words=language_texts, trace=made.append)
    return document, tuple(made)


@per_packs
def _checked(agreement_id: str, form: str) -> None:
    """Every value the form's structure names is known (`check_structure`), checked once."""
    check_structure(structure_for(agreement_id, form))


def _compose(
    case: Case,
    form: str,
    lang: Lang,
    *,
    draft: bool = False,
    purpose: str = "default",
    words: Texts | None = None,
    trace: Callable[[Traced], None] | None = None,
) -> Document:
    agreement: Agreement = get_agreement(case.agreement)
    decision = check_purpose(agreement, lang, purpose)
    structure = structure_for(agreement.id, form)
    _checked(agreement.id, form)
    words = words or texts(lang)
    ctx = Ctx(case, agreement, form, lang, words)
    blocks = tuple(_Composer(structure, ctx, trace).blocks(structure.blocks))
    info = agreement.form(form)
    title = info.title[lang]
    metadata = {
        "agreement": agreement.id,
        "form": form,
        "annex": info.annex.value or "",
        "model_form": "yes" if info.model else "no",
        "language": lang.value,
        "case_reference": case.letter.number or "",
        **language_metadata(agreement, lang, form),
        "purpose": decision.purpose,
        "purpose_note": decision.reason,
    }
    return Document(
        lang=lang,
        title=title,
        subject=subject(agreement.id, form, lang),
        blocks=blocks,
        status=status_line(agreement, lang, words, form),
        page_label=page_label(words["common.page"]),
        draft_label=words["common.draft"] if draft else None,
        keywords=metadata["language_status"],
        category=metadata["annex"],
        metadata=metadata,
    )
