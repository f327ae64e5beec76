"""The PDF backend's per-process work: font subsets made once and written as ready streams,
the photo's image made once per content. What a document holds must not depend on it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from PIL import Image

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from readmit_forms._backends.pdf.fonts import REPERTOIRE

FORM = "readmission-request"


def _case(photo: Path | None = None, **person: Any) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / "kz-at-family.yaml").read_text("utf-8"))
    data["person"]["photo"] = str(photo or SAMPLES / data["person"]["photo"])
    data["person"].update(person)
    return data


def _fonts(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return sorted(
            {str(font.BaseFont) for page in opened.pages for font in page.Resources.Font.values()}
        )


def test_a_document_embeds_only_the_ready_subsets_it_uses() -> None:
    fonts = _fonts(rf.render(SAMPLES / "kz-at-family.yaml", form=FORM, lang="kk"))
    assert fonts == [
        "/AAAAAA+LiberationSerif",
        "/AAAAAA+LiberationSerif-Bold",
        "/AAAAAA+LiberationSerif-Italic",
    ]


def test_letters_of_every_subset_and_beyond_read_back() -> None:
    # ő (Hungarian) and ў (Belarusian) are in the second ready subset; ệ and Ω in none
    names = ["Gyöngyvér Ősz", "Янка Ўладзіміравіч", "Nguyễn Thị Ệ Ω"]
    pdf = rf.render(_case(given_names=names), form=FORM, lang="en")
    text = pdf_text(pdf)
    for name in names:
        assert name in text
    assert "/AAAAAB+LiberationSerif-Bold" in _fonts(pdf)  # the second ready subset
    assert "/AAAAAC+LiberationSerif-Bold" in _fonts(pdf)  # made for this document


def test_the_bytes_do_not_depend_on_what_the_process_rendered_before() -> None:
    def render(case: Any, lang: str) -> bytes:
        return rf.render(case, form=FORM, lang=lang)

    unusual = _case(given_names=["Nguyễn Thị Ệ Ω"])
    first = render(SAMPLES / "kz-at-family.yaml", "ru")
    render(unusual, "en")
    render(SAMPLES / "kz-by-family.yaml", "kk")
    assert render(SAMPLES / "kz-at-family.yaml", "ru") == first
    script = (
        "import sys, readmit_forms as rf; sys.stdout.buffer.write(rf.render("
        f"{str(SAMPLES / 'kz-at-family.yaml')!r}, form={FORM!r}, lang='ru'))"
    )
    fresh = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert fresh.stdout == first


def test_the_repertoire_covers_the_forms_own_letters() -> None:
    kazakh = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
    assert set(kazakh) <= set(REPERTOIRE[0])
    assert set("«»–—№\u202f") <= set(REPERTOIRE[0])


def _image(pdf: bytes) -> tuple[pikepdf.Dictionary, Image.Image]:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        (xobject,) = opened.pages[0].Resources.XObject.values()
        return pikepdf.Dictionary(xobject.stream_dict), pikepdf.PdfImage(xobject).as_pil_image()


def test_a_jpeg_photo_goes_in_as_it_is() -> None:
    pdf = rf.render(SAMPLES / "kz-at-family.yaml", form=FORM, lang="en")
    entries, _ = _image(pdf)
    assert entries.Filter == "/DCTDecode"


@pytest.mark.parametrize("mode", ["RGB", "L", "RGBA"])
def test_a_png_photo_keeps_its_pixels(tmp_path: Path, mode: str) -> None:
    picture = Image.new(
        mode, (70, 90), {"RGB": (200, 30, 40), "L": 90, "RGBA": (0, 90, 200, 128)}[mode]
    )
    picture.paste(Image.new(mode, (20, 20)), (10, 10))  # a black square (clear, for RGBA)
    picture.save(tmp_path / "p.png")
    pdf = rf.render(_case(tmp_path / "p.png"), form=FORM, lang="en")
    entries, drawn = _image(pdf)
    assert entries.Filter == "/FlateDecode"
    if mode == "RGBA":
        assert "/SMask" in entries  # the alpha channel as the image's soft mask
        assert drawn.mode == "RGBA" and drawn.tobytes() == picture.tobytes()
    else:
        assert "/DecodeParms" in entries  # the PNG's own data, not decoded to be drawn
        assert drawn.tobytes() == picture.tobytes()
