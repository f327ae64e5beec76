"""The file's own objects, written directly rather than through reportlab's generic
formatting at save: the document info, the pages (their content streams compressed
deliberately) and the empty signature fields. Each is written byte for byte as
reportlab writes it (`objects`).
"""

from __future__ import annotations

import zlib
from functools import cache
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    DummyDoc,
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFObjectReference,
    PDFPage,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdfdoc_format
from reportlab.pdfgen.canvas import Canvas

from .fields import FieldSpec
from .objects import Ready, Template, dictionary, string

__all__ = ["CONTENT_LEVEL", "Info", "finish_page", "signature_field"]


class Info(PDFInfo):  # type: ignore[misc]
    """Document info with the form's metadata as custom keys (e.g. /LanguageStatus),
    written directly (`objects.dictionary`: as reportlab writes a dictionary of strings)."""

    custom: dict[str, str]

    def entries(self) -> dict[str, str]:
        """The info's entries: reportlab's own and the form's metadata (``language_status``
        as ``LanguageStatus``)."""
        entries = {
            "Title": self.title,
            "Author": self.author,
            "Producer": self.producer,
            "Creator": self.creator,
            "Subject": self.subject,
            "Keywords": self.keywords,
        }
        for name, value in sorted(self.custom.items()):
            entries["".join(part.capitalize() for part in name.split("_"))] = value
        return entries

    def format(self, document: Any) -> bytes:
        entries = self.entries()
        if not isinstance(document.encrypt, NoEncryption):  # strings are encrypted
            formatted: bytes = PDFDictionary(
                {key: PDFString(value) for key, value in entries.items()}
            ).format(document)
            return formatted
        return dictionary({key: string(value) for key, value in entries.items()})


CONTENT_LEVEL = 1
"""zlib level of the pages' content streams: a quarter of the default level's time for a
third more bytes of content (+0.8 % over the sample PDFs, whose ~100 KB of fonts are
compressed at level 9 once per process)."""


def finish_page(page: Any) -> None:
    """The page just shown made one of ours (`_Page`): its content stream compressed at
    `CONTENT_LEVEL` (reportlab would use zlib's default level when saving) and written
    directly, its media box formatted once."""
    if type(page) is not PDFPage:
        return
    data = zlib.compress(page.stream.encode("utf-8"), CONTENT_LEVEL)
    head = dictionary({"Filter": b"[ /FlateDecode ]", "Length": str(len(data)).encode()})
    page.Contents = Ready(head + b"\nstream\n" + data + b"endstream\n")
    width, height = page.pagewidth, page.pageheight
    page.MediaBox = Ready(
        _media_box(*((height, width) if page.Rotate in (90, 270) else (width, height)))
    )
    page.__class__ = _Page


@cache
def _media_box(width: float, height: float) -> bytes:
    formatted: bytes = PDFArray([0, 0, width, height]).format(DummyDoc())
    return formatted


class _Page(PDFPage):  # type: ignore[misc]
    """reportlab's page, its dictionary written directly (`objects.dictionary`: the same
    entries and bytes as reportlab's), its resources formatted once per document for the
    pages that have the same."""

    def format(self, document: Any) -> bytes:
        self.check_format(document)  # reportlab's: contents, resources, parent
        entries = {"Type": b"/Page"}
        for name in dict.fromkeys(self.__NoDefault__):
            value = getattr(self, name, None)
            if value is None:
                continue
            if name in self.__Refs__:
                value = document.Reference(value)
            if name == "Resources":
                entries[name] = _resources(value, document)
            else:
                entries[name] = pdfdoc_format(value, document)
        return dictionary(entries)


_OTHER_RESOURCES = ("ColorSpace", "ExtGState", "Pattern", "Properties", "Shading")


def _resources(resources: Any, document: Any) -> bytes:
    """A page's resource dictionary formatted, once per document for pages alike (fonts,
    procedure sets and XObjects, all by reference); any other formatted each time."""
    xobjects = resources.XObject
    items = list(xobjects.dict.items()) if isinstance(xobjects, PDFDictionary) else []
    font = resources.Font
    if (
        any(getattr(resources, name) for name in _OTHER_RESOURCES)
        or (xobjects and not isinstance(xobjects, PDFDictionary))
        or not all(isinstance(ref, PDFObjectReference) for _, ref in items)
        or not isinstance(font, PDFObjectReference)
    ):
        formatted: bytes = pdfdoc_format(resources, document)
        return formatted
    key = (
        tuple(resources.ProcSet),
        font.name,
        tuple(sorted((name, ref.name) for name, ref in items)),
    )
    cache: dict[Any, bytes] = document.__dict__.setdefault("_readmit_resources", {})
    found = cache.get(key)
    if found is None:
        found = cache[key] = pdfdoc_format(resources, document)
    return found


def signature_field(canvas: Canvas, spec: FieldSpec) -> None:
    """An empty signature field (printed, with an empty appearance: PDF/A) on this page;
    signing fills it (`readmit_forms.sign`)."""
    x1, y1, x2, y2 = spec.widgets[0].rect
    document = canvas._doc
    box = {"BBox": _array(0, 0, round(x2 - x1, 2), round(y2 - y1, 2)), "Length": b"0"}
    appearance = Ready(
        dictionary({**box, "Subtype": b"/Form", "Type": b"/XObject"}) + b"\nstream\nendstream\n"
    )
    hole = b"\x00"  # the appearance's reference, then the page's (keys in sorted order)
    widget = dictionary(
        {
            "Type": b"/Annot",
            "Subtype": b"/Widget",
            "FT": b"/Sig",
            "T": string(spec.name),
            "Rect": _array(*(round(v, 2) for v in (x1, y1, x2, y2))),
            "F": b"4",
            "P": hole,
            "AP": dictionary({"N": hole}),
        }
    )
    field = Template(
        tuple(widget.split(hole)), (document.Reference(appearance), document.thisPageRef())
    )
    canvas._addAnnotation(field)
    form = canvas.acroForm
    form.fields.append(form.getRef(field))


def _array(*numbers: float) -> bytes:
    """A short array of numbers, as reportlab writes it."""
    return b"[ " + " ".join(fp_str(n) for n in numbers).encode() + b" ]"
