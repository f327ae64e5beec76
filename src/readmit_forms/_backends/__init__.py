"""Output formats: each backend is one module that places a composed `Document`.

A backend module has ``render(document, **options) -> bytes``, and may have
``check_options(**options)`` to refuse bad options before any work. Its ``HANDLERS``
is its one table from block type to handler (a test checks that every block type is
in every format's table), and it formats nothing: captions, headings, glyphs, page
labels and properties come composed. Adding a format is adding such a module and its
line in `_FORMATS` (see ARCHITECTURE.md, "How to add a backend").

Backends are imported only when used, so a PDF render never pays for jinja2 or docx.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from types import MappingProxyType, ModuleType
from typing import Any

from .._errors import UnknownFormatError

__all__ = ["MEDIA_TYPES", "backend", "check_options", "formats"]

_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("pdf", "application/pdf"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": ("html", "text/html; charset=utf-8"),
}
"""format name -> (its module in this package, the media type of its output)"""

MEDIA_TYPES: Mapping[str, str] = MappingProxyType(
    {name: media for name, (_, media) in _FORMATS.items()}
)
"""format name -> the media type of its output"""


def formats() -> tuple[str, ...]:
    """The output formats, e.g. ``("pdf", "docx", "html")``."""
    return tuple(_FORMATS)


def _module(name: str) -> ModuleType:
    key = str(name).strip().lower()
    if key not in _FORMATS:
        raise UnknownFormatError(name, sorted(_FORMATS))
    return import_module(f"{__name__}.{_FORMATS[key][0]}")


def backend(name: str) -> Callable[..., bytes]:
    """The render function of format ``name``, or raise `UnknownFormatError`."""
    render: Callable[..., bytes] = _module(name).render
    return render


def check_options(name: str, **options: Any) -> None:
    """Refuse options format ``name`` cannot use (e.g. a broken ``docx_template``) before
    any work, with the error the render would raise."""
    check: Callable[..., None] | None = getattr(_module(name), "check_options", None)
    if check is not None:
        check(**options)
