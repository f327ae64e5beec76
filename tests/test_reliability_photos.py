"""Photos (reliability audit F3, F4, F9, F10): limits checked before decoding, format by
content, damage found at validate, no metadata in any output, no photo from outside the
case file's folder unless allowed."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import readmit_forms as rf
from bounded import MB, run_cli
from conftest import SAMPLES, Result
from office_cases import photo
from readmit_forms._photo import EMBED_SIDE, load_photo

FORM = "readmission-request"


def _case_with_photo(folder: Path, photo_ref: str) -> Path:
    text = (SAMPLES / "kz-at-family.yaml").read_text("utf-8")
    text = text.replace("photo: photos/specimen-portrait.jpg", f"photo: {photo_ref!r}")
    path = folder / "case.yaml"
    path.write_text(text, "utf-8")
    return path


def _codes(case: Path, **kwargs: bool) -> dict[str, str]:
    findings = rf.validate(rf.load_case(case, **kwargs))
    return {f.code: f.message() for f in findings if f.path == "person.photo"}


# -- limits, before decoding ------------------------------------------------------------


def test_a_huge_png_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    Image.new("1", (20000, 20000), 1).save(tmp_path / "big.png")
    case = _case_with_photo(tmp_path, "big.png")
    assert "photo-too-large" in _codes(case)
    result = run_cli("validate", case, timeout=60, memory=400 * MB)
    assert result.code == 1, result.err
    assert "photo-too-large" not in result.err and "Warning" not in result.err
    assert "is too large" in result.out


def test_a_jpeg_header_that_claims_a_huge_size_is_refused(tmp_path: Path) -> None:
    data = bytearray(photo(tmp_path / "p.jpg").read_bytes())
    sof = re.search(rb"\xff[\xc0\xc2]", bytes(data))
    assert sof is not None
    data[sof.start() + 5 : sof.start() + 9] = (20000).to_bytes(2, "big") * 2
    (tmp_path / "liar.jpg").write_bytes(bytes(data))
    assert "photo-too-large" in _codes(_case_with_photo(tmp_path, "liar.jpg"))


def test_a_file_over_10_mb_is_refused_unread(tmp_path: Path) -> None:
    picture = photo(tmp_path / "p.jpg")
    with picture.open("ab") as handle:
        handle.write(b"\0" * 11_000_000)
    assert "photo-too-large" in _codes(_case_with_photo(tmp_path, "p.jpg"))


def test_a_large_photo_within_the_limits_is_embedded_scaled_down(tmp_path: Path) -> None:
    Image.new("L", (6000, 4000), 128).save(tmp_path / "large.png")
    clean = load_photo(tmp_path / "large.png")
    assert (clean.width, clean.height) == (EMBED_SIDE, 800)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_photo_is_a_finding(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    case = _case_with_photo(tmp_path, device)
    result = run_cli("validate", case, "--allow-photo-outside", timeout=30)
    assert result.code == 1 and "person.photo" in result.out, (result.out, result.err)


def test_a_fifo_as_photo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "photo.jpg")
    case = _case_with_photo(tmp_path, "photo.jpg")
    result = run_cli("validate", case, timeout=30)
    assert result.code == 1 and "person.photo" in result.out
    draft = run_cli("render", case, "--form", FORM, "--lang", "en", "--draft",
                    "-o", tmp_path / "out.pdf", timeout=60)  # fmt: skip
    assert draft.code == 0, draft.err


# -- damage, format by content --------------------------------------------------------------


def test_a_truncated_jpeg_is_refused_at_validate(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    data = photo(tmp_path / "p.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    case = _case_with_photo(tmp_path, "cut.jpg")
    assert "photo-unreadable" in _codes(case)
    result = cli("render", str(case), "--form", FORM, "--lang", "en", "-o", str(tmp_path / "x"))
    assert result.code == 1 and "internal error" not in result.err
    for fmt in ("pdf", "docx", "html"):  # a draft renders, with the empty photo box
        rf.render(case, form=FORM, lang="en", format=fmt, draft=True)


@pytest.mark.parametrize("junk", [b"", b"GIF89a", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"])
def test_junk_is_unreadable(tmp_path: Path, junk: bytes) -> None:
    (tmp_path / "j.jpg").write_bytes(junk + b"\0" * 40)
    assert "photo-unreadable" in _codes(_case_with_photo(tmp_path, "j.jpg"))


def test_the_format_is_decided_by_content(tmp_path: Path) -> None:
    shutil.copy(photo(tmp_path / "p.png", kind="PNG"), tmp_path / "looks-like.jpg")
    assert load_photo(tmp_path / "looks-like.jpg").mime == "image/png"


# -- metadata ------------------------------------------------------------------------------


def _photo_with_metadata(path: Path) -> Path:
    image = Image.new("RGB", (300, 400), (200, 180, 160))
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Make"  # Make
    exif[0xA431] = "SERIAL-4711"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (43.0, 15.0, 0.0)
    image.save(path, "JPEG", exif=exif, comment=b"COMMENT-SECRET")
    return path


def _outputs(case: Path) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    for fmt in ("pdf", "docx", "html"):
        data = rf.render(case, form=FORM, lang="en", format=fmt, draft=True)
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                data = b"".join(package.read(n) for n in package.namelist() if "media" in n)
        elif fmt == "html":
            found = re.search(rb"base64,([A-Za-z0-9+/=]+)", data)
            assert found is not None
            data = base64.b64decode(found.group(1))
        blobs[fmt] = data
    return blobs


def test_no_metadata_reaches_any_output(tmp_path: Path) -> None:
    _photo_with_metadata(tmp_path / "p.jpg")
    for fmt, data in _outputs(_case_with_photo(tmp_path, "p.jpg")).items():
        for secret in (b"SpyCam", b"SERIAL-4711", b"COMMENT-SECRET", b"Exif\0\0"):
            assert secret not in data, (fmt, secret)
    clean = Image.open(io.BytesIO(load_photo(tmp_path / "p.jpg").data))
    assert not clean.getexif() and "comment" not in clean.info


def test_png_text_chunks_are_dropped(tmp_path: Path) -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "SECRET-AUTHOR")
    Image.new("RGB", (30, 40)).save(tmp_path / "p.png", pnginfo=info)
    assert b"SECRET-AUTHOR" not in load_photo(tmp_path / "p.png").data


# -- where the photo may be ---------------------------------------------------------------------


def test_a_photo_outside_the_case_folder_is_refused(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "cases").mkdir()
    photo(tmp_path / "outside.jpg")
    case = _case_with_photo(tmp_path / "cases", "../outside.jpg")
    result = cli("validate", str(case))
    assert result.code == 1
    assert "person.photo: the photo must be in the case file's folder" in result.err
    allowed = cli("validate", str(case), "--allow-photo-outside")
    assert allowed.code == 0, allowed.err
    assert rf.load_case(case, allow_photo_outside=True).person.photo is not None


def test_an_absolute_path_or_a_symlink_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    outside = photo(tmp_path / "outside.jpg")
    for ref in (str(outside), "link.jpg"):
        (tmp_path / "cases" / "link.jpg").unlink(missing_ok=True)
        (tmp_path / "cases" / "link.jpg").symlink_to(outside)
        with pytest.raises(rf.CaseSchemaError, match=r"person\.photo"):
            rf.load_case(_case_with_photo(tmp_path / "cases", ref))


def test_a_photo_in_a_subfolder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    photo(tmp_path / "photos" / "p.jpg")
    assert not _codes(_case_with_photo(tmp_path, "photos/p.jpg"))
