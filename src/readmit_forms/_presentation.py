"""How composed things are shown: the conventions every document follows, in one place.

Composition (`_compose`) and the other documents made of blocks (the translators'
proof, the bundle cover, the register's subject report) build their blocks with
these, so no backend ever numbers a caption, letters a heading, picks a checkbox
glyph or parses a page label.
"""

from __future__ import annotations

import re

from ._document import PAGE, PAGES, Choice, Heading, PageLabel
from ._lang import Lang

__all__ = [
    "CHECKED",
    "UNCHECKED",
    "caption",
    "choice",
    "heading",
    "page_label",
    "slots_captions",
    "subject",
]

CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐
"""The glyphs of a ticked and an empty checkbox, for backends that show boxes as text."""


def caption(number: str, label: str) -> str:
    """An item's caption as printed: "1. Surname", "3." alone, or the label alone."""
    if number and label:
        return f"{number}. {label}"
    return f"{number}." if number else label


def slots_captions(number: str, label: str) -> tuple[str, str]:
    """The line above a row of slots, and what stands left of their first row: a numbered
    label goes on the line ("4. Signature"); a number without a label, in the gutter ("4.")."""
    if label:
        return caption(number, label), ""
    return "", f"{number}." if number else ""


def heading(letter: str, title: str) -> Heading:
    """A section heading: "A. PERSONAL DATA", or the title alone when it has no letter."""
    return Heading(f"{letter}. {title}" if letter else title, letter, title)


def choice(label: str, checked: bool, value: str = "") -> Choice:
    """One checkbox, with the glyph that shows whether it is ticked (``value``: its code)."""
    return Choice(label, checked, CHECKED if checked else UNCHECKED, value)


_NUMBERS = re.compile(r"(\{page\}|\{pages\})")


def page_label(text: str) -> PageLabel:
    """A page label text of the templates ("Page {page} of {pages}") as tokens."""
    numbers = {"{page}": PAGE, "{pages}": PAGES}
    return tuple(numbers.get(part, part) for part in _NUMBERS.split(text) if part)


def subject(agreement: str, document: str, lang: Lang) -> str:
    """The file's subject property: which agreement, which document, which language."""
    return f"{agreement} {document} ({lang.value})"
