"""Goldens: the text read back from every sample PDF, kept as plain text you can read in a diff.

Regenerate after an intended change with ``python -m pytest tests/test_goldens.py --update-goldens``
and review the diff of tests/goldens/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import pdf_text, sample_jobs

GOLDENS = Path(__file__).resolve().parent / "goldens" / "pdf"


def normalise(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


@pytest.mark.parametrize(
    "path, form, lang", sample_jobs(), ids=lambda v: v.stem if isinstance(v, Path) else v
)
def test_pdf_text_matches_golden(path: Path, form: str, lang: str, update_goldens: bool) -> None:
    draft = any(f.is_error for f in rf.validate(path, form))  # incomplete for this form
    data = rf.render(path, form=form, lang=lang, draft=draft)
    text = normalise(pdf_text(data))
    golden = GOLDENS / f"{path.stem}.{form}.{lang}.txt"
    if update_goldens or not golden.exists():
        if not update_goldens:
            pytest.fail(f"no golden {golden.name}; run pytest --update-goldens and review it")
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, "utf-8")
        return
    assert text == golden.read_text("utf-8"), f"{golden.name} differs (pytest --update-goldens)"
