"""Line breaking: styled words and checkboxes flowed into lines of a given width.

A line is a list of `Spot`s, each a piece at its x offset from the line's start.
Neighbouring words of one style on a line are joined into one piece, so that a
line costs one string to draw per style change, not one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..._document import Rich
from .fonts import PLAIN, Style, width_of

__all__ = ["BOX", "Line", "Spot", "Tick", "Words", "flow", "line_end", "rich", "split_long"]

BOX = 8.0
"""The side of a checkbox, in points; in a line it takes ``BOX + 4``."""


class Words(NamedTuple):
    """Text in one style."""

    text: str
    style: Style = PLAIN


class Tick(NamedTuple):
    """A checkbox, ticked or not."""

    ticked: bool


class Spot(NamedTuple):
    """A piece of a line at ``x`` points from the line's start."""

    x: float
    what: Words | Tick


Line = list[Spot]

_TOKENS = re.compile(r"\S+\s*|\s+")


def rich(value: Rich, style: Style) -> list[Words]:
    """A composed value as words in ``style``, its underlined runs (surnames) underlined."""
    return [Words(run.text, Style(style.font, style.size, run.underline)) for run in value]


def split_long(word: str, style: Style, width: float) -> list[str]:
    """A word too wide for ``width`` cut into parts that fit (at least a letter each)."""
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


def flow(pieces: Iterable[Words | Tick], width: float, indent: float = 0.0) -> list[Line]:
    """Greedy word wrap of ``pieces`` into lines; "\\n" in a text breaks the line.

    Lines after the first start at ``indent``; a word wider than a line is cut.
    """
    if len(pieces := tuple(pieces)) == 1:
        one = _one_line(pieces[0], width)
        if one is not None:
            return [one]
    lines: list[Line] = []
    line: Line = []
    x = 0.0
    seg_x = 0.0
    seg: list[str] = []
    seg_style: Style = PLAIN

    def close() -> None:
        if seg:
            line.append(Spot(seg_x, Words("".join(seg).rstrip(), seg_style)))
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

    for piece in pieces:
        if isinstance(piece, Tick):
            if (line or seg) and x + BOX + 4 > width:
                newline()
            close()
            line.append(Spot(x, piece))
            x += BOX + 4
            continue
        text, style = piece
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
                    for part in split_long(word, style, width - x):
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


_MARGIN = 1e-6
"""How far inside the width a text measured as a whole must end to be taken as fitting
(more than the rounding of summing its words' widths one by one)."""


def _one_line(piece: Words | Tick, width: float) -> Line | None:
    """A text that fits on one line, as the word wrap would place it (None otherwise:
    a line break or leading space in it, or too wide)."""
    if isinstance(piece, Tick):
        return None
    text, style = piece
    if not text or text[0].isspace() or "\n" in text:
        return None
    shown = text.rstrip()
    if width_of(shown, style) > width - _MARGIN:
        return None
    return [Spot(0.0, Words(shown, style))]


def line_end(line: Line) -> float:
    """Where a (non-empty) line's last piece ends, from the line's start."""
    last = line[-1]
    what = last.what
    return last.x + (
        width_of(what.text, what.style) if isinstance(what, Words) and what.text else BOX
    )
