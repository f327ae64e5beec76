"""The PDF layout as data: where every item, blank, signature and seal is, without a canvas.

`lay_out` is what drawing paints and what fillable fields and signature fields (issue 13
part B) are made from, so these tests read its boxes directly.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES, sample_paths
from readmit_forms._backends import pdf
from readmit_forms._backends.pdf.boxes import Area, Box, Dots, Image, Row
from readmit_forms._backends.pdf.fonts import PLAIN, register_fonts, width_of
from readmit_forms._backends.pdf.layout import BOTTOM, LEFT, PAGE_W, RIGHT, Layout
from readmit_forms._backends.pdf.lines import Tick, Words, flow
from readmit_forms._backends.pdf.pages import BODY_TOP, Laid, lay_out, paginate
from readmit_forms._document import Block, Field, Run, Slots, Text, plain
from readmit_forms._presentation import caption

FAMILY = SAMPLES / "kz-at-family.yaml"


def _composed(path: Path, form: str, lang: str) -> rf.Document:
    return rf.compose(rf.load_case(path), form, lang, draft=True)


def _laid(path: Path, form: str, lang: str) -> Laid:
    return lay_out(_composed(path, form, lang))


def test_layout_needs_no_canvas(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_canvas(*args: object, **kwargs: object) -> None:
        raise AssertionError("the layout drew")

    monkeypatch.setattr("reportlab.pdfgen.canvas.Canvas.__init__", no_canvas)
    laid = _laid(FAMILY, "readmission-request", "ru")
    assert len(laid.pages) >= 2 and all(laid.pages)


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_box_lies_in_the_body_of_its_page(path: Path) -> None:
    case = rf.load_case(path)
    for form in rf.get_agreement(case.agreement).form_ids:
        laid = _laid(path, form, "kk")
        floor = BOTTOM + laid.footer_height
        for number, page in enumerate(laid.pages, start=1):
            for box in page:
                assert box.page == number and box.block is not None
                assert box.x >= LEFT - 0.01 and box.x + box.width <= PAGE_W - RIGHT + 0.01, box
                top = box.y + (box.height if not isinstance(box.what, Words | Tick) else 0)
                assert floor - 0.01 <= box.y - 3.5 and top <= BODY_TOP + 0.01, (form, box)


def test_the_words_of_the_boxes_are_the_words_of_the_document() -> None:
    document = _composed(FAMILY, "readmission-request", "en")
    laid = lay_out(document)
    laid_text = " ".join(box.what.text for box in laid.boxes() if isinstance(box.what, Words))
    for field in (b for b in document.blocks if isinstance(b, Field) and b.value):
        for word in plain(field.value).split():
            assert word in laid_text


def test_a_missing_value_has_its_blank_lines_and_its_block() -> None:
    document = _composed(SAMPLES / "kz-at-no-documents.yaml", "readmission-request", "en")
    laid = lay_out(document)
    blanks = laid.blanks()
    assert blanks and all(box.height == 0 and box.width > 50 for box in blanks)
    empty = [
        b for b in _blocks(document.blocks) if isinstance(b, Field) and not b.value and b.lines
    ]
    assert empty
    for field in empty:
        mine = [box for box in blanks if box.block is field]
        assert len(mine) == max(field.lines, 1), field.caption
        order = [(box.page, -box.y) for box in mine]
        assert order == sorted(order)  # top to bottom, page after page


def _blocks(blocks: tuple[Block, ...]) -> list[Block]:
    return [inner for block in blocks for inner in (block, *_blocks(getattr(block, "blocks", ())))]


@pytest.mark.parametrize(
    ("path", "form"),
    [
        (SAMPLES / "kz-at-family.yaml", "readmission-request"),
        (SAMPLES / "kz-hu-overstay.yaml", "readmission-request"),
        (SAMPLES / "kz-by-family.yaml", "readmission-request"),
    ],
    ids=lambda v: getattr(v, "stem", v),
)
def test_the_signature_and_the_seal_have_their_places(path: Path, form: str) -> None:
    laid = _laid(path, form, "ru")
    signatures, seals = laid.places("signature"), laid.places("seal")
    assert signatures and seals, [box.what for box in laid.places()]
    last = len(laid.pages)
    official = signatures[-1]
    assert official.page == last and official.width > 100 and official.height >= 13
    # the signature line is the blank inside the signature's place
    line = [
        b for b in laid.blanks() if b.block is official.block and b.what.slot == official.what.slot
    ]
    assert len(line) == 1
    assert official.x == line[0].x and official.y <= line[0].y <= official.y + official.height
    assert all(seal.page == last for seal in seals)


def test_the_signature_never_starts_a_page_alone() -> None:
    """Text before the signature block grows until the block would open a new page: the
    item before it moves with it."""
    base = rf.compose(rf.load_case(FAMILY), "readmission-request", "en")
    signature = next(b for b in base.blocks if isinstance(b, Slots) and b.keep_with_previous)
    at = base.blocks.index(signature)
    pages = len(lay_out(base).pages)
    for count in range(1, 80):
        filler = tuple(Text(f"Line {i}.") for i in range(count))
        blocks = (*base.blocks[: at - 1], *filler, *base.blocks[at - 1 :])
        laid = lay_out(dataclasses.replace(base, blocks=blocks))
        if len(laid.pages) > pages:
            break
    else:  # pragma: no cover
        raise AssertionError("the signature never moved to a new page")
    first_on_last_page = laid.pages[-1][0].block
    assert first_on_last_page is base.blocks[at - 1]  # the item before, not the signature
    assert all(box.page == len(laid.pages) for box in laid.places("signature"))


def test_a_long_value_flows_onto_the_next_page_in_order() -> None:
    words = [f"word{i:04d}" for i in range(900)]
    field = Field("1", caption("1", "Notes"), (Run(" ".join(words)),))
    base = rf.compose(rf.load_case(FAMILY), "readmission-request", "en")
    laid = lay_out(dataclasses.replace(base, blocks=(field,)))
    assert len(laid.pages) >= 2
    shown = " ".join(
        b.what.text for b in laid.boxes() if isinstance(b.what, Words) and b.block is field
    )
    assert shown.split()[2:] == words  # after "1." "Notes"
    for page in laid.pages:
        ys = [box.y for box in page if isinstance(box.what, Words)]
        assert ys == sorted(ys, reverse=True)  # top to bottom


def test_the_photo_box_is_beside_the_first_items() -> None:
    laid = _laid(FAMILY, "readmission-request", "kk")
    (image,) = [box for box in laid.boxes() if isinstance(box.what, Image)]
    assert image.page == 1 and image.x + image.width <= PAGE_W - RIGHT
    assert abs(image.width / image.height - 350 / 450) < 0.01


def test_line_breaking() -> None:
    register_fonts()
    lines = flow([Words("alpha beta gamma delta")], width_of("alpha beta gamma", PLAIN) - 1)
    assert [[spot.what.text for spot in line] for line in lines] == [
        ["alpha beta"],
        ["gamma delta"],
    ]
    long = flow([Words("x" * 200)], 100.0)
    assert len(long) > 1 and all(width_of(line[0].what.text, PLAIN) <= 100 for line in long)
    assert len(flow([Words("one\ntwo")], 500.0)) == 2
    ticks = flow([Tick(True), Words("yes"), Tick(False), Words("no")], 500.0)
    assert [type(spot.what) for spot in ticks[0]] == [Tick, Words, Tick, Words]
    assert [spot.x for spot in ticks[0]] == sorted(spot.x for spot in ticks[0])


def test_pagination_keeps_kept_rows_together() -> None:
    rows = [Row(10.0, keep_with_next=i % 2 == 0) for i in range(6)]  # groups of two
    pages = paginate(rows, 45.0)
    assert [len(page) for page in pages] == [4, 2]  # never a pair apart
    rows = [Row(10.0, keep_with_next=i % 3 != 2) for i in range(9)]  # groups too tall: 30 > 25
    pages = paginate(rows, 25.0)
    assert [row for page in pages for row in page] == rows  # they break, nothing lost
    assert all(sum(row.height for row in page) <= 25.0 for page in pages)


def test_a_text_with_a_role_marks_its_place() -> None:
    layout = Layout()
    rows = layout.rows((Text("М.П.", role="seal"),))
    (area,) = [item for row in rows for item in row.items if isinstance(item.what, Area)]
    assert area.what.role == "seal" and area.height == rows[0].height


def test_dots_of_a_slot_name_their_slot() -> None:
    laid = _laid(FAMILY, "readmission-request", "en")
    slots = [b for b in laid.blanks() if isinstance(b.block, Slots)]
    assert slots and all(isinstance(b.what, Dots) and b.what.slot is not None for b in slots)


def test_threads_render_the_same_bytes() -> None:
    """reportlab subsets the shared fonts through one file cursor: saving is one at a time."""
    documents = [
        rf.compose(rf.load_case(path), "readmission-request", lang, draft=True)
        for path, lang in itertools.product(sample_paths()[:4], ("kk", "ru"))
    ]
    alone = [pdf.render(document) for document in documents]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    try:
        with ThreadPoolExecutor(8) as pool:
            together = list(pool.map(pdf.render, documents * 2))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 2


def test_boxes_are_plain_data() -> None:
    laid = _laid(FAMILY, "handover-notice", "en")
    box = laid.pages[0][0]
    assert isinstance(box, Box) and box._fields == (
        "page",
        "x",
        "y",
        "width",
        "height",
        "what",
        "block",
    )
