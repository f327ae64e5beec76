"""PDF backend: draws a composed `Document` on A4 pages with reportlab's canvas.

A small layout engine of its own (word wrap, rows, page breaks) keeps rendering
within a small factor of the cost of drawing the text itself. Text uses the
bundled Liberation Serif (never a built-in font, which drops Cyrillic), so the
text read back from the PDF is the text composed. Output is deterministic.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .._document import (
    Block,
    Choices,
    Document,
    Field,
    Heading,
    Photo,
    PhotoPanel,
    Rich,
    Slot,
    Slots,
    Table,
    Text,
    Title,
)

__all__ = ["render_pdf"]

# -- fonts --------------------------------------------------------------------------

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"


@cache
def register_fonts() -> None:
    """Register the bundled Liberation Serif faces with reportlab (once per process)."""
    folder = resources.files("readmit_forms") / "data" / "fonts"
    for name, file in (
        (REGULAR, "LiberationSerif-Regular.ttf"),
        (BOLD, "LiberationSerif-Bold.ttf"),
        (ITALIC, "LiberationSerif-Italic.ttf"),
    ):
        with (folder / file).open("rb") as handle:
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(handle.read())))


# -- geometry (points) -----------------------------------------------------------------

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 56.7, 42.5, 42.5, 36.0
WIDTH = PAGE_W - LEFT - RIGHT
BODY, SMALL, TITLE, FOOT = 11.0, 8.5, 13.0, 7.5
LEAD, SMALL_LEAD, TITLE_LEAD, FOOT_LEAD = 13.6, 10.4, 16.0, 9.0
INDENT = 14.0
BOX = 8.0
PHOTO_W, PHOTO_H = 99.0, 127.0  # 35 × 45 mm
GAP = 10.0


@dataclass(frozen=True, slots=True)
class Style:
    font: str = REGULAR
    size: float = BODY
    underline: bool = False


PLAIN = Style()
VALUE = Style(BOLD)
STRONG = Style(BOLD)

_widths: dict[tuple[str, str, float], float] = {}


def width_of(text: str, style: Style) -> float:
    key = (text, style.font, style.size)
    found = _widths.get(key)
    if found is None:
        if len(_widths) > 50_000:
            _widths.clear()
        found = _widths[key] = pdfmetrics.stringWidth(text, style.font, style.size)
    return found


# -- text flow ------------------------------------------------------------------------

# A piece of flowing content: text in a style, or a checkbox (text is None).
Piece = tuple[str | None, Style, bool]
# A laid-out line: (x offset, text or None for a box, style, ticked)
Placed = tuple[float, str | None, Style, bool]

_TOKENS = re.compile(r"\S+\s*|\s+")


def _split_long(word: str, style: Style, width: float) -> list[str]:
    parts, current = [], ""
    for char in word:
        if current and width_of(current + char, style) > width:
            parts.append(current)
            current = char
        else:
            current += char
    if current:
        parts.append(current)
    return parts


def flow(pieces: Iterable[Piece], width: float, indent: float = 0.0) -> list[list[Placed]]:
    """Greedy word wrap of styled pieces into lines; "\\n" in a text breaks the line.

    Neighbouring words of one style on a line are joined into one string, so that a
    line costs one drawString per style change, not one per word.
    """
    lines: list[list[Placed]] = []
    line: list[Placed] = []
    x = 0.0
    seg_x = 0.0
    seg: list[str] = []
    seg_style: Style = PLAIN

    def close() -> None:
        if seg:
            line.append((seg_x, "".join(seg).rstrip(), seg_style, False))
            seg.clear()

    def newline() -> None:
        nonlocal line, x
        close()
        lines.append(line)
        line = []
        x = indent

    def put(text: str, style: Style, advance: float) -> None:
        nonlocal x, seg_x, seg_style
        if not seg or style != seg_style:
            close()
            seg_x, seg_style = x, style
        seg.append(text)
        x += advance

    for text, style, ticked in pieces:
        if text is None:
            if (line or seg) and x + BOX + 4 > width:
                newline()
            close()
            line.append((x, None, style, ticked))
            x += BOX + 4
            continue
        for number, paragraph in enumerate(text.split("\n")):
            if number:
                newline()
            for token in _TOKENS.findall(paragraph):
                word = token.rstrip()
                if not word:
                    if line or seg:
                        put(token, style, width_of(token, style))
                    continue
                w = width_of(word, style)
                if (line or seg) and x + w > width:
                    newline()
                if x + w > width:
                    for part in _split_long(word, style, width - x):
                        pw = width_of(part, style)
                        if (line or seg) and x + pw > width:
                            newline()
                        put(part, style, pw)
                    tail = token[len(word) :]
                    if tail:
                        put(tail, style, width_of(tail, style))
                    continue
                put(token, style, width_of(token, style))
    close()
    lines.append(line)
    return lines


def draw_line(canvas: Canvas, line: list[Placed], x0: float, baseline: float) -> None:
    for x, text, style, ticked in line:
        if text is None:
            _box(canvas, x0 + x, baseline - 1, ticked)
            continue
        canvas.setFont(style.font, style.size)
        canvas.drawString(x0 + x, baseline, text)
        if style.underline:
            w = width_of(text, style)
            canvas.setLineWidth(0.6)
            canvas.line(x0 + x, baseline - 1.6, x0 + x + w, baseline - 1.6)


def _box(canvas: Canvas, x: float, y: float, ticked: bool) -> None:
    canvas.setLineWidth(0.7)
    canvas.rect(x, y, BOX, BOX, stroke=1, fill=0)
    if ticked:
        canvas.setLineWidth(1.4)
        path = canvas.beginPath()
        path.moveTo(x + 1.4, y + 4.2)
        path.lineTo(x + 3.4, y + 1.6)
        path.lineTo(x + 7.2, y + 7.4)
        canvas.drawPath(path, stroke=1, fill=0)


def dotted(canvas: Canvas, x1: float, x2: float, y: float) -> None:
    canvas.setLineWidth(0.6)
    canvas.setDash(0.8, 2.2)
    canvas.line(x1, y, x2, y)
    canvas.setDash()


def rich_pieces(value: Rich, style: Style) -> list[Piece]:
    return [(run.text, Style(style.font, style.size, run.underline), False) for run in value]


# -- rows and pages ---------------------------------------------------------------------

Draw = Callable[[Canvas, float], None]


@dataclass(slots=True)
class Row:
    """A horizontal band of the page: its height and how to draw it at a top y.

    A band made of several lines side by side (letterhead slots, a table row) can be
    taller than a page; ``split(height)`` then cuts it into a part at most ``height``
    tall and the rest (None if not even its first line fits), so it flows onto the
    next page like any other text.
    """

    height: float
    draw: Draw
    keep_with_next: bool = False
    split: Callable[[float], tuple[Row, Row] | None] | None = None


Column = tuple[float, list[Row]]  # a column's x and its rows, top to bottom


def _fitting(rows: list[Row], height: float) -> int:
    """How many of ``rows`` fit, one after another, into ``height``."""
    used = 0.0
    for count, row in enumerate(rows):
        used += row.height
        if used > height:
            return count
    return len(rows)


def columns_row(
    columns: list[Column],
    pad: float,
    before: Callable[[Canvas, float, float], None] | None = None,
    keep_with_next: bool = False,
) -> Row:
    """Columns of rows side by side as one band, ``pad`` taller than its tallest column.

    ``before(canvas, top, height)`` draws what goes under the columns (a number, cell
    borders). The band splits between rows of its columns.
    """
    height = max((sum(r.height for r in rows) for _, rows in columns), default=0.0) + pad

    def draw(canvas: Canvas, top: float) -> None:
        if before is not None:
            before(canvas, top, height)
        for _, rows in columns:
            y = top
            for row in rows:
                row.draw(canvas, y)
                y -= row.height

    def split(available: float) -> tuple[Row, Row] | None:
        counts = [_fitting(rows, available - pad) for _, rows in columns]
        if not any(counts):
            return None
        head = [(x, rows[:n]) for (x, rows), n in zip(columns, counts, strict=True)]
        tail = [(x, rows[n:]) for (x, rows), n in zip(columns, counts, strict=True)]
        return columns_row(head, pad, before), columns_row(tail, pad, before, keep_with_next)

    return Row(height, draw, keep_with_next, split)


def text_rows(
    lines: list[list[Placed]],
    x0: float,
    lead: float,
    size: float,
    keep: bool = False,
    align: str = "left",
    width: float = WIDTH,
) -> list[Row]:
    rows = []
    for line in lines:
        shift = 0.0
        if align != "left" and line:
            last = line[-1]
            used = last[0] + (width_of(last[1], last[2]) if last[1] else BOX)
            shift = (width - used) / (2 if align == "center" else 1)

        def draw(
            canvas: Canvas, top: float, line: list[Placed] = line, shift: float = shift
        ) -> None:
            draw_line(canvas, line, x0 + shift, top - size)

        rows.append(Row(lead, draw, keep))
    return rows


def blank_rows(count: int, x1: float, x2: float, keep_first: bool = False) -> list[Row]:
    def draw(canvas: Canvas, top: float) -> None:
        dotted(canvas, x1, x2, top - LEAD + 3)

    return [Row(LEAD, draw, keep_first and i == 0) for i in range(max(count, 1))]


def spacer(height: float) -> Row:
    return Row(height, lambda canvas, top: None)


class Layout:
    """Turns blocks into rows at a given x and width."""

    def __init__(self, x0: float = LEFT, width: float = WIDTH) -> None:
        self.x0 = x0
        self.width = width

    def rows(self, blocks: Iterable[Block]) -> list[Row]:
        rows: list[Row] = []
        previous = 0  # where the rows of the block before start
        for block in blocks:
            if getattr(block, "keep_with_previous", False):
                for row in rows[previous:]:
                    row.keep_with_next = True  # the item before stays with the signature
            previous = len(rows)
            rows.extend(self.block(block))
        return rows

    def block(self, block: Block) -> list[Row]:
        if isinstance(block, Title):
            style = Style(BOLD, TITLE)
            lines = flow([(block.text, style, False)], self.width)
            return [
                spacer(4),
                *text_rows(lines, self.x0, TITLE_LEAD, TITLE, True, "center", self.width),
                spacer(2),
            ]
        if isinstance(block, Text):
            font = BOLD if block.bold else ITALIC if block.italic else REGULAR
            size, lead = (SMALL, SMALL_LEAD) if block.small else (BODY, LEAD)
            lines = flow([(block.text, Style(font, size), False)], self.width)
            return [
                *text_rows(lines, self.x0, lead, size, False, block.align, self.width),
                spacer(3),
            ]
        if isinstance(block, Heading):
            lines = flow([(block.text, STRONG, False)], self.width)
            return [spacer(6), *text_rows(lines, self.x0, LEAD, BODY, True, width=self.width)]
        if isinstance(block, Field):
            return self.field(block)
        if isinstance(block, Choices):
            return self.choices(block)
        if isinstance(block, Slots):
            return self.slots(block)
        if isinstance(block, PhotoPanel):
            return self.photo_panel(block)
        if isinstance(block, Table):
            return self.table(block)
        raise TypeError(f"unknown block {type(block).__name__}")

    def field(self, block: Field) -> list[Row]:
        label = block.caption
        if block.inline:
            pieces: list[Piece] = [(label + " ", PLAIN, False)] if label else []
            if block.value:
                pieces += rich_pieces(block.value, VALUE)
                lines = flow(pieces, self.width, INDENT)
                rows = text_rows(lines, self.x0, LEAD, BODY, True, width=self.width)
                rows[-1].keep_with_next = False  # the label stays on the page of its value
                return rows
            lines = flow(pieces, self.width, INDENT)
            used = (
                lines[-1][-1][0] + width_of(lines[-1][-1][1] or "", PLAIN) + 4 if lines[-1] else 0
            )
            rows = text_rows(lines, self.x0, LEAD, BODY, True, width=self.width)
            last = rows[-1]
            x1, x2 = self.x0 + used, self.x0 + self.width

            def draw(canvas: Canvas, top: float, last: Row = last) -> None:
                last.draw(canvas, top)
                dotted(canvas, x1, x2, top - LEAD + 3)

            rows[-1] = Row(last.height, draw, keep_with_next=block.lines > 1)
            if block.lines > 1:  # the further printed lines of the item
                rows += blank_rows(block.lines - 1, self.x0 + INDENT, self.x0 + self.width)
            return rows
        rows = []
        if label:
            rows += text_rows(
                flow([(label, PLAIN, False)], self.width, INDENT),
                self.x0,
                LEAD,
                BODY,
                True,
                width=self.width,
            )
        if block.hint:
            rows += text_rows(
                flow([(block.hint, PLAIN, False)], self.width),
                self.x0,
                LEAD,
                BODY,
                True,
                width=self.width,
            )
        if block.value:
            lines = flow(rich_pieces(block.value, VALUE), self.width - INDENT)
            rows += text_rows(lines, self.x0 + INDENT, LEAD, BODY, width=self.width - INDENT)
        elif block.lines > 0:  # lines: 0 is a label whose parts follow as blocks of their own
            rows += blank_rows(block.lines, self.x0 + INDENT, self.x0 + self.width)
        return rows

    def choices(self, block: Choices) -> list[Row]:
        label = block.caption
        if block.vertical:
            rows: list[Row] = []
            if label:
                rows += text_rows(
                    flow([(label, PLAIN, False)], self.width),
                    self.x0,
                    LEAD,
                    BODY,
                    True,
                    width=self.width,
                )
            for option in block.options:
                pieces: list[Piece] = [(None, PLAIN, option.checked), (option.label, PLAIN, False)]
                lines = flow(pieces, self.width, BOX + 4)
                rows += text_rows(lines, self.x0, LEAD, BODY, width=self.width)
            return rows
        pieces = [(label + " ", PLAIN, False)] if label else []
        for option in block.options:
            pieces += [(None, PLAIN, option.checked), (option.label + "  ", PLAIN, False)]
        return text_rows(flow(pieces, self.width, INDENT), self.x0, LEAD, BODY, width=self.width)

    def slots(self, block: Slots) -> list[Row]:
        rows: list[Row] = []
        if block.caption:
            rows += text_rows(
                flow([(block.caption, PLAIN, False)], self.width),
                self.x0,
                LEAD,
                BODY,
                True,
                width=self.width,
            )
        prefix = INDENT + 4 if block.number else 0.0
        columns = max(1, block.columns)
        col_w = (self.width - prefix - GAP * (columns - 1)) / columns
        cells: list[tuple[float, float, list[Row]]] = []
        for index, slot in enumerate(block.slots):
            col = index % columns
            x = self.x0 + prefix + col * (col_w + GAP)
            cells.append((x, col_w, self._slot(slot, x, col_w)))
        grid: list[list[tuple[float, float, list[Row]]]] = [
            cells[i : i + columns] for i in range(0, len(cells), columns)
        ]
        for row_index, grid_row in enumerate(grid):
            number = block.gutter if row_index == 0 else ""

            def draw_number(
                canvas: Canvas, top: float, height: float, number: str = number
            ) -> None:
                if number:
                    canvas.setFont(REGULAR, BODY)
                    canvas.drawString(self.x0, top - BODY, number)

            side_by_side = [(x, cell_rows) for x, _, cell_rows in grid_row]
            keep = row_index < len(grid) - 1
            rows.append(columns_row(side_by_side, 3, draw_number, keep_with_next=keep))
        return rows

    def _slot(self, slot: Slot, x: float, width: float) -> list[Row]:
        if slot.value:
            rows = text_rows(
                flow(rich_pieces(slot.value, VALUE), width), x, LEAD, BODY, width=width
            )
        else:
            rows = blank_rows(slot.lines, x, x + width)
        if slot.caption:
            lines = flow([(slot.caption, Style(REGULAR, SMALL), False)], width)
            rows += text_rows(lines, x, SMALL_LEAD, SMALL, align="center", width=width)
        return rows

    def photo_panel(self, block: PhotoPanel) -> list[Row]:
        inner = Layout(self.x0, self.width - PHOTO_W - GAP)
        rows = inner.rows(block.blocks)
        box_x = self.x0 + self.width - PHOTO_W
        photo, caption = block.photo, block.caption

        def draw_box(canvas: Canvas, top: float) -> None:
            canvas.setLineWidth(0.7)
            canvas.rect(box_x, top - PHOTO_H, PHOTO_W, PHOTO_H, stroke=1, fill=0)
            if photo is not None:
                _draw_photo(canvas, photo, box_x + 2, top - PHOTO_H + 2, PHOTO_W - 4, PHOTO_H - 4)
            else:
                canvas.setFont(REGULAR, BODY)
                canvas.drawCentredString(box_x + PHOTO_W / 2, top - PHOTO_H / 2, caption)

        height = sum(row.height for row in rows)
        panel = [*rows] if rows else [spacer(0)]
        if height < PHOTO_H + 4:
            panel.append(spacer(PHOTO_H + 4 - height))
        # The box is drawn after the items (reading order: items, then the photo), from
        # the last row, whose top lies the height of the rows before it below the panel's
        # top. A panel taller than a page (never on the annexes) draws it from its first row.
        above = sum(row.height for row in panel[:-1])
        if above + panel[-1].height < PAGE_H / 2:
            last = panel[-1]

            def draw_last(
                canvas: Canvas, top: float, last: Row = last, above: float = above
            ) -> None:
                last.draw(canvas, top)
                draw_box(canvas, top + above)

            panel[-1] = Row(last.height, draw_last)
        else:
            first = panel[0]

            def draw_first(canvas: Canvas, top: float, first: Row = first) -> None:
                first.draw(canvas, top)
                draw_box(canvas, top)

            panel[0] = Row(first.height, draw_first)
        for row in panel[:-1]:
            row.keep_with_next = True
        return panel

    def table(self, block: Table) -> list[Row]:
        columns = len(block.header)
        weights = block.widths or tuple(1.0 for _ in range(columns))
        total = sum(weights)
        widths = [self.width * w / total for w in weights]
        xs = [self.x0 + sum(widths[:i]) for i in range(columns)]
        pad = 3.0
        small = Style(REGULAR, SMALL)
        small_value = Style(REGULAR, SMALL)

        def band(cells: list[list[list[Placed]]], header: bool, mark: str | None) -> Row:
            def under(canvas: Canvas, top: float, height: float) -> None:
                if header or mark:
                    canvas.saveState()
                    canvas.setFillGray(0.88 if header else 0.95)
                    canvas.rect(self.x0, top - height, self.width, height, stroke=0, fill=1)
                    canvas.restoreState()
                canvas.setLineWidth(0.4)
                canvas.rect(self.x0, top - height, self.width, height, stroke=1, fill=0)
                for index in range(1, len(cells)):
                    canvas.line(xs[index], top, xs[index], top - height)

            columns = [
                (xs[index], [spacer(pad), *text_rows(lines, xs[index] + pad, SMALL_LEAD, SMALL)])
                for index, lines in enumerate(cells)
            ]
            return columns_row(columns, pad, under)

        head_style = Style(BOLD, SMALL)
        rows = [
            band(
                [
                    flow([(text, head_style, False)], widths[i] - 2 * pad)
                    for i, text in enumerate(block.header)
                ],
                True,
                None,
            )
        ]
        rows[0].keep_with_next = True
        for row in block.rows:
            cells = []
            for index, cell in enumerate(row.cells):
                pieces = rich_pieces(cell, small_value) if cell else [(block.empty, small, False)]
                if index == len(row.cells) - 1 and row.note:
                    pieces = [*pieces, ("\n" + row.note, Style(ITALIC, SMALL), False)]
                cells.append(flow(pieces, widths[index] - 2 * pad))
            rows.append(band(cells, False, row.mark))
        return rows


def _draw_photo(canvas: Canvas, photo: Photo, x: float, y: float, w: float, h: float) -> None:
    scale = min(w / photo.width, h / photo.height)
    dw, dh = photo.width * scale, photo.height * scale
    canvas.drawImage(
        ImageReader(io.BytesIO(photo.data)), x + (w - dw) / 2, y + (h - dh) / 2, dw, dh
    )


def paginate(rows: list[Row], height: float) -> list[list[Row]]:
    """Split rows into pages, keeping a row with the next where it asks (labels, headings).

    A run of rows too tall for any page breaks row by row; a row taller than the room
    left is split where it can be (`Row.split`), so nothing is drawn below the body.
    """
    rows = list(rows)
    # Where the run of rows kept together from each row ends, and the heights summed up
    # to each row: each step below is O(1), so a long run costs no more than a short one.
    ends = list(range(len(rows)))
    for i in range(len(rows) - 2, -1, -1):
        if rows[i].keep_with_next:
            ends[i] = ends[i + 1]
    below = [0.0]
    for row in rows:
        below.append(below[-1] + row.height)
    pages: list[list[Row]] = [[]]
    used = 0.0
    index = 0
    while index < len(rows):
        end = ends[index]
        # rows[index] may be the rest of a split row: its own height, not the original's
        group_height = below[end + 1] - below[index + 1] + rows[index].height
        if used + group_height <= height or group_height > height:
            if group_height > height:  # too tall for any page: it breaks row by row, here
                row = rows[index]
                if used + row.height > height:
                    parts = row.split(height - used) if row.split else None
                    if parts is not None:
                        pages[-1].append(parts[0])
                        rows[index] = parts[1]
                        pages.append([])
                        used = 0.0
                        continue
                    if pages[-1]:
                        pages.append([])
                        used = 0.0
                        continue
                end, group_height = index, row.height
            pages[-1].extend(rows[index : end + 1])
            used += group_height
            index = end + 1
        else:
            pages.append([])
            used = 0.0
    # drop leading spacers on each page
    return [page for page in pages if page]


# -- document info ------------------------------------------------------------------------


class _Info(PDFInfo):  # type: ignore[misc]
    """Document info with the form's metadata as custom keys (e.g. /LanguageStatus)."""

    custom: dict[str, str]

    def format(self, document: object) -> bytes:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
        }
        for name, value in sorted(self.custom.items()):
            entries["".join(part.capitalize() for part in name.split("_"))] = PDFString(value)
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


# -- entry point --------------------------------------------------------------------------


def _footer(document: Document) -> tuple[list[list[Placed]], float]:
    lines = flow([(document.status, Style(ITALIC, FOOT), False)], WIDTH)
    return lines, len(lines) * FOOT_LEAD + FOOT_LEAD + 4


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes (A4; the same document gives the same bytes)."""
    register_fonts()
    footer_lines, footer_h = _footer(document)
    body_top = PAGE_H - TOP
    body_h = body_top - BOTTOM - footer_h - 6
    rows = Layout().rows(document.blocks)
    pages = paginate(rows, body_h)
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
    info = _Info()
    info.custom = dict(document.metadata)
    canvas._doc.info = info
    canvas.setTitle(document.title)
    canvas.setAuthor("readmit_forms")
    canvas.setCreator("readmit_forms")
    canvas.setSubject(document.subject)
    canvas.setKeywords(document.keywords)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        if document.draft_label:
            _draft_mark(canvas, document.draft_label)
        y = body_top
        for row in page:
            row.draw(canvas, y)
            y -= row.height
        _draw_footer(canvas, document, footer_lines, footer_h, number, total)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_footer(
    canvas: Canvas,
    document: Document,
    lines: list[list[Placed]],
    footer_h: float,
    page: int,
    pages: int,
) -> None:
    top = BOTTOM + footer_h
    canvas.setLineWidth(0.4)
    canvas.line(LEFT, top, LEFT + WIDTH, top)
    y = top - 2
    for line in lines:
        draw_line(canvas, line, LEFT, y - FOOT)
        y -= FOOT_LEAD
    canvas.setFont(REGULAR, SMALL)
    canvas.drawRightString(LEFT + WIDTH, BOTTOM, document.page_text(page, pages))


def _draft_mark(canvas: Canvas, label: str) -> None:
    canvas.saveState()
    canvas.setFillGray(0.82)
    canvas.setFont(BOLD, 90)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -30, label)
    canvas.restoreState()
    canvas.setFont(BOLD, SMALL)
    canvas.drawString(LEFT, PAGE_H - TOP + 12, label)
