"""Drawing: the laid-out boxes painted on a reportlab canvas, with the page furniture.

One painter per kind of box (`PAINTERS`); then each page's draft mark, footer line,
status text and page label (what every page shows alike painted once, its operators
repeated); the file's own objects come from `writing`. Output is deterministic: the
same document gives the same bytes.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..._document import Document
from .boxes import Area, Box, Dots, Frame, Image, Shade
from .fields import signature_fields
from .fonts import BODY, BOLD, FOOT, REGULAR, SMALL, ReadyFont, Style, width_of
from .images import image_stream, ready_image
from .layout import BOTTOM, FOOT_LEAD, LEFT, PAGE_H, PAGE_W, TOP, WIDTH
from .lines import BOX, Line, Tick, Words
from .pages import Laid
from .writing import Info, finish_page, signature_field

__all__ = ["PAINTERS", "draw", "draw_line", "save"]

_SAVING = threading.Lock()


def save(canvas: Canvas) -> None:
    """``canvas.save()``, one at a time: reportlab subsets the shared fonts at this point
    (those outside the ready subsets), reading each font file through one cursor, so two
    threads saving at once would read each other's glyphs. Streams are written compressed
    and binary (reportlab's setting is read while saving)."""
    with _SAVING:
        ascii85 = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: ASCII85 text costs time and a quarter more bytes
        try:
            canvas.save()
        finally:
            rl_config.useA85 = ascii85


def _words(canvas: Canvas, x: float, y: float, width: float, words: Words) -> None:
    text, style = words
    canvas.addLiteral(show(canvas, x, y, text, style))
    if style.underline:
        canvas.setLineWidth(0.6)
        canvas.line(x, y - 1.6, x + width, y - 1.6)


def show(canvas: Canvas, x: float, y: float, text: str, style: Style) -> str:
    """The PDF operators that print ``text`` in ``style`` with its baseline starting at
    (x, y): those ``canvas.drawString`` writes (leading and line end included, which
    text extraction reads), without building a text object for them."""
    pen = _pen(canvas)
    key = (style.font, style.size)
    face = pdfmetrics.getFont(style.font) if key not in pen else None
    if face is not None:
        pen[key] = [face, f"{fp_str(style.size)} Tf {fp_str(style.size * 1.2)} TL", ""]
    found = pen[key]
    face, size, first = found
    codes = face.first_codes(text) if isinstance(face, ReadyFont) else None
    if codes is not None:  # the common case: all of it in the first ready subset
        if not first:  # the subset's name in this document, asked for once
            first = found[2] = f"{face.getSubsetInternalName(0, canvas._doc)} {size} ("
        return f"BT 1 0 0 1 {fp_str(x, y)} Tm {first}{escapePDF(codes)}) Tj T* ET"
    doc = canvas._doc
    shown = " ".join(
        f"{face.getSubsetInternalName(subset, doc)} {size} ({escapePDF(data)}) Tj"
        for subset, data in face.splitString(text, doc)
    )
    return f"BT 1 0 0 1 {fp_str(x, y)} Tm {shown} T* ET"


def _pen(canvas: Canvas) -> dict[tuple[str, float], list[Any]]:
    """The canvas's faces by (font, size): the face, its size operators, and the start of
    a text shown in its first subset (once it is named in this document)."""
    pen: dict[tuple[str, float], list[Any]] | None = canvas.__dict__.get("_pen")
    if pen is None:
        pen = canvas.__dict__["_pen"] = {}
    return pen


def _tick(canvas: Canvas, x: float, y: float, ticked: bool) -> None:
    canvas.setLineWidth(0.7)
    canvas.rect(x, y, BOX, BOX, stroke=1, fill=0)
    if ticked:
        canvas.setLineWidth(1.4)
        path = canvas.beginPath()
        path.moveTo(x + 1.4, y + 4.2)
        path.lineTo(x + 3.4, y + 1.6)
        path.lineTo(x + 7.2, y + 7.4)
        canvas.drawPath(path, stroke=1, fill=0)


def _dots(canvas: Canvas, box: Box) -> None:
    canvas.setLineWidth(0.6)
    canvas.setDash(0.8, 2.2)
    canvas.line(box.x, box.y, box.x + box.width, box.y)
    canvas.setDash()


def _shade(canvas: Canvas, box: Box) -> None:
    assert isinstance(box.what, Shade)
    canvas.saveState()
    canvas.setFillGray(box.what.gray)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)
    canvas.restoreState()


def _frame(canvas: Canvas, box: Box) -> None:
    assert isinstance(box.what, Frame)
    canvas.setLineWidth(box.what.line_width)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    for x in box.what.dividers:
        canvas.line(x, box.y + box.height, x, box.y)


def _image(canvas: Canvas, box: Box) -> None:
    """The photo's image (made once per content, `images`), scaled into its box."""
    assert isinstance(box.what, Image)
    image = ready_image(box.what.photo)
    if not canvas.hasForm(image.name):
        canvas._doc.addForm(image.name, image_stream(image, canvas._doc))
    canvas.saveState()
    canvas.transform(box.width, 0, 0, box.height, box.x, box.y)
    canvas.doForm(image.name)
    canvas.restoreState()


def _placed_words(canvas: Canvas, box: Box) -> None:
    assert isinstance(box.what, Words)
    _words(canvas, box.x, box.y, box.width, box.what)


def _placed_tick(canvas: Canvas, box: Box) -> None:
    assert isinstance(box.what, Tick)
    _tick(canvas, box.x, box.y, box.what.ticked)


PAINTERS: dict[type[Any], Callable[[Canvas, Box], None]] = {
    Words: _placed_words,
    Tick: _placed_tick,
    Dots: _dots,
    Shade: _shade,
    Frame: _frame,
    Image: _image,
    Area: lambda canvas, box: None,  # a place for a signature or the seal: nothing to paint
}
"""How each kind of box is painted."""


def draw_line(canvas: Canvas, line: Line, x0: float, baseline: float) -> None:
    """A flowed line of text and checkboxes, from ``x0`` on ``baseline``."""
    for x, what in line:
        if isinstance(what, Tick):
            _tick(canvas, x0 + x, baseline - 1, what.ticked)
        else:
            _words(canvas, x0 + x, baseline, width_of(*what), what)


def draw(document: Document, laid: Laid, *, ticks: bool = True) -> bytes:
    """The laid-out document as PDF bytes (A4), with its empty signature fields.

    ``ticks=False`` draws every checkbox empty (a fillable form's radio buttons show
    which is ticked)."""
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=A4,
        invariant=True,
        pageCompression=1,
        lang=document.lang.value,
        initialFontName=REGULAR,
        initialFontSize=BODY,
    )
    info = Info()
    info.custom = dict(document.metadata)
    canvas._doc.info = info
    canvas.setTitle(document.title)
    canvas.setAuthor("readmit_forms")
    canvas.setCreator("readmit_forms")
    canvas.setSubject(document.subject)
    canvas.setKeywords(document.keywords)
    total = len(laid.pages)
    signatures = signature_fields(laid)
    draft_mark: list[str] | None = None
    footer: list[str] | None = None
    for number, page in enumerate(laid.pages, start=1):
        if document.draft_label:
            draft_mark = _repeat(canvas, draft_mark, _draft_mark, document.draft_label)
        for box in page:
            if not ticks and isinstance(box.what, Tick):
                _tick(canvas, box.x, box.y, False)
            else:
                PAINTERS[type(box.what)](canvas, box)
        footer = _repeat(canvas, footer, _footer, laid)
        _page_label(canvas, document.page_text(number, total))
        for spec in signatures:
            if spec.widgets[0].page == number:
                signature_field(canvas, spec)
        canvas.showPage()
        finish_page(canvas._doc.Pages.pages[-1])
    save(canvas)
    return buffer.getvalue()


def _repeat(
    canvas: Canvas, drawn: list[str] | None, paint: Callable[[Canvas, Any], None], what: Any
) -> list[str]:
    """What every page shows alike (the draft mark, the footer): painted on the first
    page (``paint(canvas, what)``), its operators (which change no state of the canvas)
    repeated on the others."""
    code: list[str] = canvas._code
    if drawn is None:
        start = len(code)
        paint(canvas, what)
        return code[start:]
    code.extend(drawn)
    return drawn


def _footer(canvas: Canvas, laid: Laid) -> None:
    top = BOTTOM + laid.footer_height
    canvas.setLineWidth(0.4)
    canvas.line(LEFT, top, LEFT + WIDTH, top)
    y = top - 2
    for line in laid.footer:
        draw_line(canvas, line, LEFT, y - FOOT)
        y -= FOOT_LEAD


def _page_label(canvas: Canvas, label: str) -> None:
    """The page label at the footer's right end ("Page 1 of 3")."""
    style = Style(REGULAR, SMALL)
    canvas.addLiteral(show(canvas, LEFT + WIDTH - width_of(label, style), BOTTOM, label, style))


def _draft_mark(canvas: Canvas, label: str) -> None:
    canvas.saveState()
    canvas.setFillGray(0.82)
    canvas.setFont(BOLD, 90)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -30, label)
    canvas.restoreState()
    canvas.addLiteral(show(canvas, LEFT, PAGE_H - TOP + 12, label, Style(BOLD, SMALL)))
