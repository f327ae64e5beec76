"""The form composed in each language, and its items lined up across the three.

Items are aligned by what they are (their text id, and which occurrence of it), not
by position: an official text may place an item elsewhere (KZ–AT Annex 2: the title
above the basis line in Russian, below it in Kazakh — structure blocks limited by
``langs:``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._case import Case
from .._compose import Traced, compose_traced
from .._document import (
    Block,
    Choices,
    Field,
    Heading,
    PhotoPanel,
    Rich,
    Run,
    Slots,
    Text,
    Title,
    plain,
)
from .._lang import LANGS, Lang
from .._structure import Structure
from .._templates import Texts
from .._values import Ctx, Kind, raw_values

__all__ = ["BLANK", "MARKS", "Row", "align", "compose_all", "runs"]

MARKS: tuple[str, ...] = ("missing", "differs", "untranslated", "divergence")
"""Row marks, most serious first; a row is marked with the first that applies."""

BLANK = "…"


@dataclass
class Row:
    """One item of the form in the three languages: its cells, its values as text, the
    raw case values it shows, and what the checks flag."""

    item: str
    keys: list[str]
    """The full template ids of the item's texts."""
    present: list[Lang]
    """The languages whose form has the item."""
    cells: dict[Lang, Rich]
    values: dict[Lang, str]
    raw: Sequence[tuple[Kind, Any]]
    flags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def mark(self) -> str | None:
        kinds = {kind for kind, _ in self.flags}
        return next((mark for mark in MARKS if mark in kinds), None)


def runs(*parts: Rich | str | None, sep: str = "\n") -> Rich:
    """Texts and values as one cell, one part a line."""
    found: list[Run] = []
    for part in parts:
        if not part:
            continue
        if found:
            found.append(Run(sep))
        found.extend((Run(part),) if isinstance(part, str) else part)
    return tuple(found)


def _show(block: Block) -> tuple[Rich, str]:
    """The block as one cell (caption and value), and its value alone as text."""
    if isinstance(block, Title | Text | Heading):
        return runs(block.text), ""
    if isinstance(block, Field):
        return runs(block.caption, block.hint, block.value or BLANK), plain(block.value)
    if isinstance(block, Choices):
        options = [f"{option.glyph} {option.label}" for option in block.options]
        ticked = " ".join(str(i) for i, o in enumerate(block.options) if o.checked)
        return runs(block.caption, *options), ticked
    if isinstance(block, Slots):
        slots = [runs(slot.caption, slot.value or BLANK) for slot in block.slots]
        values = "\n".join(plain(slot.value) for slot in block.slots if slot.value)
        return runs(block.caption or block.gutter, *slots), values
    if isinstance(block, PhotoPanel):
        return runs(block.caption), ""
    return runs(type(block).__name__), ""  # pragma: no cover - a block kind added later


def _name_and_keys(traced: Traced, structure: Structure) -> tuple[str, list[str]]:
    """A short name for the item, and the full template ids of its texts."""
    spec = traced.spec
    return spec.item_name(), [structure.key(key) for key in spec.text_keys()]


def compose_all(
    case: Case, form: str, words: Mapping[Lang, Texts]
) -> dict[Lang, tuple[Traced, ...]]:
    """The blocks of ``form`` in each language, each with where it came from."""
    return {lang: compose_traced(case, form, lang, language_texts=words[lang])[1] for lang in LANGS}


def align(
    composed: Mapping[Lang, Sequence[Traced]],
    structure: Structure,
    ctx: Ctx,
) -> list[Row]:
    """One row per item, in the order the items first appear; ``ctx`` (the case, its
    agreement and the form, in any language) reads the raw values."""
    aligned: dict[Lang, dict[tuple[str, int], Traced]] = {}
    order: list[tuple[str, int]] = []
    for lang in LANGS:
        counted: Counter[str] = Counter()
        aligned[lang] = {}
        for traced in composed[lang]:
            name = _name_and_keys(traced, structure)[0]
            counted[name] += 1
            at = (name, counted[name])
            aligned[lang][at] = traced
            if at not in order:
                order.append(at)
    rows: list[Row] = []
    for name, occurrence in order:
        at = (name, occurrence)
        present = {lang: aligned[lang][at] for lang in LANGS if at in aligned[lang]}
        first = next(iter(present.values()))
        shown = {
            lang: _show(present[lang].block) if lang in present else (runs(BLANK), "")
            for lang in LANGS
        }
        scoped = dataclasses.replace(ctx, scope=first.scope)
        rows.append(
            Row(
                item=f"{name} ({occurrence})" if occurrence > 1 else name,
                keys=_name_and_keys(first, structure)[1],
                present=list(present),
                cells={lang: shown[lang][0] for lang in LANGS},
                values={lang: shown[lang][1] for lang in LANGS},
                raw=[leaf for id_ in first.spec.value_ids() for leaf in raw_values(scoped, id_)],
            )
        )
    return rows
