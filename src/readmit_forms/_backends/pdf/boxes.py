"""What the layout produces, as plain data: rows of placed items, then boxes on pages.

The layout (`layout`) turns blocks into `Row`s — horizontal bands of the page, each
with its height and the items placed in it. Pagination (`pages`) puts rows on pages
and gives every item its `Box`: page, x, y, width, height, what it holds and the block
it belongs to. Drawing (`draw`) paints boxes and knows nothing of blocks.

Coordinates are PDF points, x from the page's left edge, y from its bottom. A text
box's y is its baseline; a dotted line's box has no height.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..._document import Block, Photo, Role
from .lines import Tick, Words

__all__ = [
    "Area",
    "Band",
    "Box",
    "CellFrame",
    "Dots",
    "Frame",
    "Image",
    "Paint",
    "Placed",
    "Row",
    "Shade",
    "band",
]


class Dots(NamedTuple):
    """A dotted line to write a missing value on (a blank), of ``slot`` in a row of slots."""

    slot: int | None = None


class Shade(NamedTuple):
    """A rectangle filled in ``gray`` (0 black, 1 white), under a table row."""

    gray: float


class Frame(NamedTuple):
    """A rectangle's outline, with vertical rules at ``dividers`` (x) between cells."""

    line_width: float
    dividers: tuple[float, ...] = ()


class Image(NamedTuple):
    """The photo, scaled into its box."""

    photo: Photo


class Area(NamedTuple):
    """A place on the form that is not painted: where a signature or the seal goes.

    For a slot (``slot`` its index), the part of its cell above the caption; for a seal
    mark ("М.П."), its lines."""

    role: Role
    slot: int | None = None


Paint = Words | Tick | Dots | Shade | Frame | Image | Area
"""What a box holds."""


class Placed(NamedTuple):
    """An item of a row: ``dy`` is from the row's top down to the item's bottom edge
    (a text's baseline)."""

    x: float
    dy: float
    width: float
    height: float
    what: Paint


@dataclass(slots=True)
class Row:
    """A horizontal band of the page: its height, its items, and whether pagination must
    keep it on the page of the row after it (a label with its value, a heading with its
    first item). A `band` row holds columns of rows side by side instead (its items are
    what lies under them: cell borders, the item's number)."""

    height: float
    items: tuple[Placed, ...] = ()
    keep_with_next: bool = False
    block: Block | None = None
    """The block the row shows (set by the layout)."""
    band: Band | None = None


class CellFrame(NamedTuple):
    """The borders (and shading) under a table row, as tall as the row is."""

    x: float
    width: float
    dividers: tuple[float, ...]
    gray: float | None

    def items(self, height: float) -> tuple[Placed, ...]:
        border = Placed(self.x, height, self.width, height, Frame(0.4, self.dividers))
        if self.gray is None:
            return (border,)
        return Placed(self.x, height, self.width, height, Shade(self.gray)), border


@dataclass(frozen=True, slots=True)
class Band:
    """Columns of rows side by side (slots, table cells); it splits between their rows."""

    columns: tuple[tuple[Row, ...], ...]
    pad: float
    under: tuple[Placed, ...] = ()
    frame: CellFrame | None = None


def band(
    columns: tuple[tuple[Row, ...], ...],
    pad: float,
    *,
    under: tuple[Placed, ...] = (),
    frame: CellFrame | None = None,
    keep: bool = False,
) -> Row:
    """A row of ``columns`` side by side, ``pad`` taller than the tallest; ``under`` and
    ``frame`` are drawn first."""
    height = max((sum(row.height for row in rows) for rows in columns), default=0.0) + pad
    items = (*(frame.items(height) if frame is not None else ()), *under)
    return Row(height, items, keep, band=Band(columns, pad, under, frame))


class Box(NamedTuple):
    """An item on a page (1-based ``page``), in PDF coordinates, with the block it shows."""

    page: int
    x: float
    y: float
    width: float
    height: float
    what: Paint
    block: Block | None
