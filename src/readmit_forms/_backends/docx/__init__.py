"""DOCX backend: the composed document drawn through a docxtpl template.

The bundled template (``data/form.docx``, built by ``tools/make_docx_template.py``)
or an authority's own restyled copy loops over the document's blocks; the
variables it sees are described in `.variables`. docxtpl sits behind this small
adapter (STYLE.md 9):

- A template is read, its tags cleaned up by docxtpl's ``patch_xml`` and compiled
  once per process (cached by path, modification time and size), never once per
  document (`.template`). The parts that do not change (styles, theme, settings …)
  are compressed once too, so a render only renders the body, headers and footers.
- Jinja runs in an immutable sandbox with ``StrictUndefined`` and autoescaping: a
  missing variable is an error, a value is text and never template code, and
  ``&``, ``<`` or quotes in a value come out as themselves. A template that is
  broken, or uses a variable the document does not provide, raises `TemplateError`
  naming it.
- Same document, same bytes: fixed zip timestamps, a stable part order, no dates in
  the document properties. The photo is a real image part.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from os import PathLike
from xml.sax.saxutils import escape, quoteattr

import jinja2
from lxml import etree

from ..._document import Document
from ..._errors import TemplateError
from .template import (
    KEEP,
    PARSER,
    REL_IMAGE,
    TEXT_WIDTH,
    WP,
    XML_SPACE,
    Prepared,
    W,
    add_rel,
    load_template,
    write,
)
from .variables import HANDLERS, Picture, variables

__all__ = ["HANDLERS", "check_options", "load_template", "render"]

# -- rendering ---------------------------------------------------------------------------


def check_options(*, docx_template: str | PathLike[str] | None = None) -> None:
    """Refuse a ``docx_template`` that cannot be used (`TemplateError`), before any render."""
    load_template(docx_template)


def render(document: Document, *, docx_template: str | PathLike[str] | None = None) -> bytes:
    """The document as DOCX bytes, drawn by the bundled template or ``docx_template``."""
    prepared = load_template(docx_template)
    model = variables(document)
    widths = iter(model.table_widths)
    ids = itertools.count(1)
    rendered: list[tuple[str, bytes]] = []
    for part, template, source in prepared.parts:
        try:
            xml = template.render(model.context)
        except jinja2.TemplateError as exc:
            raise TemplateError(prepared.name, _explain(part, exc, source)) from None
        rendered.append((part, _finish(xml, widths, ids, prepared.name, part)))

    out = io.BytesIO(prepared.base)
    with zipfile.ZipFile(out, "a") as package:
        write(package, "[Content_Types].xml", _content_types(prepared, model.pictures))
        write(package, "_rels/.rels", prepared.package.package_rels.encode("utf-8"))
        write(package, prepared.package.core, _core(document))
        write(package, prepared.package.custom, _custom(document))
        rels = prepared.package.document_rels
        for picture in model.pictures:
            rels = add_rel(rels, picture.rel_id, REL_IMAGE, f"media/{picture.name}")
        write(package, prepared.package.document_rels_name, rels.encode("utf-8"))
        for part, data in rendered:
            write(package, part, data)
        for picture in model.pictures:
            write(package, f"{prepared.package.media}/{picture.name}", picture.data, stored=True)
    return out.getvalue()


def _explain(part: str, exc: jinja2.TemplateError, source: str) -> str:
    """A one-line reason, naming the variable when one is unknown."""
    message = exc.message or type(exc).__name__
    if isinstance(exc, jinja2.UndefinedError):
        attribute = re.search(r"has no attribute '([^']+)'", message)
        if attribute:
            name = attribute.group(1)
            found = re.search(rf"([A-Za-z_][\w.]*)\.{re.escape(name)}\b", source)
            name = f"{found.group(1)}.{name}" if found else name
            return f"the template uses the unknown variable {name!r} (in {part})"
        undefined = re.match(r"'([^']+)' is undefined", message)
        if undefined:
            return f"the template uses the unknown variable {undefined.group(1)!r} (in {part})"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"the template does something unsafe in {part}: {message}"
    return f"cannot render {part}: {message}"


def _finish(
    xml: str, widths: Iterator[tuple[float, ...]], ids: Iterator[int], name: str, part: str
) -> bytes:
    """Turn rendered XML into a valid part: blocks kept with the next, line breaks, table
    grids, unique picture ids."""
    xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
    try:
        root = etree.fromstring(xml.encode("utf-8"), PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(name, f"{part} renders to broken XML ({exc})") from None
    _breaks(root)
    for table in list(root.iter(f"{W}tbl")):
        if table.find(f"{W}tr") is None:  # a loop over nothing: Word refuses a table without rows
            parent = table.getparent()
            if parent is not None:
                parent.remove(table)
            continue
        _fix_grid(table, widths)
    for cell in root.iter(f"{W}tc"):
        # a table cell must end with a paragraph (an empty loop leaves none)
        if len(cell) == 0 or cell[-1].tag != f"{W}p":
            cell.append(etree.Element(f"{W}p"))
    _keep_with_next(root)
    for picture in root.iter(f"{WP}docPr"):
        picture.set("id", str(next(ids)))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _keep_with_next(root: etree._Element) -> None:
    """Every paragraph of a block marked `KEEP` keeps with the next paragraph (Word's
    "keep with next"), so the block stays on the page of the one after it: the item
    before a signature block goes with it onto a new page."""
    for mark in list(root.iter(f"{W}customXml")):
        if mark.get(f"{W}element") != KEEP:
            continue
        for paragraph in mark.iter(f"{W}p"):
            props = paragraph.find(f"{W}pPr")
            if props is None:
                props = etree.Element(f"{W}pPr")
                paragraph.insert(0, props)
            if props.find(f"{W}keepNext") is None:
                style = props.find(f"{W}pStyle")
                props.insert(
                    0 if style is None else props.index(style) + 1, etree.Element(f"{W}keepNext")
                )
        parent = mark.getparent()
        if parent is not None:
            at = parent.index(mark)
            for child in reversed(list(mark)):
                parent.insert(at, child)
            parent.remove(mark)


def _breaks(root: etree._Element) -> None:
    """A line feed or tab inside a value becomes <w:br/> or <w:tab/>."""
    for text in [t for t in root.iter(f"{W}t") if t.text and ("\n" in t.text or "\t" in t.text)]:
        pieces = re.split(r"([\n\t])", text.text or "")
        text.text = pieces[0]
        text.set(XML_SPACE, "preserve")
        anchor = text
        for piece in pieces[1:]:
            if piece == "\n":
                element = etree.Element(f"{W}br")
            elif piece == "\t":
                element = etree.Element(f"{W}tab")
            elif piece:
                element = etree.Element(f"{W}t")
                element.text = piece
                element.set(XML_SPACE, "preserve")
            else:
                continue
            anchor.addnext(element)
            anchor = element


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    return int(span.get(f"{W}val", "1")) if span is not None else 1


def _fix_grid(table: etree._Element, widths: Iterator[tuple[float, ...]]) -> None:
    """Make the grid match the cells that loops left, keeping the table's width.

    Columns keep the proportions of their cells' widths in the template (a data
    table takes the widths of its Table block instead), as docxtpl's ``fix_tables``
    does with equal shares.
    """
    rows = table.findall(f"{W}tr")
    style = table.find(f"{W}tblPr/{W}tblStyle")
    data_table = style is not None and style.get(f"{W}val") == "FormTable"
    weights = next(widths, None) if data_table else None
    grid = table.find(f"{W}tblGrid")
    if grid is None or not rows:
        return
    cells = [row.findall(f"{W}tc") for row in rows]
    widest = max(cells, key=lambda row: sum(_span(cell) for cell in row))
    count = sum(_span(cell) for cell in widest)
    columns = grid.findall(f"{W}gridCol")
    if not count or (len(columns) == count and weights is None):
        return
    if not weights or len(weights) != count or sum(weights) <= 0:
        weights = tuple(_width(cell) / _span(cell) for cell in widest for _ in range(_span(cell)))
        if sum(weights) <= 0:
            weights = tuple(1.0 for _ in range(count))
    total = sum(int(float(c.get(f"{W}w", "0"))) for c in columns) or TEXT_WIDTH
    new = [int(total * w / sum(weights)) for w in weights]
    for column in columns:
        grid.remove(column)
    for width in new:
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(width))
    for row in cells:
        at = 0
        for cell in row:
            span = _span(cell)
            cell_width = cell.find(f"{W}tcPr/{W}tcW")
            if cell_width is not None:
                cell_width.set(f"{W}w", str(sum(new[at : at + span])))
                cell_width.set(f"{W}type", "dxa")
            at += span


def _width(cell: etree._Element) -> float:
    width = cell.find(f"{W}tcPr/{W}tcW")
    try:
        return float(width.get(f"{W}w", "0")) if width is not None else 0.0
    except ValueError:
        return 0.0


# -- package parts -----------------------------------------------------------------------


def _content_types(prepared: Prepared, pictures: list[Picture]) -> bytes:
    types = prepared.package.content_types
    for picture in pictures:
        extension = picture.name.rsplit(".", 1)[1]
        if not re.search(rf'Extension="{extension}"', types, re.IGNORECASE):
            entry = f'<Default Extension="{extension}" ContentType="{picture.content_type}"/>'
            types = types.replace("</Types>", entry + "</Types>")
    return types.encode("utf-8")


def _core(document: Document) -> bytes:
    """Core properties: title, subject, keywords, language; no dates (same bytes)."""
    description = "; ".join(f"{key}: {value}" for key, value in document.metadata.items())
    fields = (
        ("dc:title", document.title),
        ("dc:subject", document.subject),
        ("dc:creator", "readmit_forms"),
        ("cp:keywords", document.keywords),
        ("dc:description", description),
        ("dc:language", document.lang.value),
        ("cp:category", document.category),
    )
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}</cp:coreProperties>"
    ).encode()


def _custom(document: Document) -> bytes:
    """Every metadata entry as a custom document property (File ▸ Properties ▸ Custom)."""
    entries = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f"name={quoteattr(key)}><vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (key, value) in enumerate(document.metadata.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{entries}</Properties>'
    ).encode()
