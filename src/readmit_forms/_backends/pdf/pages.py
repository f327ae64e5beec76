"""Pagination: rows onto A4 pages, and every item as a `Box` on its page.

`lay_out(document)` is the whole layout step: the blocks as rows (`layout`), the rows
on pages, each item positioned. Its result, `Laid`, says where everything is — the
blanks a missing value is written on, the places for the signature and the seal —
which is what drawing paints and what fillable fields and signature fields are made from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..._document import Block, Document, Role
from .boxes import Area, Box, Dots, Row, band
from .fonts import register_fonts
from .layout import BOTTOM, PAGE_H, TOP, Layout, footer
from .lines import Line

__all__ = ["BODY_TOP", "Laid", "lay_out", "paginate", "place", "split"]

BODY_TOP = PAGE_H - TOP
"""Where the body of every page starts (y of its top)."""


@dataclass(frozen=True, slots=True)
class Laid:
    """A document laid out: the boxes of each page in drawing order, and the footer."""

    pages: tuple[tuple[Box, ...], ...]
    footer: tuple[Line, ...]
    """The status line's lines, the same on every page."""
    footer_height: float

    def boxes(self) -> Iterator[Box]:
        return (box for page in self.pages for box in page)

    def blanks(self) -> list[Box]:
        """Every dotted line a missing value is written on, with the block it belongs to
        (and the slot, ``box.what.slot``, in a row of slots)."""
        return [box for box in self.boxes() if isinstance(box.what, Dots)]

    def places(self, role: Role | None = None) -> list[Box]:
        """The places for the signature and the seal (or for one ``role``), page by page."""
        return [
            box
            for box in self.boxes()
            if isinstance(box.what, Area) and role in (None, box.what.role)
        ]


def lay_out(document: Document) -> Laid:
    """The document on A4 pages, every item positioned (no canvas involved)."""
    register_fonts()  # the widths of the text come from the fonts
    lines, footer_height = footer(document)
    body_height = BODY_TOP - BOTTOM - footer_height - 6
    pages = paginate(Layout().rows(document.blocks), body_height)
    return Laid(place(pages, BODY_TOP), tuple(lines), footer_height)


def _fitting(rows: tuple[Row, ...], height: float) -> int:
    """How many of ``rows`` fit, one after another, into ``height``."""
    used = 0.0
    for count, row in enumerate(rows):
        used += row.height
        if used > height:
            return count
    return len(rows)


def split(row: Row, available: float) -> tuple[Row, Row] | None:
    """A band cut between the rows of its columns: a part at most ``available`` tall and
    the rest (None when not even their first rows fit, or the row is no band)."""
    parts = row.band
    if parts is None:
        return None
    counts = [_fitting(rows, available - parts.pad) for rows in parts.columns]
    if not any(counts):
        return None
    head = tuple(rows[:n] for rows, n in zip(parts.columns, counts, strict=True))
    tail = tuple(rows[n:] for rows, n in zip(parts.columns, counts, strict=True))
    first = band(head, parts.pad, under=parts.under, frame=parts.frame)
    rest = band(tail, parts.pad, under=parts.under, frame=parts.frame, keep=row.keep_with_next)
    first.block = rest.block = row.block
    return first, rest


def paginate(rows: list[Row], height: float) -> list[list[Row]]:
    """Split rows into pages, keeping a row with the next where it asks (labels, headings).

    A run of rows too tall for any page breaks row by row; a row taller than the room
    left is split where it can be (`split`), so nothing is drawn below the body.
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
                    parts = split(row, height - used)
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
    return [page for page in pages if page]  # never a page without rows


def place(pages: list[list[Row]], top: float) -> tuple[tuple[Box, ...], ...]:
    """Every item of the paginated rows as a box on its page, rows from ``top`` down."""
    laid = []
    for number, rows in enumerate(pages, start=1):
        boxes: list[Box] = []
        y = top
        for row in rows:
            _place(row, y, number, None, boxes)
            y -= row.height
        laid.append(tuple(boxes))
    return tuple(laid)


def _place(row: Row, top: float, page: int, block: Block | None, out: list[Box]) -> None:
    block = row.block or block
    for x, dy, width, height, what in row.items:
        out.append(Box(page, x, top - dy, width, height, what, block))
    if row.band is not None:
        for rows in row.band.columns:
            y = top
            for inner in rows:
                _place(inner, y, page, block, out)
                y -= inner.height
