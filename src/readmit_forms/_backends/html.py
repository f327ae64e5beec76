"""HTML backend: one standalone page per form, for a browser preview and for printing.

The page (``data/form.html.jinja``) places each block with its block type's macro
(``data/blocks.html.jinja``; `HANDLERS` names them). Its CSS is inline, with a print
stylesheet for A4: on paper each page carries the language-status line and "page X
of Y" in its bottom margin, as the PDF does. The templates are compiled once per
process, with autoescaping and strict undefined variables, so every value prints as
itself.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from .. import _document as model
from .._document import PAGE, PAGES, Block, Document, PageNumber, Photo

__all__ = ["HANDLERS", "css_string", "render"]

HANDLERS: dict[type[Any], str] = {
    model.Title: "title",
    model.Text: "text",
    model.Heading: "heading",
    model.Field: "field",
    model.Choices: "choices",
    model.Slots: "slots",
    model.PhotoPanel: "photo_panel",
    model.Table: "table",
}
"""The macro of ``data/blocks.html.jinja`` that places each block type."""


def _source(name: str) -> str:
    return (resources.files("readmit_forms") / "data" / name).read_text("utf-8")


@cache
def _templates() -> tuple[Template, dict[type[Any], Callable[[Block], Markup]]]:
    """The page template and each block type's macro, compiled once per process."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.globals.update(draw=_draw, photo_src=_photo_src)
    macros = env.from_string(_source("blocks.html.jinja")).module
    handlers = {kind: getattr(macros, name) for kind, name in HANDLERS.items()}
    return env.from_string(_source("form.html.jinja")), handlers


def _draw(block: Block) -> Markup:
    handler = _templates()[1].get(type(block))
    if handler is None:
        raise TypeError(f"no HTML for {type(block).__name__} blocks")
    return handler(block)


def _photo_src(photo: Photo) -> str:
    return f"data:{photo.mime};base64,{base64.b64encode(photo.data).decode('ascii')}"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string or the <style> element."""
    out = []
    for char in text:
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):X} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _page_css(document: Document) -> Markup:
    """A4 page rules; the bottom margin shows the status line and the page label."""
    counters = {PAGE: "counter(page)", PAGES: "counter(pages)"}
    parts = [
        counters[token] if isinstance(token, PageNumber) else css_string(token)
        for token in document.page_label
    ]
    page = " ".join(parts) or '""'
    return Markup(
        "@page { size: A4; margin: 15mm 15mm 26mm 20mm;\n"
        "  @bottom-left { content: " + css_string(document.status) + "; "
        "font: italic 7.5pt 'Times New Roman', 'Liberation Serif', serif; "
        "vertical-align: top; text-align: left; border-top: 0.4pt solid #000; "
        "padding-top: 2pt; margin-top: 4mm; width: 140mm; }\n"
        "  @bottom-right { content: " + page + "; "
        "font: 8.5pt 'Times New Roman', 'Liberation Serif', serif; "
        "vertical-align: bottom; text-align: right; margin-bottom: 4mm; }\n"
        "}"
    )


def render(document: Document) -> bytes:
    """The document as a UTF-8 HTML page (the same document gives the same bytes)."""
    html = _templates()[0].render(document=document, page_css=_page_css(document))
    return html.encode("utf-8")
