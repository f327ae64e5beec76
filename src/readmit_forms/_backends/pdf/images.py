"""The photo as a PDF image, made once per content and written into each document as is.

A photo is the clean copy `_photo` made (JPEG, or 8-bit PNG without interlacing). Its
image stream is prepared once per distinct content (a small cache keyed by the bytes'
SHA-256) and never decoded to be drawn:

- a JPEG goes in as it is (``/DCTDecode``);
- a gray or RGB PNG goes in as its own compressed data (``/FlateDecode`` with the PNG
  predictors), without decoding and compressing it again;
- a PNG with transparency is decoded once, its colour and its alpha channel (the soft
  mask) compressed once each.
"""

from __future__ import annotations

import hashlib
import io
import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfdoc

from ..._document import Photo
from .objects import HOLE, Ready, Template, template

__all__ = ["ReadyImage", "image_stream", "ready_image"]

_MOST = 8
"""Images kept ready at most (the photos of the cases being rendered)."""


@dataclass(frozen=True, slots=True)
class ReadyImage:
    """An image XObject's entries and compressed data (and those of its soft mask), and
    the stream formatted (`objects.template`: a hole for the soft mask's reference)."""

    name: str
    entries: tuple[tuple[str, Any], ...]
    data: bytes
    mask: ReadyImage | None = None
    formatted: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        entries: dict[str, Any] = {
            "Type": pdfdoc.PDFName("XObject"),
            "Subtype": pdfdoc.PDFName("Image"),
            **dict(self.entries),
            "Length": len(self.data),
        }
        if self.mask is not None:
            entries["SMask"] = HOLE
        *head, tail = template(pdfdoc.PDFDictionary(entries))
        stream = tail + b"\nstream\n" + self.data + b"endstream\n"
        object.__setattr__(self, "formatted", (*head, stream))


_READY: OrderedDict[bytes, ReadyImage] = OrderedDict()
_LOCK = threading.Lock()


def ready_image(photo: Photo) -> ReadyImage:
    """The image stream of ``photo``, made the first time its content is seen."""
    key = hashlib.sha256(photo.data).digest()
    with _LOCK:
        found = _READY.get(key)
        if found is not None:
            _READY.move_to_end(key)
            return found
    found = _prepare(photo, key.hex()[:32])
    with _LOCK:
        _READY[key] = found
        while len(_READY) > _MOST:
            _READY.popitem(last=False)
    return found


def image_stream(image: ReadyImage, document: Any) -> Any:
    """The stream object of ``image`` for ``document`` (its soft mask referenced in it)."""
    if image.mask is None:
        return Ready(image.formatted[0])
    return Template(image.formatted, (document.Reference(image_stream(image.mask, document)),))


def _entries(width: int, height: int, space: str, filters: str, **more: Any) -> tuple[Any, ...]:
    return (
        ("Width", width),
        ("Height", height),
        ("ColorSpace", pdfdoc.PDFName(space)),
        ("BitsPerComponent", 8),
        ("Filter", pdfdoc.PDFName(filters)),
        *more.items(),
    )


def _prepare(photo: Photo, name: str) -> ReadyImage:
    from PIL import Image  # only when a document has a photo

    with Image.open(io.BytesIO(photo.data)) as opened:
        mode = opened.mode  # read from the header, nothing decoded
        if photo.mime == "image/jpeg" and mode in ("L", "RGB"):
            space = "DeviceGray" if mode == "L" else "DeviceRGB"
            entries = _entries(photo.width, photo.height, space, "DCTDecode")
            return ReadyImage(name, entries, photo.data)
        idat = _png_data(photo.data) if mode in ("L", "RGB") else None
        if idat is not None:
            colours = 1 if mode == "L" else 3
            space = "DeviceGray" if mode == "L" else "DeviceRGB"
            parameters = pdfdoc.PDFDictionary(
                {"Predictor": 15, "Colors": colours, "BitsPerComponent": 8, "Columns": photo.width}
            )
            entries = _entries(
                photo.width, photo.height, space, "FlateDecode", DecodeParms=parameters
            )
            return ReadyImage(name, entries, idat)
        picture = opened.convert("RGBA" if "A" in mode or "transparency" in opened.info else "RGB")
    mask = None
    if picture.mode == "RGBA":
        alpha = picture.getchannel("A")
        data = zlib.compress(alpha.tobytes())
        mask = ReadyImage(
            name + "-mask", _entries(photo.width, photo.height, "DeviceGray", "FlateDecode"), data
        )
        picture = picture.convert("RGB")
    entries = _entries(photo.width, photo.height, "DeviceRGB", "FlateDecode")
    return ReadyImage(name, entries, zlib.compress(picture.tobytes()), mask)


def _png_data(data: bytes) -> bytes | None:
    """The compressed image data of an 8-bit, non-interlaced PNG (None for another)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    index, chunks = 8, []
    while index + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[index : index + 8])
        body = data[index + 8 : index + 8 + length]
        if kind == b"IHDR" and (body[8] != 8 or body[12] != 0):
            return None  # bit depth other than 8, or interlaced
        if kind == b"IDAT":
            chunks.append(body)
        if kind == b"IEND":
            break
        index += 12 + length
    return b"".join(chunks) or None
