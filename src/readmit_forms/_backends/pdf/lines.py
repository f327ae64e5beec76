"""Line breaking: styled words and checkboxes flowed into lines of a given width.

A line is a list of `Spot`s, each a piece at its x offset from the line's start.
Neighbouring words of one style on a line are joined into one piece, so that a
line costs one string to draw per style change, not one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ..._document import Rich
from .fonts import PLAIN, Style, width_of

__all__ = [
    "BOX",
    "Line",
    "Spot",
    "Tick",
    "Words",
    "flow",
    "flow_after",
    "line_end",
    "rich",
    "split_long",
]

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
    wrap = _Flow(width, indent)
    for piece in pieces:
        wrap.add(piece)
    return wrap.lines_()


def flow_after(
    label: Words, pieces: Iterable[Words | Tick], width: float, indent: float = 0.0
) -> list[Line]:
    """``flow([label, *pieces], width, indent)``, the label (the form's wording, the same
    in every document) flowed once per process and the pieces flowed on from where it
    ends."""
    wrap = _flowed_label(label, width, indent).copy()
    for piece in pieces:
        wrap.add(piece)
    return wrap.lines_()


@lru_cache(maxsize=2048)
def _flowed_label(label: Words, width: float, indent: float) -> _Flow:
    wrap = _Flow(width, indent)
    wrap.add(label)
    return wrap  # never changed: `flow_after` continues on a copy


class _Flow:
    """The state of a greedy word wrap: the lines made, the line being filled (its
    pieces, then the words of one style not yet joined into a piece) and where it ends."""

    __slots__ = ("indent", "line", "lines", "seg", "seg_style", "seg_x", "width", "x")

    def __init__(self, width: float, indent: float) -> None:
        self.width, self.indent = width, indent
        self.lines: list[Line] = []
        self.line: Line = []
        self.x = 0.0
        self.seg_x = 0.0
        self.seg: list[str] = []
        self.seg_style: Style = PLAIN

    def copy(self) -> _Flow:
        other = _Flow(self.width, self.indent)
        other.lines, other.line, other.seg = list(self.lines), list(self.line), list(self.seg)
        other.x, other.seg_x, other.seg_style = self.x, self.seg_x, self.seg_style
        return other

    def lines_(self) -> list[Line]:
        """The lines, the last one closed (the flow is done)."""
        self._close()
        self.lines.append(self.line)
        return self.lines

    def _close(self) -> None:
        if self.seg:
            self.line.append(Spot(self.seg_x, Words("".join(self.seg).rstrip(), self.seg_style)))
            self.seg = []

    def _newline(self) -> None:
        self._close()
        self.lines.append(self.line)
        self.line = []
        self.x = self.indent

    def _put(self, text: str, style: Style, advance: float) -> None:
        if not self.seg or style != self.seg_style:
            self._close()
            self.seg_x, self.seg_style = self.x, style
        self.seg.append(text)
        self.x += advance

    def add(self, piece: Words | Tick) -> None:
        width = self.width
        if isinstance(piece, Tick):
            if (self.line or self.seg) and self.x + BOX + 4 > width:
                self._newline()
            self._close()
            self.line.append(Spot(self.x, piece))
            self.x += BOX + 4
            return
        text, style = piece
        for number, paragraph in enumerate(text.split("\n")):
            if number:
                self._newline()
            for token in _TOKENS.findall(paragraph):
                word = token.rstrip()
                if not word:
                    if self.line or self.seg:
                        self._put(token, style, width_of(token, style))
                    continue
                w = width_of(word, style)
                if (self.line or self.seg) and self.x + w > width:
                    self._newline()
                if self.x + w > width:
                    for part in split_long(word, style, width - self.x):
                        pw = width_of(part, style)
                        if (self.line or self.seg) and self.x + pw > width:
                            self._newline()
                        self._put(part, style, pw)
                    tail = token[len(word) :]
                    if tail:
                        self._put(tail, style, width_of(tail, style))
                    continue
                self._put(token, style, width_of(token, style))


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
