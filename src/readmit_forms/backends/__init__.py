"""Output formats. Each backend is one module with ``render_<format>(document, **options)``.

The registry maps a format name to its module and function; modules are imported
only when used, so a PDF render never pays for jinja2 or docx. Adding a format is
adding a module and a line here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from .._document import Document
from .._errors import UnknownFormatError

__all__ = ["FORMATS", "MEDIA_TYPES", "backend"]

FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("readmit_forms.backends._pdf", "render_pdf"),
    "docx": ("readmit_forms.backends._docx", "render_docx"),
    "html": ("readmit_forms.backends._html", "render_html"),
}
"""format name -> (module, function)"""

MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


def backend(name: str) -> Callable[..., bytes]:
    """The render function of format ``name``, or raise `UnknownFormatError`."""
    key = str(name).strip().lower()
    if key not in FORMATS:
        raise UnknownFormatError(name, sorted(FORMATS))
    module, function = FORMATS[key]
    fn: Callable[..., bytes] = getattr(import_module(module), function)
    return fn


def render_document(document: Document, format: str, **options: Any) -> bytes:
    return backend(format)(document, **options)
