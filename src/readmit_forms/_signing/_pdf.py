"""Reading a PDF for signing and verification: one clear error for what is not a PDF."""

from __future__ import annotations

import io
import json
import re

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from .._errors import PdfFileError
from .._lang import LANGS, Lang

__all__ = ["document_lang", "field_page", "is_pdf", "page_lang", "read_pdf", "signature_count"]

# ISO 32000-1 §7.5.2: the header "%PDF-1.n" is the first line; readers accept it
# within the first 1024 bytes.
_HEADER = re.compile(rb"%PDF-\d\.\d")


def is_pdf(data: bytes) -> bool:
    return _HEADER.search(data[:1024]) is not None


def read_pdf(data: bytes, source: str = "<pdf>") -> PdfFileReader:
    """A pyHanko reader of ``data``, or `PdfFileError` naming ``source`` and the reason."""
    if not is_pdf(data):
        raise PdfFileError(source, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.root  # noqa: B018 - reading the catalogue proves the file can be read
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise PdfFileError(source, f"a damaged PDF that cannot be read ({exc})") from None
    if reader.encrypted:
        raise PdfFileError(source, "an encrypted PDF; decrypt it before signing or checking")
    return reader


def signature_count(data: bytes) -> int:
    """How many signatures the PDF holds (0 for a file that is not a readable PDF)."""
    if b"/ByteRange" not in data or not is_pdf(data):
        return 0
    try:
        return len(read_pdf(data).embedded_signatures)
    except (PdfFileError, PdfError, ValueError, KeyError, TypeError):
        return 0


def document_lang(reader: PdfFileReader) -> Lang | None:
    """The document's language (catalogue /Lang, e.g. "kk" or "ru-RU"), if it is kk, ru or en."""
    value = reader.root.get("/Lang")
    return None if value is None else _lang_of(value)


def _lang_of(value: object) -> Lang | None:
    code = str(value).strip().lower().split("-")[0]
    return next((lang for lang in LANGS if lang.value == code), None)


def field_page(reader: PdfFileReader, name: str) -> int | None:
    """The page (0-based) of the widget of the field named ``name``, if there is one."""
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page, _ = reader.find_page_for_modification(index)  # type: ignore[no-untyped-call]
        for annot in page.get_object().get("/Annots", ()):
            widget = annot.get_object()
            owner = widget if "/T" in widget else widget.get("/Parent")
            if owner is not None and str(owner.get_object().get("/T")) == name:
                return index
    return None


def page_lang(reader: PdfFileReader, page: int) -> Lang | None:
    """The language of the document on ``page`` (0-based) of a case bundle, from its
    attached manifest (None for another PDF, or a page of no listed document)."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        found = None
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == "manifest.json":
                found = names[index + 1]["/EF"]["/F"].data
        if found is None:
            return None
        for document in json.loads(found)["documents"]:
            first, last = document["pages"]
            if first <= page + 1 <= last:
                return _lang_of(document["lang"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None
