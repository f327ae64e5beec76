"""Photos handed in as bytes (an upload): checked, then re-encoded without their metadata.

The checks, in order: the size in bytes; the format by content (JPEG or PNG, whatever
the file is called); the pixel count, read from the header before anything is decoded
(a small file can claim a huge picture); the whole picture decoded (a truncated or
corrupt file is refused here, not later at render). The picture is then turned upright
as its EXIF orientation says and written anew, which drops EXIF (GPS position, camera,
times), comments, XMP and ICC data: none of it is needed to print a photo box.
"""

from __future__ import annotations

import io
import warnings

from ._errors import PhotoError

__all__ = ["MAX_PHOTO_BYTES", "MAX_PHOTO_PIXELS", "clean_photo"]

MAX_PHOTO_BYTES = 8_000_000
"""The largest photo file accepted, in bytes."""

MAX_PHOTO_PIXELS = 25_000_000
"""The largest picture accepted, in pixels (width × height)."""

_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


def clean_photo(data: bytes, *, max_side: int | None = None) -> tuple[bytes, str]:
    """Check ``data`` as a case photo and return it without metadata, with its media type.

    ``max_side`` scales a larger picture down so that neither side exceeds it (a form's
    photo box is 35 × 45 mm: 600 pixels print it at more than 300 dpi).
    Raises `PhotoError` naming the rule that the photo breaks.
    """
    if not data:
        raise PhotoError("the file is empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError(f"the file has {len(data)} bytes; at most {MAX_PHOTO_BYTES} are allowed")
    from PIL import Image, ImageOps, UnidentifiedImageError

    too_many = f"the picture has more than {MAX_PHOTO_PIXELS} pixels"
    try:
        with warnings.catch_warnings():
            # Pillow's own alarm for a huge picture, which is ours to refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=tuple(_FORMATS)) as probe:
                kind = str(probe.format)
                width, height = probe.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoError(too_many) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PhotoError("not a JPEG or PNG picture (judged by its content)") from None
    if width * height > MAX_PHOTO_PIXELS:
        raise PhotoError(
            f"the picture has {width} × {height} pixels; at most {MAX_PHOTO_PIXELS} are allowed"
        )
    try:
        with Image.open(io.BytesIO(data), formats=(kind,)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoError("the picture is truncated or corrupt") from None
    if max_side is not None and max(upright.size) > max_side:
        upright.thumbnail((max_side, max_side))
    upright.info = {}  # Pillow would write a JPEG comment or PNG text it read back out
    out = io.BytesIO()
    if kind == "JPEG":
        if upright.mode not in ("L", "RGB"):
            upright = upright.convert("RGB")
        upright.save(out, "JPEG", quality=92)
    else:
        if upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            upright = upright.convert("RGBA")
        upright.save(out, "PNG", optimize=True)
    return out.getvalue(), _FORMATS[kind]
