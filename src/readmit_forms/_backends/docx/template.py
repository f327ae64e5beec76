"""The DOCX template: read, checked and compiled once, ready for any number of renders.

The bundled template (``data/form.docx``, built by ``tools/make_docx_template.py``) or
an authority's own restyled copy. Its tags are cleaned up by docxtpl's ``patch_xml``
and compiled in an immutable sandbox with ``StrictUndefined`` and autoescaping; a
template that is broken, or uses a variable the document does not provide, raises
`TemplateError` naming it. The parts that do not change (styles, theme, settings …)
are compressed once too, so a render only renders the body, headers and footers.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

import jinja2
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from ..._errors import TemplateError
from .variables import VARIABLES

__all__ = ["KEEP", "PARSER", "Package", "Prepared", "add_rel", "load_template", "write"]

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

ENV = ImmutableSandboxedEnvironment(
    autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)

KEEP = "readmit-keep-with-next"
"""Marks (in a ``w:customXml`` around them) the paragraphs of a block that stay on the
page of the block after them; the render gives each ``w:keepNext`` and drops the mark."""


def _keep_with_next(content: Markup, keep: bool) -> Markup:
    """The template's filter ``draw(b) | keep_with_next(b.keep_with_next)``."""
    if not keep:
        return content
    return Markup(f'<w:customXml w:element="{KEEP}">') + content + Markup("</w:customXml>")


ENV.filters["keep_with_next"] = _keep_with_next


# -- the prepared template ---------------------------------------------------------------


class Package(NamedTuple):
    """Where a template's parts are, and the package parts a render writes anew."""

    content_types: str
    package_rels: str
    core: str
    """Name of the core properties part (title, subject …)."""
    custom: str
    """Name of the custom properties part (every metadata entry)."""
    document_rels_name: str
    document_rels: str
    media: str
    """Folder of the image parts, e.g. "word/media"."""
    templated: tuple[str, ...]
    """The parts that are templates: the main document, its headers and footers."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A template read, checked and compiled: everything a render needs, once."""

    name: str
    package: Package
    base: bytes
    """A zip of the parts that are the same in every output, already compressed."""
    parts: tuple[tuple[str, jinja2.Template, str], ...]
    """(part name, compiled template, its source for error messages)"""


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
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml, PARSER)
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
        parts = _package(blobs)
        sources = {part: blobs[part] for part in parts.templated}
    except (KeyError, StopIteration, UnicodeDecodeError, etree.XMLSyntaxError) as exc:
        raise TemplateError(name, f"is not a valid DOCX package ({exc})") from None
    compiled = tuple((part, *_compile(name, part, source)) for part, source in sources.items())
    _check_variables(name, compiled)
    written = {"[Content_Types].xml", "_rels/.rels", parts.core, parts.custom}  # by each render
    changing = {*written, parts.document_rels_name, *sources}
    base_zip = io.BytesIO()
    with zipfile.ZipFile(base_zip, "w") as out:
        for member, blob in blobs.items():
            if member not in changing and not member.endswith("/"):
                write(out, member, blob)
    return Prepared(name, parts, base_zip.getvalue(), compiled)


def _package(blobs: dict[str, bytes]) -> Package:
    """The package's structure, with core and custom properties parts declared."""
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
    templated = (main, *(_target(folder, t) for _, k, t in _rels(document_rels) if k in REL_PARTS))
    core = next((_target("", t) for _, k, t in relations if k == REL_CORE), "docProps/core.xml")
    custom = next((_target("", t) for _, k, t in relations if k == REL_CUSTOM), "")
    if not any(k == REL_CORE for _, k, _ in relations):
        package_rels = add_rel(package_rels, "rIdReadmitCore", REL_CORE, core)
    if not custom:
        custom = "docProps/custom.xml"
        package_rels = add_rel(package_rels, "rIdReadmitCustom", REL_CUSTOM, custom)
    content_types = _override(_override(content_types, core, CT_CORE), custom, CT_CUSTOM)
    media = posixpath.join(folder, "media")
    return Package(
        content_types,
        package_rels,
        core,
        custom,
        document_rels_name,
        document_rels,
        media,
        templated,
    )


def _compile(name: str, part: str, blob: bytes) -> tuple[jinja2.Template, str]:
    try:
        xml = etree.tostring(etree.fromstring(blob, PARSER), encoding="unicode")
    except etree.XMLSyntaxError as exc:
        raise TemplateError(name, f"{part} is not well-formed XML ({exc})") from None
    # docxtpl's clean-up: join tags that Word split over several runs, turn {%p …%},
    # {%tr …%}, {%tc …%} into tags that replace their paragraph, row or cell.
    source = DocxTemplate(io.BytesIO()).patch_xml(xml)
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)  # a line per paragraph: error lines
    try:
        return ENV.from_string(source), source
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            name, f"template syntax error in {part}: {exc.message}{_near(source, exc.lineno)}"
        ) from None


def _check_variables(name: str, parts: tuple[tuple[str, jinja2.Template, str], ...]) -> None:
    used: set[str] = set()
    for _, _, source in parts:
        used |= meta.find_undeclared_variables(ENV.parse(source))
    unknown = sorted(used - set(VARIABLES) - set(ENV.globals))
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


def add_rel(rels: str, rel_id: str, kind: str, target: str) -> str:
    entry = (
        f"<Relationship Id={quoteattr(rel_id)} Type={quoteattr(kind)} Target={quoteattr(target)}/>"
    )
    return rels.replace("</Relationships>", entry + "</Relationships>")


def _override(types: str, part: str, content_type: str) -> str:
    if f'PartName="/{part}"' in types:
        return types
    entry = f'<Override PartName="/{escape(part)}" ContentType="{content_type}"/>'
    return types.replace("</Types>", entry + "</Types>")


def write(out: zipfile.ZipFile, member: str, data: bytes, *, stored: bool = False) -> None:
    info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    out.writestr(info, data, compresslevel=None if stored else 6)
