"""The composed document: what every backend draws, and nothing else.

`compose` resolves language, labels, formatted values and blanks into these
plain, immutable objects. Backends (PDF, DOCX, HTML) walk ``Document.blocks``
and draw each kind of block; they know nothing of agreements, cases or forms.

    Document
    ├── blocks: Title | Text | Heading | Field | Choices | Slots | PhotoPanel | Table
    └── footer (language status), page label, draft mark, metadata
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ._lang import Lang

__all__ = [
    "Block",
    "Choice",
    "Choices",
    "Document",
    "Field",
    "Heading",
    "Photo",
    "PhotoPanel",
    "Rich",
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


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading: its letter (may be empty) and its title."""

    letter: str
    text: str


@dataclass(frozen=True, slots=True)
class Field:
    """A numbered item: label, then its value, or dotted lines when the value is missing."""

    number: str
    label: str
    value: Rich | None
    lines: int = 1
    inline: bool = False
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class Choices:
    """Checkboxes, ticked from the case data; none ticked when the data is silent."""

    number: str
    label: str
    options: tuple[Choice, ...]
    vertical: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """A value on a line with its caption under it, e.g. "(place and date)"."""

    value: Rich | None
    caption: str
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Slots:
    """Captioned slots side by side: letterhead, document details, signature block."""

    number: str
    label: str
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
    """The first items of the form, with the photo box to their right."""

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
    """A table (used by the translators' proof): header cells, rows, relative column widths."""

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...] = ()


Block = Title | Text | Heading | Field | Choices | Slots | PhotoPanel | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A form composed in one language, ready to draw."""

    lang: Lang
    agreement: str
    form: str
    title: str
    blocks: tuple[Block, ...]
    status: str
    page_label: str
    draft_label: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)

    def page_text(self, page: int, pages: int) -> str:
        """The page label filled in, e.g. "Page 1 of 3"."""
        return self.page_label.replace("{page}", str(page)).replace("{pages}", str(pages))


def walk_text(document: Document) -> Iterator[str]:
    """Every text a reader sees, in reading order (labels and values).

    The parity test compares this sequence with the text each backend produced,
    so no backend can drop or reorder an item.
    """

    def blocks(items: tuple[Block, ...]) -> Iterator[str]:
        for block in items:
            if isinstance(block, (Title, Text)):
                yield block.text
            elif isinstance(block, Heading):
                yield f"{block.letter}. {block.text}" if block.letter else block.text
            elif isinstance(block, Field):
                yield from _numbered(block.number, block.label)
                if block.hint:
                    yield block.hint
                if block.value:
                    yield plain(block.value)
            elif isinstance(block, Choices):
                yield from _numbered(block.number, block.label)
                for option in block.options:
                    yield option.label
            elif isinstance(block, Slots):
                yield from _numbered(block.number, block.label)
                for slot in block.slots:
                    if slot.value:
                        yield plain(slot.value)
                    if slot.caption:
                        yield slot.caption
            elif isinstance(block, PhotoPanel):
                yield from blocks(block.blocks)
                if block.photo is None:  # a photo covers the box's caption, as on paper
                    yield block.caption
            elif isinstance(block, Table):
                yield from block.header
                for row in block.rows:
                    for cell in row.cells:
                        if cell:
                            yield plain(cell)
                    if row.note:
                        yield row.note

    if document.draft_label:
        yield document.draft_label
    yield from blocks(document.blocks)
    yield document.status


def _numbered(number: str, label: str) -> Iterator[str]:
    text = f"{number}. {label}" if number and label else (f"{number}." if number else label)
    if text:
        yield text
