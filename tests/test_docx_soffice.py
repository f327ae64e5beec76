"""The DOCX opens in LibreOffice: converted to PDF, it shows every label and value.

(Every word, in any order: LibreOffice writes the lines of table cells that stand
side by side interleaved. test_parity checks the order in the DOCX itself.)

Needs ``soffice`` (LibreOffice): skipped where it is not installed, a failure in CI
(see ``requires.py``). All documents
are converted in one LibreOffice run, with a profile of its own so that it does
not collide with another LibreOffice on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES
from docx_templates import bundled
from readback import docx_text, missing_in_order, missing_words, pdf_text
from readmit_forms._backends.docx import render as render_docx
from readmit_forms._document import walk_text
from requires import require
from test_parity import _jobs, compose_or_skip

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.soffice


@pytest.fixture(scope="module", autouse=True)
def _libreoffice() -> None:
    require(SOFFICE, "LibreOffice (soffice)", "apt-get install libreoffice-writer-nogui")


def convert(files: list[Path], target: str, folder: Path, profile: Path) -> None:
    """Convert ``files`` with LibreOffice (e.g. target "pdf" or "docx") into ``folder``."""
    assert SOFFICE is not None
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(folder),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample × form × language as DOCX, converted to PDF by LibreOffice."""
    folder = tmp_path_factory.mktemp("soffice")
    files = []
    for path, form, lang in _jobs():
        try:
            document = rf.compose(rf.load_case(path), form, lang, draft=True)
        except rf.UnknownFormError:
            continue
        file = folder / f"{path.stem}.{form}.{lang}.docx"
        file.write_bytes(render_docx(document))
        files.append(file)
    convert(files, "pdf", folder, tmp_path_factory.mktemp("profile"))
    return folder


@pytest.mark.parametrize(("path", "form", "lang"), _jobs(), ids=lambda v: getattr(v, "stem", v))
def test_libreoffice_shows_every_label_and_value(
    converted: Path, path: Path, form: str, lang: str
) -> None:
    document = compose_or_skip(path, form, lang)
    pdf = converted / f"{path.stem}.{form}.{lang}.pdf"
    assert pdf.exists(), f"LibreOffice did not convert {pdf.name}"
    # LibreOffice writes the lines of table cells that stand side by side (letterhead,
    # photo box, document details) interleaved, so this checks that every word of
    # every label and value is there, as often as it should be; test_parity checks
    # the order in the DOCX itself.
    assert missing_words(walk_text(document), pdf_text(pdf.read_bytes(), document)) == []


def test_a_template_saved_by_libreoffice_still_renders(tmp_path: Path) -> None:
    """An authority restyles the template in LibreOffice and saves it as .docx."""
    source = tmp_path / "in" / "authority.docx"
    source.parent.mkdir()
    source.write_bytes(bundled())
    convert([source], "docx:MS Word 2007 XML", tmp_path / "out", tmp_path / "profile")
    saved = tmp_path / "out" / "authority.docx"
    assert saved.read_bytes() != bundled()
    document = rf.compose(rf.load_case(SAMPLES / "kz-at-family.yaml"), "readmission-request", "kk")
    data = render_docx(document, docx_template=saved)
    assert missing_in_order(walk_text(document), docx_text(data)) is None


def test_libreoffice_keeps_the_item_before_the_signature_with_it(tmp_path: Path) -> None:
    """Lines of text pushed in before the last item move the signature block onto a new
    page at some point: the item before it always goes along (keep with next), and the
    signature's line stays with its caption (a row of slots is never broken)."""
    import dataclasses

    from pypdf import PdfReader

    from readmit_forms._document import Field, Slots, Text

    base = rf.compose(rf.load_case(SAMPLES / "kz-at-family.yaml"), "handover-notice", "en")
    signature = next(b for b in base.blocks if isinstance(b, Slots) and b.keep_with_previous)
    at = base.blocks.index(signature)
    item = base.blocks[at - 1]
    assert isinstance(item, Field)
    files = []
    for count in range(30):
        filler = tuple(Text(f"Line {i} that pushes the signature down.") for i in range(count))
        blocks = (*base.blocks[: at - 1], *filler, *base.blocks[at - 1 :])
        file = tmp_path / f"pushed{count:02d}.docx"
        file.write_bytes(render_docx(dataclasses.replace(base, blocks=blocks)))
        files.append(file)
    convert(files, "pdf", tmp_path, tmp_path / "profile")
    counts = set()
    for file in files:
        reader = PdfReader(file.with_suffix(".pdf"))
        pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
        counts.add(len(pages))
        where = {
            text: [n for n, page in enumerate(pages) if text in page]
            for text in (item.caption, *(slot.caption for slot in signature.slots))
        }
        assert all(found == where[item.caption][-1:] for found in where.values()), (
            file.name,
            where,
        )
    assert len(counts) > 1, "the signature never moved to a new page: push it further"
