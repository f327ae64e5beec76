"""Reading a PDF for signing and verification: one clear error for what is not a PDF."""

from __future__ import annotations

import io
import re

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from .._errors import PdfFileError
from .._lang import LANGS, Lang

__all__ = ["document_lang", "is_pdf", "read_pdf", "signature_count"]

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
    if value is None:
        return None
    code = str(value).strip().lower().split("-")[0]
    return next((lang for lang in LANGS if lang.value == code), None)
