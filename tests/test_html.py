"""The HTML backend: a standalone, deterministic page with the document's words and metadata."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import readmit_forms as rf
from conftest import SAMPLES
from office_cases import photo, sample_dict, table_document
from readback import html_text, missing_in_order
from readmit_forms._backends.html import css_string
from readmit_forms._backends.html import render as render_html
from readmit_forms._document import walk_text
from readmit_forms._photo import load_photo

SAMPLE = SAMPLES / "kz-at-family.yaml"
FORM = "readmission-request"


def test_a_standalone_page_with_lang_title_and_metadata() -> None:
    document = rf.compose(rf.load_case(SAMPLE), FORM, "kk")
    page = render_html(document).decode("utf-8")
    assert page == render_html(document).decode("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="kk">')
    assert f"<title>{document.title}</title>" in page
    for key in document.metadata:
        assert f'<meta name="readmit-forms:{key}" content=' in page
    assert "<link" not in page and "<script" not in page and 'src="http' not in page
    assert "@media print" in page and "size: A4" in page


def test_print_margins_carry_the_status_and_the_page_label_in_the_language_order() -> None:
    document = rf.compose(rf.load_case(SAMPLE), FORM, "kk")
    page = render_html(document).decode("utf-8")
    bottom_right = re.search(r"@bottom-right \{ content: ([^;]+);", page)
    assert bottom_right is not None
    assert bottom_right.group(1) == 'counter(pages) " беттің " counter(page) "-беті"'
    assert f"@bottom-left {{ content: {css_string(document.status)};" in page


def test_css_strings_cannot_close_the_string_or_the_style_element() -> None:
    literal = css_string('a"b\\c</style><script>x</script>\n')
    assert "</style>" not in literal and "<" not in literal
    assert literal.count('"') == 2


def test_draft_watermark_only_in_a_draft() -> None:
    case = rf.load_case(SAMPLE)
    assert "draft-mark" in render_html(rf.compose(case, FORM, "en", draft=True)).decode()
    assert 'draft-mark"' not in render_html(rf.compose(case, FORM, "en")).decode()


def test_the_photo_is_embedded(tmp_path: Path) -> None:
    data = sample_dict()
    picture = photo(tmp_path / "p.jpg")
    data["person"]["photo"] = str(picture)
    page = rf.render(data, form=FORM, lang="ru", format="html").decode()
    clean = load_photo(picture)  # the copy without metadata (_photo)
    encoded = base64.b64encode(clean.data).decode()
    assert f'<img src="data:image/jpeg;base64,{encoded}"' in page


def test_a_table_block_with_widths_and_marks() -> None:
    document = table_document()
    page = render_html(document).decode()
    assert missing_in_order(walk_text(document), html_text(page.encode())) is None
    assert '<col style="width: 10.00%">' in page
    assert '<tr class="marked" data-mark="divergence">' in page
    assert "Фамилия &amp; &lt;b&gt;" in page
