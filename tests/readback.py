"""Text read back from each output format, in reading order, for the parity and hostile tests.

PDF with pypdf, DOCX with python-docx (headers, body with its tables, footers),
HTML by dropping the tags (and the <head>). Only whitespace is normalised.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from readmit_forms._document import Document


def normalise(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes, document: Document | None = None) -> str:
    """The PDF's text; with ``document``, as one flow without the page furniture.

    Each page repeats the draft mark at its top and the status line and page label
    at its bottom, and an item may continue on the next page. Given the document,
    these are taken off every page and put once around the body, as DOCX and HTML
    hold them (header, body, footer), so the text can be compared item by item.
    """
    # a word broken after its hyphen at the end of a line ("ДМБ-" / "89") is one word
    pages = [
        re.sub(r"(?<=\S[-\u2010])\n", "", page.extract_text() or "")
        for page in PdfReader(io.BytesIO(data)).pages
    ]
    if document is None:
        return "\n".join(pages)
    draft = normalise(document.draft_label or "")
    status = normalise(document.status)
    body = []
    for number, page in enumerate(pages, start=1):
        text = normalise(page)
        label = normalise(document.page_text(number, len(pages)))
        for furniture in (label, status):
            if furniture and text.endswith(furniture):
                text = text[: -len(furniture)].rstrip()
        while draft and text.startswith(draft):
            text = text[len(draft) :].lstrip()
        body.append(text)
    return " ".join([draft, *body, status])


def poppler_text(data: bytes) -> str:
    """The PDF's text as poppler's ``pdftotext -raw`` reads it: only what is on the pages, in
    drawing order, pages separated by form feeds, a line ending in a hyphen left as it is."""
    import subprocess

    from requires import require_program

    pdftotext = require_program("pdftotext", package="poppler-utils")
    done = subprocess.run(
        [pdftotext, "-raw", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def docx_text(data: bytes) -> str:
    """Every paragraph of the DOCX, in order: header, body (tables included), footer."""
    document = open_docx(io.BytesIO(data))
    section = document.sections[0]

    def paragraphs(element: object, parent: object) -> list[str]:
        return [Paragraph(p, parent).text for p in element.iter(qn("w:p"))]  # type: ignore[attr-defined]

    lines = paragraphs(section.header._element, section.header)
    lines += paragraphs(document.element.body, document)
    lines += paragraphs(section.footer._element, section.footer)
    return "\n".join(lines)


_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "br",
    "section",
    "header",
    "footer",
    "main",
    "figure",
    "figcaption",
    "span",
}
_SKIP = {"head", "style", "script", "title"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK and tag != "span":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping -= 1
        elif tag in _BLOCK and tag != "span":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return "".join(parser.parts)


def missing_words(items: Iterable[str], text: str) -> list[str]:
    """The words of ``items`` that ``text`` lacks (counting repeats, in any order)."""
    wanted = Counter(word for item in items for word in item.split())
    return sorted((wanted - Counter(text.split())).elements())


def missing_in_order(items: Iterable[str], text: str) -> str | None:
    """None if every item occurs in ``text`` in this order; else what is missing and where."""
    haystack = normalise(text)
    position = 0
    for item in items:
        needle = normalise(item)
        if not needle:
            continue
        found = haystack.find(needle, position)
        if found < 0:
            elsewhere = haystack.find(needle)
            where = "out of order" if elsewhere >= 0 else "missing"
            context = haystack[max(position - 60, 0) : position + 120]
            return f"{where}: {needle!r}; text after the previous item: …{context}…"
        position = found + len(needle)
    return None
