"""Every backend places every block type, from one table each, and sees no agreement or form.

The composed document is final: a backend formats nothing and knows nothing of agreements
or forms (ARCHITECTURE.md, "Backends"). These tests hold each backend to that.
"""

from __future__ import annotations

import dataclasses
import importlib
import io
import re
import typing
import zipfile
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES
from docx_templates import bundled
from readback import docx_text, html_text, missing_in_order, pdf_text
from readmit_forms._backends import _FORMATS, MEDIA_TYPES, backend, check_options, formats
from readmit_forms._backends.docx.variables import HANDLERS as DOCX
from readmit_forms._backends.docx.variables import variables
from readmit_forms._backends.html import HANDLERS as HTML
from readmit_forms._backends.pdf.boxes import Paint
from readmit_forms._backends.pdf.draw import PAINTERS
from readmit_forms._document import (
    _TEXTS,
    PAGE,
    PAGES,
    Block,
    Choices,
    Document,
    Field,
    Photo,
    PhotoPanel,
    Run,
    Slot,
    Slots,
    Table,
    TableRow,
    Text,
    Title,
    walk_text,
)
from readmit_forms._lang import Lang
from readmit_forms._presentation import caption, choice, heading, page_label, slots_captions

BLOCK_TYPES = set(typing.get_args(Block))
BACKENDS = Path(rf.__file__).parent / "_backends"
TEMPLATES = [
    Path(rf.__file__).parent / "data" / name for name in ("form.html.jinja", "blocks.html.jinja")
]


@pytest.mark.parametrize("fmt", formats())
def test_every_format_has_a_handler_for_every_block_type(fmt: str) -> None:
    module = importlib.import_module(f"readmit_forms._backends.{_FORMATS[fmt][0]}")
    assert set(module.HANDLERS) == BLOCK_TYPES


def test_every_block_type_is_read_in_reading_order() -> None:
    assert set(_TEXTS) == BLOCK_TYPES  # walk_text's table


def test_every_kind_of_box_has_its_painter() -> None:
    assert set(PAINTERS) == set(typing.get_args(Paint))


def test_every_html_handler_is_a_macro_of_the_blocks_template() -> None:
    source = TEMPLATES[1].read_text("utf-8")
    defined = set(re.findall(r"\{%-? macro (\w+)\(b\)", source))
    assert set(HTML.values()) <= defined


def test_docx_kinds_are_the_kinds_the_template_tests() -> None:
    with zipfile.ZipFile(io.BytesIO(bundled())) as package:
        body = package.read("word/document.xml").decode("utf-8")
    kinds = set(re.findall(r"b\.kind == &quot;(\w+)&quot;|b\.kind == \"(\w+)\"", body))
    assert {kind for kind, _ in DOCX.values()} == {a or b for a, b in kinds}


def _every_block() -> Document:
    """One document with a block of every type (a photo panel holding a field)."""
    photo = Photo(
        (SAMPLES / "photos" / "specimen-portrait.jpg").read_bytes(), "image/jpeg", 350, 450
    )
    line, gutter = slots_captions("4", "")
    blocks = (
        Title("TITLE"),
        Text("A text."),
        heading("A", "HEADING"),
        PhotoPanel("Photo", photo, (Field("1", caption("1", "Surname"), (Run("Doe"),)),)),
        Field("2", caption("2", "Given names"), None, lines=2),
        Choices("3", caption("3", "Escorted"), (choice("yes", True), choice("no", False))),
        Slots("4", line, gutter, (Slot(None, "(signature)", role="signature"),)),
        Table(("Key", "Value"), (TableRow(((Run("k"),), None), mark="divergence", note="n"),)),
    )
    assert {type(block) for block in blocks} == BLOCK_TYPES
    return Document(
        lang=Lang.EN,
        title="Every block",
        subject="test every-block (en)",
        blocks=blocks,
        status="Status line.",
        page_label=page_label("Page {page} of {pages}"),
        metadata={"purpose": "test"},
    )


READERS = {"docx": docx_text, "html": html_text}


@pytest.mark.parametrize("fmt", formats())
def test_every_format_places_a_document_of_every_block_type(fmt: str) -> None:
    document = _every_block()
    data = backend(fmt)(document)
    text = pdf_text(data, document) if fmt == "pdf" else READERS[fmt](data)
    assert missing_in_order(list(walk_text(document)), text) is None


def test_the_registry() -> None:
    assert formats() == ("pdf", "docx", "html")
    assert set(MEDIA_TYPES) == set(formats())
    assert rf.formats() == formats() and rf.MEDIA_TYPES == MEDIA_TYPES
    with pytest.raises(rf.UnknownFormatError) as info:
        backend("odt")
    assert info.value.allowed == ("docx", "html", "pdf")
    check_options("pdf")
    with pytest.raises(rf.TemplateError):
        check_options("docx", docx_template="/nonexistent/template.docx")


def test_no_backend_sees_an_agreement_or_a_form() -> None:
    fields = {f.name for f in dataclasses.fields(Document)}
    assert not fields & {"agreement", "form", "agreement_id", "form_id"}
    document = rf.compose(rf.load_case(SAMPLES / "kz-at-family.yaml"), "readmission-request", "en")
    context = variables(document).context
    assert set(context["document"]) == {"title", "lang", "status", "draft", "page"}
    # and no backend source (nor the HTML templates) reaches for one
    sources = [*BACKENDS.rglob("*.py"), *TEMPLATES]
    for path in sources:
        code = path.read_text("utf-8")
        found = re.findall(r"\.(?:agreement|form)\b|\[\"(?:agreement|form)\"\]", code)
        assert not found, f"{path.name}: {found}"


def test_presentation_is_decided_in_composition() -> None:
    document = rf.compose(rf.load_case(SAMPLES / "kz-at-family.yaml"), "readmission-request", "en")
    fields = [b for b in document.blocks if isinstance(b, Field) and b.number]
    assert fields and all(f.caption.startswith(f"{f.number}. ") for f in fields)
    assert document.page_label == ("Page ", PAGE, " of ", PAGES)
    assert document.page_text(2, 3) == "Page 2 of 3"
    assert document.subject == "kz-at readmission-request (en)"
    assert document.metadata["purpose"] == "default" and document.metadata["purpose_note"]
    assert document.keywords == document.metadata["language_status"]
    submission = rf.compose(
        rf.load_case(SAMPLES / "kz-at-family.yaml"),
        "readmission-request",
        "en",
        purpose="submission",
    )
    assert submission.metadata["purpose"] == "submission"
    with pytest.raises(rf.LanguageNotAllowedError):
        rf.compose(
            rf.load_case(SAMPLES / "kz-at-family.yaml"),
            "readmission-request",
            "kk",
            purpose="submission",
        )


def test_page_label_tokens() -> None:
    assert page_label("{pages} беттің {page}-беті") == (PAGES, " беттің ", PAGE, "-беті")
    assert page_label("") == ()
    assert page_label("{page}") == (PAGE,)
    assert page_label("{pagesx} {page") == ("{pagesx} {page",)
