"""The visible signature: where its box goes, and what it shows.

The box shows the field's title (electronic signature / seal), who signed and
when, in the document's language, drawn in the bundled font (so Kazakh letters
show in every viewer): a small PDF page drawn with reportlab, imported by pyHanko
as the widget's appearance stream at the moment of signing.

`place` decides where a *new* field goes. It is the one function to replace when
render draws the forms' own signature and seal boxes as empty signature fields:
`sign` signs into such a field when the PDF has it, and calls `place` only when
it has not.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp.base import BaseStamp
from pyhanko.stamp.static import StaticStampStyle
from pyhanko.stamp.text import TextStampStyle
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from .._backends.pdf.draw import draw_line, save
from .._backends.pdf.fonts import BOLD, REGULAR, Style, register_fonts
from .._backends.pdf.lines import Words, flow
from .._format import format_date
from .._lang import Lang
from .._templates import texts

__all__ = ["FIELDS", "Placement", "SignatureLook", "appearance_pdf", "place"]

FIELDS: tuple[str, ...] = ("signature", "seal")
"""The two signature fields of a form: the official's signature and the authority's seal."""

BOX_HEIGHT = 54.0
GAP = 12.0
PAD = 4.0


@dataclass(frozen=True, slots=True)
class Placement:
    """A new field's page (0-based) and box (x1, y1, x2, y2 in points)."""

    page: int
    box: tuple[int, int, int, int]


def _text_lines(pdf: bytes, page: int) -> tuple[list[float], float, tuple[float, ...]]:
    """The baselines of the page's text, its leftmost text x, and the page's media box."""
    reader = PdfReader(io.BytesIO(pdf))
    target = reader.pages[page]
    box = tuple(float(v) for v in target.mediabox)
    baselines: list[float] = []
    lefts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x, y = tm[4], tm[5]
            lefts.append(cm[0] * x + cm[2] * y + cm[4])
            baselines.append(cm[1] * x + cm[3] * y + cm[5])

    target.extract_text(visitor_text=visit)
    return sorted(set(baselines), reverse=True), min(lefts, default=box[0] + 56.0), box


def place(pdf: bytes, field: str) -> Placement:
    """Where a new ``field`` goes: on the last page, in the free band lowest on the page
    that holds the box (in practice right under the form's signature block, above the
    footer), the signature in the left half of the text width and the seal in the right.

    Part B of issue 13 replaces this with the signature and seal boxes of the layout.
    """
    page = len(PdfReader(io.BytesIO(pdf)).pages) - 1
    baselines, left, (x0, y0, x1, y1) = _text_lines(pdf, page)
    right = x1 - (left - x0)
    # Free bands between lines of text: from under one line's descenders to over the
    # next line's capitals; then the band under the last line down to the page margin.
    edges = [y1, *baselines]
    bands = [(upper - 4.0, lower + 10.0) for upper, lower in itertools.pairwise(edges)]
    bands.append((edges[-1] - 4.0, y0 + 20.0))
    fitting = [band for band in bands if band[0] - band[1] >= BOX_HEIGHT + 2 * PAD]
    top, bottom = (
        min(fitting, key=lambda band: band[1])
        if fitting
        else max(bands, key=lambda band: band[0] - band[1])
    )
    height = max(min(BOX_HEIGHT, top - bottom - 2 * PAD), 30.0)
    half = (right - left - GAP) / 2
    x = left if field == "signature" else left + half + GAP
    y_top = top - PAD
    return Placement(page, (round(x), round(y_top - height), round(x + half), round(y_top)))


# -- what the box shows ----------------------------------------------------------------


def _when(moment: dt.datetime, lang: Lang) -> str:
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{format_date(moment.date(), lang)}, {moment:%H:%M:%S} ({zone})"


def appearance_pdf(
    field: str, who: str, moment: dt.datetime, lang: Lang, w: float, h: float
) -> bytes:
    """A one-page PDF of ``w`` × ``h`` points: a frame, the field's title, who, when."""
    register_fonts()
    words = texts(lang)
    parts = [
        (words[f"signing.{field}.title"], BOLD),
        (words.format(f"signing.{field}.who", name=who), REGULAR),
        (words.format("signing.time", time=_when(moment, lang)), REGULAR),
    ]
    inner = w - 2 * PAD
    size = 9.0
    while True:  # the largest size (down to 4.5 pt) at which the wrapped text fits the box
        lines = [
            (line, size)
            for text, font in parts
            for line in flow([Words(text, Style(font, size))], inner)
        ]
        if len(lines) * size * 1.2 <= h - 2 * PAD or size <= 4.5:
            break
        size -= 0.5
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=(w, h), invariant=True, initialFontName=REGULAR, lang=lang.value
    )
    canvas.setStrokeColorRGB(0.15, 0.25, 0.55)
    canvas.setLineWidth(0.8)
    canvas.rect(0.5, 0.5, w - 1, h - 1, stroke=1, fill=0)
    canvas.setFillColorRGB(0.1, 0.15, 0.35)
    y = h - PAD - size
    for line, line_size in lines:
        draw_line(canvas, line, PAD, y)
        y -= line_size * 1.2
    canvas.showPage()
    save(canvas)
    return buffer.getvalue()


class _PageContent(content.PdfContent):
    """The first page of a PDF (bytes) as content, like pyHanko's ImportedPdfPage."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        super().__init__()

    def render(self) -> bytes:
        writer: BasePdfFileWriter = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.pdf)), page_ix=0)
        self.resources.xobject["/Look"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/Look Do"


@dataclass(frozen=True)
class SignatureLook(TextStampStyle):
    """pyHanko's stamp style for our appearance: pyHanko hands it the box size, the
    signing time it puts in the signature and the ``who`` text parameter."""

    field: str = "signature"
    lang: Lang = Lang.EN
    timestamp_format: str = "%Y-%m-%dT%H:%M:%S%z"

    def create_stamp(  # type: ignore[override]
        self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict[str, Any]
    ) -> BaseStamp:
        moment = dt.datetime.strptime(text_params["ts"], self.timestamp_format)
        page = appearance_pdf(
            self.field, str(text_params["who"]), moment, self.lang, box.width, box.height
        )
        style = StaticStampStyle(
            background=_PageContent(page),
            border_width=0,
            background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID,
                y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins(),
            ),
        )
        stamp: BaseStamp = style.create_stamp(writer, box, text_params)
        return stamp
