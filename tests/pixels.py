"""How much ink a viewer puts in a box of a PDF page: the page rendered by pdftoppm at 72 dpi
(one pixel a point), the dark pixels counted inside ``rect`` (PDF points, from the bottom)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from requires import require_program


def dark_pixels(
    pdf: bytes, page: int, rect: tuple[float, ...], folder: Path, *, inset: int = 0
) -> int:
    """Dark pixels in ``rect`` (x1, y1, x2, y2) of ``page`` (1-based), ``inset`` pixels in."""
    pdftoppm = require_program("pdftoppm", package="poppler-utils")
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "page.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-png", "-r", "72", "-f", str(page), "-l", str(page), path, folder / "p"],
        check=True,
    )
    (png,) = folder.glob("p*.png")
    x1, y1, x2, y2 = rect
    with Image.open(png) as image:
        height = image.height
        box = image.convert("L").crop(
            (int(x1) + inset, height - int(y2) + inset, int(x2) - inset, height - int(y1) - inset)
        )
        return sum(box.histogram()[:128])
