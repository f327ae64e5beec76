"""PDF, DOCX and HTML carry the same text: every label and value, in the same order.

For every sample, every form of its agreement and every language, the texts that
``walk_text`` yields for the composed document must occur, in that order, in the
text read back from each format. No format can drop, add or reorder an item
without this failing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import sample_paths
from readback import docx_text, html_text, missing_in_order, pdf_text
from readmit_forms._backends import backend
from readmit_forms._document import Document, walk_text


def _jobs() -> list[tuple[Path, str, str]]:
    jobs = []
    for path in sample_paths():
        case = rf.load_case(path)
        for form in rf.get_agreement(case.agreement).form_ids:
            jobs += [(path, form, lang) for lang in ("kk", "ru", "en")]
    return jobs


def compose_or_skip(path: Path, form: str, lang: str) -> Document:
    try:
        return rf.compose(rf.load_case(path), form, lang, draft=True)
    except rf.UnknownFormError:
        pytest.skip(f"{form}: no form structure for this agreement yet")


@pytest.mark.slow
@pytest.mark.parametrize(("path", "form", "lang"), _jobs(), ids=lambda v: getattr(v, "stem", v))
def test_every_format_carries_the_same_text(path: Path, form: str, lang: str) -> None:
    document = compose_or_skip(path, form, lang)
    items = list(walk_text(document))
    assert len(items) > 20
    texts = {
        "pdf": pdf_text(backend("pdf")(document), document),
        "docx": docx_text(backend("docx")(document)),
        "html": html_text(backend("html")(document)),
    }
    for fmt, text in texts.items():
        problem = missing_in_order(items, text)
        assert problem is None, f"{fmt}: {problem}"


def test_the_check_notices_a_dropped_or_moved_item() -> None:
    assert missing_in_order(["a", "b"], "a x b") is None
    assert missing_in_order(["a  b"], "a\nb") is None
    assert "missing" in (missing_in_order(["a", "c"], "a b") or "")
    assert "out of order" in (missing_in_order(["b", "a"], "a b") or "")
