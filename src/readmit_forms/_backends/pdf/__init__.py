"""PDF backend: the composed document on A4 pages, drawn with reportlab's canvas.

As in WeasyPrint, layout is apart from drawing, in stages (each a module):

    fonts     faces, sizes, text widths
    lines     line breaking: styled words and checkboxes flowed to a width
    layout    blocks → rows of placed items (one handler per block type)
    pages     rows → pages → boxes (page, x, y, width, height, what, block): `lay_out`
    draw      boxes → canvas (one painter per kind of box), page furniture
    writing   the file's own objects: document info, pages, signature fields
    objects   PDF objects formatted ahead (ready streams, templates with holes)

A small layout engine of its own keeps rendering within a small factor of the cost
of drawing the text itself. `lay_out` needs no canvas: it says where every blank, the
signature and the seal are on each page.
"""

from __future__ import annotations

from ..._document import Document
from .draw import draw
from .layout import HANDLERS
from .pages import Laid, lay_out

__all__ = ["HANDLERS", "Laid", "check_options", "lay_out", "render"]


def render(document: Document, *, fillable: bool = False) -> bytes:
    """The document as PDF bytes (A4; the same document gives the same bytes), with empty
    signature and seal fields; ``fillable``: a form field on every blank and choice."""
    laid = lay_out(document)
    if not fillable:
        return draw(document, laid)
    from .acroform import fillable as with_fields  # pikepdf only when asked for

    return with_fields(draw(document, laid, ticks=False), laid)


def check_options(*, fillable: bool = False) -> None:
    """Every option of the PDF backend is valid as given."""
