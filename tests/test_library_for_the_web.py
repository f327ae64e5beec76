"""The public functions the workbench needed: photos as bytes, case files written, the forms
a case calls for, names of countries and languages, deadlines in words."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES, sample_paths

PHOTO = SAMPLES / "photos" / "specimen-portrait.jpg"


def _jpeg(size: tuple[int, int] = (300, 400), **save: object) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 170, 140)).save(out, "JPEG", **save)
    return out.getvalue()


def test_clean_photo_strips_metadata_and_turns_upright() -> None:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif[0x0112] = 6  # orientation: rotate 90° to show upright
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0)}
    raw = _jpeg((300, 400), exif=exif.tobytes(), comment=b"private note")
    clean, mime = rf.clean_photo(raw)
    assert mime == "image/jpeg"
    assert b"SecretCam" not in clean and b"private note" not in clean
    with Image.open(io.BytesIO(clean)) as image:
        assert image.size == (400, 300)  # upright, as the orientation said
        assert not image.getexif()


def test_clean_photo_judges_by_content_and_keeps_png() -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (50, 60), (0, 0, 0, 0)).save(out, "PNG")
    clean, mime = rf.clean_photo(out.getvalue())
    assert mime == "image/png" and clean.startswith(b"\x89PNG")
    with pytest.raises(rf.PhotoError, match="not a JPEG or PNG image"):
        rf.clean_photo(b"GIF89a" + b"\0" * 100)
    with pytest.raises(rf.PhotoError, match="not a JPEG or PNG image"):
        rf.clean_photo(b"%PDF-1.4 not a picture")


def test_clean_photo_limits() -> None:
    with pytest.raises(rf.PhotoError, match="not a JPEG or PNG image"):
        rf.clean_photo(b"")
    with pytest.raises(rf.PhotoError, match=f"at most {rf.MAX_PHOTO_BYTES}"):
        rf.clean_photo(b"\xff\xd8" + b"0" * rf.MAX_PHOTO_BYTES)
    data = PHOTO.read_bytes()
    with pytest.raises(rf.PhotoError, match="damaged or incomplete"):
        rf.clean_photo(data[: len(data) // 2])


def test_clean_photo_refuses_a_huge_picture_before_decoding_it() -> None:
    """A PNG header claiming 20,000 × 20,000 pixels, in a few hundred bytes."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)  # 400 megapixels
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 10))
    with pytest.raises(rf.PhotoError, match="20000 × 20000 pixels; at most 40 megapixels"):
        rf.clean_photo(bomb + chunk(b"IEND", b""))


def test_clean_photo_is_the_copy_the_documents_embed() -> None:
    from PIL import Image

    clean, _ = rf.clean_photo(_jpeg((1500, 2000)))
    with Image.open(io.BytesIO(clean)) as image:
        assert max(image.size) == 1200  # the photo box needs no more


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_dump_case_reads_back_the_same(path: Path, fmt: str, tmp_path: Path) -> None:
    case = rf.load_case(path)
    saved = tmp_path / f"case.{fmt}"
    text = rf.dump_case(case, fmt).replace(str(path.parent) + "/", "")
    saved.write_text(text, "utf-8")
    shutil.copytree(SAMPLES / "photos", tmp_path / "photos")  # the photo beside the file
    again = rf.load_case(saved)
    assert json.loads(again.model_dump_json()) == json.loads(
        case.model_copy(
            update={"person": case.person.model_copy(update={"photo": again.person.photo})}
        ).model_dump_json()
    )


def test_dump_case_quotes_what_would_read_as_a_number() -> None:
    text = rf.dump_case({"documents": [{"number": "045612378"}], "country": "NO"})
    assert "'045612378'" in text
    with pytest.raises(rf.UnknownFormatError):
        rf.dump_case({}, "toml")


def test_applicable_forms() -> None:
    assert rf.applicable_forms(SAMPLES / "kz-at-family.yaml") == (
        "readmission-request",
        "handover-notice",
    )
    assert rf.applicable_forms(SAMPLES / "kz-at-transit.yaml") == ("transit-request",)


def test_country_and_language_names() -> None:
    kk = rf.country_names("kk")
    assert kk["KZ"] == "Қазақстан" and "XK" not in kk and "EU" not in kk
    assert rf.country_names(rf.Lang.EN)["AT"] == "Austria"
    assert rf.language_names("ru")["kk"] == "казахский"
    with pytest.raises(rf.UnknownLanguageError):
        rf.country_names("de")


def test_deadlines_in_words_match_the_command(cli: object) -> None:
    schedule = rf.deadlines(SAMPLES / "kz-at-family.yaml", today=None)
    lines = rf.describe_schedule(schedule, "ru")
    first = rf.describe_deadline(schedule.items[0], "ru")
    assert first.lines()[0] in lines
    assert first.article == schedule.items[0].article[rf.Lang.RU]
    assert first.rule.startswith(("в течение", "не позднее"))
