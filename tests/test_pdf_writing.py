"""The PDF objects written directly (`objects`, `writing`) and the line breaking's short
cuts: the same bytes and the same lines as the general way."""

from __future__ import annotations

import importlib
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfdoc import (
    DummyDoc,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)

import readmit_forms as rf
from conftest import SAMPLES
from readmit_forms._backends.pdf import writing
from readmit_forms._backends.pdf.fonts import BOLD, REGULAR, Style, register_fonts
from readmit_forms._backends.pdf.lines import Tick, Words, _Flow, flow, flow_after
from readmit_forms._backends.pdf.objects import HOLE, Template, dictionary, string, template

draw_module = importlib.import_module("readmit_forms._backends.pdf.draw")

_TEXT = st.text("ab Zw.,-()\\\t\r\n\xa0\u202f«»–ÄöÜßАбвӘәҢңҮүҰұ\x00\x7fŐőЎўWWWW     ", max_size=60)


@given(st.text(max_size=80))
def test_a_string_is_written_as_reportlab_writes_it(text: str) -> None:
    assert string(text) == PDFString(text).format(DummyDoc())


@given(st.dictionaries(st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,11}", fullmatch=True), st.text()))
def test_a_dictionary_is_written_as_reportlab_writes_it(entries: dict[str, str]) -> None:
    ours = dictionary({key: string(value) for key, value in entries.items()})
    theirs = PDFDictionary({key: PDFString(value) for key, value in entries.items()})
    assert ours == theirs.format(DummyDoc())  # a line break after every sixth entry too


def test_a_template_is_filled_in_the_order_of_its_holes() -> None:
    parts = template(PDFDictionary({"B": HOLE, "A": HOLE, "C": 1}))
    assert Template(parts, (b"1 0 R", b"2 0 R")).format(DummyDoc()) == (
        PDFDictionary({"A": b"1 0 R", "B": b"2 0 R", "C": 1}).format(DummyDoc())
    )
    with pytest.raises(ValueError, match="2 holes, 1 fills"):
        Template(parts, (b"1 0 R",))


_STYLES = st.sampled_from(
    [Style(REGULAR), Style(BOLD), Style(BOLD, 11.0, True), Style(REGULAR, 8.5)]
)
_PIECE = st.one_of(st.builds(Words, _TEXT, _STYLES), st.builds(Tick, st.booleans()))
_WIDTH = st.floats(10, 400)


def _greedy(pieces: list[Words | Tick], width: float, indent: float) -> list[Any]:
    wrap = _Flow(width, indent)
    for piece in pieces:
        wrap.add(piece)
    return wrap.lines_()


@settings(max_examples=300)
@given(st.builds(Words, _TEXT, _STYLES), _WIDTH, st.sampled_from([0.0, 14.0]))
def test_a_text_that_fits_has_the_lines_of_the_word_wrap(
    piece: Words, width: float, indent: float
) -> None:
    register_fonts()
    assert flow([piece], width, indent) == _greedy([piece], width, indent)


@settings(max_examples=300)
@given(st.builds(Words, _TEXT, _STYLES), st.lists(_PIECE, max_size=4), _WIDTH)
def test_a_caption_flowed_once_gives_the_lines_of_the_whole(
    label: Words, pieces: list[Words | Tick], width: float
) -> None:
    register_fonts()
    whole = _greedy([label, *pieces], width, 14.0)
    assert flow_after(label, pieces, width, 14.0) == whole
    assert flow_after(label, pieces, width, 14.0) == whole  # the kept caption is unchanged


def test_pages_and_info_are_written_as_reportlab_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A document whose pages and info reportlab formats itself (the content streams at our
    compression level) has the same bytes."""

    def reportlab_page(page: Any) -> None:
        page.Contents = PDFStream(
            PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}),
            zlib.compress(page.stream.encode("utf-8"), writing.CONTENT_LEVEL),
            filters=[],
        )

    def reportlab_info(info: Any, document: Any) -> bytes:
        strings = {key: PDFString(value) for key, value in info.entries().items()}
        formatted: bytes = PDFDictionary(strings).format(document)
        return formatted

    for lang in ("kk", "en"):  # a draft, three pages, a photo, signature fields
        case = SAMPLES / "kz-at-family.yaml"
        ours = rf.render(case, form="interview-request", lang=lang, draft=True)
        with monkeypatch.context() as patched:
            patched.setattr(draw_module, "finish_page", reportlab_page)
            patched.setattr(writing.Info, "format", reportlab_info)
            theirs = rf.render(case, form="interview-request", lang=lang, draft=True)
        assert ours == theirs
