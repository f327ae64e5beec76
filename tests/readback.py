"""Text read back from each output format, in reading order, for the parity and hostile tests.

PDF with pypdf, DOCX with python-docx (headers, body with its tables, footers),
HTML by dropping the tags (and the <head>). Only whitespace is normalised.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from html.parser import HTMLParser

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader


def normalise(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
