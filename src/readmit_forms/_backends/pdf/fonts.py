"""The PDF's faces and sizes, and how wide a text is in them (no canvas needed).

Text uses the bundled Liberation Serif, never a built-in font (which drops Cyrillic),
so the text read back from the PDF is the text composed.

The faces are `ReadyFont`s: reportlab's TrueType fonts whose first subsets — the
letters of Kazakh, Russian and English and the neighbours' Latin and Cyrillic letters
(`REPERTOIRE`) — are cut from the font program once per process, compressed once, and
written into every document as ready streams. A document embeds only the ready subsets
it uses; a character outside them gets a subset of its own in that document, made the
way reportlab always does.
"""

from __future__ import annotations

import hashlib
import io
import threading
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

from ..._cache import cached
from .objects import HOLE, NAME_HOLE, Ready, Template, template

__all__ = [
    "BODY",
    "BOLD",
    "FOOT",
    "ITALIC",
    "PLAIN",
    "REGULAR",
    "REPERTOIRE",
    "SMALL",
    "TITLE",
    "VALUE",
    "ReadyFont",
    "Style",
    "register_fonts",
    "width_of",
]

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"

BODY, SMALL, TITLE, FOOT = 11.0, 8.5, 13.0, 7.5
"""Sizes in points: body text, small print and captions, the title, the footer."""


def _span(first: int, last: int, skip: str = "") -> str:
    return "".join(chr(code) for code in range(first, last + 1) if chr(code) not in skip)


REPERTOIRE: tuple[str, ...] = (
    # Subset 0: what every form prints. Russian and Kazakh letters, typographic
    # punctuation (quotes, dashes, №, the narrow no-break space Babel puts in dates),
    # and the letters of Latin-1 (German, French names). ASCII is in every first subset.
    "ЁІАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяёі"
    "ӘәҒғҚқҢңӨөҰұҮүҺһ"
    "«»–—‘’“”„…№\u202f°" + _span(0xC0, 0xFF, "×÷"),
    # Subset 1: the neighbours' names. Latin Extended-A (Hungarian, Czech, Polish,
    # Turkish…), Romanian comma letters, the rest of the basic Cyrillic block
    # (Belarusian, Ukrainian, Serbian), and the signs of Latin-1.
    _span(0x100, 0x17F)
    + "ȘșȚț"
    + _span(0x400, 0x45F, "ЁІАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяёі")
    + _span(0xA1, 0xBF, "°\xad"),
)
"""The characters of the ready subsets, one string per subset: at most 159 besides ASCII
in the first (reportlab keeps ASCII at its own codes there), 254 in the others."""


@dataclass(frozen=True, slots=True)
class _Subset:
    """A ready subset: its codes (unicode of each code), its PDF name, the formatted
    ToUnicode stream and font program stream, and its font dictionary and font descriptor
    formatted with holes (`objects.template`) for what differs between documents."""

    codes: tuple[int, ...]
    base_name: str
    to_unicode: bytes
    program: bytes
    font: tuple[bytes, ...]
    """Holes: the descriptor's reference, the font's name, the ToUnicode reference."""
    descriptor: tuple[bytes, ...]
    """Hole: the font program's reference."""


def _stream(content: bytes, **entries: Any) -> bytes:
    """A compressed stream, formatted (compression chosen here: best, as it is done once)."""
    dictionary = pdfdoc.PDFDictionary(
        {"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]), **entries}
    )
    stream = pdfdoc.PDFStream(dictionary, zlib.compress(content, 9), filters=[])
    formatted: bytes = stream.format(pdfdoc.DummyDoc())
    return formatted


class ReadyFont(TTFont):  # type: ignore[misc]
    """A TrueType face whose `REPERTOIRE` subsets are made once and written as they are.

    Every document starts from the same assignment of characters to subset codes (so
    the ready streams fit it); ``splitString`` encodes a text of the first subset in one
    step; ``addObjects`` writes the ready subsets a document used and makes the others
    as reportlab does.
    """

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(name, io.BytesIO(data))
        self._digest = hashlib.sha256(data).hexdigest()  # the font file's, for the cache
        self._lock = threading.Lock()
        self._ready: list[_Subset | None] = []
        self._seed: TTFont.State | None = None
        self._first: frozenset[str] = frozenset()
        self._table: dict[int, int] = {}

    def _prepare(self) -> None:
        """Assign the repertoire's codes (reportlab's own way) and cut the subsets."""
        with self._lock:
            if self._seed is not None:
                return
            seed = TTFont.State(self._asciiReadable, self)
            key = _Key()
            self.state[key] = seed
            for number, chars in enumerate(REPERTOIRE):
                seed.nextCode = max(seed.nextCode, 256 * number)
                present = "".join(c for c in chars if ord(c) in self.face.charToGlyph)
                TTFont.splitString(self, present, key)
                if len(seed.subsets) != number + 1:
                    raise ValueError(f"subset {number} of {self.fontName} holds over 255 glyphs")
            del self.state[key]
            seed.nextCode = 256 * len(REPERTOIRE)
            assignments = seed.assignments
            first = frozenset(chr(c) for c, n in assignments.items() if n < 256) | {"\xa0"}
            table = {ord(c): assignments[ord(c)] for c in first if ord(c) in assignments}
            table[0xA0] = 32  # reportlab prints a no-break space as a space
            self._first, self._table = first, table
            self._ready = [None] * len(seed.subsets)  # each cut when a document first uses it
            self._seed = seed

    def _subset(self, number: int) -> _Subset:
        """Ready subset ``number``, cut and compressed the first time it is asked for."""
        with self._lock:
            found = self._ready[number]
            if found is None:
                assert self._seed is not None
                codes = tuple(self._seed.subsets[number])
                # kept in the cache on disk too: a new process does not cut it again
                key = f"{self._digest} {self.fontName} {number} {codes}"
                found = cached("font", key, lambda _: self._cut(number, codes))
                self._ready[number] = found
            return found

    def _cut(self, number: int, codes: tuple[int, ...]) -> _Subset:
        face = self.face
        base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode()
        program = face.makeSubset(list(codes))
        return _Subset(
            codes,
            base_name,
            _stream(makeToUnicodeCMap(base_name, list(codes)).encode()),
            _stream(program, Length1=len(program)),
            template(self._font(base_name, codes, HOLE, NAME_HOLE, HOLE)),
            template(self._descriptor(base_name, HOLE)),
        )

    def _state(self, doc: object) -> TTFont.State:
        """The document's state, started from the repertoire's assignment."""
        state = self.state.get(doc)
        if state is None:
            if self._seed is None:
                self._prepare()
            seed = self._seed
            assert seed is not None
            state = TTFont.State(self._asciiReadable, self)
            state.assignments = dict(seed.assignments)
            state.subsets = [list(subset) for subset in seed.subsets]
            state.nextCode = seed.nextCode
            state.used = set()
            self.state[doc] = state
        return state

    def splitString(self, text: str, doc: object, encoding: str = "utf-8") -> list[Any]:
        self._state(doc)
        first = self.first_codes(text)
        if first is not None:
            return [(0, first)]
        split: list[Any] = super().splitString(text, doc, encoding)
        return split

    def first_codes(self, text: str) -> bytes | None:
        """``text`` in the codes of the first ready subset (the same in every document),
        or None when a character of it is outside that subset."""
        if self._seed is None:
            self._prepare()
        if self._first.issuperset(text):
            return text.translate(self._table).encode("latin-1")
        return None

    def getSubsetInternalName(self, subset: int, doc: object) -> str:
        self._state(doc).used.add(subset)
        name: str = super().getSubsetInternalName(subset, doc)
        return name

    def addObjects(self, doc: Any) -> None:
        state = self._state(doc)
        ready = len(self._ready)
        if not isinstance(doc.encrypt, pdfdoc.NoEncryption):
            return super().addObjects(doc)  # type: ignore[no-any-return]
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for number, codes in enumerate(state.subsets):
            if number < ready and number not in state.used:
                continue  # a ready subset the document does not use
            name = self.getSubsetInternalName(number, doc)[1:]
            if number < ready:
                self._add_ready(doc, self._subset(number), name)
                continue
            base_name = b"".join(
                (SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)
            ).decode()
            to_unicode = pdfdoc.PDFStream(
                content=makeToUnicodeCMap(base_name, codes), filters=[pdfdoc.PDFZCompress]
            )
            content = self.face.makeSubset(codes)
            program = pdfdoc.PDFStream(content=content, filters=[pdfdoc.PDFZCompress])
            program.dictionary["Length1"] = len(content)
            unicode_ref = doc.Reference(to_unicode, "toUnicodeCMap:" + base_name)
            program_ref = doc.Reference(program, self._program_name(base_name))
            descriptor = doc.Reference(
                self._descriptor(base_name, program_ref), "fontDescriptor:" + base_name
            )
            font = self._font(base_name, codes, descriptor, name, unicode_ref)
            font.__Comment__ = f"Font {self.fontName} subset {number}"
            doc.Reference(font, name)
            fonts[name] = font
        del self.state[doc]
        return None

    def _add_ready(self, doc: Any, subset: _Subset, name: str) -> None:
        """A ready subset's objects into ``doc`` (in the order reportlab adds a subset's)."""
        base_name = subset.base_name
        unicode_ref = doc.Reference(Ready(subset.to_unicode), "toUnicodeCMap:" + base_name)
        program_ref = doc.Reference(Ready(subset.program), self._program_name(base_name))
        descriptor = doc.Reference(
            Template(subset.descriptor, (program_ref,)), "fontDescriptor:" + base_name
        )
        font = Template(subset.font, (descriptor, f"/{name}".encode(), unicode_ref))
        doc.Reference(font, name)
        doc.idToObject["BasicFonts"].dict[name] = font

    def _program_name(self, base_name: str) -> str:
        return f"fontFile:{self.face.filename}({base_name})"

    def _font(self, base_name: str, codes: Any, descriptor: Any, name: Any, to_unicode: Any) -> Any:
        """The font dictionary of a subset (with ``codes``), as reportlab makes it."""
        font = pdfdoc.PDFTrueTypeFont()
        font.Name = name
        font.BaseFont = base_name
        font.FirstChar = 0
        font.LastChar = len(codes) - 1
        font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in codes])
        font.ToUnicode = to_unicode
        font.FontDescriptor = descriptor
        return font

    def _descriptor(self, base_name: str, program: Any) -> Any:
        face = self.face
        return pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": program,
                "MissingWidth": face.defaultWidth,
            }
        )


class _Key:
    """A stand-in document while the repertoire is assigned (a weak-reference key)."""


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
            pdfmetrics.registerFont(ReadyFont(name, handle.read()))


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
