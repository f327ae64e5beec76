"""Layout: the composed blocks as rows of placed items, at a given x and width.

One handler per block type (`HANDLERS`) turns a block into `Row`s: its lines of text
flowed to the width, its dotted blanks, its checkboxes, the photo box, table cells.
Rows say which must stay on the page of the row after them; `pages` then puts them
on pages. Nothing here draws: the result is data, testable without a canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from reportlab.lib.pagesizes import A4

from ... import _document as model
from ..._document import Block, Document, Slot
from .boxes import Area, CellFrame, Dots, Frame, Image, Placed, Row, band
from .fonts import (
    BODY,
    BOLD,
    FOOT,
    ITALIC,
    PLAIN,
    REGULAR,
    SMALL,
    TITLE,
    VALUE,
    Style,
    width_of,
)
from .lines import BOX, Line, Spot, Tick, Words, flow, flow_after, line_end, rich

__all__ = ["HANDLERS", "Layout", "blank_rows", "footer", "label_rows", "spacer", "text_rows"]

# -- page geometry (points) -----------------------------------------------------------------

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 56.7, 42.5, 42.5, 36.0
WIDTH = PAGE_W - LEFT - RIGHT
LEAD, SMALL_LEAD, TITLE_LEAD, FOOT_LEAD = 13.6, 10.4, 16.0, 9.0
INDENT = 14.0
PHOTO_W, PHOTO_H = 99.0, 127.0  # 35 × 45 mm
GAP = 10.0
CELL_PAD = 3.0
SIGN_ROOM = 18.0
"""Room over a signature's (or the seal's) line: its place is this much taller, so a
signature's visible appearance (who signed, when) is legible."""


def placed(line: Line, x0: float, size: float) -> tuple[Placed, ...]:
    """A flowed line's pieces placed from ``x0``, on the baseline ``size`` below the top."""
    items = []
    for x, what in line:
        if isinstance(what, Tick):
            items.append(Placed(x0 + x, size + 1, BOX, BOX, what))
        else:
            items.append(Placed(x0 + x, size, width_of(*what), what.style.size, what))
    return tuple(items)


def text_rows(
    lines: list[Line],
    x0: float,
    width: float,
    *,
    lead: float = LEAD,
    size: float = BODY,
    keep: bool = False,
    align: str = "left",
) -> list[Row]:
    """One row per line, ``lead`` tall; ``keep`` keeps each with the row after it."""
    return [Row(lead, _aligned(line, x0, width, size, align), keep) for line in lines]


def _aligned(line: Line, x0: float, width: float, size: float, align: str) -> tuple[Placed, ...]:
    shift = 0.0
    if align != "left" and line:
        shift = (width - line_end(line)) / (2 if align == "center" else 1)
    return placed(line, x0 + shift, size)


def label_rows(
    pieces: tuple[Words | Tick, ...],
    x0: float,
    width: float,
    *,
    indent: float = 0.0,
    lead: float = LEAD,
    size: float = BODY,
    keep: bool = False,
    align: str = "left",
) -> list[Row]:
    """`text_rows` of the form's own wording (captions, fixed text, checkbox labels —
    never a case's value), flowed and placed once per process: a form's wording is the
    same in every document of it."""
    return [Row(lead, items, keep) for items in _label(pieces, x0, width, indent, size, align)]


@lru_cache(maxsize=4096)
def _label(
    pieces: tuple[Words | Tick, ...],
    x0: float,
    width: float,
    indent: float,
    size: float,
    align: str,
) -> tuple[tuple[Placed, ...], ...]:
    return tuple(_aligned(line, x0, width, size, align) for line in flow(pieces, width, indent))


def blank_rows(count: int, x1: float, x2: float, slot: int | None = None) -> list[Row]:
    """``count`` (at least one) dotted lines from ``x1`` to ``x2``, to write a value on."""
    dots = Placed(x1, LEAD - 3, x2 - x1, 0.0, Dots(slot))
    return [Row(LEAD, (dots,)) for _ in range(max(count, 1))]


def spacer(height: float) -> Row:
    return Row(height)


def footer(document: Document) -> tuple[list[Line], float]:
    """The status line's lines under the body of every page, and the height they take."""
    lines = [list(line) for line in _status_lines(document.status)]
    return lines, len(lines) * FOOT_LEAD + FOOT_LEAD + 4


@lru_cache(maxsize=256)
def _status_lines(status: str) -> tuple[tuple[Spot, ...], ...]:
    """The status line flowed, once per wording (the same on every document of a form)."""
    return tuple(tuple(line) for line in flow([Words(status, Style(ITALIC, FOOT))], WIDTH))


def _rows_height(rows: Iterable[Row]) -> float:
    return sum(row.height for row in rows)


class Layout:
    """Turns blocks into rows at ``x0``, ``width`` wide."""

    def __init__(self, x0: float = LEFT, width: float = WIDTH) -> None:
        self.x0 = x0
        self.width = width

    def rows(self, blocks: Iterable[Block]) -> list[Row]:
        """The rows of ``blocks``, each marked with its block; a block that keeps with the
        previous one (the signature) keeps all that block's rows with it."""
        rows: list[Row] = []
        previous = 0  # where the rows of the block before start
        for block in blocks:
            if isinstance(block, model.Text | model.Slots) and block.keep_with_previous:
                for row in rows[previous:]:
                    row.keep_with_next = True
            previous = len(rows)
            handler = HANDLERS.get(type(block))
            if handler is None:
                raise TypeError(f"no layout for {type(block).__name__} blocks")
            for row in handler(self, block):
                if row.block is None:
                    row.block = block
                rows.append(row)
        return rows

    def wording(self, text: str, style: Style, **how: Any) -> list[Row]:
        """The form's own ``text`` in ``style`` as rows (`label_rows`: laid out once)."""
        return label_rows((Words(text, style),), self.x0, self.width, **how)

    def say(self, text: str, style: Style = PLAIN, *, indent: float = 0.0) -> list[Row]:
        """A caption's lines at body size, each kept with what follows."""
        return self.wording(text, style, indent=indent, keep=True)

    def title(self, block: model.Title) -> list[Row]:
        style = Style(BOLD, TITLE)
        rows = self.wording(
            block.text, style, lead=TITLE_LEAD, size=TITLE, keep=True, align="center"
        )
        return [spacer(4), *rows, spacer(2)]

    def text(self, block: model.Text) -> list[Row]:
        font = BOLD if block.bold else ITALIC if block.italic else REGULAR
        size, lead = (SMALL, SMALL_LEAD) if block.small else (BODY, LEAD)
        style = Style(font, size)
        rows = self.wording(block.text, style, lead=lead, size=size, align=block.align)
        if block.role is not None and rows:
            height = _rows_height(rows)
            area = Placed(self.x0, height, self.width, height, Area(block.role))
            rows[0].items = (area, *rows[0].items)
        return [*rows, spacer(3)]

    def heading(self, block: model.Heading) -> list[Row]:
        return [spacer(6), *self.say(block.text, VALUE)]

    def field(self, block: model.Field) -> list[Row]:
        """Caption (wrapped lines indented), hint, then the value indented — or its dotted
        lines; an inline item runs its value (or dots) on from the caption."""
        if block.inline:
            return self._inline_field(block)
        rows = self.say(block.caption, indent=INDENT) if block.caption else []
        if block.hint:
            rows += self.say(block.hint)
        if block.value:
            lines = flow(rich(block.value, VALUE), self.width - INDENT)
            rows += text_rows(lines, self.x0 + INDENT, self.width - INDENT)
        elif block.lines > 0:  # lines: 0 is a label whose parts follow as blocks of their own
            rows += blank_rows(block.lines, self.x0 + INDENT, self.x0 + self.width)
        return rows

    def _inline_field(self, block: model.Field) -> list[Row]:
        label = Words(block.caption + " ") if block.caption else None
        value = rich(block.value, VALUE) if block.value else []
        if label is None:
            lines = flow(value, self.width, INDENT)
        else:  # the caption flowed once per process (`flow_after`), the value on from it
            lines = flow_after(label, value, self.width, INDENT)
        if block.value:
            rows = text_rows(lines, self.x0, self.width, keep=True)
            rows[-1].keep_with_next = False  # the label stays on the page of its value
            return rows
        used = 0.0
        if lines[-1]:
            x, what = lines[-1][-1]
            used = x + width_of(what.text if isinstance(what, Words) else "", PLAIN) + 4
        rows = text_rows(lines, self.x0, self.width, keep=True)
        last = rows[-1]  # the dots run on from the label to the right edge
        start = self.x0 + used
        dots = Placed(start, LEAD - 3, self.x0 + self.width - start, 0.0, Dots())
        rows[-1] = Row(last.height, (*last.items, dots), block.lines > 1)
        if block.lines > 1:  # the further printed lines of the item
            rows += blank_rows(block.lines - 1, self.x0 + INDENT, self.x0 + self.width)
        return rows

    def choices(self, block: model.Choices) -> list[Row]:
        """The caption and the boxes in one flow, or the boxes one per line (vertical)."""
        if block.vertical:
            rows = self.say(block.caption) if block.caption else []
            for option in block.options:
                pieces = (Tick(option.checked), Words(option.label))
                rows += label_rows(pieces, self.x0, self.width, indent=BOX + 4)
            return rows
        flowed: list[Words | Tick] = [Words(block.caption + " ")] if block.caption else []
        for option in block.options:
            flowed += [Tick(option.checked), Words(option.label + "  ")]
        return label_rows(tuple(flowed), self.x0, self.width, indent=INDENT)

    def slots(self, block: model.Slots) -> list[Row]:
        """The caption line, then the slots in columns, a band per row of them: each slot
        its value or dotted lines, its caption centred under it; the gutter on the left."""
        rows = self.say(block.caption) if block.caption else []
        prefix = INDENT + 4 if block.number else 0.0
        columns = max(1, block.columns)
        col_w = (self.width - prefix - GAP * (columns - 1)) / columns
        cells = []
        for index, slot in enumerate(block.slots):
            x = self.x0 + prefix + index % columns * (col_w + GAP)
            cells.append(tuple(self._slot(slot, index, x, col_w)))
        grid = [tuple(cells[i : i + columns]) for i in range(0, len(cells), columns)]
        gutter = block.gutter
        number = Placed(self.x0, BODY, width_of(gutter, PLAIN), BODY, Words(gutter))
        for row_index, grid_row in enumerate(grid):
            under = (number,) if gutter and row_index == 0 else ()
            rows.append(band(grid_row, 3, under=under, keep=row_index < len(grid) - 1))
        return rows

    def _slot(self, slot: Slot, index: int, x: float, width: float) -> list[Row]:
        if slot.value:
            rows = text_rows(flow(rich(slot.value, VALUE), width), x, width)
        else:
            rows = blank_rows(slot.lines, x, x + width, slot=index)
        if slot.role is not None:  # where one signs, or the seal goes: above the caption
            rows.insert(0, spacer(SIGN_ROOM))  # room to sign over the line, as on paper
            height = _rows_height(rows)
            rows[0].items = (
                Placed(x, height, width, height, Area(slot.role, index)),
                *rows[0].items,
            )
        if slot.caption:
            caption = (Words(slot.caption, Style(REGULAR, SMALL)),)
            rows += label_rows(caption, x, width, lead=SMALL_LEAD, size=SMALL, align="center")
        return rows

    def photo_panel(self, block: model.PhotoPanel) -> list[Row]:
        """The panel's items narrowed by the photo box at their right (35 × 45 mm), kept
        together; at least as tall as the box."""
        rows = Layout(self.x0, self.width - PHOTO_W - GAP).rows(block.blocks)
        height = _rows_height(rows)
        panel = rows or [spacer(0)]
        if height < PHOTO_H + 4:
            panel.append(spacer(PHOTO_H + 4 - height))
        # The box is drawn after the items (reading order: items, then the photo), with the
        # last row; a panel taller than a page (never on the annexes) draws it with its first.
        after = len(panel) - 1 if _rows_height(panel) < PAGE_H / 2 else 0
        down = _rows_height(panel[: after + 1])  # from the panel's top to the box's row
        panel.insert(after + 1, Row(0.0, self._photo_box(block, down)))
        for row in panel[:-1]:
            row.keep_with_next = True
        return panel

    def _photo_box(self, block: model.PhotoPanel, down: float) -> tuple[Placed, ...]:
        """The box at the panel's top right, placed in a row ``down`` below that top."""
        x = self.x0 + self.width - PHOTO_W
        bottom = PHOTO_H - down
        frame = Placed(x, bottom, PHOTO_W, PHOTO_H, Frame(0.7))
        photo = block.photo
        if photo is None:
            caption = Words(block.caption)
            middle = x + PHOTO_W / 2 - 0.5 * width_of(*caption)
            return frame, Placed(middle, PHOTO_H / 2 - down, width_of(*caption), BODY, caption)
        w, h = PHOTO_W - 4, PHOTO_H - 4  # inside the frame, centred, its proportions kept
        scale = min(w / photo.width, h / photo.height)
        dw, dh = photo.width * scale, photo.height * scale
        image = Placed(x + 2 + (w - dw) / 2, bottom - 2 - (h - dh) / 2, dw, dh, Image(photo))
        return frame, image

    def table(self, block: model.Table) -> list[Row]:
        """A band per row, its cells side by side in small print within borders; the
        header shaded and kept with the first row, marked rows lightly shaded."""
        weights = block.widths or tuple(1.0 for _ in block.header)
        widths = [self.width * w / sum(weights) for w in weights]
        xs = [self.x0 + sum(widths[:i]) for i in range(len(block.header))]
        small = Style(REGULAR, SMALL)

        def cells_row(cells: list[list[Line]], gray: float | None) -> Row:
            frame = CellFrame(self.x0, self.width, tuple(xs[1 : len(cells)]), gray)
            columns = tuple(
                (
                    spacer(CELL_PAD),
                    *text_rows(lines, xs[i] + CELL_PAD, WIDTH, lead=SMALL_LEAD, size=SMALL),
                )
                for i, lines in enumerate(cells)
            )
            return band(columns, CELL_PAD, frame=frame)

        def fit(pieces: list[Words | Tick], index: int) -> list[Line]:
            return flow(pieces, widths[index] - 2 * CELL_PAD)

        header = [fit([Words(text, Style(BOLD, SMALL))], i) for i, text in enumerate(block.header)]
        rows = [cells_row(header, 0.88)]
        rows[0].keep_with_next = True
        for row in block.rows:
            cells = []
            for index, cell in enumerate(row.cells):
                pieces: list[Words | Tick] = (
                    [*rich(cell, small)] if cell else [Words(block.empty, small)]
                )
                if index == len(row.cells) - 1 and row.note:
                    pieces.append(Words("\n" + row.note, Style(ITALIC, SMALL)))
                cells.append(fit(pieces, index))
            rows.append(cells_row(cells, 0.95 if row.mark else None))
        return rows


HANDLERS: dict[type[Any], Callable[[Layout, Any], list[Row]]] = {
    model.Title: Layout.title,
    model.Text: Layout.text,
    model.Heading: Layout.heading,
    model.Field: Layout.field,
    model.Choices: Layout.choices,
    model.Slots: Layout.slots,
    model.PhotoPanel: Layout.photo_panel,
    model.Table: Layout.table,
}
"""The layout of each block type (a test checks that every type of `Block` has one)."""
