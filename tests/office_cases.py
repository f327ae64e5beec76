"""Cases built in tests: the sample as a dict to change, a small photo, a hand-made document."""

from __future__ import annotations

import copy
import io
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from conftest import SAMPLES
from readmit_forms._document import Document, Run, Table, TableRow, Text, Title
from readmit_forms._lang import Lang
from readmit_forms._presentation import heading, page_label


@cache
def _sample() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SAMPLES / "kz-at-family.yaml").read_text("utf-8"))
    return data


def sample_dict() -> dict[str, Any]:
    """The KZ–AT family sample as a fresh dict (a photo path made absolute)."""
    data = copy.deepcopy(_sample())
    photo = data["person"].get("photo")
    if photo and not Path(photo).is_absolute():
        data["person"]["photo"] = str(SAMPLES / photo)
    return data


def photo(path: Path, size: tuple[int, int] = (350, 450), kind: str = "JPEG") -> Path:
    """Write a small portrait picture (JPEG or PNG) and return its path."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (200, 210, 225))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.18, w * 0.7, h * 0.5), fill=(230, 190, 160))
    draw.rectangle((w * 0.2, h * 0.58, w * 0.8, h), fill=(60, 70, 110))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    path.write_bytes(buffer.getvalue())
    return path


def table_document() -> Document:
    """A document with a Table block (as the translators' proof uses), one row marked."""
    return Document(
        lang=Lang.EN,
        title="Proof",
        subject="kz-at readmission-request (en)",
        blocks=(
            Title("Translators' proof"),
            heading("A", "Items"),
            Text("Rows in grey differ between the languages.", italic=True, small=True),
            Table(
                header=("Key", "kk", "ru", "en"),
                rows=(
                    TableRow(
                        (((Run("A.1"),)), (Run("Т.А.Ә."),), (Run("ФИО"),), (Run("Full name"),))
                    ),
                    TableRow(
                        ((Run("A.2"),), None, (Run("Фамилия & <b>"),), (Run("Surname"),)),
                        mark="divergence",
                        note="kk missing",
                    ),
                ),
                widths=(1.0, 3.0, 3.0, 3.0),
            ),
        ),
        status="Language of this document: English.",
        page_label=page_label("Page {page} of {pages}"),
        metadata={"agreement": "kz-at"},
    )
