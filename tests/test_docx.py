"""The DOCX backend: a valid, deterministic package; the template contract; errors."""

from __future__ import annotations

import dataclasses
import io
import os
import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

import readmit_forms as rf
from conftest import ROOT, SAMPLES, Result
from docx_templates import bundled, with_paragraph, with_part, write
from office_cases import photo, sample_dict, table_document
from readback import docx_text, missing_in_order, normalise
from readmit_forms._backends.docx import load_template
from readmit_forms._backends.docx import render as render_docx
from readmit_forms._backends.docx import template as docx_template
from readmit_forms._document import Block, Field, PhotoPanel, Run, Slot, Slots, Text, walk_text
from readmit_forms._photo import load_photo
from readmit_forms._presentation import caption

SAMPLE = SAMPLES / "kz-at-family.yaml"
FORM = "readmission-request"


def _render(lang: str = "en", *, draft: bool = False, **options: object) -> bytes:
    return rf.render(SAMPLE, form=FORM, lang=lang, format="docx", draft=draft, **options)


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def test_same_input_same_bytes() -> None:
    first, second = _render("kk"), _render("kk")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        names = package.namelist()
    assert len(names) == len(set(names))


def test_every_part_is_declared_and_every_relationship_resolves() -> None:
    data = _render("ru", draft=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        types = package.read("[Content_Types].xml").decode()
        for name in names:
            extension = name.rsplit(".", 1)[-1]
            assert f'PartName="/{name}"' in types or f'Extension="{extension}"' in types, name
        rels = package.read("word/_rels/document.xml.rels").decode()
        for target in re.findall(r'Target="([^"]+)"', rels):
            if not target.startswith("http"):
                assert posixpath.normpath(posixpath.join("word", target)) in names, target
    document = docx.Document(io.BytesIO(data))  # python-docx opens it
    assert abs(document.sections[0].page_width - docx.shared.Mm(210)) < docx.shared.Mm(0.1)  # A4


def test_metadata_goes_into_the_document_properties() -> None:
    document = rf.compose(rf.load_case(SAMPLE), FORM, "kk")
    data = render_docx(document)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == document.title
    assert props.language == "kk"
    assert props.keywords == document.metadata["language_status"]
    assert props.created is None and props.modified is None  # no dates: same bytes
    custom = _part(data, "docProps/custom.xml")
    for key, value in document.metadata.items():
        assert f'name="{key}"><vt:lpwstr>{value}</vt:lpwstr>' in custom.replace("&amp;", "&")


def test_header_carries_the_draft_mark_only_in_a_draft() -> None:
    draft = docx.Document(io.BytesIO(_render("ru", draft=True)))
    final = docx.Document(io.BytesIO(_render("ru")))
    assert "ПРОЕКТ" in [p.text for p in draft.sections[0].header.paragraphs]
    assert "ПРОЕКТ" not in docx_text(_render("ru"))
    assert all(not p.text for p in final.sections[0].header.paragraphs)


@pytest.mark.parametrize(
    ("lang", "order"), [("en", ["PAGE", "NUMPAGES"]), ("kk", ["NUMPAGES", "PAGE"])]
)
def test_footer_has_the_status_line_and_live_page_fields(lang: str, order: list[str]) -> None:
    data = _render(lang)
    footer = _part(data, "word/footer1.xml")
    assert re.findall(r'w:instr=" (\w+) "', footer) == order
    document = rf.compose(rf.load_case(SAMPLE), FORM, lang)
    assert document.status.split(". ")[0] in "".join(re.findall(r">([^<]*)</w:t>", footer))


def test_checkboxes_values_blanks_and_underlined_surnames() -> None:
    data = _render("en")
    text = normalise(docx_text(data))
    assert "7. Marital status: ☒ married" in text
    assert "☐ single" in text
    body = _part(data, "word/document.xml")
    document = rf.compose(rf.load_case(SAMPLE), FORM, "en")
    underlined = [
        run.text for block in _fields(document.blocks) for run in block.value or () if run.underline
    ]
    shown = re.findall(r'<w:rStyle w:val="FormSurname"/></w:rPr><w:t[^>]*>([^<]+)<', body)
    assert underlined and shown == underlined
    assert body.count('<w:pStyle w:val="FormBlank"/>') >= 2  # dotted lines for missing items


def _fields(blocks: tuple[Block, ...]) -> list[Field]:
    found: list[Field] = []
    for block in blocks:
        if isinstance(block, Field):
            found.append(block)
        elif isinstance(block, PhotoPanel):
            found += _fields(block.blocks)
    return found


def test_the_photo_is_a_real_image_part(tmp_path: Path) -> None:
    data = sample_dict()
    picture = photo(tmp_path / "photo.png", kind="PNG")
    data["person"]["photo"] = str(picture)
    result = rf.render(data, form=FORM, lang="en", format="docx")
    with zipfile.ZipFile(io.BytesIO(result)) as package:
        assert package.read("word/media/readmit-photo1.png") == load_photo(picture).data
        assert (
            'Extension="png" ContentType="image/png"'
            in package.read("[Content_Types].xml").decode()
        )
    document = docx.Document(io.BytesIO(result))
    (shape,) = document.inline_shapes
    assert abs(shape.width / shape.height - 350 / 450) < 0.01
    assert "Photograph" not in docx_text(result)  # the photo covers the box's caption
    del data["person"]["photo"]
    empty_box = rf.render(data, form=FORM, lang="en", format="docx")
    assert "Photograph" in docx_text(empty_box)


def test_a_table_block_gets_its_columns_and_marks() -> None:
    document = table_document()
    data = render_docx(document)
    assert missing_in_order(walk_text(document), docx_text(data)) is None
    body = _part(data, "word/document.xml")
    table = body[body.index('w:val="FormTable"') :]
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table.split("</w:tblGrid>")[0])]
    assert len(grid) == 4 and grid[1] == grid[2] == grid[3] and abs(grid[1] / grid[0] - 3) < 0.01
    assert 'w:fill="F2F2F2"' in table  # the marked row is shaded
    assert "Фамилия &amp; &lt;b&gt;" in table


# -- the template is prepared once per process ---------------------------------------------


def test_the_template_is_compiled_once_not_per_document(tmp_path: Path) -> None:
    docx_template._load.cache_clear()
    template = write(tmp_path / "mine.docx", bundled())
    for _ in range(3):
        _render(docx_template=template)
    assert docx_template._load.cache_info().misses == 1
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # edited
    _render(docx_template=template)
    assert docx_template._load.cache_info().misses == 2
    assert load_template() is load_template()


# -- an authority's own template --------------------------------------------------------------


def test_a_restyled_template_keeps_its_letterhead_and_styles(tmp_path: Path) -> None:
    edited = docx.Document(io.BytesIO(bundled()))
    edited.styles["Form Title"].font.size = docx.shared.Pt(20)
    edited.sections[0].header.paragraphs[0].text = "Bundesamt für Fremdenwesen und Asyl — Wien"
    edited.sections[0].left_margin = docx.shared.Mm(30)
    target = tmp_path / "authority.docx"
    edited.save(target)
    data = _render("en", docx_template=target)
    result = docx.Document(io.BytesIO(data))
    assert result.sections[0].header.paragraphs[0].text.startswith("Bundesamt für Fremdenwesen")
    assert result.styles["Form Title"].font.size == docx.shared.Pt(20)
    assert abs(result.sections[0].left_margin - docx.shared.Mm(30)) < docx.shared.Mm(0.1)
    document = rf.compose(rf.load_case(SAMPLE), FORM, "en")
    assert missing_in_order(walk_text(document), docx_text(data)) is None


def test_an_unknown_variable_is_named_before_rendering(tmp_path: Path) -> None:
    template = write(tmp_path / "t.docx", with_paragraph("{{ case.person.name }}"))
    with pytest.raises(rf.TemplateError) as error:
        load_template(template)
    assert "unknown variable 'case'" in str(error.value)
    assert "blocks, document" in str(error.value)


def test_an_unknown_attribute_is_named_when_rendering(tmp_path: Path) -> None:
    template = write(tmp_path / "t.docx", with_paragraph("{{ document.reference_number }}"))
    with pytest.raises(rf.TemplateError, match=r"unknown variable 'document\.reference_number'"):
        _render(docx_template=template)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (with_paragraph("{% if document.draft %}never closed"), "template syntax error"),
        (with_paragraph("{{ ''.__class__.__mro__ }}"), "unsafe"),
        (with_paragraph("{{ blocks.append(1) }}"), "unsafe"),
        (b"PK\x03\x04 not really a zip", "is not a DOCX file"),
        (with_part(bundled(), "word/document.xml", lambda xml: xml[:-20]), "not well-formed"),
    ],
)
def test_a_broken_template_is_a_template_error(tmp_path: Path, content: bytes, reason: str) -> None:
    template = write(tmp_path / "broken.docx", content)
    with pytest.raises(rf.TemplateError, match=reason):
        _render(docx_template=template)


def test_cli_docx_and_html_and_template_errors(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli(
        "render",
        str(SAMPLE),
        "--form",
        "all",
        "--lang",
        "all",
        "--format",
        "docx",
        "-o",
        str(tmp_path),
    )
    written = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert "kz-at-family.readmission-request.kk.docx" in written
    result = cli(
        "render",
        str(SAMPLE),
        "--form",
        FORM,
        "--lang",
        "ru",
        "--format",
        "html",
        "-o",
        str(tmp_path / "x.html"),
    )
    assert result.code == 0 and (tmp_path / "x.html").read_bytes().startswith(b"<!DOCTYPE html>")

    bad = write(tmp_path / "bad.docx", with_paragraph("{{ nonsense }}"))
    for args, fragment in (
        (("--format", "docx", "--docx-template", str(bad)), "unknown variable 'nonsense'"),
        (
            ("--format", "docx", "--docx-template", str(tmp_path / "none.docx")),
            "cannot read the template",
        ),
        (("--format", "pdf", "--docx-template", str(bad)), "applies to --format docx only"),
    ):
        result = cli(
            "render", str(SAMPLE), "--form", FORM, "--lang", "en", *args, "-o", str(tmp_path)
        )
        assert result.code == 2, result.err
        assert fragment in result.err
        assert len(result.err.strip().splitlines()) == 1

    mine = write(tmp_path / "mine.docx", bundled())
    out = tmp_path / "mine-out.docx"
    result = cli(
        "render",
        str(SAMPLE),
        "--form",
        FORM,
        "--lang",
        "en",
        "--format",
        "docx",
        "--docx-template",
        str(mine),
        "-o",
        str(out),
    )
    assert result.code == 0 and out.read_bytes() == _render("en")


def test_the_package_says_what_made_it() -> None:
    data = rf.render(sample_dict(), form=FORM, lang="en", format="docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Application>readmit_forms</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app


def _body_paragraphs(document: rf.Document) -> list[tuple[str, bool]]:
    """(text, has "keep with next") of each paragraph of the body, in order."""
    xml = _part(render_docx(document), "word/document.xml")
    assert "customXml" not in xml  # the mark that carried "keep with next" is gone
    body = xml[xml.index("<w:body>") : xml.index("<w:sectPr")]
    return [
        ("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)), "<w:keepNext/>" in p)
        for p in re.findall(r"<w:p[ >].*?</w:p>|<w:p/>", body)
    ]


def test_the_item_before_the_signature_keeps_with_it() -> None:
    """Every paragraph of the block before a signature block (and of a signature block
    before its seal mark) has Word's "keep with next", so it moves with the signature
    onto a new page; rows of slots never break (a signature's line stays with its caption)."""
    base = rf.compose(rf.load_case(SAMPLE), FORM, "en")
    signature = Slots(
        "", "", "", (Slot(None, "(signature)", role="signature"),), keep_with_previous=True
    )
    item = Field("9", caption("9", "Notes"), (Run("The last item."),))
    seal = Text("Seal", keep_with_previous=True, role="seal")
    plain_text = Text("Free text.")
    cases = {
        (plain_text, item, signature): ["9. Notes", "The last item."],
        (item, signature, seal): ["9. Notes", "The last item.", "(signature)"],
    }
    for blocks, kept in cases.items():
        paragraphs = _body_paragraphs(dataclasses.replace(base, blocks=blocks))
        assert [text for text, keep in paragraphs if keep and text] == kept
    xml = _part(
        render_docx(dataclasses.replace(base, blocks=(item, signature))), "word/document.xml"
    )
    assert "<w:cantSplit/>" in xml
    before_signature = dataclasses.replace(base, blocks=(item,))
    assert not any(keep for _, keep in _body_paragraphs(before_signature))


def test_the_tool_rebuilds_the_bundled_template_byte_for_byte() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_docx_template", ROOT / "tools" / "make_docx_template.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.build() == bundled()
