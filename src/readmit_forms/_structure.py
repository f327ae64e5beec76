"""Form structures: the sections, items, checkboxes and slots of each annex, defined once.

A structure file (``structure/<agreement>/<annex>.yaml``) lists the blocks of a
form in order. It names *text keys* (looked up in ``templates/<lang>/``) and
*value ids* (resolved from the case by `_values`), never words or case fields
directly. One file may serve several forms of an annex (KZ–AT Annex 7 is both
the readmission request and the interview petition); blocks marked ``only``
appear in the listed forms alone.

Block kinds::

    title:    KEY
    text:     KEY | {key, align, bold, italic, small, keep_with_previous, role}
    heading:  SECTION            (texts SECTION.letter and SECTION.title)
    field:    {n, label, value, lines, inline, hint, blank}
    choices:  {n, label, value, options: {CODE: KEY}, vertical}
    slots:    {n, label, columns, keep_with_previous, slots: [{value, caption, lines, role}]}
    photo:    {caption, blocks: [...]}
    each:     {items: VALUE, as: NAME, heading: SECTION, heading_once, empty, blocks: [...]}
    with:     {item: NAME, blocks: [...]}

Every block given as a mapping may also carry ``only: [FORM, ...]`` and ``langs: [LANG, ...]``
(where one language's official text puts an item elsewhere, e.g. the Kazakh KZ–AT Annex 2
sets the legal-basis line above the title).

``keep_with_previous`` marks the signature block (and a seal mark after it): it never
starts a page without the item before it. ``role`` says what a place is for: ``signature``
(the slot signed on) or ``seal`` (the seal's slot, or the seal mark "М.П."); the layout
knows where each is on the page.

A field's ``blank`` names a text printed as it stands in place of a missing
value — a printed blank such as "«__» _________ 2013 года" that the value fills
when the case has it. ``lines: 0`` gives a label with no line of its own (the
item's parts follow, e.g. one set of captioned slots per document).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ._agreements import Source, agreement_ids, data_error, get_agreement
from ._document import Role
from ._errors import DataError, UnknownFormError
from ._packs import per_packs, structure_folder
from ._yaml import load_data

__all__ = [
    "ChoicesSpec",
    "EachSpec",
    "FieldSpec",
    "HeadingSpec",
    "PhotoSpec",
    "SlotSpec",
    "SlotsSpec",
    "Structure",
    "TextSpec",
    "TitleSpec",
    "WithSpec",
    "structure_for",
    "structures",
]


_PATH_VALUE = re.compile(r"[a-z]+\((?P<path>[^,()]+)(?:,\s*[\w-]+)?\)")


def shown_path(value_id: str) -> str:
    """The case path a path value such as ``text(case.notes)`` shows (``case.notes``), or
    the value id itself."""
    found = _PATH_VALUE.fullmatch(value_id)
    return found["path"] if found else value_id


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    only: tuple[str, ...] = ()
    langs: tuple[str, ...] = Field(
        (), description="languages whose official text has this block here (default: all)"
    )

    def applies_to(self, form: str, lang: str = "") -> bool:
        return (not self.only or form in self.only) and (not self.langs or lang in self.langs)

    def item_name(self) -> str:
        """A short name for the item the entry makes (the translators' proof lines the
        languages up by it)."""
        return type(self).__name__

    def text_keys(self) -> tuple[str, ...]:
        """The text keys of the item's words, relative to the form's namespace."""
        return ()

    def value_ids(self) -> tuple[str, ...]:
        """The value ids that fill the item."""
        return ()


class TitleSpec(_Spec):
    kind: Literal["title"] = "title"
    key: str

    def item_name(self) -> str:
        return self.key

    def text_keys(self) -> tuple[str, ...]:
        return (self.key,)


class TextSpec(_Spec):
    kind: Literal["text"] = "text"
    key: str
    align: Literal["left", "center", "right"] = "left"
    bold: bool = False
    italic: bool = False
    small: bool = False
    keep_with_previous: bool = False
    role: Role | None = None

    def item_name(self) -> str:
        return self.key

    def text_keys(self) -> tuple[str, ...]:
        return (self.key,)


class HeadingSpec(_Spec):
    kind: Literal["heading"] = "heading"
    section: str

    def item_name(self) -> str:
        return self.section

    def text_keys(self) -> tuple[str, ...]:
        return (f"{self.section}.letter", f"{self.section}.title")


class FieldSpec(_Spec):
    kind: Literal["field"] = "field"
    n: str = ""
    label: str | None = None
    value: str | None = None
    lines: int = 1
    inline: bool = False
    hint: str | None = None
    blank: str | None = None

    def item_name(self) -> str:
        return self.label or (shown_path(self.value) if self.value else None) or self.n

    def text_keys(self) -> tuple[str, ...]:
        return tuple(key for key in (self.label, self.hint) if key)

    def value_ids(self) -> tuple[str, ...]:
        return (self.value,) if self.value else ()


class ChoicesSpec(_Spec):
    kind: Literal["choices"] = "choices"
    n: str = ""
    label: str | None = None
    value: str
    options: dict[str, str]
    vertical: bool = False

    def item_name(self) -> str:
        return self.label or self.value

    def text_keys(self) -> tuple[str, ...]:
        return tuple(key for key in (self.label, *self.options.values()) if key)


class SlotSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str | None = None
    caption: str | None = None
    lines: int = 1
    role: Role | None = None


class SlotsSpec(_Spec):
    kind: Literal["slots"] = "slots"
    n: str = ""
    label: str | None = None
    columns: int = 2
    slots: tuple[SlotSpec, ...]
    keep_with_previous: bool = Field(
        False, description="the signature block: kept on the page of the item before it"
    )

    def item_name(self) -> str:
        captions = (slot.caption for slot in self.slots)
        return self.label or next((c for c in captions if c), None) or "slots"

    def text_keys(self) -> tuple[str, ...]:
        return tuple(k for k in (self.label, *(s.caption for s in self.slots)) if k)

    def value_ids(self) -> tuple[str, ...]:
        return tuple(slot.value for slot in self.slots if slot.value)


class PhotoSpec(_Spec):
    kind: Literal["photo"] = "photo"
    caption: str
    blocks: tuple[BlockSpec, ...]

    def item_name(self) -> str:
        return self.caption

    def text_keys(self) -> tuple[str, ...]:
        return (self.caption,)


class EachSpec(_Spec):
    kind: Literal["each"] = "each"
    items: str
    as_: str = Field(alias="as")
    heading: str | None = None
    heading_once: bool = Field(
        False, description="the heading once, above every item (as the annex prints it)"
    )
    empty: Literal["blank", "none"] = Field(
        "blank", description="no items: the blocks once with blank lines, or nothing"
    )
    blocks: tuple[BlockSpec, ...]

    def item_name(self) -> str:  # the blocks an each entry makes itself are its headings
        return self.heading or self.items

    def text_keys(self) -> tuple[str, ...]:
        return (f"{self.heading}.letter", f"{self.heading}.title") if self.heading else ()


class WithSpec(_Spec):
    kind: Literal["with"] = "with"
    item: str
    blocks: tuple[BlockSpec, ...]


def _tagged(value: Any) -> Any:
    """Tag a block: ``{field: {...}}`` → ``{kind: field, ...}``;
    ``{title: KEY}`` → ``{kind: title, key: KEY}``."""
    if not isinstance(value, dict) or "kind" in value or len(value) != 1:
        return value
    ((kind, body),) = value.items()
    if isinstance(body, str):
        short = {"title": "key", "text": "key", "heading": "section"}
        if kind not in short:
            raise ValueError(f"{kind}: needs a mapping")
        return {"kind": kind, short[kind]: body}
    if isinstance(body, dict):
        return {"kind": kind, **body}
    raise ValueError(f"{kind}: expected a mapping or a key")


def _normalise(blocks: Any) -> Any:
    """Tag every block (recursively), as the discriminated union expects."""
    if not isinstance(blocks, list):
        return blocks
    result = []
    for raw in blocks:
        block = _tagged(raw)
        if isinstance(block, dict) and "blocks" in block:
            block = {**block, "blocks": _normalise(block["blocks"])}
        result.append(block)
    return result


BlockSpec = Annotated[
    TitleSpec
    | TextSpec
    | HeadingSpec
    | FieldSpec
    | ChoicesSpec
    | SlotsSpec
    | PhotoSpec
    | EachSpec
    | WithSpec,
    Field(discriminator="kind"),
]

PhotoSpec.model_rebuild()
EachSpec.model_rebuild()
WithSpec.model_rebuild()


class Structure(BaseModel):
    """The structure of one annex form (possibly serving several form ids)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agreement: str
    file: str = Field("", description="where the structure was read from (set on load)")
    forms: tuple[str, ...]
    texts: str = Field(description="namespace of the form's texts, e.g. '<agreement>.annex-7'")
    source: Source
    blocks: tuple[BlockSpec, ...]

    def key(self, key: str) -> str:
        """The full text key: relative keys live in this form's namespace."""
        return key.removeprefix("/") if key.startswith("/") else f"{self.texts}.{key}"


_STRUCTURE = TypeAdapter(Structure)


@per_packs
def _structures_of(agreement_id: str) -> tuple[Structure, ...]:
    """The structure files of one agreement (``structure/<agreement>/`` of its pack), read
    when first needed."""
    found_folder = structure_folder(agreement_id)
    if found_folder is None:
        return ()
    pack, folder = found_folder
    found: list[Structure] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = load_data(entry.read_text("utf-8"))
            data.setdefault("agreement", agreement_id)
            file = pack.file("structure", agreement_id, entry.name)
            data["file"] = file
            data["blocks"] = _normalise(data.get("blocks"))
            try:
                structure = _STRUCTURE.validate_python(data)
            except ValidationError as exc:
                raise data_error(file, exc) from None
            forms = get_agreement(agreement_id).form_ids
            for index, form in enumerate(structure.forms):
                if form not in forms:
                    raise DataError(file, f"forms[{index}]", form, forms)
            found.append(structure)
    return tuple(found)


def structures() -> tuple[Structure, ...]:
    """Every structure file of every agreement (bundled and from packs), checked."""
    return tuple(s for name in agreement_ids() for s in _structures_of(name))


def structure_for(agreement_id: str, form_id: str) -> Structure:
    """The structure of ``form_id`` under ``agreement_id``, or raise `UnknownFormError`."""
    agreement = get_agreement(agreement_id)
    agreement.form(form_id)  # raises UnknownFormError with the agreement's forms
    index = {form: s for s in _structures_of(agreement.id) for form in s.forms}
    if form_id not in index:
        raise UnknownFormError(form_id, list(index))
    return index[form_id]
