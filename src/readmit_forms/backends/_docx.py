"""DOCX backend: the composed document drawn through a docxtpl template.

The bundled template (``data/form.docx``, built by ``tools/make_docx_template.py``)
or an authority's own restyled copy loops over the document's blocks; the
variables it sees are described in `._docx_model`. docxtpl sits behind this small
adapter (STYLE.md 9):

- A template is read, its tags cleaned up by docxtpl's ``patch_xml`` and compiled
  once per process (cached by path, modification time and size), never once per
  document. The parts that do not change (styles, theme, settings …) are compressed
  once too, so a render only renders the body, headers and footers and writes them.
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
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import jinja2
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from .._document import Document
from .._errors import TemplateError
from ._docx_model import VARIABLES, Picture, variables

__all__ = ["load_template", "render_docx"]

BUNDLED = "form.docx"

# -- namespaces and relationship types --------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_OFFICE_DOCUMENT = f"{REL}/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_CUSTOM = f"{REL}/custom-properties"
REL_IMAGE = f"{REL}/image"
REL_PARTS = (f"{REL}/header", f"{REL}/footer")
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"

TEXT_WIDTH = 9922  # twips; used only when a table's grid has no widths at all

_ENV = ImmutableSandboxedEnvironment(
    autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


# -- the prepared template ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Prepared:
    """A template read, checked and compiled: everything a render needs, once."""

    name: str
    base: bytes
    """A zip of the parts that are the same in every output, already compressed."""
    parts: tuple[tuple[str, jinja2.Template, str], ...]
    """(part name, compiled template, its source for error messages)"""
    content_types: str
    package_rels: str
    core: str
    custom: str
    document_rels_name: str
    document_rels: str
    media: str
    """Folder of the image parts, e.g. "word/media"."""


def load_template(path: str | PathLike[str] | None = None) -> Prepared:
    """The bundled template, or the one at ``path``, prepared (cached per process)."""
    if path is None:
        return _bundled()
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise TemplateError(str(path), f"cannot read the template: {exc.strerror}") from None
    if not file.is_file():
        raise TemplateError(str(path), "is not a file")
    return _load(str(file.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@cache
def _bundled() -> Prepared:
    data = (resources.files("readmit_forms") / "data" / BUNDLED).read_bytes()
    return _prepare(data, BUNDLED)


@lru_cache(maxsize=8)
def _load(resolved: str, mtime_ns: int, size: int, shown: str) -> Prepared:
    try:
        data = Path(resolved).read_bytes()
    except OSError as exc:
        raise TemplateError(shown, f"cannot read the template: {exc.strerror}") from None
    return _prepare(data, shown)


def _rels(xml: bytes | str) -> list[tuple[str, str, str]]:
    """(Id, Type, Target) of each relationship in a .rels part."""
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml, _PARSER)
    return [
        (rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", ""))
        for rel in root.iter(f"{PKG_RELS}Relationship")
    ]


def _target(folder: str, target: str) -> str:
    return (
        target.lstrip("/")
        if target.startswith("/")
        else posixpath.normpath(posixpath.join(folder, target))
    )


def _prepare(data: bytes, name: str) -> Prepared:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            blobs = {info.filename: package.read(info) for info in package.infolist()}
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise TemplateError(name, f"is not a DOCX file ({exc})") from None
    try:
        package_rels = blobs["_rels/.rels"].decode("utf-8")
        content_types = blobs["[Content_Types].xml"].decode("utf-8")
        relations = _rels(package_rels)
        main = next(_target("", t) for _, kind, t in relations if kind == REL_OFFICE_DOCUMENT)
        folder, base = posixpath.split(main)
        document_rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        document_rels = blobs.get(document_rels_name, b"").decode("utf-8") or (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_RELS[1:-1]}"></Relationships>'
        )
        parts = [main] + [
            _target(folder, target) for _, kind, target in _rels(document_rels) if kind in REL_PARTS
        ]
        sources = {part: blobs[part] for part in parts}
    except (KeyError, StopIteration, UnicodeDecodeError, etree.XMLSyntaxError) as exc:
        raise TemplateError(name, f"is not a valid DOCX package ({exc})") from None

    core = next((_target("", t) for _, k, t in relations if k == REL_CORE), "docProps/core.xml")
    custom = next((_target("", t) for _, k, t in relations if k == REL_CUSTOM), "")
    if not any(k == REL_CORE for _, k, _ in relations):
        package_rels = _add_rel(package_rels, "rIdReadmitCore", REL_CORE, core)
    if not custom:
        custom = "docProps/custom.xml"
        package_rels = _add_rel(package_rels, "rIdReadmitCustom", REL_CUSTOM, custom)
    content_types = _override(content_types, core, CT_CORE)
    content_types = _override(content_types, custom, CT_CUSTOM)

    compiled = tuple((part, *_compile(name, part, sources[part])) for part in parts)
    _check_variables(name, compiled)

    changing = {"[Content_Types].xml", "_rels/.rels", core, custom, document_rels_name, *parts}
    base_zip = io.BytesIO()
    with zipfile.ZipFile(base_zip, "w") as out:
        for member, blob in blobs.items():
            if member not in changing and not member.endswith("/"):
                _write(out, member, blob)
    return Prepared(
        name=name,
        base=base_zip.getvalue(),
        parts=compiled,
        content_types=content_types,
        package_rels=package_rels,
        core=core,
        custom=custom,
        document_rels_name=document_rels_name,
        document_rels=document_rels,
        media=posixpath.join(folder, "media"),
    )


def _compile(name: str, part: str, blob: bytes) -> tuple[jinja2.Template, str]:
    try:
        xml = etree.tostring(etree.fromstring(blob, _PARSER), encoding="unicode")
    except etree.XMLSyntaxError as exc:
        raise TemplateError(name, f"{part} is not well-formed XML ({exc})") from None
    # docxtpl's clean-up: join tags that Word split over several runs, turn {%p …%},
    # {%tr …%}, {%tc …%} into tags that replace their paragraph, row or cell.
    source = DocxTemplate(io.BytesIO()).patch_xml(xml)
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)  # a line per paragraph: error lines
    try:
        return _ENV.from_string(source), source
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            name, f"template syntax error in {part}: {exc.message}{_near(source, exc.lineno)}"
        ) from None


def _check_variables(name: str, parts: tuple[tuple[str, jinja2.Template, str], ...]) -> None:
    used: set[str] = set()
    for _, _, source in parts:
        used |= meta.find_undeclared_variables(_ENV.parse(source))
    unknown = sorted(used - set(VARIABLES) - set(_ENV.globals))
    if unknown:
        raise TemplateError(
            name,
            f"the template uses the unknown variable {unknown[0]!r}; "
            f"the variables are: {', '.join(VARIABLES)}",
        )


def _near(source: str, lineno: int | None) -> str:
    """The visible text around a line of a template part, for an error message."""
    if not lineno:
        return ""
    lines = source.splitlines()[max(lineno - 2, 0) : lineno + 1]
    text = " ".join(re.sub(r"<[^>]+>", "", line) for line in lines).strip()
    return f" (near {text[:120]!r})" if text else ""


def _add_rel(rels: str, rel_id: str, kind: str, target: str) -> str:
    entry = (
        f"<Relationship Id={quoteattr(rel_id)} Type={quoteattr(kind)} Target={quoteattr(target)}/>"
    )
    return rels.replace("</Relationships>", entry + "</Relationships>")


def _override(types: str, part: str, content_type: str) -> str:
    if f'PartName="/{part}"' in types:
        return types
    entry = f'<Override PartName="/{escape(part)}" ContentType="{content_type}"/>'
    return types.replace("</Types>", entry + "</Types>")


def _write(out: zipfile.ZipFile, member: str, data: bytes, *, stored: bool = False) -> None:
    info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    out.writestr(info, data, compresslevel=None if stored else 6)


# -- rendering ---------------------------------------------------------------------------


def render_docx(document: Document, *, docx_template: str | PathLike[str] | None = None) -> bytes:
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
        _write(package, "[Content_Types].xml", _content_types(prepared, model.pictures))
        _write(package, "_rels/.rels", prepared.package_rels.encode("utf-8"))
        _write(package, prepared.core, _core(document))
        _write(package, prepared.custom, _custom(document))
        rels = prepared.document_rels
        for picture in model.pictures:
            rels = _add_rel(rels, picture.rel_id, REL_IMAGE, f"media/{picture.name}")
        _write(package, prepared.document_rels_name, rels.encode("utf-8"))
        for part, data in rendered:
            _write(package, part, data)
        for picture in model.pictures:
            _write(package, f"{prepared.media}/{picture.name}", picture.data, stored=True)
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
    """Turn rendered XML into a valid part: line breaks, table grids, unique picture ids."""
    xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
    try:
        root = etree.fromstring(xml.encode("utf-8"), _PARSER)
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
    for picture in root.iter(f"{WP}docPr"):
        picture.set("id", str(next(ids)))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


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
    types = prepared.content_types
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
