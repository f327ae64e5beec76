"""The person's photograph: where it may be, what it may be, and the clean copy embedded.

A photo is read like any input file (`_files`: a regular file only, never
blocking, at most `MAX_BYTES`). Its format is decided by its content (the PNG
or JPEG signature), not by its name, and its pixel size is read from the file
header and checked against `MAX_PIXELS` *before* anything is decoded, so a
small file claiming 20000 × 20000 pixels costs nothing. It is then decoded in
full, so a truncated or corrupt image is refused when the case is validated,
not later when a backend draws it.

What the documents embed is a fresh copy: turned upright by its EXIF
orientation, scaled down to `EMBED_SIDE` pixels at most (the photo box is
35 × 45 mm), and re-encoded without any metadata — no EXIF (GPS position,
camera serial number), no comment, no text chunks, no ICC profile — so that
the same clean bytes go into PDF, DOCX and HTML.

A case file names its photo relative to itself; a photo outside the case
file's folder is refused unless the caller allows it (``--allow-photo-outside``,
``load_case(..., allow_photo_outside=True)``): a case received from someone
else must not pull another image from this machine into a document sent out.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections import OrderedDict
from pathlib import Path
from threading import Lock
from typing import Literal

from ._document import Photo
from ._errors import PhotoError
from ._files import FileProblem, read_regular_file

__all__ = [
    "EMBED_SIDE",
    "MAX_BYTES",
    "MAX_PIXELS",
    "PhotoProblem",
    "clean_photo",
    "load_photo",
    "photo_inside",
    "read_photo",
]

MAX_BYTES = 10_000_000
"""The largest photo file read (10 MB); a passport photo has well under 1 MB."""

MAX_PIXELS = 40_000_000
"""The most pixels a photo may have (40 megapixels, e.g. 7,300 × 5,500)."""

EMBED_SIDE = 1200
"""The longest side, in pixels, of the copy embedded in the documents (about 680 dpi)."""

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# Start-of-frame markers (the ones that carry the picture's size), ITU T.81 Table B.1.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_STANDALONE = {0x01, *range(0xD0, 0xD9)}


class PhotoProblem(Exception):
    """Why a photo cannot be used: ``kind`` is "unreadable" or "too-large"."""

    def __init__(self, kind: Literal["unreadable", "too-large"], reason: str) -> None:
        self.kind = kind
        self.reason = reason
        super().__init__(reason)


def _unreadable(reason: str) -> PhotoProblem:
    return PhotoProblem("unreadable", reason)


def _header_size(data: bytes) -> tuple[Literal["PNG", "JPEG"], int, int]:
    """The format and pixel size a PNG or JPEG file states in its header."""
    if data.startswith(_PNG):
        if data[12:16] != b"IHDR" or len(data) < 24:
            raise _unreadable("the PNG file has no image header")
        width, height = struct.unpack(">II", data[16:24])
        return "PNG", width, height
    if data.startswith(_JPEG):
        index = 2
        while index + 4 <= len(data):
            if data[index] != 0xFF:
                raise _unreadable("the JPEG file is damaged")
            marker = data[index + 1]
            if marker == 0xFF:  # fill byte
                index += 1
                continue
            if marker in _STANDALONE:
                index += 2
                continue
            (length,) = struct.unpack(">H", data[index + 2 : index + 4])
            if marker in _SOF:
                if index + 9 > len(data):
                    break
                height, width = struct.unpack(">HH", data[index + 5 : index + 9])
                return "JPEG", width, height
            if marker == 0xDA or length < 2:  # image data before any frame header
                break
            index += 2 + length
        raise _unreadable("the JPEG file has no frame header")
    raise _unreadable("the file is not a JPEG or PNG image")


def _clean_copy(data: bytes, kind: Literal["PNG", "JPEG"], width: int, height: int) -> Photo:
    from PIL import Image, ImageOps  # only when a case has a photo

    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as image:
            if image.size != (width, height):
                raise _unreadable(f"the {kind} file states two different sizes")
            image.load()  # decodes all of it: a truncated or corrupt file fails here
            upright = ImageOps.exif_transpose(image)
    except PhotoProblem:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise _unreadable(f"the {kind} image is damaged or incomplete") from exc
    except Image.DecompressionBombError as exc:  # not reached: the size is checked first
        raise PhotoProblem("too-large", "the image has too many pixels") from exc
    if kind == "JPEG":
        mode = "L" if upright.mode in ("1", "L", "I", "I;16", "F") else "RGB"
    else:
        transparent = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
        mode = "RGBA" if transparent else "RGB" if upright.mode not in ("1", "L") else "L"
    picture = upright.convert(mode)
    if max(picture.size) > EMBED_SIDE:
        picture.thumbnail((EMBED_SIDE, EMBED_SIDE), Image.Resampling.LANCZOS)
    picture.info.clear()  # no EXIF, comment, text chunk or ICC profile is written
    out = io.BytesIO()
    if kind == "JPEG":
        picture.save(out, "JPEG", quality=92)
        mime: Literal["image/jpeg", "image/png"] = "image/jpeg"
    else:
        picture.save(out, "PNG", compress_level=9)
        mime = "image/png"
    return Photo(out.getvalue(), mime, picture.width, picture.height)


_CACHE: OrderedDict[bytes, Photo | PhotoProblem] = OrderedDict()
_CACHE_LOCK = Lock()
_CACHE_SIZE = 8


def _prepared(data: bytes) -> Photo:
    """The clean copy of the image ``data`` (made once per distinct content)."""
    key = hashlib.sha256(data).digest()
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
    if found is None:
        try:
            kind, width, height = _header_size(data)
            if width < 1 or height < 1:
                raise _unreadable("the image has no pixels")
            if width * height > MAX_PIXELS:
                raise PhotoProblem(
                    "too-large",
                    f"{width} × {height} pixels; at most {MAX_PIXELS // 1_000_000} megapixels",
                )
            found = _clean_copy(data, kind, width, height)
        except PhotoProblem as problem:
            found = problem
        with _CACHE_LOCK:
            _CACHE[key] = found
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    if isinstance(found, PhotoProblem):
        raise PhotoProblem(found.kind, found.reason)
    return found


def load_photo(path: Path) -> Photo:
    """The clean copy of the photo at ``path``; `PhotoProblem` says why it cannot be used."""
    try:
        data = read_regular_file(path, MAX_BYTES)
    except FileProblem as exc:
        kind: Literal["unreadable", "too-large"] = (
            "too-large" if "at most" in str(exc) else "unreadable"
        )
        raise PhotoProblem(kind, str(exc)) from None
    return _prepared(data)


def read_photo(path: Path) -> Photo | None:
    """The clean copy of the photo at ``path``, or None when it cannot be used."""
    try:
        return load_photo(path)
    except PhotoProblem:
        return None


def clean_photo(data: bytes) -> tuple[bytes, str]:
    """The clean copy of a photo given as bytes (an upload), with its media type.

    The same checks and the same copy as for a case's photo file; raises `PhotoError`
    naming the rule the photo breaks.
    """
    if len(data) > MAX_BYTES:
        raise PhotoError(f"the photo has {len(data)} bytes; at most {MAX_BYTES} are read")
    try:
        photo = _prepared(data)
    except PhotoProblem as problem:
        raise PhotoError(problem.reason) from None
    return photo.data, photo.mime


def photo_inside(photo: Path, folder: Path) -> bool:
    """Whether ``photo`` (symlinks followed) lies in ``folder`` or below it."""
    try:
        return photo.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return False
