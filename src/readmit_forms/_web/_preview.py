"""Pages of a PDF as pictures, for the preview: what the form looks like when printed."""

from __future__ import annotations

import base64
import io
import threading

__all__ = ["page_images"]

_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one document at a time


def page_images(pdf: bytes, *, width: int = 900, limit: int = 20) -> list[str]:
    """The first ``limit`` pages of ``pdf`` as PNG data URLs, ``width`` pixels wide."""
    import pypdfium2 as pdfium

    images = []
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(min(len(document), limit)):
                page = document[index]
                scale = width / page.get_width()
                picture = page.render(scale=scale).to_pil()
                page.close()
                out = io.BytesIO()
                picture.save(out, "PNG")
                images.append("data:image/png;base64," + base64.b64encode(out.getvalue()).decode())
        finally:
            document.close()
    return images
