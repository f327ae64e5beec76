"""Build the bundled DOCX template, ``src/readmit_forms/data/form.docx``.

    python tools/make_docx_template.py            # rewrite the template
    python tools/make_docx_template.py --check    # fail if the committed file differs

The template is an ordinary Word document: an authority can open it in Word or
LibreOffice and change its letterhead (the page header), fonts, sizes and spacing
(the "Form …" styles) and margins, then pass it with ``--docx-template``. It knows
no agreement, form or language: its body loops over the composed document's
blocks with docxtpl tags (``{%p … %}`` lines are removed from the output; see
``_backends/docx/variables.py`` for the variables). Start from python-docx's default
document (styles, theme), add our styles and write body, header and footer as
WordprocessingML. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

TARGET = Path(__file__).resolve().parent.parent / "src" / "readmit_forms" / "data" / "form.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'

# -- page geometry (twentieths of a point), as the PDF backend: A4, margins 20/15/15/12.7 mm --
PAGE_W, PAGE_H = 11906, 16838
LEFT, RIGHT, TOP, BOTTOM = 1134, 850, 850, 720
TEXT_W = PAGE_W - LEFT - RIGHT  # 9922
INDENT = 280  # values sit 14 pt in, as in the PDF
PHOTO_W, PHOTO_H = 1984, 2551  # 35 × 45 mm
GAP = 227  # 4 mm between the items and the photo box

INTRO = (
    "readmit_forms DOCX template. Restyle it through the styles named Form Title, Form Heading, "
    "Form Text, Form Label, Form Value, Form Value Text, Form Surname, Form Blank, Form Choice, "
    "Form Slot, Form Caption, Form Photo, Form Table, Form Footer, Form Page and Form Draft; "
    "put your letterhead in the page header; change margins in the page setup. "
    "Lines in this grey style are template code: they repeat or choose the items of a form "
    "(and keep the item before a signature on its page) and do not appear in the output. "
    "Keep them as they are"
)


# -- styles -------------------------------------------------------------------------------


def add_styles(document: docx.document.Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(f"{{{W_NS}}}{attr.split(':')[1]}", "Times New Roman")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    def pstyle(name: str, base: str = "Normal", **fmt: object) -> docx.styles.style.ParagraphStyle:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        pf, font = style.paragraph_format, style.font
        for key, value in fmt.items():
            if key in {"bold", "italic", "size", "color"}:
                if key == "size":
                    font.size = Pt(float(value))  # type: ignore[arg-type]
                elif key == "color":
                    font.color.rgb = RGBColor.from_string(str(value))
                else:
                    setattr(font, key, value)
            elif key == "align":
                pf.alignment = {"center": 1, "right": 2, "left": 0}[str(value)]
            elif key in {"space_before", "space_after", "left_indent", "first_line_indent"}:
                setattr(pf, key, Pt(float(value)))  # type: ignore[arg-type]
            elif key == "keep_with_next":
                pf.keep_with_next = bool(value)
            else:
                raise KeyError(key)
        return style

    def ppr_xml(style: docx.styles.style.BaseStyle, xml: str) -> None:
        """Add raw paragraph properties (borders, tabs, outline level) to a style."""
        ppr = style.element.get_or_add_pPr()
        for child in parse_xml(f"<w:pPr {NS}>{xml}</w:pPr>"):
            ppr.append(child)
        order = [
            "keepNext",
            "keepLines",
            "pBdr",
            "shd",
            "tabs",
            "spacing",
            "ind",
            "jc",
            "outlineLvl",
        ]
        children = sorted(
            ppr,
            key=lambda e: order.index(e.tag.split("}")[1]) if e.tag.split("}")[1] in order else 99,
        )
        for child in children:
            ppr.append(child)

    dotted_tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>'

    pstyle(
        "Form Title",
        bold=True,
        size=13,
        align="center",
        space_before=6,
        space_after=4,
        keep_with_next=True,
    )
    pstyle("Form Text", space_after=3)
    heading = pstyle("Form Heading", bold=True, space_before=8, space_after=1, keep_with_next=True)
    ppr_xml(heading, '<w:outlineLvl w:val="0"/>')
    # wrapped lines of a label or a row of checkboxes are indented, as in the PDF
    label = pstyle("Form Label", keep_with_next=True, left_indent=14, first_line_indent=-14)
    ppr_xml(label, dotted_tab)
    pstyle("Form Hint", "Form Label")
    pstyle("Form Value", left_indent=14, space_after=1)
    # a dotted rule under each blank line ("between" draws it under every line of a group)
    rule = "".join(
        f'<w:{side} w:val="dotted" w:sz="6" w:space="1" w:color="auto"/>'
        for side in ("bottom", "between")
    )
    blank = pstyle("Form Blank", left_indent=14, space_after=3)
    ppr_xml(blank, f"<w:pBdr>{rule}</w:pBdr>")
    pstyle("Form Choice", left_indent=12, first_line_indent=-12, space_after=1)
    pstyle("Form Slot", space_after=0)
    pstyle("Form Slot Blank", "Form Blank", left_indent=0)
    pstyle("Form Caption", size=8.5, align="center", space_after=2)
    pstyle("Form Photo", align="center")
    pstyle("Form Table Header", bold=True, size=8.5)
    pstyle("Form Table Text", size=8.5)
    pstyle("Form Table Note", "Form Table Text", italic=True)
    footer = pstyle("Form Footer", "Footer", italic=True, size=7.5, space_before=2)
    ppr_xml(footer, '<w:pBdr><w:top w:val="single" w:sz="4" w:space="2" w:color="auto"/></w:pBdr>')
    pstyle("Form Page", "Footer", size=8.5, align="right", space_before=2)
    pstyle("Form Draft", "Header", bold=True, size=16, align="center", color="808080")
    code = pstyle("Template Code", size=7, color="7F7F7F")
    code.font.name = "Courier New"

    value = styles.add_style("Form Value Text", WD_STYLE_TYPE.CHARACTER)
    value.font.bold = True
    value.quick_style = True
    surname = styles.add_style("Form Surname", WD_STYLE_TYPE.CHARACTER)
    surname.base_style = value
    surname.font.underline = True
    surname.quick_style = True

    table = styles.add_style("Form Table", WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Normal Table"]
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table.element.append(
        parse_xml(
            f"<w:tblPr {NS}><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar>"
            '<w:top w:w="57" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )


# -- body XML -------------------------------------------------------------------------------


def run(text: str, style: str | None = None) -> str:
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(
    style: str, *runs: str, jc: str | None = None, ind: int | None = None, tabs: str = ""
) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' + (f"<w:tabs>{tabs}</w:tabs>" if tabs else "")
    if ind is not None:
        ppr += f'<w:ind w:left="{ind}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def code(tag: str) -> str:
    """A line of template code: docxtpl removes the paragraph and keeps the tag."""
    return para("TemplateCode", run(tag))


def tc(width: int, *content: str, span: int = 1, extra: str = "") -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{extra}</w:tcPr>'
        f"{''.join(content) or '<w:p/>'}</w:tc>"
    )


def tr(*cells: str, header: bool = False, height: int | None = None, whole: bool = False) -> str:
    """A table row; ``whole``: never broken across pages (Word's "cantSplit")."""
    props = "<w:cantSplit/>" if whole else ""
    props += "<w:tblHeader/>" if header else ""
    if height:
        props += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(
    grid: list[int],
    *rows: str,
    style: str | None = None,
    borders: bool = False,
    margins: tuple[int, int] = (0, 0),
) -> str:
    props = f'<w:tblStyle w:val="{style}"/>' if style else ""
    props += f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
    if not borders and not style:
        props += (
            "<w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    props += '<w:tblLayout w:type="fixed"/>'
    if not style:
        props += (
            f'<w:tblCellMar><w:left w:w="{margins[0]}" w:type="dxa"/>'
            f'<w:right w:w="{margins[1]}" w:type="dxa"/></w:tblCellMar>'
        )
    props += (
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    )
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def blank_lines(items: str, style: str = "FormBlank") -> list[str]:
    return [code(f"{{%p for line in {items} %}}"), para(style), code("{%p endfor %}")]


def body_xml() -> str:
    slot_cell = [
        code("{%p if slot.value %}"),
        para("FormSlot", run("{{ slot.value }}")),
        code("{%p else %}"),
        *blank_lines("slot.blank", "FormSlotBlank"),
        code("{%p endif %}"),
        code("{%p if slot.caption %}"),
        para("FormCaption", run("{{ slot.caption }}")),
        code("{%p endif %}"),
    ]
    # Loops over cells: the template shows the loop's start, its cell and its end as
    # columns; the backend sizes the columns that remain in proportion to their widths.
    side = 900
    gutter = 680
    slot_w = TEXT_W - 4 * side - gutter
    slots = tbl(
        [side, gutter, side, side, slot_w, side],
        tr(tc(TEXT_W, code("{%tr for row in b.rows %}"), span=6)),
        tr(
            tc(side, code("{%tc if b.number %}")),
            tc(gutter, para("FormText", run("{{ row.number }}"))),
            tc(side, code("{%tc endif %}")),
            tc(side, code("{%tc for slot in row.slots %}")),
            tc(slot_w, *slot_cell),
            tc(side, code("{%tc endfor %}")),
            whole=True,  # a row of slots is never broken (the signature's line and caption)
        ),
        tr(tc(TEXT_W, code("{%tr endfor %}"), span=6)),
        margins=(0, 170),
    )
    box_border = (
        "<w:tcBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right")
        )
        + '</w:tcBorders><w:vAlign w:val="center"/>'
    )
    panel = tbl(
        [TEXT_W - PHOTO_W, PHOTO_W],
        tr(
            tc(
                TEXT_W - PHOTO_W,
                code("{%p for c in b.blocks %}"),
                code("{{p draw(c, True) }}"),
                code("{%p endfor %}"),
                extra=f'<w:tcMar><w:right w:w="{GAP}" w:type="dxa"/></w:tcMar>',
            ),
            tc(
                PHOTO_W,
                code("{%p if b.photo %}"),
                para("FormPhoto", run("{{ b.photo }}")),
                code("{%p else %}"),
                para("FormCaption", run("{{ b.caption }}")),
                code("{%p endif %}"),
                extra=box_border,
            ),
            height=PHOTO_H,
        ),
    )
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="E0E0E0"/>'
    table = tbl(
        [side, TEXT_W - 2 * side, side],
        tr(
            tc(side, code("{%tc for heading in b.header %}")),
            tc(TEXT_W - 2 * side, para("FormTableHeader", run("{{ heading }}")), extra=shade),
            tc(side, code("{%tc endfor %}")),
            header=True,
        ),
        tr(tc(TEXT_W, code("{%tr for row in b.rows %}"), span=3)),
        tr(
            tc(side, code("{%tc for cell in row.cells %}")),
            tc(
                TEXT_W - 2 * side,
                para("FormTableText", run("{% cellbg row.fill %}{{ cell.value }}")),
                code("{%p if loop.last and row.note %}"),
                para("FormTableNote", run("{{ row.note }}")),
                code("{%p endif %}"),
            ),
            tc(side, code("{%tc endfor %}")),
        ),
        tr(tc(TEXT_W, code("{%tr endfor %}"), span=3)),
        style="FormTable",
    )
    # An inline item without its value ends in dots up to the right edge: a right tab
    # with a dotted leader (Form Label's). Beside the photo LibreOffice draws no leader
    # for a tab that ends a line in a table cell, so there the dots go under the label.
    parts = [
        para("TemplateCode", run("{#p " + INTRO + " #}")),
        code("{%p macro draw(b, narrow=False) %}"),
        code('{%p if b.kind == "title" %}'),
        para("FormTitle", run("{{ b.text }}")),
        code('{%p elif b.kind == "heading" %}'),
        para("FormHeading", run("{{ b.text }}")),
        code('{%p elif b.kind == "text" and b.align == "center" %}'),
        para("FormText", run("{{ b.text }}"), jc="center"),
        code('{%p elif b.kind == "text" and b.align == "right" %}'),
        para("FormText", run("{{ b.text }}"), jc="right"),
        code('{%p elif b.kind == "text" %}'),
        para("FormText", run("{{ b.text }}")),
        code('{%p elif b.kind == "field" and b.inline and narrow and not b.value %}'),
        para("FormLabel", run("{{ b.label }}")),
        *blank_lines("b.rules"),
        code('{%p elif b.kind == "field" and b.inline %}'),
        para("FormLabel", run("{{ b.label }} "), run("{{ b.value if b.value else b.dots }}")),
        code("{%p if not b.value %}"),
        *blank_lines("b.blank"),
        code("{%p endif %}"),
        code('{%p elif b.kind == "field" %}'),
        code("{%p if b.label %}"),
        para("FormLabel", run("{{ b.label }}")),
        code("{%p endif %}"),
        code("{%p if b.hint %}"),
        para("FormHint", run("{{ b.hint }}")),
        code("{%p endif %}"),
        code("{%p if b.value %}"),
        para("FormValue", run("{{ b.value }}")),
        code("{%p else %}"),
        *blank_lines("b.blank"),
        code("{%p endif %}"),
        code('{%p elif b.kind == "choices" and b.vertical %}'),
        code("{%p if b.label %}"),
        para("FormLabel", run("{{ b.label }}")),
        code("{%p endif %}"),
        code("{%p for option in b.options %}"),
        para("FormChoice", run("{{ option.box }}\u00a0{{ option.label }}")),
        code("{%p endfor %}"),
        code('{%p elif b.kind == "choices" %}'),
        para(
            "FormChoice",
            run(
                "{{ b.label }} {% for option in b.options %}"
                "{{ option.box }}\u00a0{{ option.label }}"
                "{% if not loop.last %}   {% endif %}{% endfor %}"
            ),
        ),
        code('{%p elif b.kind == "slots" %}'),
        code("{%p if b.label %}"),
        para("FormLabel", run("{{ b.label }}")),
        code("{%p endif %}"),
        slots,
        code('{%p elif b.kind == "photo_panel" %}'),
        panel,
        code('{%p elif b.kind == "table" %}'),
        table,
        code("{%p endif %}"),
        code("{%p endmacro %}"),
        code("{%p for b in blocks %}"),
        code("{{p draw(b) | keep_with_next(b.keep_with_next) }}"),
        code("{%p endfor %}"),
    ]
    return "".join(parts)


# A Word watermark (the shape Word's Design ▸ Watermark makes): the draft label,
# grey, diagonal, behind the text of every page.
WATERMARK = (
    '<w:r><w:pict xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
    '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
    '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s1025" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d0d0d0" '
    'stroked="f"><v:fill opacity=".6"/>'
    '<v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt;font-weight:bold" '
    'string="{{ document.draft }}"/></v:shape></w:pict></w:r>'
)


def header_xml() -> str:
    return "".join(
        [
            para("Header"),
            code("{%p if document.draft %}"),
            para("FormDraft", run("{{ document.draft }}"), WATERMARK),
            code("{%p endif %}"),
        ]
    )


def footer_xml() -> str:
    return "".join(
        [
            para("FormFooter", run("{{ document.status }}")),
            para("FormPage", run("{{ document.page }}")),
        ]
    )


# -- assembly -------------------------------------------------------------------------------


def build() -> bytes:
    document = docx.Document()
    add_styles(document)
    package = document.part.package
    # python-docx's default carries a thumbnail of a blank page, a copy of the styles for
    # Word 2010 and a hundred table styles: drop them (Word rebuilds its own on demand).
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]
    keep = {"TableNormal", "TableGrid", "FormTable"}
    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.style_id not in keep:
            style.element.getparent().remove(style.element)
    props = document.core_properties
    props.title = "readmit_forms form template"
    props.subject = "Forms annexed to Kazakhstan's readmission agreements"
    props.author = "readmit_forms"
    props.last_modified_by = "readmit_forms"
    props.comments = "Template of readmit_forms; restyle the Form styles, keep the template code."
    props.revision = 1
    import datetime as dt

    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.created = props.modified = fixed

    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header._element
    footer = section.footer._element
    for element, xml in ((header, header_xml()), (footer, footer_xml())):
        for child in list(element):
            element.remove(child)
        for child in parse_xml(f"<w:x {NS}>{xml}</w:x>"):
            element.append(child)

    body = document.element.body
    sect = body.sectPr
    for child in list(body):
        if child is not sect:
            body.remove(child)
    for child in parse_xml(f"<w:x {NS}>{body_xml()}</w:x>"):
        sect.addprevious(child)
    for child in list(sect):
        if child.tag.split("}")[1] in {"pgSz", "pgMar", "cols", "docGrid"}:
            sect.remove(child)
    sect.append(parse_xml(f'<w:pgSz {NS} w:w="{PAGE_W}" w:h="{PAGE_H}"/>'))
    sect.append(
        parse_xml(
            f'<w:pgMar {NS} w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" '
            'w:header="425" w:footer="340" w:gutter="0"/>'
        )
    )

    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue())


# python-docx's default template says "Microsoft Macintosh Word" and "1 page": a document
# made by readmit_forms says what made it, and no page count it cannot know.
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>readmit_forms</Application></Properties>'
)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and a stable part order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        first = ["[Content_Types].xml", "_rels/.rels"]
        for name in first + sorted(n for n in names if n not in first):
            if name.startswith("docProps/thumbnail"):
                continue
            blob = APP_XML if name == "docProps/app.xml" else source.read(name)
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, blob, compresslevel=9)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        same = args.output.exists() and args.output.read_bytes() == data
        print(f"{args.output}: {'up to date' if same else 'OUT OF DATE'}")
        return 0 if same else 1
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
