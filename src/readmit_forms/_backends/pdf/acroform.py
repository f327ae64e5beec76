"""A fillable form: the drawn PDF with a text field on every blank and a radio group for
every choice (`fields.form_fields`), written with pikepdf.

What a viewer shows in a field is its appearance stream, drawn in a font of the file.
Fields here use the bundled Liberation Serif Bold (values are bold on the form),
embedded whole as a Type 0 / CIDFontType2 font with Identity-H and a ToUnicode map:
every Kazakh, Russian and Latin letter a clerk types has its glyph, so a viewer (or
pypdf's ``update_page_form_field_values``) draws the value in it. A standard font
(Helvetica) would show nothing for Cyrillic. /NeedAppearances is not set (PDF/A).
Widths are in the PDF's 1000 units per em (not the font's 2048).
"""

from __future__ import annotations

import io
import zlib
from functools import cache
from importlib import resources

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .fields import FieldSpec, WidgetSpec, form_fields
from .fonts import BOLD, register_fonts
from .pages import Laid

__all__ = ["FONT_KEY", "FONT_SIZE", "fillable"]

FONT_KEY = "/RFBold"
FONT_SIZE = 10.0
TEXT_FIELD_MULTILINE = 1 << 12
RADIO = (1 << 15) | (1 << 14)  # a radio group that cannot be switched off by a click


@cache
def _font_program() -> tuple[int, bytes]:
    """The font file's length and its bytes compressed (once per process, not per form)."""
    folder = resources.files("readmit_forms") / "data" / "fonts"
    program = (folder / "LiberationSerif-Bold.ttf").read_bytes()
    return len(program), zlib.compress(program, 6)


def _to_unicode(glyphs: dict[int, int]) -> bytes:
    """A ToUnicode CMap: each glyph id (the code under Identity-H) to its character."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    items = sorted(glyphs.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for gid, char in chunk:
            text = chr(char).encode("utf-16-be").hex().upper()
            lines.append(f"<{gid:04X}> <{text}>")
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """The bundled bold face, whole, as a Type 0 font of ``pdf``."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(BOLD).face
    scale = 1000.0 / face.unitsPerEm
    widths = [round(advance * scale) for advance, _ in face.hmetrics]
    glyphs: dict[int, int] = {}
    for char, gid in sorted(face.charToGlyph.items()):
        glyphs.setdefault(gid, char)
    length, compressed = _font_program()
    font_file = pikepdf.Stream(pdf, b"")
    font_file.write(compressed, filter=Name.FlateDecode)
    font_file.Length1 = length
    name = Name("/" + face.name.decode("ascii"))
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=name,
        Flags=4,  # symbolic: the font's own glyph ids, not a standard encoding
        FontBBox=Array([round(v) for v in face.bbox]),
        ItalicAngle=0,
        Ascent=round(face.ascent),
        Descent=round(face.descent),
        CapHeight=round(face.capHeight),
        StemV=face.stemV,
        FontFile2=font_file,
    )
    descendant = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=name,
        CIDSystemInfo=Dictionary(
            Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=round(face.defaultWidth),
        W=Array([0, Array(widths)]),
        CIDToGIDMap=Name.Identity,
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=name,
            Encoding=Name("/Identity-H"),
            DescendantFonts=Array([pdf.make_indirect(descendant)]),
            ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, _to_unicode(glyphs))),
        )
    )


def _form_xobject(pdf: pikepdf.Pdf, width: float, height: float, content: bytes) -> pikepdf.Object:
    stream = pikepdf.Stream(pdf, content)
    stream.Type = Name.XObject
    stream.Subtype = Name.Form
    stream.BBox = Array([0, 0, round(width, 2), round(height, 2)])
    return pdf.make_indirect(stream)


def _tick(size: float) -> bytes:
    """The tick the form draws in a ticked box (see draw._tick), for a radio's "on" look."""
    k = size / 8.0
    return (
        f"q 1.4 w 0 G {1.4 * k:.2f} {4.2 * k:.2f} m {3.4 * k:.2f} {1.6 * k:.2f} l "
        f"{7.2 * k:.2f} {7.4 * k:.2f} l S Q"
    ).encode("ascii")


def _widget(pdf: pikepdf.Pdf, page: pikepdf.Page, widget: WidgetSpec) -> Dictionary:
    return Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        Rect=Array([round(v, 2) for v in widget.rect]),
        F=4,  # printed
        P=page.obj,
    )


def _add_field(pdf: pikepdf.Pdf, spec: FieldSpec, parents: dict[str, pikepdf.Object]) -> None:
    """``spec`` as a field in the hierarchy of its dotted name, with its widgets."""
    *branches, leaf = spec.name.split(".")
    parent = None
    path = ""
    for part in branches:
        path = f"{path}.{part}" if path else part
        node = parents.get(path)
        if node is None:
            node = pdf.make_indirect(Dictionary(T=String(part), Kids=Array()))
            if parent is None:
                pdf.Root.AcroForm.Fields.append(node)
            else:
                node.Parent = parent
                parent.Kids.append(node)
            parents[path] = node
        parent = node
    field = Dictionary(T=String(leaf))
    if spec.tooltip:
        field.TU = String(spec.tooltip)
    if spec.kind == "text":
        field.FT = Name.Tx
        field.DA = String(f"{FONT_KEY} {FONT_SIZE:g} Tf 0 g")
        field.Ff = TEXT_FIELD_MULTILINE if spec.multiline else 0
    else:
        field.FT = Name.Btn
        field.Ff = RADIO
        chosen = [w.on for w in spec.widgets if w.checked]
        field.V = Name("/" + chosen[0]) if chosen else Name.Off
    field = pdf.make_indirect(field)
    if parent is None:
        pdf.Root.AcroForm.Fields.append(field)
    else:
        field.Parent = parent
        parent.Kids.append(field)
    kids = Array()
    for widget in spec.widgets:
        page = pdf.pages[widget.page - 1]
        annot = _widget(pdf, page, widget)
        x1, y1, x2, y2 = widget.rect
        w, h = x2 - x1, y2 - y1
        if spec.kind == "text":
            annot.AP = Dictionary(N=_form_xobject(pdf, w, h, b"/Tx BMC EMC"))
        else:
            on = Name("/" + widget.on)
            annot.AP = Dictionary(
                N=Dictionary(
                    {
                        str(on): _form_xobject(pdf, w, h, _tick(w)),
                        "/Off": _form_xobject(pdf, w, h, b""),
                    }
                )
            )
            annot.AS = on if widget.checked else Name.Off
        annot.Parent = field
        annot = pdf.make_indirect(annot)
        kids.append(annot)
        if "/Annots" not in page.obj:
            page.obj.Annots = Array()
        page.obj.Annots.append(annot)
    field.Kids = kids


def fillable(drawn: bytes, laid: Laid) -> bytes:
    """``drawn`` (the PDF of ``laid``, with its signature fields) with the form's fields."""
    specs = [spec for spec in form_fields(laid, fillable=True) if spec.kind != "signature"]
    with pikepdf.open(io.BytesIO(drawn)) as pdf:
        if "/AcroForm" not in pdf.Root:
            pdf.Root.AcroForm = Dictionary(Fields=Array())
        form = pdf.Root.AcroForm
        form.DR = Dictionary(Font=Dictionary({FONT_KEY: _font(pdf)}))
        form.DA = String(f"{FONT_KEY} {FONT_SIZE:g} Tf 0 g")
        parents: dict[str, pikepdf.Object] = {}
        for spec in specs:
            _add_field(pdf, spec, parents)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()
