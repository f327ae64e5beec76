"""PDF objects formatted ahead: written as reportlab would write them, without its
generic formatting walk at every save.

`Ready` is an object formatted once (a ready font stream). `Template` is one formatted
once with holes: the references to other objects of the document (object numbers
differ from document to document) and names given per document, filled in when the
document is saved. `dictionary` and `string` write a dictionary of formatted values
and a text string byte for byte as ``PDFDictionary`` and ``PDFString`` do.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfdoc

__all__ = ["HOLE", "NAME_HOLE", "Ready", "Template", "dictionary", "string", "template"]


class Ready(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF object formatted once: its bytes are written as they are."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: object) -> bytes:
        return self.data


class _Hole(pdfdoc.PDFObject):  # type: ignore[misc]
    """Where a template is filled in (a NUL byte: never in a formatted dictionary)."""

    def format(self, document: object) -> bytes:
        return b"\x00"


HOLE = _Hole()
"""Put in an object's entry to make a hole of its template."""

NAME_HOLE = "ReadmitFormsHole"
"""Put where reportlab makes a name of a string (a font's /Name): a hole there too."""


def template(obj: Any) -> tuple[bytes, ...]:
    """``obj`` formatted, cut at its holes (one part more than there are holes, the
    holes in the order of the formatted entries: a dictionary's keys sorted)."""
    formatted: bytes = obj.format(pdfdoc.DummyDoc())
    formatted = formatted.replace(b"/" + NAME_HOLE.encode(), b"\x00")
    return tuple(formatted.split(b"\x00"))


class Template(pdfdoc.PDFObject):  # type: ignore[misc]
    """An object formatted ahead (``parts``, from `template`), its holes filled at save
    with ``fills``: references to other objects (formatted in the document) or bytes."""

    __RefOnly__ = 1  # an indirect object: where it is an entry, a reference is written

    def __init__(self, parts: tuple[bytes, ...], fills: tuple[Any, ...]) -> None:
        if len(parts) != len(fills) + 1:
            raise ValueError(f"{len(parts) - 1} holes, {len(fills)} fills")
        self.parts = parts
        self.fills = fills

    def format(self, document: Any) -> bytes:
        pieces = [self.parts[0]]
        for fill, part in zip(self.fills, self.parts[1:], strict=True):
            pieces.append(fill if isinstance(fill, bytes) else fill.format(document))
            pieces.append(part)
        return b"".join(pieces)


_NAMES: dict[str, bytes] = {}


def _name(key: str) -> bytes:
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES[key] = pdfdoc.PDFName(key).encode("latin-1")
    return found


def dictionary(entries: Mapping[str, bytes]) -> bytes:
    """A dictionary of formatted values, as ``PDFDictionary(entries).format`` writes it
    (keys sorted; a line break after every sixth entry unless reportlab writes one entry a
    line)."""
    items = [_name(key) + b" " + entries[key] for key in sorted(entries)]
    if rl_config.pdfMultiLine:
        return b"<<\n" + b"\n ".join(items) + b"\n>>"
    for index in reversed(range(6, len(items), 6)):
        items.insert(index, b"\n ")
    return b"<<\n" + b" ".join(items) + b"\n>>"


def string(text: str) -> bytes:
    """A text string as ``PDFString(text).format`` writes it in an unencrypted document:
    PDFDocEncoding where it can, else UTF-16BE with its byte-order mark."""
    if text.isascii() and text.isprintable():  # the same bytes in PDFDocEncoding
        data = text.encode("ascii")
    else:
        try:
            data = text.encode("pdfdoc")
        except UnicodeEncodeError:
            data = codecs.BOM_UTF16_BE + text.encode("utf_16_be")
    escaped: str = escapePDF(data)
    return b"(" + escaped.encode("latin-1") + b")"
