"""The PDF's faces and sizes, and how wide a text is in them (no canvas needed).

Text uses the bundled Liberation Serif, never a built-in font (which drops Cyrillic),
so the text read back from the PDF is the text composed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "BODY",
    "BOLD",
    "FOOT",
    "ITALIC",
    "PLAIN",
    "REGULAR",
    "SMALL",
    "TITLE",
    "VALUE",
    "Style",
    "register_fonts",
    "width_of",
]

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"

BODY, SMALL, TITLE, FOOT = 11.0, 8.5, 13.0, 7.5
"""Sizes in points: body text, small print and captions, the title, the footer."""


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


@dataclass(frozen=True, slots=True)
class Style:
    """A face, a size, and whether the text is underlined (a surname)."""

    font: str = REGULAR
    size: float = BODY
    underline: bool = False


PLAIN = Style()
VALUE = Style(BOLD)
"""Values are bold; so are headings."""

_widths: dict[tuple[str, str, float], float] = {}
_MOST = 50_000  # widths remembered at most; then the memory starts afresh


def width_of(text: str, style: Style) -> float:
    """The advance width of ``text`` in ``style``, in points (fonts must be registered)."""
    key = (text, style.font, style.size)
    found = _widths.get(key)
    if found is None:
        if len(_widths) > _MOST:
            _widths.clear()
        found = _widths[key] = pdfmetrics.stringWidth(text, style.font, style.size)
    return found
