"""The composed document: what every backend places, and nothing else.

`compose` decides everything a reader sees — wording, numbered captions ("1. Surname"),
heading text ("A. PERSONAL DATA"), checkbox glyphs, the page label, the file's
subject and properties — and records it in these plain, immutable objects. A
backend (PDF, DOCX, HTML) places each block as it is: it formats nothing, and it
knows nothing of agreements, forms or cases.

    Document
    ├── blocks: Title | Text | Heading | Field | Choices | Slots | PhotoPanel | Table
    ├── status (the footer), page_label (tokens), draft_label
    └── title, subject, keywords, category, metadata (the file's properties)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._lang import Lang

__all__ = [
    "PAGE",
    "PAGES",
    "Block",
    "Choice",
    "Choices",
    "Document",
    "Field",
    "Heading",
    "PageLabel",
    "PageNumber",
    "Photo",
    "PhotoPanel",
    "Rich",
    "Role",
    "Run",
    "Slot",
    "Slots",
    "Table",
    "TableRow",
    "Text",
    "Title",
    "plain",
    "walk_text",
]


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a value; surnames are underlined where the form asks for it."""

    text: str
    underline: bool = False


Rich = tuple[Run, ...]
"""A value: one or more runs. Line breaks inside a run are real line breaks."""


def plain(value: Rich | None) -> str:
    """The text of a value without marks ("" for a blank)."""
    return "".join(run.text for run in value) if value else ""


Align = Literal["left", "center", "right"]

Role = Literal["signature", "seal"]
"""What a place on the form is for: the official's (or the person's) signature, or the seal.
Signing (issue 13) puts its signature fields where the layout puts these."""

Paths = tuple[str, ...]
"""The case fields a value shows (e.g. ``("person.surnames", "person.given_names")``)."""


@dataclass(frozen=True, slots=True)
class Title:
    """The form's title, centred and bold."""

    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """Fixed wording of the form: legal basis, petition heading, notes, "М.П."."""

    text: str
    align: Align = "left"
    bold: bool = False
    italic: bool = False
    small: bool = False
    keep_with_previous: bool = False
    role: Role | None = None
    """"seal" for a seal mark ("М.П."): the seal goes there."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading as printed (``text``: "A. PERSONAL DATA"), and its two parts."""

    text: str
    letter: str
    title: str


@dataclass(frozen=True, slots=True)
class Field:
    """An item: its caption ("1. Surname"), then its value, or dotted lines for a missing value."""

    number: str
    caption: str
    value: Rich | None
    lines: int = 1
    inline: bool = False
    hint: str = ""
    paths: Paths = ()


@dataclass(frozen=True, slots=True)
class Choice:
    """One checkbox: its label, whether it is ticked, and the glyph a text backend shows."""

    label: str
    checked: bool
    glyph: str
    value: str = ""
    """The option's code (e.g. "married"): what a fillable form's radio button exports."""


@dataclass(frozen=True, slots=True)
class Choices:
    """Checkboxes, ticked from the case data; none ticked when the data is silent."""

    number: str
    caption: str
    options: tuple[Choice, ...]
    vertical: bool = False
    paths: Paths = ()


@dataclass(frozen=True, slots=True)
class Slot:
    """A value on a line with its caption under it, e.g. "(place and date)"."""

    value: Rich | None
    caption: str
    lines: int = 1
    role: Role | None = None
    paths: Paths = ()


@dataclass(frozen=True, slots=True)
class Slots:
    """Captioned slots side by side: letterhead, document details, signature block.

    ``caption`` is the line above them ("" for none). A numbered block has a gutter left
    of the slots; ``gutter`` is what it shows in their first row (the number, "3.", when
    no caption line carries it).
    """

    number: str
    caption: str
    gutter: str
    slots: tuple[Slot, ...]
    columns: int = 2
    keep_with_previous: bool = False
    """The signature block: never at the top of a page without the item before it."""


@dataclass(frozen=True, slots=True)
class Photo:
    """An image as given (JPEG or PNG bytes), with its pixel size."""

    data: bytes
    mime: Literal["image/jpeg", "image/png"]
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class PhotoPanel:
    """The first items of the form, with the photo box to their right.

    The box shows the photo, or its ``caption`` when there is none (a photo covers
    the caption, as on paper)."""

    caption: str
    photo: Photo | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table; ``mark`` flags it for attention (e.g. "divergence", "missing")."""

    cells: tuple[Rich | None, ...]
    mark: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table (the translators' proof, the bundle cover): header, rows, relative widths.

    An empty cell shows ``empty``."""

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...] = ()
    empty: str = "—"


Block = Title | Text | Heading | Field | Choices | Slots | PhotoPanel | Table


class PageNumber(enum.Enum):
    """A number a backend fills into the page label: this page's, or the count of pages."""

    PAGE = "page"
    PAGES = "pages"


PAGE, PAGES = PageNumber.PAGE, PageNumber.PAGES

PageLabel = tuple[str | PageNumber, ...]
"""The page label as tokens, e.g. ``("Page ", PAGE, " of ", PAGES)``."""


@dataclass(frozen=True, slots=True)
class Document:
    """A form (or a report) composed in one language, ready to place.

    ``title``, ``subject``, ``keywords`` and ``category`` are the file's own properties
    (PDF document info, DOCX core properties, HTML <head>); ``metadata`` holds every
    further property, in order, for the backend to write as it stands.
    """

    lang: Lang
    title: str
    subject: str
    blocks: tuple[Block, ...]
    status: str
    page_label: PageLabel
    draft_label: str | None = None
    keywords: str = ""
    category: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)

    def page_text(self, page: int, pages: int) -> str:
        """The page label filled in, e.g. "Page 1 of 3"."""
        numbers = {PAGE: str(page), PAGES: str(pages)}
        return "".join(numbers[t] if isinstance(t, PageNumber) else t for t in self.page_label)


# -- reading order --------------------------------------------------------------------------


def walk_text(document: Document) -> Iterator[str]:
    """Every text a reader sees, in reading order (captions and values).

    The parity test compares this sequence with the text each backend produced,
    so no backend can drop or reorder an item.
    """
    if document.draft_label:
        yield document.draft_label
    yield from _texts(document.blocks)
    yield document.status


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        yield from (text for text in _TEXTS[type(block)](block) if text)


def _field_texts(block: Field) -> Iterator[str]:
    yield from (block.caption, block.hint, plain(block.value))


def _slots_texts(block: Slots) -> Iterator[str]:
    yield from (block.caption, block.gutter)
    for slot in block.slots:
        yield from (plain(slot.value), slot.caption)


def _panel_texts(block: PhotoPanel) -> Iterator[str]:
    yield from _texts(block.blocks)
    if block.photo is None:  # a photo covers the box's caption, as on paper
        yield block.caption


def _table_texts(block: Table) -> Iterator[str]:
    yield from block.header
    for row in block.rows:
        yield from (plain(cell) for cell in row.cells)
        yield row.note


_TEXTS: dict[type[Any], Callable[[Any], Iterator[str]]] = {
    Title: lambda block: iter((block.text,)),
    Text: lambda block: iter((block.text,)),
    Heading: lambda block: iter((block.text,)),
    Field: _field_texts,
    Choices: lambda block: iter((block.caption, *(option.label for option in block.options))),
    Slots: _slots_texts,
    PhotoPanel: _panel_texts,
    Table: _table_texts,
}
"""Each block type's texts in reading order (the table every consumer of blocks keeps)."""
