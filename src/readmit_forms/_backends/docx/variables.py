"""What a DOCX template sees: the composed `Document` as plain variables.

Two names, nothing else (a template that uses another gets a `TemplateError`)::

    document   title, lang, status, draft (label or None),
               page (the "page X of Y" label with live PAGE/NUMPAGES fields)
    blocks     one dict per block: ``kind``, its variables below, and ``keep_with_next``
               (the next block is the signature: ``draw(b) | keep_with_next(b.keep_with_next)``
               keeps this block's paragraphs on its page)
      title        text
      heading      letter, title, text ("A. PERSONAL DATA")
      text         text (runs: bold/italic/small as composed), align, bold, italic, small
      field        number, label ("1. Surname"), hint, value (runs or None),
                   blank (one item per dotted line under a missing value; for an inline
                   item the lines after the first), rules (all its lines, when an inline
                   item's label stands alone), dots (a dotted leader), inline
      choices      number, label, vertical, options [label, checked, box ("☒"/"☐")]
      slots        number, label (the line above the slots; empty when there is none), columns,
                   rows [number (in the gutter of the first row), slots [value, caption, blank]]
      photo_panel  caption, photo (the picture, or None), blocks
      table        header [str], widths [float], rows [cells [value], note, mark, fill]

Strings are plain and autoescaped by the template environment. A value
(``field.value``, ``slot.value``, a table cell) is a ready-made series of runs —
the surname underlined with the "Form Surname" style, the rest "Form Value Text" —
built here from escaped text, so it is written ``{{ b.value }}`` inside any run,
like docxtpl's ``InlineImage``. Nothing a case supplies is ever markup or code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ... import _document as model
from ..._document import PAGE, PAGES, Block, Document, PageLabel, PageNumber, Photo, Rich, Run

__all__ = ["HANDLERS", "Picture", "Variables", "variables"]

VARIABLES = ("blocks", "document")
"""The names a template may use."""

MARK_FILL = "F2F2F2"  # shading of a table row marked for attention

# Closing the run the tag sits in, and opening a fresh one after our runs, makes a
# value valid wherever ``{{ … }}`` stands in a run (docxtpl's InlineImage does the same).
_OPEN, _CLOSE = "</w:t></w:r>", '<w:r><w:t xml:space="preserve">'


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    # "\n" and "\t" stay in the text: the backend turns them into <w:br/> and <w:tab/>.
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _runs(value: Rich, *, styled: bool = True) -> Markup:
    parts = []
    for run in value:
        if styled:
            style = "FormSurname" if run.underline else "FormValueText"
            props = f'<w:rStyle w:val="{style}"/>'
        else:
            props = '<w:u w:val="single"/>' if run.underline else ""
        parts.append(_run(run.text, props))
    return Markup(_OPEN + "".join(parts) + _CLOSE)


_DOTS = Markup(_OPEN + "<w:r><w:tab/></w:r>" + _CLOSE)


_FIELDS = {PAGE: "PAGE", PAGES: "NUMPAGES"}


def _page(label: PageLabel) -> Markup:
    """The page label with its page numbers as live Word fields."""
    parts = [
        f'<w:fldSimple w:instr=" {_FIELDS[token]} ">{_run("1")}</w:fldSimple>'
        if isinstance(token, PageNumber)
        else _run(token)
        for token in label
    ]
    return Markup(_OPEN + "".join(parts) + _CLOSE)


# -- pictures ---------------------------------------------------------------------------

EMU_PER_MM = 36_000
BOX_W, BOX_H = 33 * EMU_PER_MM, 43 * EMU_PER_MM  # inside the 35 × 45 mm photo box


@dataclass(frozen=True, slots=True)
class Picture:
    """An image part of the output: its relationship id, part name and bytes."""

    rel_id: str
    name: str
    data: bytes
    content_type: str


def _drawing(photo: Photo, number: int, rel_id: str) -> Markup:
    scale = min(BOX_W / photo.width, BOX_H / photo.height)
    cx, cy = int(photo.width * scale), int(photo.height * scale)
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xml = (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{wp}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="Photo {number}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{a}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{a}"><a:graphicData uri="{pic}">'
        f'<pic:pic xmlns:pic="{pic}"><pic:nvPicPr><pic:cNvPr id="{number}" name="photo"/>'
        f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="{r}" r:embed="{rel_id}"/>'
        f"<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        f"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    return Markup(_OPEN + xml + _CLOSE)


# -- the variables ------------------------------------------------------------------------


@dataclass(slots=True)
class Variables:
    """The template's variables, plus what the package needs besides the XML."""

    context: dict[str, Any]
    pictures: list[Picture] = field(default_factory=list)
    table_widths: list[tuple[float, ...]] = field(default_factory=list)
    """Relative column widths of the Table blocks, in reading order."""


def variables(document: Document) -> Variables:
    """The composed document as the variables of a DOCX template."""
    result = Variables(context={})
    result.context = {
        "document": {
            "title": document.title,
            "lang": document.lang.value,
            "status": document.status,
            "draft": document.draft_label,
            "page": _page(document.page_label),
        },
        "blocks": _blocks(document.blocks, result),
    }
    return result


def _blocks(blocks: Sequence[Block], result: Variables) -> list[dict[str, Any]]:
    out = []
    for index, block in enumerate(blocks):
        found = HANDLERS.get(type(block))
        if found is None:
            raise TypeError(f"no DOCX variables for {type(block).__name__} blocks")
        kind, handler = found
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        keep = isinstance(after, model.Text | model.Slots) and after.keep_with_previous
        out.append({"kind": kind, **handler(block, result), "keep_with_next": keep})
    return out


def _value(value: Rich | None) -> Markup | None:
    return _runs(value) if value else None


def _title(block: model.Title, result: Variables) -> dict[str, Any]:
    return {"text": block.text}


def _heading(block: model.Heading, result: Variables) -> dict[str, Any]:
    return {"letter": block.letter, "title": block.title, "text": block.text}


def _text(block: model.Text, result: Variables) -> dict[str, Any]:
    props = ("<w:b/>" if block.bold else "") + ("<w:i/>" if block.italic else "")
    if block.small:
        props += '<w:sz w:val="17"/><w:szCs w:val="17"/>'
    return {
        "text": Markup(_OPEN + _run(block.text, props) + _CLOSE),
        "align": block.align,
        "bold": block.bold,
        "italic": block.italic,
        "small": block.small,
    }


def _field(block: model.Field, result: Variables) -> dict[str, Any]:
    # printed lines for a missing value: an inline item has its first line after the
    # label (the dots); "lines: 0" is a label whose parts follow as blocks of their own
    lines = block.lines - 1 if block.inline else block.lines
    return {
        "number": block.number,
        "label": block.caption,
        "hint": block.hint,
        "value": _value(block.value),
        "blank": list(range(max(lines, 0))),
        "rules": list(range(max(block.lines, 1))),
        "dots": _DOTS,
        "inline": block.inline,
    }


def _choices(block: model.Choices, result: Variables) -> dict[str, Any]:
    return {
        "number": block.number,
        "label": block.caption,
        "vertical": block.vertical,
        "options": [
            {"label": option.label, "checked": option.checked, "box": option.glyph}
            for option in block.options
        ],
    }


def _slots(block: model.Slots, result: Variables) -> dict[str, Any]:
    columns = max(1, block.columns)
    cells = [
        {
            "value": _value(slot.value),
            "caption": slot.caption,
            "blank": list(range(max(slot.lines, 1))),
        }
        for slot in block.slots
    ]
    # a short last row keeps the columns' width: empty slots fill it
    cells += [{"value": None, "caption": "", "blank": []}] * (-len(cells) % columns)
    return {
        "number": block.number,
        "label": block.caption,
        "columns": columns,
        "rows": [
            {"number": "" if i else block.gutter, "slots": cells[i : i + columns]}
            for i in range(0, len(cells), columns)
        ],
    }


def _photo_panel(block: model.PhotoPanel, result: Variables) -> dict[str, Any]:
    drawing = None
    if block.photo is not None:
        index = len(result.pictures) + 1
        rel_id = f"rIdReadmitPhoto{index}"
        extension = "png" if block.photo.mime == "image/png" else "jpeg"
        name = f"readmit-photo{index}.{extension}"
        result.pictures.append(Picture(rel_id, name, block.photo.data, block.photo.mime))
        drawing = _drawing(block.photo, index, rel_id)
    return {"caption": block.caption, "photo": drawing, "blocks": _blocks(block.blocks, result)}


def _table(block: model.Table, result: Variables) -> dict[str, Any]:
    result.table_widths.append(block.widths or tuple(1.0 for _ in block.header))
    dash = _runs((Run(block.empty),), styled=False)
    return {
        "header": list(block.header),
        "widths": list(block.widths),
        "rows": [
            {
                "cells": [
                    {"value": _runs(cell, styled=False) if cell else dash} for cell in row.cells
                ],
                "note": row.note,
                "mark": row.mark,
                "fill": MARK_FILL if row.mark else "auto",
            }
            for row in block.rows
        ],
    }


HANDLERS: dict[type[Any], tuple[str, Callable[[Any, Variables], dict[str, Any]]]] = {
    model.Title: ("title", _title),
    model.Text: ("text", _text),
    model.Heading: ("heading", _heading),
    model.Field: ("field", _field),
    model.Choices: ("choices", _choices),
    model.Slots: ("slots", _slots),
    model.PhotoPanel: ("photo_panel", _photo_panel),
    model.Table: ("table", _table),
}
"""Each block type's ``kind`` (what the template tests) and its variables."""
